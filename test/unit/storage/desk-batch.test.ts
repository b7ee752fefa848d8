// The desk's batched reads (a busy day in one request each), a visit's badge number and denial, tours
// arranged by phone with their paperwork task, and the last good rules file — real IndexedDB, raw rows checked.
import { expect } from '@open-wc/testing';
import { KioskError } from '../../../src/domain/errors.js';
import { DEFAULT_RULES } from '../../../src/domain/rules/index.js';
import { DeskStore, VisitStore } from '../../../src/storage/index.js';
import { lastRules, saveLastRules } from '../../../src/storage/desk-rules.js';
import { MINUTE, T0, at, visitId } from './desk-helpers.js';
import { HK, dropDb, makeDraft, rawPut, rawRow, rejectionOf, takeUnhandled, uniqueDbName } from './helpers.js';

const codeOf = (error: unknown): string | undefined => (error instanceof KioskError ? error.code : undefined);
const HOUR = 60 * MINUTE;

describe('DeskStore: batched reads for a busy day', () => {
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

  it('reads the host decisions of many visits at once, and only theirs', async () => {
    const day = [visitId(at(0)), visitId(at(HOUR)), visitId(at(2 * HOUR)), visitId(at(3 * HOUR))];
    const yesterday = visitId(at(-24 * HOUR));
    const tomorrow = visitId(at(24 * HOUR));
    for (const [i, id] of [day[0], day[2], yesterday, tomorrow].entries()) {
      await store.recordHostDecision({ visitId: id as string, decision: i % 2 ? 'declined' : 'confirmed', by: '12A', staffId: 'admin' }, at(i));
    }
    const { rows, invalid } = await store.hostDecisionsFor(day);
    expect(invalid).to.deep.equal([]);
    expect(rows.map((d) => [d.visitId, d.decision])).to.deep.equal([
      [day[0], 'confirmed'],
      [day[2], 'declined'],
    ]);
    // A visit between the day's first and last that is not asked about stays out.
    expect((await store.hostDecisionsFor([day[0] as string, day[3] as string])).rows.map((d) => d.visitId)).to.deep.equal([day[0]]);
    expect(await store.hostDecisionsFor([])).to.deep.equal({ rows: [], invalid: [] });
  });

  it('reports a bad decision row apart instead of failing the whole day', async () => {
    const a = visitId(at(0));
    const b = visitId(at(MINUTE));
    await store.recordHostDecision({ visitId: a, decision: 'confirmed', by: '12A', staffId: 'admin' }, T0);
    await rawPut(name, 'host-decisions', { visitId: b, decision: 'maybe', by: '12A', at: T0.toISOString(), staffId: 'admin' });
    const { rows, invalid } = await store.hostDecisionsFor([a, b]);
    expect(rows.map((d) => d.visitId)).to.deep.equal([a]);
    expect(invalid.map((r) => r.key)).to.deep.equal([b]);
  });

  it('tasksForVisit finds open and done tasks of a visit, also one stamped by a clock a little behind', async () => {
    const v = visitId(at(HOUR));
    const other = visitId(at(HOUR));
    const open = await store.addTask({ siteId: 'demo', kind: 'notify-cs-centre', visitId: v }, at(HOUR + MINUTE));
    const done = await store.addTask({ siteId: 'demo', kind: 'host-message', visitId: v }, at(HOUR + 2 * MINUTE));
    await store.completeTask(done.id, 'admin', at(HOUR + 3 * MINUTE));
    // Another device whose clock runs ten minutes slow made this one "before" the visit.
    const skewed = await store.addTask({ siteId: 'demo', kind: 'help-call', visitId: v }, at(HOUR - 10 * MINUTE));
    await store.addTask({ siteId: 'demo', kind: 'notify-hr', visitId: other }, at(HOUR + MINUTE));
    await store.addTask({ siteId: 'demo', kind: 'help-call' }, at(HOUR + MINUTE));

    const rows = (await store.tasksForVisit(v)).rows;
    expect(rows.map((t) => t.id).sort()).to.deep.equal([open.id, done.id, skewed.id].sort());
    expect(rows.find((t) => t.id === done.id)?.status).to.equal('done');
    const both = (await store.tasksForVisits([v, other])).rows;
    expect(both).to.have.length(4);
    expect(await store.tasksForVisits([])).to.deep.equal({ rows: [], invalid: [] });
  });

  it('alertsForVisits finds every alert of the given visits whatever its status, in one read', async () => {
    const v1 = visitId(at(0));
    const v2 = visitId(at(MINUTE));
    const { alert: a1 } = await store.raiseAlert({ siteId: 'demo', kind: 'incident', incidentClass: 'C', visitId: v1, notify: ['pr'], escalateAt: at(3 * MINUTE) }, at(MINUTE));
    const { alert: a2 } = await store.raiseAlert({ siteId: 'demo', kind: 'watchlist', visitId: v2, notify: ['security-supervisor'], escalateAt: at(4 * MINUTE) }, at(2 * MINUTE));
    await store.closeAlert(a1.id, at(5 * MINUTE));
    await store.raiseAlert({ siteId: 'demo', kind: 'help', notify: [], escalateAt: at(4 * MINUTE) }, at(2 * MINUTE));
    await store.raiseAlert({ siteId: 'demo', kind: 'incident', incidentClass: 'A', visitId: visitId(at(MINUTE)), notify: ['cs-staff'], escalateAt: at(4 * MINUTE) }, at(2 * MINUTE));

    const rows = (await store.alertsForVisits([v1, v2])).rows;
    expect(rows.map((a) => [a.id, a.status])).to.deep.equal([
      [a1.id, 'closed'],
      [a2.id, 'open'],
    ]);
  });
});

