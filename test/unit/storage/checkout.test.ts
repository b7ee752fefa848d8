import { expect } from '@open-wc/testing';
import { KioskError } from '../../../src/domain/errors.js';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../../../src/domain/uuid.js';
import type { Visit } from '../../../src/domain/visit.js';
import { randomId } from '../../../src/invite/keys.js';
import { MAX_FEEDBACK_REASON } from '../../../src/schemas/visit.js';
import { VisitStore } from '../../../src/storage/index.js';
import { HK, HK_EVENING_UTC, dropDb, makeDraft, makeInvitedDraft, rawRow, rawRows, rejectionOf, takeUnhandled, uniqueDbName } from './helpers.js';

const at = (iso: string): Date => new Date(iso);
const newId = (ms: number): string => uuidv7(ms, crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));

describe('check-out, feedback and who is on site', () => {
  let name: string;
  let store: VisitStore;

  beforeEach(() => {
    name = uniqueDbName();
    store = new VisitStore(name);
    takeUnhandled();
  });
  afterEach(async () => {
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  /** A visit registered at 16:30 UTC and checked in at 16:35. */
  async function checkedIn(): Promise<Visit> {
    const visit = await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
    return store.updateStatus(visit.id, 'checked-in', at('2026-11-22T16:35:00Z'));
  }

  describe('checkOut', () => {
    it('checks a visitor out and queues the change', async () => {
      const visit = await checkedIn();
      const out = await store.checkOut(visit.id, at('2026-11-22T17:10:00Z'));
      expect(out.status).to.equal('checked-out');
      expect(out.updatedAt).to.equal('2026-11-22T17:10:00.000Z');
      expect(out.history.map((h) => h.status)).to.deep.equal(['registered', 'checked-in', 'checked-out']);
      expect(await store.get(visit.id)).to.deep.equal(out);
      expect((await store.pending()).rows.map((e) => [e.seq, e.enqueuedAt])).to.deep.equal([
        [1, '2026-11-22T16:30:00.000Z'],
        [2, '2026-11-22T16:35:00.000Z'],
        [3, '2026-11-22T17:10:00.000Z'],
      ]);
    });

    it('checks out a visitor who left a message for an absent host, and one admitted by invitation', async () => {
      const absent = await store.register(makeDraft({ message: { text: 'Please call me', callbackPhone: '+85291234567' } }), { ...HK, now: HK_EVENING_UTC, status: 'host-absent' });
      expect((await store.checkOut(absent.id, at('2026-11-22T16:50:00Z'))).status).to.equal('checked-out');
      const invited = await store.admitWithToken(makeInvitedDraft(), { ...HK, now: HK_EVENING_UTC, token: { jti: randomId(), kind: 'invitation', maxUses: 1 } });
      const out = await store.checkOut(invited.id, at('2026-11-22T18:00:00Z'));
      expect(out.status).to.equal('checked-out');
      expect(out.invitation).to.deep.equal(invited.invitation);
    });

    it('refuses a visit that is not inside (never confirmed, already out, denied) and changes nothing', async () => {
      const registered = await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
      const out = await store.checkOut((await checkedIn()).id, at('2026-11-22T17:00:00Z'));
      const denied = await store.updateStatus((await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC })).id, 'denied', at('2026-11-22T16:40:00Z'));
      const before = await rawRows(name, 'visits');
      const pending = await store.pendingCount();

      for (const visit of [registered, out, denied]) {
        const error = await rejectionOf(store.checkOut(visit.id, at('2026-11-22T17:30:00Z')));
        expect(error, visit.status).to.be.instanceOf(RangeError);
      }
      expect(await rawRows(name, 'visits')).to.deep.equal(before);
      expect(await store.pendingCount()).to.equal(pending);
    });

    it('rejects a visit that is not on this device with storage-failed NotFoundError', async () => {
      const error = await rejectionOf(store.checkOut(newId(Date.now()), HK_EVENING_UTC));
      expect(error).to.be.instanceOf(KioskError);
      expect((error as KioskError).code).to.equal('storage-failed');
      expect((error as KioskError).details.name).to.equal('NotFoundError');
      expect(await store.pendingCount()).to.equal(0);
    });
  });

  describe('recordFeedback', () => {
    it('stores the answer with its time, leaves the status alone, and queues the change', async () => {
      const out = await store.checkOut((await checkedIn()).id, at('2026-11-22T17:10:00Z'));
      const rated = await store.recordFeedback(out.id, { rating: 'dissatisfied', reason: '  Waited too long at the lobby.  ' }, at('2026-11-22T17:11:00Z'));

      expect(rated.feedback).to.deep.equal({ rating: 'dissatisfied', reason: 'Waited too long at the lobby.', at: '2026-11-22T17:11:00.000Z' });
      expect(rated.status).to.equal('checked-out');
      expect(rated.history).to.deep.equal(out.history);
      expect(rated.updatedAt).to.equal('2026-11-22T17:11:00.000Z');
      expect(await rawRow(name, 'visits', out.id)).to.deep.equal(rated);
      const pending = (await store.pending()).rows;
      expect(pending.map((e) => e.seq)).to.deep.equal([1, 2, 3, 4]);
      expect(pending[3]).to.deep.equal({ seq: 4, visitId: out.id, op: 'upsert-visit', enqueuedAt: '2026-11-22T17:11:00.000Z' });
    });

    it('leaves out a blank reason, and a later answer replaces an earlier one', async () => {
      const visit = await checkedIn();
      const first = await store.recordFeedback(visit.id, { rating: 'satisfied', reason: '   ' }, at('2026-11-22T17:11:00Z'));
      expect(first.feedback).to.deep.equal({ rating: 'satisfied', at: '2026-11-22T17:11:00.000Z' });
      expect(((await rawRow(name, 'visits', visit.id)) as Visit).feedback).not.to.have.property('reason');
      const second = await store.recordFeedback(visit.id, { rating: 'basically-satisfied' }, at('2026-11-22T17:12:00Z'));
      expect(second.feedback).to.deep.equal({ rating: 'basically-satisfied', at: '2026-11-22T17:12:00.000Z' });
    });

    it(`takes a reason of ${MAX_FEEDBACK_REASON} characters and refuses a longer one, writing nothing`, async () => {
      const visit = await checkedIn();
      const longest = '意'.repeat(MAX_FEEDBACK_REASON);
      expect((await store.recordFeedback(visit.id, { rating: 'dissatisfied', reason: longest }, at('2026-11-22T17:11:00Z'))).feedback?.reason).to.equal(longest);
      const before = await rawRow(name, 'visits', visit.id);

      const error = await rejectionOf(store.recordFeedback(visit.id, { rating: 'dissatisfied', reason: `${longest}!` }, at('2026-11-22T17:12:00Z')));
      expect((error as KioskError).code).to.equal('storage-row-invalid');
      expect(String((error as KioskError).details.issues)).to.contain('feedback.reason');
      expect(JSON.stringify((error as KioskError).details)).not.to.contain('意');
      expect(await rawRow(name, 'visits', visit.id)).to.deep.equal(before);
      expect(await store.pendingCount()).to.equal(3);
    });

    it('refuses an unknown rating and an unknown visit', async () => {
      const visit = await checkedIn();
      const badRating = await rejectionOf(store.recordFeedback(visit.id, { rating: 'delighted' as never }, HK_EVENING_UTC));
      expect((badRating as KioskError).code).to.equal('storage-row-invalid');
      const unknown = await rejectionOf(store.recordFeedback(newId(Date.now()), { rating: 'satisfied' }, HK_EVENING_UTC));
      expect((unknown as KioskError).code).to.equal('storage-failed');
      expect((unknown as KioskError).details.name).to.equal('NotFoundError');
      expect(await store.get(visit.id)).not.to.have.property('feedback');
    });
  });

  describe('listOnSite', () => {
    it('lists the checked-in visits, of all days or of one, in creation order', async () => {
      // 23:00 on the 22nd in Hong Kong: still inside after midnight.
      const lateYesterday = await store.register(makeDraft(), { ...HK, now: at('2026-11-22T15:00:00Z') });
      await store.updateStatus(lateYesterday.id, 'checked-in', at('2026-11-22T15:05:00Z'));
      const a = await checkedIn();
      const waiting = await store.register(makeDraft(), { ...HK, now: at('2026-11-22T16:40:00Z') });
      const left = await checkedIn();
      await store.checkOut(left.id, at('2026-11-22T17:00:00Z'));
      await store.register(makeDraft({ message: { text: 'Call me', callbackPhone: '+85291234567' } }), { ...HK, now: at('2026-11-22T16:45:00Z'), status: 'host-absent' });
      const invited = await store.admitWithToken(makeInvitedDraft(), { ...HK, now: at('2026-11-22T16:50:00Z'), token: { jti: randomId(), kind: 'invitation', maxUses: 1 } });

      const all = await store.listOnSite();
      expect(all.invalid).to.deep.equal([]);
      expect(all.rows.map((v) => v.id)).to.deep.equal([lateYesterday.id, a.id, invited.id]);
      expect((await store.listOnSite('2026-11-23')).rows.map((v) => v.id)).to.deep.equal([a.id, invited.id]);
      expect((await store.listOnSite('2026-11-22')).rows.map((v) => v.id)).to.deep.equal([lateYesterday.id]);
      expect((await store.listOnSite('2026-11-24')).rows).to.deep.equal([]);
      expect(all.rows.map((v) => v.id)).not.to.include(waiting.id);
    });
  });
});
