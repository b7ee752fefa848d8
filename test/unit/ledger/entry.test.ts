// The ledger entry's life (src/domain/ledger/entry.ts): the status machine, the clock stopped by a reply or a
// resolution, follow-ups that reopen, repair orders, bad input, redaction by role and the urgency order.
import { expect } from '@open-wc/testing';
import { HK_CALENDAR } from '../../../src/domain/calendars/hk.js';
import {
  applyAction,
  byUrgency,
  createEntry,
  entryClock,
  followUpWorklist,
  LedgerError,
  MAX_DESCRIPTION_LENGTH,
  pendingFollowUp,
  redactFor,
  ledgerSubjects,
  DEFAULT_LEDGER_SUBJECTS,
  type ActionContext,
  type LedgerAction,
  type LedgerEntry,
  type LedgerStatus,
  type NewEntryInput,
} from '../../../src/domain/ledger/index.js';

const T0 = Date.parse('2026-11-23T02:00:00.000Z'); // 10:00 in Hong Kong
const HOUR = 3_600_000;
let n = 0;
const ctx = (hoursAfter: number, by = 'reception-1'): ActionContext => ({ at: new Date(T0 + hoursAfter * HOUR), by, calendar: HK_CALENDAR, timeZone: 'Asia/Hong_Kong', newId: () => `f-${++n}` });
const complaintCall: NewEntryInput = {
  channel: 'call',
  who: { kind: 'resident', unit: '12B', name: 'Chan Tai Man', phone: '+85291234567' },
  subject: 'plumbing',
  category: 'complaint',
  description: 'Water leaking from the ceiling since last night.',
  about: { kind: 'department', department: 'Engineering' },
};
const open = (input: NewEntryInput = complaintCall, hours = 0): LedgerEntry => createEntry(input, { id: `e-${++n}`, siteId: 'demo', number: `2026-${String(n).padStart(4, '0')}` }, ctx(hours));
const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof LedgerError) return error.code;
    throw error;
  }
  return 'no error';
};

describe('ledger entry: the complaint of the end-to-end story', () => {
  it('logs, hands to engineering, turns overdue after 24 h, is answered late, reopened by a dissatisfied follow-up, resolved and followed up', () => {
    let e = open();
    expect([e.status, e.dueKind, e.dueAt, e.firstContactBy, e.ownerId]).to.deep.equal(['open', 'complaint-24h', '2026-11-24T02:00:00.000Z', 'reception-1', 'reception-1']);
    e = applyAction(e, { type: 'assign', department: 'Engineering', assignee: 'Lee', note: 'ceiling leak' }, ctx(0.1));
    expect([e.status, e.department, e.assignee]).to.deep.equal(['in-progress', 'Engineering', 'Lee']);
    expect(entryClock(e, new Date(T0 + 23 * HOUR))).to.equal('due-soon');
    expect(entryClock(e, new Date(T0 + 25 * HOUR))).to.equal('overdue');
    e = applyAction(e, { type: 'reply', text: 'A plumber will come at 3 pm.' }, ctx(26, 'eng-1'));
    expect([e.status, e.stoppedAt, entryClock(e, new Date(T0 + 30 * HOUR))]).to.deep.equal(['answered', '2026-11-24T04:00:00.000Z', 'late']);
    e = applyAction(e, { type: 'resolve', text: 'Pipe replaced.' }, ctx(30, 'eng-1'));
    expect(e.status).to.equal('resolved');
    expect(e.stoppedAt, 'the first stop stays').to.equal('2026-11-24T04:00:00.000Z');
    expect(pendingFollowUp(e)?.dueAt).to.equal(new Date(T0 + 54 * HOUR).toISOString());
    expect(code(() => applyAction(e, { type: 'follow-up', satisfaction: 'dissatisfied' }, ctx(31)))).to.equal('ledger-reason-required');
    e = applyAction(e, { type: 'follow-up', satisfaction: 'dissatisfied', reason: 'Stain still on the ceiling.' }, ctx(31));
    expect([e.status, pendingFollowUp(e)]).to.deep.equal(['reopened', undefined]);
    e = applyAction(e, { type: 'resolve', text: 'Ceiling repainted.' }, ctx(50, 'eng-1'));
    expect(e.followUps.length, 'another follow-up is owed').to.equal(2);
    e = applyAction(e, { type: 'follow-up', satisfaction: 'basically-satisfied' }, ctx(52));
    expect(e.status).to.equal('followed-up');
    expect(e.followUps.map((f) => f.satisfaction)).to.deep.equal(['dissatisfied', 'basically-satisfied']);
    expect(e.history.map((h) => [h.action, h.status])).to.deep.equal([
      ['create', 'open'],
      ['assign', 'in-progress'],
      ['reply', 'answered'],
      ['resolve', 'resolved'],
      ['follow-up', 'reopened'],
      ['resolve', 'resolved'],
      ['follow-up', 'followed-up'],
    ]);
  });

  it('a resolution alone stops the clock in time', () => {
    const e = applyAction(open(), { type: 'resolve', text: 'Explained the fee.' }, ctx(2));
    expect(entryClock(e, new Date(T0 + 100 * HOUR))).to.equal('met');
  });
});

