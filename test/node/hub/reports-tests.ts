// Reports and exports (issue 8 items 6 and 7), run inside the hub API suite (api-suite.ts) so they run on
// SQLite and on PostgreSQL: a hand-computed month through GET /api/v1/reports/summary (site and company
// scopes, audited, an empty month all zeros), and CSV/XLSX exports with formula cells neutralised.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Alert } from '../../../src/domain/desk.js';
import { uuidv7, UUIDV7_RANDOM_BYTES } from '../../../src/domain/uuid.js';
import type { Visit } from '../../../src/domain/visit.js';
import { reportReplySchema } from '../../../src/schemas/reports.js';
import { collectParcel, receiveParcel } from '../../../src/domain/lobby/parcel.js';
import { moveRecord, newRecord, type LobbyRecord, type RecordKind } from '../../../src/domain/lobby/record.js';
import { signInReplySchema } from '../../../src/schemas/sync.js';
import { hashPin } from '../../../src/auth/pin.js';
import type { AdjustableClock } from '../../../hub/clock.js';
import type { HubStore } from '../../../hub/db/index.js';
import { api, makeVisit, type Reply } from './fixtures.js';

export interface ReportTestContext {
  base: string;
  store: HubStore;
  clock: AdjustableClock;
  /** A site manager's token at `demo`, and a guard's. */
  admin: string;
  guard: string;
  pair(): Promise<{ id: string; token: string }>;
  push(token: string, device: string, changes: { seq: number; visit: Visit }[]): Promise<Reply>;
}

const COMPANY_PIN = '9753';

/** A visit registered at `at` (UTC) on the local day `dayKey`. */
const visitAt = (device: string, seq: number, dayKey: string, at: string, overrides: Partial<Visit> = {}): Visit =>
  makeVisit(device, seq, { id: uuidv7(Date.parse(at), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES))), dayKey, createdAt: at, updatedAt: at, history: [{ status: 'registered', at }], consent: { noticeVersion: '2026-11-01', kind: 'read', at }, ...overrides });

/** A 1×1 PNG: a drawn signature as stored. */
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const LOBBY_DEVICE = '0196f000-0000-7000-8000-000000000001';
const lobbyId = (at: string) => uuidv7(Date.parse(at), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));

/** A parcel received at `at` (UTC) and, when given, collected at `collectedAt`. */
function parcelAt(at: string, collectedAt?: string): LobbyRecord {
  const received = receiveParcel({ id: lobbyId(at), siteId: 'demo', deviceId: LOBBY_DEVICE, timeZone: 'Asia/Hong_Kong', now: new Date(at), source: 'desk', notify: 'phone' }, { carrier: 'SF Express', unit: '12B', count: 1 });
  return (collectedAt === undefined ? received : collectParcel(received, { collectorName: 'Neighbour Chan', signature: SIGNATURE, staffId: 'guard-1' }, new Date(collectedAt))) as unknown as LobbyRecord;
}

/** The parcel with a photo of its label (the desk's, where the site enables it): the export must leave it out. */
const withLabelPhoto = (record: LobbyRecord): LobbyRecord => ({ ...record, data: { ...record.data, labelPhoto: 'data:image/jpeg;base64,TGFiZWw=' } });

/** A guard register's record made at `at` with `data`, then moved through `steps` ([state, at, patch]). */
function guardAt(kind: RecordKind, at: string, data: Record<string, unknown>, steps: [string, string, Record<string, unknown>][] = []): LobbyRecord {
  let record: LobbyRecord = newRecord({ id: lobbyId(at), kind, siteId: 'demo', deviceId: LOBBY_DEVICE, timeZone: 'Asia/Hong_Kong', now: new Date(at), by: 'guard-1', data: { createdBy: 'guard-1', ...data } });
  for (const [state, when, patch] of steps) record = moveRecord(record, state, new Date(when), 'guard-2', patch);
  return record;
}

const alertAt = (kind: Alert['kind'], at: string, incidentClass?: Alert['incidentClass']): Alert => ({
  id: uuidv7(Date.parse(at), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES))),
  siteId: 'demo',
  kind,
  ...(incidentClass ? { incidentClass } : {}),
  createdAt: at,
  notify: [],
  escalateAt: at,
  escalationLevel: 0,
  mediaPresent: false,
  status: 'closed',
  closedAt: at,
});

async function workbook(reply: Response): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await reply.arrayBuffer());
  return book;
}

