// The visitor life-cycle's remaining steps on the built desk: Confirm check-in records the badge handed out
// (required where the site numbers its badges), Deny records a reason (the site's list, or words) shown on
// the row, and a busy day keeps every row reachable by search although only a page is rendered at first.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { deskEn } from '../../src/i18n/desk/en.js';
import { ADMIN_ID, DESK, PC_VIEWPORT, PHONE_VIEWPORT, arrivalRow, deskButton, expectOnSite, openSignedInDesk, readDeskStore, registerAtKiosk, statusCell, walkIn } from './desk-helpers.js';
import { openKiosk, uniqueName } from './helpers.js';

const BADGE = deskEn.badgeNumber;

interface StoredVisitRow {
  id: string;
  status: string;
  badgeNumber?: string;
  denial?: { reason: string; note?: string; staffId: string };
  visitor: { fullName: string };
}

async function storedVisit(page: Page, fullName: string): Promise<StoredVisitRow> {
  const rows = (await readDeskStore<StoredVisitRow>(page, 'visits')).filter((v) => v.visitor.fullName === fullName);
  expect(rows, `visits named ${fullName}`).toHaveLength(1);
  return rows[0]!;
}

test('Confirm check-in records the badge number typed on the row; without one the visitor is checked in all the same', async ({ context, page: kiosk }) => {
  await openKiosk(kiosk);
  const desk = await openSignedInDesk(context);
  const ann = uniqueName('Ann');
  const ben = uniqueName('Ben');
  await registerAtKiosk(kiosk, walkIn(ann), desk);
  await registerAtKiosk(kiosk, walkIn(ben), desk);

  const rowAnn = arrivalRow(desk, ann);
  await rowAnn.getByRole('textbox', { name: BADGE, exact: true }).fill('V-0042');
  await deskButton(rowAnn, DESK.confirmCheckIn).click();
  await expect(statusCell(rowAnn)).toContainText(DESK.onSite);
  await expect(statusCell(rowAnn)).toContainText(deskEn.badgeShown('V-0042'));
  await expect(rowAnn.getByRole('textbox', { name: BADGE, exact: true })).toHaveCount(0);
  expect(await storedVisit(desk, ann)).toMatchObject({ status: 'checked-in', badgeNumber: 'V-0042' });

  // The demo site does not number its badges: the field may stay empty.
  const rowBen = arrivalRow(desk, ben);
  await deskButton(rowBen, DESK.confirmCheckIn).click();
  await expect(statusCell(rowBen)).toHaveText(DESK.onSite);
  const stored = await storedVisit(desk, ben);
  expect(stored.status).toBe('checked-in');
  expect(stored.badgeNumber).toBeUndefined();
  await expectOnSite(desk, [ann, ben]);
});

test('where the site numbers its badges, Confirm check-in needs the number; Enter in the field confirms', async ({ context, page: kiosk }) => {
  // The site's configuration as the server serves it, with numbered badges switched on.
  await context.route('**/site.json', async (route) => {
    const response = await route.fetch();
    const site = (await response.json()) as Record<string, unknown>;
    await route.fulfill({ response, json: { ...site, desk: { numberedBadges: true } } });
  });
  await openKiosk(kiosk);
  const desk = await openSignedInDesk(context);
  const cy = uniqueName('Cy');
  await registerAtKiosk(kiosk, walkIn(cy), desk);

  const row = arrivalRow(desk, cy);
  const badge = row.getByRole('textbox', { name: BADGE, exact: true });
  await expect(badge).toHaveAttribute('required', '');
  await deskButton(row, DESK.confirmCheckIn).click();
  await expect(row.getByText(deskEn.badgeRequired, { exact: true })).toBeVisible();
  await expect(badge).toHaveAttribute('aria-invalid', 'true');
  await expect(badge).toBeFocused();
  await expect(statusCell(row)).toContainText(DESK.waiting);
  expect((await storedVisit(desk, cy)).status).toBe('registered');

  await badge.fill('17');
  await badge.press('Enter');
  await expect(statusCell(row)).toContainText(deskEn.badgeShown('17'));
  expect(await storedVisit(desk, cy)).toMatchObject({ status: 'checked-in', badgeNumber: '17' });
});