describe('ledger entry: the status machine', () => {
  const states: Record<LedgerStatus, (e: LedgerEntry) => LedgerEntry> = {
    open: (e) => e,
    'in-progress': (e) => applyAction(e, { type: 'assign', department: 'Engineering' }, ctx(1)),
    answered: (e) => applyAction(e, { type: 'reply', text: 'ok' }, ctx(1)),
    resolved: (e) => applyAction(e, { type: 'resolve', text: 'done' }, ctx(1)),
    'followed-up': (e) => applyAction(applyAction(e, { type: 'resolve', text: 'done' }, ctx(1)), { type: 'follow-up', satisfaction: 'satisfied' }, ctx(2)),
    reopened: (e) => applyAction(applyAction(e, { type: 'resolve', text: 'done' }, ctx(1)), { type: 'reopen', reason: 'leaks again' }, ctx(2)),
  };
  const refused: [LedgerStatus, LedgerAction][] = [
    ['open', { type: 'follow-up', satisfaction: 'satisfied' }],
    ['open', { type: 'reopen', reason: 'x' }],
    ['answered', { type: 'reply', text: 'again' }],
    ['resolved', { type: 'reply', text: 'late reply' }],
    ['resolved', { type: 'resolve', text: 'twice' }],
    ['followed-up', { type: 'follow-up', satisfaction: 'satisfied' }],
    ['followed-up', { type: 'assign', department: 'Security' }],
    ['followed-up', { type: 'edit', changes: { description: 'rewritten afterwards' } }],
    ['in-progress', { type: 'follow-up', satisfaction: 'satisfied' }],
  ];
  for (const [status, action] of refused) {
    it(`refuses ${action.type} when ${status}`, () => {
      const e = states[status](open());
      expect(e.status).to.equal(status);
      expect(code(() => applyAction(e, action, ctx(5)))).to.equal('ledger-transition-invalid');
    });
  }
  it('allows a reopened entry to be answered and resolved again', () => {
    const e = states.reopened(open());
    expect(applyAction(e, { type: 'reply', text: 'again' }, ctx(5)).status).to.equal('answered');
    expect(applyAction(e, { type: 'resolve', text: 'again' }, ctx(5)).status).to.equal('resolved');
  });
});

