// The host's answer (issue 6, item 1): the one-time signed link — valid, used twice, expired, tampered (many
// mutations, none accepted) — and, through a running hub on real SQLite with a webhook receiver and an SMTP
// relay on loopback — on SQLite, and on PostgreSQL when DATABASE_URL names one: a kiosk's registration for a unit in the host directory sends the link, the host's tap is
// recorded once, the desk's event is emitted, the kiosk learns the answer; incident arrivals send nothing.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { SMTPServer } from 'smtp-server';
import type { SiteConfig } from '../../src/domain/site.js';
import { HOST_ANSWER_CATALOGUES } from '../../src/i18n/host-answer.js';
import { hostLinkSite, newHostLinkSecret, signHostLink, verifyHostLink, type HostLinkClaims } from '../../src/invite/host-link.js';
import { verifyWebhook } from '../../src/invite/webhook.js';
import { hostAnswerReplySchema, hostAnswerWebhookSchema, hostLinkViewSchema, kioskHostAnswerReplySchema } from '../../src/schemas/host-answer.js';
import { deskStateReplySchema, pairReplySchema, signInReplySchema } from '../../src/schemas/sync.js';
import { openStore, type HubStore } from '../../hub/db/index.js';
import { answerHostLink, viewHostLink } from '../../hub/notify/host-answers.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { HOST_LINK_LIMIT } from '../../hub/api/host-answers.js';
import { bootstrapIfEmpty, createPairCode } from '../../hub/sites.js';
import { api, badgeKey, deviceId, makeVisit } from './hub/fixtures.js';
import { postgresUrl, scratchDatabase } from './hub/postgres.js';

const ADMIN_PIN = '2468';
const DELIVERY = { timeoutMs: 400, backoffBaseMs: 40, backoffCapMs: 150, tickMs: 40, maxAttempts: 8 };
const NOW = new Date('2026-11-23T02:00:00.000Z');
const CLAIMS: HostLinkClaims = { s: 'demo', r: '0193a000-0000-7000-8000-000000000001', v: '0193a000-0000-7000-8000-0000000000aa', x: Math.floor(NOW.getTime() / 1000) + 3600 };

