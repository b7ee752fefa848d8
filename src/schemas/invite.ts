/**
 * Schemas for signed invitation, pass and badge tokens (src/invite) and for the key sets that verify them.
 * Everything here arrives from a camera, a keyboard-wedge scanner or a configuration file, so it is strict:
 * unknown keys are errors, every string has a pattern and a length, and no string may hold a `:` (no URL and
 * no `javascript:` can pass as a code or a reference). Claims use short names because they travel in a QR
 * code; they never carry a name, a phone or an ID number.
 */
import * as z from 'zod/mini';
import { VISITOR_TYPES } from '../domain/codes.js';
import { isUuid } from '../domain/uuid.js';
import { MAX_PARTY_SIZE } from '../domain/walk-in-input.js';

/** Every weekday set: bits 0 (Sunday) to 6 (Saturday). */
export const WEEKDAY_MASK_ALL = 0b111_1111;
const MINUTES_PER_DAY = 24 * 60;

/** The only signature algorithm: ECDSA on P-256 with SHA-256, which WebCrypto has everywhere. */
export const TOKEN_ALG = 'ES256';
/**
 * `typ` header values, one per kind of token (explicit typing, RFC 8725 §3.11): the kind is signed, so a
 * badge can never pose as a pass. No `+jwt` suffix: four characters a QR code does not need to carry.
 */
export const TOKEN_TYPES = { invitation: 'vk-inv', pass: 'vk-pass', badge: 'vk-badge' } as const;
export type TokenKind = keyof typeof TOKEN_TYPES;
/** Key states: `current` signs and verifies, `previous` only verifies (rotation), `revoked` never verifies. */
export const KEY_STATUSES = ['current', 'previous', 'revoked'] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

/** Longest validity window: a domestic helper's pass is renewed yearly; anything longer is a mistake. */
export const MAX_VALIDITY_SECONDS = 366 * 24 * 3600;
/** Latest instant a token may name (2106, the end of unsigned 32-bit seconds): keeps numbers small and exact. */
export const MAX_EPOCH_SECONDS = 2 ** 32;
/** Most uses a pass may grant: twice a day for more than ten years, far above any real pass. */
export const MAX_PASS_USES = 10_000;
/** Most keys in a key set: current, a few previous and revoked ones, and one per paired device for badges. */
export const MAX_KEYS = 64;
/** Longest host reference: the walk-in form's host field is as long (src/domain/walk-in.ts MAX_HOST_TEXT). */
export const MAX_HOST_REF = 40;

const base64urlText = (min: number, max: number) => z.string().check(z.regex(/^[A-Za-z0-9_-]*$/), z.minLength(min), z.maxLength(max));
/** A key id: a prefix of the key's RFC 7638 thumbprint (43 characters in full). */
export const kidSchema = base64urlText(8, 43);
/** A site, issuer or device id: a short slug, as in the site configuration. */
const idSchema = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'not an id'));
/** 16 random bytes, canonical base64url (the last of 22 characters carries 2 bits and 4 zero bits). */
const jtiSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{21}[AQgw]$/, 'not a 128-bit id'));
/** A 32-byte P-256 coordinate, canonical base64url (43 characters, the last with 2 zero bits). */
const coordinateSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/, 'not a P-256 coordinate'));
const epochSeconds = z.int().check(z.minimum(0), z.maximum(MAX_EPOCH_SECONDS));
/**
 * A directory id or a unit label (`unit-12b`, `12B`, `Tower 2 12B`): letters, digits, space and `._#,-` —
 * never `:` or `/`, so it cannot be a URL. It must not be a resident's name; the schema cannot tell, the
 * issuing side must.
 */
