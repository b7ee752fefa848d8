// Frame mode on the hub (issue 9 item 1): `npm run hub -- embed-origins` edits the site's embedding origins
// (validated as the configuration is, audited as `cli`), and the hub lets exactly those origins frame
// /embed/kiosk and /embed/desk — at once, with no restart — while every other page stays unframeable by others.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UsageError, runCli } from '../../hub/cli/main.js';
import { openStore, type HubStore } from '../../hub/db/index.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { bootstrapIfEmpty } from '../../hub/sites.js';

const PORTAL = 'https://portal.example.com';

describe('embedding origins: the CLI and the frame-ancestors of /embed/*', () => {
  let dir = '';
  let store: HubStore;
  let hub: RunningHub;
  const cli = (...argv: string[]) => runCli(argv, { env: { DATA_DIR: dir, PORT: '8080', DATABASE_URL: '' }, out: () => undefined });
  const csp = async (path: string) => {
    const response = await fetch(`${hub.url}${path}`);
    assert.equal(response.status, 200, path);
    return { policy: response.headers.get('content-security-policy') ?? '', xfo: response.headers.get('x-frame-options') };
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vk-hub-embed-'));
    const root = join(dir, 'dist');
    await mkdir(join(root, 'embed'), { recursive: true });
    for (const file of ['index.html', 'demo.html', 'embed/kiosk.html', 'embed/desk.html']) await writeFile(join(root, file), '<!doctype html><title>t</title>');
    store = await openStore({ dataDir: dir });
    await bootstrapIfEmpty(store, { adminPin: '2468', now: new Date() });
    hub = await startHub({ dataDir: dir, port: 0, host: '127.0.0.1', store, staticRoot: root, escalationTickMs: 3_600_000, pollMs: 100 });
  });

  after(async () => {
    await hub?.close();
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('adds, lists and removes origins; refuses what is not an origin; audits each change by key name only', async () => {
    assert.match((await cli('embed-origins')).join('\n'), /\(none/);
    assert.deepEqual(await cli('embed-origins', '--add', `${PORTAL},http://localhost:5173`), [`embedding origins: ${PORTAL} http://localhost:5173`]);
    // Adding one twice keeps one.
    assert.deepEqual(await cli('embed-origins', '--add', PORTAL), [`embedding origins: ${PORTAL} http://localhost:5173`]);
    for (const bad of ['*', 'null', 'http://portal.example.com', 'https://portal.example.com/path', 'https://Portal.example.com', "https://a.example.com 'unsafe-inline'"]) {
      await assert.rejects(cli('embed-origins', '--add', bad), UsageError, bad);
    }
    const entries = await store.read((repo) => repo.audit.page('demo', {}, 100));
    const changes = entries.filter((e) => e.action === 'site-config-change');
    assert.equal(changes.length, 2);
    assert.deepEqual(changes.map((e) => [e.actor, e.target]), [['cli', 'embedding.origins'], ['cli', 'embedding.origins']]);
    assert.deepEqual(await cli('embed-origins', '--remove', 'http://localhost:5173'), [`embedding origins: ${PORTAL}`]);
  });

  it('lets exactly the listed origins frame /embed/*, at once; other pages keep frame-ancestors self and X-Frame-Options', async () => {
    for (const path of ['/embed/kiosk', '/embed/desk', '/embed/kiosk/']) {
      const { policy, xfo } = await csp(path);
      assert.match(policy, new RegExp(`frame-ancestors 'self' ${PORTAL.replace(/\./g, '\\.')}$`), path);
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.equal(xfo, null, path);
    }
    for (const path of ['/', '/demo']) {
      const { policy, xfo } = await csp(path);
      assert.match(policy, /frame-ancestors 'self'$/, path);
      assert.equal(xfo, 'SAMEORIGIN', path);
    }
    await cli('embed-origins', '--remove', PORTAL);
    assert.match((await csp('/embed/kiosk')).policy, /frame-ancestors 'self'$/);
  });
});
