// DeskData on real IndexedDB: a busy day read in a few requests, classification once per visit (a closed
// alert or a completed task is not opened again by a later page), and help calls that escalate like alerts.
import { expect } from '@open-wc/testing';
import { DeskData } from '../../../desk/desk-data.js';
import { DEMO_SITE } from '../../../src/domain/demo-site.js';
import type { Alert } from '../../../src/domain/desk.js';
import { DEFAULT_RULES, DEFAULT_HELP_ESCALATION, defaultRulesFor } from '../../../src/domain/rules/index.js';
import type { Visit, VisitDraft } from '../../../src/domain/visit.js';
import { DeskStore, VisitStore, closeKioskDb } from '../../../src/storage/index.js';

/** Tuesday 10 March 2026, 10:00 in Hong Kong: reception open. */
const NOW = new Date('2026-03-10T02:00:00Z');
const MINUTE = 60_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);

let counter = 0;
const names: string[] = [];
const freshDb = () => {
  const name = `vk-test-deskdata-${Date.now()}-${counter++}`;
  names.push(name);
  return name;
};

function draft(overrides: Partial<VisitDraft> = {}): VisitDraft {
  return {
    visitor: { fullName: 'Chan Tai Man', phone: '+85291234567', organisation: '', partySize: 1 },
    visitorType: 'visiting-resident',
    purpose: 'meeting',
    host: { kind: 'free-text', label: '12B' },
    hasAppointment: false,
    identity: { method: 'sighted' },
    consent: { noticeVersion: 'hk-2026-11', kind: 'read', at: NOW.toISOString() },
    lang: 'en',
    ...overrides,
  };
}

const register = (visits: VisitStore, d: VisitDraft, at = NOW): Promise<Visit> => visits.register(d, { siteId: DEMO_SITE.id, timeZone: DEMO_SITE.timeZone, now: at });
const media = (name = 'Lobby News crew') => draft({ visitor: { fullName: name, phone: '+85298765432', organisation: 'Lobby News', partySize: 2 }, visitorType: 'media', purpose: 'media-interview' });
const ownerComplaint = () => draft({ visitorType: 'resident', purpose: 'complaint' });

/**
 * Counts the IndexedDB requests a page makes on the object stores, by wrapping the prototypes' request
 * methods for the duration of `fn` (real requests: they still run).
 */
async function countRequests<T>(fn: () => Promise<T>): Promise<{ value: T; requests: number }> {
  const proto = IDBObjectStore.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const index = IDBIndex.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const methods = ['get', 'getAll', 'getKey', 'count', 'openCursor'];
  const originals: [Record<string, (...a: unknown[]) => unknown>, string, (...a: unknown[]) => unknown][] = [];
  let requests = 0;
  for (const target of [proto, index]) {
    for (const m of methods) {
      const original = target[m];
      if (!original) continue;
      originals.push([target, m, original]);
      target[m] = function (this: unknown, ...args: unknown[]) {
        requests++;
        return original.apply(this, args);
      };
    }
  }
  try {
    const value = await fn();
    return { value, requests };
  } finally {
    for (const [target, m, original] of originals) target[m] = original;
  }
}

