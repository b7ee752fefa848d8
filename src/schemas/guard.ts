/**
 * Schemas of the guard's registers (src/domain/guard.ts): the site's `guard` settings, and each record as
 * stored (src/storage/guard.ts parses every row on the way in and out). Checked against the domain types at
 * compile time (bottom of the file).
 */
import * as z from 'zod/mini';
import {
  CARD_KINDS,
  CARRIED_DECISIONS,
  GOODS_PASS_STATUSES,
  MAX_GUARD_SHORT,
  MAX_GUARD_TEXT,
  OCCURRENCE_CATEGORIES,
  PASS_CODE_LENGTH,
  PASS_REQUESTERS,
  type GuardRecord,
} from '../domain/guard.js';
import { roomIdSchema } from './guard-settings.js';

export { guardSettingsSchema } from './guard-settings.js';

const iso = z.iso.datetime();
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const short = z.string().check(z.minLength(1), z.maxLength(MAX_GUARD_SHORT));
const longText = z.string().check(z.maxLength(MAX_GUARD_TEXT));
const staffId = z.string().check(z.minLength(1), z.maxLength(MAX_GUARD_SHORT));

const envelope = {
  id: z.string().check(z.uuid()),
  siteId: z.string().check(z.minLength(1), z.maxLength(64)),
  dayKey: day,
  createdAt: iso,
  updatedAt: iso,
  createdBy: staffId,
};

const cardSchema = z.strictObject({
  ...envelope,
  kind: z.literal('card'),
  cardKind: z.enum(CARD_KINDS),
  number: short,
  visitId: z.optional(z.string().check(z.uuid())),
  holder: z.optional(short),
  issuedAt: iso,
  returnedAt: z.optional(iso),
  returnedBy: z.optional(staffId),
});

const goodsPassSchema = z.strictObject({
  ...envelope,
  kind: z.literal('goods-pass'),
  code: z.string().check(z.length(PASS_CODE_LENGTH)),
  unit: short,
  requester: z.enum(PASS_REQUESTERS),
  items: z.string().check(z.minLength(1), z.maxLength(MAX_GUARD_TEXT)),
  validFrom: day,
  validUntil: day,
  status: z.enum(GOODS_PASS_STATUSES),
  decidedBy: z.optional(staffId),
  decidedAt: z.optional(iso),
  closedBy: z.optional(staffId),
  closedAt: z.optional(iso),
});

const carriedSchema = z.strictObject({
  ...envelope,
  kind: z.literal('carried'),
  visitId: z.optional(z.string().check(z.uuid())),
  items: z.string().check(z.minLength(1), z.maxLength(MAX_GUARD_TEXT)),
  decision: z.enum(CARRIED_DECISIONS),
  permittedBy: z.optional(short),
});

const roomEntrySchema = z.strictObject({
  ...envelope,
  kind: z.literal('room-entry'),
  roomId: roomIdSchema,
  person: short,
  organisation: z.optional(short),
  reason: z.string().check(z.minLength(1), z.maxLength(MAX_GUARD_TEXT)),
  approvedBy: short,
  enteredAt: iso,
  leftAt: z.optional(iso),
});

const handoverSchema = z.strictObject({
  ...envelope,
  kind: z.literal('handover'),
  openItems: longText,
  changes: longText,
  notices: longText,
  equipment: longText,
  acknowledgedBy: z.optional(staffId),
  acknowledgedAt: z.optional(iso),
});

const occurrenceSchema = z.strictObject({
  ...envelope,
  kind: z.literal('occurrence'),
  category: z.enum(OCCURRENCE_CATEGORIES),
  text: z.string().check(z.minLength(1), z.maxLength(MAX_GUARD_TEXT)),
  at: iso,
  alertId: z.optional(z.string().check(z.uuid())),
});

/** Any record of the guard's registers, told apart by `kind`. */
export const guardRecordSchema = z.discriminatedUnion('kind', [cardSchema, goodsPassSchema, carriedSchema, roomEntrySchema, handoverSchema, occurrenceSchema]);

// The schema and the domain type must describe the same thing: each must be assignable to the other.
type Assignable<From extends To, To> = [From, To];
export type GuardSchemasMatchDomain = [
  Assignable<z.infer<typeof guardRecordSchema>, GuardRecord>,
  Assignable<GuardRecord, z.infer<typeof guardRecordSchema>>,
];