describe('Tours arranged by phone, and the invitation asked of the hub', () => {
  let name: string;
  let store: DeskStore;

  beforeEach(() => {
    name = uniqueDbName();
    store = new DeskStore(name);
  });
  afterEach(() => dropDb(name));

  const input = { siteId: 'demo', kind: 'group' as const, leader: 'Ms Lee', headcount: 12, names: [], departments: ['Finance'], visitAt: at(2 * HOUR) };

  it('writes the urgent request and its paperwork task together, due when the notice is', async () => {
    const due = at(24 * HOUR);
    const tour = await store.requestTour({ ...input, paperworkDueAt: due }, T0);
    expect(tour.paperworkDueAt).to.equal(due.toISOString());
    expect(await rawRow(name, 'tours', tour.id)).to.deep.equal(tour);
    const tasks = (await store.tasksForTour(tour.id)).rows;
    expect(tasks).to.have.length(1);
    expect(tasks[0]).to.deep.include({ kind: 'tour-paperwork', tourId: tour.id, dueAt: due.toISOString(), status: 'open', siteId: 'demo' });
    expect((await store.openTasks()).rows.map((t) => t.id)).to.deep.equal([tasks[0]?.id]);
  });

  it('a request in time has no paperwork and no task', async () => {
    const tour = await store.requestTour(input, T0);
    expect(tour).to.not.have.property('paperworkDueAt');
    expect((await store.tasksForTour(tour.id)).rows).to.deep.equal([]);
  });

  it('a paperwork task without its tour, or a tour id on another kind of task, is refused', async () => {
    expect(codeOf(await rejectionOf(store.addTask({ siteId: 'demo', kind: 'tour-paperwork' }, T0)))).to.equal('storage-row-invalid');
    expect(codeOf(await rejectionOf(store.addTask({ siteId: 'demo', kind: 'help-call', tourId: visitId() }, T0)))).to.equal('storage-row-invalid');
  });

  it('approval records that the invitation was asked for; a decline does not', async () => {
    const tour = await store.requestTour(input, T0);
    const approved = await store.decideTour(tour.id, 'approved', 'admin', at(MINUTE));
    expect(approved.invitationRequestedAt).to.equal(at(MINUTE).toISOString());
    const other = await store.requestTour(input, T0);
    const declined = await store.decideTour(other.id, 'declined', 'admin', at(MINUTE));
    expect(declined).to.not.have.property('invitationRequestedAt');
    // A stored "asked for" on a tour that is not approved is a bad row.
    await rawPut(name, 'tours', { ...declined, invitationRequestedAt: at(MINUTE).toISOString() });
    expect(codeOf(await rejectionOf(store.getTour(other.id)))).to.equal('storage-row-invalid');
  });
});

