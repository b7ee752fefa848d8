import { expect } from '@open-wc/testing';
import { DEMO_SITE } from '../../../src/domain/demo-site.js';
import type { SiteConfig } from '../../../src/domain/site.js';
import type { HubLink } from '../../../src/schemas/hub-link.js';
import { SyncStore, VisitStore } from '../../../src/storage/index.js';
import { KIOSK_PURGE_POLICY, SyncEngine, SyncError, pairDevice, type SyncState } from '../../../src/sync/index.js';
import { HK, dropDb, makeDraft, makeInvitedDraft, rawRows, takeUnhandled, uniqueDbName } from '../storage/helpers.js';
import { FakeHub } from './fake-hub.js';

const HOUR = 3600_000;
const TOKEN = `vkd_${'B'.repeat(43)}`;

const until = async (what: string, check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('SyncEngine (a paired kiosk)', () => {
  let name: string;
  let visits: VisitStore;
  let sync: SyncStore;
  let hub: FakeHub;
  let link: HubLink;
  let engine: SyncEngine | undefined;

  beforeEach(async () => {
    name = uniqueDbName();
    visits = new VisitStore(name);
    sync = new SyncStore(name);
    hub = new FakeHub();
    const deviceId = await sync.deviceId();
    link = { origin: 'http://127.0.0.1:1', token: TOKEN, siteId: 'demo', deviceId, pairedAt: new Date().toISOString() };
    await sync.setLink(link);
    takeUnhandled();
  });
  afterEach(async () => {
    await engine?.stop();
    engine = undefined;
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  const start = (extra: Partial<ConstructorParameters<typeof SyncEngine>[0]> = {}): SyncState[] => {
    const states: SyncState[] = [];
    engine = new SyncEngine({ store: sync, transport: hub, link, backoff: { baseMs: 2, capMs: 10 }, onState: (s) => states.push(s), ...extra });
    engine.start();
    return states;
  };

  it('pushes what was queued, then announces pending 0, online and the last sync time', async () => {
    await visits.register(makeDraft(), { ...HK, now: new Date() });
    await visits.register(makeDraft(), { ...HK, now: new Date() });
    const states = start();
    await until('pending 0 with a sync time', () => states.some((s) => s.pending === 0 && s.lastSyncAt !== null));
    const last = states[states.length - 1] as SyncState;
    expect(last.online).to.equal(true);
    expect(hub.visits.size).to.equal(2);
    expect(await sync.lastSyncAt()).to.be.a('string');
  });

  it('says offline while the hub cannot be reached, keeps the count, and catches up on wake()', async () => {
    hub.standing = 'network';
    hub.pullReplies = [new SyncError('network')];
    await visits.register(makeDraft(), { ...HK, now: new Date() });
    const states = start({ backoff: { baseMs: 60_000, capMs: 60_000, random: () => 0.99 } });
    await until('offline', () => states.some((s) => !s.online && s.pending === 1));
    hub.standing = undefined;
    engine?.wake();
    await until('online again with nothing pending', () => states.some((s) => s.online && s.pending === 0));
  });

  it('pull: a valid configuration is applied, an invalid one refused, revocations kept, the cursor stored', async () => {
    const applied: SiteConfig[] = [];
    const refused: string[] = [];
    const renamed = { ...DEMO_SITE, name: { ...DEMO_SITE.name, en: 'Harbour View Gardens (hub)' } };
    hub.pullReplies = [{ cursor: 'c1', site: renamed, revokedJtis: ['AAAAAAAAAAAAAAAAAAAAAA'], deviceRevoked: false }];
    start({ onSite: (s) => applied.push(s), onSiteRefused: (p) => refused.push(p) });
    await until('the cursor', async () => (await sync.pullCursor()) === 'c1');
    expect(applied.map((s) => s.name.en)).to.deep.equal(['Harbour View Gardens (hub)']);
    expect(await sync.isRevoked('AAAAAAAAAAAAAAAAAAAAAA')).to.equal(true);
    expect(await sync.isRevoked('BBBBBBBBBBBBBBBBBBBBBA')).to.equal(false);

    hub.pullReplies = [{ cursor: 'c2', site: { ...DEMO_SITE, timeZone: 'Mars/Olympus_Mons', unknownField: 1 }, revokedJtis: ['BBBBBBBBBBBBBBBBBBBBBA'], deviceRevoked: false }];
    await engine?.pull();
    expect(applied.length).to.equal(1); // the previous configuration stays
    expect(refused.length).to.equal(1);
    expect(await sync.pullCursor()).to.equal('c2');
    expect(hub.pulls).to.deep.equal([undefined, 'c1']);
    expect(await sync.isRevoked('AAAAAAAAAAAAAAAAAAAAAA')).to.equal(true);
    expect(await sync.isRevoked('BBBBBBBBBBBBBBBBBBBBBA')).to.equal(true);
  });

  it('a revoked device unpairs: the link goes, unacknowledged entries stay', async () => {
    hub.standing = 'network'; // nothing gets acknowledged
    await visits.register(makeDraft(), { ...HK, now: new Date() });
    hub.pullReplies = [{ cursor: 'c1', revokedJtis: [], deviceRevoked: true }];
    let unpaired = 0;
    start({ onUnpaired: () => unpaired++ });
    await until('unpaired', () => unpaired === 1);
    expect(await sync.link()).to.equal(undefined);
    expect(await sync.pullCursor()).to.equal(undefined);
    expect(await visits.pendingCount()).to.equal(1);
    expect((await rawRows(name, 'visits')).length).to.equal(1);
  });

  it('a 401 on push unpairs too', async () => {
    hub.standing = 'unauthorised';
    await visits.register(makeDraft(), { ...HK, now: new Date() });
    let unpaired = 0;
    start({ onUnpaired: () => unpaired++ });
    await until('unpaired', () => unpaired === 1);
    expect(await sync.link()).to.equal(undefined);
    expect(await visits.pendingCount()).to.equal(1);
  });
});

describe('Privacy purge of acknowledged visits', () => {
  let name: string;
  let visits: VisitStore;
  let sync: SyncStore;
  let hub: FakeHub;
  let deviceId: string;

  beforeEach(async () => {
    name = uniqueDbName();
    visits = new VisitStore(name);
    sync = new SyncStore(name);
    hub = new FakeHub();
    deviceId = await sync.deviceId();
    takeUnhandled();
  });
  afterEach(async () => {
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  const ids = async (): Promise<string[]> => ((await rawRows(name, 'visits')) as { id: string }[]).map((v) => v.id).sort();
  const pushAll = async () => {
    const { OutboxPusher } = await import('../../../src/sync/index.js');
    await new OutboxPusher({ store: sync, transport: hub, deviceId }).drain();
  };

  it('never deletes a visit with an unacknowledged change, however old', async () => {
    const old = new Date(Date.now() - 30 * 24 * HOUR);
    await visits.register(makeDraft(), { ...HK, now: old });
    const result = await sync.purgeAcknowledged(deviceId, new Date(), KIOSK_PURGE_POLICY);
    expect(result.deleted).to.equal(0);
    expect((await ids()).length).to.equal(1);
  });

  it('after acknowledgement: finished and waiting visits go, a checked-in visit stays for its badge check-out, a fresh check-out for its feedback', async () => {
    const now = new Date();
    const registered = await visits.register(makeDraft(), { ...HK, now });
    const denied = await visits.register(makeDraft(), { ...HK, now });
    await visits.updateStatus(denied.id, 'denied', now);
    const message = await visits.register(makeDraft({ message: { text: 'Call me', callbackPhone: '+85291234567' } }), { ...HK, now, status: 'host-absent' });
    const invited = await visits.admitWithToken(makeInvitedDraft(), { ...HK, now, token: { jti: 'CCCCCCCCCCCCCCCCCCCCCA', kind: 'invitation', maxUses: 1 } });
    const leaving = await visits.admitWithToken(makeInvitedDraft(), { ...HK, now, token: { jti: 'DDDDDDDDDDDDDDDDDDDDDA', kind: 'invitation', maxUses: 1 } });
    await visits.checkOut(leaving.id, now);
    const leftEarlier = await visits.admitWithToken(makeInvitedDraft(), { ...HK, now: new Date(now.getTime() - HOUR), token: { jti: 'EEEEEEEEEEEEEEEEEEEEEA', kind: 'invitation', maxUses: 1 } });
    await visits.checkOut(leftEarlier.id, new Date(now.getTime() - 30 * 60_000));
    // Another device's visit (a row a hub-linked desk wrote): never this purge's business.
    const foreign = { ...registered, id: '01950000-0000-7000-8000-000000000001', deviceId: '01950000-0000-7000-8000-0000000000ff' };
    await sync.putVisitsFromHub([foreign]);

    expect((await sync.purgeAcknowledged(deviceId, now, KIOSK_PURGE_POLICY)).deleted).to.equal(0); // nothing acknowledged yet
    await pushAll();
    const result = await sync.purgeAcknowledged(deviceId, now, KIOSK_PURGE_POLICY);

    expect(result.deleted).to.equal(4);
    expect(await ids()).to.deep.equal([invited.id, leaving.id, foreign.id].sort());
    expect(message.status).to.equal('host-absent');

    // The checked-in visitor can still check out with the badge, and answer the satisfaction question.
    await visits.checkOut(invited.id, new Date());
    await visits.recordFeedback(invited.id, { rating: 'satisfied' }, new Date());
    // … and that change is queued, so the visit stays until the hub has it.
    expect((await sync.purgeAcknowledged(deviceId, new Date(now.getTime() + 20 * 60_000), KIOSK_PURGE_POLICY)).deleted).to.equal(1); // `leaving`, past its grace
    expect(await ids()).to.include(invited.id);
    await pushAll();
    expect((await sync.purgeAcknowledged(deviceId, new Date(now.getTime() + 20 * 60_000), KIOSK_PURGE_POLICY)).deleted).to.equal(1);
    expect(await ids()).to.deep.equal([foreign.id]);
    // The hub holds every change, the last state included.
    expect(hub.visits.get(invited.id)?.feedback?.rating).to.equal('satisfied');
  });

  it('a checked-in visit goes within 24 hours of its creation (so of its acknowledgement)', async () => {
    const created = new Date(Date.now() - 23 * HOUR);
    const invited = await visits.admitWithToken(makeInvitedDraft(), { ...HK, now: created, token: { jti: 'FFFFFFFFFFFFFFFFFFFFFA', kind: 'invitation', maxUses: 1 } });
    await pushAll();
    expect(KIOSK_PURGE_POLICY.maxAgeMs).to.be.at.most(24 * HOUR - 30 * 60_000);
    expect((await sync.purgeAcknowledged(deviceId, new Date(created.getTime() + KIOSK_PURGE_POLICY.maxAgeMs - 1), KIOSK_PURGE_POLICY)).deleted).to.equal(0);
    expect((await sync.purgeAcknowledged(deviceId, new Date(created.getTime() + KIOSK_PURGE_POLICY.maxAgeMs), KIOSK_PURGE_POLICY)).deleted).to.equal(1);
    expect(await visits.get(invited.id)).to.equal(undefined);
    // The outbox and the device's counters are untouched: numbering continues, the hub sees no gap.
    const next = await visits.register(makeDraft(), { ...HK, now: new Date() });
    expect(next.seq).to.equal(invited.seq + 1);
  });

  it('a registration and its acknowledgement through the engine: gone from the kiosk once acknowledged', async () => {
    const link: HubLink = { origin: 'http://127.0.0.1:1', token: TOKEN, siteId: 'demo', deviceId, pairedAt: new Date().toISOString() };
    await sync.setLink(link);
    const visit = await visits.register(makeDraft(), { ...HK, now: new Date() });
    const engine = new SyncEngine({ store: sync, transport: hub, link });
    engine.start();
    await until('the visit to leave the kiosk', async () => (await visits.get(visit.id)) === undefined);
    await engine.stop();
    expect(hub.visits.get(visit.id)?.visitor.fullName).to.equal('Chan Tai Man');
  });
});

describe('pairDevice', () => {
  let name: string;
  let sync: SyncStore;
  let hub: FakeHub;
  const badgeKey = () => Promise.resolve({ kid: 'abcdefghijk', publicJwk: { kty: 'EC' as const, crv: 'P-256' as const, x: 'x'.repeat(43), y: 'y'.repeat(43) } });
  const CODE = 'abcdefghijklmnopqrstuv';

  beforeEach(() => {
    name = uniqueDbName();
    sync = new SyncStore(name);
    hub = new FakeHub();
  });
  afterEach(() => dropDb(name));

  it('exchanges the code for a token, with this device id and badge key, and stores the link', async () => {
    const outcome = await pairDevice({ store: sync, transport: hub, origin: 'http://127.0.0.1:8080', code: CODE, badgeKey });
    expect(outcome.status).to.equal('paired');
    const deviceId = await sync.deviceId();
    expect(hub.pairs).to.deep.equal([{ code: CODE, deviceId, badgeKey: await badgeKey() }]);
    expect(await sync.link()).to.deep.include({ origin: 'http://127.0.0.1:8080', siteId: 'demo', deviceId, token: `vkd_${'A'.repeat(43)}` });
  });

  it('an already paired device does not ask the hub again (a used link reopened)', async () => {
    await pairDevice({ store: sync, transport: hub, origin: 'http://127.0.0.1:8080', code: CODE, badgeKey });
    hub.pairReply = new SyncError('gone', { status: 410, hubCode: 'pair-code-used' });
    const again = await pairDevice({ store: sync, transport: hub, origin: 'http://127.0.0.1:8080', code: CODE, badgeKey });
    expect(again.status).to.equal('already-paired');
    expect(hub.pairs.length).to.equal(1);
  });

  it('a used or unknown code fails with the hub code and stores nothing', async () => {
    hub.pairReply = new SyncError('gone', { status: 410, hubCode: 'pair-code-used' });
    const outcome = await pairDevice({ store: sync, transport: hub, origin: 'http://127.0.0.1:8080', code: CODE, badgeKey });
    expect(outcome).to.deep.equal({ status: 'failed', reason: 'pair-code-used', retryable: false });
    expect(await sync.link()).to.equal(undefined);
    const malformed = await pairDevice({ store: sync, transport: hub, origin: 'http://127.0.0.1:8080', code: 'short', badgeKey });
    expect(malformed.status).to.equal('failed');
    expect(hub.pairs.length).to.equal(1);
  });
});