const hostRefSchema = z.string().check(z.regex(/^[\p{L}\p{N}][\p{L}\p{N} ._#,-]*$/u, 'not a host reference'), z.maxLength(MAX_HOST_REF));
/** A work permit reference (`WP-2026/0114`): no `:`, so no URL and no `javascript:`. */
const permitSchema = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._#/-]{0,31}$/, 'not a permit reference'));

/** The protected header: exactly these three members. `jku`, `jwk`, `x5u`, `crit`, `zip`… are unknown keys. */
export const tokenHeaderSchema = z.strictObject({
  alg: z.literal(TOKEN_ALG),
  kid: kidSchema,
  typ: z.enum([TOKEN_TYPES.invitation, TOKEN_TYPES.pass, TOKEN_TYPES.badge]),
});
export type TokenHeader = z.infer<typeof tokenHeaderSchema>;

const validWindow = z.refine<{ nbf: number; exp: number }>((c) => c.nbf < c.exp && c.exp - c.nbf <= MAX_VALIDITY_SECONDS, {
  message: 'validity window empty or too long',
  path: ['exp'],
});

const invitationShape = {
  /** Issuer: the hub (or `dev` for the development command). */
  iss: idSchema,
  /** The site the code admits to. */
  site: idSchema,
  /** A 128-bit random id; uses are counted against it. */
  jti: jtiSchema,
  /** Valid from, seconds since the epoch. */
  nbf: epochSeconds,
  /** Valid until (exclusive), seconds since the epoch. */
  exp: epochSeconds,
  /** Visitor type code (src/domain/codes.ts). */
  vt: z.enum(VISITOR_TYPES),
  /** Host reference: a directory id or a unit label, never a resident's name. */
  h: hostRefSchema,
  /** Party size, when more than one. */
  p: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_PARTY_SIZE))),
};

/** An invitation: one check-in, once, within its window. */
export const invitationClaimsSchema = z.strictObject(invitationShape).check(validWindow);
export type InvitationClaims = z.infer<typeof invitationClaimsSchema>;

/** A standing pass: like an invitation, plus weekdays, hours, a number of uses and a permit reference. */
export const passClaimsSchema = z
  .strictObject({
    ...invitationShape,
    /**
     * Allowed weekdays in the site's zone as a bit mask (bit 0 = Sunday … bit 6 = Saturday; Mon–Fri = 62);
     * absent = every day. A number, not a list: a contractor's pass must fit a version-15 QR code.
     */
    wd: z.optional(z.int().check(z.minimum(1), z.maximum(WEEKDAY_MASK_ALL))),
    /** Allowed hours in the site's local time as minutes after midnight, from (inclusive) to (exclusive); absent = all day. */
    hr: z.optional(
      z
        .tuple([z.int().check(z.minimum(0), z.maximum(MINUTES_PER_DAY - 1)), z.int().check(z.minimum(1), z.maximum(MINUTES_PER_DAY))])
        .check(z.refine(([from, to]) => from < to, 'hours end before they start')),
    ),
    /** Uses allowed on one device; absent = unlimited within the window. */
    n: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_PASS_USES))),
    /** Work permit reference, where one applies. */
    wp: z.optional(permitSchema),
  })
  .check(validWindow);
export type PassClaims = z.infer<typeof passClaimsSchema>;

/** A visitor badge's check-out code, signed by the device that printed it. */
export const badgeClaimsSchema = z.strictObject({
  /** The device (or hub) that signed it. */
  iss: idSchema,
  site: idSchema,
  /** The visit's UUID. */
  v: z.string().check(z.refine(isUuid, 'not a canonical UUID')),
  exp: epochSeconds,
});
export type BadgeClaims = z.infer<typeof badgeClaimsSchema>;

/** A public P-256 key as a JWK: exactly the four public members (a private `d` is an unknown key, refused). */
export const publicJwkSchema = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: coordinateSchema,
  y: coordinateSchema,
});
export type PublicJwk = z.infer<typeof publicJwkSchema>;

/** The keys a kiosk trusts, as the site configuration (and later the hub) delivers them. */
export const keySetSchema = z.strictObject({
  keys: z.array(z.strictObject({ kid: kidSchema, jwk: publicJwkSchema, status: z.enum(KEY_STATUSES) })).check(
    z.minLength(1),
    z.maxLength(MAX_KEYS),
    z.refine((keys) => new Set(keys.map((k) => k.kid)).size === keys.length, 'a kid is listed twice'),
  ),
});
export type KeySet = z.infer<typeof keySetSchema>;
