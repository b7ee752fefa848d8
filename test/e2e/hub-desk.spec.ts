// The desk signed in at the hub (`/desk`), doing the hub's own work: issuing an invitation from the desk's
// panel (signed at the hub — the desk holds no key) and revoking a kiosk whose tablet went missing.
import { expect, test } from '@playwright/test';
import { HUB_URL, newPairCode, openHubDesk, pairKiosk, syncIndicator } from './hub-helpers.js';

test.use({ baseURL: HUB_URL });

test('the hub desk issues an invitation from its panel: QR and a link to the visitor’s page', async ({ page }) => {
  await openHubDesk(page);
  const panel = page.getByRole('region', { name: 'Issue an invitation' });
  await panel.getByRole('button', { name: 'Group', exact: true }).click();
  await panel.getByRole('textbox', { name: 'Unit or office visited' }).fill('12B');
  await panel.getByRole('spinbutton', { name: 'Number of people' }).fill('3');
  await panel.getByRole('textbox', { name: 'Names (one per line, optional)' }).fill('Chan Tai Man\nWong Siu Ming');
  await panel.getByRole('button', { name: 'Issue invitation', exact: true }).click();
  await expect(panel.getByRole('status')).toContainText('Invitation issued');
  await expect(panel.getByRole('img', { name: 'QR code of the invitation' })).toBeVisible();
  const link = (await panel.locator('.link').textContent())?.trim() ?? '';
  expect(new URL(link).pathname).toBe('/invitation');
  expect(link).not.toContain('Chan');
});

test('a site manager revokes a kiosk on the hub desk: the kiosk is told and unpairs', async ({ browser }) => {
  const kioskContext = await browser.newContext();
  const deskContext = await browser.newContext();
  try {
    const kiosk = await kioskContext.newPage();
    await pairKiosk(kiosk, await newPairCode());
    const desk = await deskContext.newPage();
    await openHubDesk(desk);
    const kiosks = desk.getByRole('region', { name: 'Kiosks' });
    const before = await kiosks.getByRole('button', { name: /^Revoke: / }).count();
    expect(before).toBeGreaterThan(0);
    desk.once('dialog', (dialog) => void dialog.accept());
    // The newest kiosk is the one just paired: its row is the only one whose revoke the hub has not done yet.
    await kiosks.getByRole('button', { name: /^Revoke: / }).last().click();
    await expect(kiosks.getByRole('button', { name: /^Revoke: / })).toHaveCount(before - 1);
    // At its next pull the kiosk learns it was revoked and goes back to standalone (no sync time shown).
    await kiosk.reload();
    await expect(kiosk.getByRole('button', { name: 'Check in', exact: true })).toBeVisible();
    await expect(syncIndicator(kiosk)).not.toContainText('Last sync', { timeout: 15_000 });
  } finally {
    await kioskContext.close();
    await deskContext.close();
  }
});
