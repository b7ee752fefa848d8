import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { hashPin } from '../../desk/auth.js';
import { HOST_MESSAGE_ALWAYS_OPEN_HOURS, hostMessageDue } from '../../desk/incidents/deadlines.js';
import '../../desk/incidents/define.js';
import type { VkDeskIncidents } from '../../desk/incidents/vk-desk-incidents.js';
import { DEMO_SITE, DEMO_SITE_CN } from '../../src/domain/demo-site.js';
import type { StaffMember, StaffRole } from '../../src/domain/desk.js';
import type { Visit, VisitDraft } from '../../src/domain/visit.js';
import { deskMessagesFor } from '../../src/i18n/desk/index.js';
import { DeskStore, VisitStore, closeKioskDb } from '../../src/storage/index.js';
import { button, deepElements, deepText, field, until } from '../fixtures/shadow.js';

const HOUR = 3_600_000;
/** 14:00 in Hong Kong on Friday 13 November 2026. */
const FRIDAY = new Date('2026-11-13T06:00:00Z');
/** 14:00 in Hong Kong on Monday 23 November 2026. */
const MONDAY = new Date('2026-11-23T06:00:00Z');
const m = deskMessagesFor('en');

let counter = 0;
const dbNames: string[] = [];
const newDb = (): string => {
  const name = `vk-test-desk-incidents-${Date.now()}-${counter++}`;
  dbNames.push(name);
  return name;
};

afterEach(async () => {
  for (const name of dbNames.splice(0)) {
    await closeKioskDb(name);
    await new Promise((r) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = req.onerror = req.onblocked = () => r(undefined);
    });
  }
});

async function makeStaff(dbName: string, id: string, role: StaffRole): Promise<StaffMember> {
  const staff: StaffMember = { id, siteId: DEMO_SITE.id, name: `Staff ${id}`, role, ...(await hashPin('2468')), failedAttempts: 0 };
  await new DeskStore(dbName).putStaff(staff);
  return staff;
}

async function mount(dbName: string, staff: StaffMember, now: Date): Promise<VkDeskIncidents> {
  return fixture<VkDeskIncidents>(
    html`<vk-desk-incidents .messages=${m} .site=${DEMO_SITE} .staff=${staff} .dbName=${dbName} .locale=${'en'} .now=${() => now}></vk-desk-incidents>`,
  );
}

const draft = (over: Partial<VisitDraft> = {}): VisitDraft => ({
  visitor: { fullName: 'Chan Tai Man', phone: '+85291234567', organisation: '', partySize: 1 },
  visitorType: 'visiting-resident',
  purpose: 'meeting',
  host: { kind: 'unit', id: 'unit-12a', label: '12A' },
  hasAppointment: false,
  identity: { method: 'sighted' },
  consent: { noticeVersion: DEMO_SITE.privacy.noticeVersion, kind: 'read', at: FRIDAY.toISOString() },
  lang: 'en',
  ...over,
});

async function checkedIn(dbName: string, at: Date, name: string): Promise<Visit> {
  const visits = new VisitStore(dbName);
  const v = await visits.register(draft({ visitor: { fullName: name, phone: '', organisation: '', partySize: 1 } }), { siteId: DEMO_SITE.id, timeZone: DEMO_SITE.timeZone, now: at });
  return visits.updateStatus(v.id, 'checked-in', at);
}

async function raiseC(dbName: string, at: Date, visitId?: string) {
  const { alert } = await new DeskStore(dbName).raiseAlert(
    { siteId: DEMO_SITE.id, kind: 'incident', incidentClass: 'C', ...(visitId ? { visitId } : {}), notify: ['pr', 'site-manager'], escalateAt: new Date(at.getTime() + 120_000) },
    at,
  );
  return alert;
}

/** The record's `<article>` (there is one per test unless said otherwise). */
const article = (el: VkDeskIncidents) => el.shadowRoot!.querySelector('article')!;

