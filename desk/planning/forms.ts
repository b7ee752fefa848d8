import type { Jurisdiction } from '../../src/domain/codes.js';
import type { ExpectedVisitKind, TourKind } from '../../src/domain/desk.js';
import { normalisePhone } from '../../src/domain/phone.js';
import type { ErrorCode } from '../../src/domain/errors.js';
import { addDays, isDayKey, startOfLocalDay } from '../../src/domain/rules/index.js';
import { MAX_PARTY_SIZE } from '../../src/domain/walk-in-input.js';
import type { PlanningError } from '../../src/i18n/desk/messages.js';
import { localInstant } from './local-time.js';

/**
 * The planning forms' input as typed, checked and turned into what `DeskStore` takes. Pure: the element
 * renders the errors, these functions only find them — every error of a form at once, by field.
 */

/** Most people in one expected visit: the kiosk's own party limit, so an expected group fits one registration. */
export const MAX_EXPECTED_PARTY = MAX_PARTY_SIZE;
/** Largest tour headcount: the most the desk store keeps for one party (src/schemas MAX_STORED_PARTY_SIZE). */
export const MAX_TOUR_HEADCOUNT = 1000;
/** Longest label, name, leader or reason line: what the desk store accepts (src/schemas MAX_STORED_TEXT). */
export const MAX_TEXT = 200;
/** Longest make-up or watch-list reason: a paragraph (src/schemas MAX_STORED_MESSAGE). */
export const MAX_LONG_TEXT = 2000;
/**
 * Longest life of a watch-list entry, in days from today: an entry is personal data kept for a purpose, so it
 * is reviewed at least yearly (PDPO principle 2, PIPL art. 19) — 366 so "one year on" is always allowed.
 */
export const MAX_WATCH_DAYS = 366;

/** A field's error: a catalogue code, or one of the two that need a number or a date to say. */
export type FieldError = { code: PlanningError } | { code: 'count-range'; max: number } | { code: 'expiry-range'; last: string };

export type FormResult<T, F extends string> = { ok: true; value: T } | { ok: false; errors: Partial<Record<F, FieldError>> };

const clean = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/gu, ' ');

/** A whole number 1 … `max` (full-width digits allowed); an empty field is `fallback`. */
function parseCount(typed: string, max: number, fallback?: number): number | FieldError {
  const t = typed.normalize('NFKC').trim();
  if (t === '' && fallback !== undefined) return fallback;
  if (t === '') return { code: 'required' };
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  return n >= 1 && n <= max ? n : { code: 'count-range', max };
}

const result = <T, F extends string>(errors: Partial<Record<F, FieldError>>, value: () => T): FormResult<T, F> =>
  Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: value() };

// ----- expected visits -----

export interface ExpectedFormInput {
  unit: string;
  /** `HH:MM` from `<input type="time">`. */
  time: string;
  guestName: string;
  people: string;
  kind: ExpectedVisitKind;
  makeUp: string;
}

export interface ExpectedFormValue {
  hostLabel: string;
  expectedAt: Date;
  guestName?: string;
  partySize: number;
  kind: ExpectedVisitKind;
  makeUp?: string;
}

export type ExpectedField = 'unit' | 'time' | 'people';

/** An expected visit at `time` on the site's day `dayKey`; the make-up is kept only for a complaint visit. */
export function parseExpectedForm(input: ExpectedFormInput, dayKey: string, timeZone: string): FormResult<ExpectedFormValue, ExpectedField> {
  const errors: Partial<Record<ExpectedField, FieldError>> = {};
  const hostLabel = clean(input.unit);
  if (hostLabel === '') errors.unit = { code: 'required' };
  const expectedAt = localInstant(dayKey, input.time, timeZone);
  if (!expectedAt) errors.time = { code: input.time.trim() === '' ? 'required' : 'time-invalid' };
  const people = parseCount(input.people, MAX_EXPECTED_PARTY, 1);
  if (typeof people !== 'number') errors.people = people;
  const guestName = clean(input.guestName);
  const makeUp = input.kind === 'complaint' ? clean(input.makeUp) : '';
  return result(errors, () => ({
    hostLabel,
    expectedAt: expectedAt as Date,
    ...(guestName ? { guestName } : {}),
    partySize: people as number,
    kind: input.kind,
    ...(makeUp ? { makeUp } : {}),
  }));
}

// ----- tours -----

export interface TourFormInput {
  kind: TourKind;
  leader: string;
  headcount: string;
  /** One name per line. */
  names: string;
  /** Comma-separated (ASCII, full-width or ideographic commas). */
  departments: string;
  /** `YYYY-MM-DD` and `HH:MM`, site time. */
  date: string;
  time: string;
  /** "Arranged by phone (urgent)": the urgent phone-first exception of group and VIP tours (002:201). */
  byPhone: boolean;
}

