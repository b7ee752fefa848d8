// The ledger's clocks (DOMAIN.md "Clocks") against hand-computed due times: Hong Kong is UTC+8 all year, so the
// end of a Hong Kong day is 15:59:59.999Z; Shanghai the same. Every row was worked out on paper from the
// calendars in src/domain/calendars (the comments say how).
import { expect } from '@open-wc/testing';
import { CN_CALENDAR } from '../../../src/domain/calendars/cn.js';
import { HK_CALENDAR } from '../../../src/domain/calendars/hk.js';
import { clockState, entryDue, followUpDue, offsetClock, repairDue, type ClockInput } from '../../../src/domain/ledger/clocks.js';
import { formNumber, formYear, parseFormNumber } from '../../../src/domain/ledger/number.js';

const HK = { calendar: HK_CALENDAR, timeZone: 'Asia/Hong_Kong' };
const SH = { calendar: CN_CALENDAR, timeZone: 'Asia/Shanghai' };
const UTC = { calendar: HK_CALENDAR, timeZone: 'UTC' };

const complaint = (channel: ClockInput['channel'] = 'visit', important = false): ClockInput => ({ channel, category: 'complaint', important });
const call = (important: boolean): ClockInput => ({ channel: 'call', category: 'consultation', important });
const letter: ClockInput = { channel: 'letter', category: 'suggestion', important: false };

describe('ledger clocks: entry due times', () => {
  const rows: { name: string; input: ClockInput; at: string; site: typeof HK; kind: string; due?: string; warning?: string }[] = [
    { name: 'complaint: 24 clock hours', input: complaint(), at: '2026-11-23T02:00:00.000Z', site: HK, kind: 'complaint-24h', due: '2026-11-24T02:00:00.000Z' },
    { name: 'complaint across the year end', input: complaint(), at: '2026-12-31T12:00:00.000Z', site: HK, kind: 'complaint-24h', due: '2027-01-01T12:00:00.000Z' },
    { name: 'complaint over a holiday weekend still counts clock hours', input: complaint(), at: '2026-12-24T09:00:00.000Z', site: HK, kind: 'complaint-24h', due: '2026-12-25T09:00:00.000Z' },
    { name: 'complaint by letter: the 24 hours beat 3 working days', input: complaint('letter'), at: '2026-11-23T02:00:00.000Z', site: HK, kind: 'complaint-24h', due: '2026-11-24T02:00:00.000Z' },
    { name: 'important complaint call at 22:00: the same day beats 24 hours', input: complaint('call', true), at: '2026-11-23T14:00:00.000Z', site: HK, kind: 'important-call-same-day', due: '2026-11-23T15:59:59.999Z' },
    { name: 'important call: end of the local day', input: call(true), at: '2026-11-23T02:00:00.000Z', site: HK, kind: 'important-call-same-day', due: '2026-11-23T15:59:59.999Z' },
    { name: 'important call at 23:30 on 31 December (HK): end of that day, not of the UTC day', input: call(true), at: '2026-12-31T15:30:00.000Z', site: HK, kind: 'important-call-same-day', due: '2026-12-31T15:59:59.999Z' },
    { name: 'important call at 01:00 HK is the next UTC-day (17:00Z): the HK day wins', input: call(true), at: '2026-11-23T17:00:00.000Z', site: HK, kind: 'important-call-same-day', due: '2026-11-24T15:59:59.999Z' },
    { name: 'the same instant at a UTC site: the UTC day', input: call(true), at: '2026-11-23T17:00:00.000Z', site: UTC, kind: 'important-call-same-day', due: '2026-11-23T23:59:59.999Z' },
    { name: 'ordinary call: 24 hours', input: call(false), at: '2026-11-23T01:00:00.000Z', site: HK, kind: 'call-24h', due: '2026-11-24T01:00:00.000Z' },
    // Thu 24 Dec: Fri 25 and Sat 26 are holidays, Sun 27 off; Mon 28 (1), Tue 29 (2), Wed 30 (3).
    { name: 'letter over Christmas (HK)', input: letter, at: '2026-12-24T02:00:00.000Z', site: HK, kind: 'letter-3-working-days', due: '2026-12-30T15:59:59.999Z' },
    // Wed 30 Dec: Thu 31 (1); Fri 1 Jan 2027 a (provisional) holiday, Sat, Sun; Mon 4 (2), Tue 5 (3).
    { name: 'letter across the year end (HK): 2027 is provisional', input: letter, at: '2026-12-30T02:00:00.000Z', site: HK, kind: 'letter-3-working-days', due: '2027-01-05T15:59:59.999Z', warning: 'calendar-data-provisional' },
    // Thu 2 Apr: Fri 3 Good Friday, Sat 4 a holiday on a weekend, Sun 5, Mon 6 and Tue 7 holidays; Wed 8 (1), Thu 9 (2), Fri 10 (3).
    { name: 'letter over Easter (HK): a holiday on a Saturday changes nothing', input: letter, at: '2026-04-02T02:00:00.000Z', site: HK, kind: 'letter-3-working-days', due: '2026-04-10T15:59:59.999Z' },
    // Fri 13 Feb: Sat 14 is a make-up working day (1); 15–23 the Spring Festival; Tue 24 (2), Wed 25 (3).
    { name: 'letter before the Spring Festival (mainland): the make-up Saturday counts', input: letter, at: '2026-02-13T02:00:00.000Z', site: SH, kind: 'letter-3-working-days', due: '2026-02-25T15:59:59.999Z' },
    // Fri 13 Feb in Hong Kong: Mon 16 (1); Tue 17–Thu 19 Lunar New Year; Fri 20 (2), Mon 23 (3).
    { name: 'the same letter in Hong Kong: no make-up day', input: letter, at: '2026-02-13T02:00:00.000Z', site: HK, kind: 'letter-3-working-days', due: '2026-02-23T15:59:59.999Z' },
    { name: 'fax is a letter', input: { ...letter, channel: 'fax' }, at: '2026-11-23T02:00:00.000Z', site: HK, kind: 'letter-3-working-days', due: '2026-11-26T15:59:59.999Z' },
    { name: 'a visit that is not a complaint has no clock', input: { channel: 'visit', category: 'consultation', important: false }, at: '2026-11-23T02:00:00.000Z', site: HK, kind: 'none' },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const due = entryDue(row.input, new Date(row.at), row.site);
      expect(due.kind).to.equal(row.kind);
      expect(due.due?.toISOString()).to.equal(row.due);
      expect(due.warning).to.equal(row.warning);
    });
  }
});

