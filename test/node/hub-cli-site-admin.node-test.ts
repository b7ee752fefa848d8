// `npm run hub -- watchlist …` and `config get|set` (hub/cli/site-admin.ts) against a real SQLite file: each
// change is audited with the CLI's actor, ids and key names only; a configuration change reaches a kiosk's pull.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SiteConfig } from '../../src/domain/site.js';
import { UsageError, runCli } from '../../hub/cli/main.js';
import { openStore } from '../../hub/db/index.js';

let dir = '';
// The embedded database of the test's own, whatever DATABASE_URL the run has.
const env = () => ({ DATA_DIR: dir, PORT: '8080', DATABASE_URL: '' });
const cli = (argv: string[]) => runCli(argv, { env: { ...env(), VK_ADMIN_PIN: '2468' }, out: () => undefined });

async function withStore<T>(work: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir: dir });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
const audit = () => withStore((store) => store.read((repo) => repo.audit.page('demo', {}, 100)));

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vk-hub-cli-admin-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run hub -- watchlist / config', () => {
  it('adds, lists and removes watch-list entries, each change audited as `cli` with the entry id only', async () => {
    const added = await cli(['watchlist', 'add', '--kind', 'phone', '--value', '+85291110000', '--reason', 'Harassed staff 2026-11', '--approved-by', 'Ms Manager', '--days', '14']);
    const id = /^watch-list entry: (\S+) \(phone, expires (\S+)\)$/.exec(added[0] ?? '')?.[1];
    assert.ok(id, added.join('\n'));
    const listed = await cli(['watchlist', 'list']);
    assert.ok(listed.some((l) => l.startsWith(`${id} phone "+85291110000"`)), listed.join('\n'));
    const [entry] = await audit();
    assert.deepEqual({ actor: entry?.actor, action: entry?.action, target: entry?.target }, { actor: 'cli', action: 'watchlist-change', target: `add:${id}` });
    assert.ok(!JSON.stringify(await audit()).includes('85291110000'), 'never the value in the audit');

    assert.deepEqual(await cli(['watchlist', 'remove', '--id', id]), [`removed: ${id}`]);
    const [removed] = await audit();
    assert.equal(removed?.target, `remove:${id}`);
    assert.deepEqual(await cli(['watchlist', 'list']), []);
    // Refused: unknown entry, a phone that is not E.164, no approver, unknown action, flags of another action.
    for (const argv of [
      ['watchlist', 'remove', '--id', id],
      ['watchlist', 'add', '--kind', 'phone', '--value', '9111', '--reason', 'x', '--approved-by', 'M'],
      ['watchlist', 'add', '--kind', 'name', '--value', 'Someone', '--reason', 'x'],
      ['watchlist', 'add', '--kind', 'face', '--value', 'Someone', '--reason', 'x', '--approved-by', 'M'],
      ['watchlist', 'purge'],
      ['watchlist'],
      ['watchlist', 'list', '--value', 'x'],
      ['watchlist', 'list', 'extra'],
    ]) {
      await assert.rejects(cli(argv), UsageError, argv.join(' '));
    }
  });

  it('prints the configuration, and sets it from a file: validated, audited by changed key, pulled by kiosks', async () => {
    const config = JSON.parse((await cli(['config', 'get'])).join('\n')) as SiteConfig;
    assert.equal(config.id, 'demo');
    const cursor = await withStore((store) => store.read((repo) => repo.lastEventId()));
    const file = join(dir, 'site.json');
    await writeFile(file, JSON.stringify({ ...config, retention: { visitDays: 20 } }));
    assert.deepEqual(await cli(['config', 'set', '--file', file]), ['changed: retention (kiosks receive it with their next pull)']);
    const [entry] = await audit();
    assert.deepEqual({ actor: entry?.actor, action: entry?.action, target: entry?.target }, { actor: 'cli', action: 'site-config-change', target: 'retention' });
    const events = await withStore((store) => store.read((repo) => repo.eventsAfter(cursor, 10, 'demo', ['site'])));
    assert.equal(events.length, 1, 'a site event for kiosks’ pull');
    assert.deepEqual(await cli(['config', 'set', '--file', file]), ['unchanged']);
    assert.equal((JSON.parse((await cli(['config', 'get'])).join('\n')) as SiteConfig).retention.visitDays, 20);

    await writeFile(file, JSON.stringify({ ...config, timeZone: 7 }));
    await assert.rejects(cli(['config', 'set', '--file', file]), (e: unknown) => e instanceof UsageError && /timeZone/.test(e.message));
    await writeFile(file, '{ not json');
    await assert.rejects(cli(['config', 'set', '--file', file]), UsageError);
    await assert.rejects(cli(['config', 'set', '--file', join(dir, 'missing.json')]), UsageError);
    await assert.rejects(cli(['config', 'set']), UsageError);
    assert.equal((await audit()).filter((e) => e.action === 'site-config-change').length, 1, 'refusals are not audited');
  });
});
