// Ledger figures (src/domain/reports/ledger.ts) over a hand-computed Hong Kong month: contacts by channel,
// category and subject; answered within the deadline; resolution; follow-up coverage and feedback handling;
// satisfaction; valid complaints per household; an empty month all zeros with no rates.
import { expect } from '@open-wc/testing';
import type { LedgerEntry } from '../../../src/domain/ledger/entry.js';
import { ledgerSections, parsePeriod, periodBounds, type RateSection, type CountsSection, type ReportSection } from '../../../src/domain/reports/index.js';

type Entry = Pick<LedgerEntry, 'channel' | 'category' | 'subject' | 'receivedAt' | 'dueAt' | 'stoppedAt' | 'resolvedAt' | 'status' | 'followUps' | 'valid'>;

const bounds = periodBounds(parsePeriod('2026-11')!, 'Asia/Hong_Kong');
const now = new Date('2026-12-05T00:00:00Z');

const entry = (over: Partial<Entry>): Entry => ({ channel: 'call', category: 'consultation', subject: 'lift', receivedAt: '2026-11-10T02:00:00.000Z', status: 'open', followUps: [], ...over });
const followUp = (over: Partial<LedgerEntry['followUps'][number]>) => ({ id: 'f', dueAt: '2026-11-20T00:00:00.000Z', ...over });

const counts = (sections: ReportSection[], id: string) => sections.find((s) => s.id === id) as CountsSection;
const rate = (sections: ReportSection[], id: string) => sections.find((s) => s.id === id) as RateSection;

describe('ledger figures', () => {
  const entries: Entry[] = [
    // 1. A complaint call answered in 3 hours, resolved, followed up "satisfied"; found valid.
    entry({ category: 'complaint', subject: 'noise', receivedAt: '2026-11-02T01:00:00.000Z', dueAt: '2026-11-03T01:00:00.000Z', stoppedAt: '2026-11-02T04:00:00.000Z', resolvedAt: '2026-11-02T06:00:00.000Z', status: 'followed-up', valid: true, followUps: [followUp({ doneAt: '2026-11-03T01:00:00.000Z', satisfaction: 'satisfied' })] }),
    // 2. A complaint by letter answered late; resolved; followed up "dissatisfied" with feedback, then again "basically satisfied" with feedback handled.
    entry({ channel: 'letter', category: 'complaint', subject: 'noise', dueAt: '2026-11-13T15:59:59.999Z', stoppedAt: '2026-11-14T02:00:00.000Z', resolvedAt: '2026-11-14T02:00:00.000Z', status: 'followed-up', valid: false, followUps: [followUp({ doneAt: '2026-11-15T00:00:00.000Z', satisfaction: 'dissatisfied', reason: 'slow', feedback: 'the lobby light too' }), followUp({ doneAt: '2026-11-18T00:00:00.000Z', satisfaction: 'basically-satisfied', feedback: 'thanks; fix the door', feedbackHandledAt: '2026-11-19T00:00:00.000Z' })] }),
    // 3. A repair request by visit, overdue and not stopped at `now`.
    entry({ channel: 'visit', category: 'help-request', subject: 'water', dueAt: '2026-11-20T15:59:59.999Z', status: 'in-progress' }),
    // 4. A consultation still within its clock at `now` (counts for neither side), resolved without follow-up.
    entry({ channel: 'call', category: 'consultation', subject: 'lift', receivedAt: '2026-11-30T15:00:00.000Z', dueAt: '2026-12-06T00:00:00.000Z', resolvedAt: '2026-11-30T15:30:00.000Z', status: 'resolved' }),
    // 5. No clock (a suggestion); open.
    entry({ channel: 'guard', category: 'suggestion', subject: 'garden' }),
    // 6. Received on 1 December in Hong Kong: not November's.
    entry({ channel: 'fax', category: 'complaint', receivedAt: '2026-11-30T16:00:00.000Z', valid: true }),
  ];
  const sections = ledgerSections(entries, bounds, now, 400);

  it('counts the month’s contacts by channel, category and subject', () => {
    expect(counts(sections, 'contacts-by-channel').counts).to.deep.equal({ call: 2, visit: 1, letter: 1, fax: 0, guard: 1, other: 0 });
    expect(counts(sections, 'contacts-by-category').counts).to.deep.equal({ consultation: 1, 'help-request': 1, 'paid-service': 0, suggestion: 1, complaint: 2 });
    const subjects = counts(sections, 'contacts-by-subject');
    expect(subjects.counts).to.deep.equal({ garden: 1, lift: 1, noise: 2, water: 1 });
    expect(subjects.crossSite).to.equal(false);
  });

  it('rates answers within the deadline among the decided clocks, and resolution among all contacts', () => {
    // Decided: 1 (met), 2 (late), 3 (overdue); 4 still running; 5 no clock.
    expect(rate(sections, 'answered-within-deadline')).to.include({ numerator: 1, denominator: 3 });
    expect(rate(sections, 'resolution-rate')).to.include({ numerator: 3, denominator: 5, rate: 0.6 });
  });

  it('rates follow-up coverage and feedback handling, and counts satisfaction', () => {
    expect(rate(sections, 'follow-up-coverage')).to.include({ numerator: 2, denominator: 3 });
    expect(rate(sections, 'follow-up-feedback-handled')).to.include({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(counts(sections, 'satisfaction').counts).to.deep.equal({ satisfied: 1, 'basically-satisfied': 1, dissatisfied: 1 });
  });

  it('rates valid complaints per household, and has no rate without a household count', () => {
    expect(rate(sections, 'valid-complaints-per-household')).to.include({ numerator: 1, denominator: 400, rate: 0.0025 });
    expect(rate(ledgerSections(entries, bounds, now), 'valid-complaints-per-household')).to.include({ numerator: 1, denominator: 0, rate: null });
  });

  it('gives an empty month zeros and no rates', () => {
    const empty = ledgerSections([], bounds, now, 400);
    for (const s of empty) {
      if (s.kind === 'counts') expect(s.total, s.id).to.equal(0);
      else if (s.id !== 'valid-complaints-per-household') expect(s.rate, s.id).to.equal(null);
    }
    expect(rate(empty, 'valid-complaints-per-household').rate).to.equal(0);
  });
});
