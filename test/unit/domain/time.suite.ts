import { expect } from '@open-wc/testing';
import type { ReceptionHours } from '../../../src/domain/site.js';
import { isReceptionOpen, isValidTimeZone, localDayKey, localTime } from '../../../src/domain/time.js';

const HK = 'Asia/Hong_Kong';

describe('localDayKey', () => {
  const cases: [string, string, string][] = [
    ['2026-11-22T16:30:00Z', HK, '2026-11-23'],
    ['2026-11-22T15:59:59.999Z', HK, '2026-11-22'],
    ['2026-11-22T16:00:00Z', HK, '2026-11-23'],
    ['2026-11-22T23:59:59Z', 'UTC', '2026-11-22'],
    ['2026-11-23T00:00:00Z', 'UTC', '2026-11-23'],
    ['2026-12-31T16:00:00Z', 'Asia/Shanghai', '2027-01-01'],
    ['2026-03-08T04:59:00Z', 'America/New_York', '2026-03-07'],
    ['2026-03-08T05:00:00Z', 'America/New_York', '2026-03-08'],
  ];
  for (const [iso, zone, key] of cases) {
    it(`${iso} is ${key} in ${zone}`, () => {
      expect(localDayKey(new Date(iso), zone)).to.equal(key);
    });
  }

  it('does not depend on the device zone (same instant, different sites)', () => {
    const at = new Date('2026-11-22T20:00:00Z');
    expect([localDayKey(at, HK), localDayKey(at, 'Europe/London'), localDayKey(at, 'America/Los_Angeles')]).to.deep.equal([
      '2026-11-23',
      '2026-11-22',
      '2026-11-22',
    ]);
  });

  it('throws RangeError for an unknown zone', () => {
    expect(() => localDayKey(new Date(), 'Mars/Olympus_Mons')).to.throw(RangeError);
  });

  it('is fast enough for a hot path (formatters cached per zone)', () => {
    const start = performance.now();
    let t = Date.UTC(2026, 10, 22);
    for (let i = 0; i < 10_000; i++) localDayKey(new Date((t += 60_000)), HK);
    expect(performance.now() - start).to.be.below(1000);
  });
});

describe('localTime', () => {
  it('gives weekday, minutes since midnight and day key in the site zone', () => {
    expect(localTime(new Date('2026-11-22T16:30:00Z'), HK)).to.deep.equal({ weekday: 1, minutes: 30, dayKey: '2026-11-23' });
    expect(localTime(new Date('2026-11-22T15:59:00Z'), HK)).to.deep.equal({ weekday: 0, minutes: 23 * 60 + 59, dayKey: '2026-11-22' });
  });
  it('reads midnight as 0, not 24', () => {
    expect(localTime(new Date('2026-11-22T16:00:00Z'), HK).minutes).to.equal(0);
  });
  it('follows daylight saving time', () => {
    expect(localTime(new Date('2026-03-08T06:59:00Z'), 'America/New_York').minutes).to.equal(1 * 60 + 59);
    expect(localTime(new Date('2026-03-08T07:00:00Z'), 'America/New_York').minutes).to.equal(3 * 60);
  });
});

describe('isValidTimeZone', () => {
  const cases: [string, boolean][] = [
    ['Asia/Hong_Kong', true],
    ['Asia/Shanghai', true],
    ['UTC', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Etc/GMT-8', true],
    ['', false],
    ['Asia/Nowhere', false],
    ['+08:00', false],
    ['Hong Kong', false],
    ['x'.repeat(10_000), false],
  ];
  for (const [zone, expected] of cases) {
    it(`${JSON.stringify(zone.slice(0, 32))} → ${expected}`, () => {
      expect(isValidTimeZone(zone)).to.equal(expected);
    });
  }
});

describe('isReceptionOpen', () => {
  const weekdays: ReceptionHours = {
    kind: 'weekly',
    periods: ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, open: '08:30', close: '17:30' })),
  };
  const split: ReceptionHours = {
    kind: 'weekly',
    periods: [
      { weekday: 6, open: '09:00', close: '12:00' },
      { weekday: 6, open: '14:00', close: '24:00' },
    ],
  };
  const SH = 'Asia/Shanghai';
  const cases: [string, ReceptionHours, string, boolean][] = [
    ['always open at 3 a.m. on Sunday', { kind: 'always' }, '2026-11-21T19:00:00Z', true],
    ['Monday 08:30 (opening minute)', weekdays, '2026-11-23T00:30:00Z', true],
    ['Monday 08:29', weekdays, '2026-11-23T00:29:00Z', false],
    ['Monday 17:29', weekdays, '2026-11-23T09:29:00Z', true],
    ['Monday 17:30 (close is exclusive)', weekdays, '2026-11-23T09:30:00Z', false],
    ['Monday 00:30 local, still Sunday in UTC', weekdays, '2026-11-22T16:30:00Z', false],
    ['Friday 17:00', weekdays, '2026-11-27T09:00:00Z', true],
    ['Saturday 10:00', weekdays, '2026-11-28T02:00:00Z', false],
    ['Saturday 10:00 with a morning period', split, '2026-11-28T02:00:00Z', true],
    ['Saturday 13:00, between periods', split, '2026-11-28T05:00:00Z', false],
    ['Saturday 23:59, a period closing at 24:00', split, '2026-11-28T15:59:00Z', true],
    ['no periods at all', { kind: 'weekly', periods: [] }, '2026-11-23T02:00:00Z', false],
  ];
  for (const [what, hours, iso, expected] of cases) {
    it(`${what} → ${expected ? 'open' : 'closed'}`, () => {
      expect(isReceptionOpen(hours, new Date(iso), SH)).to.equal(expected);
    });
  }
});
