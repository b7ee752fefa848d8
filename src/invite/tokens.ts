/**
 * Signing and verifying invitation, pass and badge tokens. Verification is offline: a key set, the site,
 * the clock, the site's time zone and a local record of uses are all it needs. Every rejection has its own
 * error code (src/domain/errors.ts), and the order of checks is deliberate: size and shape first, then the
 * header — exactly `{alg, kid, typ}` with `alg` ES256 — and the key, all before any cryptography; then the
 * signature, and only then are the claims parsed, so nothing unsigned ever reaches the claims parser.
 */
import type { VisitorType } from '../domain/codes.js';
import { KioskError, type ErrorCode } from '../domain/errors.js';
import { isValidTimeZone, localTime, minutesOf } from '../domain/time.js';
import {
  TOKEN_ALG,
  TOKEN_TYPES,
  badgeClaimsSchema,
  invitationClaimsSchema,
  passClaimsSchema,
  tokenHeaderSchema,
  type BadgeClaims,
  type InvitationClaims,
  type KeySet,
  type PassClaims,
  type TokenKind,
} from '../schemas/invite.js';
import { decodeBase64url } from './base64url.js';
import { parseStrictJson } from './json.js';
import { ECDSA_SHA256, MAX_TOKEN_LENGTH, SIGNATURE_LENGTH, signCompact, signingInput } from './jws.js';
import { ImportedKeySet, importKeySet, importSigningKey, randomId, subtle, type SigningKey } from './keys.js';
import type { UseRecorder } from './uses.js';

/** Tolerance on `nbf` and `exp`: a tablet's clock may drift minutes from the hub's between syncs. */
export const CLOCK_SKEW_SECONDS = 300;

/** Codes `verifyToken` can return. */
export type VerifyErrorCode = Extract<ErrorCode, `invite-${string}`> | 'config-invalid' | 'storage-failed';

/** The outcome of `verifyToken`: the kind and claims of a valid token, or why it was refused. */
export type VerifyResult =
  | { ok: true; kind: 'invitation'; claims: InvitationClaims; kid: string }
  | { ok: true; kind: 'pass'; claims: PassClaims; kid: string }
  | { ok: true; kind: 'badge'; claims: BadgeClaims; kid: string }
  | { ok: false; code: VerifyErrorCode };

export interface VerifyOptions {
  /** The trusted keys: an `ImportedKeySet`, or a raw key set (imported and cached per object). */
  keySet: ImportedKeySet | KeySet;
  /** The site this device serves; a token for another site is refused. */
  siteId: string;
  /** The site's IANA time zone, in which a pass's weekdays and hours are read. */
  timeZone: string;
  /** The local record of uses. */
  uses: UseRecorder;
  /** The time to verify at; default now. */
  now?: Date;
  /** Record a use when the token is valid. Default `false`: verify, confirm with the visitor, then consume. */
  consume?: boolean;
  /** The kinds accepted here (the check-out screen takes badges only); default all. */
  kinds?: readonly TokenKind[];
}

/** What an invitation says, in words; `signInvitation` turns it into short claims. */
export interface InvitationInput {
  /** Issuer id (the hub, or `dev`). */
  issuer: string;
  site: string;
  /** A directory id or a unit label — never a resident's name. */
  host: string;
  visitorType: VisitorType;
  /** Valid from. */
  from: Date;
  /** Valid until (exclusive). */
  until: Date;
  /** Party size; omitted from the token when 1. */
  partySize?: number;
  /** The token id (22 base64url characters); default a fresh random one. */
  id?: string;
}

/** A standing pass: an invitation plus days, hours, uses and a permit reference. */
export interface PassInput extends InvitationInput {
  /** Allowed weekdays, 0 = Sunday … 6 = Saturday; omitted = every day. */
  weekdays?: readonly number[];
  /** Allowed hours in the site's local time, e.g. `['08:00', '18:00']`; omitted = all day. */
  hours?: readonly [string, string];
  /** Uses allowed per device; omitted = unlimited within the window. */
  uses?: number;
  /** Work permit reference. */
  permit?: string;
}

/** A badge's check-out code. */
export interface BadgeInput {
  /** The signing device's id. */
  issuer: string;
  site: string;
  visitId: string;
  until: Date;
}

const seconds = (at: Date): number => Math.floor(at.getTime() / 1000);

const CLAIMS_SCHEMAS = { invitation: invitationClaimsSchema, pass: passClaimsSchema, badge: badgeClaimsSchema } as const;

const KIND_OF_TYP: Readonly<Record<string, TokenKind>> = {
  [TOKEN_TYPES.invitation]: 'invitation',
  [TOKEN_TYPES.pass]: 'pass',
  [TOKEN_TYPES.badge]: 'badge',
};

