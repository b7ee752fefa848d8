// The desk passes axe-core's default rules (best practices included) at a phone's viewport and a PC's:
// signed out, with a wrong-PIN message, and signed in with alerts (open, acknowledged, class A and C),
// waiting and on-site rows and the evacuation list.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  DESK,
  PC_VIEWPORT,
  PHONE_VIEWPORT,
  alertsOf,
  arrivalRow,
  deskButton,
  mediaArrival,
  openDesk,
  ownerComplaint,
  registerAtKiosk,
  signIn,
  submitPin,
} from './desk-helpers.js';
import { openKiosk, uniqueName } from './helpers.js';

const VIEWPORTS = { phone: PHONE_VIEWPORT, pc: PC_VIEWPORT } as const;

/** axe's violations, one line per offending node: rule, impact, target (through shadow roots) and its HTML. */
async function violations(page: Page): Promise<string[]> {
  // Defaults on purpose: no rule disabled, no tag filter.
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${node.target.join(' >>> ')} — ${node.html.slice(0, 160)}`),
  );
}

/** Runs axe at each viewport and files what it finds under `state/viewport`. */
async function checkAt(page: Page, state: string, found: Record<string, string[]>): Promise<void> {
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    const v = await violations(page);
    if (v.length > 0) found[`${state} / ${label}`] = v;
  }
}

test('the desk is axe-clean on a phone and a PC, signed out and signed in with alerts and rows', async ({ context, page: kiosk }) => {
  const found: Record<string, string[]> = {};
  const desk = await context.newPage();
  await openDesk(desk);
  // Signed out, with the wrong-PIN message showing (the only extra the sign-in screen has).
  await submitPin(desk, '0000');
  await expect(desk.getByText(DESK.pinWrong, { exact: true })).toBeVisible();
  await checkAt(desk, 'signed out', found);

  await signIn(desk);
  await openKiosk(kiosk);
  const owner = uniqueName('Owner');
  const guard = uniqueName('Lee');
  await registerAtKiosk(kiosk, mediaArrival(uniqueName('Media')), desk);
  await registerAtKiosk(kiosk, ownerComplaint(owner), desk);
  await expect(alertsOf(desk, DESK.classC)).toHaveCount(1);
  // A waiting row (the media crew's), a prompt (the owner's) and someone on site, by fast entry.
  const fast = desk.getByRole('region', { name: DESK.fastEntryHeading, exact: true });
  await fast.getByRole('textbox', { name: DESK.surname, exact: true }).fill(guard);
  await fast.getByRole('textbox', { name: DESK.unit, exact: true }).fill('12A');
  await deskButton(fast, DESK.addVisitor).click();
  await expect(deskButton(arrivalRow(desk, guard), DESK.checkOut)).toBeVisible();
  await deskButton(arrivalRow(desk, owner), DESK.raiseA).click();
  await expect(alertsOf(desk, DESK.classA)).toHaveCount(1);
  await deskButton(alertsOf(desk, DESK.classA), DESK.acknowledge).click();
  await expect(alertsOf(desk, DESK.classA)).toContainText(DESK.acknowledgedBy);
  await checkAt(desk, 'signed in with alerts and rows', found);

  // Every state and viewport first, then one assertion: the report lists all problems at once.
  expect(found).toEqual({});
});
