// Outbound notifications (issue 6 item 1): webhook signing and verification, delivery from the durable queue
// to receivers that fail and recover, e-mail through a relay — against real servers on loopback (an http
// receiver and an SMTP server started here), a real hub and a real SQLite file. Nothing mocked.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { SMTPServer } from 'smtp-server';
import type { Alert } from '../../src/domain/desk.js';
import { NOTIFY_CATALOGUES } from '../../src/i18n/notify.js';
import { signWebhook, verifyWebhook, WEBHOOK_REPLAY_WINDOW_SECONDS, webhookSignatureHeader } from '../../src/invite/webhook.js';
import { pairReplySchema, signInReplySchema } from '../../src/schemas/sync.js';
import { webhookPayloadSchema } from '../../src/schemas/webhook.js';
import { runCli } from '../../hub/cli/main.js';
import { openStore, type HubStore } from '../../hub/db/index.js';
import { backoffMs } from '../../hub/notify/worker.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { bootstrapIfEmpty, createPairCode } from '../../hub/sites.js';
import { api, badgeKey, deviceId, makeVisit } from './hub/fixtures.js';

const ADMIN_PIN = '2468';
/** The worker's limits for the tests: short timeouts and backoff, so failures and recoveries take milliseconds. */
const DELIVERY = { timeoutMs: 400, backoffBaseMs: 40, backoffCapMs: 150, tickMs: 40, maxAttempts: 8 };

// ----- a webhook receiver on loopback -----

type Behaviour = 'ok' | '500' | 'slow' | 'silent';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  answered: number | 'none';
}

class Receiver {
  readonly received: Received[] = [];
  /** What the next requests meet, in order; when empty, every request is answered 204. */
  script: Behaviour[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private waiters: (() => void)[] = [];
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const behaviour = this.script.shift() ?? 'ok';
    const entry: Received = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered: 'none' };
    this.received.push(entry);
    for (const w of this.waiters.splice(0)) w();
    if (behaviour === 'silent') return; // never answers: the hub's timeout must end the attempt
    if (behaviour === 'slow') await new Promise((r) => setTimeout(r, DELIVERY.timeoutMs * 3));
    // A slow receiver's late answer is a 503: whatever it says after the hub gave up must not count as delivered.
    const status = behaviour === '500' ? 500 : behaviour === 'slow' ? 503 : 204;
    entry.answered = status;
    if (!res.destroyed) res.writeHead(status).end();
  }

  async waitFor(count: number, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`receiver: ${this.received.length} of ${count} requests`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

// ----- an SMTP relay on loopback -----

interface Mail {
  to: string[];
  raw: string;
}

/** Decodes RFC 2047 encoded words (nodemailer's UTF-8 subjects). */
const decodeWords = (text: string): string =>
  text.replace(/\r?\n[ \t]+/g, ' ').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );

/** The subject and the plain-text body of a single-part message as nodemailer writes it. */
function readMail(raw: string): { subject: string; text: string; headers: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const subject = decodeWords(/^Subject: (.*(?:\r\n[ \t].*)*)/im.exec(headers)?.[1] ?? '');
  const encoding = /^Content-Transfer-Encoding: (\S+)/im.exec(headers)?.[1]?.toLowerCase();
  let text = body;
  if (encoding === 'base64') text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (encoding === 'quoted-printable') text = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return { subject, text: text.replace(/\r\n/g, '\n'), headers };
}

