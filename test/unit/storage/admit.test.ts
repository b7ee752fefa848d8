import { expect } from '@open-wc/testing';
import { KioskError } from '../../../src/domain/errors.js';
import type { Visit } from '../../../src/domain/visit.js';
import { generateSigningKey, publicKeySet, signInvitation, signPass, verifyToken } from '../../../src/invite/index.js';
import { randomId } from '../../../src/invite/keys.js';
import { IdbUseRecorder, VisitStore, closeKioskDb, openKioskDb } from '../../../src/storage/index.js';
import { HK, HK_EVENING_UTC, SecondTab, dropDb, makeDraft, makeInvitedDraft, rawPut, rawRow, rawRows, rejectionOf, takeUnhandled, uniqueDbName } from './helpers.js';

const single = (jti: string) => ({ jti, kind: 'invitation', maxUses: 1 }) as const;
const codeOf = (error: unknown): string | undefined => (error instanceof KioskError ? error.code : undefined);

describe('VisitStore.admitWithToken', () => {
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

  it('checks the visitor in at once, with the token, an outbox entry and one counted use', async () => {
    const jti = randomId();
    const visit = await store.admitWithToken(makeInvitedDraft(), { ...HK, now: HK_EVENING_UTC, token: single(jti) });

    expect(visit.status).to.equal('checked-in');
    expect(visit.history).to.deep.equal([
      { status: 'registered', at: '2026-11-22T16:30:00.000Z' },
      { status: 'checked-in', at: '2026-11-22T16:30:00.000Z' },
    ]);
    expect(visit.source).to.equal('kiosk-invitation');
    expect(visit.invitation).to.deep.equal({ jti, kind: 'invitation' });
    expect(visit.visitor.fullName).to.equal('');
    expect(visit.dayKey).to.equal('2026-11-23');
    expect(visit.seq).to.equal(1);

    expect(await rawRows(name, 'visits')).to.deep.equal([visit]);
    expect(await rawRows(name, 'outbox')).to.deep.equal([{ seq: 1, visitId: visit.id, op: 'upsert-visit', enqueuedAt: visit.createdAt }]);
    expect(await rawRows(name, 'uses')).to.deep.equal([{ jti, count: 1, lastAt: '2026-11-22T16:30:00.000Z' }]);
    expect(await new IdbUseRecorder(name).count(jti)).to.equal(1);
    expect(await store.get(visit.id)).to.deep.equal(visit);
    expect((await store.listOnSite()).rows.map((v) => v.id)).to.deep.equal([visit.id]);
  });

  it('refuses a single-use invitation the second time, writing nothing and counting nothing', async () => {
    const jti = randomId();
    const first = await store.admitWithToken(makeInvitedDraft(), { ...HK, now: HK_EVENING_UTC, token: single(jti) });
    const error = await rejectionOf(store.admitWithToken(makeInvitedDraft(), { ...HK, now: new Date('2026-11-22T16:31:00Z'), token: single(jti) }));

    expect(error).to.be.instanceOf(KioskError);
    expect(codeOf(error)).to.equal('invite-used-up');
    expect((await rawRows(name, 'visits')).map((v) => (v as Visit).id)).to.deep.equal([first.id]);
    expect(await store.pendingCount()).to.equal(1);
    expect(await rawRow(name, 'meta', 'nextSeq')).to.equal(2);
    expect(await rawRows(name, 'uses')).to.deep.equal([{ jti, count: 1, lastAt: '2026-11-22T16:30:00.000Z' }]);
    // Another token is not affected.
    await store.admitWithToken(makeInvitedDraft(), { ...HK, now: HK_EVENING_UTC, token: single(randomId()) });
  });

  it('admits a single-use invitation exactly once when two taps race on two store instances', async () => {
    const jti = randomId();
    const other = new VisitStore(name);
    const results = await Promise.allSettled([
      store.admitWithToken(makeInvitedDraft(), { ...HK, now: HK_EVENING_UTC, token: single(jti) }),
      other.admitWithToken(makeInvitedDraft(), { ...HK, now: HK_EVENING_UTC, token: single(jti) }),
    ]);

    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => codeOf(r.reason))).to.deep.equal(['invite-used-up']);
    expect(await rawRows(name, 'visits')).to.have.length(1);
    expect(await store.pendingCount()).to.equal(1);
    expect(await new IdbUseRecorder(name).count(jti)).to.equal(1);
  });

  it('admits a single-use invitation exactly once when another tab (its own connection) races the page', async () => {
    const jti = randomId();
    await openKioskDb(name); // both sides start on an upgraded database; the race is about the admission
    const tab = new SecondTab();
    try {
      // Several rounds: with one round the winner may always be the same side; the invariant must hold either way.
      for (let round = 0; round < 3; round++) {
        const token = single(round === 0 ? jti : randomId());
        const [page, worker] = await Promise.all([
          store.admitWithToken(makeInvitedDraft(), { ...HK, now: HK_EVENING_UTC, token }).then(
            () => 'admitted',
            (error: unknown) => codeOf(error) ?? String(error),
          ),
          tab.ask({ op: 'admit', dbName: name, draft: makeInvitedDraft(), ...HK, now: HK_EVENING_UTC.toISOString(), token }).then((reply) => (reply.ok ? 'admitted' : (reply.code ?? reply.name))),
        ]);
        expect([page, worker].sort()).to.deep.equal(['admitted', 'invite-used-up']);
      }
      expect(await rawRows(name, 'visits')).to.have.length(3);
      expect(await new IdbUseRecorder(name).count(jti)).to.equal(1);
    } finally {
      await tab.close(name);
    }
  });

  it('lets a pass in up to its number of uses, even when the attempts race', async () => {
    const jti = randomId();
    const token = { jti, kind: 'pass', maxUses: 3 } as const;
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => store.admitWithToken(makeInvitedDraft({ visitorType: 'domestic-helper' }), { ...HK, now: HK_EVENING_UTC, token })));

    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(3);
    expect(results.filter((r) => r.status === 'rejected').map((r) => codeOf((r as PromiseRejectedResult).reason))).to.deep.equal(['invite-used-up', 'invite-used-up']);
    expect(await new IdbUseRecorder(name).count(jti)).to.equal(3);
    const visits = (await rawRows(name, 'visits')) as Visit[];
    expect(visits.map((v) => v.invitation)).to.deep.equal([token, token, token].map(({ jti: j, kind }) => ({ jti: j, kind })));
    // Sequence numbers stay unbroken: refused attempts gave theirs back.
    expect((await store.pending()).rows.map((e) => e.seq)).to.deep.equal([1, 2, 3]);
  });

  it('admits a pass without a limit every time', async () => {
    const jti = randomId();
    for (let i = 0; i < 4; i++) await store.admitWithToken(makeInvitedDraft(), { ...HK, now: HK_EVENING_UTC, token: { jti, kind: 'pass' } });
    expect(await new IdbUseRecorder(name).count(jti)).to.equal(4);
  });

  it('counts no use when the visit cannot be written', async () => {
    const jti = randomId();
    const bad = makeInvitedDraft({ visitor: { fullName: '', phone: '91234567', organisation: '', partySize: 1 } });
    const error = await rejectionOf(store.admitWithToken(bad, { ...HK, now: HK_EVENING_UTC, token: single(jti) }));
    expect(codeOf(error)).to.equal('storage-row-invalid');
    expect(await rawRows(name, 'uses')).to.deep.equal([]);
    expect(await rawRows(name, 'visits')).to.deep.equal([]);
    // The invitation is still good for its one use.
    await store.admitWithToken(makeInvitedDraft(), { ...HK, now: HK_EVENING_UTC, token: single(jti) });
  });

  it('refuses a malformed token id or a nonsensical limit, writing nothing', async () => {
    const badJti = await rejectionOf(store.admitWithToken(makeInvitedDraft(), { ...HK, now: HK_EVENING_UTC, token: single('javascript:alert(1)') }));
    expect(codeOf(badJti)).to.equal('storage-row-invalid');
    for (const maxUses of [0, -1, 1.5, Number.NaN]) {
      const error = await rejectionOf(store.admitWithToken(makeInvitedDraft(), { ...HK, now: HK_EVENING_UTC, token: { jti: randomId(), kind: 'pass', maxUses } }));
      expect(error, String(maxUses)).to.be.instanceOf(RangeError);
    }
    expect(await rawRows(name, 'visits')).to.deep.equal([]);
    expect(await rawRows(name, 'uses')).to.deep.equal([]);
  });

  it('refuses to count on from a corrupted use record, and leaves it as it is', async () => {
    const jti = randomId();
    await openKioskDb(name);
    await closeKioskDb(name);
    await rawPut(name, 'uses', { jti, count: 'none' });
    const error = await rejectionOf(store.admitWithToken(makeInvitedDraft(), { ...HK, now: HK_EVENING_UTC, token: single(jti) }));
    expect(codeOf(error)).to.equal('storage-row-invalid');
    expect((error as KioskError).details.store).to.equal('uses');
    expect(await rawRows(name, 'uses')).to.deep.equal([{ jti, count: 'none' }]);
    expect(await rawRows(name, 'visits')).to.deep.equal([]);
  });

  it('still requires a name for every other kind of visit', async () => {
    const error = await rejectionOf(store.register(makeDraft({ visitor: { fullName: '', phone: '+85291234567', organisation: '', partySize: 1 } }), { ...HK, now: HK_EVENING_UTC }));
    expect(codeOf(error)).to.equal('storage-row-invalid');
    expect(String((error as KioskError).details.issues)).to.contain('visitor.fullName');
    expect(await rawRows(name, 'visits')).to.deep.equal([]);
  });

  it('ignores an invitation smuggled in through the draft', async () => {
    const draft = { ...makeDraft(), invitation: { jti: randomId(), kind: 'invitation' } };
    const visit = await store.register(draft, { ...HK, now: HK_EVENING_UTC });
    expect(visit).not.to.have.property('invitation');
  });
});

