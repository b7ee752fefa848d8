// `npm run hub -- backup FILE` and `restore FILE` (hub/db/backup.ts) on real SQLite files: a backup taken while
// the hub runs and ingests, restored into a fresh data directory, serves every record through the API; a
// truncated or foreign file, a running hub and a data directory in use are refused with nothing overwritten.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pairReplySchema, pullReplySchema, pushReplySchema, signInReplySchema } from '../../src/schemas/sync.js';
import { CommandError, runCli } from '../../hub/cli/main.js';
import { openStore, SQLITE_FILE, type HubStore } from '../../hub/db/index.js';
import { RUN_LOCK_FILE } from '../../hub/run-lock.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { bootstrapIfEmpty, createPairCode } from '../../hub/sites.js';
import { api, badgeKey, deviceId, makeVisit } from './hub/fixtures.js';

const PIN = '2468';
/** Visits pushed before the backup: more than one push batch. */
const VISITS = 1200;
const BATCH = 500;
const quiet = { out: () => undefined };
const cli = (dir: string, argv: string[], extra: Record<string, string> = {}) => runCli(argv, { env: { DATA_DIR: dir, ...extra }, ...quiet });
const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

/** Rejects with a CommandError of `code`. */
async function refused(promise: Promise<unknown>, code: string): Promise<CommandError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof CommandError, `expected a CommandError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  return caught;
}

interface Served {
  store: HubStore;
  hub: RunningHub;
}
const serve = async (dataDir: string): Promise<Served> => {
  const store = await openStore({ dataDir });
  await bootstrapIfEmpty(store, { adminPin: PIN, now: new Date() });
  const hub = await startHub({ dataDir, port: 0, host: '127.0.0.1', store, pollMs: 100 });
  return { store, hub };
};
const stop = async (s: Served | undefined) => {
  await s?.hub.close();
  await s?.store.close();
};

/** Every visit id the site manager's export lists. */
async function exportedIds(base: string): Promise<Set<string>> {
  const signIn = await api(base, 'POST', '/api/v1/sessions', { body: { pin: PIN } });
  assert.equal(signIn.status, 200, signIn.text);
  const token = signInReplySchema.parse(signIn.body).token;
  const response = await fetch(`${base}/api/v1/export`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200);
  const lines = (await response.text()).trim().split(/\r?\n/).slice(1);
  return new Set(lines.map((l) => l.split(',')[0]!));
}

describe('npm run hub -- backup / restore (SQLite)', () => {
  let root = '';
  let source = '';
  let fresh = '';
  let backup = '';
  let live: Served | undefined;
  const ids: string[] = [];
  let kiosk = { id: '', token: '' };

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'vk-hub-backup-'));
    source = join(root, 'source');
    fresh = join(root, 'fresh');
    backup = join(root, 'out', 'hub-backup.sqlite');
    live = await serve(source);
    const code = await live.store.write((repo) => createPairCode(repo, 'demo', new Date()));
    kiosk.id = deviceId();
    const paired = await api(live.hub.url, 'POST', '/api/v1/pair', { body: { code, deviceId: kiosk.id, badgeKey: await badgeKey() } });
    assert.equal(paired.status, 200, paired.text);
    kiosk = { id: kiosk.id, token: pairReplySchema.parse(paired.body).token };
  });

  after(async () => {
    await stop(live);
    await rm(root, { recursive: true, force: true });
  });

  const pushRange = async (from: number, to: number) => {
    for (let seq = from; seq <= to; seq += BATCH) {
      const visits = [];
      for (let s = seq; s < Math.min(seq + BATCH, to + 1); s++) visits.push(makeVisit(kiosk.id, s));
      const reply = await api(live!.hub.url, 'POST', '/api/v1/sync/push', { token: kiosk.token, body: { deviceId: kiosk.id, changes: visits.map((v) => ({ seq: v.seq, type: 'visit', visit: v })) } });
      assert.equal(reply.status, 200, reply.text);
      assert.equal(pushReplySchema.parse(reply.body).acked.length, visits.length);
      ids.push(...visits.map((v) => v.id));
    }
  };

  it('backs up while the hub runs and ingests, and the backup restored into a fresh data directory serves every record', async () => {
    await pushRange(1, VISITS);
    const acknowledged = [...ids];
    // A push in flight during the backup: the copy is a consistent snapshot, before or after it, never half.
    const during = pushRange(VISITS + 1, VISITS + BATCH);
    const lines = await cli(source, ['backup', backup]);
    await during;
    assert.match(lines[0] ?? '', /^backup: .*hub-backup\.sqlite \(\d+ bytes, 1 site\(s\), \d+ visit\(s\)/);
    assert.deepEqual((await readdir(join(root, 'out'))).sort(), ['hub-backup.sqlite'], 'no partial file left, no -wal beside it');

    const restored = await cli(fresh, ['restore', backup]);
    assert.match(restored.at(-1) ?? '', /^restored: 1 site\(s\), \d+ visit\(s\)/);
    const again = await serve(fresh);
    try {
      const found = await exportedIds(again.hub.url);
      for (const id of acknowledged) assert.ok(found.has(id), `visit ${id} acknowledged before the backup is in the restore`);
      const pushedDuring = ids.slice(acknowledged.length).filter((id) => found.has(id)).length;
      assert.ok(pushedDuring === 0 || pushedDuring === BATCH, `the in-flight batch is wholly in or wholly out (${pushedDuring})`);
      // The kiosk's token and sequence state came along: it pulls, and its next push continues.
      const pulled = await api(again.hub.url, 'GET', '/api/v1/sync/pull', { token: kiosk.token });
      assert.equal(pulled.status, 200, pulled.text);
      assert.equal(pullReplySchema.parse(pulled.body).deviceRevoked, false);

      // While that hub serves the restored directory, another restore into it is refused.
      await refused(cli(fresh, ['restore', backup, '--force']), 'hub-running');
    } finally {
      await stop(again);
    }
  });

  it('refuses to restore over data without --force; with it, keeps the previous database beside the restored one', async () => {
    const before = await sha(join(fresh, SQLITE_FILE));
    await refused(cli(fresh, ['restore', backup]), 'target-has-data');
    assert.equal(await sha(join(fresh, SQLITE_FILE)), before);
    const lines = await cli(fresh, ['restore', backup, '--force']);
    assert.ok(lines.some((l) => l.startsWith('kept the database that was there as ')), lines.join('\n'));
    const names = await readdir(fresh);
    assert.ok(names.some((n) => n.startsWith(`${SQLITE_FILE}.before-restore-`)));
    assert.ok(!names.some((n) => n.includes('.restoring-')));
    assert.ok(!names.includes(RUN_LOCK_FILE));
  });

  it('refuses a truncated backup and a foreign SQLite file with a clear error, overwriting nothing', async () => {
    const truncated = join(root, 'truncated.sqlite');
    await copyFile(backup, truncated);
    await truncate(truncated, Math.floor((await readFile(backup)).length / 2));
    const foreign = join(root, 'foreign.sqlite');
    await writeFile(foreign, 'SQLite format 3\0 but not really');
    const target = join(fresh, SQLITE_FILE);
    const before = await sha(target);
    const namesBefore = (await readdir(fresh)).sort();
    for (const [file, code] of [
      [truncated, 'backup-unreadable'],
      [foreign, 'backup-unreadable'],
      [join(root, 'missing.sqlite'), 'backup-missing'],
    ] as const) {
      const error = await refused(cli(fresh, ['restore', file, '--force']), code);
      assert.match(error.message, /nothing was changed|no backup file/);
      assert.equal(await sha(target), before, `${code}: the database is untouched`);
      assert.deepEqual((await readdir(fresh)).sort(), namesBefore, `${code}: no file added or removed`);
    }
    // A whole SQLite database that is not a hub's.
    const other = join(root, 'other-app.sqlite');
    const otherStore = await openStore({ dataDir: join(root, 'other-app') });
    await otherStore.close();
    await copyFile(join(root, 'other-app', SQLITE_FILE), other);
    // (An empty hub database is ours; strip its migrations table by hand to make it foreign.)
    const { default: SQLite } = await import('better-sqlite3');
    const db = new SQLite(other);
    db.exec('drop table kysely_migration');
    db.close();
    await refused(cli(fresh, ['restore', other, '--force']), 'backup-foreign');
    assert.equal(await sha(target), before);

    // From the shell: exit status 1 and the reason on standard error.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'hub/cli/main.ts', 'restore', truncated, '--force'], { env: { ...process.env, DATA_DIR: fresh, DATABASE_URL: '' }, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /not a readable hub backup|damaged/);
    assert.equal(await sha(target), before);
  });

  it('on PostgreSQL, prints pg_dump guidance and fails', async () => {
    const error = await refused(cli(fresh, ['backup', join(root, 'pg.sqlite')], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }), 'postgres');
    assert.match(error.message, /pg_dump/);
    await refused(cli(fresh, ['restore', backup], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }), 'postgres');
  });
});
