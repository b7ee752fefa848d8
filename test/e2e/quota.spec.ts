// A full disk, for real: the DevTools protocol shrinks the origin's quota so the next IndexedDB write fails
// with a genuine QuotaExceededError (verified only in a persistent context, TOOLCHAIN.md) — no stubbed put.
import { expect, test, type Page } from '@playwright/test';
import {
  NAMES,
  ORIGIN,
  launchPersistentKiosk,
  openKiosk,
  outcomeStatus,
  readStore,
  readVisits,
  registerWalkIn,
  registerWalkInToReview,
  uniqueName,
  welcomeCheckIn,
  type PersistentKiosk,
} from './helpers.js';

const en = NAMES.en;
/** Smaller than any IndexedDB write: the next transaction must fail. */
const TINY_QUOTA_BYTES = 1;

/** How long Chromium may keep an origin's IndexedDB open (and its old quota cached) after the last connection. */
const QUOTA_TAKES_EFFECT_MS = 30_000;

/**
 * Waits until the override actually limits IndexedDB. Measured here: Chromium reads an origin's quota when
 * it sets up the origin's IndexedDB backing, and keeps that setup for ~2–3 s after the last connection
 * closes; an override sent while the kiosk holds its database open changes nothing until then. So: leave
 * the origin, wait, come back to `/`, and probe with a raw write to a throwaway database; repeat until the
 * probe fails with a real QuotaExceededError. Ends on a freshly loaded kiosk.
 */
async function waitForQuotaToBite(page: Page): Promise<void> {
  const deadline = Date.now() + QUOTA_TAKES_EFFECT_MS;
  for (let away = 3_500; ; away += 2_000) {
    await page.goto('about:blank');
    await page.waitForTimeout(away);
    await page.goto('/');
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const req = indexedDB.open('vk-e2e-quota-probe', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('probe', { autoIncrement: true });
          req.onerror = () => resolve(req.error?.name ?? 'open failed');
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction('probe', 'readwrite');
            tx.objectStore('probe').put({ at: Date.now(), pad: 'x'.repeat(1024) });
            tx.oncomplete = () => {
              db.close();
              resolve('written');
            };
            tx.onabort = () => {
              db.close();
              resolve(tx.error?.name ?? 'aborted');
            };
          };
        }),
    );
    if (outcome === 'QuotaExceededError') return;
    if (Date.now() > deadline) throw new Error(`quota override never took effect (last probe: ${outcome})`);
  }
}

let kiosk: PersistentKiosk;
test.beforeEach(async () => {
  kiosk = await launchPersistentKiosk();
});
test.afterEach(async () => {
  await kiosk.dispose();
});

test('a full disk shows "see reception", keeps what was typed and loses nothing already queued', async () => {
  const { page, context } = kiosk;
  await openKiosk(page);
  const first = uniqueName('Before');
  await registerWalkIn(page, { fullName: first, phone: '9123 4567', host: '12B' });
  await page.getByRole('button', { name: en.done, exact: true }).click();
  await expect(welcomeCheckIn(page)).toBeVisible();
  const [firstVisit] = await readVisits(page);
  expect(firstVisit?.visitor.fullName).toBe(first);

  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: TINY_QUOTA_BYTES });
  await waitForQuotaToBite(page);
  await expect(welcomeCheckIn(page)).toBeVisible();

  const second = { fullName: uniqueName('Full'), phone: '6123 4567', organisation: 'Quota Co', host: '7A' };
  await registerWalkInToReview(page, second);
  await page.getByRole('button', { name: en.submit, exact: true }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/reception/i);
  await expect(outcomeStatus(page)).toHaveCount(0);

  await page.getByRole('button', { name: en.edit, exact: true }).click();
  await expect(page.getByRole('textbox', { name: en.fullName, exact: true })).toHaveValue(second.fullName);
  await expect(page.getByRole('textbox', { name: en.organisation, exact: true })).toHaveValue(second.organisation);
  await expect(page.getByRole('combobox', { name: en.host, exact: true })).toHaveValue(second.host);
  // The number may be shown as typed or reformatted; its digits must still be there.
  const phone = await page.getByRole('textbox', { name: en.phone, exact: true }).inputValue();
  expect(phone.replace(/\D/g, '')).toContain('61234567');

  // Reading needs no quota; restore it anyway so nothing else in the profile is starved.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN });
  const visits = await readVisits(page);
  expect(visits.map((v) => v.visitor.fullName)).toEqual([first]);
  const outbox = await readStore(page, 'outbox');
  expect(outbox.length).toBeGreaterThanOrEqual(1);
  expect(JSON.stringify(outbox)).toContain(firstVisit?.id ?? 'missing id');
});