/** Waits until an asynchronous check (a storage read) gives something truthy. */
async function eventually<T>(check: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function typeInto(control: HTMLElement, text: string) {
  control.focus();
  await sendKeys({ type: text });
}

describe('<vk-desk-incidents>', () => {
  it('opens a record for a class C alert raised through DeskStore, with its times', async () => {
    const db = newDb();
    const staff = await makeStaff(db, 'rec-1', 'receptionist');
    const visit = await checkedIn(db, FRIDAY, 'Reporter');
    const alert = await raiseC(db, new Date(FRIDAY.getTime() + 60_000), visit.id);
    const el = await mount(db, staff, new Date(FRIDAY.getTime() + 5 * 60_000));
    await until(() => article(el));
    const record = await new DeskStore(db).incidentForAlert(alert.id);
    expect(record?.incidentClass).to.equal('C');
    expect(record?.arrivalAt).to.equal(visit.createdAt);
    expect(record?.notifiedAt).to.equal(alert.createdAt);
    const text = deepText(article(el));
    expect(text).to.contain('Class C');
    expect(text).to.contain(m.incidents.fields.acknowledged);
    expect(text).to.contain(m.incidents.notYet);
    // A second refresh (another desk, the poll) finds the record and opens no other.
    await el.refresh();
    expect((await new DeskStore(db).listIncidents()).rows).to.have.length(1);
  });

  it('opens no record for a help call', async () => {
    const db = newDb();
    const staff = await makeStaff(db, 'rec-2', 'receptionist');
    await new DeskStore(db).raiseAlert({ siteId: DEMO_SITE.id, kind: 'help', notify: [], escalateAt: new Date(FRIDAY.getTime() + 120_000) }, FRIDAY);
    const el = await mount(db, staff, FRIDAY);
    await el.refresh();
    expect((await new DeskStore(db).listIncidents()).rows).to.have.length(0);
    expect(deepText(el)).to.contain(m.incidents.empty);
  });

  it('saves what was said, done and the outcome, and the typical-case mark', async () => {
    const db = newDb();
    const staff = await makeStaff(db, 'rec-3', 'receptionist');
    const alert = await raiseC(db, FRIDAY);
    const el = await mount(db, staff, FRIDAY);
    await until(() => article(el));
    await typeInto(field<HTMLTextAreaElement>(el, 'What was said'), 'Asked for the manager; <b>no</b> comment given.');
    await typeInto(field<HTMLTextAreaElement>(el, 'What was done'), 'Escorted to the meeting room.');
    await typeInto(field<HTMLTextAreaElement>(el, 'Outcome'), 'Left at 15:10.');
    await typeInto(field(el, 'Handled by'), 'Security supervisor');
    field(el, 'Typical case').click();
    button(el, 'Save').click();
    const desk = new DeskStore(db);
    const saved = await eventually(async () => (await desk.incidentForAlert(alert.id))?.typicalCase, 5000).then(() => desk.incidentForAlert(alert.id));
    expect(saved?.said).to.equal('Asked for the manager; <b>no</b> comment given.');
    expect(saved?.done).to.equal('Escorted to the meeting room.');
    expect(saved?.outcome).to.equal('Left at 15:10.');
    expect(saved?.handledBy).to.equal('Security supervisor');
    await until(() => deepText(el).includes(m.incidents.saved));
    // Markup typed by staff stays text.
    expect(article(el).querySelector('b')).to.equal(null);
  });

  it('closes a record on a Friday with the written record due at the end of the following Tuesday (Hong Kong)', async () => {
    const db = newDb();
    const staff = await makeStaff(db, 'rec-4', 'receptionist');
    const alert = await raiseC(db, new Date(FRIDAY.getTime() - HOUR));
    const el = await mount(db, staff, FRIDAY);
    await until(() => article(el));
    await typeInto(field<HTMLTextAreaElement>(el, 'Outcome'), 'Crew left.');
    button(el, 'Close incident').click();
    const desk = new DeskStore(db);
    await eventually(async () => (await desk.incidentForAlert(alert.id))?.closedAt);
    const record = await desk.incidentForAlert(alert.id);
    expect(record?.closedAt).to.equal(FRIDAY.toISOString());
    // Tuesday 17 November 2026, 23:59:59.999 in Hong Kong (UTC+8).
    expect(record?.dueAt).to.equal('2026-11-17T15:59:59.999Z');
    // Unsaved text is saved before closing; the alert closes with the record.
    expect(record?.outcome).to.equal('Crew left.');
    expect((await desk.getAlert(alert.id))?.status).to.equal('closed');
    await until(() => deepText(el).includes(m.incidents.fields.due));
    expect(() => button(el, 'Close incident')).to.throw();
  });

  it('shows the calendar warning when the due date rests on provisional data', async () => {
    const db = newDb();
    const staff = await makeStaff(db, 'rec-5', 'receptionist');
    const at = new Date('2026-12-31T02:00:00Z'); // Thursday: counting runs into 2027, derived data
    await raiseC(db, at);
    const el = await mount(db, staff, at);
    await until(() => article(el));
    button(el, 'Close incident').click();
    await until(() => deepText(el).includes(m.incidents.calendarWarnings['calendar-data-provisional']));
  });

  it('offers Sign off only to a site manager, and records who signed', async () => {
    const db = newDb();
    const receptionist = await makeStaff(db, 'rec-6', 'receptionist');
    const manager = await makeStaff(db, 'mgr-1', 'site-manager');
    const desk = new DeskStore(db);
    const alert = await raiseC(db, FRIDAY);
    const record = await desk.openIncident(alert.id, FRIDAY);
    await desk.closeIncident(record.id, FRIDAY, new Date('2026-11-17T15:59:59.999Z'));

    const asReceptionist = await mount(db, receptionist, FRIDAY);
    await until(() => article(asReceptionist));
    expect(() => button(asReceptionist, 'Sign off')).to.throw();

    const asManager = await mount(db, manager, FRIDAY);
    await until(() => button(asManager, 'Sign off'));
    button(asManager, 'Sign off').click();
    await eventually(async () => (await desk.getIncident(record.id))?.signedOffAt);
    expect((await desk.getIncident(record.id))?.signedOffBy).to.equal('mgr-1');
    await until(() => deepText(article(asManager)).includes('Signed off by Staff mgr-1'));
    expect(() => button(asManager, 'Save')).to.throw();
    expect(field<HTMLTextAreaElement>(asManager, 'Outcome').readOnly).to.equal(true);
  });

  it('marks an overdue record with text, not colour alone', async () => {
    const db = newDb();
    const staff = await makeStaff(db, 'rec-7', 'receptionist');
    const desk = new DeskStore(db);
    const alert = await raiseC(db, FRIDAY);
    const record = await desk.openIncident(alert.id, FRIDAY);
    await desk.closeIncident(record.id, FRIDAY, new Date('2026-11-17T15:59:59.999Z'));
    const el = await mount(db, staff, MONDAY);
    await until(() => article(el));
    const marker = article(el).querySelector('.marker');
    expect(marker?.textContent).to.equal('Overdue');
    expect(deepText(el)).to.contain('1 record is overdue and not signed off.');

    // Before the due time passes, no marker.
    const early = await mount(db, staff, new Date('2026-11-17T15:00:00Z'));
    await until(() => article(early));
    expect(article(early).querySelector('.marker')).to.equal(null);
  });

  it("turns a host's message into a task due within the shift, and Done keeps it done", async () => {
    const db = newDb();
    const staff = await makeStaff(db, 'rec-8', 'receptionist');
    const visit = await new VisitStore(db).register(draft({ message: { text: 'Parcel for 12A, please call', callbackPhone: '+85291234567' } }), {
      siteId: DEMO_SITE.id,
      timeZone: DEMO_SITE.timeZone,
      now: FRIDAY,
      status: 'host-absent',
    });
    const el = await mount(db, staff, new Date(FRIDAY.getTime() + 60_000));
    await until(() => deepText(el).includes('Message for the host'));
    const desk = new DeskStore(db);
    const tasks = (await desk.openTasks()).rows.filter((t) => t.kind === 'host-message');
    expect(tasks).to.have.length(1);
    expect(tasks[0]?.visitId).to.equal(visit.id);
    // The demo site is open around the clock: due four hours after the message was left.
    expect(tasks[0]?.dueAt).to.equal(new Date(FRIDAY.getTime() + HOST_MESSAGE_ALWAYS_OPEN_HOURS * HOUR).toISOString());
    expect(deepText(el)).to.contain('Parcel for 12A, please call');
    expect(deepText(el)).to.contain('12A, arrived');

    button(el, 'Done').click();
    await eventually(async () => (await desk.getTask(tasks[0]!.id))?.status === 'done');
    expect((await desk.getTask(tasks[0]!.id))?.doneBy).to.equal('rec-8');
    // A fresh desk (a reload) must not bring the message back as a new task.
    const again = await mount(db, staff, new Date(FRIDAY.getTime() + 2 * 60_000));
    await again.refresh();
    expect((await desk.openTasks()).rows.filter((t) => t.kind === 'host-message')).to.have.length(0);
    expect(deepText(again)).to.contain(m.incidents.tasksEmpty);
  });

  it('lists an earlier day’s visitor still on site with Check out, and marks today’s overstays', async () => {
    const db = newDb();
    const staff = await makeStaff(db, 'rec-9', 'receptionist');
    const yesterday = await checkedIn(db, new Date(MONDAY.getTime() - 24 * HOUR), 'Yesterday Visitor');
    await checkedIn(db, new Date(MONDAY.getTime() - 5 * HOUR), 'Morning Visitor'); // 09:00 HK: 5 h, not yet
    await checkedIn(db, new Date(MONDAY.getTime() - 9 * HOUR), 'Early Visitor'); // 05:00 HK: 9 h
    const el = await mount(db, staff, MONDAY);
    await until(() => deepText(el).includes('Yesterday Visitor'));
    const earlier = el.shadowRoot!.querySelector('section[aria-labelledby="earlier-h"]')!;
    expect(deepText(earlier)).to.contain('Yesterday Visitor');
    expect(deepText(earlier)).not.to.contain('Morning Visitor');
    const overstays = el.shadowRoot!.querySelector('section[aria-labelledby="overstay-h"]')!;
    expect(deepText(overstays)).to.contain('Early Visitor');
    expect(deepText(overstays)).to.contain('Overstay');
    expect(deepText(overstays)).not.to.contain('Morning Visitor');

    // Nobody is checked out silently: the visit stays checked in until the button is pressed.
    expect((await new VisitStore(db).get(yesterday.id))?.status).to.equal('checked-in');
    button(earlier, 'Check out').click();
    await eventually(async () => (await new VisitStore(db).get(yesterday.id))?.status === 'checked-out');
    await until(() => !deepText(earlier).includes('Yesterday Visitor'));
  });

  it('shows nothing without a signed-in staff member', async () => {
    const db = newDb();
    await raiseC(db, FRIDAY);
    const el = await fixture<VkDeskIncidents>(html`<vk-desk-incidents .messages=${m} .site=${DEMO_SITE} .dbName=${db} .now=${() => FRIDAY}></vk-desk-incidents>`);
    await el.refresh();
    expect([...deepElements(el)]).to.have.length(0);
    expect((await new DeskStore(db).listIncidents()).rows).to.have.length(0);
  });

  it('is accessible with records, tasks and the end-of-day lists', async () => {
    const db = newDb();
    const staff = await makeStaff(db, 'mgr-2', 'site-manager');
    const desk = new DeskStore(db);
    const closed = await desk.openIncident((await raiseC(db, FRIDAY)).id, FRIDAY);
    await desk.closeIncident(closed.id, FRIDAY, new Date('2026-11-17T15:59:59.999Z'));
    await raiseC(db, MONDAY);
    await desk.addTask({ siteId: DEMO_SITE.id, kind: 'notify-cs-centre' }, MONDAY);
    await checkedIn(db, new Date(MONDAY.getTime() - 30 * HOUR), 'Old Visitor');
    await checkedIn(db, new Date(MONDAY.getTime() - 10 * HOUR), 'Long Visitor');
    const el = await mount(db, staff, MONDAY);
    await until(() => el.shadowRoot!.querySelectorAll('article').length === 2 && deepText(el).includes('Long Visitor'));
    await expect(el).to.be.accessible();
    // On a guard's phone nothing runs off the side and every button stays a 48 px target.
    await setViewport({ width: 390, height: 844 });
    try {
      await new Promise((r) => requestAnimationFrame(r));
      expect(el.getBoundingClientRect().width).to.be.at.most(390);
      for (const e of deepElements(el)) {
        const box = e.getBoundingClientRect();
        if (box.width > 0) expect(box.right, e.tagName).to.be.at.most(391);
        if (e instanceof HTMLButtonElement) expect(box.height, e.textContent ?? '').to.be.at.least(48);
      }
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('hostMessageDue', () => {
  it('is the end of the reception day, or of the next one after hours', () => {
    const tz = DEMO_SITE_CN.timeZone; // Asia/Shanghai, Mon–Fri 08:30–17:30
    const hours = DEMO_SITE_CN.receptionHours;
    // Friday 10:00 → Friday 17:30 local.
    expect(hostMessageDue(new Date('2026-11-13T02:00:00Z'), hours, tz).toISOString()).to.equal('2026-11-13T09:30:00.000Z');
    // Friday 18:00, after closing → Monday 17:30.
    expect(hostMessageDue(new Date('2026-11-13T10:00:00Z'), hours, tz).toISOString()).to.equal('2026-11-16T09:30:00.000Z');
    // Around the clock → four hours.
    expect(hostMessageDue(FRIDAY, { kind: 'always' }, 'Asia/Hong_Kong').getTime()).to.equal(FRIDAY.getTime() + 4 * HOUR);
  });
});
