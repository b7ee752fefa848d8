import { expect } from '@open-wc/testing';
import { KioskError } from '../../../src/domain/errors.js';
import { ageOf, collectParcel, lobbySettings, markNotified, receiveParcel, unitIdFor, validateLane, waitingOldestFirst, isNotified } from '../../../src/domain/lobby/parcel.js';
import { isClosed, isNewerRecord, moveRecord } from '../../../src/domain/lobby/record.js';
import { lobbyRecordSchema } from '../../../src/schemas/lobby.js';

const T0 = new Date('2026-11-20T15:59:00Z');
const DEVICE = '0190b4a0-0000-7000-8000-000000000001';
const parcel = (id: string, at: Date = T0) =>
  receiveParcel({ id, siteId: 'demo', deviceId: DEVICE, timeZone: 'Asia/Hong_Kong', now: at, source: 'kiosk', notify: 'phone' }, { carrier: 'SF', unit: '12B', count: 1 });
const ID1 = '019aa000-0000-7000-8000-000000000001';
const ID2 = '019aa000-0000-7000-8000-000000000002';
const SIG = 'data:image/svg+xml;base64,PHN2Zy8+';

describe('lobby domain: parcels and the record envelope', () => {
  it('asks only the site’s fields; the unit is always required; the count 1–99', () => {
    expect(validateLane({ company: '', unit: '12B', count: '' }, []).ok).to.equal(true);
    const r = validateLane({ company: '', unit: ' ', count: '0' }, ['company', 'count']);
    expect(r.ok).to.equal(false);
    expect(Object.keys(r.errors ?? {}).sort()).to.deep.equal(['company', 'count', 'unit']);
    expect(validateLane({ company: 'SF', unit: '12B', count: '100' }, ['count']).errors?.count?.code).to.equal('party-size-invalid');
    const ok = validateLane({ company: ' SF  Express ', unit: '12B', count: '3' }, ['company', 'count']);
    expect(ok.ok && ok.value).to.deep.equal({ company: 'SF Express', unit: '12B', count: 3 });
  });

  it('dates a record by the site’s local day and keeps state = the last transition', () => {
    const p = parcel(ID1);
    expect(p.dayKey).to.equal('2026-11-20');
    expect(lobbyRecordSchema.safeParse(p).success).to.equal(true);
    expect(lobbyRecordSchema.safeParse({ ...p, state: 'collected' }).success).to.equal(false);
  });

  it('collects once, signed; refuses a second collection naming the first, and an empty signature', () => {
    const p = parcel(ID1);
    expect(() => collectParcel(p, { collectorName: 'A', signature: '', staffId: 'g' }, T0)).to.throw(KioskError).with.property('code', 'signature-required');
    const c = collectParcel(p, { collectorName: 'Chan', onBehalfOf: '12B', signature: SIG, staffId: 'g' }, new Date(T0.getTime() + 1000));
    expect(c.state).to.equal('collected');
    expect(isClosed(c)).to.equal(true);
    expect(lobbyRecordSchema.safeParse(c).success).to.equal(true);
    try {
      collectParcel(c, { collectorName: 'B', signature: SIG, staffId: 'g' }, T0);
      expect.fail('collected twice');
    } catch (e) {
      expect((e as KioskError).code).to.equal('parcel-already-collected');
      expect((e as KioskError).details).to.deep.equal({ by: 'Chan', at: c.data.collection?.at });
    }
    expect(() => moveRecord(c, 'notified', T0)).to.throw(KioskError).with.property('code', 'record-transition-invalid');
  });

  it('merges by history length, then updatedAt; updatedAt never goes back on a slow clock', () => {
    const p = parcel(ID1);
    const n = markNotified(p, 'g', new Date(T0.getTime() - 60_000));
    expect(Date.parse(n.updatedAt)).to.be.greaterThan(Date.parse(p.updatedAt));
    expect(isNewerRecord(n, { historyLen: p.history.length, updatedAt: p.updatedAt })).to.equal(true);
    expect(isNewerRecord(p, { historyLen: n.history.length, updatedAt: n.updatedAt })).to.equal(false);
    expect(isNewerRecord(p, { historyLen: 1, updatedAt: p.updatedAt })).to.equal(false);
    expect(isNotified(n)).to.equal(true);
  });

  it('ages and sorts what waits, oldest first; the defaults and the unit match', () => {
    const now = new Date(T0.getTime() + 3 * 86_400_000 + 3_600_000);
    expect(ageOf(T0.toISOString(), now)).to.deep.equal({ days: 3, hours: 73, minutes: 73 * 60 });
    const older = parcel(ID2, new Date(T0.getTime() - 1000));
    expect(waitingOldestFirst([parcel(ID1), older]).map((r) => r.id)).to.deep.equal([ID2, ID1]);
    expect(lobbySettings({})).to.deep.equal({ courierFields: ['company', 'count'], foodFields: ['company'], parcelLabelPhoto: false, kioskLane: true });
    expect(unitIdFor([{ id: 'u12b', label: '12 B' }], '12b')).to.equal('u12b');
  });
});
