/**
 * Staff sign-in at the desk: PINs hashed with PBKDF2-SHA-256 through WebCrypto (the browser's, and Node 20's
 * `globalThis.crypto` for the hub's `add-staff`), compared in constant time, with a lock after repeated
 * failures that counts per staff member and per device.
 *
 * The sign-in field is labelled only **PIN** (CONTRACT.md): without a name, the PIN is tried against every
 * staff member of the site. Guessing across staff members therefore has to be stopped device-wide, which is
 * why the device keeps its own wrong-PIN count besides each member's.
 */
import { isPinFormat, type StaffMember } from '../src/domain/desk.js';
import { LOCK_MINUTES, MAX_PIN_ATTEMPTS, verifyPin } from '../src/auth/pin.js';
import type { DeskStore, PinLockPolicy } from '../src/storage/index.js';

// Hashing and checking PINs is shared with the hub (src/auth/pin.ts); the desk adds the device-wide lock.
export { LOCK_MINUTES, MAX_PIN_ATTEMPTS, PIN_HASH_BYTES, PIN_HASH_ITERATIONS, PIN_SALT_BYTES, hashPin, verifyPin, type HashPinOptions, type PinHash } from '../src/auth/pin.js';

/** The lock rule as storage applies it. */
export const PIN_LOCK_POLICY: PinLockPolicy = { maxAttempts: MAX_PIN_ATTEMPTS, lockMs: LOCK_MINUTES * 60_000 };

/** The result of `signIn`: the staff member, or why not (codes for the UI's messages; no personal data). */
export type SignInResult = { ok: true; staff: StaffMember } | { ok: false; code: 'pin-wrong' | 'pin-locked'; retryAt?: string };

/** The part of `DeskStore` sign-in uses. */
export type PinStore = Pick<DeskStore, 'getStaff' | 'listStaff' | 'recordFailedPin' | 'resetFailedPins'>;

const isLocked = (staff: StaffMember, now: Date): boolean => staff.lockedUntil !== undefined && Date.parse(staff.lockedUntil) > now.getTime();

/**
 * Signs a staff member in with a PIN at `now`. With `staffId`, the PIN is checked against that member; without
 * (the desk's one **PIN** field), against every member of `siteId` (all sites when absent) who is not locked —
 * a locked member is not tried, so a guess never learns that it hit a locked member's PIN.
 *
 * Every attempt is counted as wrong BEFORE the PIN is checked (`DeskStore.recordFailedPin`) and the count
 * cleared after a right PIN, so parallel guesses from many tabs cannot check more PINs than the lock allows.
 * After `MAX_PIN_ATTEMPTS` wrong PINs on the device (any staff) — or against one named member — sign-in is
 * locked for `LOCK_MINUTES`: `{ ok: false, code: 'pin-locked', retryAt }`, and while locked no PIN is checked.
 * A PIN that is not 4–8 digits is a wrong PIN. Rejects only when storage fails.
 */
export async function signIn(store: PinStore, staffId: string | undefined, pin: string, now: Date, siteId?: string): Promise<SignInResult> {
  const attempt = await store.recordFailedPin(staffId, now, PIN_LOCK_POLICY);
  if (!attempt.counted) return { ok: false, code: 'pin-locked', ...(attempt.retryAt === undefined ? {} : { retryAt: attempt.retryAt }) };

  const match = isPinFormat(pin) ? await findMatch(store, staffId, pin, now, siteId) : undefined;
  if (match) {
    await store.resetFailedPins(match.id, now);
    const { lockedUntil: _cleared, ...staff } = match;
    return { ok: true, staff: { ...staff, failedAttempts: 0 } };
  }
  return attempt.locked ? { ok: false, code: 'pin-locked', ...(attempt.retryAt === undefined ? {} : { retryAt: attempt.retryAt }) } : { ok: false, code: 'pin-wrong' };
}

/** The staff member whose hash `pin` matches: the named one, or the first (by id) of the site's unlocked staff. */
async function findMatch(store: PinStore, staffId: string | undefined, pin: string, now: Date, siteId: string | undefined): Promise<StaffMember | undefined> {
  if (staffId !== undefined) {
    const staff = await store.getStaff(staffId);
    return staff && (await verifyPin(pin, staff)) ? staff : undefined;
  }
  const candidates = (await store.listStaff(siteId)).rows.filter((s) => !isLocked(s, now));
  // All at once: WebCrypto derives on worker threads, and the time no longer depends on where the match is.
  const results = await Promise.all(candidates.map((s) => verifyPin(pin, s)));
  return candidates[results.indexOf(true)];
}

/**
 * Whether `pin` already belongs to a staff member of `siteId`. With a PIN-only sign-in two members must not
 * share a PIN (the first would always win), so adding or changing a PIN should check this first.
 */
export async function pinInUse(store: Pick<DeskStore, 'listStaff'>, pin: string, siteId?: string): Promise<boolean> {
  const staff = (await store.listStaff(siteId)).rows;
  return (await Promise.all(staff.map((s) => verifyPin(pin, s)))).includes(true);
}