class Relay {
  readonly mails: Mail[] = [];
  /** Recipients refused (with 451) this many more times before mail is accepted. */
  refusals = 0;
  readonly refused: string[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.refusals > 0) {
          this.refusals--;
          this.refused.push(address.address);
          const error = new Error('mailbox busy, try later') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
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

// ----- signing and verification -----

describe('webhook signatures', () => {
  const secret = 'whsec_test-secret-of-the-receiver';
  const body = JSON.stringify({ id: 'x', type: 'alert', siteId: 'demo' });
  const now = new Date('2026-11-23T02:00:00Z');
  const ts = String(Math.floor(now.getTime() / 1000));

  it('accepts the hub’s signature, with the current or (during a rotation) the previous secret', async () => {
    const header = await webhookSignatureHeader([secret], ts, body);
    assert.match(header, /^v1=[0-9a-f]{64}$/);
    assert.deepEqual(await verifyWebhook(secret, ts, body, header, now), { ok: true });
    const rotating = await webhookSignatureHeader(['whsec_new', secret], ts, body);
    assert.deepEqual(await verifyWebhook(secret, ts, body, rotating, now), { ok: true }, 'a receiver still on the old secret');
    assert.deepEqual(await verifyWebhook(['whsec_new'], ts, body, rotating, now), { ok: true }, 'a receiver already on the new one');
    assert.deepEqual(await verifyWebhook(['whsec_other'], ts, body, rotating, now), { ok: false, reason: 'mismatch' });
    // The 5-minute window, both ways.
    const edge = new Date(now.getTime() + WEBHOOK_REPLAY_WINDOW_SECONDS * 1000);
    assert.deepEqual(await verifyWebhook(secret, ts, body, header, edge), { ok: true });
    assert.deepEqual(await verifyWebhook(secret, ts, body, header, new Date(edge.getTime() + 1000)), { ok: false, reason: 'stale' });
    assert.deepEqual(await verifyWebhook(secret, ts, body, header, new Date(now.getTime() - (WEBHOOK_REPLAY_WINDOW_SECONDS + 1) * 1000)), { ok: false, reason: 'stale' });
  });

  it('accepts none of 10 000 mutated signatures, timestamps, bodies and secrets', async () => {
    const good = await signWebhook(secret, ts, body);
    const hex = '0123456789abcdef';
    type Mutation =
      | { kind: 'flip'; at: number; to: number }
      | { kind: 'timestamp'; delta: number; resign: boolean }
      | { kind: 'body'; at: number; char: string }
      | { kind: 'secret'; extra: string }
      | { kind: 'header'; text: string }
      | { kind: 'truncate'; length: number }
      | { kind: 'case' };
    const mutation: fc.Arbitrary<Mutation> = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(63), to: fc.nat(15) }),
      // Any other timestamp: inside the window it no longer matches the signed text; outside, and re-signed
      // by an attacker who somehow had the secret for another time, it is stale.
      fc.record({ kind: fc.constant('timestamp' as const), delta: fc.integer({ min: -10_000_000, max: 10_000_000 }).filter((d) => d !== 0), resign: fc.boolean() }),
      fc.record({ kind: fc.constant('body' as const), at: fc.nat(body.length - 1), char: fc.string({ minLength: 1, maxLength: 1 }) }),
      fc.record({ kind: fc.constant('secret' as const), extra: fc.string({ minLength: 1, maxLength: 8 }) }),
      fc.record({ kind: fc.constant('header' as const), text: fc.string({ maxLength: 80 }) }),
      fc.record({ kind: fc.constant('truncate' as const), length: fc.nat(63) }),
      fc.constant({ kind: 'case' as const }),
    );
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        let t = ts;
        let b = body;
        let header = `v1=${good}`;
        let verifySecret = secret;
        switch (m.kind) {
          case 'flip': {
            const to = hex[m.to] === good[m.at] ? hex[(m.to + 1) % 16] : hex[m.to];
            header = `v1=${good.slice(0, m.at)}${to}${good.slice(m.at + 1)}`;
            break;
          }
          case 'timestamp':
            t = String(Number(ts) + m.delta);
            if (m.resign && Math.abs(m.delta) > WEBHOOK_REPLAY_WINDOW_SECONDS) header = `v1=${await signWebhook(secret, t, body)}`;
            break;
          case 'body':
            if (body[m.at] === m.char) return;
            b = body.slice(0, m.at) + m.char + body.slice(m.at + 1);
            break;
          case 'secret':
            verifySecret = secret + m.extra;
            break;
          case 'header':
            header = m.text;
            break;
          case 'truncate':
            header = `v1=${good.slice(0, m.length)}`;
            break;
          case 'case':
            header = `v1=${good.toUpperCase()}`;
            break;
        }
        tried++;
        const result = await verifyWebhook(verifySecret, t, b, header, now);
        assert.equal(result.ok, false, `${JSON.stringify(m)} was accepted`);
      }),
      { numRuns: 10_000, seed: 20261123 },
    );
    assert.ok(tried > 9_900, `${tried} mutations checked`);
  });

  it('backs off exponentially with jitter, capped', () => {
    assert.equal(backoffMs(1, 1000, 60_000, () => 0), 500);
    assert.equal(backoffMs(1, 1000, 60_000, () => 1), 1000);
    assert.equal(backoffMs(4, 1000, 60_000, () => 1), 8000);
    assert.equal(backoffMs(30, 1000, 3_600_000, () => 1), 3_600_000);
    assert.ok(backoffMs(30, 1000, 3_600_000, () => 0) >= 1_800_000);
  });

  it('the e-mail catalogue is complete in three locales, each Chinese one in its own script', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
    const simplifiedOnly = (c: string) => toSimplified(c) === c && toTraditional(c) !== c;
    const traditionalOnly = (c: string) => toTraditional(c) === c && toSimplified(c) !== c;
    const strings = (value: unknown, path = ''): [string, string][] => {
      if (typeof value === 'string') return [[path, value]];
      if (typeof value === 'function') return strings((value as (...a: unknown[]) => unknown)('X', 2), path);
      if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
      return [];
    };
    const keys = (tag: keyof typeof NOTIFY_CATALOGUES) => strings(NOTIFY_CATALOGUES[tag]).map(([k]) => k).sort();
    assert.deepEqual(keys('zh-Hant'), keys('en'));
    assert.deepEqual(keys('zh-Hans'), keys('en'));
    const han = (text: string) => [...text].filter((c) => /\p{Script=Han}/u.test(c));
    for (const [key, text] of strings(NOTIFY_CATALOGUES['zh-Hant'])) assert.deepEqual(han(text).filter(simplifiedOnly), [], `zh-Hant ${key}: ${text}`);
    for (const [key, text] of strings(NOTIFY_CATALOGUES['zh-Hans'])) assert.deepEqual(han(text).filter(traditionalOnly), [], `zh-Hans ${key}: ${text}`);
    for (const [key, text] of strings(NOTIFY_CATALOGUES.en)) assert.equal(/\p{Script=Han}/u.test(text), false, key);
  });
});

