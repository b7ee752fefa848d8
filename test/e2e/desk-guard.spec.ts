// The guard's book on the built standalone desk (issue 7 items 3–6): a card handed out at Confirm check-in is
// flagged when the visitor checks out without returning it; a goods-removal pass is approved by the management
// office, used once at the door and refused the second time; a shift hands over and the next one (another
// member of staff, signed in on the same desk) acknowledges — by role and accessible name, on a guard's phone.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { deskEn } from '../../src/i18n/desk/en.js';
import { ADMIN_NAME, DESK, PHONE_VIEWPORT, addStaffMember, arrivalRow, deskButton, openSignedInDesk, registerAtKiosk, signIn, statusCell, walkIn } from './desk-helpers.js';
import { NAMES, fillWalkInForm, openKiosk, outcomeStatus, startCheckIn, uniqueName } from './helpers.js';

const g = deskEn.guard;

/** A section of the guard's panel, named by its heading. */
const region = (page: Page, heading: string): Locator => page.getByRole('region', { name: heading, exact: true });

test.use({ viewport: PHONE_VIEWPORT });

test('Check out asks whether the badge (visitor card) came back; one kept is flagged, a card never issued cannot be returned', async ({ context, page: kiosk }) => {
  await openKiosk(kiosk);
  const desk = await openSignedInDesk(context);
  const ann = uniqueName('Ann');
  const ben = uniqueName('Ben');
  await registerAtKiosk(kiosk, walkIn(ann), desk);
  await registerAtKiosk(kiosk, walkIn(ben), desk);

  const cards = region(desk, g.cardsHeading);
  const notReturned = cards.getByRole('list', { name: g.outstandingHeading, exact: true });
  const cardOf = (number: string) => notReturned.getByRole('listitem').filter({ hasText: `${g.cardKinds.visitor} ${number}` });
  for (const [name, badge] of [
    [ann, '17'],
    [ben, '18'],
  ] as const) {
    const row = arrivalRow(desk, name);
    await row.getByRole('textbox', { name: deskEn.badgeNumber, exact: true }).fill(badge);
    await deskButton(row, DESK.confirmCheckIn).click();
    await expect(statusCell(row)).toContainText(DESK.onSite);
    await expect(cardOf(badge)).toContainText(name);
  }
  await expect(cardOf('17')).not.toContainText(g.leftWithCard);

  // Ann leaves with her badge: Check out asks, the guard answers "not returned", the card is flagged.
  const rowAnn = arrivalRow(desk, ann);
  await deskButton(rowAnn, DESK.checkOut).click();
  const question = rowAnn.getByRole('group', { name: g.cardBackQuestion('17'), exact: true });
  await expect(deskButton(question, g.cardBackCheckOut)).toBeFocused();
  await deskButton(question, g.cardNotBackCheckOut).click();
  await expect(statusCell(rowAnn)).toContainText(DESK.left);
  await expect(cardOf('17')).toContainText(g.leftWithCard);

  // Ben hands his back at check-out: nothing outstanding for him.
  const rowBen = arrivalRow(desk, ben);
  await deskButton(rowBen, DESK.checkOut).click();
  await deskButton(rowBen, g.cardBackCheckOut).click();
  await expect(statusCell(rowBen)).toContainText(DESK.left);
  await expect(cardOf('18')).toHaveCount(0);
  await expect(notReturned.getByRole('listitem')).toHaveCount(1);

  // Bad input: a number that was never handed out is refused, and says which.
  await cards.getByRole('textbox', { name: g.returnNumber, exact: true }).fill('99');
  await deskButton(cards, g.recordReturn).click();
  await expect(cards.getByRole('alert')).toHaveText(g.errors['card-not-issued']({ number: '99' }));
  await expect(cardOf('17')).toBeVisible();

  // Ann's card comes back late: the list empties.
  await deskButton(cardOf('17'), `${g.cardReturned}: 17`).click();
  await expect(cards.getByText(g.noneOutstanding, { exact: true })).toBeVisible();
});

