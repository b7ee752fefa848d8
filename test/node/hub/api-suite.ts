// The hub's API suite, run against SQLite (hub-api-sqlite.node-test.ts) and PostgreSQL
// (hub-api-postgres.node-test.ts): the real server on an ephemeral loopback port, a real database, fetch.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Alert } from '../../../src/domain/desk.js';
import type { Visit } from '../../../src/domain/visit.js';
import { DEMO_SITE, DEMO_SITE_CN } from '../../../src/domain/demo-site.js';
import type { SiteConfig } from '../../../src/domain/site.js';
import { generateSealingKey, seal } from '../../../src/invite/seal.js';
import {
  ackReplySchema,
  alertReplySchema,
  apiErrorSchema,
  deskStateReplySchema,
  devicesReplySchema,
  issueInvitationReplySchema,
  MAX_BODY_BYTES,
  pairReplySchema,
  pullReplySchema,
  pushReplySchema,
  signInReplySchema,
  visitReportSchema,
  accessReplySchema,
  erasureReplySchema,
} from '../../../src/schemas/sync.js';
import { AdjustableClock } from '../../../hub/clock.js';
import type { HubStore } from '../../../hub/db/index.js';
import { startHub, type RunningHub } from '../../../hub/server.js';
import { bootstrapIfEmpty, createPairCode, createSite } from '../../../hub/sites.js';
import { hashPin } from '../../../src/auth/pin.js';
import { purge } from '../../../hub/retention.js';
import { parseRulesConfig } from '../../../src/schemas/rules.js';
import { advance, api, badgeKey, deviceId, makeVisit, SseReader } from './fixtures.js';
import { reportTests } from './reports-tests.js';
import { lobbyTests } from './lobby-tests.js';
import { siteHealthReplySchema } from '../../../src/schemas/sync.js';
import { auditPageSchema } from '../../../src/schemas/audit.js';
import { watchEntryReplySchema, watchListReplySchema } from '../../../src/schemas/site-admin.js';
import { ledgerTests } from './ledger-tests.js';

export interface Backend {
  name: string;
  /** Opens a fresh, empty, migrated store. */
  open(): Promise<HubStore>;
  /** Drops what `open` made. */
  cleanup(): Promise<void>;
}

const ADMIN_PIN = '2468';
const SECOND_PIN = '1357';

