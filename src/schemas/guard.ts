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

const cardFields = {
  cardKind: z.enum(CARD_KINDS),
  number: short,
  visitId: z.optional(z.string().check(z.uuid())),
  holder: z.optional(short),
  issuedAt: iso,
  returnedAt: z.optional(iso),
  returnedBy: z.optional(staffId),
};
const cardSchema = z.strictObject({ ...envelope, kind: z.literal('card'), ...cardFields });

const goodsPassFields = {
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
};
const goodsPassSchema = z.strictObject({ ...envelope, kind: z.literal('goods-pass'), ...goodsPassFields });

const carriedFields = {
  visitId: z.optional(z.string().check(z.uuid())),
  items: z.string().check(z.minLength(1), z.maxLength(MAX_GUARD_TEXT)),
  decision: z.enum(CARRIED_DECISIONS),
  permittedBy: z.optional(short),
};
const carriedSchema = z.strictObject({ ...envelope, kind: z.literal('carried'), ...carriedFields });

const roomEntryFields = {
  roomId: roomIdSchema,
  person: short,
  organisation: z.optional(short),
  reason: z.string().check(z.minLength(1), z.maxLength(MAX_GUARD_TEXT)),
  approvedBy: short,
  enteredAt: iso,
  leftAt: z.optional(iso),
};
const roomEntrySchema = z.strictObject({ ...envelope, kind: z.literal('room-entry'), ...roomEntryFields });

const handoverFields = {
  openItems: longText,
  changes: longText,
  notices: longText,
  equipment: longText,
  acknowledgedBy: z.optional(staffId),
  acknowledgedAt: z.optional(iso),
};
const handoverSchema = z.strictObject({ ...envelope, kind: z.literal('handover'), ...handoverFields });

const occurrenceFields = {
  category: z.enum(OCCURRENCE_CATEGORIES),
  text: z.string().check(z.minLength(1), z.maxLength(MAX_GUARD_TEXT)),
  at: iso,
  alertId: z.optional(z.string().check(z.uuid())),
};
const occurrenceSchema = z.strictObject({ ...envelope, kind: z.literal('occurrence'), ...occurrenceFields });

/** Any record of the guard's registers, told apart by `kind`. */
export const guardRecordSchema = z.discriminatedUnion('kind', [cardSchema, goodsPassSchema, carriedSchema, roomEntrySchema, handoverSchema, occurrenceSchema]);

/**
 * Each register's `data` inside the shared lobby-record envelope (src/schemas/lobby.ts RECORD_DATA_SCHEMAS):
 * the record minus what the envelope already holds (id, kind, site, day, times). `createdBy` stays in the data
 * because the domain's rules read it (a handover is acknowledged by another member of staff).
 */
export const GUARD_DATA_SCHEMAS = {
  card: z.strictObject({ createdBy: staffId, ...cardFields }),
  'goods-pass': z.strictObject({ createdBy: staffId, ...goodsPassFields }),
  carried: z.strictObject({ createdBy: staffId, ...carriedFields }),
  'room-entry': z.strictObject({ createdBy: staffId, ...roomEntryFields }),
  handover: z.strictObject({ createdBy: staffId, ...handoverFields }),
  occurrence: z.strictObject({ createdBy: staffId, ...occurrenceFields }),
} as const;

// The schema and the domain type must describe the same thing: each must be assignable to the other.
type Assignable<From extends To, To> = [From, To];
export type GuardSchemasMatchDomain = [
  Assignable<z.infer<typeof guardRecordSchema>, GuardRecord>,
  Assignable<GuardRecord, z.infer<typeof guardRecordSchema>>,
];
