// Invited arrivals against the built app (issue 3): signed invitations and passes, typed by a keyboard-wedge
// scanner or into the **Invitation code** field, verified offline on the kiosk; every bad code ends on a
// polite refusal that offers walk-in registration, and no code is ever opened or fetched.
import { expect, test, type Page, type Request } from '@playwright/test';
import {
  BASE_URL,
  NAMES,
  SCAN_NAMES,
  button,
  confirmArrival,
  enterCode,
  expectRefusal,
  invitedVisits,
  openKiosk,
  openScanInvitation,
  outcomeStatus,
  typeAsWedge,
  waitForSiteKeys,
  welcomeCheckIn,
} from './helpers.js';
import { expiredInvitation, forge, hoursExcludingNow, hoursIncludingNow, invitation, jtiOf, pass } from './tokens.js';

/** Opens the kiosk and waits for the site's key set, without which every code is refused. */
async function openWithKeys(page: Page): Promise<void> {
  await openKiosk(page);
  await waitForSiteKeys(page);
}

/** From a refusal or an outcome, back to the welcome screen. */
async function backToWelcome(page: Page, via: string): Promise<void> {
  await button(page, via).click();
  await expect(welcomeCheckIn(page)).toBeVisible();
}

test('a valid invitation typed into the field, then one typed by a keyboard-wedge scanner, checks the visitor in', async ({ page }) => {
  await openWithKeys(page);

  const typed = await invitation();
  const field = await openScanInvitation(page);
  await enterCode(field, typed);
  await confirmArrival(page, SCAN_NAMES.invitationHeading);
  await backToWelcome(page, NAMES.en.done);

  // A scanner "types" fast and presses Enter while no field has focus (the visitor touched the screen).
  const wedged = await invitation();
  await openScanInvitation(page);
  await typeAsWedge(page, SCAN_NAMES.scanHeading, wedged);
  await confirmArrival(page, SCAN_NAMES.invitationHeading);

  const visits = await invitedVisits(page);
  expect(visits.map((v) => (v['invitation'] as { jti?: string } | undefined)?.jti)).toEqual([jtiOf(typed), jtiOf(wedged)]);
  for (const v of visits) {
    expect(v.status).toBe('checked-in');
    expect(v['source']).toBe('kiosk-invitation');
    expect((v['host'] as { label?: string }).label).toBe('12B');
  }
});

test('used-up, forged, expired and other-site codes, URLs and javascript: are refused politely and nothing navigates', async ({ page, context }) => {
  const foreign: string[] = [];
  const dialogs: string[] = [];
  const record = (r: Request) => {
    if (new URL(r.url()).origin !== new URL(BASE_URL).origin && !r.url().startsWith('data:')) foreign.push(r.url());
  };
  page.on('request', record);
  context.on('request', record);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // Should the kiosk ever follow a code, nothing may leave loopback: other origins are aborted (and recorded).
  await context.route((url) => url.origin !== new URL(BASE_URL).origin, (route) => route.abort());

  await openWithKeys(page);
  const startUrl = page.url();

  // A single-use invitation checks in once on this device.
  const once = await invitation();
  let field = await openScanInvitation(page);
  await enterCode(field, once);
  await confirmArrival(page, SCAN_NAMES.invitationHeading);
  await backToWelcome(page, NAMES.en.done);
  field = await openScanInvitation(page);
  await enterCode(field, once);
  await expectRefusal(page, 'invite-used-up');
  await backToWelcome(page, NAMES.en.back);

  const cases: [string, string, Parameters<typeof expectRefusal>[1]][] = [
    ['forged', forge(await invitation()), 'invite-bad-signature'],
    ['expired', await expiredInvitation(), 'invite-expired'],
    ['another site', await invitation({ site: 'elsewhere' }), 'invite-wrong-site'],
    ['javascript: URL', 'javascript:alert(1)', 'invite-malformed'],
    ['https URL', 'https://evil.example/', 'invite-malformed'],
  ];
  for (const [what, code, refusal] of cases) {
    await test.step(what, async () => {
      field = await openScanInvitation(page);
      await enterCode(field, code);
      await expectRefusal(page, refusal);
      // The refusal offers walk-in registration instead.
      await button(page, SCAN_NAMES.registerInstead).click();
      await expect(page.getByRole('textbox', { name: NAMES.en.fullName, exact: true })).toBeVisible();
      await backToWelcome(page, NAMES.en.back);
    });
  }
  const nothingFollowed = async () => {
    expect(page.url()).toBe(startUrl);
    expect(page.frames().map((f) => f.url())).toEqual([startUrl]);
    expect(foreign).toEqual([]);
    expect(dialogs).toEqual([]);
    // Only the one good code was admitted.
    expect(await invitedVisits(page)).toHaveLength(1);
  };
  await nothingFollowed();

  // The same two URLs from a wedge scanner, with no field focused.
  for (const code of ['javascript:alert(1)', 'https://evil.example/']) {
    await test.step(`${code} from a wedge scanner`, async () => {
      await openScanInvitation(page);
      await typeAsWedge(page, SCAN_NAMES.scanHeading, code);
      await expectRefusal(page, 'invite-malformed');
      await backToWelcome(page, NAMES.en.back);
    });
  }
  await nothingFollowed();
});

test('a pass outside its hours is refused; within its hours it says "Welcome back" and checks in', async ({ page }) => {
  await openWithKeys(page);

  const closed = await pass({ hours: hoursExcludingNow() });
  let field = await openScanInvitation(page);
  await enterCode(field, closed);
  await expectRefusal(page, 'invite-outside-hours');
  await backToWelcome(page, NAMES.en.back);
  expect(await invitedVisits(page)).toEqual([]);

  const open = await pass({ hours: hoursIncludingNow() });
  field = await openScanInvitation(page);
  await enterCode(field, open);
  await confirmArrival(page, SCAN_NAMES.passHeading);
  await expect(outcomeStatus(page)).toHaveCount(1);

  const [visit, ...more] = await invitedVisits(page);
  expect(more).toEqual([]);
  expect(visit?.status).toBe('checked-in');
  expect(visit?.['invitation']).toMatchObject({ jti: jtiOf(open), kind: 'pass' });
});
