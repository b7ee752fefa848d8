/**
 * Schemas for the rows the kiosk keeps in IndexedDB: visits, outbox entries and device metadata.
 * Storage parses every row it reads back (a browser, an old build or a bug may have written anything)
 * and every row it is about to write (a bug must not write a bad row). Types come from `Visit` in the
 * domain; the assertions at the bottom keep the schema and the interface in step at compile time.
 */
import { z } from 'zod/mini';
import { LOCALES, PURPOSES, VISITOR_TYPES } from '../domain/codes.js';
import { isUuid, isUuidV7 } from '../domain/uuid.js';
import { DENY_REASONS, FEEDBACK_RATINGS, VISIT_STATUSES, type Visit } from '../domain/visit.js';
import { MAX_PULL_CURSOR, hubLinkSchema, revokedJtisSchema } from './hub-link.js';
import { kidSchema, publicJwkSchema } from './invite.js';

/** Upper bound for names, organisations and host labels: far above any real value, low enough to stop a runaway write. */
export const MAX_STORED_TEXT = 200;
/** Upper bound for a message left for an absent host; the form's own limit is lower. */
export const MAX_STORED_MESSAGE = 2000;
/** Upper bound for ids that are not UUIDs (site ids, directory ids, notice versions). */
export const MAX_STORED_ID = 128;
/** Largest party one registration may stand for; tour groups are the biggest and stay well below it. */
export const MAX_STORED_PARTY_SIZE = 1000;
/** Longest reason a visitor may give with a satisfaction rating: a few sentences, as the seeds' form has room for. */
export const MAX_FEEDBACK_REASON = 500;
/** Longest sealed identity number: src/invite/seal.ts's header and a number's ciphertext come to about 250. */
export const MAX_STORED_SEALED = 600;
/** Longest badge number: printed or engraved labels such as `V-0042`; anything longer is not a badge number. */
export const MAX_STORED_BADGE_NUMBER = 32;

/** Longest note staff add to a refusal: a sentence or two; the incident record is the place for more. */
export const MAX_DENIAL_NOTE = 500;

/** E.164 as zod checks it (`+`, a non-zero country digit, 7–15 digits in all). */
const e164 = z.e164();
const isoUtc = z.iso.datetime();
// The domain's canonical (lower-case) forms: zod's own UUID check also takes upper case, which we never write.
const uuid = z.string().check(z.refine(isUuid, 'not a canonical UUID'));
const uuidV7 = z.string().check(z.refine(isUuidV7, 'not a canonical UUIDv7'));
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
const positiveInt = z.int().check(z.minimum(1));
/** A token's 128-bit id as invitation claims carry it (src/schemas/invite.ts): 22 canonical base64url characters. */
const tokenId = z.string().check(z.regex(/^[A-Za-z0-9_-]{21}[AQgw]$/, 'not a 128-bit token id'));

const statusChangeSchema = z.strictObject({
  status: z.enum(VISIT_STATUSES),
  at: isoUtc,
});

const hostRefSchema = z
  .strictObject({
    kind: z.enum(['unit', 'person', 'free-text']),
    id: z.optional(text(1, MAX_STORED_ID)),
    label: text(1, MAX_STORED_TEXT),
  })
  .check(
    // A directory choice without its id, or free text pretending to have one, means the form mixed them up.
    z.refine((host) => (host.kind === 'free-text' ? host.id === undefined : host.id !== undefined), {
      message: 'host id must be present for unit and person, absent for free text',
      path: ['id'],
    }),
  );

/** Identity: the default keeps no number at all; `recorded` keeps exactly four characters and nothing else. */
const identitySchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('sighted') }),
  z.strictObject({ method: z.literal('host-confirmation') }),
  z.strictObject({
    method: z.literal('recorded'),
    documentType: z.enum(['hkid', 'cn-resident']),
    // HKID check characters may be a letter, mainland ones an X: upper-case letters and digits only.
    last4: z.string().check(z.regex(/^[0-9A-Z]{4}$/)),
    // The whole number sealed to the hub (src/invite/seal.ts): ciphertext the tablet cannot open.
    sealed: z.optional(z.string().check(z.regex(/^v1\.[A-Za-z0-9_.-]+$/, 'not a sealed value'), z.maxLength(MAX_STORED_SEALED))),
  }),
]);