describe('ledger clocks: repairs and follow-ups', () => {
  it('a small repair is due at the end of its day, a large one at the end of the seventh day after', () => {
    expect(repairDue('small', new Date('2026-11-23T02:00:00.000Z'), 'Asia/Hong_Kong')).to.deep.equal({ kind: 'repair-same-day', due: new Date('2026-11-23T15:59:59.999Z') });
    expect(repairDue('large', new Date('2026-11-23T02:00:00.000Z'), 'Asia/Hong_Kong')).to.deep.equal({ kind: 'repair-one-week', due: new Date('2026-11-30T15:59:59.999Z') });
    // Ordered at 23:00 HK on 28 December: day 7 after is 4 January 2027.
    expect(repairDue('large', new Date('2026-12-28T15:00:00.000Z'), 'Asia/Hong_Kong').due.toISOString()).to.equal('2027-01-04T15:59:59.999Z');
  });

  it('a follow-up is due 24 hours after the case was handled', () => {
    expect(followUpDue(new Date('2026-12-31T20:00:00.000Z')).toISOString()).to.equal('2027-01-01T20:00:00.000Z');
  });

  it('clock states: running, due soon, overdue, met on the dot, late', () => {
    const due = '2026-11-24T02:00:00.000Z';
    expect(clockState(undefined, undefined, new Date(due))).to.equal('none');
    expect(clockState(due, undefined, new Date('2026-11-23T02:00:00.000Z'))).to.equal('running');
    expect(clockState(due, undefined, new Date('2026-11-24T00:00:00.000Z'))).to.equal('due-soon');
    expect(clockState(due, undefined, new Date(due))).to.equal('due-soon');
    expect(clockState(due, undefined, new Date('2026-11-24T02:00:00.001Z'))).to.equal('overdue');
    expect(clockState(due, due, new Date('2026-12-01T00:00:00.000Z'))).to.equal('met');
    expect(clockState(due, '2026-11-24T02:00:00.001Z', new Date('2026-11-24T03:00:00.000Z'))).to.equal('late');
  });

  it('an offset clock runs ahead of the system clock by its offset', () => {
    const ahead = offsetClock(86_400_000)().getTime() - Date.now();
    expect(ahead).to.be.within(86_400_000 - 50, 86_400_000 + 50);
  });
});

describe('ledger form numbers', () => {
  it('count per site-local year: 00:30 on 1 January in Hong Kong is the new year', () => {
    expect(formYear(new Date('2026-12-31T16:30:00.000Z'), 'Asia/Hong_Kong')).to.equal(2027);
    expect(formYear(new Date('2026-12-31T16:30:00.000Z'), 'UTC')).to.equal(2026);
    expect(formNumber(2027, 1)).to.equal('2027-0001');
    expect(formNumber(2026, 12345)).to.equal('2026-12345');
    expect(parseFormNumber('2026-0042')).to.deep.equal({ year: 2026, seq: 42 });
    expect(parseFormNumber('2026-0000')).to.equal(undefined);
    expect(parseFormNumber('26-1')).to.equal(undefined);
    expect(() => formNumber(2026, 0)).to.throw(RangeError);
  });
});
