import { KID_LENGTH, jwkThumbprint } from '../invite/keys.js';
import { publicJwkSchema, type PublicJwk } from '../schemas/invite.js';
import { deviceKeyRowSchema, type DeviceKeyRow } from '../schemas/visit.js';
import { DB_NAME, kioskTransaction, withKioskDb } from './db.js';
import { STRICT, checkedRow, commit } from './tx.js';

/** The id of the badge-signing key in the `keys` store. */
export const BADGE_KEY_ID = 'badge';

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** The device's badge-signing key: sign badge tokens with `privateKey`; publish `publicJwk` under `kid`. */
export interface DeviceBadgeKey {
  /** The first `KID_LENGTH` characters of the RFC 7638 thumbprint of `publicJwk`, as key sets expect. */
  kid: string;
  /** Non-extractable P-256 private key, usable for `sign` only; it cannot be exported, not even by us. */
  privateKey: CryptoKey;
  /** The public half, `{ kty, crv, x, y }`: what the hub registers at pairing to verify this device's badges. */
  publicJwk: PublicJwk;
}

/** A fresh key pair whose private half never exists outside WebCrypto. */
async function createBadgeKey(now: Date): Promise<DeviceKeyRow> {
  // `extractable: false` applies to the private key; WebCrypto always lets the public half be exported.
  const pair = await crypto.subtle.generateKey(EC_P256, false, ['sign', 'verify']);
  const exported = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const publicJwk = publicJwkSchema.parse({ kty: exported.kty, crv: exported.crv, x: exported.x, y: exported.y });
  const kid = (await jwkThumbprint(publicJwk)).slice(0, KID_LENGTH);
  return checkedRow(deviceKeyRowSchema, { id: BADGE_KEY_ID, kid, privateKey: pair.privateKey, publicJwk, createdAt: now.toISOString() }, 'keys', BADGE_KEY_ID);
}

const toBadgeKey = (row: DeviceKeyRow): DeviceBadgeKey => ({ kid: row.kid, privateKey: row.privateKey, publicJwk: row.publicJwk });

/**
 * This device's badge-signing key, created on first use and kept in the `keys` store as a non-extractable
 * CryptoKey (IndexedDB structured-clones the key object; its bytes are never readable on the device).
 * Concurrent callers — in this page or in other tabs — all get the one stored key: a candidate is made
 * outside the transaction (WebCrypto's promises would let IndexedDB commit under us), and a strict
 * readwrite transaction stores it only if no key is there yet; a losing candidate is simply dropped.
 * Rejects with `storage-row-invalid` if the stored row is bad (it is never replaced: a badge already
 * printed may depend on it), else with `storage-failed` / `storage-quota`.
 */
export async function deviceBadgeKey(dbName: string = DB_NAME): Promise<DeviceBadgeKey> {
  const stored: unknown = await withKioskDb(dbName, (db) => db.get('keys', BADGE_KEY_ID));
  if (stored !== undefined) return toBadgeKey(checkedRow(deviceKeyRowSchema, stored, 'keys', BADGE_KEY_ID));

  const candidate = await createBadgeKey(new Date());
  const tx = await kioskTransaction(dbName, ['keys'], 'readwrite', STRICT);
  const row = await commit(tx, async () => {
    const keys = tx.objectStore('keys');
    const raced: unknown = await keys.get(BADGE_KEY_ID);
    if (raced !== undefined) return checkedRow(deviceKeyRowSchema, raced, 'keys', BADGE_KEY_ID);
    await keys.add(candidate);
    return candidate;
  });
  return toBadgeKey(row);
}