const consentSchema = z.strictObject({
  noticeVersion: text(1, MAX_STORED_ID),
  kind: z.enum(['read', 'consented']),
  at: isoUtc,
  idNumber: z.optional(z.boolean()),
});

const messageSchema = z.strictObject({
  text: text(1, MAX_STORED_MESSAGE),
  callbackPhone: e164,
});

const invitationRefSchema = z.strictObject({
  jti: tokenId,
  kind: z.enum(['invitation', 'pass']),
});

const feedbackSchema = z.strictObject({
  rating: z.enum(FEEDBACK_RATINGS),
  // Absent rather than empty when the visitor wrote nothing: storage drops a blank reason.
  reason: z.optional(text(1, MAX_FEEDBACK_REASON)),
  at: isoUtc,
});

/** A staff id as the desk's stores check it (src/schemas/desk.ts): a slug or UUID, never a name. */
const staffId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'not a staff id'), z.maxLength(MAX_STORED_ID));

const denialSchema = z
  .strictObject({
    reason: z.enum(DENY_REASONS),
    // Absent rather than empty when staff added nothing: storage drops a blank note.
    note: z.optional(text(1, MAX_DENIAL_NOTE)),
    staffId,
  })
  .check(z.refine((d) => d.reason !== 'other' || d.note !== undefined, { message: 'a denial for another reason needs words', path: ['note'] }));

/** A stored `Visit` row, strictly: unknown fields, unknown codes and malformed times are all rejected. */
export const visitSchema = z
  .strictObject({
    id: uuidV7,
    siteId: text(1, MAX_STORED_ID),
    deviceId: uuid,
    seq: positiveInt,
    dayKey: z.iso.date(),
    createdAt: isoUtc,
    updatedAt: isoUtc,
    status: z.enum(VISIT_STATUSES),
    history: z.array(statusChangeSchema).check(z.minLength(1)),
    source: z.enum(['kiosk-walk-in', 'kiosk-invitation', 'desk']),
    lang: z.enum(LOCALES),
    visitor: z.strictObject({
      // May be empty only for an invited visitor (checked below): the token carries no name.
      fullName: text(0, MAX_STORED_TEXT),
      phone: z.union([z.literal(''), e164]),
      organisation: text(0, MAX_STORED_TEXT),
      partySize: positiveInt.check(z.maximum(MAX_STORED_PARTY_SIZE)),
    }),
    visitorType: z.enum(VISITOR_TYPES),
    purpose: z.enum(PURPOSES),
    host: hostRefSchema,
    hasAppointment: z.boolean(),
    identity: identitySchema,
    consent: consentSchema,
    message: z.optional(messageSchema),
    invitation: z.optional(invitationRefSchema),
    badgeNumber: z.optional(text(1, MAX_STORED_BADGE_NUMBER)),
    feedback: z.optional(feedbackSchema),
    denial: z.optional(denialSchema),
    carriedItems: z.optional(text(1, MAX_STORED_TEXT)),
  })
  .check(
    z.refine((v) => v.visitor.fullName.length > 0 || v.source === 'kiosk-invitation', {
      message: 'only a visitor admitted by an invitation may have no name',
      path: ['visitor', 'fullName'],
    }),
    // A token reference on a walk-in or desk visit would let the hub count a use that never happened.
    z.refine((v) => v.invitation === undefined || v.source === 'kiosk-invitation', {
      message: 'an invitation reference belongs to kiosk-invitation visits only',
      path: ['invitation'],
    }),
    // A refusal's reason belongs to a refused visit only.
    z.refine((v) => v.denial === undefined || v.status === 'denied', {
      message: 'a denial belongs to a denied visit',
      path: ['denial'],
    }),
    // The status is the last step of the history; anything else means a write skipped the life-cycle.
    z.refine((v) => v.history[v.history.length - 1]?.status === v.status, {
      message: 'status must equal the last history entry',
      path: ['status'],
    }),
    z.refine((v) => v.history[0]?.status === 'registered', {
      message: 'history must start with registered',
      path: ['history'],
    }),
    // A separate consent to an identity number only exists where a number was recorded (PIPL Art. 29) …
    z.refine((v) => v.consent.idNumber === undefined || v.identity.method === 'recorded', {
      message: 'idNumber consent without a recorded number',
      path: ['consent', 'idNumber'],
    }),
    // … and a mainland (consent-based) site may not record one without it.
    z.refine((v) => !(v.identity.method === 'recorded' && v.consent.kind === 'consented') || v.consent.idNumber === true, {
      message: 'a recorded number on a consent site needs the separate consent',
      path: ['consent', 'idNumber'],
    }),
  );

