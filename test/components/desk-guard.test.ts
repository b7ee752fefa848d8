import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { hashPin } from '../../desk/auth.js';
import '../../desk/guard/define.js';
import type { VkDeskGuard } from '../../desk/guard/vk-desk-guard.js';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import type { StaffMember, StaffRole } from '../../src/domain/desk.js';
import type { SiteConfig } from '../../src/domain/site.js';
import type { VisitDraft } from '../../src/domain/visit.js';
import { deskMessagesFor } from '../../src/i18n/desk/index.js';
import { DeskStore, VisitStore, closeKioskDb } from '../../src/storage/index.js';
import { GuardStore } from '../../src/storage/guard.js';
import { button, byRole, deepText, field, until } from '../fixtures/shadow.js';

/** 14:00 in Hong Kong on Monday 23 November 2026. */
const MONDAY = new Date('2026-11-23T06:00:00Z');
const m = deskMessagesFor('en');
const g = m.guard;

let counter = 0;
const dbNames: string[] = [];
const newDb = (): string => {
  const name = `vk-test-desk-guard-${Date.now()}-${counter++}`;
  dbNames.push(name);
  return name;
};

const drop = (name: string) =>
  new Promise((r) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => r(undefined);
  });

afterEach(async () => {
  for (const name of dbNames.splice(0)) {
    await closeKioskDb(name);
    await drop(name);
  }
});

async function makeStaff(dbName: string, id: string, role: StaffRole): Promise<StaffMember> {
  const staff: StaffMember = { id, siteId: DEMO_SITE.id, name: `Staff ${id}`, role, ...(await hashPin('2468')), failedAttempts: 0 };
  await new DeskStore(dbName).putStaff(staff);
  return staff;
}

async function mount(dbName: string, staff: StaffMember, site: SiteConfig = DEMO_SITE): Promise<VkDeskGuard> {
  const el = await fixture<VkDeskGuard>(html`<vk-desk-guard .messages=${m} .site=${site} .staff=${staff} .dbName=${dbName} .locale=${'en'} .now=${() => MONDAY}></vk-desk-guard>`);
  await el.refresh();
  await el.updateComplete;
  return el;
}

const draft = (fullName: string): VisitDraft => ({
  visitor: { fullName, phone: '', organisation: '', partySize: 1 },
  visitorType: 'visiting-resident',
  purpose: 'meeting',
  host: { kind: 'unit', id: 'unit-12a', label: '12A' },
  hasAppointment: false,
  identity: { method: 'sighted' },
  consent: { noticeVersion: DEMO_SITE.privacy.noticeVersion, kind: 'read', at: MONDAY.toISOString() },
  lang: 'en',
});

const setValue = (el: VkDeskGuard, label: string, value: string) => {
  const control = field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(el, label);
  control.value = value;
};

/** The section named by its heading. */
const section = (el: VkDeskGuard, heading: string): HTMLElement => {
  const h = [...el.shadowRoot!.querySelectorAll('h2')].find((x) => x.textContent === heading);
  if (!h) throw new Error(`no section ${heading}`);
  return h.closest('section')!;
};

const alertText = (root: ParentNode) => byRole(root, 'alert').map((a) => a.textContent ?? '').join(' ');

