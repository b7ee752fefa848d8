/**
 * Sealing an identity number to the hub (issue 5, item 6): where a site must keep a number, the kiosk
 * encrypts it to the hub's public key the moment it is typed, so the tablet holds only ciphertext it cannot
 * read back — a stolen tablet, or a script reading its IndexedDB, learns the last four characters at most.
 * The hub opens it once, keeps the last four and a keyed hash (for watch-list matching) and discards it.
 *
 * The scheme is ECIES over WebCrypto, isomorphic (tablet and Node 20): an ephemeral P-256 ECDH key agrees a
 * secret with the hub's sealing key, HKDF-SHA256 turns it into an AES-256-GCM key, and the header (version,
 * recipient kid, ephemeral public key) is the GCM additional data, so no part of a sealed value can be swapped.
 *
 * Format (compact, base64url parts): `v1.<kid>.<epk x>.<epk y>.<iv>.<ciphertext+tag>`.
 */
import { KioskError } from '../domain/errors.js';
import { publicJwkSchema, type PublicJwk } from '../schemas/invite.js';
import { decodeBase64url, encodeBase64url } from './base64url.js';
import { jwkThumbprint, KID_LENGTH, subtle } from './keys.js';

/** Format version: the first part of every sealed value. */
export const SEAL_VERSION = 'v1';
/** Bytes of the AES-GCM nonce: 96 bits, the size GCM is specified for. */
const IV_BYTES = 12;
/** Bytes of the GCM tag appended to the ciphertext. */
const TAG_BYTES = 16;
/** The longest plaintext we seal: an identity number with its document type is a few dozen characters. */
export const MAX_SEALED_PLAINTEXT = 256;
/** Longest sealed value accepted for opening: the header plus `MAX_SEALED_PLAINTEXT` bytes of ciphertext. */
export const MAX_SEALED_LENGTH = 128 + Math.ceil(((MAX_SEALED_PLAINTEXT + TAG_BYTES) * 4) / 3);
/** HKDF `info`: binds the derived key to this purpose, so the agreement cannot be replayed elsewhere. */
const HKDF_INFO = new TextEncoder().encode('visitor-kiosk seal v1');

const ECDH_P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** The hub's sealing key pair; `publicJwk` (with `kid`) goes to kiosks in the site configuration. */
export interface SealingKey {
  kid: string;
  privateJwk: JsonWebKey;
  publicJwk: PublicJwk;
}

/** Creates a new P-256 ECDH key for sealing, with its kid (thumbprint prefix, as for signing keys). */
export async function generateSealingKey(): Promise<SealingKey> {
  const pair = (await subtle().generateKey(ECDH_P256, true, ['deriveBits'])) as CryptoKeyPair;
  const exported = await subtle().exportKey('jwk', pair.privateKey);
  const publicJwk = publicJwkSchema.parse({ kty: exported.kty, crv: exported.crv, x: exported.x, y: exported.y });
  if (typeof exported.d !== 'string') throw new Error('generateSealingKey: WebCrypto exported no private part');
  const kid = (await jwkThumbprint(publicJwk)).slice(0, KID_LENGTH);
  return { kid, publicJwk, privateJwk: { kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y, d: exported.d } };
}

async function aesKey(shared: ArrayBuffer, salt: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  const ikm = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: salt as BufferSource, info: HKDF_INFO },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/**
 * Seals `plaintext` to the recipient's public key. The result reveals nothing but its length; only the
 * holder of the private key can open it. Each call uses a fresh ephemeral key and nonce.
 */
export async function seal(recipient: { kid: string; publicJwk: PublicJwk }, plaintext: string): Promise<string> {
  const bytes = new TextEncoder().encode(plaintext);
  if (bytes.length > MAX_SEALED_PLAINTEXT) throw new KioskError('too-long', { max: MAX_SEALED_PLAINTEXT });
  const theirs = await subtle().importKey('jwk', { ...publicJwkSchema.parse(recipient.publicJwk), ext: true }, ECDH_P256, false, []);
  const ephemeral = (await subtle().generateKey(ECDH_P256, true, ['deriveBits'])) as CryptoKeyPair;
  const epk = await subtle().exportKey('jwk', ephemeral.publicKey);
  const header = `${SEAL_VERSION}.${recipient.kid}.${String(epk.x)}.${String(epk.y)}`;
  const shared = await subtle().deriveBits({ name: 'ECDH', public: theirs }, ephemeral.privateKey, 256);
  const key = await aesKey(shared, new TextEncoder().encode(header), 'encrypt');
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(header) }, key, bytes);
  return `${header}.${encodeBase64url(iv)}.${encodeBase64url(new Uint8Array(ct))}`;
}

/** The recipient kid of a sealed value, so the hub can pick the key (current or previous) to open it with. */
export function sealedKid(sealed: string): string | undefined {
  const parts = sealed.split('.');
  return parts.length === 6 && parts[0] === SEAL_VERSION ? parts[1] : undefined;
}

/**
 * Opens a sealed value with the recipient's private key. Anything malformed, tampered with or sealed to
 * another key fails the same way, with `KioskError('seal-invalid')` — the reason is not a hint to give out.
 */
export async function openSealed(recipient: { kid: string; privateJwk: JsonWebKey }, sealed: string): Promise<string> {
  const invalid = (cause?: unknown) => new KioskError('seal-invalid', {}, { cause });
  if (sealed.length > MAX_SEALED_LENGTH) throw invalid();
  const parts = sealed.split('.');
  if (parts.length !== 6) throw invalid();
  const [version, kid, x, y, ivText, ctText] = parts as [string, string, string, string, string, string];
  if (version !== SEAL_VERSION || kid !== recipient.kid) throw invalid();
  try {
    const iv = decodeBase64url(ivText);
    const ct = decodeBase64url(ctText);
    if (iv === undefined || ct === undefined || iv.length !== IV_BYTES || ct.length < TAG_BYTES) throw invalid();
    const epk = publicJwkSchema.parse({ kty: 'EC', crv: 'P-256', x, y });
    const theirs = await subtle().importKey('jwk', { ...epk, ext: true }, ECDH_P256, false, []);
    const mine = await subtle().importKey('jwk', recipient.privateJwk, ECDH_P256, false, ['deriveBits']);
    const header = `${version}.${kid}.${x}.${y}`;
    const shared = await subtle().deriveBits({ name: 'ECDH', public: theirs }, mine, 256);
    const key = await aesKey(shared, new TextEncoder().encode(header), 'decrypt');
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: new TextEncoder().encode(header) }, key, ct as BufferSource);
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch (error) {
    if (error instanceof KioskError) throw error;
    throw invalid(error);
  }
}

/**
 * The keyed hash the hub keeps instead of an identity number (HMAC-SHA256 with a site key only the hub
 * holds, over `documentType:number` in canonical form): equal numbers match on the watch list, but the hash
 * is useless to anyone without the key — a bare SHA-256 of an HKID could be reversed by trying every number.
 */
export async function identityHash(siteKey: Uint8Array, documentType: string, number: string): Promise<string> {
  const canonical = `${documentType}:${number.normalize('NFKC').replace(/[\s()-]/g, '').toUpperCase()}`;
  const key = await subtle().importKey('raw', siteKey as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await subtle().sign('HMAC', key, new TextEncoder().encode(canonical));
  return encodeBase64url(new Uint8Array(mac));
}
