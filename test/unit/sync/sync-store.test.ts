import { expect } from '@open-wc/testing';
import type { KioskError } from '../../../src/domain/errors.js';
import type { Alert } from '../../../src/domain/desk.js';
import { DeskStore, SyncStore, VisitStore } from '../../../src/storage/index.js';
import { HK, dropDb, makeDraft, rawPut, rawRows, rejectionOf, takeUnhandled, uniqueDbName } from '../storage/helpers.js';

describe('SyncStore', () => {
  let name: string;
  let visits: VisitStore;
  let sync: SyncStore;

  beforeEach(() => {
    name = uniqueDbName();
    visits = new VisitStore(name);
    sync = new SyncStore(name);
    takeUnhandled();
  });
  afterEach(async () => {
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  it('deviceId: created once, the same one registrations use', async () => {
    const id = await sync.deviceId();
    expect(await sync.deviceId()).to.equal(id);
    const visit = await visits.register(makeDraft(), { ...HK, now: new Date() });
    expect(visit.deviceId).to.equal(id);
  });

  it('the hub link is checked on the way in and kept only in IndexedDB', async () => {
    const deviceId = await sync.deviceId();
    const link = { origin: 'https://hub.example:8443', token: `vkd_${'x'.repeat(43)}`, siteId: 'demo', deviceId, pairedAt: new Date().toISOString() };
    await sync.setLink(link);
    expect(await sync.link()).to.deep.equal(link);
    // Nothing of it in localStorage.
    expect(JSON.stringify({ ...localStorage })).not.to.contain('vkd_');
    // A staff token or an origin with a path is not a link.
    const error = await rejectionOf(sync.setLink({ ...link, token: `vks_${'x'.repeat(43)}` }));
    expect((error as KioskError).code).to.equal('storage-row-invalid');
    expect((await rejectionOf(sync.setLink({ ...link, origin: 'https://hub.example/api?t=1' })) as KioskError).code).to.equal('storage-row-invalid');
    await sync.setPullCursor('c9');
    await sync.clearLink();
    expect(await sync.link()).to.equal(undefined);
    expect(await sync.pullCursor()).to.equal(undefined);
  });

  it('putVisitsFromHub writes rows without outbox entries or sequence numbers, newer ones only', async () => {
    const mine = await visits.register(makeDraft(), { ...HK, now: new Date('2026-11-23T01:00:00Z') });
    await visits.updateStatus(mine.id, 'checked-in', new Date('2026-11-23T01:05:00Z'));
    const before = await rawRows(name, 'outbox');
    const seqBefore = (await rawRows(name, 'meta')).length;

    // An older copy of my visit (history shorter): ignored. A visit of another device: added.
    const other = { ...mine, id: '01950000-0000-7000-8000-000000000002', deviceId: '01950000-0000-7000-8000-0000000000aa', seq: 7 };
    expect(await sync.putVisitsFromHub([mine, other])).to.equal(1);
    expect((await visits.get(mine.id))?.status).to.equal('checked-in');
    expect(await visits.get(other.id)).to.deep.equal(other);
    expect(await rawRows(name, 'outbox')).to.deep.equal(before);
    expect((await rawRows(name, 'meta')).length).to.equal(seqBefore);

    // The day list (cached) sees the hub's rows at once, including an in-place change.
    expect((await visits.listByDay(mine.dayKey)).rows.map((v) => v.id).sort()).to.deep.equal([mine.id, other.id].sort());
    const otherIn = { ...other, status: 'checked-in' as const, updatedAt: '2026-11-23T02:00:00.000Z', history: [...other.history, { status: 'checked-in' as const, at: '2026-11-23T02:00:00.000Z' }] };
    expect(await sync.putVisitsFromHub([otherIn])).to.equal(1);
    expect((await visits.listByDay(mine.dayKey)).rows.find((v) => v.id === other.id)?.status).to.equal('checked-in');

    // A bad row writes nothing.
    const bad = { ...other, id: '01950000-0000-7000-8000-000000000003', visitorType: 'astronaut' } as unknown as typeof other;
    const error = await rejectionOf(sync.putVisitsFromHub([bad]));
    expect((error as KioskError).code).to.equal('storage-row-invalid');
    expect(await visits.get(bad.id)).to.equal(undefined);
  });

  it('putAlertsFromHub replaces the stored alert (the hub decides), and the desk lists it', async () => {
    const alert: Alert = {
      id: '01950000-0000-7000-8000-0000000000a1',
      siteId: 'demo',
      kind: 'incident',
      incidentClass: 'C',
      visitId: '01950000-0000-7000-8000-000000000002',
      createdAt: '2026-11-23T01:00:00.000Z',
      notify: ['pr'],
      escalateAt: '2026-11-23T01:02:00.000Z',
      escalationLevel: 0,
      mediaPresent: false,
      status: 'open',
    };
    await sync.putAlertsFromHub([alert]);
    const desk = new DeskStore(name);
    expect((await desk.listOpenAlerts()).rows).to.deep.equal([alert]);
    const acked: Alert = { ...alert, status: 'acknowledged', acknowledgedAt: '2026-11-23T01:01:00.000Z', acknowledgedBy: 'staff-1' };
    await sync.putAlertsFromHub([acked]);
    expect((await desk.listOpenAlerts()).rows).to.deep.equal([]);
    expect(await desk.getAlert(alert.id)).to.deep.equal(acked);
  });

  it('outboxBatch reads entries with the current visit, and reports unreadable ones without hiding them', async () => {
    const a = await visits.register(makeDraft(), { ...HK, now: new Date() });
    const b = await visits.register(makeDraft(), { ...HK, now: new Date() });
    await visits.updateStatus(a.id, 'checked-in', new Date());
    await rawPut(name, 'outbox', { seq: 4, visitId: b.id, op: 'teleport', enqueuedAt: new Date().toISOString() });
    const batch = await sync.outboxBatch(10);
    expect(batch.changes.map((c) => [c.seq, c.visit?.id, c.visit?.status])).to.deep.equal([
      [1, a.id, 'checked-in'],
      [2, b.id, 'registered'],
      [3, a.id, 'checked-in'],
    ]);
    expect(batch.stuck.map((s) => s.seq)).to.deep.equal([4]);
    expect(JSON.stringify(batch.stuck)).not.to.contain('Chan');
  });

  it('revoked ids accumulate without duplicates', async () => {
    await sync.addRevokedJtis(['AAAAAAAAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBBBBBBBA']);
    await sync.addRevokedJtis(['AAAAAAAAAAAAAAAAAAAAAA']);
    expect(await sync.isRevoked('BBBBBBBBBBBBBBBBBBBBBA')).to.equal(true);
    const meta = (await rawRows(name, 'meta')) as unknown[];
    expect(meta).to.deep.include(['AAAAAAAAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBBBBBBBA']);
  });
});
