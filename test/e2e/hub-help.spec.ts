// "Ask staff for help" on a paired kiosk reaches a desk that is NOT on the same device (issue 4 item 6 through
// the hub of issue 5): the kiosk tells the hub, the hub rings every desk of the site. Nothing about the
// visitor travels with it.
import { expect, test } from '@playwright/test';
import { alertsOf } from './desk-helpers.js';
import { HUB_URL, newPairCode, openHubDesk, pairKiosk } from './hub-helpers.js';

test.use({ baseURL: HUB_URL });

test('a paired kiosk’s help call rings the hub desk in another browser, and Acknowledge answers it', async ({ browser }) => {
  const kioskContext = await browser.newContext();
  const deskContext = await browser.newContext();
  try {
    const kiosk = await kioskContext.newPage();
    await pairKiosk(kiosk, await newPairCode());
    const desk = await deskContext.newPage();
    await openHubDesk(desk);
    const before = await alertsOf(desk, 'Help requested at the kiosk').count();

    const sent: string[] = [];
    kiosk.on('request', (r) => {
      if (r.url().endsWith('/api/v1/help')) sent.push(r.postData() ?? '');
    });
    await kiosk.getByRole('button', { name: 'Ask staff for help', exact: true }).click();
    await desk.bringToFront();
    const calls = alertsOf(desk, 'Help requested at the kiosk');
    await expect(calls).toHaveCount(before + 1, { timeout: 10_000 });
    // The request carried nothing: no name, no screen, no visit.
    expect(sent).toEqual(['']);
    await calls.last().getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await expect(calls.last()).toContainText('Acknowledged by');
  } finally {
    await kioskContext.close();
    await deskContext.close();
  }
});
