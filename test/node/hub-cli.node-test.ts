// `npm run hub -- <command>` (hub/cli/main.ts) against a real SQLite file: with the hub stopped, and while it
// runs — what the CLI changes must reach a desk's stream within about a second (the hub polls the events table).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { verifyPin } from '../../src/auth/pin.js';
import { MemoryUseRecorder, importKeySet, verifyToken } from '../../src/invite/index.js';
import { hashPin as deskHashPin, verifyPin as deskVerifyPin } from '../../desk/auth.js';
import { hashPin } from '../../src/auth/pin.js';
import { pairReplySchema, signInReplySchema } from '../../src/schemas/sync.js';
import { UsageError, runCli } from '../../hub/cli/main.js';
import { openStore } from '../../hub/db/index.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { api, badgeKey, deviceId, makeVisit, SseReader } from './hub/fixtures.js';

let dir = '';
// The embedded database in a directory of the test's own, whatever DATABASE_URL the run has (CI sets one for
// the PostgreSQL suite, which makes databases of its own: nothing else may write to the shared one).
const env = () => ({ DATA_DIR: dir, PORT: '8080', DATABASE_URL: '' });
const quiet = { out: () => undefined };
const cli = (argv: string[]) => runCli(argv, { env: env(), ...quiet });

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vk-hub-cli-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run hub', () => {
  it('creates the demo site on an empty database, and prints a one-time pairing link', async () => {
    const lines = await runCli(['pair-kiosk'], { env: { ...env(), VK_ADMIN_PIN: '2468' }, out: () => undefined });
    const link = lines.find((l) => l.startsWith('Pair this kiosk: '));
    assert.match(link ?? '', /^Pair this kiosk: http:\/\/localhost:8080\/\?pair=[A-Za-z0-9_-]{22}$/);
    const again = await cli(['pair-kiosk']);
    assert.notEqual(again.find((l) => l.startsWith('Pair this kiosk: ')), link, 'a new code each time');
  });

  it('adds staff whose PIN signs in, refusing a PIN already taken and bad options', async () => {
    const lines = await cli(['add-staff', '--name', 'Lee Siu Ming', '--pin', '5791', '--role', 'guard']);
    const id = /^staff: (\S+) \(guard\)/.exec(lines[0] ?? '')?.[1];
    assert.ok(id);
    const store = await openStore({ dataDir: dir });
    try {
      const member = (await store.read((repo) => repo.staff('demo'))).find((s) => s.id === id);
      assert.ok(member && (await verifyPin('5791', member)));
    } finally {
      await store.close();
    }
    await assert.rejects(cli(['add-staff', '--name', 'Other', '--pin', '5791']), UsageError, 'a PIN taken at the site');
    for (const argv of [['add-staff', '--pin', '1111'], ['add-staff', '--name', 'X', '--pin', '12'], ['add-staff', '--name', 'X', '--pin', '1111', '--role', 'admin'], ['add-staff', '--name', 'X', '--pin', '1111', '--host', '12B'], ['frobnicate']]) {
      await assert.rejects(cli(argv), UsageError, argv.join(' '));
    }
  });

  it('issues an invitation the site’s key set verifies, prints `token: …` and writes its QR', async () => {
    const lines = await cli(['invite', '--host', '12B', '--hours', '4']);
    const token = lines.find((l) => l.startsWith('token: '))?.slice('token: '.length);
    const keySet = JSON.parse(lines.find((l) => l.startsWith('keyset: '))?.slice('keyset: '.length) ?? 'null') as unknown;
    const qr = lines.find((l) => l.startsWith('qr: '))?.slice('qr: '.length);
    assert.ok(token && qr);
    assert.ok((await stat(qr)).size > 100);
    const result = await verifyToken(token, { keySet: await importKeySet(keySet), siteId: 'demo', timeZone: 'Asia/Hong_Kong', uses: new MemoryUseRecorder(), now: new Date() });
    assert.equal(result.ok, true);
    const pass = await cli(['invite', '--host', '12B', '--pass', '--weekdays', '1,2,3,4,5', '--between', '08:00-18:00', '--uses', '60', '--permit', 'WP-1', '--out', join(dir, 'p.svg')]);
    assert.ok(pass.includes('kind: pass'));
    assert.match(await readFile(join(dir, 'p.svg'), 'utf8'), /^<svg/);
    for (const argv of [['invite'], ['invite', '--host', 'https://evil.example'], ['invite', '--host', '12B', '--permit', 'X'], ['invite', '--host', '12B', '--from', 'tomorrow']]) {
      await assert.rejects(cli(argv), UsageError, argv.join(' '));
    }
  });

  it('prints `token: …` on a line of its own when run as `npm run invite`, and exits 2 on a usage error', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'hub/cli/main.ts', 'invite', '--host', '12B'], { env: { ...process.env, ...env() }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.split('\n').some((l) => /^token: [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/.test(l)), run.stdout);
    const usage = spawnSync(process.execPath, ['--import', 'tsx', 'hub/cli/main.ts', 'invite'], { env: { ...process.env, ...env() }, encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--host is required/);
  });

  describe('while the hub runs', () => {
    let hub: RunningHub;
    before(async () => {
      hub = await startHub({ dataDir: dir, port: 0, host: '127.0.0.1', pollMs: 200 });
    });
    after(async () => {
      await hub.close();
    });

    it('revokes a kiosk from the shell: the desk’s stream hears it within a second and the token stops working', async () => {
      const code = /\?pair=(\S+)$/.exec((await cli(['pair-kiosk']))[0] ?? '')?.[1] ?? '';
      const device = deviceId();
      const paired = pairReplySchema.parse((await api(hub.url, 'POST', '/api/v1/pair', { body: { code, deviceId: device, badgeKey: await badgeKey() } })).body);
      const session = signInReplySchema.parse((await api(hub.url, 'POST', '/api/v1/sessions', { body: { pin: '2468' } })).body);
      const desk = new SseReader(hub.url, session.token);
      await desk.opened;
      try {
        const started = Date.now();
        await cli(['revoke-device', '--id', device]);
        await desk.waitFor((e) => e.type === 'device' && e.device.deviceId === device && e.device.revoked, 3000);
        assert.ok(Date.now() - started < 2500, 'within about a second');
        const refused = await api(hub.url, 'POST', '/api/v1/sync/push', { token: paired.token, body: { deviceId: device, changes: [{ seq: 1, type: 'visit', visit: makeVisit(device, 1) }] } });
        assert.equal(refused.status, 403);
      } finally {
        desk.close();
      }
    });

    it('exports every visit as CSV with a header, full names, and dates that bound it', async () => {
      const code = /\?pair=(\S+)$/.exec((await cli(['pair-kiosk']))[0] ?? '')?.[1] ?? '';
      const device = deviceId();
      const { token } = pairReplySchema.parse((await api(hub.url, 'POST', '/api/v1/pair', { body: { code, deviceId: device, badgeKey: await badgeKey() } })).body);
      const visits = [makeVisit(device, 1, { dayKey: '2026-11-20' }), makeVisit(device, 2, { dayKey: '2026-11-21', visitor: { fullName: '-2+3', phone: '', organisation: 'A, "B"', partySize: 2 } })];
      const pushed = await api(hub.url, 'POST', '/api/v1/sync/push', { token, body: { deviceId: device, changes: visits.map((visit, i) => ({ seq: i + 1, type: 'visit', visit })) } });
      assert.equal(pushed.status, 200, pushed.text);
      const all = (await cli(['export'])).join('').trim().split('\r\n');
      assert.ok(all[0]?.startsWith('visit_id,site_id,day,'));
      assert.ok(all.some((l) => l.startsWith(visits[0]!.id) && l.includes(',Chan Tai Man,')));
      const row = all.find((l) => l.startsWith(visits[1]!.id));
      assert.ok(row?.includes(",'-2+3,") && row.includes(',"A, ""B""",'), row);
      const one = (await cli(['export', '--from', '2026-11-21', '--to', '2026-11-21'])).join('').trim().split('\r\n');
      assert.deepEqual(one.slice(1).map((l) => l.slice(0, 36)), [visits[1]!.id]);
      await assert.rejects(cli(['export', '--from', '21/11/2026']), UsageError);
    });
  });
});

describe('PIN hashes', () => {
  it('are the same format in src/auth (hub) and desk/auth.ts (desk): each verifies the other’s', async () => {
    assert.equal(await verifyPin('4321', await deskHashPin('4321')), true);
    assert.equal(await deskVerifyPin('4321', await hashPin('4321')), true);
    assert.equal(await verifyPin('4322', await deskHashPin('4321')), false);
  });
});
