// Each site's own SMTP relay (issue 6: "e-mail through the site's SMTP relay"): a site that names a relay in
// its configuration (`smtp`, the password in the environment variable it names) has its mail sent there; a
// site that names none uses the hub's relay from the environment. Two real SMTP servers on loopback, the real
// delivery worker, real SQLite: site A's mail reaches A's relay (authenticated with the password from the
// environment) and the default site's reaches the hub's; a refusal at A's relay is logged and retried; a
// missing password is a logged failed attempt, never a fall back to another relay with the site's mail.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import type { SiteConfig } from '../../src/domain/site.js';
import { parseSiteConfig } from '../../src/schemas/site.js';
import { openStore, type HubStore } from '../../hub/db/index.js';
import { newId } from '../../hub/ids.js';
import type { EmailBody } from '../../hub/notify/enqueue.js';
import { DeliveryWorker } from '../../hub/notify/worker.js';
import { bootstrapIfEmpty, createSite, publicSiteConfig } from '../../hub/sites.js';

const DELIVERY = { timeoutMs: 1_000, backoffBaseMs: 40, backoffCapMs: 150, tickMs: 40, maxAttempts: 8 };
const PASSWORD_ENV = 'VK_SMTP_PASS_TOWER_A';

class Relay {
  readonly mails: { from: string; to: string[]; user?: string }[] = [];
  refusals = 0;
  private server: SMTPServer | undefined;
  port = 0;
  constructor(private readonly credentials?: { user: string; pass: string }) {}

