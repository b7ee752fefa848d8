// Figure 22 (issue 8): the desk's ledger worklist through the hub over a site-year of entries on embedded
// SQLite, next to the raw SQL it is built on — measured by ledger-entry.ts in a child process
// (`node --import tsx`), medians of 5 runs after a warm-up. Never uses DATABASE_URL.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from './lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @returns {Promise<import('./lib.mjs').Row[]>} */
export async function benchLedger() {
  const result = await new Promise((ok, ko) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/ledger-entry.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('exit', (status) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (status === 0 && line) ok(JSON.parse(line.slice('RESULT '.length)));
      else ko(new Error(`ledger-entry failed (${status}): ${err.split('\n').slice(-5).join(' ')}`));
    });
  });
  log(`ledger: ${result.entries} entries filled in ${(result.fillMs / 1000).toFixed(1)} s; the worklist lists ${result.listed}`);
  return [
    {
      what: `Desk ledger worklist (GET /api/v1/ledger?active=1: last 31 days and everything owed, ${result.listed} of ${result.entries.toLocaleString('en')} entries of a site-year; redaction, an audit line per complaint, urgency sort) — vs the raw SELECT and JSON.parse of the same rows`,
      ours: result.api,
      baseline: result.raw,
      unit: 'ms',
    },
  ];
}
