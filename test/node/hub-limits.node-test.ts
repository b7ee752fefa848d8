// The hub's front-door limits (issue 6 item 7) against the real server and SQLite: rate limits on pairing
// (per client address), staff sign-in (per client and per site) and pushes (per device: a 10 000-visit
// backlog passes, a flood gets 429 + Retry-After and writes nothing), strict CORS for the origins a site
// embeds the hub from, and the site configuration's `embedding` and `health` fields validated strictly.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hashPin } from '../../src/auth/pin.js';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import { parseSiteConfig } from '../../src/schemas/site.js';
import { apiErrorSchema, pairReplySchema, pushReplySchema, signInReplySchema } from '../../src/schemas/sync.js';
import { kindOfStatus, SyncError } from '../../src/sync/errors.js';
import { AdjustableClock } from '../../hub/clock.js';
import { openStore, type HubStore } from '../../hub/db/index.js';
import { DEFAULT_LIMITS, type HubLimits } from '../../hub/limits.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { bootstrapIfEmpty, createPairCode, createSite } from '../../hub/sites.js';
import { api, badgeKey, deviceId, makeVisit } from './hub/fixtures.js';

const ADMIN_PIN = '2468';
const PORTAL_PIN = '8642';
const PORTAL = 'https://portal.example.com';
const LIMITS: HubLimits = {
  ...DEFAULT_LIMITS,
  pair: { burst: 3, perMinute: 3 },
  signInPerClient: { burst: 4, perMinute: 4 },
  signInPerSite: { burst: 6, perMinute: 6 },
};

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request from a chosen loopback address (127.0.0.0/8 is all this machine): another "client". */
function from(localAddress: string, base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RawReply> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method, localAddress, headers: { ...(payload ? { 'Content-Type': 'application/json' } : {}), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
const codeOf = (r: RawReply) => apiErrorSchema.parse(JSON.parse(r.body)).error.code;

describe('hub limits and CORS', () => {
  let dir = '';
  let store: HubStore;
  let hub: RunningHub;
  let base = '';
  const clock = new AdjustableClock();

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vk-hub-limits-'));
    store = await openStore({ dataDir: dir });
    await bootstrapIfEmpty(store, { adminPin: ADMIN_PIN, now: clock.now() });
    await store.write(async (repo) => {
      await createSite(repo, { ...DEMO_SITE, id: 'portal-site', embedding: { origins: [PORTAL, 'http://localhost:5173'] } }, clock.now());
      await repo.insertStaff({ id: 'portal-admin', siteId: 'portal-site', name: 'Portal manager', role: 'site-manager', ...(await hashPin(PORTAL_PIN)) }, clock.now().toISOString());
    });
    hub = await startHub({ dataDir: dir, port: 0, host: '127.0.0.1', store, clock: clock.now, escalationTickMs: 3_600_000, pollMs: 100, limits: LIMITS });
    base = hub.url;
  });

  after(async () => {
    await hub?.close();
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('limits pairing per client address: 429 with Retry-After, other addresses unaffected, refilled with time', async () => {
    const body = { code: 'A'.repeat(22), deviceId: deviceId(), badgeKey: await badgeKey() };
    for (let i = 0; i < LIMITS.pair.burst; i++) assert.equal(codeOf(await from('127.0.0.2', base, 'POST', '/api/v1/pair', body)), 'pair-code-invalid');
    const limited = await from('127.0.0.2', base, 'POST', '/api/v1/pair', body);
    assert.equal(limited.status, 429);
    assert.equal(codeOf(limited), 'rate-limited');
    assert.ok(Number(limited.headers['retry-after']) >= 1 && Number(limited.headers['retry-after']) <= 60, String(limited.headers['retry-after']));
    assert.equal(codeOf(await from('127.0.0.3', base, 'POST', '/api/v1/pair', body)), 'pair-code-invalid', 'another client is not limited');
    // A real code from the limited address is refused too, until the bucket refills.
    const code = await store.write((repo) => createPairCode(repo, 'demo', clock.now()));
    assert.equal((await from('127.0.0.2', base, 'POST', '/api/v1/pair', { ...body, code })).status, 429);
    clock.advance(60_000);
    const paired = await from('127.0.0.2', base, 'POST', '/api/v1/pair', { ...body, code });
    assert.equal(paired.status, 200, paired.body);
  });

  it('limits sign-in per client before any PIN is checked, and per site across clients', async () => {
    clock.advance(60_000);
    for (let i = 0; i < LIMITS.signInPerClient.burst; i++) assert.equal((await from('127.0.0.4', base, 'POST', '/api/v1/sessions', { pin: ADMIN_PIN })).status, 200);
    const limited = await from('127.0.0.4', base, 'POST', '/api/v1/sessions', { pin: ADMIN_PIN });
    assert.equal(limited.status, 429);
    assert.equal(codeOf(limited), 'rate-limited', 'not pin-locked: the PIN was right, the pace was not');
    assert.ok(Number(limited.headers['retry-after']) >= 1);

    // Wrong PINs for one site from many addresses: each address is under its own limit, the site's stops them.
    clock.advance(60_000);
    const results: number[] = [];
    for (let i = 0; i < LIMITS.signInPerSite.burst + 2; i++) results.push((await from(`127.0.1.${i + 1}`, base, 'POST', '/api/v1/sessions', { pin: '0000', siteId: 'portal-site' })).status);
    assert.deepEqual(results, [...Array<number>(LIMITS.signInPerSite.burst).fill(401), 429, 429]);
    // Another site's sign-in goes on.
    assert.equal((await from('127.0.2.1', base, 'POST', '/api/v1/sessions', { pin: ADMIN_PIN, siteId: 'demo' })).status, 200);
    clock.advance(60_000);
    assert.equal((await from('127.0.2.2', base, 'POST', '/api/v1/sessions', { pin: PORTAL_PIN, siteId: 'portal-site' })).status, 200);
  });

  it('takes a 10 000-visit backlog in batches; a flood beyond it gets 429 + Retry-After, writes nothing, and passes later', async () => {
    const code = await store.write((repo) => createPairCode(repo, 'demo', clock.now()));
    const id = deviceId();
    const pair = await api(base, 'POST', '/api/v1/pair', { body: { code, deviceId: id, badgeKey: await badgeKey() } });
    const token = pairReplySchema.parse(pair.body).token;
    const batch = 500;
    let seq = 0;
    const push = () => {
      const changes = Array.from({ length: batch }, () => ({ seq: ++seq, type: 'visit' as const, visit: makeVisit(id, seq) }));
      return api(base, 'POST', '/api/v1/sync/push', { token, body: { deviceId: id, changes } });
    };
    const burstBatches = LIMITS.pushChanges.burst / batch;
    assert.ok(burstBatches >= 10_000 / batch, 'the burst holds a 10 000-visit backlog');
    for (let i = 0; i < burstBatches; i++) {
      const reply = await push();
      assert.equal(reply.status, 200, reply.text);
      assert.equal(pushReplySchema.parse(reply.body).acked.length, batch);
    }
    const visits = await store.read((repo) => repo.visitCount('demo'));
    const flood = await push();
    assert.equal(flood.status, 429, flood.text);
    assert.equal(apiErrorSchema.parse(flood.body).error.code, 'rate-limited');
    assert.equal(await store.read((repo) => repo.visitCount('demo')), visits, 'a refused batch writes nothing');
    // The kiosk's pusher reads 429 as "try again later" (retryable, backs off), never as a refused entry.
    assert.equal(kindOfStatus(429), 'server');
    assert.equal(new SyncError(kindOfStatus(429), { status: 429, hubCode: 'rate-limited' }).retryable, true);
    clock.advance(Math.ceil((batch / LIMITS.pushChanges.perMinute) * 60_000));
    seq -= batch; // the same batch again, as the pusher resends it
    const later = await push();
    assert.equal(later.status, 200, later.text);
    assert.equal(await store.read((repo) => repo.visitCount('demo')), visits + batch);
  });

  it('sends no CORS header by default, and answers exactly the origins a site embeds the hub from', async () => {
    const plain = await fetch(`${base}/api/v1/openapi.json`);
    assert.equal(plain.headers.get('access-control-allow-origin'), null);
    for (const origin of ['https://evil.example', 'null', 'https://portal.example.com.evil.example', 'http://portal.example.com']) {
      const pre = await fetch(`${base}/api/v1/sessions`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
      assert.equal(pre.status, 403, origin);
      assert.equal(pre.headers.get('access-control-allow-origin'), null, origin);
      const get = await fetch(`${base}/api/v1/openapi.json`, { headers: { Origin: origin } });
      assert.equal(get.headers.get('access-control-allow-origin'), null, origin);
    }
    const pre = await fetch(`${base}/api/v1/sessions`, { method: 'OPTIONS', headers: { Origin: PORTAL, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' } });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), PORTAL);
    assert.match(pre.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.equal(pre.headers.get('access-control-allow-credentials'), null, 'tokens are headers, never cookies');
    assert.match(pre.headers.get('vary') ?? '', /Origin/);

    clock.advance(60_000);
    const portalToken = signInReplySchema.parse((await api(base, 'POST', '/api/v1/sessions', { body: { pin: PORTAL_PIN, siteId: 'portal-site' } })).body).token;
    const demoToken = signInReplySchema.parse((await api(base, 'POST', '/api/v1/sessions', { body: { pin: ADMIN_PIN, siteId: 'demo' } })).body).token;
    const own = await fetch(`${base}/api/v1/desk/state`, { headers: { Origin: PORTAL, Authorization: `Bearer ${portalToken}` } });
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('access-control-allow-origin'), PORTAL);
    const other = await fetch(`${base}/api/v1/desk/state`, { headers: { Origin: PORTAL, Authorization: `Bearer ${demoToken}` } });
    assert.equal(other.headers.get('access-control-allow-origin'), null, 'a site that does not embed from this origin is not readable from it');
    const page = await fetch(`${base}/site.json`, { headers: { Origin: PORTAL } });
    assert.equal(page.headers.get('access-control-allow-origin'), null, 'only /api/v1');
  });

  it('validates embedding origins and health settings strictly in the site configuration', () => {
    const site = (extra: object) => parseSiteConfig({ ...DEMO_SITE, ...extra });
    assert.equal(site({ embedding: { origins: [PORTAL, 'https://intranet.example.com:8443', 'http://localhost:5173'] }, health: { silentMinutes: 30 } }).ok, true);
    for (const origins of [['*'], ['null'], ['https://portal.example.com/'], ['https://portal.example.com/path'], ['HTTPS://PORTAL.EXAMPLE.COM'], ['http://portal.example.com'], [PORTAL, PORTAL]]) {
      const result = site({ embedding: { origins } });
      assert.equal(result.ok, false, JSON.stringify(origins));
      if (!result.ok) assert.match(String(result.details?.['path']), /^embedding\.origins/);
    }
    assert.equal(site({ embedding: { origins: [], extra: 1 } }).ok, false);
    assert.equal(site({ health: { silentMinutes: 0 } }).ok, false);
    assert.equal(site({ health: { silentMinutes: 60, disk: 1 } }).ok, false);
  });
});