async function signClaims(kind: TokenKind, claims: Record<string, unknown>, signer: SigningKey): Promise<string> {
  const parsed = CLAIMS_SCHEMAS[kind].safeParse(claims);
  if (!parsed.success) {
    throw new KioskError('invite-invalid-claims', { path: (parsed.error.issues[0]?.path ?? []).map(String).join('.') });
  }
  const key = await importSigningKey(signer);
  // Member order is fixed by these literals and by the schema's shape, so equal claims give equal text.
  const header = JSON.stringify({ alg: TOKEN_ALG, kid: signer.kid, typ: TOKEN_TYPES[kind] });
  const token = await signCompact(header, JSON.stringify(parsed.data), key);
  if (token.length > MAX_TOKEN_LENGTH) throw new KioskError('invite-too-large', { length: token.length });
  return token;
}

function invitationClaims(input: InvitationInput): Record<string, unknown> {
  return {
    iss: input.issuer,
    site: input.site,
    jti: input.id ?? randomId(),
    nbf: seconds(input.from),
    exp: seconds(input.until),
    vt: input.visitorType,
    h: input.host,
    ...(input.partySize !== undefined && input.partySize !== 1 ? { p: input.partySize } : {}),
  };
}

/**
 * Signs a single-use invitation. Throws `KioskError` `invite-invalid-claims` (with `details.path`) when the
 * input breaks the claims schema, `config-invalid` for an unusable key, `invite-too-large` past 1 KB.
 */
export function signInvitation(input: InvitationInput, signer: SigningKey): Promise<string> {
  return signClaims('invitation', invitationClaims(input), signer);
}

/** Signs a standing pass (errors as `signInvitation`). */
export function signPass(input: PassInput, signer: SigningKey): Promise<string> {
  return signClaims(
    'pass',
    {
      ...invitationClaims(input),
      ...(input.weekdays ? { wd: input.weekdays.reduce((mask, day) => mask | (1 << day), 0) } : {}),
      ...(input.hours ? { hr: [minutesOf(input.hours[0]), minutesOf(input.hours[1])] } : {}),
      ...(input.uses !== undefined ? { n: input.uses } : {}),
      ...(input.permit !== undefined ? { wp: input.permit } : {}),
    },
    signer,
  );
}

