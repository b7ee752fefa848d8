/**
 * Keys, key sets and tokens for the invite suites. Keys are generated once per page (real WebCrypto), and
 * hostile tokens are signed with real keys through the low-level `signCompact`, so a test reaches exactly
 * the check it means to.
 */
import { encodeBase64url, encodeBase64urlText } from '../../../src/invite/base64url.js';
import { signCompact } from '../../../src/invite/jws.js';
import {
  MemoryUseRecorder,
  generateSigningKey,
  importKeySet,
  signBadge,
  signInvitation,
  signPass,
  type GeneratedKey,
  type ImportedKeySet,
  type KeySet,
  type VerifyOptions,
} from '../../../src/invite/index.js';
import { importSigningKey } from '../../../src/invite/keys.js';

export const SITE = 'demo';
export const ZONE = 'Asia/Hong_Kong';
/** Monday 23 November 2026, 10:00 in Hong Kong. */
export const NOW = new Date('2026-11-23T10:00:00+08:00');
export const HOUR = 3_600_000;
export const at = (iso: string): Date => new Date(iso);

export interface Keys {
  current: GeneratedKey;
  previous: GeneratedKey;
  revoked: GeneratedKey;
  /** Not in the key set at all. */
  stranger: GeneratedKey;
  keySet: KeySet;
  imported: ImportedKeySet;
}

let keys: Promise<Keys> | undefined;

/** The page's keys: one current, one previous, one revoked in the set, and one stranger outside it. */
export function getKeys(): Promise<Keys> {
  keys ??= (async () => {
    const [current, previous, revoked, stranger] = await Promise.all([generateSigningKey(), generateSigningKey(), generateSigningKey(), generateSigningKey()]);
    const keySet: KeySet = {
      keys: [
        { kid: current.kid, jwk: current.publicJwk, status: 'current' },
        { kid: previous.kid, jwk: previous.publicJwk, status: 'previous' },
        { kid: revoked.kid, jwk: revoked.publicJwk, status: 'revoked' },
      ],
    };
    return { current, previous, revoked, stranger, keySet, imported: await importKeySet(keySet) };
  })();
  return keys;
}

/** Verify options at NOW on the demo site with a fresh use record; override anything. */
export async function options(overrides: Partial<VerifyOptions> = {}): Promise<VerifyOptions> {
  const { imported } = await getKeys();
  return { keySet: imported, siteId: SITE, timeZone: ZONE, uses: new MemoryUseRecorder(), now: NOW, ...overrides };
}

export const invitationInput = {
  issuer: 'dev',
  site: SITE,
  host: '12B',
  visitorType: 'visiting-resident' as const,
  from: new Date(NOW.getTime() - HOUR),
  until: new Date(NOW.getTime() + 23 * HOUR),
};

/** A domestic helper's pass: Monday to Friday, 08:00–18:00 Hong Kong time, for 30 days. */
export const passInput = {
  ...invitationInput,
  visitorType: 'domestic-helper' as const,
  from: at('2026-11-20T00:00:00+08:00'),
  until: at('2026-12-20T00:00:00+08:00'),
  weekdays: [1, 2, 3, 4, 5],
  hours: ['08:00', '18:00'] as const,
};

/** A contractor's pass with every optional field: the largest token we expect in practice. */
export const contractorPassInput = {
  ...passInput,
  visitorType: 'contractor' as const,
  hours: ['09:00', '18:00'] as const,
  uses: 60,
  permit: 'WP-2026-0114',
};

export async function validInvitation(key?: GeneratedKey): Promise<string> {
  return signInvitation(invitationInput, key ?? (await getKeys()).current);
}

export async function validPass(overrides: Partial<typeof passInput & { uses: number; permit: string }> = {}): Promise<string> {
  return signPass({ ...passInput, ...overrides }, (await getKeys()).current);
}

export const VISIT_ID = '0192b3c4-d5e6-7f80-9a1b-2c3d4e5f6a7b';

export async function validBadge(): Promise<string> {
  return signBadge({ issuer: 'kiosk-1', site: SITE, visitId: VISIT_ID, until: new Date(NOW.getTime() + 12 * HOUR) }, (await getKeys()).current);
}

/** The claims of a valid invitation at NOW, as plain JSON, for tests that alter one member. */
export function invitationClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: 'dev',
    site: SITE,
    jti: 'AAAAAAAAAAAAAAAAAAAAAA',
    nbf: Math.floor(NOW.getTime() / 1000) - 3600,
    exp: Math.floor(NOW.getTime() / 1000) + 3600,
    vt: 'visiting-resident',
    h: '12B',
    ...overrides,
  };
}

/** Signs header and payload TEXT exactly as given with `key` (default the current key). */
export async function signRaw(headerJson: string, payloadJson: string, key?: GeneratedKey): Promise<string> {
  const signer = key ?? (await getKeys()).current;
  return signCompact(headerJson, payloadJson, await importSigningKey(signer));
}

/** The standard header for `kid` and `typ`, as our signer writes it. */
export const headerJson = (kid: string, typ = 'vk-inv'): string => JSON.stringify({ alg: 'ES256', kid, typ });

/** A token with the given header and payload objects and a random (invalid) 64-byte signature. */
export function unsigned(header: unknown, payload: unknown): string {
  return `${encodeBase64urlText(JSON.stringify(header))}.${encodeBase64urlText(JSON.stringify(payload))}.${encodeBase64url(crypto.getRandomValues(new Uint8Array(64)))}`;
}

/** A raw `r‖s` ECDSA signature re-encoded as ASN.1 DER, as OpenSSL and Java produce. */
export function rawToDer(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array): number[] => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i += 1;
    const trimmed = [...bytes.slice(i)];
    return (trimmed[0] ?? 0) & 0x80 ? [0, ...trimmed] : trimmed;
  };
  const r = integer(raw.slice(0, 32));
  const s = integer(raw.slice(32));
  const body = [0x02, r.length, ...r, 0x02, s.length, ...s];
  return new Uint8Array([0x30, body.length, ...body]);
}
