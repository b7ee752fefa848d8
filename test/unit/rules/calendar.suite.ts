import { expect } from '@open-wc/testing';
import { CN_CALENDAR } from '../../../src/domain/calendars/cn.js';
import { HK_CALENDAR } from '../../../src/domain/calendars/hk.js';
import type { WorkingCalendar } from '../../../src/domain/calendars/types.js';
import {
  INCIDENT_RECORD_WORKING_DAYS,
  addDays,
  addWorkingDays,
  calendarCoverage,
  calendarFor,
  dataStatus,
  dueAfterWorkingDays,
  endOfLocalDay,
  incidentRecordDue,
  isOverdue,
  isWorkingDay,
  startOfLocalDay,
  weekdayOf,
} from '../../../src/domain/rules/calendar.js';
import { parseWorkingCalendar } from '../../../src/schemas/rules.js';

const HK = 'Asia/Hong_Kong';
const SH = 'Asia/Shanghai';

describe('working-day calendars (data)', () => {
  it('lists the 17 gazetted Hong Kong general holidays of 2026 and 17 derived ones for 2027', () => {
    const of = (year: string) => HK_CALENDAR.holidays.filter((h) => h.date.startsWith(year));
    expect(of('2026')).to.have.length(17);
    expect(of('2027')).to.have.length(17);
    expect(of('2026').every((h) => h.provisional !== true)).to.equal(true);
    expect(of('2027').every((h) => h.provisional === true)).to.equal(true);
  });

  it('never puts a Hong Kong general holiday on a Sunday (Sundays are holidays already: substitutes follow)', () => {
    expect(HK_CALENDAR.holidays.filter((h) => weekdayOf(h.date) === 0)).to.deep.equal([]);
  });

  it('has the 2026 Hong Kong days the gazette lists, on the weekdays it gives', () => {
    const days: [string, number][] = [
      ['2026-02-17', 2],
      ['2026-04-06', 1],
      ['2026-04-07', 2],
      ['2026-05-25', 1],
      ['2026-09-26', 6],
      ['2026-10-19', 1],
      ['2026-12-26', 6],
    ];
    for (const [date, weekday] of days) {
      expect(HK_CALENDAR.holidays.some((h) => h.date === date), date).to.equal(true);
      expect(weekdayOf(date), date).to.equal(weekday);
    }
  });

  it('has the mainland 2026 arrangement: 33 days off and 6 make-up days, each on a Saturday or Sunday', () => {
    expect(CN_CALENDAR.holidays.filter((h) => h.date.startsWith('2026'))).to.have.length(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(CN_CALENDAR.workingDays.map((w) => w.date)).to.deep.equal(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(CN_CALENDAR.workingDays.every((w) => weekdayOf(w.date) === 0 || weekdayOf(w.date) === 6)).to.equal(true);
  });

  it('passes its own schema, and states its coverage', () => {
    expect(parseWorkingCalendar(HK_CALENDAR)).to.deep.equal({ ok: true, value: HK_CALENDAR });
    expect(parseWorkingCalendar(CN_CALENDAR)).to.deep.equal({ ok: true, value: CN_CALENDAR });
    expect(calendarCoverage(HK_CALENDAR)).to.deep.equal({ from: '2026-01-01', to: '2026-12-31', provisionalTo: '2027-12-31' });
    expect(calendarCoverage(CN_CALENDAR)).to.deep.equal({ from: '2026-01-01', to: '2026-12-31', provisionalTo: '2027-12-31' });
    expect(calendarFor('HK')).to.equal(HK_CALENDAR);
    expect(calendarFor('CN')).to.equal(CN_CALENDAR);
  });

  it('refuses a calendar with a date both off and worked, or an unmarked entry past its coverage, naming the path', () => {
    const copy = JSON.parse(JSON.stringify(CN_CALENDAR)) as WorkingCalendar;
    copy.workingDays.push({ date: '2026-10-01', name: 'x' });
    expect(parseWorkingCalendar(copy)).to.deep.include({ ok: false, code: 'config-invalid' });
    expect(parseWorkingCalendar(copy)).to.have.nested.property('details.path', 'workingDays.6.date');
    const unmarked = JSON.parse(JSON.stringify(HK_CALENDAR)) as WorkingCalendar;
    delete unmarked.holidays[20]?.provisional;
    expect(parseWorkingCalendar(unmarked)).to.have.nested.property('details.path', 'holidays.20.provisional');
    const impossible = { ...HK_CALENDAR, holidays: [{ date: '2026-02-30', name: 'x' }] };
    expect(parseWorkingCalendar(impossible)).to.have.nested.property('details.path', 'holidays.0.date');
  });
});

describe('isWorkingDay', () => {
  const cases: [string, WorkingCalendar, boolean, string][] = [
    ['2026-11-23', HK_CALENDAR, true, 'an ordinary Monday'],
    ['2026-11-21', HK_CALENDAR, false, 'a Saturday'],
    ['2026-11-22', CN_CALENDAR, false, 'a Sunday'],
    ['2026-04-07', HK_CALENDAR, false, 'the day following Easter Monday (HK)'],
    ['2026-04-07', CN_CALENDAR, true, 'an ordinary Tuesday on the mainland'],
    ['2026-02-14', CN_CALENDAR, true, 'a make-up Saturday (调休)'],
    ['2026-02-14', HK_CALENDAR, false, 'the same Saturday in Hong Kong'],
    ['2026-09-20', CN_CALENDAR, true, 'a make-up Sunday'],
    ['2026-02-20', CN_CALENDAR, false, 'a weekday off in the Spring Festival block'],
    ['2026-02-20', HK_CALENDAR, true, 'the same Friday in Hong Kong'],
    ['2026-10-02', CN_CALENDAR, false, 'National Day week'],
    ['2026-10-02', HK_CALENDAR, true, 'the same Friday in Hong Kong'],
    ['2027-02-09', HK_CALENDAR, false, 'the fourth day of Lunar New Year 2027 (derived)'],
  ];
  for (const [day, calendar, working, what] of cases) {
    it(`${day} in ${calendar.id}: ${what} → ${working ? 'working' : 'not working'}`, () => {
      expect(isWorkingDay(day, calendar)).to.equal(working);
    });
  }

  it('follows a site calendar that works Saturdays', () => {
    const sixDays: WorkingCalendar = { ...HK_CALENDAR, weekend: [0] };
    expect(isWorkingDay('2026-11-21', sixDays)).to.equal(true);
    expect(isWorkingDay('2026-04-04', sixDays)).to.equal(false);
  });
});

describe('incidentRecordDue: two working days after closing, end of the day, site zone', () => {
  it('uses two working days (000:34 "在兩個工作日內")', () => {
    expect(INCIDENT_RECORD_WORKING_DAYS).to.equal(2);
  });

  // [closed at (local, +08:00), calendar, zone, due day, warning]
  const cases: [string, WorkingCalendar, string, string, string | undefined, string][] = [
    ['2026-08-03T10:00', HK_CALENDAR, HK, '2026-08-05', undefined, 'Monday → Wednesday'],
    ['2026-11-20T16:00', HK_CALENDAR, HK, '2026-11-24', undefined, 'Friday → over the weekend to Tuesday'],
    ['2026-11-21T11:00', HK_CALENDAR, HK, '2026-11-24', undefined, 'closed on a Saturday: Monday and Tuesday count'],
    ['2026-04-02T10:00', HK_CALENDAR, HK, '2026-04-09', undefined, 'HK Easter and Ching Ming: 3, 4, 6, 7 April off'],
    ['2026-04-02T10:00', CN_CALENDAR, SH, '2026-04-07', undefined, 'mainland 清明 4–6 April off'],
    ['2026-02-12T10:00', CN_CALENDAR, SH, '2026-02-14', undefined, 'the make-up Saturday 14 February counts'],
    ['2026-02-12T10:00', HK_CALENDAR, HK, '2026-02-16', undefined, 'the same Saturday does not count in Hong Kong'],
    ['2026-09-18T10:00', CN_CALENDAR, SH, '2026-09-21', undefined, 'the make-up Sunday 20 September counts'],
    ['2026-09-30T10:00', CN_CALENDAR, SH, '2026-10-09', undefined, 'National Day week'],
    ['2026-09-30T10:00', HK_CALENDAR, HK, '2026-10-05', undefined, 'Hong Kong: only 1 October off'],
    ['2026-12-24T10:00', HK_CALENDAR, HK, '2026-12-29', undefined, 'Christmas 2026 stays inside the official data'],
    ['2026-12-30T10:00', HK_CALENDAR, HK, '2027-01-04', 'calendar-data-provisional', 'year end 2026 → 2027 (HK 2027 is derived)'],
    ['2026-12-30T10:00', CN_CALENDAR, SH, '2027-01-04', 'calendar-data-provisional', 'year end 2026 → 2027 (mainland 2027 is provisional)'],
    ['2027-02-04T10:00', HK_CALENDAR, HK, '2027-02-10', 'calendar-data-provisional', 'Lunar New Year 2027: 6, 8, 9 February off'],
    ['2027-12-30T10:00', HK_CALENDAR, HK, '2028-01-03', 'calendar-data-ended', 'past the data: weekends only, with a warning'],
    ['2025-12-30T10:00', CN_CALENDAR, SH, '2026-01-04', 'calendar-data-ended', 'before the data start (31 December 2025 unknown); make-up Sunday'],
  ];
  for (const [closed, calendar, zone, dueDay, warning, what] of cases) {
    it(`${calendar.id} ${closed}: ${what} → end of ${dueDay}${warning ? ` (${warning})` : ''}`, () => {
      const got = incidentRecordDue(new Date(`${closed}:00+08:00`), calendar, zone);
      expect(got.dayKey).to.equal(dueDay);
      // Every zone here is UTC+8: the end of the day is the next local midnight less a millisecond.
      expect(got.due.getTime()).to.equal(new Date(`${addDays(dueDay, 1)}T00:00:00+08:00`).getTime() - 1);
      expect(got.warning).to.equal(warning);
    });
  }

  it('ends at the last millisecond of the day in the site zone: on time at due, overdue a millisecond later', () => {
    const { due } = incidentRecordDue(new Date('2026-08-03T10:00:00+08:00'), HK_CALENDAR, HK);
    expect(due.toISOString()).to.equal('2026-08-05T15:59:59.999Z');
    expect(isOverdue(due, due)).to.equal(false);
    expect(isOverdue(due, new Date(due.getTime() + 1))).to.equal(true);
  });

  it('starts counting from the local day of closing: just before and just after local midnight', () => {
    // 23:59 on Wednesday 18 November in Hong Kong, then 00:00 on Thursday.
    expect(incidentRecordDue(new Date('2026-11-18T15:59:00Z'), HK_CALENDAR, HK).dayKey).to.equal('2026-11-20');
    expect(incidentRecordDue(new Date('2026-11-18T16:00:00Z'), HK_CALENDAR, HK).dayKey).to.equal('2026-11-23');
    // Shanghai shares the offset: the same instants, the same days (here no holiday differs).
    expect(incidentRecordDue(new Date('2026-11-18T15:59:00Z'), CN_CALENDAR, SH).dayKey).to.equal('2026-11-20');
    expect(incidentRecordDue(new Date('2026-11-18T16:00:00Z'), CN_CALENDAR, SH).dayKey).to.equal('2026-11-23');
  });

  it('differs between Hong Kong and Shanghai for the same instant where the calendars differ', () => {
    const closed = new Date('2026-10-01T02:00:00Z');
    expect(incidentRecordDue(closed, HK_CALENDAR, HK).dayKey).to.equal('2026-10-05');
    expect(incidentRecordDue(closed, CN_CALENDAR, SH).dayKey).to.equal('2026-10-09');
  });

  it('follows the site zone, not the calendar: the same instant is Wednesday in London and Thursday in Hong Kong', () => {
    const closed = new Date('2026-11-18T23:30:00Z');
    const london = incidentRecordDue(closed, HK_CALENDAR, 'Europe/London');
    expect(london.dayKey).to.equal('2026-11-20');
    expect(london.due.toISOString()).to.equal('2026-11-20T23:59:59.999Z');
    expect(incidentRecordDue(closed, HK_CALENDAR, HK).dayKey).to.equal('2026-11-23');
  });

  it('addWorkingDays returns the same instant as a Date', () => {
    const closed = new Date('2026-02-12T02:00:00Z');
    expect(addWorkingDays(closed, 2, CN_CALENDAR, SH).getTime()).to.equal(incidentRecordDue(closed, CN_CALENDAR, SH).due.getTime());
    expect(addWorkingDays(closed, 3, CN_CALENDAR, SH).toISOString()).to.equal('2026-02-24T15:59:59.999Z');
  });

  it('counts zero days as the end of the closing day, and refuses nonsense counts and zones', () => {
    expect(dueAfterWorkingDays(new Date('2026-11-21T02:00:00Z'), 0, HK_CALENDAR, HK).dayKey).to.equal('2026-11-21');
    expect(() => addWorkingDays(new Date(), -1, HK_CALENDAR, HK)).to.throw(RangeError);
    expect(() => addWorkingDays(new Date(), 1.5, HK_CALENDAR, HK)).to.throw(RangeError);
    expect(() => addWorkingDays(new Date(), 1, HK_CALENDAR, 'Mars/Olympus_Mons')).to.throw(RangeError);
  });

  it('gives up instead of looping on a calendar with no working day', () => {
    const never: WorkingCalendar = { ...HK_CALENDAR, weekend: [0, 1, 2, 3, 4, 5, 6] };
    expect(() => addWorkingDays(new Date('2026-11-23T02:00:00Z'), 1, never, HK)).to.throw(RangeError);
  });

  it('reports how well the data know a day', () => {
    expect(['2025-12-31', '2026-06-01', '2027-06-01', '2028-01-01'].map((d) => dataStatus(d, CN_CALENDAR))).to.deep.equal(['none', 'official', 'provisional', 'none']);
  });
});

describe('local day boundaries', () => {
  it('finds local midnight in Hong Kong and across daylight-saving changes', () => {
    expect(startOfLocalDay('2026-11-23', HK).toISOString()).to.equal('2026-11-22T16:00:00.000Z');
    expect(startOfLocalDay('2026-03-08', 'America/New_York').toISOString()).to.equal('2026-03-08T05:00:00.000Z');
    expect(endOfLocalDay('2026-03-08', 'America/New_York').toISOString()).to.equal('2026-03-09T03:59:59.999Z');
    expect(endOfLocalDay('2026-11-01', 'America/New_York').toISOString()).to.equal('2026-11-02T04:59:59.999Z');
  });

  it('starts the day at 01:00 where the clock skips midnight (Chile, 6 September 2026)', () => {
    expect(startOfLocalDay('2026-09-06', 'America/Santiago').toISOString()).to.equal('2026-09-06T04:00:00.000Z');
  });

  it('adds days across month and year ends without a time zone', () => {
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
  });
});
