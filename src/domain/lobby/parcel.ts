/**
 * The courier and food-delivery fast lane and the parcel custody log (issue 7 items 1–2): what a parcel and a
 * food delivery record hold, the input the kiosk and the desk accept, collection (once, signed), and aging.
 * Pure: records are built here and written by src/storage's `RecordStore`.
 */
import { KioskError, fail, ok, type Result } from '../errors.js';
import { cleanText } from '../text.js';
import { isClosed, moveRecord, newRecord, type LobbyRecord } from './record.js';

/** Longest carrier, unit or name typed in the lane (a company or a flat label, not an essay). */
export const MAX_LOBBY_TEXT = 80;
/** Most parcels one courier logs in one entry: more than this is a goods delivery, handled at the desk. */
export const MAX_PARCEL_COUNT = 99;
/**
 * Longest signature kept, in characters of its data URL. A signature drawn on a phone, downscaled to a small
 * PNG or SVG, is 3–20 KB; the limit keeps a push of many collections under the hub's body limit.
 */
export const MAX_SIGNATURE_CHARS = 60_000;
/** Longest label photograph kept (a JPEG data URL, downscaled before it is stored). */
export const MAX_LABEL_PHOTO_CHARS = 200_000;
/** An hour and a day in milliseconds, for aging. */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How the recipient unit is told: by the hub (webhook, e-mail where the directory has an address) or by the desk's phone call. */
export type NotifyRoute = 'hub' | 'phone';
/** Where the entry was made. */
export type LaneSource = 'kiosk' | 'desk';

/** Who collected a parcel, for whom, and their signature (a data URL of a small PNG or SVG). */
export interface ParcelCollection {
  collectorName: string;
  /** The unit or resident the collector signed for, when not their own. */
  onBehalfOf?: string;
  signature: string;
  at: string;
  /** Staff id of who handed it over. */
  staffId: string;
}

export interface ParcelData {
  /** The courier company as given (may be empty where the site does not ask). */
  carrier: string;
  /** The recipient unit's label, e.g. "12B". */
  unit: string;
  /** The directory unit's id when the label matched one (for the hub's e-mail address). */
  unitId?: string;
  count: number;
  source: LaneSource;
  notify: NotifyRoute;
  /** A photograph of the label only (sites that enable it); a JPEG data URL. */
  labelPhoto?: string;
  collection?: ParcelCollection;
}

export interface FoodDeliveryData {
  company: string;
  unit: string;
  unitId?: string;
  source: LaneSource;
  notify: NotifyRoute;
}

export type ParcelRecord = LobbyRecord<ParcelData> & { kind: 'parcel' };
export type FoodDeliveryRecord = LobbyRecord<FoodDeliveryData> & { kind: 'food-delivery' };

/** The lane's raw input: what the kiosk's or the desk's fields hold. */
export interface LaneInput {
  company: string;
  unit: string;
  count: string;
}

/** The lane's fields a site may ask beyond the unit (always asked: without it nobody can be told). */
export const LANE_FIELDS = ['company', 'count'] as const;
export type LaneField = (typeof LANE_FIELDS)[number];

/** The lane input checked: each field's error, or the cleaned values. */
export type LaneErrors = Partial<Record<'company' | 'unit' | 'count', { code: 'required' | 'too-long' | 'party-size-invalid'; details?: Record<string, string | number> }>>;

/** Checks the lane's input for the fields the site asks; an un-asked field is ignored (count defaults to 1). */
export function validateLane(input: LaneInput, asked: readonly LaneField[]): Result<{ company: string; unit: string; count: number }> & { errors?: LaneErrors } {
  const errors: LaneErrors = {};
  const unit = cleanText(input.unit, MAX_LOBBY_TEXT);
  if (!unit.ok) errors.unit = { code: 'too-long', details: { max: MAX_LOBBY_TEXT } };
  else if (unit.value === '') errors.unit = { code: 'required' };
  let company = '';
  if (asked.includes('company')) {
    const c = cleanText(input.company, MAX_LOBBY_TEXT);
    if (!c.ok) errors.company = { code: 'too-long', details: { max: MAX_LOBBY_TEXT } };
    else if (c.value === '') errors.company = { code: 'required' };
    else company = c.value;
  }
  let count = 1;
  if (asked.includes('count')) {
    const n = Number(input.count.trim());
    if (!/^\d{1,3}$/.test(input.count.trim()) || n < 1 || n > MAX_PARCEL_COUNT) errors.count = { code: 'party-size-invalid', details: { max: MAX_PARCEL_COUNT } };
    else count = n;
  }
  const first = Object.values(errors)[0];
  if (first) return { ...fail(first.code, first.details), errors };
  return ok({ company, unit: unit.ok ? unit.value : '', count });
}