describe('ledger entry: bad input', () => {
  it('refuses a reply logged before the entry was received', () => {
    const e = open(complaintCall, 0);
    expect(code(() => applyAction(e, { type: 'reply', text: 'too early' }, ctx(-0.5)))).to.equal('ledger-before-entry');
  });
  it('refuses an entry received in the future, and accepts one received earlier', () => {
    expect(code(() => createEntry({ ...complaintCall, receivedAt: new Date(T0 + HOUR).toISOString() }, { id: 'x', siteId: 'demo', number: '2026-0001' }, ctx(0)))).to.equal('ledger-before-entry');
    const e = createEntry({ ...complaintCall, receivedAt: new Date(T0 - 2 * HOUR).toISOString() }, { id: 'x', siteId: 'demo', number: '2026-0001' }, ctx(0));
    expect(e.dueAt, 'the clock runs from the call').to.equal(new Date(T0 + 22 * HOUR).toISOString());
  });
  it('refuses a time promised to the caller before they called', () => {
    const e = open();
    expect(code(() => applyAction(e, { type: 'promise', promisedAt: new Date(T0 - HOUR).toISOString() }, ctx(1)))).to.equal('ledger-before-entry');
    expect(applyAction(e, { type: 'promise', promisedAt: new Date(T0 + 5 * HOUR).toISOString() }, ctx(1)).promisedAt).to.equal(new Date(T0 + 5 * HOUR).toISOString());
    expect(code(() => open({ ...complaintCall, promisedAt: new Date(T0 - HOUR).toISOString() }))).to.equal('ledger-before-entry');
  });
  it(`keeps a description of ${MAX_DESCRIPTION_LENGTH} characters and refuses one more`, () => {
    expect(open({ ...complaintCall, description: '漏'.repeat(MAX_DESCRIPTION_LENGTH) }).description.length).to.equal(MAX_DESCRIPTION_LENGTH);
    expect(code(() => open({ ...complaintCall, description: '漏'.repeat(MAX_DESCRIPTION_LENGTH + 1) }))).to.equal('ledger-too-long');
    expect(code(() => open({ ...complaintCall, description: '   ' }))).to.equal('ledger-required');
  });
  it('needs a hand-over note and a reopening reason; only complaints are escalated or marked valid', () => {
    const e = open();
    expect(code(() => applyAction(e, { type: 'hand-over', to: 'cs-2', note: ' ' }, ctx(1)))).to.equal('ledger-reason-required');
    const handed = applyAction(e, { type: 'hand-over', to: 'cs-2', note: 'Night shift: call back at 9.' }, ctx(1));
    expect([handed.ownerId, handed.firstContactBy, handed.history.at(-1)?.note]).to.deep.equal(['cs-2', 'reception-1', 'Night shift: call back at 9.']);
    const query = open({ ...complaintCall, category: 'consultation' });
    expect(query.about, 'only complaints have a target').to.equal(undefined);
    expect(code(() => applyAction(query, { type: 'escalate' }, ctx(1)))).to.equal('ledger-not-complaint');
    expect(code(() => applyAction(query, { type: 'mark-valid', valid: true }, ctx(1)))).to.equal('ledger-not-complaint');
    const escalated = applyAction(e, { type: 'escalate', note: 'Major: flooding two flats' }, ctx(1, 'manager'));
    expect(escalated.escalation).to.deep.equal({ at: new Date(T0 + HOUR).toISOString(), by: 'manager', note: 'Major: flooding two flats' });
  });
  it('recomputes the clock when a call is reclassified as a complaint', () => {
    const e = open({ ...complaintCall, category: 'consultation', about: undefined });
    expect(e.dueKind).to.equal('call-24h');
    const edited = applyAction(e, { type: 'edit', changes: { category: 'complaint', important: true } }, ctx(1));
    expect([edited.dueKind, edited.dueAt]).to.deep.equal(['important-call-same-day', '2026-11-23T15:59:59.999Z']);
  });
});

