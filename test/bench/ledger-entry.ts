/**
 * Bench-only (figure 22, run by ledger.mjs with `node --import tsx`): the desk's ledger worklist through the
 * hub — `GET /api/v1/ledger?active=1` over a site-year of entries on embedded SQLite, with the redaction, the
 * urgency-free JSON reply and an audit line for every complaint it returns — next to the raw SQL the list is
 * built on (one better-sqlite3 statement). Entries go straight into the hub's table (this times reading, not
 * logging). Prints one line `RESULT {json}`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { HK_CALENDAR } from '../../src/domain/calendars/hk.js';
import { applyAction, byUrgency, createEntry, formNumber, LEDGER_CATEGORIES, type LedgerEntry } from '../../src/domain/ledger/index.js';
import { ledgerListReplySchema } from '../../src/schemas/ledger.js';
import { AdjustableClock } from '../../hub/clock.js';
import { openStore } from '../../hub/db/index.js';
import { startHub } from '../../hub/server.js';
import { bootstrapIfEmpty } from '../../hub/sites.js';

/** A busy estate's front desk: twenty contacts a day for a year. */
const PER_DAY = 20;
const DAYS = 365;
/** One in twenty still owed work (open, in progress, answered or awaiting its follow-up) at the year's end. */
const ACTIVE_EVERY = 20;
const RUNS = 5;
const PIN = '2468';
const START = Date.parse('2025-01-01T01:00:00.000Z');
const NOW = Date.parse('2025-12-31T09:00:00.000Z');

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const dir = await mkdtemp(join(tmpdir(), 'vk-bench-ledger-'));
const clock = new AdjustableClock();
clock.offsetMs = NOW - Date.now();
const store = await openStore({ dataDir: dir });
try {
  await bootstrapIfEmpty(store, { adminPin: PIN, now: new Date(START) });
  const fillStarted = performance.now();
  const entries: LedgerEntry[] = [];
  for (let i = 0; i < PER_DAY * DAYS; i++) {
    const at = new Date(START + Math.floor(i / PER_DAY) * 86_400_000 + (i % PER_DAY) * 1_500_000);
    const ctx = { at, by: 'admin', calendar: HK_CALENDAR, timeZone: 'Asia/Hong_Kong', newId: () => `f${i}` };
    const category = LEDGER_CATEGORIES[i % LEDGER_CATEGORIES.length] ?? 'consultation';
    let e = createEntry(
      { channel: i % 3 === 0 ? 'letter' : 'call', who: { kind: 'resident', unit: `${(i % 30) + 1}A`, name: 'Resident' }, subject: 'plumbing', category, description: 'A contact of the bench year.', ...(category === 'complaint' ? { about: { kind: 'department', department: 'Engineering' } } : {}) },
      { id: `bench-${i}`, siteId: 'demo', number: formNumber(2025, i + 1) },
      ctx,
    );
    if (i % ACTIVE_EVERY !== 0) {
      const later = { ...ctx, at: new Date(at.getTime() + 3_600_000) };
      e = applyAction(applyAction(e, { type: 'resolve', text: 'Done.' }, later), { type: 'follow-up', satisfaction: 'satisfied' }, { ...later, at: new Date(at.getTime() + 7_200_000) });
    }
    entries.push(e);
  }
  await store.write(async (repo) => {
    for (const e of entries) await repo.ledger.insert(e);
  });
  const fillMs = performance.now() - fillStarted;

  const hub = await startHub({ dataDir: dir, port: 0, host: '127.0.0.1', store, clock: clock.now, escalationTickMs: 3_600_000, healthTickMs: 3_600_000, purgeEveryMs: 0 });
  try {
    const token = ((await (await fetch(`${hub.url}/api/v1/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin: PIN }) })).json()) as { token: string }).token;
    const list = async () => {
      const started = performance.now();
      const reply = ledgerListReplySchema.parse(await (await fetch(`${hub.url}/api/v1/ledger?active=1`, { headers: { Authorization: `Bearer ${token}` } })).json());
      const sorted = byUrgency(reply.entries.map((r) => r.entry));
      return { ms: performance.now() - started, n: sorted.length };
    };
    await list();
    const api: number[] = [];
    let listed = 0;
    for (let r = 0; r < RUNS; r++) {
      const one = await list();
      api.push(one.ms);
      listed = one.n;
    }
    // The same rows straight from the file: the statement the list is built on, and JSON.parse of each row.
    const db = new Database(join(dir, 'hub.sqlite'), { readonly: true });
    const from = new Date(NOW - 31 * 86_400_000).toISOString();
    const statement = db.prepare(`select data, version from ledger_entries where site_id = ? and (received_at >= ? or status != 'followed-up') order by received_at desc limit 2000`);
    const raw: number[] = [];
    for (let r = 0; r < RUNS + 1; r++) {
      const started = performance.now();
      const rows = statement.all('demo', from) as { data: string }[];
      for (const row of rows) JSON.parse(row.data);
      if (r > 0) raw.push(performance.now() - started);
    }
    db.close();
    console.log(`RESULT ${JSON.stringify({ entries: entries.length, listed, fillMs, api: median(api), raw: median(raw) })}`);
  } finally {
    await hub.close();
  }
} finally {
  await store.close();
  await rm(dir, { recursive: true, force: true });
}
