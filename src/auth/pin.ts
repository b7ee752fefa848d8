/**
 * PIN hashing for staff sign-in: PBKDF2-SHA-256 through WebCrypto, so the same code runs in the desk's browser
 * and in the hub (Node 20's `globalThis.crypto`). Isomorphic and pure apart from randomness: the hub may import
 * it, which it may not do with desk/. desk/auth.ts holds the same functions today (the desk issue wrote them
 * there first) and should re-export these; the hash format is identical, so a PIN hashed by either verifies
 * with the other (test/node/hub-auth.node-test.ts proves it).
 */
import { MIN_PIN_HASH_ITERATIONS, PIN_MAX_LENGTH, PIN_MIN_LENGTH, isPinFormat, type StaffMember } from '../domain/desk.js';

/**
 * PBKDF2 iterations for new hashes. A 4–8 digit PIN has at most 10^8 values, so no count keeps a stolen hash
 * safe for long — a lock after wrong tries is the real defence — but 100 000 makes each guess cost real time.
 */
export const PIN_HASH_ITERATIONS = Math.max(100_000, MIN_PIN_HASH_ITERATIONS);
/** Random salt per PIN (16 bytes): equal PINs get unrelated hashes, and no precomputed table applies. */
export const PIN_SALT_BYTES = 16;
/** Derived key length: SHA-256's own output, 32 bytes. */
export const PIN_HASH_BYTES = 32;
/** Wrong PINs before sign-in locks: a mistyping receptionist still gets in, a guesser gets five tries per lock. */
export const MAX_PIN_ATTEMPTS = 5;
/** How long a lock lasts: at most 1 440 guesses a day, yet a guard who locked the desk at night waits minutes. */
export const LOCK_MINUTES = 5;

/** What a staff row keeps of a PIN. */
export interface PinHash {
  /** PBKDF2-SHA-256 output, base64url without padding. */
  pinHash: string;
  /** The random salt, base64url without padding. */
  pinSalt: string;
  iterations: number;
}

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
