// Issue 6 through the real hub and the built app: a paired kiosk reports its outbox count and storage use with
// its pull and the hub desk shows them with the hub's health; the hub desk's watch list lives at the hub
// (the hub matches arrivals), each change audited there by entry id.
import { expect, test } from '@playwright/test';
import { HUB_URL, newPairCode, openHubDesk, pairKiosk, staffToken } from './hub-helpers.js';

test.use({ baseURL: HUB_URL });

test('the hub desk shows the hub’s health and what a paired kiosk reported: its outbox count and storage use', async ({ browser }) => {
  const kioskContext = await browser.newContext();
  const deskContext = await browser.newContext();
  try {
    const kiosk = await kioskContext.newPage();
    const pulls: string[] = [];
    kiosk.on('request', (r) => {
      if (r.url().includes('/api/v1/sync/pull')) pulls.push(new URL(r.url()).search);
    });
    await pairKiosk(kiosk, await newPairCode());
    // The kiosk's own estimate went with its pull (navigator.storage.estimate() in this Chromium).
    expect(pulls.some((q) => /[?&]pending=0(&|$)/.test(q) && /[?&]storageBytes=\d+/.test(q)), pulls.join(' ')).toBe(true);
    const desk = await deskContext.newPage();
    await openHubDesk(desk);
    const kiosks = desk.getByRole('region', { name: 'Kiosks', exact: true });
    await expect(kiosks).toContainText('Hub: API version 1, SQLite database');
    await expect(kiosks).toContainText(/Disk: [\d.,]+ [MG]B free of [\d.,]+ [MG]B/);
    await expect(kiosks).toContainText(/0 changes waiting, storage [\d.,]+ MB \(reported /);
  } finally {
    await kioskContext.close();
    await deskContext.close();
  }
});

test('the hub desk keeps the watch list at the hub: added and removed there, audited by entry id', async ({ page, request }) => {
  await openHubDesk(page);
  const token = await staffToken(request);
  const auth = { headers: { Authorization: `Bearer ${token}` } };
  const watch = page.getByRole('region', { name: 'Watch list', exact: true });
  // A unique number, so entries of earlier runs on a reused hub data directory do not confuse the checks.
  const local = `9${String(Date.now()).slice(-7)}`;
  await watch.getByLabel('Match by', { exact: true }).selectOption('phone');
  await watch.getByLabel('Phone number', { exact: true }).fill(local);
  await watch.getByLabel('Reason', { exact: true }).fill('Threatened the guard (e2e)');
  await watch.getByLabel('Approved by', { exact: true }).fill('Site manager Lee');
  const expires = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Hong_Kong' });
  await watch.getByLabel('Expires', { exact: true }).fill(expires);
  await watch.getByRole('button', { name: 'Add to watch list', exact: true }).click();
  await expect(watch.getByRole('status')).toHaveText('Added to the watch list.');
  await expect(watch).toContainText(`+852${local}`);

  const listed = (await (await request.get(`${HUB_URL}/api/v1/watchlist`, auth)).json()) as { entries: { id: string; value: string; approvedBy: string }[] };
  const entry = listed.entries.find((e) => e.value === `+852${local}`);
  expect(entry?.approvedBy).toBe('Site manager Lee');
  const audit = async () => ((await (await request.get(`${HUB_URL}/api/v1/audit`, auth)).json()) as { entries: { action: string; target?: string }[] }).entries;
  expect((await audit()).some((e) => e.action === 'watchlist-change' && e.target === `add:${entry?.id}`)).toBe(true);
  expect(JSON.stringify(await audit())).not.toContain(local);

  await watch.getByRole('button', { name: 'Remove', exact: true, description: `+852${local}` }).click();
  await expect(watch).not.toContainText(`+852${local}`);
  const after = (await (await request.get(`${HUB_URL}/api/v1/watchlist`, auth)).json()) as { entries: { id: string }[] };
  expect(after.entries.some((e) => e.id === entry?.id)).toBe(false);
  expect((await audit()).some((e) => e.action === 'watchlist-change' && e.target === `remove:${entry?.id}`)).toBe(true);
});