const get = (ctx: ReportTestContext, path: string, token: string) => fetch(`${ctx.base}${path}`, { headers: { Authorization: `Bearer ${token}` } });

export function reportTests(context: () => ReportTestContext): void {
  it('reports a hand-computed month for a site and anonymised across the company, audited; an empty month is zeros', async () => {
    const ctx = context();
    // Written straight into the store (the push path has its own tests; pairing more kiosks would meet the
    // suite's pairing rate limit).
    const kiosk = { id: 'reports-kiosk-1' };
    // February 2025 in Hong Kong (UTC+8): local hours and days by hand.
    const visits = [
      visitAt(kiosk.id, 1, '2025-02-03', '2025-02-03T01:30:00.000Z', { visitorType: 'courier' }), // 09:30
      visitAt(kiosk.id, 2, '2025-02-03', '2025-02-03T01:45:00.000Z', { visitorType: 'courier' }), // 09:45
      visitAt(kiosk.id, 3, '2025-02-28', '2025-02-28T15:30:00.000Z', { visitorType: 'business' }), // 23:30
      visitAt(kiosk.id, 4, '2025-03-01', '2025-02-28T16:10:00.000Z', { visitorType: 'business' }), // March
    ];
    await ctx.store.write((repo) => repo.insertVisits(visits, ctx.clock.now().toISOString()));
    await ctx.store.write(async (repo) => {
      await repo.insertAlert(alertAt('incident', '2025-02-10T02:00:00.000Z', 'A'), undefined);
      await repo.insertAlert(alertAt('watchlist', '2025-02-11T02:00:00.000Z'), undefined);
      await repo.insertAlert(alertAt('help', '2025-02-12T02:00:00.000Z'), undefined);
      await repo.insertAlert(alertAt('incident', '2025-02-28T16:30:00.000Z', 'C'), undefined); // 1 March, local
    });

    const reply = await api(ctx.base, 'GET', '/api/v1/reports/summary?period=2025-02', { token: ctx.admin });
    assert.equal(reply.status, 200, reply.text);
    const site = reportReplySchema.parse(reply.body);
    assert.equal(site.scope, 'site');
    assert.deepEqual(site.sites.map((s) => s.siteId), ['demo']);
    const section = (id: string) => site.report.sections.find((s) => s.id === id);
    const byType = section('visits-by-type');
    assert.ok(byType?.kind === 'counts');
    assert.equal(byType.total, 3);
    assert.equal(byType.counts['courier'], 2);
    assert.equal(byType.counts['business'], 1);
    assert.equal(byType.counts['media'], 0);
    const byHour = section('visits-by-hour');
    assert.ok(byHour?.kind === 'counts');
    assert.deepEqual({ nine: byHour.counts['09'], eleven: byHour.counts['23'], total: byHour.total }, { nine: 2, eleven: 1, total: 3 });
    const byDay = section('visits-by-day');
    assert.ok(byDay?.kind === 'counts');
    assert.equal(byDay.keys.length, 28);
    assert.equal(byDay.counts['2025-02-03'], 2);
    const incidents = section('incidents-by-class');
    assert.ok(incidents?.kind === 'counts');
    assert.deepEqual(incidents.counts, { A: 1, B: 0, C: 0, watchlist: 1 });

    // An empty month: every key zero.
    const empty = reportReplySchema.parse((await api(ctx.base, 'GET', '/api/v1/reports/summary?period=2025-01', { token: ctx.admin })).body);
    assert.ok(empty.report.sections.length >= 4);
    for (const s of empty.report.sections) if (s.kind === 'counts') assert.equal(s.total, 0, s.id);
    // Weeks, half-years and years.
    const week = reportReplySchema.parse((await api(ctx.base, 'GET', '/api/v1/reports/summary?period=2025-W06', { token: ctx.admin })).body);
    assert.equal(week.report.sections.find((s) => s.id === 'visits-by-type')?.kind === 'counts' && (week.report.sections.find((s) => s.id === 'visits-by-type') as { total: number }).total, 2);
    const half = reportReplySchema.parse((await api(ctx.base, 'GET', '/api/v1/reports/summary?period=2025-H1', { token: ctx.admin })).body);
    assert.equal((half.report.sections.find((s) => s.id === 'visits-by-type') as { total: number }).total, 4);

    // Audited, by period, never by name.
    const audit = await ctx.store.read((repo) => repo.audit.page('demo', {}, 20));
    assert.ok(audit.some((e) => e.action === 'report-read' && e.target === 'report 2025-02'), JSON.stringify(audit));

    // The company role: the sum of its sites' anonymised counts, and each site's.
    await ctx.store.write(async (repo) => {
      await repo.insertStaff({ id: 'company-reports', siteId: 'demo', name: 'Head office reports', role: 'company', ...(await hashPin(COMPANY_PIN)) }, ctx.clock.now().toISOString());
      await repo.addStaffSites('company-reports', ['other']);
    });
    const session = signInReplySchema.parse((await api(ctx.base, 'POST', '/api/v1/sessions', { body: { pin: COMPANY_PIN } })).body);
    const companyReply = await api(ctx.base, 'GET', '/api/v1/reports/summary?period=2025-02', { token: session.token });
    assert.equal(companyReply.status, 200, companyReply.text);
    const company = reportReplySchema.parse(companyReply.body);
    assert.equal(company.scope, 'company');
    assert.equal(company.report.sites, 2);
    assert.deepEqual(company.sites.map((s) => s.siteId).sort(), ['demo', 'other']);
    assert.equal((company.report.sections.find((s) => s.id === 'visits-by-type') as { total: number }).total, 3);
    assert.ok(!companyReply.text.includes('Chan Tai Man') && !companyReply.text.includes(kiosk.id), 'counts only: no names, no ids of people or devices');
    assert.ok(company.report.sections.every((s) => s.crossSite));

    // Refused: a guard, the company's exports, a bad period.
    assert.equal((await api(ctx.base, 'GET', '/api/v1/reports/summary?period=2025-02', { token: ctx.guard })).status, 403);
    assert.equal((await api(ctx.base, 'GET', '/api/v1/exports?what=visits&format=csv', { token: session.token })).status, 403);
    for (const bad of ['2025-13', '2025-W60', 'nope', '2025-02&extra=1']) assert.equal((await api(ctx.base, 'GET', `/api/v1/reports/summary?period=${bad}`, { token: ctx.admin })).status, 400, bad);

    // The report as a workbook (one sheet per section) and as one CSV.
    const xlsx = await get(ctx, '/api/v1/reports/summary?period=2025-02&format=xlsx', ctx.admin);
    assert.equal(xlsx.status, 200);
    const book = await workbook(xlsx);
    const sheet = book.getWorksheet('visits-by-type');
    assert.ok(sheet);
    const courierRow = sheet.getSheetValues().find((r) => Array.isArray(r) && r[1] === 'courier') as unknown[] | undefined;
    assert.equal(courierRow?.[2], 2);
    const csv = await (await get(ctx, '/api/v1/reports/summary?period=2025-02&format=csv', ctx.admin)).text();
    assert.ok(csv.startsWith('section,key,value\r\n'));
    assert.ok(csv.includes('visits-by-type,courier,2\r\n'), csv);
  });

  it('exports visits and incidents for a date range as CSV and XLSX, every formula start neutralised, audited', async () => {
    const ctx = context();
    const kiosk = { id: 'reports-kiosk-2' };
    const hostile = visitAt(kiosk.id, 1, '2025-04-02', '2025-04-02T02:00:00.000Z', { visitor: { fullName: '=HYPERLINK("http://evil","x")', phone: '', organisation: '-2+3', partySize: 1 } });
    const outside = visitAt(kiosk.id, 2, '2025-04-05', '2025-04-05T02:00:00.000Z', { visitor: { fullName: 'Outside Range', phone: '', organisation: '@SUM(A1)', partySize: 1 } });
    await ctx.store.write((repo) => repo.insertVisits([hostile, outside], ctx.clock.now().toISOString()));
    await ctx.store.write((repo) => repo.insertAlert(alertAt('incident', '2025-04-03T03:00:00.000Z', 'B'), undefined));

    const csvReply = await get(ctx, '/api/v1/exports?what=visits&format=csv&from=2025-04-01&to=2025-04-03', ctx.admin);
    assert.equal(csvReply.status, 200);
    assert.match(csvReply.headers.get('content-disposition') ?? '', /visits_2025-04-01_2025-04-03\.csv/);
    const csv = await csvReply.text();
    assert.ok(csv.includes(`"'=HYPERLINK(""http://evil"",""x"")"`), csv);
    assert.ok(csv.includes(",'-2+3,"), csv);
    assert.ok(!csv.includes('Outside Range'), 'only the range');

    const xlsxReply = await get(ctx, '/api/v1/exports?what=visits&format=xlsx&from=2025-04-01&to=2025-04-05', ctx.admin);
    assert.equal(xlsxReply.status, 200);
    assert.equal(xlsxReply.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = (await workbook(xlsxReply)).getWorksheet('visits');
    assert.ok(sheet);
    const cells: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    assert.ok(cells.includes(`'=HYPERLINK("http://evil","x")`), 'the name is text with an apostrophe');
    assert.ok(cells.includes("'-2+3") && cells.includes("'@SUM(A1)"));
    let formulas = 0;
    sheet.eachRow((row) => row.eachCell((cell) => (formulas += cell.type === ExcelJS.ValueType.Formula ? 1 : 0)));
    assert.equal(formulas, 0, 'no cell is a formula');

    const incidents = await (await get(ctx, '/api/v1/exports?what=incidents&format=csv&from=2025-04-01&to=2025-04-30', ctx.admin)).text();
    const lines = incidents.trim().split('\r\n');
    assert.ok(lines[0]?.startsWith('alert_id,kind,class,'));
    assert.equal(lines.length, 2, incidents);
    assert.ok(lines[1]?.includes(',incident,B,2025-04-03T03:00:00.000Z,'));

    const audit = await ctx.store.read((repo) => repo.audit.page('demo', {}, 10));
    assert.ok(audit.some((e) => e.action === 'export' && e.target === 'visits 2025-04-01..2025-04-03'), JSON.stringify(audit));
    assert.ok(audit.some((e) => e.action === 'export' && e.target === 'incidents 2025-04-01..2025-04-30'));

    assert.equal((await get(ctx, '/api/v1/exports?what=visits&format=csv', ctx.guard)).status, 403);
    for (const bad of ['what=visits&format=pdf', 'what=people&format=csv', 'what=visits&format=csv&from=2025-02-30', 'what=visits&format=csv&from=2025-04-05&to=2025-04-01']) {
      assert.equal((await get(ctx, `/api/v1/exports?${bad}`, ctx.admin)).status, 400, bad);
    }
  });

  it('adds the ledger to the month’s report, and exports it with a protected complainant withheld and formulas neutralised', async () => {
    const ctx = context();
    const post = async (body: unknown) => {
      const reply = await api(ctx.base, 'POST', '/api/v1/ledger', { token: ctx.admin, body });
      assert.equal(reply.status, 201, reply.text);
    };
    await post({
      channel: 'call',
      who: { kind: 'resident', unit: '12B', name: 'Complainant Chan', phone: '+85291234567' },
      subject: 'plumbing',
      category: 'complaint',
      description: '=cmd|\' /C calc\'!A0 and the leak is still there',
      about: { kind: 'department', department: 'Engineering' },
      receivedAt: '2025-05-06T02:00:00.000Z',
    });
    await post({ channel: 'letter', who: { kind: 'anonymous' }, subject: 'lift', category: 'consultation', description: 'When is the lift serviced?', receivedAt: '2025-05-07T02:00:00.000Z' });

    const report = reportReplySchema.parse((await api(ctx.base, 'GET', '/api/v1/reports/summary?period=2025-05', { token: ctx.admin })).body).report;
    const section = (id: string) => report.sections.find((s) => s.id === id);
    const channels = section('contacts-by-channel');
    assert.ok(channels?.kind === 'counts');
    assert.deepEqual({ call: channels.counts['call'], letter: channels.counts['letter'], total: channels.total }, { call: 1, letter: 1, total: 2 });
    const subjects = section('contacts-by-subject');
    assert.ok(subjects?.kind === 'counts' && subjects.counts['plumbing'] === 1 && !subjects.crossSite);
    // Both clocks ran out long ago (the hub's clock is in 2026) with no reply: decided, and missed.
    assert.deepEqual(section('answered-within-deadline'), { kind: 'rate', id: 'answered-within-deadline', numerator: 0, denominator: 2, rate: 0, crossSite: true });
    assert.deepEqual(section('resolution-rate'), { kind: 'rate', id: 'resolution-rate', numerator: 0, denominator: 2, rate: 0, crossSite: true });
    assert.equal((section('valid-complaints-per-household') as { rate: number | null }).rate, null, 'no household count configured');
    // The description's words, not the key `leak` (an occurrence category of the guard's register).
    assert.ok(!JSON.stringify(report).includes('Chan') && !JSON.stringify(report).includes('leak is still there'), 'counts only');

    const csv = await (await get(ctx, '/api/v1/exports?what=ledger&format=csv&from=2025-05-01&to=2025-05-31', ctx.admin)).text();
    const lines = csv.trim().split('\r\n');
    assert.equal(lines.length, 3, csv);
    assert.ok(lines[0]?.startsWith('number,received_at,channel,category,subject,'));
    assert.ok(!csv.includes('Complainant Chan') && !csv.includes('+85291234567'), 'the protected complainant is withheld in exports too');
    assert.ok(csv.includes(',withheld,'), csv);
    assert.ok(csv.includes(`"'=cmd|' /C calc'!A0 and the leak is still there"`) || csv.includes(`'=cmd|' /C calc'!A0 and the leak is still there`), csv);
    const xlsx = await workbook(await get(ctx, '/api/v1/exports?what=ledger&format=xlsx&from=2025-05-01&to=2025-05-31', ctx.admin));
    const values: unknown[] = [];
    xlsx.getWorksheet('ledger')?.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    assert.ok(values.some((v) => typeof v === 'string' && v.startsWith("'=cmd")), JSON.stringify(values));
  });

  it('adds parcels and the guard’s registers (from the hub’s lobby records) to the month’s report, counts only', async () => {
    const ctx = context();
    // July 2025 in Hong Kong (UTC+8): the month is 2025-06-30T16:00Z … 2025-07-31T16:00Z.
    const records: LobbyRecord[] = [
      parcelAt('2025-07-02T02:00:00.000Z', '2025-07-02T05:00:00.000Z'), // received, collected after 180 min
      parcelAt('2025-07-10T02:00:00.000Z', '2025-07-12T02:00:00.000Z'), // received, collected after 2 880 min
      withLabelPhoto(parcelAt('2025-07-30T02:00:00.000Z')), // received, waiting; its label photographed
      parcelAt('2025-06-30T10:00:00.000Z', '2025-07-01T01:00:00.000Z'), // June's (18:00 local), collected in July after 900 min
      parcelAt('2025-07-31T10:00:00.000Z', '2025-07-31T17:00:00.000Z'), // received in July, collected 1 August local: waiting at the end
      parcelAt('2025-05-01T02:00:00.000Z', '2025-05-01T03:00:00.000Z'), // May's: nothing
      guardAt('card', '2025-07-05T02:00:00.000Z', { cardKind: 'lift', number: 'L1', holder: 'Contractor', issuedAt: '2025-07-05T02:00:00.000Z' }, [['returned', '2025-07-05T06:00:00.000Z', { returnedAt: '2025-07-05T06:00:00.000Z', returnedBy: 'guard-2' }]]),
      guardAt('card', '2025-07-20T02:00:00.000Z', { cardKind: 'visitor', number: 'V2', holder: 'Visitor', issuedAt: '2025-07-20T02:00:00.000Z' }),
      guardAt('card', '2025-05-01T02:00:00.000Z', { cardKind: 'visitor', number: 'V3', holder: 'Visitor', issuedAt: '2025-05-01T02:00:00.000Z' }), // out since May: outstanding
      guardAt('card', '2025-05-01T02:00:00.000Z', { cardKind: 'visitor', number: 'V4', holder: 'Visitor', issuedAt: '2025-05-01T02:00:00.000Z' }, [['returned', '2025-05-02T02:00:00.000Z', { returnedAt: '2025-05-02T02:00:00.000Z', returnedBy: 'guard-2' }]]),
      guardAt('goods-pass', '2025-07-03T02:00:00.000Z', { code: 'ABCDEF', unit: '3C', requester: 'tenant', items: 'Desk', validFrom: '2025-07-03', validUntil: '2025-07-04', status: 'requested' }, [
        ['approved', '2025-07-03T03:00:00.000Z', { status: 'approved', decidedBy: 'mgr', decidedAt: '2025-07-03T03:00:00.000Z' }],
        ['closed', '2025-07-04T03:00:00.000Z', { status: 'closed', closedBy: 'guard-2', closedAt: '2025-07-04T03:00:00.000Z' }],
      ]),
      guardAt('goods-pass', '2025-07-15T02:00:00.000Z', { code: 'GHJKMN', unit: '4D', requester: 'resident', items: 'Sofa', validFrom: '2025-07-15', validUntil: '2025-07-16', status: 'requested' }, [
        ['rejected', '2025-07-16T02:00:00.000Z', { status: 'rejected', decidedBy: 'mgr', decidedAt: '2025-07-16T02:00:00.000Z' }],
      ]),
      guardAt('goods-pass', '2025-07-28T02:00:00.000Z', { code: 'PQRSTU', unit: '5E', requester: 'resident', items: 'Boxes', validFrom: '2025-07-28', validUntil: '2025-07-29', status: 'requested' }),
      guardAt('room-entry', '2025-07-08T02:00:00.000Z', { roomId: 'monitoring-room', person: 'Officer Wong', reason: 'CCTV', approvedBy: 'Mr Lee', enteredAt: '2025-07-08T02:00:00.000Z' }, [['left', '2025-07-08T03:00:00.000Z', { leftAt: '2025-07-08T03:00:00.000Z' }]]),
      guardAt('room-entry', '2025-07-09T02:00:00.000Z', { roomId: 'archive', person: 'Ms Ho', reason: 'Audit', approvedBy: 'Mr Lee', enteredAt: '2025-07-09T02:00:00.000Z' }),
      guardAt('room-entry', '2025-07-25T02:00:00.000Z', { roomId: 'monitoring-room', person: 'Officer Ng', reason: 'CCTV', approvedBy: 'Mr Lee', enteredAt: '2025-07-25T02:00:00.000Z' }),
      guardAt('handover', '2025-07-01T01:00:00.000Z', { openItems: 'Lift 2', changes: '', notices: '', equipment: '' }, [['acknowledged', '2025-07-01T02:00:00.000Z', { acknowledgedBy: 'guard-2', acknowledgedAt: '2025-07-01T02:00:00.000Z' }]]),
      guardAt('handover', '2025-07-31T14:00:00.000Z', { openItems: 'Door 3', changes: '', notices: '', equipment: '' }),
      guardAt('occurrence', '2025-07-11T02:00:00.000Z', { category: 'leak', text: 'Leak at 3/F', at: '2025-07-11T01:30:00.000Z' }),
    ];
    await ctx.store.write(async (repo) => {
      for (const r of records) await repo.records.insert(r, ctx.clock.now().toISOString());
    });

    const report = reportReplySchema.parse((await api(ctx.base, 'GET', '/api/v1/reports/summary?period=2025-07', { token: ctx.admin })).body).report;
    const counts = (id: string) => {
      const s = report.sections.find((x) => x.id === id);
      assert.ok(s?.kind === 'counts', id);
      return s.counts;
    };
    assert.deepEqual(counts('parcels'), { received: 4, collected: 3, waiting: 2 });
    // Collected within a day: 180 and 900 minutes, not 2 880.
    assert.deepEqual(report.sections.find((s) => s.id === 'parcels-collected-within-day'), { kind: 'rate', id: 'parcels-collected-within-day', numerator: 2, denominator: 3, rate: 2 / 3, crossSite: true });
    // (180 + 2 880 + 900) / 3 = 1 320 minutes; a site's own figure.
    assert.deepEqual(counts('parcel-average-minutes'), { average: 1320 });
    assert.equal(report.sections.find((s) => s.id === 'parcel-average-minutes')?.crossSite, false);
    assert.deepEqual(counts('guard-cards'), { issued: 2, returned: 1, outstanding: 2, 'left-with-card': 0 });
    assert.deepEqual(counts('guard-goods-passes'), { entered: 3, approved: 1, rejected: 1, used: 1, waiting: 1 });
    assert.deepEqual(counts('guard-room-entries'), { archive: 1, 'monitoring-room': 2 });
    assert.deepEqual(counts('guard-handovers'), { 'handed-over': 2, acknowledged: 1, waiting: 1 });
    assert.equal(counts('guard-occurrences')['leak'], 1);
    const text = JSON.stringify(report);
    for (const personal of ['Neighbour Chan', 'Officer Wong', 'Ms Ho', 'Mr Lee', 'Lift 2', 'Leak at']) assert.ok(!text.includes(personal), personal);

    // The parcels received in July as CSV: four (June's is not), with who collected them and how long they waited.
    const csv = await (await get(ctx, '/api/v1/exports?what=parcels&format=csv&from=2025-07-01&to=2025-07-31', ctx.admin)).text();
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'record_id,received_at,carrier,unit,count,source,notify,state,notified_at,collected_at,collector_name,on_behalf_of,collected_by_staff,minutes_to_collection');
    assert.equal(lines.length, 5, csv);
    assert.ok(lines[1]?.includes(',2025-07-02T05:00:00.000Z,Neighbour Chan,,guard-1,180'), lines[1]);
    assert.ok(lines[3]?.includes(',received,'), lines[3]);
    assert.ok(!csv.includes('data:image'), 'no label photo nor signature in the export');
  });
}