describe('ledger entry: repair orders and follow-up feedback', () => {
  it('a repair order runs its own clock; completion resolves and owes a follow-up within 24 hours', () => {
    let e = open({ ...complaintCall, category: 'help-request', about: undefined, channel: 'visit' });
    expect(e.dueKind).to.equal('none');
    e = applyAction(e, { type: 'repair-order', size: 'small', plan: 'Replace the washer', responsibility: 'management', technician: 'Wong', cost: '=HYPERLINK("x")' }, ctx(1));
    expect([e.status, e.repair?.dueAt, e.repair?.cost]).to.deep.equal(['in-progress', '2026-11-23T15:59:59.999Z', '=HYPERLINK("x")']);
    expect(code(() => applyAction(e, { type: 'repair-order', size: 'large', plan: 'x', responsibility: 'x', technician: 'x' }, ctx(1)))).to.equal('ledger-repair-exists');
    e = applyAction(e, { type: 'repair-complete', comment: 'Fine now', signature: 'data:image/png;base64,AAAA' }, ctx(5));
    expect([e.status, e.repair?.completedAt, pendingFollowUp(e)?.dueAt]).to.deep.equal(['resolved', new Date(T0 + 5 * HOUR).toISOString(), new Date(T0 + 29 * HOUR).toISOString()]);
    expect(code(() => applyAction(e, { type: 'repair-complete' }, ctx(6)))).to.equal('ledger-transition-invalid');
  });

  it('a repair is signed with a PNG or SVG data URL; anything else is refused', () => {
    const ordered = applyAction(open({ ...complaintCall, category: 'help-request', about: undefined, channel: 'visit' }), { type: 'repair-order', size: 'small', plan: 'Fix tap', responsibility: 'management', technician: 'Wong' }, ctx(1));
    const svg = 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=';
    expect(applyAction(ordered, { type: 'repair-complete', signature: svg }, ctx(2)).repair?.signature).to.equal(svg);
    expect(code(() => applyAction(ordered, { type: 'repair-complete', signature: 'data:text/html;base64,PGI+' }, ctx(2)))).to.equal('ledger-too-long');
  });

  it('feedback raised in a follow-up is on the worklist until handled', () => {
    let e = applyAction(open(), { type: 'resolve', text: 'done' }, ctx(1));
    expect(followUpWorklist([e], new Date(T0 + 2 * HOUR)).map((t) => [t.kind, t.overdue])).to.deep.equal([['follow-up', false]]);
    expect(followUpWorklist([e], new Date(T0 + 26 * HOUR)).map((t) => [t.kind, t.overdue])).to.deep.equal([['follow-up', true]]);
    e = applyAction(e, { type: 'follow-up', satisfaction: 'satisfied', feedback: 'The lobby light flickers.' }, ctx(3));
    const tasks = followUpWorklist([e], new Date(T0 + 4 * HOUR));
    expect(tasks.map((t) => t.kind)).to.deep.equal(['feedback']);
    const id = tasks[0]?.followUp.id as string;
    expect(code(() => applyAction(e, { type: 'feedback-handled', followUpId: 'nope', note: 'x' }, ctx(4)))).to.equal('ledger-feedback-unknown');
    e = applyAction(e, { type: 'feedback-handled', followUpId: id, note: 'Bulb replaced.' }, ctx(4));
    expect(followUpWorklist([e], new Date(T0 + 5 * HOUR))).to.deep.equal([]);
    expect(code(() => applyAction(e, { type: 'feedback-handled', followUpId: id, note: 'again' }, ctx(5)))).to.equal('ledger-feedback-unknown');
  });
});

describe('ledger view: redaction, urgency, subjects', () => {
  it("withholds a protected complainant from every role but customer service", () => {
    const e = open();
    expect(redactFor(e, 'receptionist').who).to.deep.equal({ kind: 'withheld' });
    expect(redactFor(e, 'site-manager').who).to.deep.equal({ kind: 'withheld' });
    expect(redactFor(e, 'customer-service').who).to.deep.equal(complaintCall.who);
    const unprotected = open({ ...complaintCall, about: undefined });
    expect(redactFor(unprotected, 'receptionist').who, 'a complaint about nobody in particular').to.deep.equal(complaintCall.who);
  });

  it('sorts by urgency: overdue first, then the soonest due, then no clock, then handled', () => {
    const visit = open({ ...complaintCall, channel: 'visit', category: 'consultation', about: undefined }, 0);
    const oldComplaint = open(complaintCall, -30); // due 6 hours ago
    const freshComplaint = open(complaintCall, 0);
    const importantCall = open({ ...complaintCall, category: 'consultation', important: true, about: undefined }, 0); // due tonight
    const handled = applyAction(open(complaintCall, -2), { type: 'resolve', text: 'done' }, ctx(0));
    const order = byUrgency([handled, visit, freshComplaint, importantCall, oldComplaint]).map((e) => e.id);
    expect(order).to.deep.equal([oldComplaint.id, importantCall.id, freshComplaint.id, visit.id, handled.id]);
  });

  it('offers the default subjects in three languages unless the site lists its own', () => {
    expect(ledgerSubjects({})).to.equal(DEFAULT_LEDGER_SUBJECTS);
    expect(DEFAULT_LEDGER_SUBJECTS.every((s) => s.label.en && s.label['zh-Hant'] && s.label['zh-Hans'])).to.equal(true);
    const own = [{ code: 'lifts', label: { en: 'Lifts', 'zh-Hant': '升降機', 'zh-Hans': '电梯' } }];
    expect(ledgerSubjects({ ledger: { subjects: own } })).to.equal(own);
  });
});