describe('IdbUseRecorder', () => {
  let name: string;

  beforeEach(() => {
    name = uniqueDbName();
    takeUnhandled();
  });
  afterEach(async () => {
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  it('counts recorded uses per token, durably', async () => {
    const uses = new IdbUseRecorder(name);
    const [a, b] = [randomId(), randomId()];
    expect(await uses.count(a)).to.equal(0);
    await uses.record(a, new Date('2026-11-23T01:00:00Z'));
    await uses.record(a, new Date('2026-11-23T02:00:00Z'));
    await uses.record(b, new Date('2026-11-23T03:00:00Z'));
    await closeKioskDb(name);
    expect(await new IdbUseRecorder(name).count(a)).to.equal(2);
    expect(await uses.count(b)).to.equal(1);
    expect(await rawRow(name, 'uses', a)).to.deep.equal({ jti: a, count: 2, lastAt: '2026-11-23T02:00:00.000Z' });
  });

  it('counts every one of many parallel records', async () => {
    const uses = new IdbUseRecorder(name);
    const jti = randomId();
    await Promise.all(Array.from({ length: 10 }, (_, i) => uses.record(jti, new Date(Date.UTC(2026, 10, 23, 1, i)))));
    expect(await uses.count(jti)).to.equal(10);
  });

  it('reports a corrupted use record instead of trusting it', async () => {
    const jti = randomId();
    await openKioskDb(name);
    await closeKioskDb(name);
    await rawPut(name, 'uses', { jti, count: -3, lastAt: 'never' });
    expect(codeOf(await rejectionOf(new IdbUseRecorder(name).count(jti)))).to.equal('storage-row-invalid');
    expect(codeOf(await rejectionOf(new IdbUseRecorder(name).record(jti, HK_EVENING_UTC)))).to.equal('storage-row-invalid');
    expect(await rawRow(name, 'uses', jti)).to.deep.equal({ jti, count: -3, lastAt: 'never' });
  });

  it('is the record verifyToken consults: verify, admit, and the invitation is used up', async () => {
    const key = await generateSigningKey();
    const keySet = publicKeySet([key]);
    const uses = new IdbUseRecorder(name);
    const now = HK_EVENING_UTC;
    const options = { keySet, siteId: HK.siteId, timeZone: HK.timeZone, uses, now };
    const token = await signInvitation(
      { issuer: 'dev', site: HK.siteId, host: 'unit-12b', visitorType: 'business', from: new Date(now.getTime() - 3600_000), until: new Date(now.getTime() + 3600_000) },
      key,
    );

    const first = await verifyToken(token, options);
    if (!first.ok || first.kind !== 'invitation') throw new Error(`expected a valid invitation, got ${JSON.stringify(first)}`);
    // Verifying does not consume (consume: false is the default): the store counts the use with the visit.
    expect(await uses.count(first.claims.jti)).to.equal(0);
    const store = new VisitStore(name);
    await store.admitWithToken(makeInvitedDraft(), { ...HK, now, token: { jti: first.claims.jti, kind: 'invitation', maxUses: 1 } });

    expect(await verifyToken(token, options)).to.deep.equal({ ok: false, code: 'invite-used-up' });

    // A pass with two uses: verify → admit twice, then refused.
    const pass = await signPass(
      { issuer: 'dev', site: HK.siteId, host: 'unit-12b', visitorType: 'domestic-helper', from: new Date(now.getTime() - 3600_000), until: new Date(now.getTime() + 86_400_000), uses: 2 },
      key,
    );
    for (let i = 0; i < 2; i++) {
      const result = await verifyToken(pass, options);
      if (!result.ok || result.kind !== 'pass') throw new Error(`expected a valid pass, got ${JSON.stringify(result)}`);
      await store.admitWithToken(makeInvitedDraft(), { ...HK, now, token: { jti: result.claims.jti, kind: 'pass', maxUses: result.claims.n } });
    }
    expect(await verifyToken(pass, options)).to.deep.equal({ ok: false, code: 'invite-used-up' });
  });
});