describe('<vk-desk-guard>', () => {
  it('records a numbered badge as the visit’s card and flags it when the visitor checks out without returning it', async () => {
    const db = newDb();
    const staff = await makeStaff(db, 'guard-1', 'guard');
    const visits = new VisitStore(db);
    const v = await visits.register(draft('Chan Tai Man'), { siteId: DEMO_SITE.id, timeZone: DEMO_SITE.timeZone, now: MONDAY });
    await visits.checkIn(v.id, MONDAY, { badgeNumber: '17' });
    const el = await mount(db, staff);
    const cards = section(el, g.cardsHeading);
    await until(() => deepText(cards).includes('Visitor card 17'));
    expect(deepText(cards)).not.to.contain(g.leftWithCard);
    await visits.checkOut(v.id, MONDAY);
    await el.refresh();
    await el.updateComplete;
    expect(deepText(cards)).to.contain(g.leftWithCard);
    // A card returned that was never issued is refused, with the number in the message.
    setValue(el, g.returnNumber, 'V99');
    button(el, g.recordReturn).click();
    await until(() => alertText(cards).includes('V99'));
    expect(alertText(cards)).to.equal(g.errors['card-not-issued']({ number: 'V99' }));
    // The real one comes back: the list is empty.
    setValue(el, g.returnNumber, '17');
    button(el, g.recordReturn).click();
    await until(() => deepText(cards).includes(g.noneOutstanding));
    // Recorded once, however often the panel refreshes.
    await el.refresh();
    expect((await new GuardStore(db, DEMO_SITE).list('card', MONDAY)).rows).to.have.length(1);
  });

  it('enters a goods pass, lets only the office approve it, lets the goods out once and refuses the second time', async () => {
    const db = newDb();
    const guardStaff = await makeStaff(db, 'guard-1', 'guard');
    const manager = await makeStaff(db, 'mgr', 'site-manager');
    let el = await mount(db, guardStaff);
    const passes = () => section(el, g.passesHeading);
    setValue(el, g.passUnit, '12B');
    setValue(el, g.passItems, 'Sofa, two boxes');
    button(el, g.requestPass).click();
    await until(() => deepText(passes()).includes(g.passStatus.requested));
    expect(() => button(el, g.approve)).to.throw(); // a guard cannot approve
    const code = (await new GuardStore(db, DEMO_SITE).list('goods-pass', MONDAY)).rows[0]!.code;
    // Not approved yet: refused at the door.
    setValue(el, g.passCode, code);
    button(el, g.checkPass).click();
    await until(() => alertText(passes()).length > 0);
    expect(alertText(passes())).to.equal(g.errors['pass-not-approved']({ code }));

    el = await mount(db, manager);
    button(el, g.approve).click();
    // The note says "Approved" at once; the list shows the pass approved (with its button) after the reload.
    await until(() => {
      try {
        return button(el, g.letOut) !== undefined;
      } catch {
        return false;
      }
    });
    button(el, g.letOut).click();
    await until(() => deepText(passes()).includes(g.passStatus.closed));
    setValue(el, g.passCode, code.toLowerCase());
    button(el, g.checkPass).click();
    await until(() => alertText(passes()).length > 0);
    expect(alertText(passes())).to.equal(g.errors['pass-closed']({ code }));
  });

  it('hands a shift over and only another member of staff acknowledges it', async () => {
    const db = newDb();
    const day = await makeStaff(db, 'day', 'guard');
    const night = await makeStaff(db, 'night', 'guard');
    let el = await mount(db, day);
    setValue(el, g.openItems, 'Lift 2 engineer due 09:00');
    setValue(el, g.equipment, 'Radio 3 charging');
    button(el, g.handOver).click();
    const handover = () => section(el, g.handoverHeading);
    await until(() => deepText(handover()).includes(g.waitingForNextShift));
    expect(() => button(el, g.acknowledgeHandover)).to.throw();

    el = await mount(db, night);
    expect(deepText(handover())).to.contain('Lift 2 engineer due 09:00');
    button(el, g.acknowledgeHandover).click();
    await until(() => deepText(handover()).includes('Acknowledged by Staff night'));
    const [record] = (await new GuardStore(db, DEMO_SITE).list('handover', MONDAY)).rows;
    expect([record?.createdBy, record?.acknowledgedBy, record?.acknowledgedAt]).to.deep.equal(['day', 'night', MONDAY.toISOString()]);
  });

  it('refuses a restricted-room entry without approval and records one with it', async () => {
    const db = newDb();
    const staff = await makeStaff(db, 'guard-1', 'guard');
    const el = await mount(db, staff);
    const rooms = section(el, g.roomsHeading);
    setValue(el, g.person, 'PC Chan');
    setValue(el, g.reason, 'View CCTV of the car park');
    button(el, g.enterRoom).click();
    await until(() => alertText(rooms).length > 0);
    expect(alertText(rooms)).to.equal(g.errors['room-entry-unapproved']({}));
    setValue(el, g.person, 'PC Chan');
    setValue(el, g.reason, 'View CCTV of the car park');
    setValue(el, g.approvedBy, 'Mr Lee, estate manager');
    button(el, g.enterRoom).click();
    await until(() => deepText(rooms).includes(g.stillInside));
    expect(deepText(rooms)).to.contain('Monitoring room: PC Chan');
  });

  it('logs an occurrence and raises one incident from it', async () => {
    const db = newDb();
    const staff = await makeStaff(db, 'guard-1', 'guard');
    const el = await mount(db, staff);
    const log = section(el, g.occurrencesHeading);
    setValue(el, g.category, 'leak');
    setValue(el, g.details, 'Water on B1 near the pump room');
    setValue(el, g.occurredAt, '13:40');
    button(el, g.logOccurrence).click();
    await until(() => deepText(log).includes('Water on B1'));
    button(el, g.raiseIncident).click();
    await until(() => deepText(log).includes(g.incidentRaised));
    // 13:40 at the site (Hong Kong) today, not in the browser's zone.
    expect((await new GuardStore(db, DEMO_SITE).list('occurrence', MONDAY)).rows[0]?.at).to.equal('2026-11-23T05:40:00.000Z');
    const alerts = (await new DeskStore(db).listAlerts('open')).rows;
    expect(alerts.map((a) => [a.kind, a.incidentClass])).to.deep.equal([['incident', 'C']]);
    expect(await new DeskStore(db).incidentForAlert(alerts[0]!.id)).not.to.equal(undefined);
  });

  it('on a hub-linked desk raises the incident through the hub link it is given, not in the local store', async () => {
    const db = newDb();
    const staff = await makeStaff(db, 'guard-1', 'guard');
    const raised: string[] = [];
    const alertId = '0193a1b2-c3d4-7e5f-8a9b-00000000abcd';
    const el = await fixture<VkDeskGuard>(
      html`<vk-desk-guard
        .messages=${m}
        .site=${DEMO_SITE}
        .staff=${staff}
        .dbName=${db}
        .locale=${'en'}
        .now=${() => MONDAY}
        .raiseIncident=${async (cls: 'A' | 'B' | 'C') => {
          raised.push(cls);
          return { id: alertId, siteId: DEMO_SITE.id, kind: 'incident', incidentClass: cls, createdAt: MONDAY.toISOString(), notify: [], escalateAt: MONDAY.toISOString(), escalationLevel: 0, mediaPresent: false, status: 'open' };
        }}
      ></vk-desk-guard>`,
    );
    await el.refresh();
    setValue(el, g.details, 'Man trying door handles on 5/F');
    setValue(el, g.category, 'suspicious-person');
    button(el, g.logOccurrence).click();
    await until(() => deepText(el.shadowRoot!).includes('Man trying door handles'));
    setValue(el, g.incidentClass, 'A');
    button(el, g.raiseIncident).click();
    await until(() => deepText(el.shadowRoot!).includes(g.incidentRaised));
    expect(raised).to.deep.equal(['A']);
    expect((await new GuardStore(db, DEMO_SITE).list('occurrence', MONDAY)).rows[0]?.alertId).to.equal(alertId);
    expect((await new DeskStore(db).listAlerts('open')).rows).to.deep.equal([]);
  });

  it('lists items declared at the kiosk until the guard checks them, starting the check from the declaration', async () => {
    const db = newDb();
    const staff = await makeStaff(db, 'guard-1', 'guard');
    const visits = new VisitStore(db);
    const v = await visits.register({ ...draft('Ho Ka Yan'), carriedItems: 'Toolbox' }, { siteId: DEMO_SITE.id, timeZone: DEMO_SITE.timeZone, now: MONDAY });
    expect((await visits.get(v.id))?.carriedItems).to.equal('Toolbox');
    const el = await mount(db, staff, { ...DEMO_SITE, guard: { carriedItems: true } });
    await until(() => deepText(el.shadowRoot!).includes(g.declaredHeading));
    button(el, g.checkDeclared).click();
    await el.updateComplete;
    expect(field<HTMLTextAreaElement>(el, g.carriedItems).value).to.equal('Toolbox');
    expect(field<HTMLSelectElement>(el, g.carriedVisit).value).to.equal(v.id);
    button(el, g.carriedDecisions['not-allowed']).click();
    button(el, g.recordCarried).click();
    await until(() => !deepText(el.shadowRoot!).includes(g.declaredHeading));
    const [record] = (await new GuardStore(db, DEMO_SITE).list('carried', MONDAY)).rows;
    expect([record?.visitId, record?.items, record?.decision]).to.deep.equal([v.id, 'Toolbox', 'not-allowed']);
  });

  it('asks about carried items only where the site does, and is accessible on a 390 px phone', async () => {
    await setViewport({ width: 390, height: 844 });
    const db = newDb();
    const staff = await makeStaff(db, 'mgr', 'site-manager');
    let el = await mount(db, staff);
    expect(deepText(el.shadowRoot!)).not.to.contain(g.carriedHeading);
    el = await mount(db, staff, { ...DEMO_SITE, guard: { carriedItems: true } });
    expect(deepText(el.shadowRoot!)).to.contain(g.carriedHeading);
    button(el, g.carriedDecisions['with-permission']).click();
    await el.updateComplete;
    setValue(el, g.carriedItems, 'Electric drill');
    setValue(el, g.permittedBy, 'Mr Lee');
    button(el, g.recordCarried).click();
    await until(() => deepText(el.shadowRoot!).includes('Electric drill — Allowed with permission'));
    // Something in every list, so axe sees the rows as well as the forms.
    const guard = new GuardStore(db, DEMO_SITE);
    await guard.issueCard({ cardKind: 'lift', number: 'L1', holder: 'Contractor pass 4' }, staff.id, MONDAY);
    await guard.requestPass({ unit: '3C', requester: 'tenant', items: 'Desk', validFrom: '2026-11-23', validUntil: '2026-11-23' }, staff.id, MONDAY);
    await guard.enterRoom({ roomId: 'archive', person: 'Ms Ho', reason: 'Audit', approvedBy: 'Mr Lee' }, staff.id, MONDAY);
    await guard.handOver({ openItems: 'Nothing open', changes: '', notices: '', equipment: '' }, 'someone-else', MONDAY);
    await guard.logOccurrence({ category: 'lift-fault', text: 'Lift 1 stuck at 3/F' }, staff.id, MONDAY);
    await el.refresh();
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(390);
    await expect(el).to.be.accessible();
  });
});
