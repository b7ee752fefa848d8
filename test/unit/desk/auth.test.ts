import { expect } from '@open-wc/testing';
import { LOCK_MINUTES, MAX_PIN_ATTEMPTS, PIN_HASH_ITERATIONS, hashPin, pinInUse, signIn, verifyPin } from '../../../desk/auth.js';
import type { StaffMember } from '../../../src/domain/desk.js';
import { DeskStore } from '../../../src/storage/index.js';
import { MINUTE, T0, at, makeStaff } from '../storage/desk-helpers.js';
import { dropDb, rawRow, takeUnhandled, uniqueDbName } from '../storage/helpers.js';

/** Salt 00 01 … 0f, so the hash can be checked against Node's own PBKDF2 (`crypto.pbkdf2Sync`). */
const FIXED_SALT = Uint8Array.from({ length: 16 }, (_, i) => i);

describe('PIN hashing', () => {
  it('derives PBKDF2-SHA-256 exactly as an independent implementation does', async () => {
    expect(await hashPin('1234', { salt: FIXED_SALT })).to.deep.equal({ pinHash: 'hp5sg1DFvrCsw5n7qsO2DSIEM4lrJqZHc00NjxWG4fo', pinSalt: 'AAECAwQFBgcICQoLDA0ODw', iterations: 100_000 });
    expect((await hashPin('20261123', { salt: FIXED_SALT, iterations: 150_000 })).pinHash).to.equal('HbnPhiMylGDxnuzSQzo4pIp-gAkGhmutKBM41HmRG64');
  });

  it('uses at least 100 000 iterations and a fresh 16-byte salt each time', async () => {
    expect(PIN_HASH_ITERATIONS).to.be.at.least(100_000);
    const a = await hashPin('1234');
    const b = await hashPin('1234');
    expect(a.iterations).to.equal(PIN_HASH_ITERATIONS);
    expect(a.pinSalt).to.have.length(22);
    expect(a.pinHash).to.have.length(43);
    expect(a.pinSalt).not.to.equal(b.pinSalt);
    expect(a.pinHash).not.to.equal(b.pinHash);
  });

  it('accepts only 4 to 8 ASCII digits, and no weaker hash', async () => {
    for (const pin of ['123', '123456789', '12a4', '', ' 1234', '１２３４', '12.4']) {
      expect(await hashPin(pin).then(() => 'hashed', (e: unknown) => e), pin).to.be.instanceOf(RangeError);
    }
    expect(await hashPin('1234', { iterations: 99_999 }).then(() => 'hashed', (e: unknown) => e)).to.be.instanceOf(RangeError);
    expect((await hashPin('12345678')).pinHash).to.have.length(43);
  });

  it('verifies the right PIN only, and refuses malformed or weakened rows', async () => {
    const hash = await hashPin('4821');
    expect(await verifyPin('4821', hash)).to.equal(true);
    for (const wrong of ['4820', '48210', '482', 'abcd', '']) expect(await verifyPin(wrong, hash), wrong).to.equal(false);
    expect(await verifyPin('4821', { ...hash, iterations: 1000 })).to.equal(false);
    expect(await verifyPin('4821', { ...hash, iterations: hash.iterations + 1 })).to.equal(false);
    expect(await verifyPin('4821', { ...hash, pinHash: hash.pinHash.slice(0, 42) })).to.equal(false);
    expect(await verifyPin('4821', { ...hash, pinHash: `${hash.pinHash}AA` })).to.equal(false);
    expect(await verifyPin('4821', { ...hash, pinSalt: '!!!!' })).to.equal(false);
  });
});