/** Signs a badge's check-out code (errors as `signInvitation`). */
export function signBadge(input: BadgeInput, signer: SigningKey): Promise<string> {
  return signClaims('badge', { iss: input.issuer, site: input.site, v: input.visitId, exp: seconds(input.until) }, signer);
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The JSON value of one base64url segment, or `undefined` if it is not canonical base64url, UTF-8 and JSON. */
function decodeJsonSegment(segment: string): unknown {
  const bytes = decodeBase64url(segment);
  if (!bytes) return undefined;
  let text: string;
  try {
    text = fatalUtf8.decode(bytes);
  } catch {
    return undefined;
  }
  return parseStrictJson(text);
}

const SEGMENT = /^[A-Za-z0-9_-]*$/;

// Raw key sets passed straight to verifyToken are imported once per object.
const importedSets = new WeakMap<object, Promise<ImportedKeySet>>();

function resolveKeySet(keySet: ImportedKeySet | KeySet): Promise<ImportedKeySet> {
  if (keySet instanceof ImportedKeySet) return Promise.resolve(keySet);
  let imported = importedSets.get(keySet);
  if (!imported) {
    imported = importKeySet(keySet);
    importedSets.set(keySet, imported);
  }
  return imported;
}

const fail = (code: VerifyErrorCode): VerifyResult => ({ ok: false, code });

/** Whether a pass admits at `now` in `timeZone`: its weekday and hours, if it names any. */
function withinPassHours(claims: PassClaims, now: Date, timeZone: string): boolean {
  if (!claims.wd && !claims.hr) return true;
  const local = localTime(now, timeZone);
  if (claims.wd !== undefined && ((claims.wd >> local.weekday) & 1) === 0) return false;
  if (claims.hr && !(claims.hr[0] <= local.minutes && local.minutes < claims.hr[1])) return false;
  return true;
}

async function verify(token: unknown, options: VerifyOptions): Promise<VerifyResult> {
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime()) || !isValidTimeZone(options.timeZone)) return fail('config-invalid');

  // 1. Size and shape, before anything is decoded.
  if (typeof token !== 'string') return fail('invite-malformed');
  if (token.length > MAX_TOKEN_LENGTH) return fail('invite-too-large');
  const parts = token.split('.');
  if (parts.length !== 3) return fail('invite-malformed');
  const [encodedHeader = '', encodedPayload = '', encodedSignature = ''] = parts;
  if (!SEGMENT.test(encodedHeader) || !SEGMENT.test(encodedPayload) || !SEGMENT.test(encodedSignature)) return fail('invite-malformed');

  // 2. The header: exactly {alg: 'ES256', kid, typ}. `none`, HS256, jku, jwk, x5u, crit, zip… stop here.
  const rawHeader = decodeJsonSegment(encodedHeader);
  if (rawHeader === undefined) return fail('invite-malformed');
  const header = tokenHeaderSchema.safeParse(rawHeader);
  if (!header.success) return fail('invite-unsupported-header');
  const kind = KIND_OF_TYP[header.data.typ];
  if (!kind) return fail('invite-unsupported-header');

  // 3. The key.
  let keySet: ImportedKeySet;
  try {
    keySet = await resolveKeySet(options.keySet);
  } catch {
    return fail('config-invalid');
  }
  const trusted = keySet.get(header.data.kid);
  if (!trusted) return fail('invite-unknown-key');
  if (trusted.status === 'revoked' || !trusted.key) return fail('invite-revoked-key');

  // 4. The signature: 64 raw bytes, checked by WebCrypto.
  const signature = decodeBase64url(encodedSignature);
  if (!signature || signature.length !== SIGNATURE_LENGTH) return fail('invite-bad-signature');
  let valid: boolean;
  try {
    valid = await subtle().verify(ECDSA_SHA256, trusted.key, new Uint8Array(signature), signingInput(encodedHeader, encodedPayload));
  } catch {
    valid = false;
  }
  if (!valid) return fail('invite-bad-signature');

  // 5. The claims, now known to come from a trusted key.
  const rawClaims = decodeJsonSegment(encodedPayload);
  if (rawClaims === undefined) return fail('invite-malformed');
  if (options.kinds && !options.kinds.includes(kind)) return fail('invite-wrong-kind');
  const nowSeconds = seconds(now);
  if (kind === 'badge') {
    const claims = badgeClaimsSchema.safeParse(rawClaims);
    if (!claims.success) return fail('invite-invalid-claims');
    if (claims.data.site !== options.siteId) return fail('invite-wrong-site');
    if (nowSeconds - CLOCK_SKEW_SECONDS >= claims.data.exp) return fail('invite-expired');
    return { ok: true, kind, claims: claims.data, kid: header.data.kid };
  }
  const claims = (kind === 'pass' ? passClaimsSchema : invitationClaimsSchema).safeParse(rawClaims);
  if (!claims.success) return fail('invite-invalid-claims');
  const c = claims.data;
  if (c.site !== options.siteId) return fail('invite-wrong-site');
  if (nowSeconds + CLOCK_SKEW_SECONDS < c.nbf) return fail('invite-not-yet-valid');
  if (nowSeconds - CLOCK_SKEW_SECONDS >= c.exp) return fail('invite-expired');
  if (kind === 'pass' && !withinPassHours(c, now, options.timeZone)) return fail('invite-outside-hours');

  // 6. Uses on this device: one for an invitation, `n` (or unlimited) for a pass.
  const limit = kind === 'pass' ? ((c as PassClaims).n ?? Infinity) : 1;
  try {
    if (Number.isFinite(limit) && (await options.uses.count(c.jti)) >= limit) return fail('invite-used-up');
    if (options.consume) await options.uses.record(c.jti, now);
  } catch {
    return fail('storage-failed');
  }
  return kind === 'pass'
    ? { ok: true, kind, claims: c as PassClaims, kid: header.data.kid }
    : { ok: true, kind, claims: c as InvitationClaims, kid: header.data.kid };
}

/**
 * Verifies a scanned or typed token offline. Never throws: any failure is `{ ok: false, code }`. With
 * `consume: true` a valid invitation or pass also records a use (count, then record: the kiosk consumes
 * after the visitor confirms, one scan at a time).
 */
export async function verifyToken(token: unknown, options: VerifyOptions): Promise<VerifyResult> {
  try {
    return await verify(token, options);
  } catch {
    // Nothing above should throw; if something does, it is still a refusal, never an escape.
    return fail('invite-malformed');
  }
}

/**
 * What a token says, WITHOUT verifying it — for showing a visitor their own invitation on their phone (the
 * invitation page), where there is no key set and nothing is decided. Never use it to admit anyone: only
 * `verifyToken` decides. Undefined for anything that is not a well-formed invitation or pass.
 */
export function peekToken(token: string): { kind: 'invitation'; claims: InvitationClaims } | { kind: 'pass'; claims: PassClaims } | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const [encodedHeader = '', encodedPayload = '', ...rest] = token.split('.');
  if (rest.length !== 1 || !SEGMENT.test(encodedHeader) || !SEGMENT.test(encodedPayload)) return undefined;
  const header = tokenHeaderSchema.safeParse(decodeJsonSegment(encodedHeader));
  if (!header.success) return undefined;
  const kind = KIND_OF_TYP[header.data.typ];
  const raw = decodeJsonSegment(encodedPayload);
  if (kind === 'invitation') {
    const claims = invitationClaimsSchema.safeParse(raw);
    return claims.success ? { kind, claims: claims.data } : undefined;
  }
  if (kind === 'pass') {
    const claims = passClaimsSchema.safeParse(raw);
    return claims.success ? { kind, claims: claims.data } : undefined;
  }
  return undefined;
}