describe('DeskData', () => {
  beforeEach(() => DeskData.forgetClassified());
  afterEach(async () => {
    for (const name of names.splice(0)) {
      await closeKioskDb(name);
      await new Promise((r) => {
        const req = indexedDB.deleteDatabase(name);
        req.onsuccess = req.onerror = req.onblocked = () => r(undefined);
      });
    }
  });

  it('reads a day of 300 visits and their host answers in a bounded number of requests, not one per visit', async () => {
    const db = freshDb();
    const visits = new VisitStore(db);
    const desk = new DeskStore(db);
    const day: Visit[] = [];
    for (let i = 0; i < 300; i++) day.push(await register(visits, draft({ visitor: { fullName: `Guest ${i}`, phone: '', organisation: '', partySize: 1 } }), later(i * 1000)));
    for (const v of day.slice(0, 100)) await desk.recordHostDecision({ visitId: v.id, decision: 'confirmed', by: '12B', staffId: 'admin' }, later(MINUTE));

    const data = new DeskData(db, DEMO_SITE, DEFAULT_RULES);
    const first = await countRequests(() => data.snapshot(later(10 * MINUTE), () => {}));
    expect(first.value.visits).to.have.length(300);
    expect(first.value.decisions.size).to.equal(100);
    expect(first.value.decisions.get(day[0]!.id)).to.deep.include({ decision: 'confirmed', by: '12B' });
    // The old desk read one decision per visit (300) and classified each with three reads (900).
    expect(first.requests, 'requests for the first snapshot').to.be.below(20);
    const again = await countRequests(() => data.snapshot(later(11 * MINUTE), () => {}));
    expect(again.requests, 'requests for a later snapshot').to.be.below(12);
  });

  it('raises class C once per arrival; a page opened after the alert was closed does not raise it again', async () => {
    const db = freshDb();
    const visits = new VisitStore(db);
    const desk = new DeskStore(db);
    const crew = await register(visits, media());
    const flagged: Alert[] = [];
    const first = new DeskData(db, DEMO_SITE, DEFAULT_RULES);
    const s1 = await first.snapshot(later(MINUTE), (_v, a) => flagged.push(a));
    expect(flagged.map((a) => [a.visitId, a.incidentClass])).to.deep.equal([[crew.id, 'C']]);
    expect(s1.alerts.map((a) => a.id)).to.deep.equal([flagged[0]!.id]);
    await first.snapshot(later(2 * MINUTE), (_v, a) => flagged.push(a));
    expect(flagged).to.have.length(1);

    await desk.closeAlert(flagged[0]!.id, later(3 * MINUTE));
    // Another page (a reload, another desk): it has classified nothing, and must not raise a new C.
    DeskData.forgetClassified();
    const second = new DeskData(db, DEMO_SITE, DEFAULT_RULES);
    const s2 = await second.snapshot(later(4 * MINUTE), (_v, a) => flagged.push(a));
    expect(flagged).to.have.length(1);
    expect(s2.alerts).to.deep.equal([]);
    expect((await desk.alertsForVisit(crew.id)).rows).to.have.length(1);
  });

  it('a name on the watch list raises a watchlist alert (the matcher, loaded only when there is a list, folds 陳 and 陈)', async () => {
    const db = freshDb();
    const visits = new VisitStore(db);
    const desk = new DeskStore(db);
    const plain = await register(visits, draft({ visitor: { fullName: 'Wong Siu Ming', phone: '', organisation: '', partySize: 1 } }));
    const listed = await register(visits, draft({ visitor: { fullName: '陳大文', phone: '', organisation: '', partySize: 1 } }));
    // Nothing listed: no visit is flagged (and the matcher is not needed).
    const flagged: Alert[] = [];
    await new DeskData(db, DEMO_SITE, DEFAULT_RULES).snapshot(later(MINUTE), (_v, a) => flagged.push(a));
    expect(flagged).to.deep.equal([]);

    await desk.putWatchEntry({ siteId: DEMO_SITE.id, kind: 'name', value: '陈 大文', reason: 'r', approvedBy: 'a', expiresAt: new Date('2026-04-01T00:00:00Z') }, NOW);
    DeskData.forgetClassified();
    await new DeskData(db, DEMO_SITE, DEFAULT_RULES).snapshot(later(2 * MINUTE), (_v, a) => flagged.push(a));
    expect(flagged.map((a) => [a.visitId, a.kind])).to.deep.equal([[listed.id, 'watchlist']]);
    expect((await desk.alertsForVisit(plain.id)).rows).to.deep.equal([]);
  });

  it("opens the customer-service task for an owner's complaint once, even after it was marked done", async () => {
    const db = freshDb();
    const visits = new VisitStore(db);
    const desk = new DeskStore(db);
    const owner = await register(visits, ownerComplaint());
    const data = new DeskData(db, DEMO_SITE, DEFAULT_RULES);
    const s = await data.snapshot(later(MINUTE), () => {});
    expect(s.suggestions.get(owner.id)).to.equal('A');
    expect(s.alerts, 'A is suggested, never raised').to.deep.equal([]);
    const [task] = (await desk.tasksForVisit(owner.id)).rows;
    expect(task).to.deep.include({ kind: 'notify-cs-centre', status: 'open' });
    await desk.completeTask(task!.id, 'admin', later(2 * MINUTE));

    DeskData.forgetClassified();
    const next = new DeskData(db, DEMO_SITE, DEFAULT_RULES);
    const s2 = await next.snapshot(later(3 * MINUTE), () => {});
    // The prompt is still offered on the row; the ledger task is not opened a second time.
    expect(s2.suggestions.get(owner.id)).to.equal('A');
    expect((await desk.tasksForVisit(owner.id)).rows.map((t) => t.status)).to.deep.equal(['done']);
  });

  it('signing in again on the same page does not classify the day again', async () => {
    const db = freshDb();
    const visits = new VisitStore(db);
    for (let i = 0; i < 20; i++) await register(visits, media(`Crew ${i}`), later(i));
    const first = new DeskData(db, DEMO_SITE, DEFAULT_RULES);
    await first.snapshot(later(MINUTE), () => {});
    // Signed out and in: a new DeskData on the same page remembers what was classified.
    const second = new DeskData(db, DEMO_SITE, DEFAULT_RULES);
    const { requests } = await countRequests(() => second.snapshot(later(2 * MINUTE), () => {}));
    expect(requests).to.be.below(12);
  });

  it('new rules classify the day again: a pattern the presets lacked raises its alert', async () => {
    const db = freshDb();
    const visits = new VisitStore(db);
    const agent = await register(visits, draft({ visitorType: 'estate-agent', purpose: 'other' }));
    const data = new DeskData(db, DEMO_SITE, DEFAULT_RULES);
    const flagged: string[] = [];
    await data.snapshot(later(MINUTE), (v) => flagged.push(v.id));
    expect(flagged).to.deep.equal([]);
    const presets = defaultRulesFor(DEMO_SITE.kind);
    data.configure(DEMO_SITE, { ...presets, classC: { when: [...presets.classC.when, { visitorType: 'estate-agent' }] } });
    await data.snapshot(later(2 * MINUTE), (v) => flagged.push(v.id));
    expect(flagged).to.deep.equal([agent.id]);
  });

  it('an unanswered help call escalates like the others, up the help hops, on every wake-up after its deadline', async () => {
    const db = freshDb();
    const desk = new DeskStore(db);
    // What the kiosk's "Ask staff for help" writes (kiosk/storage-bridge.ts): no roles, two minutes.
    const { alert } = await desk.raiseAlert({ siteId: DEMO_SITE.id, kind: 'help', notify: [], escalateAt: later(2 * MINUTE) }, NOW);
    const data = new DeskData(db, DEMO_SITE, DEFAULT_RULES);
    expect(await data.escalateDue(later(MINUTE))).to.deep.equal([]);

    const [first] = await data.escalateDue(later(2 * MINUTE));
    expect(first).to.deep.include({ id: alert.id, escalationLevel: 1, status: 'open', notify: [...DEFAULT_HELP_ESCALATION[0]!] });
    // A second desk waking at the same moment escalates nothing: one deadline, one escalation.
    expect(await new DeskData(db, DEMO_SITE, DEFAULT_RULES).escalateDue(later(2 * MINUTE))).to.deep.equal([]);

    const [second] = await data.escalateDue(later(5 * MINUTE));
    expect(second?.escalationLevel).to.equal(2);
    expect(second?.notify).to.deep.equal([...DEFAULT_HELP_ESCALATION[0]!, ...DEFAULT_HELP_ESCALATION[1]!]);
    // Past the last hop it still escalates (every desk chimes again), telling nobody new.
    const [third] = await data.escalateDue(later(8 * MINUTE));
    expect(third?.escalationLevel).to.equal(3);
    expect(third?.notify).to.deep.equal(second?.notify);

    // Acknowledged: it stops.
    await desk.acknowledge(alert.id, 'admin', later(9 * MINUTE));
    expect(await data.escalateDue(later(20 * MINUTE))).to.deep.equal([]);
  });

  it("a site's own help hops are used", async () => {
    const db = freshDb();
    const desk = new DeskStore(db);
    await desk.raiseAlert({ siteId: DEMO_SITE.id, kind: 'help', notify: [], escalateAt: later(MINUTE) }, NOW);
    const data = new DeskData(db, DEMO_SITE, { ...DEFAULT_RULES, helpCalls: { next: [['duty-manager', 'cs-staff']] } });
    const [escalated] = await data.escalateDue(later(MINUTE));
    expect(escalated?.notify).to.deep.equal(['duty-manager', 'cs-staff']);
  });
});
