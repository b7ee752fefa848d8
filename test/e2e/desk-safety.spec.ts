// Issue 4, "Bad input and safety", end to end: a desk without a signed-in staff member shows no personal
// data, a wrong PIN is refused (and repeated ones lock sign-in), and names typed with markup stay text.
import { expect, test } from '@playwright/test';
import {
  ADMIN_PIN,
  DESK,
  arrivalRow,
  deepPageText,
  deskButton,
  openDesk,
  pinField,
  registerAtKiosk,
  signIn,
  submitPin,
  walkIn,
  evacuationRegion,
} from './desk-helpers.js';
import { openKiosk, uniqueName } from './helpers.js';

/** Wrong PINs that lock sign-in (desk/auth.ts `MAX_PIN_ATTEMPTS`, pinned: the lock is a security promise). */
const ATTEMPTS_BEFORE_LOCK = 5;
/** How long the lock lasts, in minutes (desk/auth.ts `LOCK_MINUTES`). */
const LOCK_MINUTES = 5;

test('a signed-out desk shows no visitor data; signing in shows it and signing out hides it again', async ({ context, page: kiosk }) => {
  await openKiosk(kiosk);
  const name = uniqueName('Private');
  await registerAtKiosk(kiosk, walkIn(name, { phone: '6123 4567', organisation: 'Quiet Ltd' }));

  const desk = await context.newPage();
  await openDesk(desk);
  // Give a desk that (wrongly) loaded visits unasked time to render them.
  await desk.waitForTimeout(1_000);
  const personal = [name, 'Quiet Ltd', '6123', '61234567'];
  const signedOut = await deepPageText(desk);
  for (const p of personal) expect(signedOut, `signed-out desk shows ${p}`).not.toContain(p);
  expect(await desk.title()).not.toContain(name);

  // The same desk after sign-in does show the visitor: the check above looks where the name would be.
  await signIn(desk);
  await expect(arrivalRow(desk, name)).toBeVisible();
  expect(await deepPageText(desk)).toContain(name);

  await deskButton(desk, DESK.signOut).click();
  await expect(pinField(desk)).toBeVisible();
  const again = await deepPageText(desk);
  for (const p of personal) expect(again, `desk after sign-out shows ${p}`).not.toContain(p);
});

test('a wrong PIN is refused; five wrong PINs lock sign-in, even for the right PIN', async ({ page }) => {
  await openDesk(page);
  await submitPin(page, '0000');
  await expect(page.getByText(DESK.pinWrong, { exact: true })).toBeVisible();
  await expect(deskButton(page, DESK.signOut)).toHaveCount(0);

  for (let i = 1; i < ATTEMPTS_BEFORE_LOCK; i++) await submitPin(page, String(1000 + i));
  const locked = page.getByText(DESK.pinLocked(LOCK_MINUTES), { exact: true });
  await expect(locked).toBeVisible();

  await submitPin(page, ADMIN_PIN);
  await expect(locked).toBeVisible();
  await expect(deskButton(page, DESK.signOut)).toHaveCount(0);
  await expect(pinField(page)).toBeVisible();
});

test.describe('a visitor name with markup', () => {
  // The server's CSP would stop an inline handler anyway; bypass it so the test checks the rendering itself.
  test.use({ bypassCSP: true });
  const MARKUP = '<img src=x onerror=window.__x=1>';

  test('is shown as text on the desk, in the row and the evacuation list, and never runs', async ({ context, page: kiosk }) => {
    await openKiosk(kiosk);
    await registerAtKiosk(kiosk, walkIn(MARKUP, { organisation: MARKUP }));

    const desk = await context.newPage();
    await openDesk(desk);
    await signIn(desk);
    const row = arrivalRow(desk, MARKUP);
    await expect(row).toBeVisible();
    // The visitor cell: the name, a line break, the organisation — both literally as typed.
    await expect(row.getByRole('cell').nth(1)).toHaveText(`${MARKUP} ${MARKUP}`, { useInnerText: true });
    await deskButton(row, DESK.confirmCheckIn).click();
    await expect(evacuationRegion(desk).getByRole('listitem').filter({ hasText: MARKUP })).toHaveCount(1);

    await expect(desk.locator('img[src="x"]')).toHaveCount(0);
    for (const page of [desk, kiosk]) expect(await page.evaluate(() => (window as { __x?: unknown }).__x)).toBeUndefined();
  });
});
