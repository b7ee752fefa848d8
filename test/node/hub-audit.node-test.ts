// The audit log (issue 6 item 4) against the real server and SQLite: exports (API and CLI), report reads,
// webhook changes, device revocations and staff added are appended in the transaction of the act; the site
// manager reads them newest first, in pages; a receptionist may not; entries carry ids only.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { auditPageSchema, type AuditEntry } from '../../src/schemas/audit.js';
import { pairReplySchema, signInReplySchema } from '../../src/schemas/sync.js';
import { AdjustableClock } from '../../hub/clock.js';
import { runCli } from '../../hub/cli/main.js';
import { AuditRepo } from '../../hub/db/audit-store.js';
import { openStore, type HubStore } from '../../hub/db/index.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { createPairCode } from '../../hub/sites.js';
import { api, badgeKey, deviceId } from './hub/fixtures.js';

const MANAGER_PIN = '2468';
const RECEPTIONIST_PIN = '1357';
const RECEPTIONIST_NAME = 'Chan Tai Man';
const WEBHOOK_URL = 'https://receiver.example.com/vk-hook';
const EMAIL = 'manager.private@example.com';

describe('hub audit log', () => {
  let dir = '';
  let store: HubStore;
  let hub: RunningHub;
  let manager = '';
  let receptionist = '';
  const clock = new AdjustableClock();
  // The embedded database in the test's own directory, whatever DATABASE_URL the run has.
  const cli = (argv: string[]) => runCli(argv, { env: { DATA_DIR: dir, PORT: '8080', DATABASE_URL: '', VK_ADMIN_PIN: MANAGER_PIN }, out: () => undefined, now: clock.now() });
  const audit = async (query = '', token = manager) => {
    const reply = await api(hub.url, 'GET', `/api/v1/audit${query}`, { token });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return auditPageSchema.parse(reply.body);
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vk-hub-audit-'));
    await cli(['add-staff', '--name', RECEPTIONIST_NAME, '--pin', RECEPTIONIST_PIN, '--role', 'receptionist']);
    await cli(['add-email-recipient', '--role', 'site-manager', '--address', EMAIL]);
    store = await openStore({ dataDir: dir });
    hub = await startHub({ dataDir: dir, port: 0, host: '127.0.0.1', store, clock: clock.now, escalationTickMs: 3_600_000, healthTickMs: 3_600_000, pollMs: 100 });
    const signIn = async (pin: string) => signInReplySchema.parse((await api(hub.url, 'POST', '/api/v1/sessions', { body: { pin } })).body).token;
    manager = await signIn(MANAGER_PIN);
    receptionist = await signIn(RECEPTIONIST_PIN);
  });
  after(async () => {
    await hub?.close();
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('records every export: two exports, two entries, newest first, by the staff member or the CLI', async () => {
    const before = (await audit()).entries.filter((e) => e.action === 'export').length;
    for (let i = 0; i < 2; i++) assert.equal((await api(hub.url, 'GET', '/api/v1/export?from=2026-11-01&to=2026-11-30', { token: manager })).status, 200);
    const exports = (await audit()).entries.filter((e) => e.action === 'export');
    assert.equal(exports.length - before, 2);
    assert.deepEqual(
      exports.slice(0, 2).map((e) => [e.actor, e.target]),
      [
        ['admin', '2026-11-01..2026-11-30'],
        ['admin', '2026-11-01..2026-11-30'],
      ],
    );
    assert.ok((exports[0]?.seq ?? 0) > (exports[1]?.seq ?? 0), 'newest first');

    await cli(['export', '--from', '2026-11-02']);
    const latest = (await audit()).entries[0];
    assert.deepEqual([latest?.actor, latest?.action, latest?.target], ['cli', 'export', '2026-11-02..']);
  });

  it('records report reads, webhook changes, device revocations and staff added', async () => {
    assert.equal((await api(hub.url, 'GET', '/api/v1/reports/visits?from=2026-11-01&to=2026-11-30', { token: manager })).status, 200);
    const hook = await api(hub.url, 'POST', '/api/v1/webhooks', { token: manager, body: { url: WEBHOOK_URL } });
    assert.equal(hook.status, 201);
    const hookId = (hook.body as { webhook: { id: string } }).webhook.id;
    assert.equal((await api(hub.url, 'POST', `/api/v1/webhooks/${hookId}/rotate-secret`, { token: manager })).status, 200);
    const code = await store.write((repo) => createPairCode(repo, 'demo', clock.now()));
    const kioskId = deviceId();
    pairReplySchema.parse((await api(hub.url, 'POST', '/api/v1/pair', { body: { code, deviceId: kioskId, badgeKey: await badgeKey() } })).body);
    assert.equal((await api(hub.url, 'POST', `/api/v1/devices/${kioskId}/revoke`, { token: manager })).status, 204);

    const entries = (await audit()).entries;
    const find = (action: AuditEntry['action']) => entries.find((e) => e.action === action);
    assert.deepEqual([find('report-read')?.actor, find('report-read')?.target], ['admin', '2026-11-01..2026-11-30']);
    assert.equal(find('webhook-add')?.target, hookId);
    assert.equal(find('webhook-rotate-secret')?.target, hookId);
    assert.deepEqual([find('device-revoke')?.actor, find('device-revoke')?.target], ['admin', kioskId]);
    assert.equal(find('staff-add')?.actor, 'cli');
    assert.match(find('staff-add')?.target ?? '', /^s-[0-9a-f]{12}$/);
    assert.equal(find('email-recipient-add')?.actor, 'cli');
  });

  it('carries ids only: no names, addresses or URLs', async () => {
    const text = JSON.stringify((await audit()).entries);
    for (const personal of [RECEPTIONIST_NAME, 'Site manager', WEBHOOK_URL, 'receiver.example.com', EMAIL]) assert.ok(!text.includes(personal), `no ${personal}`);
    for (const entry of (await audit()).entries) assert.deepEqual(Object.keys(entry).filter((k) => !['seq', 'at', 'actor', 'action', 'target'].includes(k)), []);
  });

  it('is for the site manager: a receptionist gets 403, no token 401', async () => {
    assert.equal((await api(hub.url, 'GET', '/api/v1/audit', { token: receptionist })).status, 403);
    assert.equal((await api(hub.url, 'GET', '/api/v1/audit')).status, 401);
  });

  it('pages newest first and filters by date', async () => {
    const all = (await audit()).entries;
    assert.ok(all.length >= 5);
    const first = await audit('?limit=2');
    assert.deepEqual(first.entries, all.slice(0, 2));
    assert.ok(first.next !== undefined);
    const second = await audit(`?limit=2&before=${first.next}`);
    assert.deepEqual(second.entries, all.slice(2, 4));
    const today = clock.now().toISOString().slice(0, 10);
    assert.equal((await audit(`?from=${today}&to=${today}`)).entries.length, all.length);
    assert.equal((await audit('?to=2000-01-01')).entries.length, 0);
    assert.equal((await api(hub.url, 'GET', '/api/v1/audit?from=yesterday', { token: manager })).status, 400);
    assert.equal((await api(hub.url, 'GET', '/api/v1/audit?limit=0', { token: manager })).status, 400);
  });

  it('has no way to change or delete an entry', async () => {
    assert.deepEqual(Object.getOwnPropertyNames(AuditRepo.prototype).sort(), ['append', 'constructor', 'page']);
    for (const method of ['DELETE', 'PUT', 'PATCH', 'POST']) assert.ok([404, 405].includes((await api(hub.url, method, '/api/v1/audit', { token: manager, body: {} })).status), method);
  });
});
