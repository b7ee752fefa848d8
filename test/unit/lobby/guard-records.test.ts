/**
 * The guard's registers as lobby records (src/storage/guard.ts on RecordStore, real IndexedDB): what they write
 * is what the pusher sends (outbox `upsert-record`, batch change `record`), records the hub sends are the
 * registers' too, and the one-time steps stay one-time when two callers race.
 */
import { expect } from '@open-wc/testing';
import { GuardError } from '../../../src/domain/guard.js';
import { newRecord, type LobbyRecord } from '../../../src/domain/lobby/record.js';
import type { Visit } from '../../../src/domain/visit.js';
import { lobbyRecordSchema } from '../../../src/schemas/lobby.js';
import { GuardStore } from '../../../src/storage/guard.js';
import { RecordStore, SyncStore, newRecordId } from '../../../src/storage/index.js';
import { HK, dropDb, rawRows, takeUnhandled, uniqueDbName } from '../storage/helpers.js';

const T0 = new Date('2026-11-23T02:00:00Z');
const SITE = { id: HK.siteId, timeZone: HK.timeZone };
const MANAGER = { id: 'manager-1', role: 'site-manager' as const };

describe('GuardStore on the shared lobby records', () => {
  let name: string;
  beforeEach(() => {
    name = uniqueDbName();
    takeUnhandled();
  });
  afterEach(async () => {
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  it('a goods pass is a lobby record: each step is a transition with its outbox entry, and the batch carries it as a record change', async () => {
    const guard = new GuardStore(name, SITE);
    const pass = await guard.requestPass({ unit: '12B', requester: 'resident', items: 'Sofa', validFrom: '2026-11-23', validUntil: '2026-11-24' }, 'guard-1', T0);
    await guard.decidePass(pass.id, 'approved', MANAGER, new Date(T0.getTime() + 60_000));
    const used = await guard.usePassByCode(pass.code.toLowerCase(), 'guard-1', new Date(T0.getTime() + 120_000));
    expect(used.status).to.equal('closed');
    const stored = await new RecordStore(name).get(pass.id);
    expect(lobbyRecordSchema.safeParse(stored).success).to.equal(true);
    expect(stored?.kind).to.equal('goods-pass');
    expect(stored?.history.map((h) => [h.state, h.by])).to.deep.equal([
      ['requested', 'guard-1'],
      ['approved', 'manager-1'],
      ['closed', 'guard-1'],
    ]);
    expect(((await rawRows(name, 'outbox')) as { op: string }[]).map((e) => e.op)).to.deep.equal(['upsert-record', 'upsert-record', 'upsert-record']);
    const batch = await new SyncStore(name).outboxBatch(10);
    expect(batch.stuck).to.deep.equal([]);
    // Each entry sends the record as it is now (the hub keeps the longest history).
    expect(batch.changes.map((c) => [c.visit, c.record?.id, c.record?.state])).to.deep.equal([
      [undefined, pass.id, 'closed'],
      [undefined, pass.id, 'closed'],
      [undefined, pass.id, 'closed'],
    ]);
  });

  it('a pass let out by two taps at once: one closes it, the other is refused (pass-closed) and writes nothing', async () => {
    const guard = new GuardStore(name, SITE);
    const pass = await guard.requestPass({ unit: '3C', requester: 'tenant', items: 'Desk', validFrom: '2026-11-23', validUntil: '2026-11-23' }, 'guard-1', T0);
    await guard.decidePass(pass.id, 'approved', MANAGER, T0);
    const results = await Promise.allSettled([guard.usePassByCode(pass.code, 'guard-1', T0), guard.usePassByCode(pass.code, 'guard-2', T0)]);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused?.reason).to.be.instanceOf(GuardError);
    expect((refused?.reason as GuardError).code).to.equal('pass-closed');
    expect(((await rawRows(name, 'outbox')) as unknown[]).length).to.equal(3);
    expect((await new RecordStore(name).get(pass.id))?.history).to.have.length(3);
  });

  it('a handover another desk made, received from the hub, is listed here and acknowledged once by the next shift', async () => {
    const other = newRecord({
      id: newRecordId(T0),
      kind: 'handover',
      siteId: HK.siteId,
      deviceId: newRecordId(T0),
      timeZone: HK.timeZone,
      now: T0,
      by: 'guard-night',
      data: { createdBy: 'guard-night', openItems: 'Lift 2 out of order', changes: '', notices: '', equipment: 'Radio 3 charging' },
    });
    expect(await new RecordStore(name).putFromHub([other])).to.equal(1);
    const guard = new GuardStore(name, SITE);
    const [listed] = (await guard.list('handover', T0)).rows;
    expect(listed?.id).to.equal(other.id);
    expect(listed?.openItems).to.equal('Lift 2 out of order');
    const refused = await guard.acknowledgeHandover(other.id, 'guard-night', T0).catch((e: unknown) => e);
    expect((refused as GuardError).code).to.equal('handover-same-staff');
    const acked = await guard.acknowledgeHandover(other.id, 'guard-day', new Date(T0.getTime() + 1000));
    expect(acked.acknowledgedBy).to.equal('guard-day');
    expect(((await new RecordStore(name).get(other.id)) as LobbyRecord).state).to.equal('acknowledged');
    // The acknowledgement is this device's change: it goes to the hub.
    expect(((await rawRows(name, 'outbox')) as { recordId: string }[]).map((e) => e.recordId)).to.deep.equal([other.id]);
  });

  it('a numbered badge is one card however many refreshes record it at once (its id is derived from the visit)', async () => {
    const visit = { id: newRecordId(T0), badgeNumber: 'V 17', status: 'checked-in', createdAt: T0.toISOString(), history: [{ status: 'checked-in', at: T0.toISOString() }] } as unknown as Visit;
    const guard = new GuardStore(name, SITE);
    const added = await Promise.all([guard.recordBadgeCards([visit], 'guard-1', T0), guard.recordBadgeCards([visit], 'guard-1', T0), new GuardStore(name, SITE).recordBadgeCards([visit], 'guard-2', T0)]);
    expect(added.flat()).to.have.length(1);
    const cards = (await guard.list('card', T0)).rows;
    expect(cards.map((c) => [c.number, c.visitId])).to.deep.equal([['V 17', visit.id]]);
    expect(await guard.recordBadgeCards([visit], 'guard-1', T0)).to.deep.equal([]);
    // Checked out, badge handed back: the card is returned, and a second settle changes nothing.
    expect((await guard.settleVisitCard(visit, true, 'guard-1', new Date(T0.getTime() + 3_600_000))).map((c) => c.returnedBy)).to.deep.equal(['guard-1']);
    expect(await guard.settleVisitCard(visit, true, 'guard-1', new Date(T0.getTime() + 3_600_000))).to.deep.equal([]);
  });
});
