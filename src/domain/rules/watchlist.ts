import * as OpenCC from 'opencc-js/t2cn';
import type { WatchKind } from './codes.js';

/**
 * Watch-list matching (issue 4, item 2). The list lives on the desk and the hub only — never on a kiosk — and
 * a name-only match is only ever "possible": names are shared, and the desk checks identity before acting.
 * Entries and names are personal data: nothing here logs them.
 */

export interface WatchListEntry {
  id: string;
  kind: WatchKind;
  /** A name as typed, an E.164 phone number, or the hub's keyed ID hash. */
  value: string;
  /** Why the person is listed (free text for staff; never shown to visitors, never logged). */
  reason: string;
  /** The staff member who approved the entry. */
  approvedBy: string;
  /** ISO-8601 UTC; from this instant the entry never matches. */
  expiresAt: string;
}

/** What the desk knows of the visitor. */
export interface WatchListSubject {
  fullName: string;
  /** E.164, or empty. */
  phone: string;
  /** The hub's keyed hash of an ID number, where the hub computed one. */
  idHash?: string;
}

export type MatchStrength = 'possible' | 'confirmed';

export interface WatchListMatch {
  entryId: string;
  kind: WatchKind;
  /** `confirmed` for a phone or ID-hash match, `possible` for a name alone. */
  strength: MatchStrength;
}

// Building the converter's dictionaries takes about 0.1 s: done on first use, not on import, so a desk that
// never matches a name never pays for it. `hk → cn` also folds Hong Kong variant forms (綫/線 → 线).
let toSimplified: ((text: string) => string) | undefined;

/** Anything that is not a letter, a combining mark or a digit: spacing, punctuation (incl. ·), symbols, controls. */
const NOT_NAME = /[^\p{L}\p{M}\p{N}]/gu;

/**
 * A name as compared for matching: NFKC (full-width letters and compatibility ideographs folded), traditional
 * Chinese converted to simplified (opencc-js, Hong Kong variants), lower case, and without spacing or
 * punctuation. "陳 大文", "陈大文", "ＣＨＡＮ Tai-man" and "chan taiman" become "陈大文" and "chantaiman".
 */
export function normaliseName(name: string): string {
  toSimplified ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  return toSimplified(name.normalize('NFKC')).toLowerCase().replace(NOT_NAME, '');
}

/**
 * The keys a name matches by: the normalised name and, for names of two or more words, the same words in
 * sorted order — "Chan Tai Man" and "Tai Man Chan" are one person written two ways. Both only make a match
 * `possible`.
 */
function nameKeys(name: string): string[] {
  const cached = keyCache.get(name);
  if (cached) return cached;
  const keys = computeNameKeys(name);
  // A desk matches every arrival against the same entries: their keys are kept, up to a bound.
  if (keyCache.size >= MAX_CACHED_NAMES) keyCache.clear();
  keyCache.set(name, keys);
  return keys;
}

/** Names whose keys are kept between matches: a large watch list plus a day's arrivals. */
const MAX_CACHED_NAMES = 5000;
const keyCache = new Map<string, string[]>();

function computeNameKeys(name: string): string[] {
  const whole = normaliseName(name);
  if (whole === '') return [];
  const words = name
    .normalize('NFKC')
    .split(/[\s,.\-·・]+/u)
    .map(normaliseName)
    .filter((w) => w !== '');
  const sorted = words.length > 1 ? `~${[...words].sort().join(' ')}` : undefined;
  return sorted === undefined ? [whole] : [whole, sorted];
}

/** Whether an entry still applies at `now`; an unreadable expiry never applies. */
export function isWatchEntryActive(entry: Pick<WatchListEntry, 'expiresAt'>, now: Date): boolean {
  const expires = Date.parse(entry.expiresAt);
  return Number.isFinite(expires) && now.getTime() < expires;
}

/**
 * The active entries that match the visitor: by E.164 equality, by ID-hash equality (both `confirmed`) or by
 * normalised name (`possible`). Confirmed matches come first, then list order.
 */
export function matchWatchList(subject: WatchListSubject, entries: readonly WatchListEntry[], now: Date): WatchListMatch[] {
  const confirmed: WatchListMatch[] = [];
  const possible: WatchListMatch[] = [];
  let subjectKeys: string[] | undefined;
  for (const entry of entries) {
    if (!isWatchEntryActive(entry, now)) continue;
    switch (entry.kind) {
      case 'phone':
        if (subject.phone !== '' && entry.value === subject.phone) confirmed.push({ entryId: entry.id, kind: entry.kind, strength: 'confirmed' });
        break;
      case 'id-hash':
        if (subject.idHash !== undefined && subject.idHash !== '' && entry.value === subject.idHash) {
          confirmed.push({ entryId: entry.id, kind: entry.kind, strength: 'confirmed' });
        }
        break;
      case 'name': {
        subjectKeys ??= nameKeys(subject.fullName);
        const keys = nameKeys(entry.value);
        if (keys.some((k) => subjectKeys?.includes(k))) possible.push({ entryId: entry.id, kind: entry.kind, strength: 'possible' });
        break;
      }
      default:
        break;
    }
  }
  return [...confirmed, ...possible];
}
