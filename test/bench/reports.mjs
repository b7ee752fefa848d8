// Figure 18 (issue 8): the monthly report over one site-year on embedded SQLite (aim ≤ 1 s), and the company's
// monthly report over 1 000 000 visits across sites on PostgreSQL (when DATABASE_URL is set), each next to the
// raw SQL aggregate it is built on — measured by reports-entry.ts in a child process (`node --import tsx`),
// medians of 5 runs after a warm-up. The embedded figures never use DATABASE_URL.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from './lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Issue 8: "the monthly report over one site-year of data (aim ≤ 1 s embedded)". */
const AIM_MONTHLY_MS = 1000;

/** Runs the entry; resolves with its RESULT object. */
function runEntry() {
  return new Promise((ok, ko) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/reports-entry.ts'], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('exit', (status) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (status === 0 && line) ok(JSON.parse(line.slice('RESULT '.length)));
      else ko(new Error(`reports-entry failed (${status}): ${err.split('\n').slice(-5).join(' ')}`));
    });
  });
}

/** @returns {Promise<import('./lib.mjs').Row[]>} */
export async function benchReports() {
  const { sqlite, postgres } = await runEntry();
  log(`reports: site-year of ${sqlite.visits} visits, ${sqlite.alerts} alerts, ${sqlite.ledger} ledger entries filled in ${(sqlite.fillMs / 1000).toFixed(1)} s`);
  const rows = [
    {
      what: `Monthly report of one site (visits by type/hour/day, incidents, ledger) over a site-year on SQLite (${sqlite.visits.toLocaleString('en')} visits, ${sqlite.ledger.toLocaleString('en')} ledger entries) — vs the raw GROUP BY visitor_type of the month`,
      ours: sqlite.monthly,
      baseline: sqlite.rawMonthly,
      unit: 'ms',
      aim: AIM_MONTHLY_MS,
    },
    { what: 'Annual report of the same site on SQLite — vs the month’s raw GROUP BY', ours: sqlite.annual, baseline: sqlite.rawMonthly, unit: 'ms' },
    { what: 'Raw month GROUP BY on the generated visitor_type column from the visits_report index (migration 0013) — vs json_extract of each visit’s JSON', ours: sqlite.rawMonthly, baseline: sqlite.jsonMonthly, unit: 'ms' },
  ];
  if (!postgres) {
    log('reports: DATABASE_URL is not set — the PostgreSQL million is skipped');
    return rows;
  }
  log(`reports: ${postgres.visits} visits across ${postgres.sites} sites on PostgreSQL filled in ${(postgres.fillMs / 1000).toFixed(1)} s; ${postgres.monthVisits} in the month`);
  rows.push({
    what: `Company monthly report over ${postgres.visits.toLocaleString('en')} visits across ${postgres.sites} sites on PostgreSQL (${postgres.monthVisits.toLocaleString('en')} in the month) — vs the raw GROUP BY site_id, visitor_type`,
    ours: postgres.monthly,
    baseline: postgres.rawMonthly,
    unit: 'ms',
  });
  return rows;
}