// ----- delivery through a running hub -----

describe('outbound notifications from a running hub (SQLite)', () => {
  let dir = '';
  let store: HubStore;
  let hub: RunningHub;
  let admin = '';
  const receiver = new Receiver();
  const relay = new Relay();

  const env = () => ({ DATA_DIR: dir, PORT: '8080' });
  const cli = (argv: string[]) => runCli(argv, { env: env(), out: () => undefined });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vk-hub-webhooks-'));
    await Promise.all([receiver.start(), relay.start()]);
    store = await openStore({ dataDir: dir });
    await bootstrapIfEmpty(store, { adminPin: ADMIN_PIN, now: new Date() });
    hub = await startHub({
      dataDir: dir,
      port: 0,
      host: '127.0.0.1',
      store,
      escalationTickMs: 3_600_000,
      pollMs: 100,
      delivery: { ...DELIVERY, smtp: { host: '127.0.0.1', port: relay.port, secure: false, from: 'kiosk-hub@lobby.example' } },
    });
    const reply = await api(hub.url, 'POST', '/api/v1/sessions', { body: { pin: ADMIN_PIN } });
    admin = signInReplySchema.parse(reply.body).token;
  });

  after(async () => {
    await hub?.close();
    await store?.close();
    await Promise.all([receiver.close(), relay.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  let secret = '';
  let webhookId = '';

  it('a site manager adds a webhook (its secret shown once) and lists it without the secret', async () => {
    const refused = await api(hub.url, 'POST', '/api/v1/webhooks', { token: admin, body: { url: 'ftp://example.com/x' } });
    assert.equal(refused.status, 400, refused.text);
    const added = await api(hub.url, 'POST', '/api/v1/webhooks', { token: admin, body: { url: receiver.url, events: ['alert', 'escalation'] } });
    assert.equal(added.status, 201, added.text);
    const body = added.body as { webhook: { id: string; events: string[] }; secret: string };
    assert.match(body.secret, /^whsec_[A-Za-z0-9_-]{43}$/);
    secret = body.secret;
    webhookId = body.webhook.id;
    const list = await api(hub.url, 'GET', '/api/v1/webhooks', { token: admin });
    assert.equal(list.status, 200);
    assert.equal(list.text.includes(secret), false, 'the secret is never listed');
    assert.deepEqual((list.body as { webhooks: { id: string }[] }).webhooks.map((w) => w.id), [webhookId]);
  });

  it('a class C arrival pushed by a kiosk reaches the receiver, signed, with ids and no personal data', async () => {
    const code = await store.write((repo) => createPairCode(repo, 'demo', new Date()));
    const id = deviceId();
    const paired = await api(hub.url, 'POST', '/api/v1/pair', { body: { code, deviceId: id, badgeKey: await badgeKey() } });
    const token = pairReplySchema.parse(paired.body).token;
    const visit = makeVisit(id, 1, { visitorType: 'media', purpose: 'media-interview' });
    const start = receiver.received.length;
    const pushed = await api(hub.url, 'POST', '/api/v1/sync/push', { token, body: { deviceId: id, changes: [{ seq: 1, type: 'visit', visit }] } });
    assert.equal(pushed.status, 200, pushed.text);
    await receiver.waitFor(start + 1);
    const got = receiver.received[start];
    assert.ok(got);
    assert.equal(got.headers['content-type'], 'application/json');
    const verdict = await verifyWebhook(secret, got.headers['x-vk-timestamp'] as string, got.body, got.headers['x-vk-signature'] as string);
    assert.deepEqual(verdict, { ok: true });
    const payload = webhookPayloadSchema.parse(JSON.parse(got.body));
    assert.equal(payload.type, 'alert');
    assert.equal(payload.alert.incidentClass, 'C');
    assert.equal(payload.alert.visitId, visit.id);
    for (const personal of [visit.visitor.fullName, visit.visitor.phone]) assert.equal(got.body.includes(personal ?? '\u0000'), false);
    await until('the delivery recorded as delivered', async () => (await store.read((repo) => repo.notify.deliveries('demo', 10))).some((d) => d.status === 'delivered'));
  });

  it('retries a receiver that answers 500, times out and never answers, then delivers exactly once, logging every attempt', async () => {
    receiver.script = ['500', 'slow', 'silent', 'ok'];
    const start = receiver.received.length;
    const raised = await api(hub.url, 'POST', '/api/v1/alerts', { token: admin, body: { incidentClass: 'C' } });
    assert.equal(raised.status, 200, raised.text);
    const alert = (raised.body as { alert: Alert }).alert;
    const delivery = async () => (await store.read((repo) => repo.notify.deliveries('demo', 50))).find((d) => d.channel === 'webhook' && (JSON.parse(d.body) as { alert: { id: string } }).alert.id === alert.id);
    await until('delivered after failures', async () => (await delivery())?.status === 'delivered', 15_000);
    // Nothing more arrives once delivered (no duplicate from a lingering retry).
    await new Promise((r) => setTimeout(r, DELIVERY.backoffCapMs * 3));
    const requests = receiver.received.slice(start);
    assert.equal(requests.length, 4, 'four attempts reached the receiver');
    assert.deepEqual([requests[0]?.answered, requests[2]?.answered, requests[3]?.answered], [500, 'none', 204]);
    assert.equal(requests.filter((r) => r.answered === 204).length, 1, 'accepted exactly once');
    assert.equal(new Set(requests.map((r) => (JSON.parse(r.body) as { id: string }).id)).size, 1, 'one notification id across retries');
    for (const r of requests) assert.deepEqual(await verifyWebhook(secret, r.headers['x-vk-timestamp'] as string, r.body, r.headers['x-vk-signature'] as string), { ok: true });
    const row = await delivery();
    assert.ok(row);
    assert.equal(row.attempts, 4);
    const log = await store.read((repo) => repo.notify.attempts(row.id));
    assert.deepEqual(log.map((a) => a.outcome), ['retry', 'retry', 'retry', 'delivered']);
    assert.equal(log[0]?.status, 500);
    assert.equal(log[1]?.error, 'timeout');
    assert.equal(log[2]?.error, 'timeout');
    assert.equal(log[3]?.status, 204);
  });

  it('gives up after the last attempt and marks the delivery failed, logged', async () => {
    receiver.script = Array<Behaviour>(DELIVERY.maxAttempts).fill('500');
    const raised = await api(hub.url, 'POST', '/api/v1/alerts', { token: admin, body: { incidentClass: 'C' } });
    const alert = (raised.body as { alert: Alert }).alert;
    const delivery = async () => (await store.read((repo) => repo.notify.deliveries('demo', 50))).find((d) => d.channel === 'webhook' && (JSON.parse(d.body) as { alert: { id: string } }).alert.id === alert.id);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      await until('failed', async () => (await delivery())?.status === 'failed', 15_000);
    } finally {
      console.error = original;
    }
    const row = await delivery();
    assert.equal(row?.attempts, DELIVERY.maxAttempts);
    const log = await store.read((repo) => repo.notify.attempts(row?.id ?? ''));
    assert.equal(log.length, DELIVERY.maxAttempts);
    assert.equal(log.at(-1)?.outcome, 'failed');
    assert.equal(errors.length, 1, 'one line for the operator');
    receiver.script = [];
  });

  it('rotates a secret from the CLI: both secrets sign for a day; the new one is printed once', async () => {
    const lines = await cli(['rotate-webhook-secret', '--id', webhookId]);
    const fresh = lines.find((l) => l.startsWith('secret: '))?.slice('secret: '.length) ?? '';
    assert.match(fresh, /^whsec_/);
    const start = receiver.received.length;
    await api(hub.url, 'POST', '/api/v1/alerts', { token: admin, body: { incidentClass: 'C' } });
    await receiver.waitFor(start + 1);
    const got = receiver.received[start];
    assert.ok(got);
    assert.equal((got.headers['x-vk-signature'] as string).split(',').length, 2);
    const ts = got.headers['x-vk-timestamp'] as string;
    const sig = got.headers['x-vk-signature'] as string;
    assert.deepEqual(await verifyWebhook(fresh, ts, got.body, sig), { ok: true });
    assert.deepEqual(await verifyWebhook(secret, ts, got.body, sig), { ok: true });
    secret = fresh;
    const added = await cli(['add-webhook', '--url', receiver.url, '--events', 'help']);
    assert.ok(added.some((l) => /^secret: whsec_/.test(l)));
    await assert.rejects(cli(['add-webhook', '--url', receiver.url, '--events', 'everything']));
  });

  it('e-mails class C to the addresses of the notified roles, each in its recipient’s language, without the visitor’s name', async () => {
    const recipients = [
      { role: 'pr', address: 'pr@lobby.example', locale: 'zh-Hant' },
      { role: 'duty-manager', address: 'duty@lobby.example', locale: 'en' },
      { role: 'site-manager', address: 'manager@lobby.example', locale: 'zh-Hans' },
      { role: 'security-supervisor', address: 'security@lobby.example', locale: 'zh-Hans' },
      { role: 'responsible-executive', address: 'exec@lobby.example', locale: 'en' },
    ];
    for (const r of recipients) await cli(['add-email-recipient', '--role', r.role, '--address', r.address, '--locale', r.locale]);
    const code = await store.write((repo) => createPairCode(repo, 'demo', new Date()));
    const id = deviceId();
    const paired = await api(hub.url, 'POST', '/api/v1/pair', { body: { code, deviceId: id, badgeKey: await badgeKey() } });
    const token = pairReplySchema.parse(paired.body).token;
    const visit = makeVisit(id, 1, { visitorType: 'media', purpose: 'media-interview', host: { kind: 'free-text', label: '23F' } });
    const before = relay.mails.length;
    await api(hub.url, 'POST', '/api/v1/sync/push', { token, body: { deviceId: id, changes: [{ seq: 1, type: 'visit', visit }] } });
    const alert = (await store.read((repo) => repo.alertsForVisit('demo', visit.id)))[0];
    assert.ok(alert);
    const expected = recipients.filter((r) => alert.notify.includes(r.role));
    assert.ok(expected.length > 0, `class C notifies ${alert.notify.join(', ')}`);
    await until('mail for every notified role', () => relay.mails.length >= before + expected.length);
    const mails = relay.mails.slice(before);
    assert.deepEqual(mails.map((m) => m.to[0]).sort(), expected.map((r) => r.address).sort());
    for (const r of expected) {
      const mail = mails.find((m) => m.to[0] === r.address);
      assert.ok(mail);
      const { subject, text, headers } = readMail(mail.raw);
      const m = NOTIFY_CATALOGUES[r.locale as keyof typeof NOTIFY_CATALOGUES];
      assert.match(headers, /^Content-Type: text\/plain/im);
      assert.ok(subject.includes(m.classLabel.C), `${r.locale} subject: ${subject}`);
      assert.ok(text.includes(m.raised(m.classLabel.C)), `${r.locale} text: ${text}`);
      assert.ok(text.includes('23F'), 'the unit visited');
      for (const personal of [visit.visitor.fullName, visit.visitor.phone ?? '\u0000']) assert.equal(mail.raw.includes(personal) || text.includes(personal), false);
    }
  });

  it('retries when the SMTP relay refuses, logging each refusal, then delivers', async () => {
    relay.refusals = 2;
    const before = relay.mails.length;
    const raised = await api(hub.url, 'POST', '/api/v1/alerts', { token: admin, body: { incidentClass: 'C' } });
    const alert = (raised.body as { alert: Alert }).alert;
    const expected = (await store.read((repo) => repo.notify.recipients('demo', alert.notify))).length;
    assert.ok(expected > 0);
    await until('the refused mail delivered', () => relay.mails.length >= before + expected, 15_000);
    const emailsOf = async () => (await store.read((repo) => repo.notify.deliveries('demo', 100))).filter((d) => d.channel === 'email' && d.createdAt === alert.createdAt);
    // The relay has the mail a moment before the hub records its reply.
    await until('every e-mail recorded delivered', async () => (await emailsOf()).every((d) => d.status === 'delivered'));
    const emails = await emailsOf();
    assert.equal(emails.length, expected);
    const retried = emails.filter((d) => d.attempts > 1);
    assert.ok(retried.length >= 1, 'a refused mail was retried');
    for (const d of emails) {
      assert.equal(d.status, 'delivered');
      const log = await store.read((repo) => repo.notify.attempts(d.id));
      assert.equal(log.length, d.attempts);
      assert.equal(log.at(-1)?.outcome, 'delivered');
      for (const a of log.slice(0, -1)) {
        assert.equal(a.outcome, 'retry');
        assert.equal(a.status, 451);
      }
    }
    assert.equal(relay.refused.length, 2);
  });
});

// ----- two claimers on one PostgreSQL (DATABASE_URL set: CI and `.ci/run`) -----

describe('delivery claims on PostgreSQL', { skip: process.env['DATABASE_URL'] ? false : 'DATABASE_URL not set' }, () => {
  it('two processes claiming at once never take the same delivery, and a lost lease cannot finish one', async () => {
    const pg = (await import('pg')).default;
    const url = new URL(process.env['DATABASE_URL'] ?? '');
    const adminClient = new pg.Client({ connectionString: url.href });
    await adminClient.connect();
    const name = `vk_webhooks_${process.pid}`;
    await adminClient.query(`create database ${name}`);
    const dbUrl = new URL(url.href);
    dbUrl.pathname = `/${name}`;
    // Two stores: two connection pools, as two hub processes would have.
    const [one, two] = [await openStore({ dataDir: '', databaseUrl: dbUrl.href }), await openStore({ dataDir: '', databaseUrl: dbUrl.href })];
    try {
      const at = new Date().toISOString();
      const ids = Array.from({ length: 30 }, (_v, i) => `d${String(i).padStart(2, '0')}`);
      await one.write((r) => r.notify.enqueue(ids.map((id) => ({ id, siteId: 'demo', channel: 'webhook' as const, webhookId: 'w', event: 'alert', body: '{}', nextAttemptAt: at, createdAt: at }))));
      const due = new Date(Date.now() + 1000).toISOString();
      const lease = new Date(Date.now() + 60_000).toISOString();
      const rounds = await Promise.all([...Array(6).keys()].map((i) => (i % 2 ? one : two).write((r) => r.notify.claim(due, lease, `L${i}`, 7))));
      const taken = rounds.flat().map((d) => d.id);
      assert.equal(new Set(taken).size, taken.length, 'no delivery claimed twice');
      assert.ok(rounds.every((r) => r.length <= 7));
      const first = rounds.findIndex((r) => r.length > 0);
      const mine = rounds[first]?.[0];
      assert.ok(mine);
      const finish = (lease: string) =>
        two.write((r) => r.notify.finishAttempt(mine.id, lease, { status: 'delivered', nextAttemptAt: at, deliveredAt: at }, { deliveryId: mine.id, siteId: 'demo', attempt: 1, at, durationMs: 1, outcome: 'delivered' }));
      assert.equal(await finish('someone-else'), false);
      assert.equal(await finish(`L${first}`), true);
      assert.equal(await finish(`L${first}`), false, 'finished once');
    } finally {
      await one.close();
      await two.close();
      await adminClient.query(`drop database ${name}`);
      await adminClient.end();
    }
  });
});
