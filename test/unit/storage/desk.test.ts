import { expect } from '@open-wc/testing';
import { isIncidentOverdue, type Alert } from '../../../src/domain/desk.js';
import { KioskError } from '../../../src/domain/errors.js';
import { DeskStore } from '../../../src/storage/index.js';
import { MINUTE, T0, at, classC, makeStaff, visitId } from './desk-helpers.js';
import { dropDb, rawPut, rawRow, rawRows, rejectionOf, takeUnhandled, uniqueDbName } from './helpers.js';

const codeOf = (error: unknown): string | undefined => (error instanceof KioskError ? error.code : undefined);
const POLICY = { maxAttempts: 5, lockMs: 5 * MINUTE };
/** A 128-bit token id as invitations carry them. */
const JTI = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('DeskStore', () => {
  let name: string;
  let store: DeskStore;

  beforeEach(() => {
    name = uniqueDbName();
    store = new DeskStore(name);
    takeUnhandled();
  });
  afterEach(async () => {
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  describe('alerts', () => {
    it('raises an open alert with its escalation deadline stored, and lists it', async () => {
      const input = classC();
      const { alert, created } = await store.raiseAlert(input, T0);

      expect(created).to.equal(true);
      expect(alert).to.deep.equal({
        id: alert.id,
        siteId: 'demo',
        kind: 'incident',
        incidentClass: 'C',
        visitId: input.visitId,
        createdAt: T0.toISOString(),
        notify: ['pr', 'site-manager'],
        escalateAt: at(2 * MINUTE).toISOString(),
        escalationLevel: 0,
        mediaPresent: false,
        status: 'open',
      });
      expect(alert.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
      expect(await rawRows(name, 'alerts')).to.deep.equal([alert]);
      expect(await store.listOpenAlerts()).to.deep.equal({ rows: [alert], invalid: [] });
      expect(await store.getAlert(alert.id)).to.deep.equal(alert);
      expect((await store.alertsForVisit(input.visitId ?? '')).rows).to.deep.equal([alert]);
    });

    it('raises one alert per visit, kind and class while it is not closed', async () => {
      const input = classC();
      const first = await store.raiseAlert(input, T0);
      const again = await store.raiseAlert({ ...input, notify: ['pr'] }, at(1000));
      expect(again).to.deep.equal({ alert: first.alert, created: false });

      const watch = await store.raiseAlert({ siteId: 'demo', kind: 'watchlist', visitId: input.visitId, notify: ['security-supervisor'], escalateAt: at(MINUTE) }, T0);
      expect(watch.created).to.equal(true);
      await store.closeAlert(first.alert.id, at(MINUTE));
      const reopened = await store.raiseAlert(input, at(2 * MINUTE));
      expect(reopened.created).to.equal(true);
      expect(reopened.alert.id).not.to.equal(first.alert.id);
      expect(await rawRows(name, 'alerts')).to.have.length(3);

      // Help calls carry no visit: each press is its own alert (the kiosk debounces).
      await store.raiseAlert({ siteId: 'demo', kind: 'help', notify: [], escalateAt: at(MINUTE) }, T0);
      await store.raiseAlert({ siteId: 'demo', kind: 'help', notify: [], escalateAt: at(MINUTE) }, T0);
      expect((await store.listOpenAlerts()).rows.filter((a) => a.kind === 'help')).to.have.length(2);
    });

    it('refuses an alert that breaks its invariants, writing nothing', async () => {
      for (const input of [classC({ incidentClass: undefined }), { ...classC(), kind: 'help' as const }, classC({ notify: ['PR Department'] }), classC({ visitId: 'not-a-uuid' })]) {
        const error = await rejectionOf(store.raiseAlert(input, T0));
        expect(codeOf(error)).to.equal('storage-row-invalid');
      }
      expect(await rawRows(name, 'alerts')).to.deep.equal([]);
    });

    it('records the first acknowledgement only, and copies it to the incident record', async () => {
      const { alert } = await store.raiseAlert(classC(), T0);
      const incident = await store.openIncident(alert.id, at(1000));
      const acked = await store.acknowledge(alert.id, 'alice', at(30_000));
      expect(acked).to.deep.equal({ ...alert, status: 'acknowledged', acknowledgedAt: at(30_000).toISOString(), acknowledgedBy: 'alice' });

      const late = await store.acknowledge(alert.id, 'bob', at(40_000));
      expect(late).to.deep.equal(acked);
      expect(await rawRow(name, 'alerts', alert.id)).to.deep.equal(acked);
      expect(await store.listOpenAlerts()).to.deep.equal({ rows: [], invalid: [] });
      expect((await store.listAlerts('acknowledged')).rows).to.deep.equal([acked]);
      expect(await store.getIncident(incident.id)).to.deep.equal({ ...incident, acknowledgedAt: at(30_000).toISOString(), updatedAt: at(30_000).toISOString() });

      const missing = await rejectionOf(store.acknowledge(visitId(), 'alice', T0));
      expect(codeOf(missing)).to.equal('storage-failed');
      expect((missing as KioskError).details.name).to.equal('NotFoundError');
    });

    it('escalates a due open alert once per deadline, and never an acknowledged or closed one', async () => {
      const { alert } = await store.raiseAlert(classC(), T0);
      const incident = await store.openIncident(alert.id, T0);

      const early = await store.escalate(alert.id, at(MINUTE), at(3 * MINUTE));
      expect(early).to.deep.equal({ escalated: false, reason: 'not-due', alert });

      const first = await store.escalate(alert.id, at(2 * MINUTE), at(4 * MINUTE), ['security-supervisor', 'pr']);
      expect(first.escalated).to.equal(true);
      expect(first.alert).to.deep.equal({
        ...alert,
        escalationLevel: 1,
        escalatedAt: at(2 * MINUTE).toISOString(),
        escalateAt: at(4 * MINUTE).toISOString(),
        notify: ['pr', 'site-manager', 'security-supervisor'],
      });
      // A second desk waking up at the same instant finds the deadline already moved on.
      expect(await store.escalate(alert.id, at(2 * MINUTE), at(4 * MINUTE))).to.deep.equal({ escalated: false, reason: 'not-due', alert: first.alert });

      const second = await store.escalate(alert.id, at(4 * MINUTE), at(6 * MINUTE));
      expect(second.alert.escalationLevel).to.equal(2);
      expect((await store.getIncident(incident.id))?.escalatedAt).to.equal(at(2 * MINUTE).toISOString());

      const acked = await store.acknowledge(alert.id, 'alice', at(5 * MINUTE));
      expect(await store.escalate(alert.id, at(7 * MINUTE), at(9 * MINUTE))).to.deep.equal({ escalated: false, reason: 'acknowledged', alert: acked });

      const other = (await store.raiseAlert(classC(), T0)).alert;
      const closed = await store.closeAlert(other.id, at(MINUTE));
      expect(await store.escalate(other.id, at(3 * MINUTE), at(5 * MINUTE))).to.deep.equal({ escalated: false, reason: 'closed', alert: closed });
    });

    it('escalates by hand (out of control) before the deadline and after an acknowledgement, never once closed', async () => {
      const { alert } = await store.raiseAlert(classC({ incidentClass: 'A', notify: ['cs-centre'] }), T0);
      const now = await store.escalate(alert.id, at(10_000), at(3 * MINUTE), ['site-manager'], { manual: true });
      expect(now).to.deep.equal({ escalated: true, alert: { ...alert, escalationLevel: 1, escalatedAt: at(10_000).toISOString(), escalateAt: at(3 * MINUTE).toISOString(), notify: ['cs-centre', 'site-manager'] } });

      const acked = await store.acknowledge(alert.id, 'alice', at(20_000));
      const again = await store.escalate(alert.id, at(30_000), at(4 * MINUTE), ['pr'], { manual: true });
      expect(again.escalated).to.equal(true);
      expect(again.alert).to.deep.equal({ ...acked, escalationLevel: 2, escalatedAt: at(30_000).toISOString(), escalateAt: at(4 * MINUTE).toISOString(), notify: ['cs-centre', 'site-manager', 'pr'] });

      const closed = await store.closeAlert(alert.id, at(MINUTE));
      expect(await store.escalate(alert.id, at(2 * MINUTE), at(5 * MINUTE), [], { manual: true })).to.deep.equal({ escalated: false, reason: 'closed', alert: closed });
    });

    it('lists due escalations: open alerts whose deadline has come, earliest first', async () => {
      const late = (await store.raiseAlert(classC({ escalateAt: at(3 * MINUTE) }), T0)).alert;
      const soon = (await store.raiseAlert(classC({ escalateAt: at(MINUTE) }), T0)).alert;
      const future = (await store.raiseAlert(classC({ escalateAt: at(10 * MINUTE) }), T0)).alert;
      const acked = (await store.raiseAlert(classC({ escalateAt: at(MINUTE) }), T0)).alert;
      await store.acknowledge(acked.id, 'alice', at(10_000));

      expect((await store.dueEscalations(at(3 * MINUTE))).rows.map((a) => a.id)).to.deep.equal([soon.id, late.id]);
      expect((await store.dueEscalations(at(MINUTE))).rows.map((a) => a.id)).to.deep.equal([soon.id]);
      expect((await store.dueEscalations(T0)).rows).to.deep.equal([]);
      expect((await store.dueEscalations(at(10 * MINUTE))).rows.map((a) => a.id)).to.deep.equal([soon.id, late.id, future.id]);
    });

    it('marks media present once, bringing in more roles, on the alert and its record', async () => {
      const { alert } = await store.raiseAlert(classC({ incidentClass: 'A', notify: ['cs-centre'] }), T0);
      const incident = await store.openIncident(alert.id, T0);
      const marked = await store.markMediaPresent(alert.id, at(MINUTE), ['pr']);
      expect(marked).to.deep.equal({ ...alert, mediaPresent: true, notify: ['cs-centre', 'pr'] });
      expect(await store.markMediaPresent(alert.id, at(2 * MINUTE), ['pr'])).to.deep.equal(marked);
      expect(await store.getIncident(incident.id)).to.deep.equal({ ...incident, mediaPresent: true, updatedAt: at(MINUTE).toISOString() });
    });

    it('reports a bad stored row without deleting it or showing its values', async () => {
      const good = (await store.raiseAlert(classC(), T0)).alert;
      const bad = { ...good, id: visitId(at(1)), status: 'open', acknowledgedBy: 'Chan Tai Man' } as unknown as Alert;
      await rawPut(name, 'alerts', bad);

      const listed = await store.listOpenAlerts();
      expect(listed.rows).to.deep.equal([good]);
      expect(listed.invalid).to.have.length(1);
      expect(listed.invalid[0]?.key).to.equal(bad.id);
      expect(JSON.stringify(listed.invalid)).not.to.contain('Chan');
      expect(codeOf(await rejectionOf(store.getAlert(bad.id)))).to.equal('storage-row-invalid');
      expect(codeOf(await rejectionOf(store.acknowledge(bad.id, 'alice', T0)))).to.equal('storage-row-invalid');
      expect(await rawRow(name, 'alerts', bad.id)).to.deep.equal(bad);
    });
  });

  describe('incident records', () => {
    it('opens one record per alert, from the alert, and refuses one for a help call', async () => {
      const input = classC();
      const { alert } = await store.raiseAlert(input, T0);
      const record = await store.openIncident(alert.id, at(1000), { arrivalAt: at(-MINUTE), handledBy: '  Alice (front desk) ' });
      expect(record).to.deep.equal({
        id: record.id,
        siteId: 'demo',
        alertId: alert.id,
        incidentClass: 'C',
        visitId: input.visitId,
        arrivalAt: at(-MINUTE).toISOString(),
        notifiedAt: T0.toISOString(),
        handledBy: 'Alice (front desk)',
        said: '',
        done: '',
        outcome: '',
        typicalCase: false,
        mediaPresent: false,
        updatedAt: at(1000).toISOString(),
      });
      expect(await store.openIncident(alert.id, at(2000))).to.deep.equal(record);
      expect(await store.incidentForAlert(alert.id)).to.deep.equal(record);

      const watch = (await store.raiseAlert({ siteId: 'demo', kind: 'watchlist', visitId: visitId(), notify: [], escalateAt: at(MINUTE) }, T0)).alert;
      expect((await store.openIncident(watch.id, T0)).incidentClass).to.equal('watchlist');
      const help = (await store.raiseAlert({ siteId: 'demo', kind: 'help', notify: [], escalateAt: at(MINUTE) }, T0)).alert;
      expect(await rejectionOf(store.openIncident(help.id, T0))).to.be.instanceOf(RangeError);
      expect((await store.listIncidents()).rows).to.have.length(2);
    });

    it('is written, closed with its due time (closing the alert), signed off by a site manager, then final', async () => {
      const { alert } = await store.raiseAlert(classC({ incidentClass: 'A' }), T0);
      const opened = await store.openIncident(alert.id, T0);
      await store.putStaff(await makeStaff('mgr', '2468', 'site-manager'));
      await store.putStaff(await makeStaff('rec', '1357', 'receptionist'));
      await store.putStaff(await makeStaff('other-mgr', '9753', 'site-manager', 'other-site'));

      const written = await store.updateIncident(opened.id, { said: 'Owner demanded the manager.', done: 'Offered a seat and water.', typicalCase: true, handledBy: 'rec' }, at(MINUTE));
      expect(written).to.deep.equal({ ...opened, said: 'Owner demanded the manager.', done: 'Offered a seat and water.', typicalCase: true, handledBy: 'rec', updatedAt: at(MINUTE).toISOString() });
      const cleared = await store.updateIncident(opened.id, { handledBy: '  ' }, at(2 * MINUTE));
      expect(cleared.handledBy).to.equal(undefined);
      expect('handledBy' in cleared).to.equal(false);

      expect(await rejectionOf(store.signOff(opened.id, 'mgr', at(3 * MINUTE)))).to.be.instanceOf(RangeError);

      const closedAt = at(30 * MINUTE);
      const dueAt = new Date('2026-11-25T16:00:00Z');
      const closed = await store.closeIncident(opened.id, closedAt, dueAt);
      expect(closed.closedAt).to.equal(closedAt.toISOString());
      expect(closed.dueAt).to.equal(dueAt.toISOString());
      expect(await store.getAlert(alert.id)).to.deep.equal({ ...alert, status: 'closed', closedAt: closedAt.toISOString() });
      expect(await store.closeIncident(opened.id, at(40 * MINUTE), new Date('2026-11-26T16:00:00Z'))).to.deep.equal(closed);
      // Still editable after closing: the written record is due later.
      const outcome = await store.updateIncident(opened.id, { outcome: 'Left calmly after 20 minutes.' }, at(50 * MINUTE));

      expect(isIncidentOverdue(outcome, new Date('2026-11-26T00:00:00Z'))).to.equal(true);
      expect(await rejectionOf(store.signOff(opened.id, 'rec', at(60 * MINUTE)))).to.be.instanceOf(RangeError);
      expect(await rejectionOf(store.signOff(opened.id, 'other-mgr', at(60 * MINUTE)))).to.be.instanceOf(RangeError);
      expect(await rejectionOf(store.signOff(opened.id, 'nobody', at(60 * MINUTE)))).to.be.instanceOf(RangeError);
      const signed = await store.signOff(opened.id, 'mgr', at(60 * MINUTE));
      expect(signed).to.deep.equal({ ...outcome, signedOffBy: 'mgr', signedOffAt: at(60 * MINUTE).toISOString(), updatedAt: at(60 * MINUTE).toISOString() });
      expect(isIncidentOverdue(signed, new Date('2026-11-26T00:00:00Z'))).to.equal(false);
      expect(await store.signOff(opened.id, 'mgr', at(70 * MINUTE))).to.deep.equal(signed);
      expect(await rejectionOf(store.updateIncident(opened.id, { outcome: 'changed' }, at(80 * MINUTE)))).to.be.instanceOf(RangeError);
      expect(await rawRow(name, 'incidents', opened.id)).to.deep.equal(signed);
    });

    it('refuses a due time before the close', async () => {
      const { alert } = await store.raiseAlert(classC(), T0);
      const record = await store.openIncident(alert.id, T0);
      expect(codeOf(await rejectionOf(store.closeIncident(record.id, at(MINUTE), T0)))).to.equal('storage-row-invalid');
      expect((await store.getIncident(record.id))?.closedAt).to.equal(undefined);
      expect((await store.getAlert(alert.id))?.status).to.equal('open');
    });
  });

  describe('tasks', () => {
    it('adds open tasks, completes them once, and lists the open ones', async () => {
      const vid = visitId();
      const call = await store.addTask({ siteId: 'demo', kind: 'host-message', visitId: vid, dueAt: at(60 * MINUTE), note: ' Call back 9123 4567 ' }, T0);
      const notify = await store.addTask({ siteId: 'demo', kind: 'notify-cs-centre', visitId: vid }, at(1));
      expect(call).to.deep.equal({ id: call.id, siteId: 'demo', kind: 'host-message', visitId: vid, createdAt: T0.toISOString(), dueAt: at(60 * MINUTE).toISOString(), status: 'open', note: 'Call back 9123 4567' });
      expect((await store.openTasks()).rows.map((t) => t.id)).to.deep.equal([call.id, notify.id]);

      const done = await store.completeTask(notify.id, 'alice', at(MINUTE), 'Logged in the CS ledger');
      expect(done).to.deep.equal({ ...notify, status: 'done', doneAt: at(MINUTE).toISOString(), doneBy: 'alice', note: 'Logged in the CS ledger' });
      expect(await store.completeTask(notify.id, 'bob', at(2 * MINUTE))).to.deep.equal(done);
      expect((await store.openTasks()).rows.map((t) => t.id)).to.deep.equal([call.id]);
      expect(await store.getTask(notify.id)).to.deep.equal(done);
      expect(codeOf(await rejectionOf(store.addTask({ siteId: 'demo', kind: 'fax' as 'help-call' }, T0)))).to.equal('storage-row-invalid');
    });
  });

  describe('expected visits', () => {
    it('files them under the site-local day of the expected time, in time order', async () => {
      // 16:30 UTC on the 22nd is 00:30 on the 23rd in Hong Kong.
      const late = await store.addExpected({ siteId: 'demo', timeZone: 'Asia/Hong_Kong', hostLabel: '12A', expectedAt: new Date('2026-11-23T07:00:00Z'), guestName: 'Guest of 12A', kind: 'guest', recordedBy: 'alice' }, T0);
      const early = await store.addExpected(
        { siteId: 'demo', timeZone: 'Asia/Hong_Kong', hostLabel: 'Management office', expectedAt: new Date('2026-11-22T16:30:00Z'), partySize: 6, kind: 'complaint', makeUp: '6 owners of block C', recordedBy: 'Customer service' },
        T0,
      );
      expect(early.dayKey).to.equal('2026-11-23');
      expect(early.partySize).to.equal(6);
      expect(late.partySize).to.equal(1);
      expect((await store.listExpected('2026-11-23')).rows.map((e) => e.id)).to.deep.equal([early.id, late.id]);
      expect((await store.listExpected('2026-11-22')).rows).to.deep.equal([]);

      const vid = visitId();
      const arrived = await store.markExpectedArrived(late.id, vid);
      expect(arrived.arrivedVisitId).to.equal(vid);
      expect(await store.markExpectedArrived(late.id, visitId())).to.deep.equal(arrived);
      await store.removeExpected(early.id);
      expect((await store.listExpected('2026-11-23')).rows).to.deep.equal([arrived]);

      const makeUpOnGuest = store.addExpected({ siteId: 'demo', timeZone: 'Asia/Hong_Kong', hostLabel: '3B', expectedAt: T0, kind: 'guest', makeUp: 'two', recordedBy: 'alice' }, T0);
      expect(codeOf(await rejectionOf(makeUpOnGuest))).to.equal('storage-row-invalid');
    });
  });

  describe('host decisions', () => {
    it('records the host\'s answer beside the visit; a correction replaces it', async () => {
      const vid = visitId();
      expect(await store.hostDecision(vid)).to.equal(undefined);
      const confirmed = await store.recordHostDecision({ visitId: vid, decision: 'confirmed', by: '12A', staffId: 'alice' }, at(2 * MINUTE));
      expect(confirmed).to.deep.equal({ visitId: vid, decision: 'confirmed', by: '12A', at: at(2 * MINUTE).toISOString(), staffId: 'alice' });
      expect(await store.hostDecision(vid)).to.deep.equal(confirmed);
      const declined = await store.recordHostDecision({ visitId: vid, decision: 'declined', by: '12A', staffId: 'bob' }, at(3 * MINUTE));
      expect(await rawRows(name, 'host-decisions')).to.deep.equal([declined]);
    });
  });

  describe('tours', () => {
    it('records a request and its first decision, and an invitation only for an approved tour', async () => {
      const input = { siteId: 'demo', kind: 'group' as const, leader: 'Ms Lee', headcount: 12, names: ['Ms Lee', ' Mr Ho ', ''], departments: ['Finance', 'HR'], visitAt: new Date('2026-11-27T02:00:00Z') };
      const tour = await store.requestTour(input, T0);
      expect(tour).to.deep.equal({ id: tour.id, siteId: 'demo', kind: 'group', leader: 'Ms Lee', headcount: 12, names: ['Ms Lee', 'Mr Ho'], departments: ['Finance', 'HR'], visitAt: '2026-11-27T02:00:00.000Z', requestedAt: T0.toISOString(), status: 'requested' });
      expect(await rejectionOf(store.attachTourInvitation(tour.id, JTI))).to.be.instanceOf(RangeError);

      const approved = await store.decideTour(tour.id, 'approved', 'mgr', at(MINUTE));
      // The desk holds no signing key: approving asks the hub for the invitation, and says when.
      expect(approved).to.deep.equal({ ...tour, status: 'approved', decidedBy: 'mgr', decidedAt: at(MINUTE).toISOString(), invitationRequestedAt: at(MINUTE).toISOString() });
      expect(await store.decideTour(tour.id, 'declined', 'bob', at(2 * MINUTE))).to.deep.equal(approved);
      expect((await store.attachTourInvitation(tour.id, JTI)).invitationJti).to.equal(JTI);

      const other = await store.requestTour({ ...input, kind: 'ad-hoc' }, at(1));
      const declined = await store.decideTour(other.id, 'declined', 'mgr', at(MINUTE));
      expect(declined.status).to.equal('declined');
      expect((await store.listTours('approved')).rows.map((t) => t.id)).to.deep.equal([tour.id]);
      expect((await store.listTours()).rows.map((t) => t.id)).to.deep.equal([tour.id, other.id]);
      expect(await store.getTour(other.id)).to.deep.equal(declined);
    });
  });

  describe('watch list', () => {
    it('keeps entries until they expire, replaces by id, and checks phone entries', async () => {
      const byName = await store.putWatchEntry({ siteId: 'demo', kind: 'name', value: 'chan tai man', reason: 'Harassed staff on 2026-10-02', approvedBy: 'Site manager', expiresAt: at(24 * 60 * MINUTE) }, T0);
      const byPhone = await store.putWatchEntry({ siteId: 'demo', kind: 'phone', value: '+85291234567', reason: 'Repeated threats', approvedBy: 'Site manager', expiresAt: at(60 * MINUTE) }, at(1));
      expect((await store.listWatchEntries()).rows.map((e) => e.id)).to.deep.equal([byName.id, byPhone.id]);
      expect((await store.listWatchEntries(at(2 * 60 * MINUTE))).rows.map((e) => e.id)).to.deep.equal([byName.id]);

      const renewed = await store.putWatchEntry({ ...byPhone, expiresAt: at(48 * 60 * MINUTE) }, at(MINUTE));
      expect(renewed).to.deep.equal({ ...byPhone, expiresAt: at(48 * 60 * MINUTE).toISOString() });
      expect(await rawRows(name, 'watchlist')).to.have.length(2);

      const badPhone = store.putWatchEntry({ siteId: 'demo', kind: 'phone', value: '9123 4567', reason: 'x', approvedBy: 'y', expiresAt: at(MINUTE) }, T0);
      expect(codeOf(await rejectionOf(badPhone))).to.equal('storage-row-invalid');
      const expiredAtBirth = store.putWatchEntry({ siteId: 'demo', kind: 'name', value: 'x', reason: 'x', approvedBy: 'y', expiresAt: T0 }, T0);
      expect(codeOf(await rejectionOf(expiredAtBirth))).to.equal('storage-row-invalid');

      await store.removeWatchEntry(byName.id);
      expect((await store.listWatchEntries()).rows.map((e) => e.id)).to.deep.equal([byPhone.id]);
    });
  });

  describe('staff and wrong PINs', () => {
    it('stores staff with a hash (never a PIN) and lists them by site', async () => {
      const alice = await store.putStaff(await makeStaff('alice', '1234'));
      const bob = await store.putStaff(await makeStaff('bob', '5678', 'guard'));
      await store.putStaff(await makeStaff('carol', '1111', 'site-manager', 'other-site'));
      expect(await store.getStaff('alice')).to.deep.equal(alice);
      expect((await store.listStaff('demo')).rows).to.deep.equal([alice, bob]);
      expect((await store.listStaff()).rows).to.have.length(3);
      expect(JSON.stringify(await rawRows(name, 'staff'))).not.to.contain('1234');

      for (const bad of [{ ...alice, pinHash: '1234' }, { ...alice, iterations: 1000 }, { ...alice, role: 'admin' }, { ...alice, id: 'Alice Chan' }]) {
        expect(codeOf(await rejectionOf(store.putStaff(bad as typeof alice)))).to.equal('storage-row-invalid');
      }
    });

    it('counts wrong PINs per device and per member, locks at the limit, and lets the lock expire', async () => {
      await store.putStaff(await makeStaff('alice', '1234'));
      for (let i = 1; i <= 4; i++) {
        const state = await store.recordFailedPin(i % 2 ? 'alice' : undefined, at(i * 1000), POLICY);
        expect(state).to.deep.equal({ counted: true, locked: false, deviceFailures: i });
      }
      expect((await store.getStaff('alice'))?.failedAttempts).to.equal(2);
      expect(await store.deviceLock(at(5000))).to.deep.equal({ locked: false });

      const fifth = await store.recordFailedPin(undefined, at(5000), POLICY);
      const retryAt = at(5000 + 5 * MINUTE).toISOString();
      expect(fifth).to.deep.equal({ counted: true, locked: true, retryAt, deviceFailures: 5 });
      expect(await store.recordFailedPin('alice', at(6000), POLICY)).to.deep.equal({ counted: false, locked: true, retryAt, deviceFailures: 5 });
      expect((await store.getStaff('alice'))?.failedAttempts).to.equal(2);
      expect(await store.deviceLock(at(6000))).to.deep.equal({ locked: true, retryAt });

      // After the lock the count starts again.
      expect(await store.recordFailedPin(undefined, at(5000 + 5 * MINUTE), POLICY)).to.deep.equal({ counted: true, locked: false, deviceFailures: 1 });
      await store.resetFailedPins('alice', at(6 * MINUTE));
      expect(await rawRow(name, 'desk-meta', 'pin-failures')).to.deep.equal({ failedAttempts: 0 });
      expect((await store.getStaff('alice'))?.failedAttempts).to.equal(0);
    });

    it('locks one member after repeated wrong PINs against that member', async () => {
      const alice = await store.putStaff(await makeStaff('alice', '1234'));
      for (let i = 1; i <= 5; i++) await store.recordFailedPin('alice', at(i), POLICY);
      const locked = await store.getStaff('alice');
      expect(locked).to.deep.equal({ ...alice, failedAttempts: 5, lockedUntil: at(5 + 5 * MINUTE).toISOString() });
      await store.resetFailedPins('alice', at(MINUTE));
      expect(await store.getStaff('alice')).to.deep.equal(alice);
    });
  });
});
