import { expect } from '@open-wc/testing';
import { SyncStore, VisitStore } from '../../../src/storage/index.js';
import { OutboxPusher, SyncError, backoffDelay, BACKOFF_CAP_MS, REFUSED_RETRY_MS, type DrainResult } from '../../../src/sync/index.js';
import { HK, dropDb, makeDraft, rawRows, takeUnhandled, uniqueDbName } from '../storage/helpers.js';
import { FakeHub } from './fake-hub.js';

const DEVICE = '0194f3c4-5b6a-7c8d-9e0f-112233445566';
const DAY_MS = 24 * 3600_000;

/** Registers `n` visits (and, for every third, a check-in: a second outbox entry for the same visit). */
async function fill(store: VisitStore, n: number, now = new Date()): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const visit = await store.register(makeDraft(), { ...HK, now });
    ids.push(visit.id);
    if (i % 3 === 0) await store.updateStatus(visit.id, 'checked-in', now);
  }
  return ids;
}

const until = async (what: string, check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('OutboxPusher', () => {
  let name: string;
  let visits: VisitStore;
  let sync: SyncStore;
  let hub: FakeHub;

  beforeEach(() => {
    name = uniqueDbName();
    visits = new VisitStore(name);
    sync = new SyncStore(name);
    hub = new FakeHub();
    takeUnhandled();
  });
  afterEach(async () => {
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  it('pushes every entry in ascending seq order, in batches no larger than asked, and empties the outbox', async () => {
    await fill(visits, 12);
    const pending = await visits.pendingCount();
    expect(pending).to.equal(16);
    const pusher = new OutboxPusher({ store: sync, transport: hub, deviceId: DEVICE, batchSize: 5 });

    const result = await pusher.drain();

    expect(result.acked).to.equal(16);
    expect(hub.pushes.map((p) => p.changes.length)).to.deep.equal([5, 5, 5, 1]);
    const seqs = hub.pushes.flatMap((p) => p.changes.map((c) => c.seq));
    expect(seqs).to.deep.equal(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(hub.pushes.every((p) => p.deviceId === DEVICE)).to.equal(true);
    expect(await visits.pendingCount()).to.equal(0);
    expect(hub.visits.size).to.equal(12);
    // Each entry carries the visit's CURRENT state: the checked-in ones arrive checked in, even under seq 1.
    const first = hub.pushes[0]?.changes[0];
    expect(first?.type === 'visit' && first.visit.status).to.equal('checked-in');
    expect(hub.gaps).to.deep.equal([]);
  });

  it('deletes only what the hub acknowledged — never an entry it did not send', async () => {
    await fill(visits, 4); // seqs 1..6 (the first and the fourth visit also checked in)
    hub.ackOnly = 2;
    // A buggy hub acknowledging seqs it never got: 6 must stay until it is really sent and acknowledged.
    hub.extraAcks = [99, 6];
    const pusher = new OutboxPusher({ store: sync, transport: hub, deviceId: DEVICE, batchSize: 3 });

    await pusher.drain();

    // Batches of 3: acks 1,2 (the bogus 6 ignored: not in the batch), then 3,4, then 5,6.
    expect((await rawRows(name, 'outbox')).length).to.equal(0);
    const sent = hub.pushes.map((p) => p.changes.map((c) => c.seq));
    expect(sent).to.deep.equal([
      [1, 2, 3],
      [3, 4, 5],
      [5, 6],
    ]);
  });

  it('keeps the entries when the hub acknowledges nothing, and says so as a server failure', async () => {
    await fill(visits, 2);
    hub.ackOnly = 0;
    const pusher = new OutboxPusher({ store: sync, transport: hub, deviceId: DEVICE });
    const error = await pusher.drain().then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(SyncError);
    expect((error as SyncError).kind).to.equal('server');
    expect(await visits.pendingCount()).to.equal(3);
  });

  it('a reply lost after the hub committed is sent again and changes nothing at the hub', async () => {
    await fill(visits, 6);
    hub.faults = ['lost-ack'];
    const pusher = new OutboxPusher({ store: sync, transport: hub, deviceId: DEVICE, batchSize: 4 });

    const error = await pusher.drain().then(() => undefined, (e: unknown) => e);
    expect((error as SyncError).kind).to.equal('network');
    expect(await visits.pendingCount()).to.equal(8); // nothing deleted without an acknowledgement
    expect(hub.visits.size).to.equal(3); // but the hub holds the first batch

    await pusher.drain();
    expect(await visits.pendingCount()).to.equal(0);
    expect(hub.visits.size).to.equal(6);
    expect(hub.seen.size).to.equal(8);
  });

  it('queued for a week: nothing expires, everything is sent when the hub is back', async () => {
    const weekAgo = new Date(Date.now() - 8 * DAY_MS);
    await fill(visits, 3, weekAgo);
    hub.standing = 'network';
    const failures: number[] = [];
    const pusher = new OutboxPusher({
      store: sync,
      transport: hub,
      deviceId: DEVICE,
      backoff: { baseMs: 2, capMs: 20, random: () => 0.5 },
      onFailure: (_e, wait) => failures.push(wait),
    });
    pusher.start();
    await until('a few failed tries', () => failures.length >= 6);
    expect(await visits.pendingCount()).to.equal(4);
    hub.standing = undefined;
    await until('the outbox to empty', async () => (await visits.pendingCount()) === 0);
    await pusher.stop();
    expect(hub.visits.size).to.equal(3);
    expect([...hub.visits.values()].every((v) => v.createdAt === weekAgo.toISOString())).to.equal(true);
  });

  it('backs off exponentially with full jitter up to the cap while the hub is unreachable', async () => {
    await fill(visits, 1);
    hub.standing = 'server';
    const waits: number[] = [];
    const pusher = new OutboxPusher({
      store: sync,
      transport: hub,
      deviceId: DEVICE,
      // random just below 1: the delays show the bound itself.
      backoff: { baseMs: 1, capMs: 16, random: () => 0.9999 },
      onFailure: (_e, wait) => waits.push(wait),
    });
    pusher.start();
    await until('seven failures', () => waits.length >= 7);
    await pusher.stop();
    expect(waits.slice(0, 7)).to.deep.equal([0, 1, 3, 7, 15, 15, 15]);
    expect(pusher.attempt).to.be.greaterThanOrEqual(7);
  });

  it('backoffDelay stays within [0, min(cap, base·2^(n−1))) and reaches the cap', () => {
    for (let attempt = 1; attempt < 40; attempt++) {
      for (const r of [0, 0.25, 0.9999]) {
        const d = backoffDelay(attempt, { random: () => r });
        expect(d).to.be.at.least(0);
        expect(d).to.be.below(Math.min(BACKOFF_CAP_MS, 1000 * 2 ** (attempt - 1)) + 1);
      }
    }
    expect(backoffDelay(30, { random: () => 0.9999 })).to.be.greaterThan(BACKOFF_CAP_MS - 100);
  });

  it('wake() ends a long backoff wait at once', async () => {
    await fill(visits, 2);
    hub.faults = ['network'];
    let failed = false;
    const pusher = new OutboxPusher({
      store: sync,
      transport: hub,
      deviceId: DEVICE,
      backoff: { baseMs: 60_000, capMs: 60_000, random: () => 0.99 },
      onFailure: () => (failed = true),
    });
    pusher.start();
    await until('the first failure', () => failed);
    const woken = Date.now();
    pusher.wake();
    await until('the outbox to empty', async () => (await visits.pendingCount()) === 0, 3000);
    expect(Date.now() - woken).to.be.below(3000);
    await pusher.stop();
  });

  it('a refused entry is set aside (never deleted) and the ones behind it still go', async () => {
    await fill(visits, 5); // seqs 1..7
    hub.faults = [{ refuseSeq: 3, withPath: true }];
    let now = Date.now();
    const pusher = new OutboxPusher({ store: sync, transport: hub, deviceId: DEVICE, now: () => now });

    const result: DrainResult = await pusher.drain();

    expect(result.refused).to.equal(1);
    const left = (await rawRows(name, 'outbox')) as { seq: number }[];
    expect(left.map((e) => e.seq)).to.deep.equal([3]);
    expect(hub.visits.size).to.equal(4); // the visit of seq 3 registered only: refused
    // A batch never spans the hole: 1–2, then 4–7, whose start shows the hub the hole (the desk shows it).
    expect(hub.pushes.slice(-2).map((p) => p.changes.map((c) => c.seq))).to.deep.equal([
      [1, 2],
      [4, 5, 6, 7],
    ]);
    expect(hub.gaps).to.deep.equal([{ deviceId: DEVICE, expected: 3, got: 4 }]);

    // An hour later it is offered again; once the hub takes it, it goes.
    hub.faults = [];
    now += REFUSED_RETRY_MS + 1;
    const again = await pusher.drain();
    expect(again.acked).to.equal(1);
    expect(await visits.pendingCount()).to.equal(0);
  });

  it('without a path, a refused batch is halved until the culprit stands alone', async () => {
    await fill(visits, 8); // seqs 1..11
    hub.faults = [{ refuseSeq: 6, withPath: false }];
    const pusher = new OutboxPusher({ store: sync, transport: hub, deviceId: DEVICE });
    const result = await pusher.drain();
    expect(result.refused).to.equal(1);
    const left = (await rawRows(name, 'outbox')) as { seq: number }[];
    expect(left.map((e) => e.seq)).to.deep.equal([6]);
  });

  it('413: halves the batch until the hub takes it', async () => {
    await fill(visits, 9); // 12 entries
    hub.faults = [{ tooLarge: 3 }];
    const pusher = new OutboxPusher({ store: sync, transport: hub, deviceId: DEVICE });
    await pusher.drain();
    expect(await visits.pendingCount()).to.equal(0);
    expect(Math.max(...hub.pushes.map((p) => p.changes.length))).to.be.at.most(3);
  });

  it('401 stops the loop and reports the device as no longer authorised', async () => {
    await fill(visits, 1);
    hub.standing = 'unauthorised';
    let unauthorised = 0;
    const pusher = new OutboxPusher({ store: sync, transport: hub, deviceId: DEVICE, onUnauthorised: () => unauthorised++ });
    pusher.start();
    await until('the 401', () => unauthorised === 1);
    await pusher.stop();
    expect(await visits.pendingCount()).to.equal(2);
  });

  it('403 device-revoked is a revoked device (the loop stops, nothing deleted); a 403 on the request as a whole sets no entry aside', async () => {
    await fill(visits, 1);
    hub.standing = 'revoked';
    let unauthorised = 0;
    const pusher = new OutboxPusher({ store: sync, transport: hub, deviceId: DEVICE, onUnauthorised: () => unauthorised++ });
    pusher.start();
    await until('the revocation', () => unauthorised === 1);
    await pusher.stop();
    expect(await visits.pendingCount()).to.equal(2);

    hub.standing = undefined;
    hub.faults = ['forbidden-device'];
    const other = new OutboxPusher({ store: sync, transport: hub, deviceId: DEVICE });
    const error = await other.drain().then(() => undefined, (e: unknown) => e);
    expect((error as SyncError).kind).to.equal('forbidden');
    const result = await other.drain();
    expect(result.refused).to.equal(0);
    expect(await visits.pendingCount()).to.equal(0);
  });

  it('an entry whose visit row is unreadable is kept and reported, and does not block the rest', async () => {
    const ids = await fill(visits, 3);
    const { rawPut } = await import('../storage/helpers.js');
    const bad = (await rawRows(name, 'visits')).find((v) => (v as { id: string }).id === ids[1]) as Record<string, unknown>;
    await rawPut(name, 'visits', { ...bad, visitorType: 'astronaut' });
    const pusher = new OutboxPusher({ store: sync, transport: hub, deviceId: DEVICE });
    const result = await pusher.drain();
    expect(result.stuck).to.equal(1);
    expect(await visits.pendingCount()).to.equal(1);
    expect(hub.visits.size).to.equal(2);
  });

  it('two pushers sharing a lock never send the same entry twice', async () => {
    await fill(visits, 30);
    const { namedLock } = await import('../../../src/sync/index.js');
    const lock = namedLock(`test-${name}`);
    const a = new OutboxPusher({ store: sync, transport: hub, deviceId: DEVICE, batchSize: 7, lock });
    const b = new OutboxPusher({ store: new SyncStore(name), transport: hub, deviceId: DEVICE, batchSize: 7, lock });
    await Promise.all([a.drain(), b.drain()]);
    const seqs = hub.pushes.flatMap((p) => p.changes.map((c) => c.seq));
    expect(seqs.length).to.equal(40);
    expect(new Set(seqs).size).to.equal(40);
  });
});
