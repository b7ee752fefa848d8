/**
 * Schemas of lobby records (src/domain/lobby): the envelope every register shares, and each kind's `data`,
 * checked together — on the way into IndexedDB, on the way out, and at the hub. zod/mini: it ships to the
 * kiosk. A register adds its data schema to `RECORD_DATA_SCHEMAS` (the compiler insists on one per kind).
 */
import { z } from 'zod/mini';
import { RECORD_KINDS, type LobbyRecord, type RecordKind } from '../domain/lobby/record.js';
import { MAX_LABEL_PHOTO_CHARS, MAX_LOBBY_TEXT, MAX_PARCEL_COUNT, MAX_SIGNATURE_CHARS, type FoodDeliveryData, type ParcelData } from '../domain/lobby/parcel.js';
import { isUuid, isUuidV7 } from '../domain/uuid.js';
import { GUARD_DATA_SCHEMAS } from './guard.js';
import { MAX_STORED_ID } from './visit.js';

/** Most transitions a record keeps (a parcel has 3; a long-running register far fewer than this). */
export const MAX_RECORD_HISTORY = 100;
/** Longest state name. */
const MAX_STATE = 32;

const isoUtc = z.iso.datetime();
const uuid = z.string().check(z.refine(isUuid, 'not a canonical UUID'));
const uuidV7 = z.string().check(z.refine(isUuidV7, 'not a canonical UUIDv7'));
const id = z.string().check(z.minLength(1), z.maxLength(MAX_STORED_ID));
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
const state = z.string().check(z.regex(/^[a-z][a-z-]*$/), z.maxLength(MAX_STATE));

const transitionSchema = z.strictObject({
  state,
  at: isoUtc,
  /** A staff id, or `kiosk`. */
  by: z.optional(id),
});

const source = z.enum(['kiosk', 'desk']);
const notify = z.enum(['hub', 'phone']);

export const parcelDataSchema = z.strictObject({
  carrier: text(0, MAX_LOBBY_TEXT),
  unit: text(1, MAX_LOBBY_TEXT),
  unitId: z.optional(id),
  count: z.int().check(z.minimum(1), z.maximum(MAX_PARCEL_COUNT)),
  source,
  notify,
  labelPhoto: z.optional(z.string().check(z.startsWith('data:image/'), z.maxLength(MAX_LABEL_PHOTO_CHARS))),
  collection: z.optional(
    z.strictObject({
      collectorName: text(1, MAX_LOBBY_TEXT),
      onBehalfOf: z.optional(text(1, MAX_LOBBY_TEXT)),
      signature: z.string().check(z.regex(/^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/]+=*$/, 'not a signature image'), z.maxLength(MAX_SIGNATURE_CHARS)),
      at: isoUtc,
      staffId: id,
    }),
  ),
});

export const foodDeliveryDataSchema = z.strictObject({
  company: text(0, MAX_LOBBY_TEXT),
  unit: text(1, MAX_LOBBY_TEXT),
  unitId: z.optional(id),
  source,
  notify,
});

/** Each kind's data schema. A new register adds its line here (and its kind in src/domain/lobby/record.ts). */
export const RECORD_DATA_SCHEMAS: { readonly [K in RecordKind]: z.ZodMiniType } = {
  parcel: parcelDataSchema,
  'food-delivery': foodDeliveryDataSchema,
  card: GUARD_DATA_SCHEMAS.card,
  'goods-pass': GUARD_DATA_SCHEMAS['goods-pass'],
  carried: GUARD_DATA_SCHEMAS.carried,
  'room-entry': GUARD_DATA_SCHEMAS['room-entry'],
  handover: GUARD_DATA_SCHEMAS.handover,
  occurrence: GUARD_DATA_SCHEMAS.occurrence,
};

/** The envelope, with `data` checked by its kind's schema and the state matching the last history entry. */
export const lobbyRecordSchema = z
  .strictObject({
    id: uuidV7,
    kind: z.enum(RECORD_KINDS),
    siteId: id,
    deviceId: uuid,
    dayKey: z.iso.date(),
    createdAt: isoUtc,
    updatedAt: isoUtc,
    state,
    history: z.array(transitionSchema).check(z.minLength(1), z.maxLength(MAX_RECORD_HISTORY)),
    data: z.record(z.string(), z.unknown()),
  })
  .check(
    z.refine((r) => r.history[r.history.length - 1]?.state === r.state, { message: 'state is not the last transition', path: ['state'] }),
    z.refine((r) => RECORD_DATA_SCHEMAS[r.kind].safeParse(r.data).success, { message: 'data does not fit its kind', path: ['data'] }),
  );
export type LobbyRecordRow = z.infer<typeof lobbyRecordSchema>;

/**
 * The outbox entry of a record change (the `outbox` store holds visits' entries too, told apart by `op`):
 * every write of a record takes the device's next `seq`, like a visit's, so the hub sees one unbroken run.
 */
export const recordOutboxEntrySchema = z.strictObject({
  seq: z.int().check(z.minimum(1)),
  recordId: uuidV7,
  op: z.literal('upsert-record'),
  enqueuedAt: isoUtc,
});
export type RecordOutboxEntry = z.infer<typeof recordOutboxEntrySchema>;

/** Parses a record and gives it back as the domain type (data already checked by its kind's schema). */
export function parseRecord(raw: unknown): { success: true; data: LobbyRecord } | { success: false; issues: string[] } {
  const parsed = lobbyRecordSchema.safeParse(raw);
  if (parsed.success) return { success: true, data: parsed.data as LobbyRecord };
  return { success: false, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

// The domain's data types and the schemas describe the same thing.
type _Assignable<From extends To, To> = From;
type _ParcelCovers = _Assignable<ParcelData, z.infer<typeof parcelDataSchema>>;
type _ParcelCovered = _Assignable<z.infer<typeof parcelDataSchema>, ParcelData>;
type _FoodCovers = _Assignable<FoodDeliveryData, z.infer<typeof foodDeliveryDataSchema>>;
type _FoodCovered = _Assignable<z.infer<typeof foodDeliveryDataSchema>, FoodDeliveryData>;

/** The webhook event a site's bridge subscribes to (explicitly: webhooks without `events` do not get it). */
export const LOBBY_WEBHOOK_EVENT = 'lobby.delivery';

/**
 * The body of a `lobby.delivery` webhook: a parcel or a food rider is in the lobby for a unit. The unit's label
 * and directory id, the count and the company — no name or signature: the bridge maps the unit to its residents.
 */
export const lobbyWebhookSchema = z.strictObject({
  id: z.string(),
  type: z.literal(LOBBY_WEBHOOK_EVENT),
  siteId: z.string(),
  at: isoUtc,
  delivery: z.strictObject({
    recordId: uuidV7,
    kind: z.enum(['parcel', 'food-delivery']),
    unit: text(1, MAX_LOBBY_TEXT),
    unitId: z.optional(id),
    company: text(0, MAX_LOBBY_TEXT),
    count: z.int().check(z.minimum(1), z.maximum(MAX_PARCEL_COUNT)),
    createdAt: isoUtc,
  }),
});
export type LobbyWebhook = z.infer<typeof lobbyWebhookSchema>;
