// Issue 6 on the kiosk, against real IndexedDB in Chromium with a scripted hub: a pull that lists erased visits
// deletes the kiosk's copies (acknowledged or still waiting to be sent, with their outbox entries) and nothing
// else; every pull reports the outbox count and the storage use (navigator.storage.estimate()) to the hub.
import { expect } from '@open-wc/testing';
import type { HubLink } from '../../../src/schemas/hub-link.js';
import type { PullReply, PullReport } from '../../../src/schemas/sync.js';
import { SyncStore, VisitStore } from '../../../src/storage/index.js';
import { SyncEngine, estimateStorageUsage } from '../../../src/sync/index.js';
import { HK, dropDb, makeDraft, rawRows, takeUnhandled, uniqueDbName } from '../storage/helpers.js';
import { FakeHub } from './fake-hub.js';

const TOKEN = `vkd_${'C'.repeat(43)}`;

/** The scripted hub, also keeping what each pull reported. */
class ReportingHub extends FakeHub {
  readonly reports: (PullReport | undefined)[] = [];
  override pull(cursor: string | undefined, report?: PullReport): Promise<PullReply> {
    this.reports.push(report);
    return super.pull(cursor);
  }
}

const until = async (what: string, check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('A kiosk hears of erasures and reports its health with its pull', () => {
  let name: string;
  let visits: VisitStore;
  let sync: SyncStore;
  let hub: ReportingHub;
  let link: HubLink;
  let engine: SyncEngine | undefined;

  beforeEach(async () => {
    name = uniqueDbName();
    visits = new VisitStore(name);
    sync = new SyncStore(name);
    hub = new ReportingHub();
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

  const start = (extra: Partial<ConstructorParameters<typeof SyncEngine>[0]> = {}): SyncEngine => {
    engine = new SyncEngine({ store: sync, transport: hub, link, backoff: { baseMs: 60_000, capMs: 60_000, random: () => 0.99 }, pullIntervalMs: 3_600_000, ...extra });
    engine.start();
    return engine;
  };

  it('deletes the visits a pull lists as erased — a checked-in one held for its badge, one still waiting to be sent — and keeps the rest', async () => {
    const now = new Date();
    // Acknowledged and checked in: the kiosk would keep it for the badge check-out until the day's end.
    const held = await visits.register(makeDraft(), { ...HK, now });
    await visits.checkIn(held.id, now);
    const first = start();
    await until('both changes acknowledged', async () => (await visits.pendingCount()) === 0);
    await engine?.purge();
    expect((await visits.get(held.id))?.status).to.equal('checked-in');
    // Not sent yet (the hub unreachable for pushes): its outbox entry waits.
    hub.standing = 'network';
    const waiting = await visits.register(makeDraft({ visitor: { fullName: 'Lee Siu Ming', phone: '+85291230001', organisation: '', partySize: 1 } }), { ...HK, now });
    const other = await visits.register(makeDraft({ visitor: { fullName: 'Wong Ka Yan', phone: '+85291230002', organisation: '', partySize: 1 } }), { ...HK, now });
    expect(await visits.pendingCount()).to.equal(2);

    hub.pullReplies = [{ cursor: 'c9', revokedJtis: [], deviceRevoked: false, erasedVisitIds: [held.id, waiting.id, '01890a5d-ac96-774b-bcce-b302099a8057'] }];
    await first.pull();
    expect(await sync.pullCursor()).to.equal('c9');
    expect(await visits.get(held.id)).to.equal(undefined);
    expect(await visits.get(waiting.id)).to.equal(undefined);
    expect((await visits.get(other.id))?.visitor.fullName).to.equal('Wong Ka Yan', 'someone else stays');
    // The erased visit's change can never be sent (it would bring the person back to the hub): it went too.
    const outbox = (await rawRows(name, 'outbox')) as { visitId: string }[];
    expect(outbox.map((e) => e.visitId)).to.deep.equal([other.id]);
    expect(await visits.pendingCount()).to.equal(1);
  });

  it('reports the outbox count and the storage use with every pull', async () => {
    hub.standing = 'network';
    await visits.register(makeDraft(), { ...HK, now: new Date() });
    await visits.register(makeDraft(), { ...HK, now: new Date() });
    const e = start();
    await until('the first pull', () => hub.reports.length >= 1);
    await e.pull();
    const report = hub.reports.at(-1);
    expect(report?.pending).to.equal(2);
    // Chromium's real estimate: this origin's IndexedDB holds at least the two visits.
    const usage = await estimateStorageUsage();
    expect(usage).to.be.a('number');
    expect(report?.storageBytes).to.be.a('number');
    expect(report?.storageBytes).to.be.greaterThan(0);
  });

  it('leaves out what it cannot tell, and never sends a number the hub would refuse', async () => {
    const e = start({ storageUsage: () => Promise.resolve(undefined) });
    await until('the first pull', () => hub.reports.length >= 1);
    expect(hub.reports.at(-1)).to.deep.equal({ pending: 0 });
    await e.stop();
    start({ storageUsage: () => Promise.resolve(-5) });
    await until('the second engine’s pull', () => hub.reports.length >= 2);
    expect(hub.reports.at(-1)).to.deep.equal({ pending: 0 });
    await engine?.stop();
    start({ storageUsage: () => Promise.resolve(1234.6) });
    await until('the third engine’s pull', () => hub.reports.length >= 3);
    expect(hub.reports.at(-1)).to.deep.equal({ pending: 0, storageBytes: 1235 });
  });
});
