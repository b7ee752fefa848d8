// Report arithmetic (src/domain/reports) against months computed by hand: periods in the site's zone, visits
// by type, hour and day, incidents by class and the incident records' on-time rate, sites added together,
// safe spreadsheet cells and the anonymised case library.
import { expect } from '@open-wc/testing';
import type { IncidentRecord } from '../../../src/domain/desk.js';
import {
  caseLibrary,
  countsSection,
  csvField,
  incidentRecordSections,
  incidentsByClass,
  incidentsByClassFromAlerts,
  mergeReports,
  nextPeriod,
  parsePeriod,
  periodAt,
  periodBounds,
  periodContaining,
  previousPeriod,
  rateSection,
  redact,
  reportFlatTable,
  safeCell,
  sectionById,
  tableCsv,
  visitSections,
  visitsByHour,
  type Report,
} from '../../../src/domain/reports/index.js';

const HK = 'Asia/Hong_Kong';

describe('report periods', () => {
  it('names months, half-years and years by their labels', () => {
    expect(parsePeriod('2026-11')).to.deep.equal({ kind: 'month', label: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    expect(parsePeriod('2026-02')?.to).to.equal('2026-02-28');
    expect(parsePeriod('2028-02')?.to).to.equal('2028-02-29');
    expect(parsePeriod('2026-H1')).to.deep.equal({ kind: 'half-year', label: '2026-H1', from: '2026-01-01', to: '2026-06-30' });
    expect(parsePeriod('2026-H2')).to.deep.equal({ kind: 'half-year', label: '2026-H2', from: '2026-07-01', to: '2026-12-31' });
    expect(parsePeriod('2026')).to.deep.equal({ kind: 'year', label: '2026', from: '2026-01-01', to: '2026-12-31' });
  });

  it('numbers weeks as ISO 8601 does, across year ends', () => {
    // 4 January 2026 is a Sunday: week 1 runs from Monday 29 December 2025.
    expect(parsePeriod('2026-W01')).to.deep.equal({ kind: 'week', label: '2026-W01', from: '2025-12-29', to: '2026-01-04' });
    expect(periodContaining('week', '2025-12-31').label).to.equal('2026-W01');
    // 2026 begins on a Thursday: it has a week 53, which holds 1 January 2027.
    expect(parsePeriod('2026-W53')).to.deep.equal({ kind: 'week', label: '2026-W53', from: '2026-12-28', to: '2027-01-03' });
    expect(periodContaining('week', '2027-01-01').label).to.equal('2026-W53');
    expect(periodContaining('week', '2026-11-23')).to.deep.equal({ kind: 'week', label: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
    expect(parsePeriod('2025-W53')).to.equal(undefined);
  });

  it('refuses labels that name no period', () => {
    for (const label of ['2026-13', '2026-00', '2026-W00', '2026-H3', '1999', '26-11', '2026-11-01', 'abc', '']) expect(parsePeriod(label), label).to.equal(undefined);
  });

  it('steps to the previous and next period of the same kind', () => {
    expect(previousPeriod(parsePeriod('2026-01')!).label).to.equal('2025-12');
    expect(nextPeriod(parsePeriod('2026-H2')!).label).to.equal('2027-H1');
    expect(nextPeriod(parsePeriod('2026-W53')!).label).to.equal('2027-W01');
    expect(previousPeriod(parsePeriod('2026')!).label).to.equal('2025');
  });

  it('covers the site’s local days: a Hong Kong month starts at 16:00 UTC the day before', () => {
    const bounds = periodBounds(parsePeriod('2026-11')!, HK);
    expect(bounds.start.toISOString()).to.equal('2026-10-31T16:00:00.000Z');
    expect(bounds.end.toISOString()).to.equal('2026-11-30T16:00:00.000Z');
    expect(periodAt('month', new Date('2026-11-30T16:30:00Z'), HK).label).to.equal('2026-12');
    expect(periodAt('month', new Date('2026-11-30T16:30:00Z'), 'UTC').label).to.equal('2026-11');
  });
});

describe('visit figures', () => {
  const month = parsePeriod('2026-11')!;
  const visits = [
    { dayKey: '2026-11-01', createdAt: '2026-10-31T16:05:00.000Z', visitorType: 'visiting-resident' }, // 00:05 local
    { dayKey: '2026-11-15', createdAt: '2026-11-15T01:59:00.000Z', visitorType: 'courier' }, // 09:59
    { dayKey: '2026-11-15', createdAt: '2026-11-15T02:00:00.000Z', visitorType: 'courier' }, // 10:00
    { dayKey: '2026-11-30', createdAt: '2026-11-30T15:59:00.000Z', visitorType: 'media' }, // 23:59
    { dayKey: '2026-12-01', createdAt: '2026-11-30T16:00:00.000Z', visitorType: 'media' }, // December
    { dayKey: '2026-10-31', createdAt: '2026-10-31T15:59:00.000Z', visitorType: 'media' }, // October
  ];

  it('counts a hand-computed month by type, local hour and day', () => {
    const [byType, byHour, byDay] = visitSections(visits, month, HK);
    expect(byType!.total).to.equal(4);
    expect(byType!.counts).to.include({ 'visiting-resident': 1, courier: 2, media: 1, resident: 0 });
    expect(byType!.keys[0]).to.equal('resident');
    expect(byHour!.keys).to.have.length(24);
    expect(byHour!.counts).to.include({ '00': 1, '09': 1, '10': 1, '23': 1, '12': 0 });
    expect(byHour!.total).to.equal(4);
    expect(byDay!.keys).to.have.length(30);
    expect(byDay!.counts).to.include({ '2026-11-01': 1, '2026-11-15': 2, '2026-11-30': 1, '2026-11-02': 0 });
  });

  it('gives an empty month zeros in every key, not an error', () => {
    const [byType, byHour, byDay] = visitSections([], month, HK);
    expect(byType!.total).to.equal(0);
    expect(Object.values(byType!.counts).every((n) => n === 0)).to.equal(true);
    expect(byHour!.total).to.equal(0);
    expect(byDay!.keys).to.have.length(30);
  });

  it('moves UTC ten-minute buckets to local hours, across a clock change and a half-hour zone', () => {
    // New York, 8 March 2026: 01:50 EST, then the clock jumps to 03:00 EDT.
    const ny = visitsByHour([{ bucket: '2026-03-08T06:5', n: 2 }, { bucket: '2026-03-08T07:0', n: 3 }], 'America/New_York');
    expect(ny.counts).to.include({ '01': 2, '02': 0, '03': 3 });
    // Kolkata is UTC+05:30: 02:20Z is 07:50, 02:30Z is 08:00.
    const india = visitsByHour([{ bucket: '2026-11-23T02:2', n: 1 }, { bucket: '2026-11-23T02:3', n: 1 }, { bucket: '2026-11-23T02', n: 1 }], 'Asia/Kolkata');
    expect(india.counts).to.include({ '07': 2, '08': 1 });
  });
});

describe('incident figures', () => {
  const bounds = periodBounds(parsePeriod('2026-11')!, HK);

  it('counts incidents by class, and only incidents', () => {
    const section = incidentsByClass([{ cls: 'A', n: 2 }, { cls: 'C', n: 1 }, { cls: 'help', n: 5 }, { cls: 'A', n: 1 }]);
    expect(section.counts).to.deep.equal({ A: 3, B: 0, C: 1, watchlist: 0 });
    expect(section.total).to.equal(4);
    const fromAlerts = incidentsByClassFromAlerts(
      [
        { kind: 'incident', incidentClass: 'B', createdAt: '2026-10-31T16:00:00.000Z' },
        { kind: 'watchlist', createdAt: '2026-11-10T00:00:00.000Z' },
        { kind: 'help', createdAt: '2026-11-10T00:00:00.000Z' },
        { kind: 'incident', incidentClass: 'C', createdAt: '2026-11-30T16:00:00.000Z' }, // December in Hong Kong
      ],
      bounds,
    );
    expect(fromAlerts.counts).to.deep.equal({ A: 0, B: 1, C: 0, watchlist: 1 });
  });

  it('rates the records due in the month: signed off by their due time, out of those decided', () => {
    const records: Pick<IncidentRecord, 'dueAt' | 'signedOffAt'>[] = [
      { dueAt: '2026-11-05T15:59:59.999Z', signedOffAt: '2026-11-04T03:00:00.000Z' }, // on time
      { dueAt: '2026-11-05T15:59:59.999Z', signedOffAt: '2026-11-05T15:59:59.999Z' }, // on time, to the millisecond
      { dueAt: '2026-11-10T15:59:59.999Z', signedOffAt: '2026-11-12T03:00:00.000Z' }, // late
      { dueAt: '2026-11-20T15:59:59.999Z' }, // overdue on the 25th
      { dueAt: '2026-11-27T15:59:59.999Z' }, // still pending on the 25th
      { dueAt: '2026-11-30T16:00:00.000Z' }, // due in December (Hong Kong)
      {}, // not closed yet: no due time
    ];
    const [standing, rate] = incidentRecordSections(records, bounds, new Date('2026-11-25T00:00:00Z'));
    expect(standing.counts).to.deep.equal({ 'on-time': 2, late: 1, overdue: 1, pending: 1 });
    expect(rate.numerator).to.equal(2);
    expect(rate.denominator).to.equal(4);
    expect(rate.rate).to.equal(0.5);
  });

  it('has no rate, rather than 0 % or an error, when nothing was due', () => {
    const [standing, rate] = incidentRecordSections([], bounds, new Date('2026-12-01T00:00:00Z'));
    expect(standing.total).to.equal(0);
    expect(rate).to.include({ numerator: 0, denominator: 0, rate: null });
  });
});

describe('reports across sites', () => {
  const period = parsePeriod('2026-11')!;
  const site = (a: number, due: number, onTime: number, subjects: Record<string, number>): Report => ({
    period,
    sites: 1,
    sections: [countsSection('incidents-by-class', ['A', 'B', 'C'], { A: a }), rateSection('incident-records-on-time', onTime, due), countsSection('contacts-by-subject', [], subjects, false)],
  });

  it('adds counts and rate terms, and leaves out what only means something at one site', () => {
    const merged = mergeReports(period, [site(2, 4, 3, { lift: 3 }), site(1, 0, 0, { 'water-leak': 1 })]);
    expect(merged.sites).to.equal(2);
    expect(sectionById(merged, 'incidents-by-class', 'counts')?.counts).to.deep.equal({ A: 3, B: 0, C: 0 });
    expect(sectionById(merged, 'incident-records-on-time', 'rate')).to.include({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(sectionById(merged, 'contacts-by-subject', 'counts')).to.equal(undefined);
    expect(JSON.stringify(merged)).not.to.contain('lift');
  });

  it('merges no sites into an empty report', () => {
    expect(mergeReports(period, [])).to.deep.equal({ period, sites: 0, sections: [] });
  });
});

describe('spreadsheet cells', () => {
  it('neutralises every formula start, keeps numbers numbers, and quotes as RFC 4180', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")']) expect(safeCell(text), JSON.stringify(text)).to.equal(`'${text}`);
    expect(safeCell(-5)).to.equal(-5);
    expect(safeCell(undefined)).to.equal('');
    expect(safeCell('Chan')).to.equal('Chan');
    expect(csvField('a,b')).to.equal('"a,b"');
    expect(csvField('=HYPERLINK("x")')).to.equal(`"'=HYPERLINK(""x"")"`);
    expect(csvField('line\nbreak')).to.equal('"line\nbreak"');
    expect(tableCsv({ columns: ['a', 'b'], rows: [['-2', 3]] })).to.equal("a,b\r\n'-2,3\r\n");
  });

  it('flattens a report to one table: section, key, value', () => {
    const period = parsePeriod('2026-11')!;
    const flat = reportFlatTable({ period, sites: 1, sections: [countsSection('x', ['a'], { a: 2 }), rateSection('r', 1, 3)] });
    expect(flat.rows).to.deep.equal([
      ['x', 'a', 2],
      ['x', 'total', 2],
      ['r', 'numerator', 1],
      ['r', 'denominator', 3],
      ['r', 'percent', 33.3],
    ]);
  });
});

describe('case library', () => {
  const record = (over: Partial<IncidentRecord>): IncidentRecord => ({
    id: 'r1',
    siteId: 'demo',
    alertId: 'a1',
    incidentClass: 'A',
    arrivalAt: '2026-11-30T17:00:00.000Z',
    notifiedAt: '2026-11-30T17:00:00.000Z',
    acknowledgedAt: '2026-11-30T17:03:00.000Z',
    said: '',
    done: '',
    outcome: '',
    typicalCase: true,
    mediaPresent: false,
    updatedAt: '2026-11-30T18:00:00.000Z',
    handledBy: 'Wong Siu Ming',
    ...over,
  });

  it('keeps typical cases only, with no ids, handler or exact date, and personal data taken out of the text', () => {
    const cases = caseLibrary(
      [
        record({ said: 'Chan Tai Man of Flat 12B shouted; call him on 9123 4567 or chan@example.com, HKID A123456(7)', done: 'Mr Chan was calmed by Wong Siu Ming', outcome: 'left at 18:00' }),
        record({ id: 'r2', typicalCase: false, said: 'not typical' }),
      ],
      HK,
      () => ['Chan Tai Man', 'Wong Siu Ming'],
    );
    expect(cases).to.have.length(1);
    const only = cases[0]!;
    expect(only.month).to.equal('2026-12');
    expect(only.minutesToAcknowledge).to.equal(3);
    const text = JSON.stringify(only);
    for (const gone of ['Chan', 'Wong', '12B', '9123', '4567', 'example.com', 'A123456', 'r1', 'a1']) expect(text, gone).not.to.contain(gone);
    expect(only.outcome).to.equal('left at 18:00');
  });

  it('redacts mainland identity numbers and flat numbers written the Chinese way', () => {
    expect(redact('身份證 11010519491231002X，住12樓B室')).not.to.match(/1101|12樓/);
    expect(redact('1203室的業主')).to.equal('[…]的業主');
  });
});