describe('VisitStore: badge number and denial with the status change', () => {
  let name: string;
  let visits: VisitStore;

  beforeEach(() => {
    name = uniqueDbName();
    visits = new VisitStore(name);
  });
  afterEach(() => dropDb(name));

  const register = () => visits.register(makeDraft(), { ...HK, now: T0 });

  it('confirms a check-in with the badge handed out, in the same write', async () => {
    const v = await register();
    const pendingBefore = await visits.pendingCount();
    const checked = await visits.checkIn(v.id, at(MINUTE), { badgeNumber: '  V-0042 ' });
    expect(checked.status).to.equal('checked-in');
    expect(checked.badgeNumber).to.equal('V-0042');
    expect(await rawRow(name, 'visits', v.id)).to.deep.equal(checked);
    // One change, one outbox entry: the number travels with the status.
    expect(await visits.pendingCount()).to.equal(pendingBefore + 1);
  });

  it('a blank badge number is left out; one too long is refused and nothing changes', async () => {
    const v = await register();
    expect(await visits.checkIn(v.id, at(MINUTE), { badgeNumber: '   ' })).to.not.have.property('badgeNumber');
    const w = await register();
    expect(codeOf(await rejectionOf(visits.checkIn(w.id, at(MINUTE), { badgeNumber: 'x'.repeat(33) })))).to.equal('storage-row-invalid');
    expect((await visits.get(w.id))?.status).to.equal('registered');
  });

  it('denies with a reason and words, who denied, in one write; the history shows the step', async () => {
    const v = await register();
    const denied = await visits.deny(v.id, at(MINUTE), { reason: 'no-identification', note: '  Refused to show ID ', staffId: 'admin' });
    expect(denied.status).to.equal('denied');
    expect(denied.denial).to.deep.equal({ reason: 'no-identification', note: 'Refused to show ID', staffId: 'admin' });
    expect(denied.history.map((h) => h.status)).to.deep.equal(['registered', 'denied']);
    expect(await rawRow(name, 'visits', v.id)).to.deep.equal(denied);
  });

  it('"other" needs words; a checked-in visit cannot be denied; a denial on another status is a bad row', async () => {
    const v = await register();
    expect(codeOf(await rejectionOf(visits.deny(v.id, at(MINUTE), { reason: 'other', note: '  ', staffId: 'admin' })))).to.equal('storage-row-invalid');
    expect((await visits.get(v.id))?.status).to.equal('registered');
    const other = await visits.deny(v.id, at(MINUTE), { reason: 'other', note: 'Came for a neighbour who moved out', staffId: 'admin' });
    expect(other.denial?.note).to.equal('Came for a neighbour who moved out');

    const w = await register();
    await visits.checkIn(w.id, at(MINUTE));
    expect(await rejectionOf(visits.deny(w.id, at(2 * MINUTE), { reason: 'conduct', staffId: 'admin' }))).to.be.instanceOf(RangeError);

    const row = (await rawRow(name, 'visits', w.id)) as Record<string, unknown>;
    await rawPut(name, 'visits', { ...row, denial: { reason: 'conduct', staffId: 'admin' } });
    expect(codeOf(await rejectionOf(visits.get(w.id)))).to.equal('storage-row-invalid');
  });
});

describe('The last good rules file', () => {
  let name: string;

  beforeEach(() => {
    name = uniqueDbName();
  });
  afterEach(() => dropDb(name));

  it('keeps one set per site, replaced by the next good one', async () => {
    expect(await lastRules('demo', name)).to.equal(undefined);
    const tighter = { ...DEFAULT_RULES, escalation: { unacknowledgedMinutes: 1 } };
    const kept = await saveLastRules('demo', tighter, '/rules/demo.json', T0, name);
    expect(kept).to.deep.equal({ siteId: 'demo', source: '/rules/demo.json', savedAt: T0.toISOString(), rules: tighter });
    expect(await lastRules('demo', name)).to.deep.equal(kept);
    expect(await lastRules('other', name)).to.equal(undefined);
    const next = await saveLastRules('demo', DEFAULT_RULES, '/rules/demo-2.json', at(MINUTE), name);
    expect(await lastRules('demo', name)).to.deep.equal(next);
  });

  it('refuses to keep rules that do not parse, and treats a damaged kept row as none', async () => {
    const bad = { ...DEFAULT_RULES, escalation: { unacknowledgedMinutes: 0 } };
    expect(codeOf(await rejectionOf(saveLastRules('demo', bad, '/r.json', T0, name)))).to.equal('storage-row-invalid');
    await saveLastRules('demo', DEFAULT_RULES, '/r.json', T0, name);
    await rawPut(name, 'desk-meta', { siteId: 'demo', source: '/r.json', savedAt: T0.toISOString(), rules: { nonsense: true } }, 'rules:demo');
    expect(await lastRules('demo', name)).to.equal(undefined);
  });
});