/** Facts both new-record builders share. */
export interface LaneFacts {
  id: string;
  siteId: string;
  deviceId: string;
  timeZone: string;
  now: Date;
  source: LaneSource;
  notify: NotifyRoute;
  /** Staff id at the desk; the kiosk passes none (its history says `kiosk`). */
  by?: string;
  unitId?: string;
}

/** A parcel as received: in the `received` state. */
export function receiveParcel(facts: LaneFacts, input: { carrier: string; unit: string; count: number; labelPhoto?: string }): ParcelRecord {
  if (input.labelPhoto !== undefined && (!input.labelPhoto.startsWith('data:image/') || input.labelPhoto.length > MAX_LABEL_PHOTO_CHARS)) {
    throw new KioskError('too-long', { max: MAX_LABEL_PHOTO_CHARS });
  }
  const data: ParcelData = {
    carrier: input.carrier,
    unit: input.unit,
    ...(facts.unitId !== undefined ? { unitId: facts.unitId } : {}),
    count: input.count,
    source: facts.source,
    notify: facts.notify,
    ...(input.labelPhoto !== undefined ? { labelPhoto: input.labelPhoto } : {}),
  };
  return newRecord({ ...facts, kind: 'parcel', by: facts.by ?? 'kiosk', data }) as ParcelRecord;
}

/** A food rider waiting in the lobby: in the `waiting` state. */
export function arriveFoodDelivery(facts: LaneFacts, input: { company: string; unit: string }): FoodDeliveryRecord {
  const data: FoodDeliveryData = { company: input.company, unit: input.unit, ...(facts.unitId !== undefined ? { unitId: facts.unitId } : {}), source: facts.source, notify: facts.notify };
  return newRecord({ ...facts, kind: 'food-delivery', by: facts.by ?? 'kiosk', data }) as FoodDeliveryRecord;
}

/** Whether a signature is a data URL of a PNG or SVG image of allowed size (an empty pad gives none). */
export function isSignature(value: string): boolean {
  return /^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/]+=*$/.test(value) && value.length <= MAX_SIGNATURE_CHARS;
}

/**
 * The parcel collected: by whom, for whom, signed. Refuses with `parcel-already-collected` `{ by, at }` (the
 * earlier collector's name and time, for the desk to show) when it was collected before, and with
 * `signature-required` when there is no signature. Pure; the store runs it inside the write transaction, so two
 * desks (or a double tap) cannot both collect one parcel.
 */
export function collectParcel(record: ParcelRecord, collection: Omit<ParcelCollection, 'at'>, now: Date): ParcelRecord {
  if (record.state === 'collected') {
    throw new KioskError('parcel-already-collected', { by: record.data.collection?.collectorName ?? '', at: record.data.collection?.at ?? record.updatedAt });
  }
  const name = cleanText(collection.collectorName, MAX_LOBBY_TEXT);
  if (!name.ok || name.value === '') throw new KioskError('required', { field: 'collectorName' });
  if (!isSignature(collection.signature)) throw new KioskError('signature-required');
  const behalf = collection.onBehalfOf === undefined ? undefined : cleanText(collection.onBehalfOf, MAX_LOBBY_TEXT);
  if (behalf && !behalf.ok) throw new KioskError('too-long', { max: MAX_LOBBY_TEXT, field: 'onBehalfOf' });
  const moved = moveRecord(record, 'collected', now, collection.staffId, {
    collection: {
      collectorName: name.value,
      ...(behalf?.ok && behalf.value !== '' ? { onBehalfOf: behalf.value } : {}),
      signature: collection.signature,
      at: now.toISOString(),
      staffId: collection.staffId,
    },
  });
  // The collection's time is the history's (moveRecord never lets it go back).
  const at = moved.updatedAt;
  return { ...moved, data: { ...moved.data, collection: { ...(moved.data.collection as ParcelCollection), at } } } as ParcelRecord;
}

