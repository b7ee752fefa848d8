/**
 * Signing keys and key sets. Keys are P-256 (ES256) through WebCrypto, so the same code runs on a tablet and
 * in Node. A key's id (`kid`) is a prefix of its RFC 7638 thumbprint: a kid that does not match its key is a
 * configuration error, caught on import rather than showing up as a puzzling "bad signature" at the door.
 */
import { KioskError } from '../domain/errors.js';
import { keySetSchema, kidSchema, publicJwkSchema, type KeySet, type KeyStatus, type PublicJwk } from '../schemas/invite.js';
import { encodeBase64url } from './base64url.js';

/**
 * Characters of the thumbprint kept as the kid (66 bits). A kid only picks a key out of a few dozen — the
 * signature decides trust — and every character saved keeps a contractor's pass at QR version 15.
 */
export const KID_LENGTH = 11;

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** WebCrypto in the browser and in Node 20 (`globalThis.crypto`). */
export const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

/** A key pair made by `generateSigningKey`. Keep `privateJwk` secret; publish `publicJwk` in the key set. */
export interface GeneratedKey {
  kid: string;
  privateJwk: JsonWebKey;
  publicJwk: PublicJwk;
}

/**
 * What the `sign*` functions need: the kid to put in the header and the private key — as a JWK (the hub, the
 * development command), or as a non-extractable CryptoKey (a kiosk's badge key, which never rests readable
 * on the device; its kid was computed from the public half when the key was made).
 */
export type SigningKey = { kid: string; privateJwk: JsonWebKey } | { kid: string; privateKey: CryptoKey };

/** The full RFC 7638 SHA-256 thumbprint (43 base64url characters) of a public P-256 JWK. */
export async function jwkThumbprint(jwk: PublicJwk): Promise<string> {
  // RFC 7638: the required members only, in lexicographic order, no whitespace.
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  const digest = await subtle().digest('SHA-256', new TextEncoder().encode(canonical));
  return encodeBase64url(new Uint8Array(digest));
}

/** Creates a new P-256 signing key with its kid (the first `KID_LENGTH` characters of its thumbprint). */
export async function generateSigningKey(): Promise<GeneratedKey> {
  const pair = await subtle().generateKey(EC_P256, true, ['sign', 'verify']);
  const exported = await subtle().exportKey('jwk', pair.privateKey);
  const publicJwk = publicJwkSchema.parse({ kty: exported.kty, crv: exported.crv, x: exported.x, y: exported.y });
  const kid = (await jwkThumbprint(publicJwk)).slice(0, KID_LENGTH);
  if (typeof exported.d !== 'string') throw new Error('generateSigningKey: WebCrypto exported no private part');
  const privateJwk: JsonWebKey = { kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y, d: exported.d };
  return { kid, privateJwk, publicJwk };
}

// Importing a key costs far more than verifying with it: one CryptoKey per public key for the page's life.
const publicKeys = new Map<string, Promise<CryptoKey>>();
const signingKeys = new WeakMap<SigningKey, Promise<CryptoKey>>();

function importPublicKey(jwk: PublicJwk): Promise<CryptoKey> {
  const cacheKey = `${jwk.x}.${jwk.y}`;
  let key = publicKeys.get(cacheKey);
  if (!key) {
    key = subtle().importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true }, EC_P256, false, ['verify']);
    // A failed import (a point off the curve) must not stay cached as a rejected promise for a good key later.
    key.catch(() => publicKeys.delete(cacheKey));
    publicKeys.set(cacheKey, key);
  }
  return key;
}

/** The private key of `signer` as a CryptoKey, after checking that its kid belongs to it. */
export function importSigningKey(signer: SigningKey): Promise<CryptoKey> {
  if ('privateKey' in signer) {
    if (!kidSchema.safeParse(signer.kid).success || signer.privateKey.type !== 'private') {
      return Promise.reject(new KioskError('config-invalid', { path: 'privateKey' }));
    }
    return Promise.resolve(signer.privateKey);
  }
  let key = signingKeys.get(signer);
  if (!key) {
    key = (async () => {
      const { kty, crv, x, y, d } = signer.privateJwk;
      const parsed = publicJwkSchema.safeParse({ kty, crv, x, y });
      if (!parsed.success || typeof d !== 'string') throw new KioskError('config-invalid', { path: 'privateJwk' });
      if (!kidSchema.safeParse(signer.kid).success || !(await jwkThumbprint(parsed.data)).startsWith(signer.kid)) {
        throw new KioskError('config-invalid', { path: 'kid' });
      }
      return subtle().importKey('jwk', { kty: 'EC', crv: 'P-256', x, y, d, ext: false }, EC_P256, false, ['sign']);
    })();
    signingKeys.set(signer, key);
  }
  return key;
}

/** One key of an imported key set. Revoked keys are kept (to report them) but never imported. */
export interface TrustedKey {
  status: KeyStatus;
  key: CryptoKey | undefined;
}

/** A key set checked and imported by `importKeySet`; what `verifyToken` looks kids up in. */
export class ImportedKeySet {
  readonly #keys: ReadonlyMap<string, TrustedKey>;

  /** @internal Use `importKeySet`. */
  constructor(keys: ReadonlyMap<string, TrustedKey>) {
    this.#keys = keys;
  }

  /** The key with this kid, or `undefined` when the set has none. */
  get(kid: string): TrustedKey | undefined {
    return this.#keys.get(kid);
  }

  /** Kids in the set, for diagnostics (kids are public). */
  get kids(): string[] {
    return [...this.#keys.keys()];
  }
}

/**
 * Checks a key set (`{ keys: [{ kid, jwk, status }] }`) against its schema and each kid against its key's
 * thumbprint, and imports the keys that may verify. Imported CryptoKeys are cached, so re-importing the same
 * configuration is cheap. Throws `KioskError('config-invalid', { path })` on any problem.
 */
export async function importKeySet(input: unknown): Promise<ImportedKeySet> {
  const parsed = keySetSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KioskError('config-invalid', { path: `keySet.${(issue?.path ?? []).map(String).join('.')}` });
  }
  const keys = new Map<string, TrustedKey>();
  for (const [index, entry] of (parsed.data satisfies KeySet).keys.entries()) {
    if (!(await jwkThumbprint(entry.jwk)).startsWith(entry.kid)) {
      throw new KioskError('config-invalid', { path: `keySet.keys.${index}.kid` });
    }
    let key: CryptoKey | undefined;
    if (entry.status !== 'revoked') {
      try {
        key = await importPublicKey(entry.jwk);
      } catch (cause) {
        throw new KioskError('config-invalid', { path: `keySet.keys.${index}.jwk` }, { cause });
      }
    }
    keys.set(entry.kid, { status: entry.status, key });
  }
  return new ImportedKeySet(keys);
}

/** The public key set to publish for `keys` (all `current`), e.g. for a kiosk's configuration. */
export function publicKeySet(keys: readonly GeneratedKey[], status: KeyStatus = 'current'): KeySet {
  return { keys: keys.map((k) => ({ kid: k.kid, jwk: k.publicJwk, status })) };
}

/** Text of a random 128-bit id, base64url (22 characters). */
export function randomId(): string {
  return encodeBase64url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}
