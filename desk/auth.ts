/**
 * Staff sign-in at the desk: PINs hashed with PBKDF2-SHA-256 through WebCrypto (the browser's, and Node 20's
 * `globalThis.crypto` for the hub's `add-staff`), compared in constant time, with a lock after repeated
 * failures that counts per staff member and per device.
 *
 * The sign-in field is labelled only **PIN** (CONTRACT.md): without a name, the PIN is tried against every
 * staff member of the site. Guessing across staff members therefore has to be stopped device-wide, which is
 * why the device keeps its own wrong-PIN count besides each member's.
 */
import { MIN_PIN_HASH_ITERATIONS, PIN_MAX_LENGTH, PIN_MIN_LENGTH, isPinFormat, type StaffMember } from '../src/domain/desk.js';
import type { DeskStore, PinLockPolicy } from '../src/storage/index.js';

/**
 * PBKDF2 iterations for new hashes. A 4–8 digit PIN has at most 10^8 values, so no count keeps a stolen hash
 * safe for long — the lock below is the real defence — but 100 000 makes each guess cost real time, while the
 * PIN-only sign-in, which derives once per staff member, stays well under a second for a site's staff on a
 * low-end desk PC (measured in test/unit/desk/auth.test.ts).
 */
export const PIN_HASH_ITERATIONS = Math.max(100_000, MIN_PIN_HASH_ITERATIONS);
/** Random salt per PIN (16 bytes): equal PINs get unrelated hashes, and no precomputed table applies. */
export const PIN_SALT_BYTES = 16;
/** Derived key length: SHA-256's own output, 32 bytes. */
export const PIN_HASH_BYTES = 32;
/**
 * Wrong PINs before sign-in locks: a receptionist who mistypes two or three times still gets in, while a
 * guesser gets five tries per lock period (of 10 000 four-digit PINs).
 */
export const MAX_PIN_ATTEMPTS = 5;
/**
 * How long a lock lasts. Five tries per five minutes is at most 1 440 guesses a day, days of guessing for a
 * four-digit PIN; yet a guard who locked the desk on a night shift waits minutes, not until a manager comes.
 */
export const LOCK_MINUTES = 5;

/** The lock rule as storage applies it. */
export const PIN_LOCK_POLICY: PinLockPolicy = { maxAttempts: MAX_PIN_ATTEMPTS, lockMs: LOCK_MINUTES * 60_000 };

/** What a staff row keeps of a PIN. */
export interface PinHash {
  /** PBKDF2-SHA-256 output, base64url without padding. */
  pinHash: string;
  /** The random salt, base64url without padding. */
  pinSalt: string;
  iterations: number;
}

/** The result of `signIn`: the staff member, or why not (codes for the UI's messages; no personal data). */
export type SignInResult = { ok: true; staff: StaffMember } | { ok: false; code: 'pin-wrong' | 'pin-locked'; retryAt?: string };

/** The part of `DeskStore` sign-in uses. */
export type PinStore = Pick<DeskStore, 'getStaff' | 'listStaff' | 'recordFailedPin' | 'resetFailedPins'>;

/** Options of `hashPin`; tests pass a salt, the product passes nothing. */
export interface HashPinOptions {
  iterations?: number;
  salt?: Uint8Array<ArrayBuffer>;
}

const toBase64url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** The bytes of canonical base64url text, or `undefined` if it is not base64url. */
const fromBase64url = (text: string): Uint8Array<ArrayBuffer> | undefined => {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, PIN_HASH_BYTES * 8));
}

/** Equal byte strings, in time that depends only on their lengths: no early exit tells a guesser how close it was. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * Hashes a new PIN with a fresh random salt. Throws `RangeError` for a PIN that is not 4–8 ASCII digits or
 * fewer iterations than `MIN_PIN_HASH_ITERATIONS`.
 */
export async function hashPin(pin: string, options: HashPinOptions = {}): Promise<PinHash> {
  if (!isPinFormat(pin)) throw new RangeError(`a PIN is ${PIN_MIN_LENGTH} to ${PIN_MAX_LENGTH} digits`);
  const iterations = options.iterations ?? PIN_HASH_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < MIN_PIN_HASH_ITERATIONS) throw new RangeError(`a PIN hash needs at least ${MIN_PIN_HASH_ITERATIONS} iterations`);
  const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(PIN_SALT_BYTES));
  if (salt.length !== PIN_SALT_BYTES) throw new RangeError(`a PIN salt is ${PIN_SALT_BYTES} bytes`);
  return { pinHash: toBase64url(await derive(pin, salt, iterations)), pinSalt: toBase64url(salt), iterations };
}

/**
 * Whether `pin` is the PIN `staff`'s hash was made from, compared in constant time. A malformed PIN, salt or
 * hash, or too few iterations, is simply `false`.
 */
export async function verifyPin(pin: string, staff: Pick<StaffMember, 'pinHash' | 'pinSalt' | 'iterations'>): Promise<boolean> {
  if (!isPinFormat(pin) || !Number.isInteger(staff.iterations) || staff.iterations < MIN_PIN_HASH_ITERATIONS) return false;
  const salt = fromBase64url(staff.pinSalt);
  const expected = fromBase64url(staff.pinHash);
  if (salt?.length !== PIN_SALT_BYTES || expected?.length !== PIN_HASH_BYTES) return false;
  return constantTimeEqual(await derive(pin, salt, staff.iterations), expected);
}

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
