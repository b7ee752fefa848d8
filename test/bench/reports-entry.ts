/**
 * Bench-only (figure 18, run by reports.mjs with `node --import tsx`): the hub's monthly report (hub/reports.ts
 * `siteReport`: every provider's SQL aggregates and arithmetic) over one site-year on embedded SQLite, next to
 * the raw SQL aggregate it is built on (visits by type for the month, one statement on better-sqlite3); and,
 * with DATABASE_URL, the company's monthly report over 1 000 000 visits across sites on PostgreSQL next to
 * the raw `GROUP BY site_id, visitor_type`. Rows are written straight into the hub's tables (the hub's own
 * inserts for SQLite; SQL's generate_series for PostgreSQL's million): this times reading, not ingest.
 * Prints one line `RESULT {json}`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import type { Alert } from '../../src/domain/desk.js';
import type { LedgerEntry } from '../../src/domain/ledger/entry.js';
import { mergeReports } from '../../src/domain/reports/report.js';
import { parsePeriod, type ReportPeriod } from '../../src/domain/reports/period.js';
import { addDays, startOfLocalDay } from '../../src/domain/rules/calendar.js';
import { VISITOR_TYPES } from '../../src/domain/codes.js';
import { openStore, type HubStore } from '../../hub/db/index.js';
import { siteReport } from '../../hub/reports.js';
import { bootstrapIfEmpty, createSite } from '../../hub/sites.js';
import { makeVisit } from '../node/hub/fixtures.js';

const YEAR = 2025;
const TZ = DEMO_SITE.timeZone;
/** A busy residential lobby (the purge figure's site-year uses the same). */
const VISITS_PER_DAY = Number(process.env['BENCH_REPORT_PER_DAY'] ?? 300);
const ALERTS_PER_DAY = 2;
const LEDGER_PER_DAY = 20;
const RUNS = 5;
const PG_VISITS = Number(process.env['BENCH_REPORT_PG_VISITS'] ?? 1_000_000);
const PG_SITES = 10;
const MONTH = '2025-06';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  await fn(); // warm: statement caches, page cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Deterministic pseudo-random numbers: the same year every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

function ledgerEntry(i: number, at: string, rnd: () => number): LedgerEntry {
  const category = (['consultation', 'help-request', 'paid-service', 'suggestion', 'complaint'] as const)[Math.floor(rnd() * 5)] ?? 'consultation';
  const due = new Date(Date.parse(at) + 24 * 3_600_000).toISOString();
  const stopped = rnd() < 0.9 ? new Date(Date.parse(at) + rnd() * 30 * 3_600_000).toISOString() : undefined;
  return {
    id: `l-${i}`,
    siteId: 'demo',
    number: `${YEAR}-${String(i + 1).padStart(4, '0')}`,
    channel: (['call', 'visit', 'letter', 'fax', 'guard', 'other'] as const)[Math.floor(rnd() * 6)] ?? 'call',
    who: { kind: 'resident', unit: `${1 + Math.floor(rnd() * 30)}B` },
    subject: ['lift', 'noise', 'water', 'cleaning', 'parking'][Math.floor(rnd() * 5)] ?? 'lift',
    category,
    description: 'A bench entry of ordinary length: the lift on the east side stops between floors.',
    important: false,
    receivedAt: at,
    createdAt: at,
    updatedAt: at,
    firstContactBy: 'admin',
    ownerId: 'admin',
    dueAt: due,
    dueKind: 'call-24h',
    ...(stopped ? { stoppedAt: stopped, resolvedAt: stopped } : {}),
    status: stopped ? 'followed-up' : 'open',
    ...(category === 'complaint' ? { valid: rnd() < 0.3 } : {}),
    followUps: stopped ? [{ id: `f-${i}`, dueAt: due, doneAt: due, satisfaction: (['satisfied', 'basically-satisfied', 'dissatisfied'] as const)[Math.floor(rnd() * 3)] ?? 'satisfied' }] : [],
    history: [],
  };
}

/** One site-year into SQLite through the hub's own inserts. */
async function fillSiteYear(store: HubStore): Promise<{ visits: number; alerts: number; ledger: number }> {
  const rnd = random(18);
  let visits = 0;
  let alerts = 0;
  let ledger = 0;
  const device = 'bench-kiosk';
  for (let d = 0; d < 365; d++) {
    const day = addDays(`${YEAR}-01-01`, d);
    const midnight = startOfLocalDay(day, TZ).getTime();
    const batch = Array.from({ length: VISITS_PER_DAY }, (_, i) => {
      // Reception hours, 07:00 to 22:00 local.
      const at = new Date(midnight + (7 * 60 + rnd() * 15 * 60) * 60_000).toISOString();
      return makeVisit(device, visits + i + 1, { dayKey: day, createdAt: at, updatedAt: at, history: [{ status: 'registered', at }], visitorType: VISITOR_TYPES[Math.floor(rnd() * VISITOR_TYPES.length)] ?? 'resident' });
    });
    await store.write(async (repo) => {
      await repo.insertVisits(batch, new Date(midnight).toISOString());
      for (let a = 0; a < ALERTS_PER_DAY; a++) {
        const at = new Date(midnight + rnd() * 86_400_000).toISOString();
        const alert: Alert = { id: `a-${d}-${a}`, siteId: 'demo', kind: 'incident', incidentClass: (['A', 'B', 'C'] as const)[a % 3] ?? 'A', createdAt: at, notify: [], escalateAt: at, escalationLevel: 0, mediaPresent: false, status: 'closed', closedAt: at };
        await repo.insertAlert(alert, undefined);
        alerts += 1;
      }
      for (let l = 0; l < LEDGER_PER_DAY; l++) {
        await repo.ledger.insert(ledgerEntry(ledger, new Date(midnight + rnd() * 86_400_000).toISOString(), rnd));
        ledger += 1;
      }
    });
    visits += VISITS_PER_DAY;
  }
  return { visits, alerts, ledger };
}

