/**
 * UUIDv7 (RFC 9562 §5.7): a 48-bit Unix millisecond timestamp, then random bits. Records get ids that sort by
 * creation time and are unique across devices without coordination. Pure: the caller passes the clock and
 * the randomness (`crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES))`).
 */

/** Random bytes consumed: 12 bits of rand_a and 62 bits of rand_b need 74 bits. */
export const UUIDV7_RANDOM_BYTES = 10;

/** The largest timestamp a UUIDv7 can hold (48 bits: the year 10889). */
const MAX_UNIX_MS = 2 ** 48 - 1;

const hex = (byte: number): string => byte.toString(16).padStart(2, '0');

/**
 * A UUIDv7 string (lower-case, hyphenated) for `nowMs` with randomness from `random` (at least 10 bytes).
 * Ids made in different milliseconds sort in time order as strings; within one millisecond they sort randomly.
 * Throws `RangeError` for a timestamp outside 0 … 2^48−1 or too few random bytes.
 */
export function uuidv7(nowMs: number, random: Uint8Array): string {
  if (!Number.isInteger(nowMs) || nowMs < 0 || nowMs > MAX_UNIX_MS) throw new RangeError('uuidv7: timestamp out of range');
  if (random.length < UUIDV7_RANDOM_BYTES) throw new RangeError(`uuidv7: needs ${UUIDV7_RANDOM_BYTES} random bytes`);
  const bytes = new Uint8Array(16);
  // 48-bit big-endian timestamp; split because bitwise operators in JavaScript stop at 32 bits.
  const high = Math.floor(nowMs / 2 ** 16);
  const low = nowMs % 2 ** 16;
  bytes[0] = (high >>> 24) & 0xff;
  bytes[1] = (high >>> 16) & 0xff;
  bytes[2] = (high >>> 8) & 0xff;
  bytes[3] = high & 0xff;
  bytes[4] = (low >>> 8) & 0xff;
  bytes[5] = low & 0xff;
  const r = (i: number): number => random[i] ?? 0;
  bytes[6] = 0x70 | (r(0) & 0x0f); // version 7
  bytes[7] = r(1);
  bytes[8] = 0x80 | (r(2) & 0x3f); // variant 10
  for (let i = 9; i < 16; i++) bytes[i] = r(i - 6);
  let s = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += hex(bytes[i] ?? 0);
  }
  return s;
}

/** Any RFC 9562 UUID (versions 1–8, variant 10), in canonical lower-case form — the only form we store. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Whether `s` is a canonical (lower-case, hyphenated) RFC 9562 UUID. */
export const isUuid = (s: string): boolean => UUID.test(s);

/** Whether `s` is a canonical UUIDv7. */
export const isUuidV7 = (s: string): boolean => UUID_V7.test(s);

/** The creation time (Unix milliseconds) held in a UUIDv7. */
export function uuidv7Time(id: string): number {
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