describe('host answer links: signing and verification', () => {
  const secret = newHostLinkSecret();

  it('a link verifies with its site secret until it expires, and names its site unverified', async () => {
    const token = await signHostLink(secret, CLAIMS);
    assert.deepEqual(await verifyHostLink(secret, token, NOW), { ok: true, claims: CLAIMS });
    assert.equal(hostLinkSite(token), 'demo');
    const late = await verifyHostLink(secret, token, new Date((CLAIMS.x + 1) * 1000));
    assert.deepEqual(late, { ok: false, reason: 'expired', claims: CLAIMS });
    assert.deepEqual(await verifyHostLink(newHostLinkSecret(), token, NOW), { ok: false, reason: 'invalid' }, 'another site’s secret');
  });

  it('no mutation of a link is accepted: characters changed, cut, added, parts swapped, claims re-encoded', async () => {
    const token = await signHostLink(secret, CLAIMS);
    const other = await signHostLink(secret, { ...CLAIMS, v: '0193a000-0000-7000-8000-0000000000bb' });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant('replace' as const), at: fc.nat(token.length - 1), ch: fc.constantFrom(...alphabet) }),
          fc.record({ kind: fc.constant('cut' as const), at: fc.nat(token.length - 1), ch: fc.constant('') }),
          fc.record({ kind: fc.constant('insert' as const), at: fc.nat(token.length), ch: fc.constantFrom(...alphabet) }),
        ),
        async (m) => {
          const mutated = m.kind === 'replace' ? token.slice(0, m.at) + m.ch + token.slice(m.at + 1) : m.kind === 'cut' ? token.slice(0, m.at) : token.slice(0, m.at) + m.ch + token.slice(m.at);
          if (mutated === token) return;
          checked++;
          const result = await verifyHostLink(secret, mutated, NOW);
          assert.equal(result.ok, false, mutated);
          // A forgery is never taken for a mere expiry.
          assert.equal(result.ok === false && result.reason, 'invalid', mutated);
        },
      ),
      { numRuns: 3000 },
    );
    assert.ok(checked > 2500);
    // The claims of one link with the MAC of another; claims edited and re-encoded; a longer expiry.
    const [, claimsA, macA] = token.split('.');
    const [, claimsB, macB] = other.split('.');
    for (const forged of [`h1.${claimsA}.${macB}`, `h1.${claimsB}.${macA}`, `h2.${claimsA}.${macA}`, `h1.${Buffer.from(JSON.stringify({ ...CLAIMS, x: CLAIMS.x + 86_400 })).toString('base64url')}.${macA}`, '', 'h1..', `${token}.`, 42, null]) {
      assert.deepEqual(await verifyHostLink(secret, forged, NOW), { ok: false, reason: 'invalid' }, String(forged));
    }
  });

  it('the page, mail and kiosk words are complete in three locales, each Chinese one in its own script', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
    const simplifiedOnly = (c: string) => toSimplified(c) === c && toTraditional(c) !== c;
    const traditionalOnly = (c: string) => toTraditional(c) === c && toSimplified(c) !== c;
    const strings = (value: unknown, path = ''): [string, string][] => {
      if (typeof value === 'string') return [[path, value]];
      if (typeof value === 'function') return strings((value as (...a: unknown[]) => unknown)('X', '2', 'Y'), path);
      if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
      return [];
    };
    const keys = (tag: keyof typeof HOST_ANSWER_CATALOGUES) => strings(HOST_ANSWER_CATALOGUES[tag]).map(([k]) => k).sort();
    assert.deepEqual(keys('zh-Hant'), keys('en'));
    assert.deepEqual(keys('zh-Hans'), keys('en'));
    const han = (text: string) => [...text].filter((c) => /\p{Script=Han}/u.test(c));
    for (const [key, text] of strings(HOST_ANSWER_CATALOGUES['zh-Hant'])) assert.deepEqual(han(text).filter(simplifiedOnly), [], `zh-Hant ${key}: ${text}`);
    for (const [key, text] of strings(HOST_ANSWER_CATALOGUES['zh-Hans'])) assert.deepEqual(han(text).filter(traditionalOnly), [], `zh-Hans ${key}: ${text}`);
    for (const [key, text] of strings(HOST_ANSWER_CATALOGUES.en)) assert.equal(/\p{Script=Han}/u.test(text), false, key);
    // The visitor never reads "not expected".
    for (const tag of ['en', 'zh-Hant', 'zh-Hans'] as const) assert.notEqual(HOST_ANSWER_CATALOGUES[tag].kiosk.answers['not-expected'], HOST_ANSWER_CATALOGUES[tag].page.answers['not-expected']);
    assert.doesNotMatch(HOST_ANSWER_CATALOGUES.en.kiosk.answers['not-expected'], /expect/i);
  });
});

// ----- through a running hub -----

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Quoted-printable soft breaks and escapes undone (nodemailer wraps long lines such as the link). */
const unQuote = (raw: string): string => Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

interface Backend {
  name: string;
  open(dir: string): Promise<HubStore>;
  cleanup(): Promise<void>;
}