async function sqliteFigures(): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'vk-bench-reports-'));
  const store = await openStore({ dataDir: dir });
  try {
    await bootstrapIfEmpty(store, { adminPin: '2468', now: new Date(`${YEAR}-01-01T00:00:00Z`) });
    const fillStart = performance.now();
    const filled = await fillSiteYear(store);
    const fillMs = performance.now() - fillStart;
    const month = parsePeriod(MONTH) as ReportPeriod;
    const year = parsePeriod(String(YEAR)) as ReportPeriod;
    const now = new Date(`${YEAR + 1}-01-15T00:00:00Z`);
    const monthly = await timed(() => store.read((repo) => siteReport(repo, 'demo', month, now)));
    const annual = await timed(() => store.read((repo) => siteReport(repo, 'demo', year, now)));
    const raw = new Database(join(dir, 'hub.sqlite'), { readonly: true });
    // The statement the report's by-type count runs on SQLite (hub/db/reports-store.ts names the index).
    const statement = raw.prepare('SELECT visitor_type, count(*) AS n FROM visits INDEXED BY visits_report WHERE site_id = ? AND day_key BETWEEN ? AND ? GROUP BY visitor_type');
    const rawMonthly = await timed(() => statement.all('demo', month.from, month.to));
    // The same count without the generated column: what reading the JSON costs.
    const json = raw.prepare("SELECT json_extract(data, '$.visitorType') AS t, count(*) AS n FROM visits WHERE site_id = ? AND day_key BETWEEN ? AND ? GROUP BY t");
    const jsonMonthly = await timed(() => json.all('demo', month.from, month.to));
    raw.close();
    return { ...filled, fillMs, monthly, annual, rawMonthly, jsonMonthly };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function postgresFigures(url: string): Promise<Record<string, number> | undefined> {
  const name = `vk_bench_reports_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  const store = await openStore({ dataDir: '', databaseUrl: own.toString() });
  const client = new pg.Client({ connectionString: own.toString() });
  try {
    const sites = Array.from({ length: PG_SITES }, (_, i) => `site-${i}`);
    await store.write(async (repo) => {
      for (const id of sites) await createSite(repo, { ...DEMO_SITE, id }, new Date(`${YEAR}-01-01T00:00:00Z`));
    });
    await client.connect();
    const fillStart = performance.now();
    // A year of visits spread over the sites, in SQL: a visit's JSON of the usual size with its type.
    const types = `ARRAY[${VISITOR_TYPES.map((t) => `'${t}'`).join(',')}]`;
    await client.query(`
      INSERT INTO visits (id, site_id, day_key, status, data, updated_at, history_len, created_at, received_at, classified_at, id_hash)
      SELECT 'v' || g, 'site-' || (g % ${PG_SITES}), to_char(t AT TIME ZONE 'Asia/Hong_Kong', 'YYYY-MM-DD'), 'registered',
             json_build_object('id', 'v' || g, 'visitorType', (${types})[1 + (g % ${VISITOR_TYPES.length})], 'visitor', json_build_object('fullName', 'Chan Tai Man', 'phone', '+85291234567', 'organisation', '', 'partySize', 1),
                               'purpose', 'meeting', 'host', json_build_object('kind', 'free-text', 'label', '12B'), 'status', 'registered', 'source', 'kiosk-walk-in')::text,
             to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 1, to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), NULL, NULL
      FROM (SELECT g, timestamptz '${YEAR}-01-01 07:00:00+08' + ((g * 31.5) * interval '1 second') AS t FROM generate_series(1, ${PG_VISITS}) AS g) AS s`);
    // What autovacuum does after a bulk load: the visibility map lets the report's index-only scans skip the rows.
    await client.query('VACUUM ANALYZE visits');
    const fillMs = performance.now() - fillStart;
    const month = parsePeriod(MONTH) as ReportPeriod;
    const now = new Date(`${YEAR + 1}-01-15T00:00:00Z`);
    const company = () =>
      store.read(async (repo) => {
        const reports = [];
        for (const id of sites) reports.push(await siteReport(repo, id, month, now));
        return mergeReports(month, reports);
      });
    const monthly = await timed(company);
    const rawMonthly = await timed(() => client.query('SELECT site_id, visitor_type, count(*) AS n FROM visits WHERE day_key BETWEEN $1 AND $2 GROUP BY site_id, visitor_type', [month.from, month.to]));
    const monthVisits = Number((await client.query('SELECT count(*) AS n FROM visits WHERE day_key BETWEEN $1 AND $2', [month.from, month.to])).rows[0].n);
    return { visits: PG_VISITS, sites: PG_SITES, monthVisits, fillMs, monthly, rawMonthly };
  } finally {
    await client.end().catch(() => undefined);
    await store.close();
    // Best effort: a failure above must not be hidden by the clean-up's.
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((error: unknown) => console.error('reports bench: could not drop', name, error));
    await admin.end();
  }
}

/** `BENCH_REPORT_PARTS=postgres` runs one part while working on it; default both. */
const parts = (process.env['BENCH_REPORT_PARTS'] ?? 'sqlite,postgres').split(',');
const sqlite = parts.includes('sqlite') ? await sqliteFigures() : undefined;
const url = process.env['DATABASE_URL'];
const postgres = url && parts.includes('postgres') ? await postgresFigures(url) : undefined;
console.log(`RESULT ${JSON.stringify({ sqlite, postgres })}`);