export interface TourFormValue {
  kind: TourKind;
  leader: string;
  headcount: number;
  names: string[];
  departments: string[];
  visitAt: Date;
  byPhone: boolean;
}

export type TourField = 'leader' | 'headcount' | 'names' | 'date' | 'time';

/** Splits a department list: "Accounts, Legal" and "會計部，法律部" and "会计部、法务部" alike; duplicates dropped. */
export const splitDepartments = (typed: string): string[] => [...new Set(typed.split(/[,，、;；]/u).map(clean).filter((d) => d !== ''))];

/** A tour request as typed. The lead-time rules are not checked here: that is `checkTourRequest`'s job. */
export function parseTourForm(input: TourFormInput, timeZone: string): FormResult<TourFormValue, TourField> {
  const errors: Partial<Record<TourField, FieldError>> = {};
  const leader = clean(input.leader);
  if (leader === '') errors.leader = { code: 'required' };
  const names = input.names.split(/\r?\n/u).map(clean).filter((n) => n !== '');
  const headcount = parseCount(input.headcount, MAX_TOUR_HEADCOUNT);
  if (typeof headcount !== 'number') errors.headcount = headcount;
  else if (names.length > headcount) errors.names = { code: 'names-exceed-headcount' };
  if (input.date.trim() === '') errors.date = { code: 'required' };
  if (input.time.trim() === '') errors.time = { code: 'required' };
  const visitAt = errors.date || errors.time ? undefined : localInstant(input.date, input.time, timeZone);
  if (!visitAt && !errors.date && !errors.time) errors.time = { code: 'time-invalid' };
  return result(errors, () => ({
    kind: input.kind,
    leader,
    headcount: headcount as number,
    names,
    departments: splitDepartments(input.departments),
    visitAt: visitAt as Date,
    byPhone: input.byPhone,
  }));
}

// ----- watch list -----

/** The kinds staff add by hand; `id-hash` entries come from the hub, which alone holds the key. */
export type ManualWatchKind = 'name' | 'phone';

export interface WatchFormInput {
  kind: ManualWatchKind;
  value: string;
  reason: string;
  approvedBy: string;
  /** `YYYY-MM-DD`: the entry stops matching at the start of that day, site time. */
  expires: string;
}

export interface WatchFormValue {
  kind: ManualWatchKind;
  /** A phone in E.164; a name as typed (NFKC, single spaces) — matching normalises names itself. */
  value: string;
  reason: string;
  approvedBy: string;
  expiresAt: Date;
}

export type WatchField = 'value' | 'reason' | 'approvedBy' | 'expires';

/** The codes `normalisePhone` returns, all in the planning catalogue. */
const PHONE_ERRORS: readonly PlanningError[] = ['required', 'phone-invalid', 'phone-too-short', 'phone-too-long', 'phone-invalid-country'];
const phoneError = (code: ErrorCode): PlanningError => PHONE_ERRORS.find((c) => c === code) ?? 'phone-invalid';

/** The expiry dates a new entry may have, from the site's `today`: tomorrow … today + `MAX_WATCH_DAYS`. */
export const watchExpiryRange = (today: string): { first: string; last: string } => ({ first: addDays(today, 1), last: addDays(today, MAX_WATCH_DAYS) });

/**
 * A watch-list entry as typed. A phone is normalised to E.164 for the site's `jurisdiction` (its own error
 * codes otherwise); a name is kept as typed because matching keys both word orders off the spacing.
 */
export function parseWatchForm(input: WatchFormInput, jurisdiction: Jurisdiction, today: string, timeZone: string): FormResult<WatchFormValue, WatchField> {
  const errors: Partial<Record<WatchField, FieldError>> = {};
  let value = clean(input.value);
  if (input.kind === 'phone') {
    const phone = normalisePhone(input.value, jurisdiction);
    if (phone.ok) value = phone.value;
    else errors.value = { code: phoneError(phone.code) };
  } else if (value === '') errors.value = { code: 'required' };
  const reason = input.reason.trim();
  if (reason === '') errors.reason = { code: 'required' };
  const approvedBy = clean(input.approvedBy);
  if (approvedBy === '') errors.approvedBy = { code: 'required' };
  const { first, last } = watchExpiryRange(today);
  const expires = input.expires.trim();
  // Valid day keys compare as dates, as strings.
  if (expires === '') errors.expires = { code: 'required' };
  else if (!isDayKey(expires) || expires < first || expires > last) errors.expires = { code: 'expiry-range', last };
  return result(errors, () => ({ kind: input.kind, value, reason, approvedBy, expiresAt: startOfLocalDay(expires, timeZone) }));
}