describe('signIn', () => {
  let name: string;
  let store: DeskStore;
  let alice: StaffMember;
  let bob: StaffMember;

  beforeEach(async () => {
    name = uniqueDbName();
    store = new DeskStore(name);
    takeUnhandled();
    alice = await store.putStaff(await makeStaff('alice', '1234'));
    bob = await store.putStaff(await makeStaff('bob', '908172', 'guard'));
    await store.putStaff(await makeStaff('carol', '5555', 'site-manager', 'other-site'));
  });
  afterEach(async () => {
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  it('finds the staff member whose PIN it is, from the PIN alone', async () => {
    expect(await signIn(store, undefined, '908172', T0, 'demo')).to.deep.equal({ ok: true, staff: bob });
    expect(await signIn(store, undefined, '1234', T0, 'demo')).to.deep.equal({ ok: true, staff: alice });
    // Another site's PIN does not open this site's desk.
    expect(await signIn(store, undefined, '5555', T0, 'demo')).to.deep.equal({ ok: false, code: 'pin-wrong' });
    expect(await signIn(store, 'alice', '1234', T0)).to.deep.equal({ ok: true, staff: alice });
    expect(await signIn(store, 'alice', '908172', T0)).to.deep.equal({ ok: false, code: 'pin-wrong' });
  });

  it('locks the desk after repeated wrong PINs, whoever they were meant for, and opens again after the lock', async () => {
    const guesses = ['0000', '1111', 'abcd', '2222', '3333'];
    const results = [];
    for (const [i, pin] of guesses.entries()) results.push(await signIn(store, undefined, pin, at(i * 1000), 'demo'));
    const retryAt = at(4000 + LOCK_MINUTES * MINUTE).toISOString();
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).to.deep.equal(['pin-wrong', 'pin-wrong', 'pin-wrong', 'pin-wrong', 'pin-locked']);
    expect(results[MAX_PIN_ATTEMPTS - 1]).to.deep.equal({ ok: false, code: 'pin-locked', retryAt });

    // Locked: not even the right PIN is checked, by name or not.
    expect(await signIn(store, undefined, '1234', at(MINUTE), 'demo')).to.deep.equal({ ok: false, code: 'pin-locked', retryAt });
    expect(await signIn(store, 'bob', '908172', at(2 * MINUTE), 'demo')).to.deep.equal({ ok: false, code: 'pin-locked', retryAt });

    const after = new Date(Date.parse(retryAt));
    expect(await signIn(store, undefined, '1234', after, 'demo')).to.deep.equal({ ok: true, staff: alice });
    expect(await rawRow(name, 'desk-meta', 'pin-failures')).to.deep.equal({ failedAttempts: 0 });
  });

  it('a right PIN clears the count, so mistypes spread over a shift never lock the desk', async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < MAX_PIN_ATTEMPTS - 1; i++) expect((await signIn(store, undefined, '9999', at(round * MINUTE + i), 'demo')).ok).to.equal(false);
      expect(await signIn(store, undefined, '1234', at(round * MINUTE + 10), 'demo')).to.deep.equal({ ok: true, staff: alice });
    }
  });

  it('locks one member after wrong PINs against that member, and never lets a PIN-only guess find the locked member', async () => {
    // Wrong PINs against Alice by name; Bob's sign-in in between clears the device's count, not hers.
    for (let i = 0; i < MAX_PIN_ATTEMPTS - 1; i++) await signIn(store, 'alice', `000${i}`, at(i), 'demo');
    expect(await signIn(store, undefined, '908172', at(10), 'demo')).to.deep.equal({ ok: true, staff: bob });
    const last = await signIn(store, 'alice', '0009', at(20), 'demo');
    const lockedUntil = at(20 + LOCK_MINUTES * MINUTE).toISOString();
    expect(last).to.deep.equal({ ok: false, code: 'pin-locked', retryAt: lockedUntil });
    expect((await store.getStaff('alice'))?.lockedUntil).to.equal(lockedUntil);
    expect(await rawRow(name, 'desk-meta', 'pin-failures')).to.deep.equal({ failedAttempts: 1 });
    expect(await signIn(store, 'alice', '1234', at(MINUTE + 1), 'demo')).to.deep.equal({ ok: false, code: 'pin-locked', retryAt: lockedUntil });
    // Her right PIN without a name is "wrong", not "locked": a guesser must not learn it hit a real PIN.
    expect(await signIn(store, undefined, '1234', at(MINUTE + 2), 'demo')).to.deep.equal({ ok: false, code: 'pin-wrong' });
    expect(await signIn(store, undefined, '1234', new Date(Date.parse(lockedUntil)), 'demo')).to.deep.equal({ ok: true, staff: alice });
  });

  it('tells whether a PIN is already taken on the site', async () => {
    expect(await pinInUse(store, '1234', 'demo')).to.equal(true);
    expect(await pinInUse(store, '5555', 'demo')).to.equal(false);
    expect(await pinInUse(store, '4321', 'demo')).to.equal(false);
  });

  it('checks a PIN against twenty-two staff members in a few hundred milliseconds', async () => {
    for (let i = 0; i < 20; i++) await store.putStaff(await makeStaff(`s${i}`, String(100000 + i)));
    const started = performance.now();
    const result = await signIn(store, undefined, '100019', T0, 'demo');
    const elapsed = performance.now() - started;
    expect(result.ok && result.staff.id).to.equal('s19');
    console.log(`PIN-only sign-in over ${22} staff: ${elapsed.toFixed(0)} ms`);
    // Generous: a shared two-core test box runs other suites beside this one.
    expect(elapsed).to.be.below(3000);
  });
});
