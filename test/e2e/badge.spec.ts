// Badges and check-out against the built app (issue 3): where the site has a printer, an invited check-in
// prints a badge whose QR carries a check-out code signed by the device; the visitor checks out by that code
// alone (typed by a scanner), answers the satisfaction question, and the same badge cannot check out twice.
import zxing from '@zxing/library';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

// @zxing/library is CommonJS: its classes come off the default export under Node's ESM loader.
const { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = zxing;
import {
  NAMES,
  SCAN_NAMES,
  button,
  configurePrinter,
  confirmArrival,
  enterCode,
  expectRefusal,
  invitedVisits,
  openCheckOut,
  openKiosk,
  openScanInvitation,
  outcomeStatus,
  waitForSiteKeys,
  welcomeCheckIn,
} from './helpers.js';
import { CATALOGUES } from '../../src/i18n/index.js';
import { invitation } from './tokens.js';

/** Decodes the QR of a `data:image/png` URL in Node (an independent decoder, not the app's). */
function decodeQrDataUrl(dataUrl: string): string {
  const png = PNG.sync.read(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  const luminance = new Uint8ClampedArray(png.width * png.height);
  for (let i = 0; i < luminance.length; i++) {
    const r = png.data[i * 4] ?? 0;
    const g = png.data[i * 4 + 1] ?? 0;
    const b = png.data[i * 4 + 2] ?? 0;
    luminance[i] = (r * 299 + g * 587 + b * 114) / 1000;
  }
  const source = new RGBLuminanceSource(luminance, png.width, png.height);
  // The badge's QR is a clean, generated image: PURE_BARCODE reads its grid directly. Without it the
  // finder-pattern detector of @zxing/library misses some random codes (a flaky failure seen in CI).
  const hints = new Map<zxing.DecodeHintType, unknown>([
    [DecodeHintType.PURE_BARCODE, true],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
}

/** The check-out code of the last badge, as the kiosk keeps it for a reprint. */
function badgeToken(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('visitor-kiosk') as unknown as { badgeToken: string }).badgeToken);
}

test('an invited check-in prints a badge whose code checks the visitor out once, with the satisfaction answer', async ({ page }) => {
  // Counts print jobs by the browser's own beforeprint event: window.print() itself is left untouched.
  await page.addInitScript(() => {
    const w = window as unknown as { __prints: number };
    w.__prints = 0;
    window.addEventListener('beforeprint', () => w.__prints++);
  });
  await openKiosk(page);
  await waitForSiteKeys(page);
  await configurePrinter(page, '62mm');

  const field = await openScanInvitation(page);
  await enterCode(field, await invitation());
  await confirmArrival(page, SCAN_NAMES.invitationHeading);
  await expect(page.getByText(CATALOGUES.en.takeBadge)).toBeVisible();

  await expect.poll(() => badgeToken(page), { message: 'no badge token after an invited check-in with a printer' }).not.toBe('');
  const token = await badgeToken(page);
  expect(token.split('.')).toHaveLength(3);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
  const qr = page.locator('vk-badge img');
  await expect(qr).toHaveCount(1);
  const src = (await qr.getAttribute('src')) ?? '';
  expect(src).toMatch(/^data:image\/png;base64,/);
  expect(decodeQrDataUrl(src)).toBe(token);
  // The badge shows the unit visited.
  await expect(page.locator('vk-badge')).toContainText('12B');

  await button(page, NAMES.en.done).click();
  await expect(welcomeCheckIn(page)).toBeVisible();
  await enterCode(await openCheckOut(page), token);
  await expect(page.getByText(SCAN_NAMES.feedbackQuestion, { exact: true })).toBeVisible();
  await expect(button(page, SCAN_NAMES.satisfied)).toBeVisible();
  await expect(button(page, SCAN_NAMES.dissatisfied)).toBeVisible();
  await expect(button(page, SCAN_NAMES.skip)).toBeVisible();
  await button(page, SCAN_NAMES.basicallySatisfied).click();
  await expect(outcomeStatus(page)).toContainText(SCAN_NAMES.checkedOut);

  const [visit, ...others] = await invitedVisits(page);
  expect(others).toEqual([]);
  expect(visit?.status).toBe('checked-out');
  expect(visit?.['feedback']).toMatchObject({ rating: 'basically-satisfied' });

  // The same badge again: already out, so a polite refusal, and the record is unchanged.
  await button(page, NAMES.en.done).click();
  const badgeField = await openCheckOut(page);
  await enterCode(badgeField, token);
  await expect(page.getByRole('heading', { name: SCAN_NAMES.refusedHeading, exact: true })).toBeVisible();
  await expect(outcomeStatus(page)).toHaveCount(0);
  await expect(button(page, NAMES.en.back)).toBeVisible();
  await expect(button(page, SCAN_NAMES.registerInstead)).toBeVisible();
  const [again] = await invitedVisits(page);
  expect(again?.status).toBe('checked-out');
  expect(again?.['feedback']).toEqual(visit?.['feedback']);
});

/** Opens the kiosk with a printer, checks an invitation in and returns its badge's code (back on the welcome screen). */
async function checkInWithBadge(page: Page, format: '62mm' | 'a6'): Promise<string> {
  await openKiosk(page);
  await waitForSiteKeys(page);
  await configurePrinter(page, format);
  await enterCode(await openScanInvitation(page), await invitation());
  await confirmArrival(page, SCAN_NAMES.invitationHeading);
  await expect.poll(() => badgeToken(page)).not.toBe('');
  const token = await badgeToken(page);
  await button(page, NAMES.en.done).click();
  await expect(welcomeCheckIn(page)).toBeVisible();
  return token;
}

test('a dissatisfied visitor gives a reason with Send; a forged badge code is refused', async ({ page }) => {
  const token = await checkInWithBadge(page, 'a6');

  // One changed character of the signature: the device's key does not verify it.
  const dot = token.lastIndexOf('.');
  const at = dot + 10;
  const forged = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
  await enterCode(await openCheckOut(page), forged);
  await expectRefusal(page, 'invite-bad-signature');
  await button(page, NAMES.en.back).click();
  expect((await invitedVisits(page))[0]?.status).toBe('checked-in');

  await enterCode(await openCheckOut(page), token);
  await button(page, SCAN_NAMES.dissatisfied).click();
  const reason = page.getByRole('textbox', { name: CATALOGUES.en.feedbackReason, exact: true });
  await reason.fill('Waited too long at the lift');
  await button(page, SCAN_NAMES.send).click();
  await expect(outcomeStatus(page)).toContainText(SCAN_NAMES.checkedOut);
  const [visit] = await invitedVisits(page);
  expect(visit?.status).toBe('checked-out');
  expect(visit?.['feedback']).toMatchObject({ rating: 'dissatisfied', reason: 'Waited too long at the lift' });
});

test('a badge already checked out is refused as such, not as a badge this kiosk never issued', async ({ page }) => {
  const token = await checkInWithBadge(page, '62mm');
  await enterCode(await openCheckOut(page), token);
  await button(page, SCAN_NAMES.skip).click();
  await expect(outcomeStatus(page)).toHaveText(SCAN_NAMES.checkedOut);
  await button(page, NAMES.en.done).click();

  await enterCode(await openCheckOut(page), token);
  await expect(page.getByRole('heading', { name: SCAN_NAMES.refusedHeading, exact: true })).toBeVisible();
  // This kiosk issued the badge: telling the visitor otherwise sends reception looking for the wrong problem.
  await expect(page.getByText(CATALOGUES.en.checkOutUnknown, { exact: true })).toHaveCount(0);
});
