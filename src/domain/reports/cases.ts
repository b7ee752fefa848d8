/**
 * The case library (DOMAIN.md "Incidents": "typical cases become anonymised case studies"): incident records
 * marked as typical cases, with what identifies a person taken out — no record, alert or visit id, no
 * handler, no exact date (the month only), and in the free text the names the caller knows (the visitor's,
 * the staff's), e-mail addresses, identity numbers, phone numbers and flat numbers replaced by `[…]`.
 * Redaction of free text is best effort: a manager reads a case before it is shared beyond the company.
 */
import type { IncidentRecord, IncidentRecordClass } from '../desk.js';
import { localDayKey } from '../time.js';

export const REDACTED = '[…]';

export interface CaseStudy {
  incidentClass: IncidentRecordClass;
  /** The local month of the arrival, `YYYY-MM`. */
  month: string;
  mediaPresent: boolean;
  /** Minutes from the notification to the first acknowledgement, when there was one. */
  minutesToAcknowledge?: number;
  /** Whether it escalated. */
  escalated: boolean;
  said: string;
  done: string;
  outcome: string;
}

/** Names shorter than this are not searched for: one character would blank every word that holds it. */
const MIN_NAME_LENGTH = 2;
const MS_PER_MINUTE = 60_000;

/** E-mail addresses: taken out before names, so a name inside an address does not leave its domain behind. */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

const PATTERNS: readonly RegExp[] = [
  // mainland resident identity numbers (18 characters, the last a digit or X)
  /\b\d{17}[\dXx]\b/g,
  // HKID: one or two letters, six digits, a check character (often in brackets)
  /\b[A-Za-z]{1,2}\d{6}\s?\(?[\dAa]\)?/g,
  // phone numbers: 7 or more digits, allowing +, spaces, dashes and brackets between them
  /\+?\d[\d\s()-]{5,}\d/g,
  // flat and room numbers: 12B, 3A, Flat 12, 12樓B室, 1203室
  /\b(?:flat|room|unit|rm)\.?\s*\d{1,4}[A-Za-z]?\b/gi,
  /\d{1,4}\s*[樓楼]\s*[A-Za-z\d]{1,3}\s*[室座]?/g,
  /\d{1,4}\s*[室]/g,
  /\b\d{1,3}[A-Za-z]\b/g,
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with the given names and the patterns above replaced by `[…]`. */
export function redact(text: string, names: readonly string[] = []): string {
  let out = text.replace(EMAIL, REDACTED);
  const known = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= MIN_NAME_LENGTH))].sort((a, b) => b.length - a.length);
  for (const name of known) {
    out = out.replace(new RegExp(escapeRegExp(name), 'giu'), REDACTED);
    // A name written in parts ("Chan Tai Man" → "Mr Chan"): each part of three letters or more as a word.
    for (const part of name.split(/\s+/).filter((p) => p.length >= 3)) out = out.replace(new RegExp(`\\b${escapeRegExp(part)}\\b`, 'giu'), REDACTED);
  }
  for (const pattern of PATTERNS) out = out.replace(pattern, REDACTED);
  return out;
}

/** One typical-case record as a case study; `names` are the people the caller knows of (visitor, staff). */
export function caseStudy(record: IncidentRecord, timeZone: string, names: readonly string[] = []): CaseStudy {
  const minutes = record.acknowledgedAt !== undefined ? Math.round((Date.parse(record.acknowledgedAt) - Date.parse(record.notifiedAt)) / MS_PER_MINUTE) : undefined;
  return {
    incidentClass: record.incidentClass,
    month: localDayKey(new Date(record.arrivalAt), timeZone).slice(0, 7),
    mediaPresent: record.mediaPresent,
    ...(minutes !== undefined ? { minutesToAcknowledge: minutes } : {}),
    escalated: record.escalatedAt !== undefined,
    said: redact(record.said, names),
    done: redact(record.done, names),
    outcome: redact(record.outcome, names),
  };
}

/** The case library: typical cases only, oldest first. */
export function caseLibrary(records: Iterable<IncidentRecord>, timeZone: string, namesFor: (record: IncidentRecord) => readonly string[] = () => []): CaseStudy[] {
  return [...records]
    .filter((r) => r.typicalCase)
    .sort((a, b) => a.arrivalAt.localeCompare(b.arrivalAt))
    .map((r) => caseStudy(r, timeZone, namesFor(r)));
}

export const CASE_COLUMNS = ['class', 'month', 'media_present', 'minutes_to_acknowledge', 'escalated', 'said', 'done', 'outcome'] as const;

/** Case studies as table rows in `CASE_COLUMNS` order. */
export const caseRows = (cases: readonly CaseStudy[]): (string | number | boolean | undefined)[][] =>
  cases.map((c) => [c.incidentClass, c.month, c.mediaPresent, c.minutesToAcknowledge, c.escalated, c.said, c.done, c.outcome]);