function hostAnswerSuite(backend: Backend): void {
  describe(`the host’s answer through a running hub (${backend.name})`, () => {
    let dir = '';
    let store: HubStore;
    let hub: RunningHub;
    let admin = '';
    let kiosk = '';
    let kioskId = '';
    let secret = '';
    let seq = 0;
    let server: Server;
    let hookUrl = '';
    const received: Received[] = [];
    const mails: { to: string[]; raw: string }[] = [];
    let relay: SMTPServer;
    let relayPort = 0;

    const push = async (overrides: Parameters<typeof makeVisit>[2]) => {
      const visit = makeVisit(kioskId, ++seq, overrides);
      const reply = await api(hub.url, 'POST', '/api/v1/sync/push', { token: kiosk, body: { deviceId: kioskId, changes: [{ seq, type: 'visit', visit }] } });
      assert.equal(reply.status, 200, reply.text);
      return visit;
    };
    const kioskAsks = async (visitId: string, token = kiosk) => {
      const reply = await api(hub.url, 'GET', `/api/v1/host-answers/${visitId}`, { token });
      assert.equal(reply.status, 200, reply.text);
      return kioskHostAnswerReplySchema.parse(reply.body);
    };
    const linkOf = (text: string): string => {
      const token = /\/answer#(h1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43})/.exec(text)?.[1];
      assert.ok(token, 'a link in the text');
      return token;
    };

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'vk-hub-host-answers-'));
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      relay = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onData: (stream, session, callback) => {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('latin1') });
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
      relayPort = (relay.server.address() as AddressInfo).port;

      store = await backend.open(dir);
      await bootstrapIfEmpty(store, { adminPin: ADMIN_PIN, now: new Date() });
      hub = await startHub({ dataDir: dir, port: 0, host: '127.0.0.1', store, escalationTickMs: 3_600_000, pollMs: 100, delivery: { ...DELIVERY, smtp: { host: '127.0.0.1', port: relayPort, secure: false, from: 'kiosk-hub@lobby.example' } } });
      admin = signInReplySchema.parse((await api(hub.url, 'POST', '/api/v1/sessions', { body: { pin: ADMIN_PIN } })).body).token;
      const code = await store.write((repo) => createPairCode(repo, 'demo', new Date()));
      kioskId = deviceId();
      kiosk = pairReplySchema.parse((await api(hub.url, 'POST', '/api/v1/pair', { body: { code, deviceId: kioskId, badgeKey: await badgeKey() } })).body).token;
    });

    after(async () => {
      await hub?.close();
      await store?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => relay.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
      await backend.cleanup();
    });

    it('the site manager adds a host directory; kiosks never see it', async () => {
      const config = (await api(hub.url, 'GET', '/api/v1/site/config', { token: admin })).body as SiteConfig;
      const hosts: SiteConfig['hosts'] = { contacts: [{ kind: 'unit', id: 'unit-12b', email: 'flat-12b@residents.example', locale: 'zh-Hant' }, { kind: 'unit', id: 'unit-15c' }] };
      const refused = await api(hub.url, 'PUT', '/api/v1/site/config', { token: admin, body: { ...config, hosts: { contacts: [{ kind: 'unit', id: 'unit-12b', email: 'not an address' }] } } });
      assert.equal(refused.status, 400, refused.text);
      const put = await api(hub.url, 'PUT', '/api/v1/site/config', { token: admin, body: { ...config, hosts } });
      assert.equal(put.status, 200, put.text);
      const added = await api(hub.url, 'POST', '/api/v1/webhooks', { token: admin, body: { url: hookUrl, events: ['host.answer-requested'] } });
      assert.equal(added.status, 201, added.text);
      secret = (added.body as { secret: string }).secret;
      const publicConfig = await api(hub.url, 'GET', '/site.json');
      assert.equal(publicConfig.text.includes('residents.example'), false);
      assert.equal('hosts' in (publicConfig.body as object), false);
      const pulled = await api(hub.url, 'GET', '/api/v1/sync/pull', { token: kiosk });
      assert.equal(pulled.text.includes('residents.example'), false);
    });

    let token = '';
    let visitId = '';

    it('a registration for a unit in the directory sends a signed webhook and an e-mail with the link, no name in either', async () => {
      const visit = await push({ host: { kind: 'unit', id: 'unit-12b', label: '12B' }, visitor: { fullName: 'Lee Siu Ming', phone: '+85291234567', organisation: '', partySize: 2 } });
      visitId = visit.id;
      await until('the webhook', () => received.length === 1);
      const got = received[0]!;
      assert.deepEqual(await verifyWebhook(secret, got.headers['x-vk-timestamp'] as string, got.body, got.headers['x-vk-signature'] as string), { ok: true });
      const payload = hostAnswerWebhookSchema.parse(JSON.parse(got.body));
      assert.equal(payload.hostAnswer.visitId, visit.id);
      assert.deepEqual(payload.hostAnswer.host, { kind: 'unit', id: 'unit-12b' });
      assert.equal(payload.hostAnswer.locale, 'zh-Hant');
      token = linkOf(payload.hostAnswer.link);
      assert.ok(payload.hostAnswer.link.startsWith(`${hub.url.replace('127.0.0.1', '127.0.0.1')}/answer#`), payload.hostAnswer.link);
      await until('the e-mail', () => mails.length === 1);
      const mail = unQuote(mails[0]!.raw);
      assert.deepEqual(mails[0]!.to, ['flat-12b@residents.example']);
      assert.equal(linkOf(mail), token, 'the same link by mail');
      assert.match(mail, /12B/);
      for (const personal of ['Lee Siu Ming', '+85291234567']) {
        assert.equal(got.body.includes(personal), false);
        assert.equal(mail.includes(personal), false);
      }
      assert.deepEqual(await kioskAsks(visit.id), { status: 'waiting' });
    });

    it('the page sees the visitor while the link is open; a kiosk learns nothing about another kiosk’s visit', async () => {
      const view = await api(hub.url, 'POST', '/api/v1/host-answer/view', { body: { token } });
      assert.equal(view.status, 200, view.text);
      const open = hostLinkViewSchema.parse(view.body);
      assert.equal(open.state, 'open');
      assert.equal(open.state === 'open' && open.visitorName, 'Lee Siu Ming');
      assert.equal(open.state === 'open' && open.unit, '12B');
      assert.equal(open.locale, 'zh-Hant');
      const code = await store.write((repo) => createPairCode(repo, 'demo', new Date()));
      const otherId = deviceId();
      const other = pairReplySchema.parse((await api(hub.url, 'POST', '/api/v1/pair', { body: { code, deviceId: otherId, badgeKey: await badgeKey() } })).body).token;
      assert.deepEqual(await kioskAsks(visitId, other), { status: 'unknown' });
      const desk = await api(hub.url, 'GET', `/api/v1/host-answers/${visitId}`, { token: admin });
      assert.equal(desk.status, 403);
    });

    it('the first answer is recorded and emitted once; a second tap gets the first answer back', async () => {
      const before = await store.read((repo) => repo.lastEventId());
      const first = await api(hub.url, 'POST', '/api/v1/host-answer', { body: { token, answer: 'coming-down' } });
      assert.equal(first.status, 200, first.text);
      assert.deepEqual({ ...hostAnswerReplySchema.parse(first.body), answeredAt: '' }, { recorded: true, answer: 'coming-down', answeredAt: '' });
      const again = hostAnswerReplySchema.parse((await api(hub.url, 'POST', '/api/v1/host-answer', { body: { token, answer: 'not-expected' } })).body);
      assert.equal(again.recorded, false);
      assert.equal(again.answer, 'coming-down');
      const events = await store.read((repo) => repo.eventsAfter(before, 100, 'demo', ['host-answer']));
      assert.equal(events.length, 1);
      assert.deepEqual(JSON.parse(events[0]!.data), { type: 'host-answer', visitId, answer: 'coming-down', at: again.answeredAt });
      assert.deepEqual(await kioskAsks(visitId), { status: 'answered', answer: 'coming-down' });
      const view = hostLinkViewSchema.parse((await api(hub.url, 'POST', '/api/v1/host-answer/view', { body: { token } })).body);
      assert.equal(view.state, 'answered');
      assert.equal(JSON.stringify(view).includes('Lee Siu Ming'), false, 'an answered link shows no name');
      const state = deskStateReplySchema.parse((await api(hub.url, 'GET', '/api/v1/desk/state', { token: admin })).body);
      assert.deepEqual(state.hostAnswers, [{ type: 'host-answer', visitId, answer: 'coming-down', at: again.answeredAt }]);
    });

    it('“Not expected” raises one host-declined alert on the desks for staff to acknowledge; other answers raise none', async () => {
      const deskAlerts = async () => deskStateReplySchema.parse((await api(hub.url, 'GET', '/api/v1/desk/state', { token: admin })).body).alerts.filter((a) => a.kind === 'host-declined');
      assert.deepEqual(await deskAlerts(), [], '“Coming down” raised nothing');
      const start = received.length;
      const visit = await push({ host: { kind: 'unit', id: 'unit-12b', label: '12B' } });
      await until('the webhook', () => received.length === start + 1);
      const link = linkOf(hostAnswerWebhookSchema.parse(JSON.parse(received[start]!.body)).hostAnswer.link);
      const answered = await api(hub.url, 'POST', '/api/v1/host-answer', { body: { token: link, answer: 'not-expected' } });
      assert.equal(answered.status, 200, answered.text);
      await api(hub.url, 'POST', '/api/v1/host-answer', { body: { token: link, answer: 'not-expected' } });
      const alerts = await deskAlerts();
      assert.equal(alerts.length, 1, 'one alert however often the host taps');
      assert.equal(alerts[0]!.visitId, visit.id);
      assert.equal(alerts[0]!.status, 'open');
      assert.equal(alerts[0]!.incidentClass, undefined, 'not an incident');
      const ack = await api(hub.url, 'POST', `/api/v1/alerts/${alerts[0]!.id}/ack`, { token: admin });
      assert.equal(ack.status, 200, ack.text);
      assert.equal((await deskAlerts())[0]?.status, 'acknowledged');
    });

    it('expired and tampered links are refused with their codes; an answered one still shows its answer when expired', async () => {
      const sent = received.length;
      const visit = await push({ host: { kind: 'unit', id: 'unit-15c', label: '15C' } });
      await until('the next webhook', () => received.length === sent + 1);
      const fresh = linkOf(hostAnswerWebhookSchema.parse(JSON.parse(received[sent]!.body)).hostAnswer.link);
      const later = new Date(Date.now() + 4 * 3_600_000);
      await assert.rejects(viewHostLink(store, fresh, later), (e: { code?: string; status?: number }) => e.code === 'host-link-expired' && e.status === 410);
      await assert.rejects(answerHostLink(store, fresh, 'let-up', later), (e: { code?: string }) => e.code === 'host-link-expired');
      const expiredAnswered = await answerHostLink(store, token, 'let-up', later);
      assert.equal(expiredAnswered.recorded, false);
      assert.equal(expiredAnswered.answer, 'coming-down');
      const tampered = fresh.slice(0, -2) + (fresh.endsWith('AA') ? 'BA' : 'AA');
      const refused = await api(hub.url, 'POST', '/api/v1/host-answer', { body: { token: tampered, answer: 'let-up' } });
      assert.equal(refused.status, 400);
      assert.equal((refused.body as { error: { code: string } }).error.code, 'host-link-invalid');
      const bad = await api(hub.url, 'POST', '/api/v1/host-answer', { body: { token: fresh, answer: 'maybe' } });
      assert.equal(bad.status, 400);
      // A flood of link requests from one address is cut off (429) long before it costs the database much.
      let limited = 0;
      for (let i = 0; i < HOST_LINK_LIMIT.burst + 5; i++) if ((await api(hub.url, 'POST', '/api/v1/host-answer/view', { body: { token: tampered } })).status === 429) limited++;
      assert.ok(limited >= 5, `429s: ${limited}`);
      assert.deepEqual(await kioskAsks(visit.id), { status: 'waiting' });
    });

    it('no link for an incident visitor (class C), a unit without a contact, a message left, or a desk entry', async () => {
      const start = received.length;
      const mailed = mails.length;
      const media = await push({ visitorType: 'media', purpose: 'media-interview', host: { kind: 'unit', id: 'unit-12b', label: '12B' } });
      const noContact = await push({ host: { kind: 'unit', id: 'unit-23f', label: '23F' } });
      const messageLeft = await push({ status: 'host-absent', history: [{ status: 'registered', at: new Date().toISOString() }, { status: 'host-absent', at: new Date().toISOString() }], host: { kind: 'unit', id: 'unit-12b', label: '12B' } });
      const freeText = await push({ host: { kind: 'free-text', label: '12B' } });
      for (const v of [media, noContact, messageLeft, freeText]) assert.deepEqual(await kioskAsks(v.id), { status: 'none' }, v.visitorType);
      assert.deepEqual(await kioskAsks(makeVisit(kioskId, 999).id), { status: 'unknown' });
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(received.length, start);
      assert.equal(mails.length, mailed);
    });
  });
}

hostAnswerSuite({ name: 'SQLite', open: (dir) => openStore({ dataDir: dir }), cleanup: () => Promise.resolve() });

const pgUrl = postgresUrl('the host’s answer');
if (pgUrl) {
  const db = scratchDatabase(pgUrl, 'vk_host_answers');
  hostAnswerSuite({
    name: 'PostgreSQL',
    async open() {
      await db.create();
      return openStore({ dataDir: '', databaseUrl: db.url });
    },
    cleanup: () => db.drop(),
  });
}