export function hubApiSuite(backend: Backend): void {
  describe(`hub API on ${backend.name}`, () => {
    let store: HubStore;
    let hub: RunningHub;
    let base = '';
    const clock = new AdjustableClock();
    let admin = '';
    let second = '';
    const readers: SseReader[] = [];

    const pairCode = () => store.write((repo) => createPairCode(repo, 'demo', clock.now()));
    const pair = async (site = 'demo') => {
      const code = await store.write((repo) => createPairCode(repo, site, clock.now()));
      const id = deviceId();
      const reply = await api(base, 'POST', '/api/v1/pair', { body: { code, deviceId: id, badgeKey: await badgeKey() } });
      assert.equal(reply.status, 200, reply.text);
      return { id, token: pairReplySchema.parse(reply.body).token };
    };
    const push = (token: string, device: string, changes: { seq: number; visit: Visit }[]) =>
      api(base, 'POST', '/api/v1/sync/push', { token, body: { deviceId: device, changes: changes.map((c) => ({ seq: c.seq, type: 'visit', visit: c.visit })) } });
    const signIn = async (pin: string) => {
      const reply = await api(base, 'POST', '/api/v1/sessions', { body: { pin } });
      assert.equal(reply.status, 200, reply.text);
      return signInReplySchema.parse(reply.body).token;
    };
    const counts = () =>
      store.read(async (repo) => ({ visits: await repo.visitCount('demo'), changes: await repo.changeCount('demo'), events: await repo.lastEventId(), quarantine: await repo.quarantineCount('demo') }));
    const storedVisit = (id: string) => store.read((repo) => repo.visit('demo', id));
    const deskState = async (token: string) => deskStateReplySchema.parse((await api(base, 'GET', '/api/v1/desk/state', { token })).body);
    const reader = (token: string, lastEventId?: string) => {
      const r = new SseReader(base, token, lastEventId);
      readers.push(r);
      return r;
    };

    before(async () => {
      store = await backend.open();
      const boot = await bootstrapIfEmpty(store, { adminPin: ADMIN_PIN, now: clock.now() });
      assert.equal(boot?.siteId, 'demo');
      assert.equal(await bootstrapIfEmpty(store, { now: clock.now() }), undefined, 'a second bootstrap changes nothing');
      await store.write(async (repo) => {
        await repo.insertStaff({ id: 'guard-1', siteId: 'demo', name: 'Guard', role: 'guard', ...(await hashPin(SECOND_PIN)) }, clock.now().toISOString());
        await createSite(repo, { ...DEMO_SITE, id: 'other' }, clock.now());
      });
      // The escalation loop is driven by the test (hub.escalate()) with the adjustable clock.
      hub = await startHub({ dataDir: '', port: 0, host: '127.0.0.1', store, clock: clock.now, escalationTickMs: 3_600_000, pollMs: 100 });
      base = hub.url;
      admin = await signIn(ADMIN_PIN);
      second = await signIn(SECOND_PIN);
    });

    after(async () => {
      for (const r of readers) r.close();
      await hub?.close();
      await store?.close();
      await backend.cleanup();
    });

    it('pairs a kiosk once: the code is single-use, unknown codes are refused, and the token pulls the site', async () => {
      const code = await pairCode();
      const body = { code, deviceId: deviceId(), badgeKey: await badgeKey() };
      const first = await api(base, 'POST', '/api/v1/pair', { body });
      assert.equal(first.status, 200, first.text);
      const { token, siteId } = pairReplySchema.parse(first.body);
      assert.equal(siteId, 'demo');
      const again = await api(base, 'POST', '/api/v1/pair', { body: { ...body, deviceId: deviceId() } });
      assert.equal(again.status, 410);
      assert.equal(apiErrorSchema.parse(again.body).error.code, 'pair-code-used');
      const unknown = await api(base, 'POST', '/api/v1/pair', { body: { ...body, code: 'A'.repeat(22) } });
      assert.equal(unknown.status, 404);
      assert.equal(apiErrorSchema.parse(unknown.body).error.code, 'pair-code-invalid');
      const pulled = pullReplySchema.parse((await api(base, 'GET', '/api/v1/sync/pull', { token })).body);
      assert.equal((pulled.site as { id: string }).id, 'demo');
      assert.ok((pulled.site as { keySet: { keys: unknown[] } }).keySet.keys.length > 0);
      assert.equal(pulled.deviceRevoked, false);
      // Nothing new since the cursor: no site, no revocations.
      const next = pullReplySchema.parse((await api(base, 'GET', `/api/v1/sync/pull?since=${pulled.cursor}`, { token })).body);
      assert.equal(next.site, undefined);
      assert.deepEqual(next.revokedJtis, []);
    });

    it('applies a push once: a replayed batch is acknowledged again and changes nothing', async () => {
      const kiosk = await pair();
      const visits = [1, 2, 3].map((seq) => makeVisit(kiosk.id, seq));
      const changes = visits.map((visit, i) => ({ seq: i + 1, visit }));
      const before = await counts();
      const first = await push(kiosk.token, kiosk.id, changes);
      assert.equal(first.status, 200, first.text);
      assert.deepEqual(pushReplySchema.parse(first.body), { acked: [1, 2, 3] });
      const once = await counts();
      assert.equal(once.visits, before.visits + 3);
      assert.equal(once.changes, before.changes + 3);
      const replay = await push(kiosk.token, kiosk.id, changes);
      assert.deepEqual(pushReplySchema.parse(replay.body), { acked: [1, 2, 3] });
      const twice = await counts();
      assert.deepEqual({ ...twice }, { ...once }, 'a replay writes no visit, change or event');
      // A replayed seq with different content is still the change already held: it does not overwrite.
      const tampered = await push(kiosk.token, kiosk.id, [{ seq: 1, visit: advance(visits[0]!, 'checked-in') }]);
      assert.deepEqual(pushReplySchema.parse(tampered.body), { acked: [1] });
      assert.equal((await storedVisit(visits[0]!.id))?.status, 'registered');
    });

    it('merges by the rule: the longer history wins, then the later updatedAt; stale versions never overwrite', async () => {
      const kiosk = await pair();
      const desk = deviceId();
      const registered = makeVisit(kiosk.id, 1);
      assert.equal((await push(kiosk.token, kiosk.id, [{ seq: 1, visit: registered }])).status, 200);
      const checkedIn = advance(registered, 'checked-in');
      assert.equal((await push(admin, desk, [{ seq: 1, visit: checkedIn }])).status, 200, 'a desk pushes under its staff session');
      assert.equal((await storedVisit(registered.id))?.status, 'checked-in');
      // The kiosk's older version arrives late (a retry after a lost acknowledgement): ignored.
      await push(kiosk.token, kiosk.id, [{ seq: 2, visit: { ...registered, updatedAt: new Date(Date.now() + 60_000).toISOString() } }]);
      assert.equal((await storedVisit(registered.id))?.status, 'checked-in');
      // Same history length: the later updatedAt wins, an earlier one loses.
      const badged = { ...checkedIn, badgeNumber: 'V-0042', updatedAt: new Date(Date.parse(checkedIn.updatedAt) + 5000).toISOString() };
      await push(admin, desk, [{ seq: 2, visit: badged }]);
      assert.equal((await storedVisit(registered.id))?.badgeNumber, 'V-0042');
      const older = { ...checkedIn, badgeNumber: 'V-0001', updatedAt: new Date(Date.parse(checkedIn.updatedAt) + 1000).toISOString() };
      await push(admin, desk, [{ seq: 3, visit: older }]);
      assert.equal((await storedVisit(registered.id))?.badgeNumber, 'V-0042');
      const out = advance(badged, 'checked-out');
      await push(admin, desk, [{ seq: 4, visit: out }]);
      assert.equal((await storedVisit(registered.id))?.status, 'checked-out');
    });

    it('merges several versions of one visit inside one batch in seq order: the newest stands, one row, classified once', async () => {
      const kiosk = await pair();
      const desk = reader(admin);
      await desk.opened;
      const media = makeVisit(kiosk.id, 1, { visitorType: 'media', purpose: 'media-interview' });
      const out = advance(advance(media, 'checked-in'), 'checked-out');
      const other = makeVisit(kiosk.id, 3);
      // Registered, then checked out, then (a stale retry) the registration again — and another visit, all at once.
      const before = await counts();
      const reply = await push(kiosk.token, kiosk.id, [
        { seq: 1, visit: media },
        { seq: 2, visit: { ...out, seq: 2 } },
        { seq: 3, visit: other },
        { seq: 4, visit: { ...media, seq: 4 } },
      ]);
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(pushReplySchema.parse(reply.body).acked, [1, 2, 3, 4]);
      assert.equal((await storedVisit(media.id))?.status, 'checked-out');
      const after = await counts();
      assert.equal(after.visits - before.visits, 2);
      // The visit finished inside the batch: nothing to raise for a visitor who already left.
      const alerts = await store.read((repo) => repo.alertsForVisit('demo', media.id));
      assert.deepEqual(alerts, []);
    });

    it('detects a gap in a device’s sequence, still applies the batch, and fills the hole when the change arrives', async () => {
      const kiosk = await pair();
      await push(kiosk.token, kiosk.id, [1, 2].map((seq) => ({ seq, visit: makeVisit(kiosk.id, seq) })));
      const jump = await push(kiosk.token, kiosk.id, [5, 6].map((seq) => ({ seq, visit: makeVisit(kiosk.id, seq) })));
      assert.equal(jump.status, 200, jump.text);
      assert.deepEqual(pushReplySchema.parse(jump.body), { acked: [5, 6], gap: { expected: 3, got: 5 } });
      const device = async () => devicesReplySchema.parse((await api(base, 'GET', '/api/v1/devices', { token: admin })).body).devices.find((d) => d.deviceId === kiosk.id);
      assert.deepEqual((await device())?.gaps, [[3, 4]]);
      assert.equal((await device())?.lastSeq, 6);
      await push(kiosk.token, kiosk.id, [{ seq: 3, visit: makeVisit(kiosk.id, 3) }]);
      assert.deepEqual((await device())?.gaps, [[4, 4]]);
      // A guard may not list devices (site manager only).
      assert.equal((await api(base, 'GET', '/api/v1/devices', { token: second })).status, 403);
    });

    it('refuses bad input with a status and a code, and writes nothing', async () => {
      const kiosk = await pair();
      const other = await pair('other');
      const visit = makeVisit(kiosk.id, 1);
      const good = { deviceId: kiosk.id, changes: [{ seq: 1, type: 'visit', visit }] };
      const before = await counts();
      const cases: { name: string; reply: () => ReturnType<typeof api>; status: number; code: string; path?: string }[] = [
        { name: 'malformed JSON', reply: () => api(base, 'POST', '/api/v1/sync/push', { token: kiosk.token, raw: '{"deviceId": ' }), status: 400, code: 'bad-json' },
        { name: 'unknown top-level field', reply: () => api(base, 'POST', '/api/v1/sync/push', { token: kiosk.token, body: { ...good, extra: 1 } }), status: 400, code: 'bad-request', path: 'extra' },
        {
          name: 'unknown field in a visit',
          reply: () => api(base, 'POST', '/api/v1/sync/push', { token: kiosk.token, body: { ...good, changes: [{ seq: 1, type: 'visit', visit: { ...visit, colour: 'red' } }] } }),
          status: 400,
          code: 'bad-request',
          path: 'changes.0.visit.colour',
        },
        {
          name: 'wrong type',
          reply: () => api(base, 'POST', '/api/v1/sync/push', { token: kiosk.token, body: { ...good, changes: [{ seq: '1', type: 'visit', visit }] } }),
          status: 400,
          code: 'bad-request',
          path: 'changes.0.seq',
        },
        {
          name: 'seq not ascending',
          reply: () => api(base, 'POST', '/api/v1/sync/push', { token: kiosk.token, body: { deviceId: kiosk.id, changes: [{ seq: 2, type: 'visit', visit }, { seq: 1, type: 'visit', visit: makeVisit(kiosk.id, 1) }] } }),
          status: 400,
          code: 'bad-request',
          path: 'changes',
        },
        {
          name: 'oversized body',
          reply: () => api(base, 'POST', '/api/v1/sync/push', { token: kiosk.token, raw: JSON.stringify({ ...good, pad: 'x'.repeat(MAX_BODY_BYTES) }) }),
          status: 413,
          code: 'payload-too-large',
        },
        { name: 'not JSON', reply: () => api(base, 'POST', '/api/v1/sync/push', { token: kiosk.token, raw: 'a=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), status: 415, code: 'unsupported-media-type' },
        { name: 'no token', reply: () => api(base, 'POST', '/api/v1/sync/push', { body: good }), status: 401, code: 'unauthorised' },
        { name: 'unknown token', reply: () => api(base, 'POST', '/api/v1/sync/push', { token: `vkd_${'A'.repeat(43)}`, body: good }), status: 401, code: 'unauthorised' },
        {
          name: 'a token of another site',
          reply: () => api(base, 'POST', '/api/v1/sync/push', { token: other.token, body: { deviceId: other.id, changes: [{ seq: 1, type: 'visit', visit: { ...visit, deviceId: other.id } }] } }),
          status: 403,
          code: 'forbidden',
          path: 'changes.0.visit.siteId',
        },
        { name: 'another device’s id', reply: () => api(base, 'POST', '/api/v1/sync/push', { token: kiosk.token, body: { ...good, deviceId: other.id } }), status: 403, code: 'forbidden', path: 'deviceId' },
        {
          name: 'a kiosk rewriting another device’s visit',
          reply: () => api(base, 'POST', '/api/v1/sync/push', { token: kiosk.token, body: { ...good, changes: [{ seq: 1, type: 'visit', visit: { ...visit, deviceId: other.id } }] } }),
          status: 403,
          code: 'forbidden',
          path: 'changes.0.visit.deviceId',
        },
        { name: 'a kiosk on a desk endpoint', reply: () => api(base, 'GET', '/api/v1/desk/state', { token: kiosk.token }), status: 403, code: 'forbidden' },
        { name: 'an unknown endpoint', reply: () => api(base, 'GET', '/api/v1/nothing', { token: admin }), status: 404, code: 'not-found' },
      ];
      for (const c of cases) {
        const reply = await c.reply();
        assert.equal(reply.status, c.status, `${c.name}: ${reply.text}`);
        const error = apiErrorSchema.parse(reply.body).error;
        assert.equal(error.code, c.code, c.name);
        if (c.path !== undefined) assert.equal(error.path, c.path, c.name);
      }
      assert.deepEqual(await counts(), before, 'nothing written');
      // The same batch, well-formed, goes through afterwards.
      assert.equal((await api(base, 'POST', '/api/v1/sync/push', { token: kiosk.token, body: good })).status, 200);
    });

    it('classifies a Media registration as class C, routed by the rules, and streams it to a desk', async () => {
      const desk = reader(admin);
      await desk.opened;
      const kiosk = await pair();
      const media = makeVisit(kiosk.id, 1, { visitorType: 'media', purpose: 'media-interview', hasAppointment: true });
      const plain = makeVisit(kiosk.id, 2);
      assert.equal((await push(kiosk.token, kiosk.id, [{ seq: 1, visit: media }, { seq: 2, visit: plain }])).status, 200);
      const event = await desk.waitFor((e) => e.type === 'alert' && e.alert.visitId === media.id);
      assert.ok(event.type === 'alert');
      assert.equal(event.alert.kind, 'incident');
      assert.equal(event.alert.incidentClass, 'C');
      assert.ok(event.alert.notify.length > 0);
      await desk.waitFor((e) => e.type === 'visit' && e.visit.id === plain.id);
      const state = await deskState(admin);
      assert.equal(state.alerts.filter((a) => a.visitId === media.id).length, 1);
      assert.equal(state.alerts.filter((a) => a.visitId === plain.id).length, 0, 'an ordinary visit raises nothing');
      // Pushing the visit again (the desk checks it in) raises no second alert.
      await push(admin, deviceId(), [{ seq: 1, visit: advance(media, 'checked-in') }]);
      assert.equal((await deskState(admin)).alerts.filter((a) => a.visitId === media.id).length, 1);
      // An invitation covers media: nothing raised.
      const invited = makeVisit(kiosk.id, 3, { visitorType: 'media', purpose: 'media-interview', source: 'kiosk-invitation', invitation: { jti: 'AAAAAAAAAAAAAAAAAAAAAA', kind: 'invitation' } });
      await push(kiosk.token, kiosk.id, [{ seq: 3, visit: invited }]);
      assert.equal((await deskState(admin)).alerts.filter((a) => a.visitId === invited.id).length, 0);
    });

    it('records the first acknowledgement when two desks press at once; both desks are told', async () => {
      const desk1 = reader(admin);
      const desk2 = reader(second);
      await Promise.all([desk1.opened, desk2.opened]);
      const raised = await api(base, 'POST', '/api/v1/alerts', { token: admin, body: { incidentClass: 'A' } });
      assert.equal(raised.status, 200, raised.text);
      const alert = (raised.body as { alert: Alert }).alert;
      const [a, b] = await Promise.all([api(base, 'POST', `/api/v1/alerts/${alert.id}/ack`, { token: admin }), api(base, 'POST', `/api/v1/alerts/${alert.id}/ack`, { token: second })]);
      const replies = [ackReplySchema.parse(a.body), ackReplySchema.parse(b.body)];
      assert.equal(replies.filter((r) => r.recorded).length, 1, 'exactly one acknowledgement recorded');
      const winner = replies.find((r) => r.recorded)!.alert;
      for (const r of replies) {
        assert.equal(r.alert.acknowledgedBy, winner.acknowledgedBy);
        assert.equal(r.alert.acknowledgedAt, winner.acknowledgedAt);
      }
      for (const desk of [desk1, desk2]) {
        const seen = await desk.waitFor((e) => e.type === 'alert' && e.alert.id === alert.id && e.alert.status === 'acknowledged');
        assert.ok(seen.type === 'alert' && seen.alert.acknowledgedBy === winner.acknowledgedBy);
      }
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(desk1.events.filter((e) => e.event.type === 'alert' && e.event.alert.id === alert.id && e.event.alert.status === 'acknowledged').length, 1, 'one acknowledgement event');
      assert.equal((await api(base, 'POST', `/api/v1/alerts/${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}/ack`, { token: admin })).status, 404);
    });

    it('escalates an unacknowledged alert when its deadline passes on the hub’s clock, once', async () => {
      const desk = reader(admin);
      await desk.opened;
      const open = (await api(base, 'POST', '/api/v1/alerts', { token: admin, body: { incidentClass: 'C' } })).body as { alert: Alert };
      const acked = (await api(base, 'POST', '/api/v1/alerts', { token: admin, body: { incidentClass: 'B' } })).body as { alert: Alert };
      await api(base, 'POST', `/api/v1/alerts/${acked.alert.id}/ack`, { token: admin });
      assert.equal(await hub.escalate(), 0, 'nothing is due yet');
      clock.advance(Date.parse(open.alert.escalateAt) - clock.now().getTime() + 1000);
      assert.ok((await hub.escalate()) >= 1);
      const event = await desk.waitFor((e) => e.type === 'alert' && e.alert.id === open.alert.id && e.alert.escalationLevel === 1);
      assert.ok(event.type === 'alert');
      assert.ok(event.alert.notify.length >= open.alert.notify.length);
      assert.ok(Date.parse(event.alert.escalateAt) > clock.now().getTime(), 'the next deadline is later');
      const state = await deskState(admin);
      assert.equal(state.alerts.find((a) => a.id === open.alert.id)?.escalationLevel, 1);
      assert.equal(state.alerts.find((a) => a.id === acked.alert.id)?.escalationLevel, 0, 'an acknowledged alert does not escalate');
      assert.equal(await hub.escalate(), 0, 'one deadline escalates once');
    });

    it('resumes a desk’s stream after Last-Event-ID with the events it missed', async () => {
      const state = await deskState(admin);
      const kiosk = await pair();
      const missed = makeVisit(kiosk.id, 1);
      await push(kiosk.token, kiosk.id, [{ seq: 1, visit: missed }]);
      const late = reader(admin, state.eventId);
      await late.opened;
      await late.waitFor((e) => e.type === 'visit' && e.visit.id === missed.id);
      assert.ok(late.events.every((e) => e.id > Number(state.eventId)));
      const ids = late.events.map((e) => e.id);
      assert.deepEqual(ids, [...ids].sort((x, y) => x - y), 'ids increase');
    });

    it('issues an invitation at the desk and alerts when a single-use invitation admits twice across kiosks', async () => {
      const issued = await api(base, 'POST', '/api/v1/invitations', { token: admin, body: { host: '12B' } });
      assert.equal(issued.status, 200, issued.text);
      const { jti, qrSvg, link } = issueInvitationReplySchema.parse(issued.body);
      assert.match(qrSvg, /^<svg/);
      assert.ok(link.includes('/invitation#'));
      const k1 = await pair();
      const k2 = await pair();
      const use = (k: { id: string }) => makeVisit(k.id, 1, { source: 'kiosk-invitation', invitation: { jti, kind: 'invitation' } });
      const first = use(k1);
      await push(k1.token, k1.id, [{ seq: 1, visit: first }]);
      assert.equal((await deskState(admin)).alerts.filter((a) => a.kind === 'invite-reuse' && a.visitId === first.id).length, 0);
      const second = use(k2);
      await push(k2.token, k2.id, [{ seq: 1, visit: second }]);
      const reuse = (await deskState(admin)).alerts.filter((a) => a.kind === 'invite-reuse');
      assert.deepEqual(reuse.map((a) => a.visitId), [second.id]);
      // Revoked: the kiosks hear it at their next pull.
      const cursor = pullReplySchema.parse((await api(base, 'GET', '/api/v1/sync/pull', { token: k1.token })).body).cursor;
      assert.equal((await api(base, 'POST', `/api/v1/invitations/${jti}/revoke`, { token: admin })).status, 204);
      const pulled = pullReplySchema.parse((await api(base, 'GET', `/api/v1/sync/pull?since=${cursor}`, { token: k1.token })).body);
      assert.deepEqual(pulled.revokedJtis, [jti]);
    });

    it('revokes a kiosk: its pushes are refused and its pull says so', async () => {
      const kiosk = await pair();
      assert.equal((await api(base, 'POST', `/api/v1/devices/${kiosk.id}/revoke`, { token: second })).status, 403, 'site manager only');
      assert.equal((await api(base, 'POST', `/api/v1/devices/${kiosk.id}/revoke`, { token: admin })).status, 204);
      const refused = await push(kiosk.token, kiosk.id, [{ seq: 1, visit: makeVisit(kiosk.id, 1) }]);
      assert.equal(refused.status, 403);
      assert.equal(apiErrorSchema.parse(refused.body).error.code, 'device-revoked');
      assert.equal(pullReplySchema.parse((await api(base, 'GET', '/api/v1/sync/pull', { token: kiosk.token })).body).deviceRevoked, true);
    });

    it('signs staff in by PIN only, locks after repeated wrong PINs, and signs out', async () => {
      const wrong = await api(base, 'POST', '/api/v1/sessions', { body: { pin: '0000', siteId: 'other' } });
      assert.equal(wrong.status, 401);
      assert.equal(apiErrorSchema.parse(wrong.body).error.code, 'pin-wrong');
      for (let i = 0; i < 4; i++) await api(base, 'POST', '/api/v1/sessions', { body: { pin: '0000', siteId: 'other' } });
      const locked = await api(base, 'POST', '/api/v1/sessions', { body: { pin: '0000', siteId: 'other' } });
      assert.equal(locked.status, 429);
      assert.equal(apiErrorSchema.parse(locked.body).error.code, 'pin-locked');
      const token = await signIn(ADMIN_PIN);
      assert.equal((await api(base, 'DELETE', '/api/v1/sessions/current', { token })).status, 204);
      assert.equal((await api(base, 'GET', '/api/v1/desk/state', { token })).status, 401);
    });

    it('exports CSV to a site manager, with a header and formula cells neutralised', async () => {
      const kiosk = await pair();
      const visit = makeVisit(kiosk.id, 1, { visitor: { fullName: '=HYPERLINK("http://x")', phone: '', organisation: '@evil', partySize: 1 } });
      await push(kiosk.token, kiosk.id, [{ seq: 1, visit }]);
      const csv = await api(base, 'GET', '/api/v1/export', { token: admin });
      assert.equal(csv.status, 200);
      const lines = csv.text.trim().split('\r\n');
      assert.ok(lines[0]?.startsWith('visit_id,'));
      const row = lines.find((l) => l.startsWith(visit.id));
      assert.ok(row?.includes(`"'=HYPERLINK(""http://x"")"`), row);
      assert.ok(row?.includes(",'@evil,"), row);
      assert.equal((await api(base, 'GET', '/api/v1/export', { token: second })).status, 403);
    });

    it('rings a kiosk’s help call on every desk, once per open call, and escalates it up the help hops', async () => {
      const kiosk = await pair();
      const desk = reader(admin);
      await desk.opened;
      const first = await api(base, 'POST', '/api/v1/help', { token: kiosk.token });
      assert.equal(first.status, 201, first.text);
      const call = alertReplySchema.parse(first.body).alert;
      assert.equal(call.kind, 'help');
      assert.equal(call.visitId, undefined);
      await desk.waitFor((e) => e.type === 'alert' && e.alert.id === call.id);
      // A second press while nobody answered is the same call, not a second ring.
      const again = alertReplySchema.parse((await api(base, 'POST', '/api/v1/help', { token: kiosk.token })).body).alert;
      assert.equal(again.id, call.id);
      // Staff do not ring themselves.
      assert.equal((await api(base, 'POST', '/api/v1/help', { token: admin })).status, 403);
      clock.advance(Date.parse(call.escalateAt) - clock.now().getTime() + 1000);
      assert.ok((await hub.escalate()) >= 1);
      const escalated = await desk.waitFor((e) => e.type === 'alert' && e.alert.id === call.id && e.alert.escalationLevel === 1);
      assert.ok(escalated.type === 'alert' && escalated.alert.notify.length > 0, 'the first help hop is told');
      // Acknowledged: the next press is a new call.
      await api(base, 'POST', `/api/v1/alerts/${call.id}/ack`, { token: admin });
      const next = alertReplySchema.parse((await api(base, 'POST', '/api/v1/help', { token: kiosk.token })).body).alert;
      assert.notEqual(next.id, call.id);
    });

    it('opens a sealed identity number once: keeps the last four and a keyed hash, drops the number, matches the watch list by hash', async () => {
      await store.write((repo) => createSite(repo, DEMO_SITE_CN, clock.now()));
      const kiosk = await pair(DEMO_SITE_CN.id);
      const pulled = pullReplySchema.parse((await api(base, 'GET', '/api/v1/sync/pull', { token: kiosk.token })).body);
      const site = pulled.site as SiteConfig;
      assert.ok(site.sealKey, 'a record-number site publishes its sealing key');
      const number = '11010519491231002X';
      const recorded = async (seq: number, sealed: string) =>
        makeVisit(kiosk.id, seq, {
          siteId: DEMO_SITE_CN.id,
          identity: { method: 'recorded', documentType: 'cn-resident', last4: '002X', sealed },
          consent: { noticeVersion: 'cn-2026-11', kind: 'consented', at: new Date().toISOString(), idNumber: true },
        });
      const sealedValue = await seal({ kid: site.sealKey.kid, publicJwk: site.sealKey.jwk }, `cn-resident:${number}`);
      const first = await recorded(1, sealedValue);
      assert.equal((await push(kiosk.token, kiosk.id, [{ seq: 1, visit: first }])).status, 200);
      const stored = await store.read((repo) => repo.visit(DEMO_SITE_CN.id, first.id));
      assert.deepEqual(stored?.identity, { method: 'recorded', documentType: 'cn-resident', last4: '002X' });
      const hash = await store.read((repo) => repo.visitIdHash(DEMO_SITE_CN.id, first.id));
      assert.match(hash ?? '', /^[A-Za-z0-9_-]{43}$/);
      assert.ok(!JSON.stringify(stored).includes('1101051949'));
      // The same number later: the hash matches an id-hash watch entry and raises the watch-list alert.
      await store.write((repo) =>
        repo.insertWatchEntry(DEMO_SITE_CN.id, { id: 'w-id', kind: 'id-hash', value: hash ?? '', reason: 'trespass notice', approvedBy: 'manager', expiresAt: '2099-01-01T00:00:00.000Z' }, clock.now().toISOString()),
      );
      const second = await recorded(2, await seal({ kid: site.sealKey.kid, publicJwk: site.sealKey.jwk }, `cn-resident:${number}`));
      assert.equal((await push(kiosk.token, kiosk.id, [{ seq: 2, visit: second }])).status, 200);
      const alerts = await store.read((repo) => repo.alertsForVisit(DEMO_SITE_CN.id, second.id));
      assert.deepEqual(alerts.map((a) => a.kind), ['watchlist']);
      // A value sealed to another key is kept aside (quarantine) and the visit stored without it: nothing lost, nothing readable.
      const other = await generateSealingKey();
      const third = await recorded(3, await seal(other, `cn-resident:${number}`));
      const before = await store.read((repo) => repo.quarantineCount(DEMO_SITE_CN.id));
      assert.equal((await push(kiosk.token, kiosk.id, [{ seq: 3, visit: third }])).status, 200);
      assert.equal(await store.read((repo) => repo.quarantineCount(DEMO_SITE_CN.id)), before + 1);
      assert.deepEqual((await store.read((repo) => repo.visit(DEMO_SITE_CN.id, third.id)))?.identity, { method: 'recorded', documentType: 'cn-resident', last4: '002X' });
      assert.equal(await store.read((repo) => repo.visitIdHash(DEMO_SITE_CN.id, third.id)), undefined);
    });

    it('gives the company role anonymised reports of all its sites and nothing of a desk; a site manager reads their own site', async () => {
      const COMPANY_PIN = '8642';
      await store.write(async (repo) => {
        await repo.insertStaff({ id: 'company-1', siteId: 'demo', name: 'Head office', role: 'company', ...(await hashPin(COMPANY_PIN)) }, clock.now().toISOString());
        await repo.addStaffSites('company-1', ['other']);
      });
      const session = await api(base, 'POST', '/api/v1/sessions', { body: { pin: COMPANY_PIN } });
      assert.equal(session.status, 200, session.text);
      const signedIn = signInReplySchema.parse(session.body);
      assert.deepEqual(signedIn.staff.siteIds.sort(), ['demo', 'other']);
      const company = signedIn.token;
      const day = new Date().toISOString().slice(0, 10);
      const report = await api(base, 'GET', `/api/v1/reports/visits?from=${day}&to=${day}`, { token: company });
      assert.equal(report.status, 200, report.text);
      const parsed = visitReportSchema.parse(report.body);
      assert.deepEqual(parsed.sites.map((x) => x.siteId).sort(), ['demo', 'other']);
      const demo = parsed.sites.find((x) => x.siteId === 'demo');
      assert.ok(Object.values(demo?.byType ?? {}).reduce((a, b) => a + b, 0) > 0, 'the demo site had visits today');
      assert.ok(!report.text.includes('Chan Tai Man'), 'no names in a report');
      // Nothing of a desk: no state, no stream, no export, no push, no alerts.
      assert.equal((await api(base, 'GET', '/api/v1/desk/state', { token: company })).status, 403);
      assert.equal((await api(base, 'GET', '/api/v1/export', { token: company })).status, 403);
      assert.equal((await api(base, 'POST', '/api/v1/alerts', { token: company, body: { incidentClass: 'C' } })).status, 403);
      assert.equal((await push(company, deviceId(), [{ seq: 1, visit: makeVisit(deviceId(), 1) }])).status, 403);
      // A site manager reads their one site; a guard reads none.
      const own = visitReportSchema.parse((await api(base, 'GET', `/api/v1/reports/visits?from=${day}&to=${day}`, { token: admin })).body);
      assert.deepEqual(own.sites.map((x) => x.siteId), ['demo']);
      assert.equal((await api(base, 'GET', `/api/v1/reports/visits?from=${day}&to=${day}`, { token: second })).status, 403);
      assert.equal((await api(base, 'GET', '/api/v1/reports/visits?from=nope&to=nope', { token: admin })).status, 400);
    });

    it('purges visits past the site’s retention: counts kept, events gone, an open alert holds its visit, a replay revives nothing', async () => {
      const kiosk = await pair();
      // Two months ago (the demo site keeps visit logs 31 days): a guest, and a Media arrival whose class C
      // alert is still open — evidence, held until the incident is closed.
      const old = (seq: number, overrides: Partial<Visit>) => {
        const at = new Date(clock.now().getTime() - 60 * 86_400_000).toISOString();
        return makeVisit(kiosk.id, seq, { dayKey: at.slice(0, 10), createdAt: at, updatedAt: at, history: [{ status: 'registered', at }], ...overrides });
      };
      const guest = old(1, { visitor: { fullName: 'Purge Me Guest', phone: '+85291234567', organisation: '', partySize: 1 } });
      const crew = old(2, { visitorType: 'media', purpose: 'media-interview', visitor: { fullName: 'Held Crew', phone: '', organisation: 'News', partySize: 2 } });
      const today = makeVisit(kiosk.id, 3);
      assert.equal((await push(kiosk.token, kiosk.id, [{ seq: 1, visit: guest }, { seq: 2, visit: crew }, { seq: 3, visit: today }])).status, 200);
      assert.equal((await store.read((repo) => repo.alertsForVisit('demo', crew.id))).length, 1, 'the crew raised class C');

      const [result] = await purge(store, clock.now(), 'demo');
      assert.ok(result && result.purged >= 1 && result.held >= 1, JSON.stringify(result));
      assert.equal(await storedVisit(guest.id), undefined, 'the guest is gone');
      assert.ok(await storedVisit(crew.id), 'the open incident holds its visit');
      assert.ok(await storedVisit(today.id), 'today is kept');
      const counts = await store.read((repo) => repo.visitCountsKept('demo'));
      assert.ok(counts.some((c) => c.dayKey === guest.dayKey && c.visitorType === guest.visitorType && c.n >= 1), 'an anonymised count stays');
      // No trace of the guest's name anywhere the hub keeps: export, events.
      const csv = await api(base, 'GET', '/api/v1/export', { token: admin });
      assert.ok(!csv.text.includes('Purge Me Guest'));
      const events = await store.read((repo) => repo.eventsAfter(0, 100_000, 'demo'));
      assert.ok(!events.some((e) => e.data.includes('Purge Me Guest')), 'the visit events went with the visit');
      // A kiosk replaying the purged change is acknowledged, and the visit stays gone.
      const replay = await push(kiosk.token, kiosk.id, [{ seq: 1, visit: guest }]);
      assert.deepEqual(pushReplySchema.parse(replay.body).acked, [1]);
      assert.equal(await storedVisit(guest.id), undefined);
      // Closing the incident lets the next purge take the crew's visit too.
      const alert = (await store.read((repo) => repo.alertsForVisit('demo', crew.id)))[0]!;
      await store.write((repo) => repo.updateAlertIf(alert, { ...alert, status: 'closed', closedAt: clock.now().toISOString() }, clock.now().toISOString()));
      await purge(store, clock.now(), 'demo');
      assert.equal(await storedVisit(crew.id), undefined);
    });

    it('answers a data access request and erases a person on request: held while an alert is open, desks told by id', async () => {
      const kiosk = await pair();
      const desk = reader(admin);
      await desk.opened;
      const person = { fullName: '陳小明', phone: '+85261234567', organisation: '', partySize: 1 };
      const plain = makeVisit(kiosk.id, 1, { visitor: person });
      const flagged = makeVisit(kiosk.id, 2, { visitor: { ...person, fullName: '陈 小明' }, visitorType: 'media', purpose: 'media-interview' });
      const someoneElse = makeVisit(kiosk.id, 3, { visitor: { ...person, fullName: 'Wong Tai Sin', phone: '+85269876543' } });
      assert.equal((await push(kiosk.token, kiosk.id, [{ seq: 1, visit: plain }, { seq: 2, visit: flagged }, { seq: 3, visit: someoneElse }])).status, 200);

      // Access: the name in either script, and the phone, find both of the person's visits and nobody else's.
      const byName = await api(base, 'POST', '/api/v1/privacy/access', { token: admin, body: { name: '陈小明' } });
      assert.equal(byName.status, 200, byName.text);
      assert.deepEqual(accessReplySchema.parse(byName.body).visits.map((v) => v.id).sort(), [plain.id, flagged.id].sort());
      const both = accessReplySchema.parse((await api(base, 'POST', '/api/v1/privacy/access', { token: admin, body: { name: '陳小明', phone: '+85261234567' } })).body);
      assert.equal(both.visits.length, 2);
      // Only the site manager; a question with no key is refused.
      assert.equal((await api(base, 'POST', '/api/v1/privacy/access', { token: second, body: { name: '陳小明' } })).status, 403);
      assert.equal((await api(base, 'POST', '/api/v1/privacy/access', { token: admin, body: {} })).status, 400);

      // Erasure: the plain visit goes, the Media arrival with its open class C alert is held, with the reason.
      const erased = erasureReplySchema.parse((await api(base, 'POST', '/api/v1/privacy/erase', { token: admin, body: { phone: '+85261234567' } })).body);
      assert.deepEqual(erased.erased, [plain.id]);
      assert.deepEqual(erased.held, [{ visitId: flagged.id, reason: 'open-alert' }]);
      assert.equal(await storedVisit(plain.id), undefined);
      assert.ok(await storedVisit(someoneElse.id), 'nobody else is touched');
      const told = await desk.waitFor((e) => e.type === 'erasure');
      assert.ok(told.type === 'erasure' && told.visitIds.includes(plain.id) && !JSON.stringify(told).includes('小明'));
      const events = await store.read((repo) => repo.eventsAfter(0, 100_000, 'demo'));
      assert.ok(!events.some((e) => e.type === 'visit' && e.data.includes(plain.id)), 'its visit events went too');
      // A replayed change revives nothing.
      await push(kiosk.token, kiosk.id, [{ seq: 1, visit: plain }]);
      assert.equal(await storedVisit(plain.id), undefined);
    });

    it('serves the default site’s rules for the hub desk, valid as a rules file', async () => {
      const reply = await api(base, 'GET', '/rules.json');
      assert.equal(reply.status, 200);
      const parsed = parseRulesConfig(reply.body);
      assert.ok(parsed.ok, JSON.stringify(parsed));
    });

    it('serves an OpenAPI document generated from the schemas, and the security headers', async () => {
      const reply = await api(base, 'GET', '/api/v1/openapi.json');
      assert.equal(reply.status, 200);
      const doc = reply.body as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
      assert.equal(doc.openapi, '3.1.0');
      assert.ok(doc.paths['/api/v1/sync/push']);
      assert.ok(doc.components.schemas['PushRequest']?.properties?.['changes']);
      const response = await fetch(`${base}/api/v1/openapi.json`);
      assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    });

    // ----- issue 6: kiosks' health reports, erasure reaching kiosks, audited configuration and watch-list changes -----

    const auditEntries = async () => auditPageSchema.parse((await api(base, 'GET', '/api/v1/audit', { token: admin })).body).entries;

    it('keeps what a kiosk reports with its pull (pending, storage use) and shows it to staff with the hub’s version and database', async () => {
      const kiosk = await pair();
      const pulled = await api(base, 'GET', '/api/v1/sync/pull?pending=3&storageBytes=5242880', { token: kiosk.token });
      assert.equal(pulled.status, 200, pulled.text);
      const health = siteHealthReplySchema.parse((await api(base, 'GET', '/api/v1/health/site', { token: second })).body);
      const mine = health.kiosks.find((k) => k.deviceId === kiosk.id);
      assert.equal(mine?.pending, 3);
      assert.equal(mine?.storageBytes, 5_242_880);
      assert.ok(mine?.reportedAt !== undefined && Math.abs(Date.parse(mine.reportedAt) - clock.now().getTime()) < 5_000, 'reported just now');
      assert.deepEqual(health.hub, { version: '1', db: store.dialect === 'sqlite' ? 'sqlite' : 'postgres' });
      // The next report replaces it; a pull without one leaves the last report as it was.
      await api(base, 'GET', '/api/v1/sync/pull?pending=0&storageBytes=6000000000', { token: kiosk.token });
      await api(base, 'GET', '/api/v1/sync/pull', { token: kiosk.token });
      const again = siteHealthReplySchema.parse((await api(base, 'GET', '/api/v1/health/site', { token: admin })).body).kiosks.find((k) => k.deviceId === kiosk.id);
      assert.equal(again?.pending, 0);
      assert.equal(again?.storageBytes, 6_000_000_000, 'more than 32 bits survive both engines');
      // A malformed report is refused, and changes nothing.
      for (const query of ['pending=-1', 'pending=abc', 'storageBytes=1.5', `storageBytes=${2 ** 51}`]) {
        const bad = await api(base, 'GET', `/api/v1/sync/pull?${query}`, { token: kiosk.token });
        assert.equal(bad.status, 400, query);
        assert.equal(apiErrorSchema.parse(bad.body).error.code, 'bad-request');
      }
    });

    it('tells a kiosk in its pull which visits were erased since its cursor, by id only', async () => {
      const kiosk = await pair();
      const visitor = { fullName: 'Erase Me Kiosk', phone: '+85262220000', organisation: '', partySize: 1 };
      const mine = makeVisit(kiosk.id, 1, { visitor });
      assert.equal((await push(kiosk.token, kiosk.id, [{ seq: 1, visit: mine }])).status, 200);
      const first = pullReplySchema.parse((await api(base, 'GET', '/api/v1/sync/pull', { token: kiosk.token })).body);
      assert.equal(first.erasedVisitIds, undefined, 'a first pull lists no erasure');
      const erased = erasureReplySchema.parse((await api(base, 'POST', '/api/v1/privacy/erase', { token: admin, body: { phone: visitor.phone } })).body);
      assert.deepEqual(erased.erased, [mine.id]);
      const next = await api(base, 'GET', `/api/v1/sync/pull?since=${first.cursor}`, { token: kiosk.token });
      const told = pullReplySchema.parse(next.body);
      assert.deepEqual(told.erasedVisitIds, [mine.id]);
      assert.ok(!next.text.includes('Erase Me') && !next.text.includes(visitor.phone), 'ids only');
      const after = pullReplySchema.parse((await api(base, 'GET', `/api/v1/sync/pull?since=${told.cursor}`, { token: kiosk.token })).body);
      assert.equal(after.erasedVisitIds, undefined, 'told once');
      // A change the kiosk made before it heard (a check-out, a new seq) is acknowledged and brings nobody back;
      // a new visit in the same push is stored as usual.
      const fresh = makeVisit(kiosk.id, 3, { visitor: { ...visitor, fullName: 'Someone Else Entirely', phone: '+85262220001' } });
      const late = await push(kiosk.token, kiosk.id, [{ seq: 2, visit: advance(mine, 'checked-out') }, { seq: 3, visit: fresh }]);
      assert.deepEqual(pushReplySchema.parse(late.body).acked, [2, 3]);
      assert.equal(await storedVisit(mine.id), undefined, 'the erased visit stays erased');
      assert.ok(await storedVisit(fresh.id));
      // A kiosk of another site hears nothing of this site's erasures.
      const elsewhere = await pair('other');
      const theirs = pullReplySchema.parse((await api(base, 'GET', `/api/v1/sync/pull?since=${first.cursor}`, { token: elsewhere.token })).body);
      assert.equal(theirs.erasedVisitIds, undefined);
    });

    it('lets the site manager read and change the site’s configuration: validated, audited by key, and pulled by kiosks', async () => {
      const kiosk = await pair();
      const cursor = pullReplySchema.parse((await api(base, 'GET', '/api/v1/sync/pull', { token: kiosk.token })).body).cursor;
      const read = await api(base, 'GET', '/api/v1/site/config', { token: admin });
      assert.equal(read.status, 200, read.text);
      const config = read.body as SiteConfig;
      assert.equal(config.id, 'demo');
      assert.equal((config as { keySet?: unknown }).keySet, undefined, 'the stored configuration, not the published one');
      assert.equal((await api(base, 'GET', '/api/v1/site/config', { token: second })).status, 403, 'the site manager only');
      assert.equal((await api(base, 'PUT', '/api/v1/site/config', { token: second, body: config })).status, 403);

      const before = (await auditEntries()).length;
      const changed = await api(base, 'PUT', '/api/v1/site/config', { token: admin, body: { ...config, allowFreeTextHost: !config.allowFreeTextHost, retention: { visitDays: 45 } } });
      assert.equal(changed.status, 200, changed.text);
      assert.deepEqual((changed.body as { changed: string[] }).changed, ['allowFreeTextHost', 'retention']);
      const [entry] = await auditEntries();
      assert.deepEqual({ actor: entry?.actor, action: entry?.action, target: entry?.target }, { actor: 'admin', action: 'site-config-change', target: 'allowFreeTextHost,retention' });
      assert.ok(entry && Math.abs(Date.parse(entry.at) - clock.now().getTime()) < 5_000, 'when: now');
      const pulled = pullReplySchema.parse((await api(base, 'GET', `/api/v1/sync/pull?since=${cursor}`, { token: kiosk.token })).body);
      assert.equal((pulled.site as SiteConfig | undefined)?.allowFreeTextHost, !config.allowFreeTextHost, 'the kiosk receives it with its next pull');
      assert.equal((pulled.site as SiteConfig | undefined)?.retention.visitDays, 45);

      // Refused: an invalid configuration, another site's, a non-object. Nothing written, nothing audited.
      const invalid = await api(base, 'PUT', '/api/v1/site/config', { token: admin, body: { ...config, timeZone: 42 } });
      assert.equal(invalid.status, 400);
      assert.equal(apiErrorSchema.parse(invalid.body).error.path, 'timeZone');
      assert.equal((await api(base, 'PUT', '/api/v1/site/config', { token: admin, body: { ...config, id: 'other' } })).status, 400);
      assert.equal((await api(base, 'PUT', '/api/v1/site/config', { token: admin, body: [1] })).status, 400);
      // Unchanged: written nowhere, audited nowhere.
      const restored = await api(base, 'PUT', '/api/v1/site/config', { token: admin, body: config });
      assert.deepEqual((restored.body as { changed: string[] }).changed, ['allowFreeTextHost', 'retention']);
      const same = await api(base, 'PUT', '/api/v1/site/config', { token: admin, body: config });
      assert.deepEqual((same.body as { changed: string[] }).changed, []);
      assert.equal((await auditEntries()).length, before + 2);
    });

    it('keeps a watch list the site manager and the guard change: audited by entry id (never its value), matched on arrival', async () => {
      const added = await api(base, 'POST', '/api/v1/watchlist', { token: second, body: { kind: 'name', value: 'Watch Listed Person', reason: 'Trespass notice 2026-11', days: 30 } });
      assert.equal(added.status, 201, added.text);
      const { entry } = watchEntryReplySchema.parse(added.body);
      assert.equal(entry.approvedBy, 'Guard', 'approved by the signed-in guard unless named');
      assert.equal(Date.parse(entry.expiresAt) - Date.parse(entry.createdAt), 30 * 86_400_000);
      const listed = watchListReplySchema.parse((await api(base, 'GET', '/api/v1/watchlist', { token: admin })).body).entries;
      assert.ok(listed.some((e) => e.id === entry.id && e.value === 'Watch Listed Person'));
      const [audited] = await auditEntries();
      assert.deepEqual({ actor: audited?.actor, action: audited?.action, target: audited?.target }, { actor: 'guard-1', action: 'watchlist-change', target: `add:${entry.id}` });
      assert.ok(!JSON.stringify(await auditEntries()).includes('Watch Listed'), 'the audit holds the id, never the name');

      // The hub's classifier uses it: an arrival under the name in another script and spacing raises a watch-list alert.
      const kiosk = await pair();
      const arrival = makeVisit(kiosk.id, 1, { visitor: { fullName: 'watch  listed PERSON', phone: '', organisation: '', partySize: 1 } });
      assert.equal((await push(kiosk.token, kiosk.id, [{ seq: 1, visit: arrival }])).status, 200);
      const alerts = await store.read((repo) => repo.alertsForVisit('demo', arrival.id));
      assert.ok(alerts.some((a) => a.kind === 'watchlist'), JSON.stringify(alerts));

      // Until a given instant (the desk's form picks a date); not in the past, not beyond five years.
      const until = new Date(clock.now().getTime() + 3 * 86_400_000).toISOString();
      const dated = await api(base, 'POST', '/api/v1/watchlist', { token: admin, body: { kind: 'phone', value: '+85291112222', reason: 'Dated', approvedBy: 'Ms Manager', expiresAt: until } });
      assert.equal(dated.status, 201, dated.text);
      assert.equal(watchEntryReplySchema.parse(dated.body).entry.expiresAt, until);
      assert.equal(watchEntryReplySchema.parse(dated.body).entry.approvedBy, 'Ms Manager');
      for (const expiresAt of [new Date(clock.now().getTime() - 1000).toISOString(), new Date(clock.now().getTime() + 6 * 366 * 86_400_000).toISOString()]) {
        assert.equal((await api(base, 'POST', '/api/v1/watchlist', { token: admin, body: { kind: 'name', value: 'X', reason: 'x', expiresAt } })).status, 400, expiresAt);
      }
      assert.equal((await api(base, 'POST', '/api/v1/watchlist', { token: admin, body: { kind: 'name', value: 'X', reason: 'x', expiresAt: until, days: 3 } })).status, 400, 'days or expiresAt');
      // Refused: a phone entry without an E.164 number, a kiosk, an unknown id.
      assert.equal((await api(base, 'POST', '/api/v1/watchlist', { token: admin, body: { kind: 'phone', value: '12345', reason: 'x' } })).status, 400);
      assert.equal((await api(base, 'GET', '/api/v1/watchlist', { token: kiosk.token })).status, 403);
      const removed = await api(base, 'DELETE', `/api/v1/watchlist/${entry.id}`, { token: admin });
      assert.equal(removed.status, 204, removed.text);
      assert.equal((await api(base, 'DELETE', `/api/v1/watchlist/${entry.id}`, { token: admin })).status, 404);
      const [gone] = await auditEntries();
      assert.deepEqual({ actor: gone?.actor, action: gone?.action, target: gone?.target }, { actor: 'admin', action: 'watchlist-change', target: `remove:${entry.id}` });
      assert.ok(!watchListReplySchema.parse((await api(base, 'GET', '/api/v1/watchlist', { token: second })).body).entries.some((e) => e.id === entry.id));
    });

    // Lobby records: the courier lane and the parcel log (issue 7): lobby-tests.ts.
    lobbyTests(() => ({ base, store, clock, admin, guard: second, pair }));

    // Reports and exports (issue 8): reports-tests.ts.
    reportTests(() => ({ base, store, clock, admin, guard: second, pair, push }));

    // The front-desk ledger (issue 8): ledger-tests.ts.
    ledgerTests(() => ({ base, store, clock, admin, guard: second, push }));
  });
}