  async start(): Promise<void> {
    const creds = this.credentials;
    this.server = new SMTPServer({
      // A relay with credentials accepts them on loopback without TLS (a test relay has no certificate).
      ...(creds ? { authMethods: ['PLAIN', 'LOGIN'], allowInsecureAuth: true, authOptional: false, disabledCommands: ['STARTTLS'] } : { authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'] }),
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (creds && auth.username === creds.user && auth.password === creds.pass) callback(null, { user: auth.username });
        else callback(new Error('bad credentials'));
      },
      onRcptTo: (_address, _session, callback) => {
        if (this.refusals > 0) {
          this.refusals--;
          callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        stream.resume();
        stream.on('end', () => {
          this.mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), ...(typeof session.user === 'string' ? { user: session.user } : {}) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    this.port = ((this.server as unknown as { server: Server }).server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('each site’s own SMTP relay', () => {
  let dir = '';
  let store: HubStore;
  let worker: DeliveryWorker;
  const hubRelay = new Relay();
  const siteRelay = new Relay({ user: 'tower-a-mailer', pass: 'relay-password-from-env' });
  const env: NodeJS.ProcessEnv = { [PASSWORD_ENV]: 'relay-password-from-env' };
  let towerA: SiteConfig;

  /** Queues one e-mail of `siteId` as enqueue.ts does; returns its delivery id. */
  const queueMail = async (siteId: string, to: string): Promise<string> => {
    const at = new Date();
    const id = newId(at);
    const body: EmailBody = { to, locale: 'en', subject: 'Class C at the lobby', text: 'Ids only.\n' };
    await store.write((repo) => repo.notify.enqueue([{ id, siteId, channel: 'email', event: 'alert.raised', body: JSON.stringify(body), nextAttemptAt: at.toISOString(), createdAt: at.toISOString() }]));
    worker.wake();
    return id;
  };
  const deliveryOf = async (siteId: string, id: string) => (await store.read((repo) => repo.notify.deliveries(siteId, 100))).find((d) => d.id === id);

  before(async () => {
    await hubRelay.start();
    await siteRelay.start();
    dir = await mkdtemp(join(tmpdir(), 'vk-hub-site-smtp-'));
    store = await openStore({ dataDir: dir });
    await bootstrapIfEmpty(store, { adminPin: '2468', now: new Date() });
    towerA = { ...DEMO_SITE, id: 'tower-a', smtp: { host: '127.0.0.1', port: siteRelay.port, secure: false, from: 'lobby@tower-a.example', user: 'tower-a-mailer', passwordEnv: PASSWORD_ENV } };
    await store.write((repo) => createSite(repo, towerA, new Date()));
    worker = new DeliveryWorker(store, () => new Date(), { ...DELIVERY, env, smtp: { host: '127.0.0.1', port: hubRelay.port, secure: false, from: 'kiosk-hub@lobby.example' } });
    worker.start();
  });

  after(async () => {
    await worker?.stop();
    await store?.close();
    await hubRelay.close();
    await siteRelay.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends a site’s mail through its own relay, signed in with the password from the environment, and the default site’s through the hub’s', async () => {
    const a = await queueMail('tower-a', 'pr@tower-a.example');
    const demo = await queueMail('demo', 'pr@demo.example');
    await until('both delivered', async () => (await deliveryOf('tower-a', a))?.status === 'delivered' && (await deliveryOf('demo', demo))?.status === 'delivered');
    assert.deepEqual(siteRelay.mails, [{ from: 'lobby@tower-a.example', to: ['pr@tower-a.example'], user: 'tower-a-mailer' }]);
    assert.deepEqual(hubRelay.mails, [{ from: 'kiosk-hub@lobby.example', to: ['pr@demo.example'] }]);
  });

  it('a refusal at the site’s relay is logged and retried, then delivered there', async () => {
    siteRelay.refusals = 2;
    const before = siteRelay.mails.length;
    const id = await queueMail('tower-a', 'guard@tower-a.example');
    await until('delivered after refusals', async () => (await deliveryOf('tower-a', id))?.status === 'delivered');
    assert.equal(siteRelay.mails.length, before + 1);
    const log = await store.read((repo) => repo.notify.attempts(id));
    assert.deepEqual(log.map((a) => [a.outcome, a.status]), [['retry', 451], ['retry', 451], ['delivered', 250]]);
    assert.equal(hubRelay.mails.some((m) => m.to.includes('guard@tower-a.example')), false, 'never sent through another relay');
  });

  it('a site relay whose password variable is unset fails the attempt, logged, and retries — nothing goes to the hub’s relay', async () => {
    delete env[PASSWORD_ENV];
    const id = await queueMail('tower-a', 'manager@tower-a.example');
    await until('a failed attempt logged', async () => (await store.read((repo) => repo.notify.attempts(id))).length >= 1);
    const [first] = await store.read((repo) => repo.notify.attempts(id));
    assert.equal(first?.outcome, 'retry');
    assert.equal(first?.error, `smtp password ${PASSWORD_ENV} not set`);
    env[PASSWORD_ENV] = 'relay-password-from-env';
    await until('delivered once the password is there', async () => (await deliveryOf('tower-a', id))?.status === 'delivered');
    assert.equal(hubRelay.mails.some((m) => m.to.includes('manager@tower-a.example')), false);
  });

  it('kiosks and desks never read the relay; the configuration refuses a password and any variable but VK_SMTP_PASS_*', async () => {
    const shared = await store.read((repo) => publicSiteConfig(repo, 'tower-a'));
    assert.equal('smtp' in shared, false);
    assert.equal(JSON.stringify(shared).includes('tower-a-mailer'), false);
    const relay = towerA.smtp!;
    assert.equal(parseSiteConfig({ ...towerA, smtp: { ...relay, password: 'in the config' } }).ok, false);
    for (const passwordEnv of ['DATABASE_URL', 'VK_SMTP_PASS', 'vk_smtp_pass_a', 'VK_SMTP_PASS_A;rm']) assert.equal(parseSiteConfig({ ...towerA, smtp: { ...relay, passwordEnv } }).ok, false, passwordEnv);
    assert.equal(parseSiteConfig({ ...towerA, smtp: { ...relay, from: 'not an address' } }).ok, false);
    assert.equal(parseSiteConfig(towerA).ok, true);
  });
});
