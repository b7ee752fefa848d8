// Issuing an invitation at the hub (issue 5, item 9) and using it, as the three people involved would:
// a receptionist issues it through the API (the desk panel calls the same endpoint), the visitor opens the
// forwarded link on a phone and sees the code in their language, and the kiosk in the lobby admits them with it.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SCAN_NAMES, confirmArrival, enterCode, openScanInvitation, waitForSiteKeys } from './helpers.js';
import { HUB_URL, staffToken } from './hub-helpers.js';

test.use({ baseURL: HUB_URL });

test('an invitation issued at the hub opens on the visitor’s phone as a code, in their language, and admits them at the kiosk', async ({ browser, request }) => {
  const token = await staffToken(request);
  const issued = await request.post(`${HUB_URL}/api/v1/invitations`, { headers: { Authorization: `Bearer ${token}` }, data: { host: '12B', hours: 4, partySize: 2 } });
  expect(issued.status()).toBe(200);
  const { link, token: invitation } = (await issued.json()) as { link: string; token: string };
  expect(new URL(link).pathname).toBe('/invitation');
  // The token rides in the fragment: the request for the page never carries it.
  expect(new URL(link).search).toBe('');

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-HK' });
  try {
    const page = await phone.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(link.replace(/^https?:\/\/[^/]+/, HUB_URL));
    await expect(page.getByRole('heading', { name: '您的訪客邀請' })).toBeVisible();
    await expect(page.getByRole('img', { name: '在登記機出示的邀請QR碼' })).toBeVisible();
    await expect(page.getByText('到訪：12B')).toBeVisible();
    await expect(page.getByText('人數：2')).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Your visitor invitation' })).toBeVisible();
    expect(requested.some((u) => u.includes(invitation))).toBe(false);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

    // A link cut short in a chat app: a calm message, no code.
    await page.goto(`${HUB_URL}/invitation#eyJhbGciOi`);
    await expect(page.getByRole('alert')).toContainText('This link is not complete');
    await expect(page.getByRole('img')).toHaveCount(0);
  } finally {
    await phone.close();
  }

  // At the lobby kiosk (served by the same hub, with the site's key set): the code admits the visitor.
  const kiosk = await browser.newPage();
  await kiosk.goto('/');
  await waitForSiteKeys(kiosk);
  const field = await openScanInvitation(kiosk);
  await enterCode(field, invitation);
  await confirmArrival(kiosk, SCAN_NAMES.invitationHeading);
  await kiosk.close();
});
