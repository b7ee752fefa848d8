// Through the real hub (issue 5): a kiosk paired by its link registers visitors while cut off, comes back
// online, and a desk in ANOTHER browser context — signed in at the hub with the PIN — sees the visits; a
// Media arrival raises the Class C alert on that desk. No shared IndexedDB between the two: only the hub.
import { expect, test } from '@playwright/test';
import { alertsOf, arrivalRow, mediaArrival, recordEvents, recordedEvents, registerAtKiosk, walkIn } from './desk-helpers.js';
import { uniqueName } from './helpers.js';
import { HUB_URL, cutNetwork, makeOfflineReady, newPairCode, openHubDesk, pairKiosk, restoreNetwork, syncIndicator } from './hub-helpers.js';

test.use({ baseURL: HUB_URL });

test('pair by link, register offline, come back online: the desk in another browser sees the visits and the Class C alert', async ({ browser }) => {
  const kioskContext = await browser.newContext();
  const deskContext = await browser.newContext();
  try {
    const kiosk = await kioskContext.newPage();
    await recordEvents(kiosk);
    await pairKiosk(kiosk, await newPairCode());
    await makeOfflineReady(kiosk);

    // The desk, signed in at the hub, in a browser context of its own.
    const desk = await deskContext.newPage();
    await openHubDesk(desk);
    // The hub's kiosks are listed on the desk (a silent one or one with a gap would carry a warning).
    await expect(desk.getByRole('heading', { name: 'Kiosks', exact: true })).toBeVisible();

    // The lobby loses the network: visitors still register, and the records wait on the kiosk.
    await cutNetwork(kioskContext);
    const guest = uniqueName('Guest');
    const reporter = uniqueName('Reporter');
    await registerAtKiosk(kiosk, walkIn(guest));
    // A flat of its own, so this run's alert is told apart from earlier runs' on the same hub.
    const flat = `M${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
    await registerAtKiosk(kiosk, { ...mediaArrival(reporter), host: flat });
    await kiosk.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(syncIndicator(kiosk)).toContainText('2 registrations are saved on this kiosk');
    // Nothing reached the desk.
    await desk.bringToFront();
    await desk.waitForTimeout(1500);
    await expect(arrivalRow(desk, guest)).toHaveCount(0);

    // Back online: the kiosk pushes by itself (the `online` event wakes it), the hub classifies, the desk hears.
    await restoreNetwork(kioskContext);
    await kiosk.bringToFront();
    await expect(syncIndicator(kiosk)).not.toContainText('saved on this kiosk', { timeout: 15_000 });
    // vk-sync-state-change told the host page, with counts and times only (CONTRACT.md).
    const sync = (await recordedEvents(kiosk)).filter((e) => e.type === 'vk-sync-state-change');
    expect(sync.every((e) => e.bubbles && e.composed)).toBe(true);
    const details = sync.map((e) => e.detail as { pending: number; online: boolean; lastSyncAt: string | null });
    expect(details.some((d) => d.pending === 2 && !d.online)).toBe(true);
    const last = details[details.length - 1];
    expect(last?.pending).toBe(0);
    expect(last?.online).toBe(true);
    expect(typeof last?.lastSyncAt).toBe('string');
    expect(JSON.stringify(details)).not.toContain('Guest');
    await desk.bringToFront();
    await expect(arrivalRow(desk, guest)).toHaveCount(1, { timeout: 15_000 });
    await expect(arrivalRow(desk, reporter)).toHaveCount(1);
    // Acknowledged at the hub (the first acknowledgement wins there), and the desk shows who.
    const alert = alertsOf(desk, 'Class C').filter({ hasText: flat });
    await expect(alert).toHaveCount(1);
    await alert.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await expect(alert).toContainText('Acknowledged by');

    // The acknowledged personal data leaves the kiosk (the privacy purge after acknowledgement).
    await expect
      .poll(() =>
        kiosk.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const open = indexedDB.open('visitor-kiosk');
              open.onsuccess = () => {
                const db = open.result;
                const count = db.transaction('visits').objectStore('visits').count();
                count.onsuccess = () => {
                  db.close();
                  resolve(count.result);
                };
              };
            }),
        ),
      )
      .toBe(0);
  } finally {
    await kioskContext.close();
    await deskContext.close();
  }
});

test('a used pairing link opened again on a paired kiosk shows the welcome screen and keeps it paired', async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const kiosk = await context.newPage();
    const code = await newPairCode();
    await pairKiosk(kiosk, code);

    await kiosk.goto(`${HUB_URL}/?pair=${code}`);
    await expect(kiosk.getByRole('button', { name: 'Check in', exact: true })).toBeVisible();
    await expect.poll(() => new URL(kiosk.url()).search).toBe('');
    // No error for visitors: the only role=status would be an outcome, and there is none.
    await expect(kiosk.getByRole('status')).toHaveCount(0);
    await expect(syncIndicator(kiosk)).toContainText('Last sync');

    // Still paired: a registration reaches the hub.
    await registerAtKiosk(kiosk, walkIn(uniqueName('Second')));
    await kiosk.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(syncIndicator(kiosk)).not.toContainText('saved on this kiosk', { timeout: 15_000 });
  } finally {
    await context.close();
  }
});