/** The only operation the outbox carries so far: send the visit's current state to the hub. */
export const OUTBOX_OPS = ['upsert-visit'] as const;

/**
 * One entry of the outbox: a change waiting for the hub's acknowledgement. Every write of a visit
 * (registration, each status change) takes the next per-device `seq`, so the hub sees an unbroken run
 * of numbers and can tell a lost change (a wiped tablet) from a quiet device.
 */
export const outboxEntrySchema = z.strictObject({
  seq: positiveInt,
  visitId: uuidV7,
  op: z.enum(OUTBOX_OPS),
  enqueuedAt: isoUtc,
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** What the device recorded about its request for persistent storage. */
export const persistenceRecordSchema = z.strictObject({
  granted: z.boolean(),
  at: isoUtc,
});
export type PersistenceRecord = z.infer<typeof persistenceRecordSchema>;

/** Schemas of the device's key-value metadata, by key. */
export const kioskMetaSchemas = {
  deviceId: uuid,
  nextSeq: positiveInt,
  persisted: persistenceRecordSchema,
  /** The paired hub (src/schemas/hub-link.ts); absent on a standalone device. Holds the device token. */
  hub: hubLinkSchema,
  /** The hub's opaque pull cursor: what the device has already been told. */
  pullCursor: z.string().check(z.maxLength(MAX_PULL_CURSOR)),
  /** When a push or pull last reached the hub (ISO-8601 UTC). */
  lastSyncAt: isoUtc,
  /** Invitation and pass ids the hub revoked. */
  revokedJtis: revokedJtisSchema,
} as const;
export type KioskMeta = { [K in keyof typeof kioskMetaSchemas]: z.infer<(typeof kioskMetaSchemas)[K]> };

/** How often this device has admitted one invitation or pass (`uses` store, keyed by `jti`). */
export const useRecordSchema = z.strictObject({
  jti: tokenId,
  count: positiveInt,
  lastAt: isoUtc,
});
export type UseRecord = z.infer<typeof useRecordSchema>;

/** Ids of the device's own keys in the `keys` store; only the badge-signing key so far. */
export const DEVICE_KEY_IDS = ['badge'] as const;
export type DeviceKeyId = (typeof DEVICE_KEY_IDS)[number];

/**
 * A private P-256 signing key that cannot leave WebCrypto: non-extractable, so neither a script on the page
 * nor someone reading the tablet's disk can export it (IndexedDB keeps the CryptoKey object, not its bytes).
 */
export function isSealedSigningKey(value: unknown): value is CryptoKey {
  if (typeof CryptoKey === 'undefined' || !(value instanceof CryptoKey)) return false;
  const algorithm = value.algorithm as Partial<EcKeyAlgorithm>;
  return value.type === 'private' && !value.extractable && algorithm.name === 'ECDSA' && algorithm.namedCurve === 'P-256' && value.usages.includes('sign');
}

/** The device's own signing key as stored: a sealed CryptoKey and the public JWK the hub registers. */
export const deviceKeyRowSchema = z.strictObject({
  id: z.enum(DEVICE_KEY_IDS),
  /** RFC 7638 thumbprint prefix of `publicJwk` (src/invite/keys.ts `KID_LENGTH`). */
  kid: kidSchema,
  privateKey: z.custom<CryptoKey>(isSealedSigningKey, 'not a non-extractable P-256 signing key'),
  publicJwk: publicJwkSchema,
  createdAt: isoUtc,
});
export type DeviceKeyRow = z.infer<typeof deviceKeyRowSchema>;

// Compile-time proof that the schema and the domain interface describe the same thing: if either side
// gains, loses or changes a field, one of these lines stops compiling.
type _VisitRow = z.infer<typeof visitSchema>;
type _Assignable<From extends To, To> = From;
type _VisitSchemaCoversVisit = _Assignable<Visit, _VisitRow>;
type _VisitCoversVisitSchema = _Assignable<_VisitRow, Visit>;
// Mutual assignability forgives a missing optional field; exact equality of the two types does not.
type _Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type _True<T extends true> = T;
type _VisitSchemaIsExactlyVisit = _True<_Exact<_VisitRow, Visit>>;
