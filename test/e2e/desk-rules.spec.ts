// The built desk with a site's own rules file (refused with the exact path of its error, the last good rules
// staying in force), a kiosk's help call that escalates when nobody answers, and an urgent tour arranged by
// phone — kiosk and desk pages of one browser context, by role and accessible name.
import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import { DEFAULT_HELP_ESCALATION } from '../../src/domain/rules/index.js';
import { deskEn } from '../../src/i18n/desk/en.js';
import { DESK, alertsOf, arrivalRow, deskButton, openDesk, readDeskStore, registerAtKiosk, signIn, walkIn } from './desk-helpers.js';
import { NAMES, openKiosk, uniqueName } from './helpers.js';

const RULES_URL = '/site-rules.json';
const GOOD = readFileSync('test/fixtures/rules/site-rules.json', 'utf8');
const BAD = readFileSync('test/fixtures/rules/bad-role.json', 'utf8');
/** The path of the first error in bad-role.json: the second role of class C's first hop is not a role. */
const BAD_PATH = 'routing.office.C.first.1';

/** Serves the site's rules file at `RULES_URL` with whatever `file()` returns at the time of the request. */
async function serveRules(context: BrowserContext, file: () => string): Promise<void> {
  await context.route(`**${RULES_URL}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: file() }));
}

/** The desk at `/desk` pointed at the site's rules file (the `rules-src` attribute), signed in. */
async function deskWithRules(page: Page): Promise<void> {
  await openDesk(page);
  await page.evaluate((src) => document.querySelector('visitor-desk')?.setAttribute('rules-src', src), RULES_URL);
  await signIn(page);
}

/** An estate agent without an appointment: the site's own rules make it class C; the presets do not. */
const estateAgent = (name: string) => walkIn(name, { visitorType: 'Estate agent' });

test("a site's rules file is in force; a file that does not parse is refused with the path of its error and the last good rules stay", async ({ context, page: kiosk }) => {
  let file = BAD;
  await serveRules(context, () => file);
  await openKiosk(kiosk);
  const desk = await context.newPage();
  await deskWithRules(desk);

  // First the broken file, with nothing good before it: refused, staff told where, the presets in force.
  const refused = desk.getByRole('status').filter({ hasText: `The rules file ${RULES_URL} was refused` });
  await expect(refused).toBeVisible();
  await expect(refused).toContainText(`${BAD_PATH}:`);
  await expect(refused).toContainText('The previous rules stay in force.');
  const first = uniqueName('Agent');
  await registerAtKiosk(kiosk, estateAgent(first), desk);
  await expect(arrivalRow(desk, first)).toBeVisible();
  await expect(deskButton(arrivalRow(desk, first), DESK.raiseC)).toBeVisible();
  await expect(arrivalRow(desk, first).getByText(DESK.classC, { exact: true })).toHaveCount(0);

  // The site fixes its file: on the next start it is in force, and an estate agent is class C there.
  file = GOOD;
  await desk.reload();
  await deskWithRules(desk);
  await expect(refused).toHaveCount(0);
  const second = uniqueName('Agent');
  await registerAtKiosk(kiosk, estateAgent(second), desk);
  await expect(arrivalRow(desk, second).getByText(DESK.classC, { exact: true })).toBeVisible();
  // New rules apply to everyone still waiting: the first agent, who came under the presets, is class C now too.
  await expect(arrivalRow(desk, first).getByText(DESK.classC, { exact: true })).toBeVisible();
  await expect(alertsOf(desk, DESK.classC).filter({ hasText: deskEn.typeLabels['estate-agent'] })).toHaveCount(2);

  // Broken again: refused with its path, and the last good file (kept on the device) stays in force.
  file = BAD;
  await desk.reload();
  await deskWithRules(desk);
  await expect(refused).toContainText(`${BAD_PATH}:`);
  const third = uniqueName('Agent');
  await registerAtKiosk(kiosk, estateAgent(third), desk);
  await expect(arrivalRow(desk, third).getByText(DESK.classC, { exact: true })).toBeVisible();
  // Escalation after one minute, as the good file says (the presets wait two).
  const stored = await readDeskStore<{ visitId?: string; createdAt: string; escalateAt: string }>(desk, 'alerts');
  const visits = await readDeskStore<{ id: string; visitor: { fullName: string } }>(desk, 'visits');
  const thirdId = visits.find((v) => v.visitor.fullName === third)?.id;
  const alert = stored.find((a) => a.visitId === thirdId);
  expect(alert && Date.parse(alert.escalateAt) - Date.parse(alert.createdAt)).toBe(60_000);
});

test('Ask staff for help at the kiosk escalates on the desk when nobody acknowledges it (controlled clock)', async ({ context, page: kiosk }) => {
  await kiosk.clock.install();
  await openKiosk(kiosk);
  const desk = await context.newPage();
  await openDesk(desk);
  await signIn(desk);

  await kiosk.bringToFront();
  await kiosk.getByRole('button', { name: NAMES.en.askStaff, exact: true }).click();
  await expect(kiosk.getByRole('dialog')).toBeVisible();
  await desk.bringToFront();

  const help = alertsOf(desk, deskEn.classLabel.help);
  await expect(help).toHaveCount(1);
  await expect(help).toContainText(deskEn.scriptHelp);
  await expect(help).not.toContainText('Escalated');

  // Before the two minutes: nothing.
  await desk.clock.fastForward('01:30');
  await desk.waitForTimeout(500);
  await expect(help).not.toContainText('Escalated');

  // Past them: escalated once, to the help hops' first roles; it stays until acknowledged.
  await desk.clock.fastForward('01:00');
  await expect(help).toContainText(DESK.escalated(1));
  const roles = DEFAULT_HELP_ESCALATION[0]!.map((r) => deskEn.roles[r]).join(', ');
  await expect(help).toContainText(`Notify: ${roles}`);
  const stored = await readDeskStore<{ kind: string; escalationLevel: number; status: string }>(desk, 'alerts');
  expect(stored.filter((a) => a.kind === 'help').map((a) => [a.status, a.escalationLevel])).toEqual([['open', 1]]);

  await deskButton(help, DESK.acknowledge).click();
  await expect(help).toContainText(DESK.acknowledgedBy);
  await desk.clock.fastForward('05:00');
  await desk.waitForTimeout(500);
  await expect(help).not.toContainText(DESK.escalated(2));
});

/** Tomorrow's date at the demo site (YYYY-MM-DD). */
const siteTomorrow = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: DEMO_SITE.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + 24 * 3600_000));

test('an urgent group tour arranged by phone is accepted inside the lead time, its written notice becomes a task, and approval asks the hub for the invitation', async ({ context }) => {
  const desk = await context.newPage();
  await openDesk(desk);
  await signIn(desk);
  const p = deskEn.planning;
  const tours = desk.getByRole('region', { name: p.toursHeading, exact: true });
  const leader = uniqueName('Leader');
  await tours.getByRole('combobox', { name: p.tourKind, exact: true }).selectOption({ label: p.tourKinds.group });
  await tours.getByRole('textbox', { name: p.leader, exact: true }).fill(leader);
  await tours.getByRole('spinbutton', { name: p.headcount, exact: true }).fill('12');
  await tours.getByLabel(p.visitDate, { exact: true }).fill(siteTomorrow());
  await tours.getByLabel(p.visitTime, { exact: true }).fill('15:00');
  await deskButton(tours, p.request).click();
  // A group tour needs three days' notice: refused as it is.
  await expect(tours.getByRole('status')).toContainText('Too late to approve this tour (Group)');

  await tours.getByRole('checkbox', { name: p.arrangedByPhone, exact: true }).check();
  await deskButton(tours, p.request).click();
  await expect(tours.getByRole('status')).toContainText('Arranged by phone. The written notice is due by');
  const row = tours.getByRole('listitem').filter({ hasText: leader });
  await expect(row).toContainText('Arranged by phone: written notice due by');
  await expect(row).toContainText(p.tourStatuses.requested);

  const tasks = desk.getByRole('region', { name: deskEn.incidents.tasksHeading, exact: true });
  const task = tasks.getByRole('listitem').filter({ hasText: deskEn.incidents.taskKinds['tour-paperwork'] });
  await expect(task).toHaveCount(1);
  await expect(task).toContainText(leader);

  await deskButton(row, p.approve).click();
  await expect(row).toContainText(`${p.tourStatuses.approved} — ${p.invitationRequested}`);
  const stored = (await readDeskStore<{ leader: string; status: string; paperworkDueAt?: string; invitationRequestedAt?: string }>(desk, 'tours')).filter((t) => t.leader === leader);
  expect(stored).toHaveLength(1);
  expect(stored[0]?.status).toBe('approved');
  expect(stored[0]?.paperworkDueAt).toBeTruthy();
  expect(stored[0]?.invitationRequestedAt).toBeTruthy();
});
