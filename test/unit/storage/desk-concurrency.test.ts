/**
 * Two desks at once. Each race runs through two `DeskStore` instances in this page and a third desk in a
 * worker with its own IndexedDB connection (another tab, as far as IndexedDB can tell), all started together.
 */
import { expect } from '@open-wc/testing';
import { MAX_PIN_ATTEMPTS, signIn } from '../../../desk/auth.js';
import type { Alert } from '../../../src/domain/desk.js';
import { DeskStore, type EscalationResult } from '../../../src/storage/index.js';
import { DeskTab, MINUTE, T0, at, classC, makeStaff } from './desk-helpers.js';
import { dropDb, rawRow, rawRows, takeUnhandled, uniqueDbName } from './helpers.js';

/** Rounds per race: one lucky interleaving proves little. */
const ROUNDS = 5;

describe('DeskStore with several desks at once', () => {
  let name: string;
  let tab: DeskTab;

  beforeEach(() => {
    name = uniqueDbName();
    tab = new DeskTab();
    takeUnhandled();
  });
  afterEach(async () => {
    await tab.close(name);
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  it('records exactly one acknowledgement when three desks acknowledge at once, and all three see it', async () => {
    const deskA = new DeskStore(name);
    const deskB = new DeskStore(name);
    for (let round = 0; round < ROUNDS; round++) {
      const { alert } = await deskA.raiseAlert(classC(), at(round));
      const incident = await deskA.openIncident(alert.id, at(round));
      // Warm the worker up (module loaded, connection open) so its acknowledgement really races ours.
      expect(await tab.value({ op: 'get-alert', dbName: name, alertId: alert.id })).to.deep.equal(alert);

      const [a, b, c] = (await Promise.all([
        deskA.acknowledge(alert.id, 'alice', at(MINUTE)),
        tab.value({ op: 'acknowledge', dbName: name, alertId: alert.id, staffId: 'carol', at: at(MINUTE + 2).toISOString() }),
        deskB.acknowledge(alert.id, 'bob', at(MINUTE + 1)),
      ])) as [Alert, Alert, Alert];

      expect(b).to.deep.equal(a);
      expect(c).to.deep.equal(a);
      expect(a.status).to.equal('acknowledged');
      expect(['alice', 'bob', 'carol']).to.include(a.acknowledgedBy);
      expect(await rawRow(name, 'alerts', alert.id)).to.deep.equal(a);
      expect((await deskB.getIncident(incident.id))?.acknowledgedAt).to.equal(a.acknowledgedAt);
    }
    expect((await deskA.listOpenAlerts()).rows).to.deep.equal([]);
  });

  it('escalates a due alert once when two desks wake up at the same moment', async () => {
    const desk = new DeskStore(name);
    for (let round = 0; round < ROUNDS; round++) {
      const { alert } = await desk.raiseAlert(classC(), at(round));
      await tab.value({ op: 'get-alert', dbName: name, alertId: alert.id });
      const wake = at(2 * MINUTE + round);
      const next = at(4 * MINUTE);
      const results = (await Promise.all([
        desk.escalate(alert.id, wake, next),
        tab.value({ op: 'escalate', dbName: name, alertId: alert.id, at: wake.toISOString(), next: next.toISOString() }),
      ])) as EscalationResult[];

      expect(results.filter((r) => r.escalated)).to.have.length(1);
      expect(results.filter((r) => !r.escalated).map((r) => (r.escalated ? '' : r.reason))).to.deep.equal(['not-due']);
      expect((await desk.getAlert(alert.id))?.escalationLevel).to.equal(1);
    }
  });

  it('raises one alert and opens one record when two desks classify the same arrival', async () => {
    const deskA = new DeskStore(name);
    const deskB = new DeskStore(name);
    const input = classC();
    const [a, b] = await Promise.all([deskA.raiseAlert(input, T0), deskB.raiseAlert(input, T0)]);
    expect([a.created, b.created].sort()).to.deep.equal([false, true]);
    expect(a.alert).to.deep.equal(b.alert);
    expect(await rawRows(name, 'alerts')).to.have.length(1);

    const [x, y] = await Promise.all([deskA.openIncident(a.alert.id, T0), deskB.openIncident(a.alert.id, at(1))]);
    expect(x).to.deep.equal(y);
    expect(await rawRows(name, 'incidents')).to.have.length(1);
  });

  it('never lets guesses from two tabs at once check more PINs than the lock allows', async () => {
    const desk = new DeskStore(name);
    await desk.putStaff(await makeStaff('alice', '1234'));
    await tab.value({ op: 'get-alert', dbName: name, alertId: '0' });

    // Count how often the page gets as far as checking a PIN against the staff list.
    let checked = 0;
    const counting = {
      getStaff: (id: string) => desk.getStaff(id),
      listStaff: (siteId?: string) => (checked++, desk.listStaff(siteId)),
      recordFailedPin: desk.recordFailedPin.bind(desk),
      resetFailedPins: desk.resetFailedPins.bind(desk),
    };
    const page = Array.from({ length: 6 }, (_, i) => signIn(counting, undefined, `900${i}`, T0, 'demo'));
    const worker = Array.from({ length: 6 }, (_, i) => tab.value({ op: 'sign-in', dbName: name, pin: `800${i}`, at: T0.toISOString(), siteId: 'demo' }));
    const results = (await Promise.all([...page, ...worker])) as { ok: boolean; code?: string }[];

    expect(results.every((r) => !r.ok)).to.equal(true);
    expect(results.filter((r) => r.code === 'pin-wrong').length).to.equal(MAX_PIN_ATTEMPTS - 1);
    expect(await rawRow(name, 'desk-meta', 'pin-failures')).to.deep.include({ failedAttempts: MAX_PIN_ATTEMPTS });
    expect(checked).to.be.at.most(MAX_PIN_ATTEMPTS);
    // Even the right PIN waits for the lock to end.
    expect((await signIn(desk, undefined, '1234', at(MINUTE), 'demo')).ok).to.equal(false);
  });
});
