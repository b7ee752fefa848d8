/**
 * The day-list cache behind `VisitStore.listByDay` (src/storage/day-cache.ts): a list served from memory
 * must always be exactly what the database holds — after this page's writes, another store instance's,
 * another connection's (a worker, as another tab would be), and rows added behind the module's back —
 * and a bad row is reported on every list, never served.
 */
import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { randomId } from '../../../src/invite/keys.js';
import type { Visit, VisitStatus } from '../../../src/domain/visit.js';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../../../src/domain/uuid.js';
import { CHANNEL_PREFIX, MAX_CACHED_DAYS, cachedDayKeys, type StorageMessage } from '../../../src/storage/day-cache.js';
import { DB_VERSION, VisitStore, closeKioskDb } from '../../../src/storage/index.js';
import { HK, HK_EVENING_UTC, SecondTab, dropDb, makeDraft, makeInvitedDraft, rawPut, takeUnhandled, uniqueDbName, within } from './helpers.js';

/** HK_EVENING_UTC falls on this Hong Kong day. */
const DAY = '2026-11-23';
const at = (iso: string): Date => new Date(iso);
const newId = (ms: number): string => uuidv7(ms, crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));
/** Long enough for a BroadcastChannel message between two objects of one page, even on a loaded machine. */
const MESSAGE_WAIT_MS = 5000;

/** The day as the `by-day` index holds it, read through a connection of its own (no module, no cache). */
async function onDisk(name: string, day: string = DAY): Promise<Visit[]> {
  const db = await openDB(name);
  try {
    return (await db.getAllFromIndex('visits', 'by-day', day)) as Visit[];
  } finally {
    db.close();
  }
}

/** The ids the `by-day-status` index gives for one status, read raw. */
async function idsOnDisk(name: string, day: string, status: string): Promise<string[]> {
  const db = await openDB(name);
  try {
    return ((await db.getAllFromIndex('visits', 'by-day-status', [day, status])) as Visit[]).map((v) => v.id);
  } finally {
    db.close();
  }
}

async function rawDelete(name: string, id: string): Promise<void> {
  const db = await openDB(name);
  try {
    await db.delete('visits', id);
  } finally {
    db.close();
  }
}

/** Polls `check` until it holds (a BroadcastChannel message is delivered in its own task). */
async function eventually(check: () => boolean, what: string): Promise<void> {
  await within(
    (async () => {
      while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
    })(),
    MESSAGE_WAIT_MS,
    what,
  );
}

