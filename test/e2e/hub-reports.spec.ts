// Reports end to end (issue 8 items 6–7), on the BUILT desk served by a real hub running in this test's process
// (its own SQLite, an ephemeral loopback port): the site manager's reports panel loads Chart.js only once it is
// shown (not on the sign-in screen), draws the month's figures with a table under each chart, and downloads the
// report as an XLSX made in the browser (exceljs, also loaded on demand) and the visits export through the hub —
// both opened here with exceljs / as CSV: the figures match and a hostile name stays text.
import { expect, test } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { localDayKey } from '../../src/domain/time.js';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../../src/domain/uuid.js';
import type { Visit } from '../../src/domain/visit.js';
import { AdjustableClock } from '../../hub/clock.js';
import { openStore, type HubStore } from '../../hub/db/index.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { bootstrapIfEmpty } from '../../hub/sites.js';

const MANAGER_PIN = '2468';
/** The kiosk the visits came from (a device id is a UUID). */
const KIOSK_ID = crypto.randomUUID();
let dir = '';
let store: HubStore;
let hub: RunningHub;
const clock = new AdjustableClock();

const visit = (i: number, visitorType: Visit['visitorType'], fullName: string): Visit => {
  const at = new Date(clock.now().getTime() - i * 60_000).toISOString();
  return {
    id: uuidv7(Date.parse(at), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES))),
    siteId: 'demo',
    deviceId: KIOSK_ID,
    seq: i,
    dayKey: localDayKey(new Date(at), 'Asia/Hong_Kong'),
    createdAt: at,
    updatedAt: at,
    status: 'registered',
    history: [{ status: 'registered', at }],
    source: 'kiosk-walk-in',
    lang: 'en',
    visitor: { fullName, phone: '', organisation: '', partySize: 1 },
    visitorType,
    purpose: 'meeting',
    host: { kind: 'free-text', label: '12B' },
    hasAppointment: false,
    identity: { method: 'sighted' },
    consent: { noticeVersion: '2026-11-01', kind: 'read', at },
  };
};

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vk-e2e-reports-'));
  store = await openStore({ dataDir: dir });
  await bootstrapIfEmpty(store, { adminPin: MANAGER_PIN, now: clock.now() });
  // Minutes before now, so they fall on today's local day unless the test runs in the first minutes after midnight.
  await store.write((repo) => repo.insertVisits([visit(1, 'courier', 'Courier One'), visit(2, 'courier', '=HYPERLINK("http://evil","x")'), visit(3, 'business', 'Business Three')], clock.now().toISOString()));
  hub = await startHub({ dataDir: dir, port: 0, host: '127.0.0.1', store, clock: clock.now, staticRoot: process.env['VK_DIST'] || 'dist', escalationTickMs: 3_600_000, healthTickMs: 3_600_000, purgeEveryMs: 0 });
});

test.afterAll(async () => {
  await hub?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

test('a site manager reads the month as charts and downloads it as XLSX; Chart.js loads only with the reports', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(`${hub.url}/desk`);
  await expect(page.getByLabel('PIN', { exact: true })).toBeVisible();
  expect(scripts.filter((s) => /\/chart-[\w-]+\.js$/.test(s) || /exceljs/.test(s)), 'the sign-in screen loads neither Chart.js nor exceljs').toEqual([]);
  const pin = page.getByLabel('PIN', { exact: true });
  await pin.fill(MANAGER_PIN);
  await pin.press('Enter');
  await expect(page.getByRole('heading', { name: 'Reports', exact: true })).toBeVisible();

  const section = page.locator('vk-desk-reports').locator('section[aria-labelledby="h-visits-by-type"]');
  await expect(section.getByRole('heading', { name: 'Visits by visitor type' })).toBeVisible();
  await expect(section.getByText('Total: 3')).toBeVisible();
  await expect(section.getByRole('img', { name: 'Chart: Visits by visitor type. The figures are in the table below.' })).toBeVisible();
  await expect.poll(() => scripts.some((s) => /\/chart-[\w-]+\.js$/.test(s))).toBe(true);
  await section.getByText('Figures: Visits by visitor type').click();
  await expect(section.getByRole('row', { name: /Courier\s+2/ })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Report as Excel (XLSX)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^report-\d{4}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile((await download.path()) as string)) as unknown as ArrayBuffer);
  const rows = (book.getWorksheet('visits-by-type')?.getSheetValues() ?? []).filter((r): r is ExcelJS.CellValue[] => Array.isArray(r));
  expect(rows.find((r) => r[1] === 'courier')?.[2]).toBe(2);
  expect(rows.find((r) => r[1] === 'total')?.[2]).toBe(3);

  const [visits] = await Promise.all([page.waitForEvent('download'), (async () => {
    await page.getByLabel('Format', { exact: true }).selectOption('csv');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
  })()]);
  const csv = await readFile((await visits.path()) as string, 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^visit_id,/);
  expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
});