/** The unit was told by phone (a standalone desk, or a hub-linked one calling as well). */
export function markNotified<R extends ParcelRecord | FoodDeliveryRecord>(record: R, staffId: string, now: Date): R {
  return moveRecord<object>(record, 'notified', now, staffId) as R;
}

/** How long something has waited, in whole days, hours and minutes (for "3 days", "5 h", "12 min"). */
export interface Age {
  days: number;
  hours: number;
  minutes: number;
}

export function ageOf(since: string, now: Date): Age {
  const ms = Math.max(0, now.getTime() - Date.parse(since));
  return { days: Math.floor(ms / DAY_MS), hours: Math.floor(ms / HOUR_MS), minutes: Math.floor(ms / 60_000) };
}

/** Whether the unit has been told: the hub does it on receipt; otherwise a `notified` step by the desk. */
export function isNotified(record: ParcelRecord | FoodDeliveryRecord): boolean {
  return record.data.notify === 'hub' || record.history.some((h) => h.state === 'notified');
}

/** Records still open (a parcel not collected, a rider still waiting), oldest first. */
export function waitingOldestFirst<R extends LobbyRecord<object>>(records: readonly R[]): R[] {
  return records.filter((r) => !isClosed(r)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The lane's and the parcel log's settings at a site (`SiteConfig.lobby`); every key optional. */
export interface LobbySettings {
  /** What the kiosk's Courier lane asks beyond the unit (default `DEFAULT_COURIER_FIELDS`). */
  courierFields?: LaneField[];
  /** What the Food delivery lane asks beyond the unit (default `DEFAULT_FOOD_FIELDS`). */
  foodFields?: LaneField[];
  /** The desk may photograph a parcel's label (the label only; default off). */
  parcelLabelPhoto?: boolean;
  /** The kiosk shows the Delivery entry (default on). */
  kioskLane?: boolean;
}

/** A courier says whose parcels and how many; the company is asked for the log. */
export const DEFAULT_COURIER_FIELDS: readonly LaneField[] = ['company', 'count'];
/** A food rider: the platform, and the unit; the count is always one order. */
export const DEFAULT_FOOD_FIELDS: readonly LaneField[] = ['company'];

/** The site's settings with the defaults filled in. */
export function lobbySettings(site: { lobby?: LobbySettings }): Required<LobbySettings> {
  const s = site.lobby ?? {};
  return {
    courierFields: s.courierFields ?? [...DEFAULT_COURIER_FIELDS],
    foodFields: s.foodFields ?? [...DEFAULT_FOOD_FIELDS],
    parcelLabelPhoto: s.parcelLabelPhoto ?? false,
    kioskLane: s.kioskLane ?? true,
  };
}

/** The directory unit a typed label names (case and spaces ignored), for the hub's e-mail address. */
export function unitIdFor(units: readonly { id: string; label: string }[], label: string): string | undefined {
  const key = label.replace(/\s+/g, '').toLowerCase();
  return units.find((u) => u.label.replace(/\s+/g, '').toLowerCase() === key)?.id;
}

/** Parcels among checked records (their data was parsed by its kind's schema in storage or at the hub). */
export const parcelsOf = (rows: readonly LobbyRecord[]): ParcelRecord[] => rows.filter((r) => r.kind === 'parcel') as unknown as ParcelRecord[];
/** Food deliveries among checked records. */
export const foodDeliveriesOf = (rows: readonly LobbyRecord[]): FoodDeliveryRecord[] => rows.filter((r) => r.kind === 'food-delivery') as unknown as FoodDeliveryRecord[];
