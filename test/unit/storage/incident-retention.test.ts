import { expect } from '@open-wc/testing';
import { INCIDENT_PURGE_INTERVAL_MS, isIncidentPastRetention } from '../../../src/domain/incident-retention.js';
import type { IncidentRecord } from '../../../src/domain/desk.js';
import { DEFAULT_RECORD_DAYS } from '../../../src/domain/site.js';
import { DeskStore } from '../../../src/storage/index.js';
import { MINUTE, T0, at, classC, makeStaff } from './desk-helpers.js';
import { dropDb, rawRows, rejectionOf, takeUnhandled, uniqueDbName } from './helpers.js';

const DAY = 24 * 60 * MINUTE;
/** A short retention class, as a site's `retention.recordDays` may set it. */
const RECORD_DAYS = 30;

describe('DeskStore.purgeIncidents (incident record retention)', () => {
  let name: string;
  let store: DeskStore;

  beforeEach(async () => {
    name = uniqueDbName();
    store = new DeskStore(name);
    takeUnhandled();
    await store.putStaff(await makeStaff('mgr', '2468', 'site-manager'));
    await store.putStaff(await makeStaff('other-mgr', '9753', 'site-manager', 'other-site'));
  });
  afterEach(async () => {
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  /** An incident opened at `start`, closed and signed off a minute later (its last change), with a done task. */
  async function finished(start: Date, siteId = 'demo'): Promise<{ record: IncidentRecord; taskId: string }> {
    const { alert } = await store.raiseAlert(classC({ siteId }), start);
    const opened = await store.openIncident(alert.id, start);
    await store.closeIncident(opened.id, new Date(start.getTime() + MINUTE), new Date(start.getTime() + 2 * DAY));
    await store.signOff(opened.id, siteId === 'demo' ? 'mgr' : 'other-mgr', new Date(start.getTime() + MINUTE));
    const task = await store.addTask({ siteId, kind: 'notify-cs-centre', ...(opened.visitId ? { visitId: opened.visitId } : {}) }, start);
    await store.completeTask(task.id, 'mgr', new Date(start.getTime() + MINUTE));
    return { record: (await store.getIncident(opened.id)) as IncidentRecord, taskId: task.id };
  }

  const ids = async (storeName: 'incidents' | 'tasks'): Promise<string[]> => ((await rawRows(name, storeName)) as { id: string }[]).map((r) => r.id).sort();

  it('deletes a signed-off record past retention with its finished task, and keeps open, unwritten, held and recent ones', async () => {
    const old = await finished(T0);
    const held = await finished(at(MINUTE));
    await store.holdIncident(held.record.id, at((RECORD_DAYS + 400) * DAY));
    const recent = await finished(at((RECORD_DAYS - 2) * DAY));
    // Closed long ago but never signed off: the written record is still owed.
    const { alert: unwrittenAlert } = await store.raiseAlert(classC(), at(2 * MINUTE));
    const unwritten = await store.openIncident(unwrittenAlert.id, at(2 * MINUTE));
    await store.closeIncident(unwritten.id, at(3 * MINUTE), at(2 * DAY));
    // Opened long ago and never closed.
    const { alert: openAlert } = await store.raiseAlert(classC(), at(4 * MINUTE));
    const open = await store.openIncident(openAlert.id, at(4 * MINUTE));
    const openTask = await store.addTask({ siteId: 'demo', kind: 'help-call', ...(open.visitId ? { visitId: open.visitId } : {}) }, at(4 * MINUTE));

    const now = at((RECORD_DAYS + 1) * DAY);
    expect(isIncidentPastRetention(old.record, now, RECORD_DAYS)).to.equal(true);
    const result = await store.purgeIncidents('demo', now, RECORD_DAYS);

    expect(result).to.deep.equal({ ran: true, incidents: 1, tasks: 1 });
    expect(await ids('incidents')).to.deep.equal([held.record.id, recent.record.id, unwritten.id, open.id].sort());
    expect(await ids('tasks')).to.deep.equal([held.taskId, recent.taskId, openTask.id].sort());
    expect(await store.getIncident(old.record.id)).to.equal(undefined);
    // The hold did not count as a change: only the hold's end keeps it from going.
    expect((await store.getIncident(held.record.id))?.updatedAt).to.equal(held.record.updatedAt);
  });

  it('runs at most once a day, then purges what has aged since; a lapsed or lifted hold no longer keeps a record', async () => {
    const held = await finished(T0);
    await store.holdIncident(held.record.id, at((RECORD_DAYS + 3) * DAY));
    const lifted = await finished(T0);
    await store.holdIncident(lifted.record.id, at(1000 * DAY));

    const first = at((RECORD_DAYS + 1) * DAY);
    expect(await store.purgeIncidents('demo', first, RECORD_DAYS)).to.deep.equal({ ran: true, incidents: 0, tasks: 0 });
    await store.holdIncident(lifted.record.id, undefined);
    expect((await store.getIncident(lifted.record.id))?.heldUntil).to.equal(undefined);
    // Within the day: nothing is read or deleted, even though the lifted record is now past retention.
    expect(await store.purgeIncidents('demo', new Date(first.getTime() + INCIDENT_PURGE_INTERVAL_MS - 1), RECORD_DAYS)).to.deep.equal({ ran: false, incidents: 0, tasks: 0 });
    expect(await ids('incidents')).to.have.length(2);

    const later = at((RECORD_DAYS + 4) * DAY);
    expect(await store.purgeIncidents('demo', later, RECORD_DAYS)).to.deep.equal({ ran: true, incidents: 2, tasks: 2 });
    expect(await ids('incidents')).to.deep.equal([]);
    expect(await ids('tasks')).to.deep.equal([]);
  });

  it('keeps a record within the default retention, and leaves other sites\u2019 records to their own rules', async () => {
    const demo = await finished(T0);
    const elsewhere = await finished(T0, 'other-site');
    expect(await store.purgeIncidents('demo', at((DEFAULT_RECORD_DAYS - 1) * DAY))).to.deep.equal({ ran: true, incidents: 0, tasks: 0 });
    expect(await ids('incidents')).to.deep.equal([demo.record.id, elsewhere.record.id].sort());

    expect(await store.purgeIncidents('demo', at((DEFAULT_RECORD_DAYS + 1) * DAY))).to.deep.equal({ ran: true, incidents: 1, tasks: 1 });
    expect(await ids('incidents')).to.deep.equal([elsewhere.record.id]);
    expect(await ids('tasks')).to.deep.equal([elsewhere.taskId]);
  });

  it('refuses a hold on an unknown record', async () => {
    expect(await rejectionOf(store.holdIncident('0190a000-0000-7000-8000-000000000000', at(DAY)))).to.be.instanceOf(Error);
  });
});