test('Deny asks for a reason (the list, or words for Other), stores it with who denied, and shows it on the row', async ({ context, page: kiosk }) => {
  await openKiosk(kiosk);
  const desk = await openSignedInDesk(context);
  const dee = uniqueName('Dee');
  const eve = uniqueName('Eve');
  await registerAtKiosk(kiosk, walkIn(dee), desk);
  await registerAtKiosk(kiosk, walkIn(eve), desk);

  const rowDee = arrivalRow(desk, dee);
  await deskButton(rowDee, DESK.deny).click();
  const dialog = desk.getByRole('dialog', { name: deskEn.denyHeading(dee), exact: true });
  await expect(dialog).toBeVisible();
  // The dialog and the rows with their badge fields pass axe (defaults, nothing disabled) on a phone and a PC.
  for (const size of [PHONE_VIEWPORT, PC_VIEWPORT]) {
    await desk.setViewportSize(size);
    const found = (await new AxeBuilder({ page: desk }).analyze()).violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' >>> ')}`));
    expect(found, `axe at ${size.width}×${size.height}`).toEqual([]);
  }
  // Every reason of the site's list (all of them on the demo site) and Other.
  const reasons = dialog.getByRole('group', { name: deskEn.denyReason, exact: true }).getByRole('radio');
  await expect(reasons).toHaveCount(Object.keys(deskEn.denyReasons).length);
  await deskButton(dialog, deskEn.denyConfirm).click();
  await expect(dialog.getByText(deskEn.errors.required, { exact: true })).toBeVisible();
  await dialog.getByRole('radio', { name: deskEn.denyReasons['no-identification'], exact: true }).check();
  await dialog.getByRole('textbox', { name: deskEn.denyNote, exact: true }).fill('Would not show any ID');
  await deskButton(dialog, deskEn.denyConfirm).click();
  await expect(dialog).toBeHidden();
  await expect(statusCell(rowDee)).toContainText(deskEn.statuses.denied);
  await expect(statusCell(rowDee)).toContainText(deskEn.denialShown(deskEn.denyReasons['no-identification'], 'Would not show any ID'));
  await expect(deskButton(rowDee, DESK.confirmCheckIn)).toHaveCount(0);
  expect(await storedVisit(desk, dee)).toMatchObject({ status: 'denied', denial: { reason: 'no-identification', note: 'Would not show any ID', staffId: ADMIN_ID } });

  // Other needs words; Cancel leaves the visitor waiting.
  const rowEve = arrivalRow(desk, eve);
  await deskButton(rowEve, DESK.deny).click();
  const second = desk.getByRole('dialog', { name: deskEn.denyHeading(eve), exact: true });
  await second.getByRole('radio', { name: deskEn.denyReasons.other, exact: true }).check();
  await deskButton(second, deskEn.denyConfirm).click();
  await expect(second.getByText(deskEn.denyNoteRequired, { exact: true })).toBeVisible();
  await deskButton(second, deskEn.cancel).click();
  await expect(second).toBeHidden();
  await expect(statusCell(rowEve)).toContainText(DESK.waiting);
  expect((await storedVisit(desk, eve)).status).toBe('registered');
  await expectOnSite(desk, []);
});

/** Writes `n` waiting visits of today straight into the database, as other tablets' arrivals would be. */
async function seedDay(page: Page, n: number, prefix: string): Promise<string[]> {
  return page.evaluate(
    async ({ count, prefix: p }) => {
      const hex = (b: number) => b.toString(16).padStart(2, '0');
      const uuid7 = (ms: number) => {
        const bytes = crypto.getRandomValues(new Uint8Array(16));
        const t = BigInt(ms);
        for (let i = 0; i < 6; i++) bytes[i] = Number((t >> BigInt(8 * (5 - i))) & 0xffn);
        bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
        bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
        const s = [...bytes].map(hex).join('');
        return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
      };
      const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Hong_Kong', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const req = indexedDB.open('visitor-kiosk');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => ko(req.error);
      });
      const tx = db.transaction(['visits', 'meta'], 'readwrite');
      const meta = tx.objectStore('meta');
      const next = await new Promise<number>((ok) => {
        const r = meta.get('nextSeq');
        r.onsuccess = () => ok(typeof r.result === 'number' ? r.result : 1);
      });
      const device = crypto.randomUUID();
      const names: string[] = [];
      // Oldest first, a second apart, ending a minute ago: the desk lists the newest first.
      const start = Date.now() - 60_000 - count * 1000;
      for (let i = 0; i < count; i++) {
        const at = new Date(start + i * 1000).toISOString();
        const fullName = `${p} ${String(i).padStart(4, '0')}`;
        names.push(fullName);
        tx.objectStore('visits').put({
          id: uuid7(start + i * 1000),
          siteId: 'demo',
          deviceId: device,
          seq: next + i,
          dayKey,
          createdAt: at,
          updatedAt: at,
          status: 'registered',
          history: [{ status: 'registered', at }],
          source: 'kiosk-walk-in',
          lang: 'en',
          visitor: { fullName, phone: '', organisation: '', partySize: 1 },
          visitorType: 'visiting-resident',
          purpose: 'meeting',
          host: { kind: 'free-text', label: '12B' },
          hasAppointment: false,
          identity: { method: 'sighted' },
          consent: { noticeVersion: 'hk-2026-11', kind: 'read', at },
        });
      }
      meta.put(next + count, 'nextSeq');
      await new Promise((ok, ko) => {
        tx.oncomplete = ok;
        tx.onerror = () => ko(tx.error);
      });
      db.close();
      new BroadcastChannel('vk-storage:visitor-kiosk').postMessage({ type: 'changed' });
      return names;
    },
    { count: n, prefix },
  );
}

test('a busy day shows its first rows at once, more as the list is scrolled, and search reaches any row', async ({ context }) => {
  const desk = await openSignedInDesk(context);
  const prefix = uniqueName('Busy');
  const names = await seedDay(desk, 180, prefix);
  const region = desk.getByRole('region', { name: deskEn.arrivalsHeading, exact: true });
  const newest = names[names.length - 1]!;
  const oldest = names[0]!;
  await expect(arrivalRow(desk, newest)).toBeVisible();
  // Not every row is rendered at once, and the page says so.
  await expect(region.getByText(/^Showing \d+ of 180$/)).toBeVisible();
  await expect(arrivalRow(desk, oldest)).toHaveCount(0);

  // Search works on every row of the day, rendered or not.
  await region.getByRole('searchbox', { name: deskEn.search, exact: true }).fill(oldest);
  await expect(arrivalRow(desk, oldest)).toHaveCount(1);
  await expect(desk.getByRole('row')).toHaveCount(2);
  await region.getByRole('searchbox', { name: deskEn.search, exact: true }).fill('');

  // Scrolling down renders the rest — also when a flick carries the end of the list past the screen in one
  // go (3 000 px a turn of the wheel here) — with the table's row semantics intact.
  await expect(arrivalRow(desk, newest)).toBeVisible();
  await desk.mouse.move(400, 400);
  for (let i = 0; i < 60 && (await arrivalRow(desk, oldest).count()) === 0; i++) {
    await desk.mouse.wheel(0, 3000);
    await desk.waitForTimeout(100);
  }
  await expect(arrivalRow(desk, oldest)).toHaveCount(1);
  await expect(region.getByRole('table')).toHaveAttribute('aria-rowcount', '181');
  await expect(region.getByRole('row')).toHaveCount(181);
});