test('a goods-removal pass is approved by the office, lets the goods out once and is refused the second time', async ({ context }) => {
  const desk = await openSignedInDesk(context);
  const passes = region(desk, g.passesHeading);
  await passes.getByRole('textbox', { name: g.passUnit, exact: true }).fill('12B');
  await passes.getByRole('combobox', { name: g.requester, exact: true }).selectOption({ label: g.requesters.tenant });
  await passes.getByRole('textbox', { name: g.passItems, exact: true }).fill('Sofa and two boxes');
  await deskButton(passes, g.requestPass).click();

  const pass = passes.getByRole('list', { name: g.passesHeading, exact: true }).getByRole('listitem').first();
  await expect(pass).toContainText(g.passStatus.requested);
  const code = /Pass ([A-Z0-9]{6})/.exec(await pass.innerText())?.[1] ?? '';
  expect(code).toMatch(/^[A-Z0-9]{6}$/);

  // The first staff member is the site manager: the management office approves.
  await deskButton(pass, `${g.approve}: ${code}`).click();
  await expect(pass).toContainText(g.passStatus.approved);

  // At the door: the code is checked and the goods go out.
  const codeField = passes.getByRole('textbox', { name: g.passCode, exact: true });
  await codeField.fill(code);
  await deskButton(passes, g.checkPass).click();
  await expect(passes.getByRole('status')).toHaveText(g.passUsed(code));
  await expect(pass).toContainText(g.passStatus.closed);
  await expect(deskButton(pass, `${g.letOut}: ${code}`)).toHaveCount(0);

  // The same pass again: refused.
  await codeField.fill(code.toLowerCase());
  await deskButton(passes, g.checkPass).click();
  await expect(passes.getByRole('alert')).toHaveText(g.errors['pass-closed']({ code }));
});

test('a shift hands over in writing and the next shift, signed in as someone else, acknowledges it', async ({ context }) => {
  const desk = await openSignedInDesk(context);
  const handover = region(desk, g.handoverHeading);
  await handover.getByRole('textbox', { name: g.openItems, exact: true }).fill('Lift 2 engineer due at 09:00');
  await handover.getByRole('textbox', { name: g.notices, exact: true }).fill('Fire drill on Friday');
  await handover.getByRole('textbox', { name: g.equipment, exact: true }).fill('Radio 3 on charge');
  await deskButton(handover, g.handOver).click();
  const record = handover.getByRole('article');
  await expect(record).toContainText('Lift 2 engineer due at 09:00');
  await expect(record).toContainText(g.waitingForNextShift);
  // Whoever wrote it cannot acknowledge it for the next shift.
  await expect(deskButton(handover, g.acknowledgeHandover)).toHaveCount(0);

  const axe = await new AxeBuilder({ page: desk }).include([['visitor-desk', 'vk-desk-guard']]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await addStaffMember(desk, { id: 'night-guard', name: 'Night guard', pin: '1357' });
  await deskButton(desk, DESK.signOut).click();
  await signIn(desk, '1357');
  await expect(record).toContainText(`Handed over by ${ADMIN_NAME} at`);
  await deskButton(handover, g.acknowledgeHandover).click();
  await expect(record).toContainText('Acknowledged by Night guard at');
  await expect(deskButton(handover, g.acknowledgeHandover)).toHaveCount(0);
});

test('where the site asks, a visitor declares carried items at the kiosk and the guard checks them at the desk', async ({ context, page: kiosk }) => {
  // The site's configuration as the server serves it, with the carried-items question switched on.
  await context.route('**/site.json', async (route) => {
    const response = await route.fetch();
    const site = (await response.json()) as Record<string, unknown>;
    await route.fulfill({ response, json: { ...site, guard: { carriedItems: true } } });
  });
  await openKiosk(kiosk);
  const desk = await openSignedInDesk(context);
  const dee = uniqueName('Dee');
  await kiosk.bringToFront();
  await startCheckIn(kiosk);
  await fillWalkInForm(kiosk, walkIn(dee));
  await kiosk.getByRole('textbox', { name: 'Items you are bringing in (optional)', exact: true }).fill('Electric drill');
  await kiosk.getByRole('button', { name: NAMES.en.next, exact: true }).click();
  await kiosk.getByRole('button', { name: NAMES.en.submit, exact: true }).click();
  await expect(outcomeStatus(kiosk)).toBeVisible();
  await desk.bringToFront();

  const carried = region(desk, g.carriedHeading);
  const declared = carried.getByRole('list', { name: g.declaredHeading, exact: true }).getByRole('listitem').filter({ hasText: dee });
  await expect(declared).toContainText('Electric drill');
  await deskButton(declared, `${g.checkDeclared}: ${dee} (12B)`).click();
  await expect(carried.getByRole('textbox', { name: g.carriedItems, exact: true })).toBeFocused();
  await expect(carried.getByRole('textbox', { name: g.carriedItems, exact: true })).toHaveValue('Electric drill');
  await deskButton(carried, g.carriedDecisions['with-permission']).click();
  await carried.getByRole('textbox', { name: g.permittedBy, exact: true }).fill('Mr Lee');
  await deskButton(carried, g.recordCarried).click();
  await expect(declared).toHaveCount(0);
  await expect(carried.getByRole('list', { name: g.carriedHeading, exact: true })).toContainText(`Electric drill — ${g.carriedDecisions['with-permission']}`);
});