describe('VisitStore day cache', () => {
  let name: string;
  let store: VisitStore;
  const tabs: SecondTab[] = [];

  beforeEach(() => {
    name = uniqueDbName();
    store = new VisitStore(name);
    takeUnhandled();
  });
  afterEach(async () => {
    for (const tab of tabs.splice(0)) await tab.close(name);
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  /** Three visits on DAY at 09:00, 10:00, 11:00 Hong Kong time. */
  async function threeVisits(): Promise<Visit[]> {
    return [
      await store.register(makeDraft(), { ...HK, now: at('2026-11-23T01:00:00Z') }),
      await store.register(makeDraft(), { ...HK, now: at('2026-11-23T02:00:00Z') }),
      await store.register(makeDraft(), { ...HK, now: at('2026-11-23T03:00:00Z') }),
    ];
  }

  it('serves a repeated list from memory, equal to the database', async () => {
    await threeVisits();
    const first = await store.listByDay(DAY);
    const second = await store.listByDay(DAY);

    expect(first.rows).to.deep.equal(await onDisk(name));
    expect(second).to.deep.equal(first);
    // The very same parsed objects: the second list parsed nothing.
    second.rows.forEach((row, i) => expect(row).to.equal(first.rows[i]));
    expect(cachedDayKeys(name)).to.deep.equal([DAY]);
  });

  it('hands out frozen rows and fresh arrays: a caller cannot change what the next caller gets', async () => {
    await threeVisits();
    const list = await store.listByDay(DAY);
    const row = list.rows[0] as Visit;

    expect(Object.isFrozen(row)).to.equal(true);
    expect(() => {
      (row as { status: VisitStatus }).status = 'denied';
    }).to.throw(TypeError);
    expect(() => {
      row.visitor.fullName = 'Someone Else';
    }).to.throw(TypeError);
    expect(() => row.history.push({ status: 'denied', at: row.createdAt })).to.throw(TypeError);
    list.rows.reverse();
    list.rows.pop();

    const again = await store.listByDay(DAY);
    expect(again.rows).to.deep.equal(await onDisk(name));
    expect(again.rows).to.have.length(3);
  });

  it('follows this page’s own writes: register, status changes, check-out, feedback, admission', async () => {
    const [a, b, c] = await threeVisits();
    const before = await store.listByDay(DAY);

    const d = await store.register(makeDraft(), { ...HK, now: at('2026-11-23T00:30:00Z') });
    await store.updateStatus(a!.id, 'checked-in', at('2026-11-23T01:05:00Z'));
    await store.checkOut(a!.id, at('2026-11-23T01:40:00Z'));
    await store.updateStatus(b!.id, 'denied', at('2026-11-23T02:05:00Z'));
    await store.recordFeedback(a!.id, { rating: 'satisfied', reason: '  quick  ' }, at('2026-11-23T01:41:00Z'));
    const e = await store.admitWithToken(makeInvitedDraft(), { ...HK, now: at('2026-11-23T04:00:00Z'), token: { jti: randomId(), kind: 'invitation', maxUses: 1 } });
    // A visit of another day touches nothing cached.
    await store.register(makeDraft(), { ...HK, now: at('2026-11-24T03:00:00Z') });

    const list = await store.listByDay(DAY);
    expect(list.rows).to.deep.equal(await onDisk(name));
    expect(list.invalid).to.deep.equal([]);
    // In creation order, the one registered "earlier" (00:30) first, as the index orders UUIDv7 keys.
    expect(list.rows.map((v) => v.id)).to.deep.equal([d.id, a!.id, b!.id, c!.id, e.id]);
    expect(list.rows[1]?.feedback).to.deep.equal({ rating: 'satisfied', reason: 'quick', at: '2026-11-23T01:41:00.000Z' });
    // Updated in place rather than dropped and read again: the untouched row is still the object parsed first.
    expect(cachedDayKeys(name)).to.deep.equal([DAY]);
    expect(list.rows[3]).to.equal(before.rows[2]);
  });

  it('a visit returned by a write is the caller’s own copy, not the cached row', async () => {
    await store.listByDay(DAY);
    const visit = await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
    visit.visitor.fullName = 'Changed By Caller';
    const [cached] = (await store.listByDay(DAY)).rows;
    expect(cached?.visitor.fullName).to.equal('Chan Tai Man');
    expect(cached).to.deep.equal((await onDisk(name))[0]);
  });

  it('sees writes of a second store instance in the same page', async () => {
    const [a] = await threeVisits();
    await store.listByDay(DAY);
    const other = new VisitStore(name);
    const added = await other.register(makeDraft(), { ...HK, now: at('2026-11-23T05:00:00Z') });
    await other.updateStatus(a!.id, 'checked-in', at('2026-11-23T05:01:00Z'));

    const list = await store.listByDay(DAY);
    expect(list.rows.map((v) => v.id)).to.include(added.id);
    expect(list.rows).to.deep.equal(await onDisk(name));
  });

  it('sees a write of another connection (a worker, as another tab) as soon as it has committed', async () => {
    await threeVisits();
    await store.listByDay(DAY);
    const tab = new SecondTab();
    tabs.push(tab);

    for (let i = 0; i < 3; i++) {
      const reply = await tab.ask({ op: 'admit', dbName: name, draft: makeInvitedDraft(), ...HK, now: at(`2026-11-23T0${6 + i}:00:00Z`).toISOString(), token: { jti: randomId(), kind: 'invitation', maxUses: 1 } });
      expect(reply.ok, JSON.stringify(reply)).to.equal(true);
      // Listed at once, without waiting for the worker's channel message: the stamp check must catch it.
      const list = await store.listByDay(DAY);
      expect(list.rows.map((v) => v.id)).to.include((reply as { value: string }).value);
      expect(list.rows).to.deep.equal(await onDisk(name));
      expect(list.rows).to.have.length(4 + i);
    }
  });

  it('sees a change made on another connection before that writer’s channel message arrives', async () => {
    // What another tab's `updateStatus` does in its transaction — the row rewritten, the next sequence
    // number taken, an outbox entry — but with no message at all: only `meta.nextSeq` can tell this page.
    const [a] = await threeVisits();
    await store.listByDay(DAY);
    const db = await openDB(name);
    try {
      const tx = db.transaction(['visits', 'meta', 'outbox'], 'readwrite');
      const seq = (await tx.objectStore('meta').get('nextSeq')) as number;
      const changed: Visit = { ...a!, status: 'checked-in', updatedAt: '2026-11-23T01:05:00.000Z', history: [...a!.history, { status: 'checked-in', at: '2026-11-23T01:05:00.000Z' }] };
      await Promise.all([
        tx.objectStore('visits').put(changed),
        tx.objectStore('meta').put(seq + 1, 'nextSeq'),
        tx.objectStore('outbox').add({ seq, visitId: a!.id, op: 'upsert-visit', enqueuedAt: changed.updatedAt }),
      ]);
      await tx.done;
    } finally {
      db.close();
    }
    const list = await store.listByDay(DAY);
    expect(list.rows[0]?.status).to.equal('checked-in');
    expect(list.rows).to.deep.equal(await onDisk(name));
  });

  it('announces every committed write on the channel, with no personal data', async () => {
    const listener = new BroadcastChannel(CHANNEL_PREFIX + name);
    const heard: StorageMessage[] = [];
    listener.onmessage = (event: MessageEvent<StorageMessage>) => heard.push(event.data);
    try {
      const tab = new SecondTab();
      tabs.push(tab);
      const visit = await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
      await store.updateStatus(visit.id, 'checked-in', HK_EVENING_UTC);
      expect((await tab.ask({ op: 'admit', dbName: name, draft: makeInvitedDraft(), ...HK, now: HK_EVENING_UTC.toISOString(), token: { jti: randomId(), kind: 'invitation', maxUses: 1 } })).ok).to.equal(true);
      await eventually(() => heard.length >= 3, 'three write messages');
      expect(heard).to.have.deep.members([
        { kind: 'write', seq: 1 },
        { kind: 'write', seq: 2 },
        { kind: 'write', seq: 3 },
      ]);
      expect(JSON.stringify(heard)).not.to.contain('Chan Tai Man');
    } finally {
      listener.close();
    }
  });

  it('drops the cache when another tab announces a write', async () => {
    await threeVisits();
    await store.listByDay(DAY);
    expect(cachedDayKeys(name)).to.deep.equal([DAY]);
    const other = new BroadcastChannel(CHANNEL_PREFIX + name);
    try {
      other.postMessage({ kind: 'write', seq: 99 } satisfies StorageMessage);
      await eventually(() => cachedDayKeys(name).length === 0, 'the cache to be dropped');
    } finally {
      other.close();
    }
    expect((await store.listByDay(DAY)).rows).to.deep.equal(await onDisk(name));
  });

  it('reports a bad row on every list, never serves it, and filters by status as the index does', async () => {
    const [a, b] = await threeVisits();
    await store.updateStatus(b!.id, 'checked-in', at('2026-11-23T02:05:00Z'));
    const teleported = { ...a!, id: newId(at('2026-11-23T01:30:00Z').getTime()), status: 'teleported' };
    const badPhone = { ...a!, id: newId(at('2026-11-23T01:31:00Z').getTime()), status: 'checked-in', history: [...a!.history, { status: 'checked-in', at: a!.createdAt }], visitor: { ...a!.visitor, phone: '5550100' } };
    await rawPut(name, 'visits', teleported);
    await rawPut(name, 'visits', badPhone);

    for (let round = 0; round < 2; round++) {
      const list = await store.listByDay(DAY);
      expect(list.rows.map((v) => v.id)).to.deep.equal((await onDisk(name)).filter((v) => v.id !== teleported.id && v.id !== badPhone.id).map((v) => v.id));
      expect(list.invalid.map((r) => r.key)).to.deep.equal([teleported.id, badPhone.id]);
      expect(list.invalid.find((r) => r.key === badPhone.id)?.issues.join(' ')).to.contain('visitor.phone');
      expect(JSON.stringify(list.invalid)).not.to.contain('5550100');
    }
    expect(cachedDayKeys(name)).to.deep.equal([DAY]);

    // From the cached day, each status gives exactly what its index gives, bad rows included.
    for (const status of ['registered', 'checked-in', 'teleported', 'denied'] as VisitStatus[]) {
      const byStatus = await store.listByDayAndStatus(DAY, status);
      expect([...byStatus.rows.map((v) => v.id), ...byStatus.invalid.map((r) => r.key)].sort(), status).to.deep.equal((await idsOnDisk(name, DAY, status)).sort());
    }
    const onSite = await store.listOnSite(DAY);
    expect(onSite.rows.map((v) => v.id)).to.deep.equal([b!.id]);
    expect(onSite.invalid.map((r) => r.key)).to.deep.equal([badPhone.id]);
  });

  it('sees a row added or deleted directly in the database after the cache was filled', async () => {
    const [a, b] = await threeVisits();
    await store.listByDay(DAY);

    const stray = { ...a!, id: newId(at('2026-11-23T01:30:00Z').getTime()), status: 'teleported' };
    await rawPut(name, 'visits', stray);
    const withStray = await store.listByDay(DAY);
    expect(withStray.invalid.map((r) => r.key)).to.deep.equal([stray.id]);
    expect(withStray.rows.map((v) => v.id)).to.not.include(stray.id);

    await rawDelete(name, b!.id);
    const afterDelete = await store.listByDay(DAY);
    expect(afterDelete.rows.map((v) => v.id)).to.not.include(b!.id);
    expect(afterDelete.rows).to.have.length(2);
  });

  it('sees a row rewritten directly in place once another connection writes, or after a reconnect', async () => {
    const [a, b] = await threeVisits();
    await store.listByDay(DAY);

    await rawPut(name, 'visits', { ...a!, visitor: { ...a!.visitor, phone: '5550100' } });
    const tab = new SecondTab();
    tabs.push(tab);
    expect((await tab.ask({ op: 'admit', dbName: name, draft: makeInvitedDraft(), ...HK, now: HK_EVENING_UTC.toISOString(), token: { jti: randomId(), kind: 'invitation', maxUses: 1 } })).ok).to.equal(true);
    expect((await store.listByDay(DAY)).invalid.map((r) => r.key)).to.deep.equal([a!.id]);

    // A reload (a new connection) starts from the database too.
    await rawPut(name, 'visits', { ...b!, visitor: { ...b!.visitor, organisation: 'Changed Directly Ltd' } });
    await closeKioskDb(name);
    const list = await store.listByDay(DAY);
    expect(list.rows.find((v) => v.id === b!.id)?.visitor.organisation).to.equal('Changed Directly Ltd');
  });

  it('stays exact under parallel writes and lists', async () => {
    await threeVisits();
    await store.listByDay(DAY);
    const other = new VisitStore(name);
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      work.push((i % 2 ? other : store).register(makeDraft(), { ...HK, now: at(`2026-11-23T0${i % 10}:15:00Z`) }));
      work.push(store.listByDay(DAY));
    }
    await Promise.all(work);
    const list = await store.listByDay(DAY);
    expect(list.rows).to.deep.equal(await onDisk(name));
    expect(list.rows).to.have.length(13);
  });

  it('keeps nobody in memory on a page that never lists (the kiosk)', async () => {
    const visit = await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
    await store.updateStatus(visit.id, 'checked-in', HK_EVENING_UTC);
    await store.admitWithToken(makeInvitedDraft(), { ...HK, now: HK_EVENING_UTC, token: { jti: randomId(), kind: 'invitation', maxUses: 1 } });
    expect(cachedDayKeys(name)).to.deep.equal([]);
  });

  it(`keeps at most ${MAX_CACHED_DAYS} days, the most recently listed`, async () => {
    const days = Array.from({ length: MAX_CACHED_DAYS + 2 }, (_, i) => `2026-11-${String(10 + i).padStart(2, '0')}`);
    for (const day of days) await store.listByDay(day);
    await store.listByDay(days[3]!);
    expect(cachedDayKeys(name)).to.have.length(MAX_CACHED_DAYS);
    expect(cachedDayKeys(name).at(-1)).to.equal(days[3]);
    expect(cachedDayKeys(name)).to.not.include(days[0]);
  });

  it('drops the cache when a newer version is opened elsewhere', async () => {
    await threeVisits();
    await store.listByDay(DAY);
    const newer = await within(openDB(name, DB_VERSION + 1), 5000, 'opening a newer version');
    newer.close();
    expect(cachedDayKeys(name)).to.deep.equal([]);
    // The database is now newer than this build: delete it here (dropDb would try to reopen nothing).
    await closeKioskDb(name);
    await deleteDB(name);
  });
});
