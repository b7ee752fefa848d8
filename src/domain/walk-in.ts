import type { Locale, Purpose, VisitorType } from './codes.js';
import type { ErrorCode, Result } from './errors.js';
import { validateCnResidentId, validateHkid } from './identity.js';
import { normalisePhone } from './phone.js';
import { suggestsPeople, type DirectoryPerson, type DirectoryUnit, type SiteConfig } from './site.js';
import { cleanText, codePointLength, normaliseName } from './text.js';
import { localDayKey } from './time.js';
import type { HostRef, IdentityRecord, VisitDraft } from './visit.js';

/** Longest organisation name: fits a badge line and any registered company name in either language. */
export const MAX_ORGANISATION_LENGTH = 100;
/** Longest host typed freely: a unit ("Tower 2, 12/F, Flat B") or a short name, not a message. */
export const MAX_HOST_TEXT = 40;
/** Characters typed before suggestions appear: one character would list half the directory to the lobby. */
export const MIN_HOST_QUERY = 2;
/** Suggestions shown at once: enough to pick from on a tablet without scrolling. */
export const DEFAULT_HOST_SUGGESTIONS = 5;

export { MAX_PARTY_SIZE, emptyWalkIn, type IdentityMethod, type WalkInInput } from './walk-in-input.js';
import { MAX_PARTY_SIZE, type WalkInInput } from './walk-in-input.js';

/** A form field an error is shown against (a picked host's errors show on the host field). */
export type WalkInField = Exclude<keyof WalkInInput, 'hostId'>;

/** One field's error: a code for src/i18n and details for its message (never the value typed). */
export interface FieldError {
  code: ErrorCode;
  details?: Record<string, string | number>;
}

export type WalkInErrors = Partial<Record<WalkInField, FieldError>>;
export type WalkInResult = { ok: true; draft: VisitDraft } | { ok: false; errors: WalkInErrors };

/** A suggestion under the host field. On residential sites only units, never a resident's name. */
export interface HostSuggestion {
  kind: 'unit' | 'person';
  id: string;
  label: string;
  /** The department, for people. */
  detail?: string;
  absent: boolean;
}

/** Comparable form of directory text and queries: full-width folded (NFKC), lower case, no white space. */
const searchKey = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200B-\u200F\u2060\uFEFF]+/gu, '');

const unitSuggestion = (u: DirectoryUnit): HostSuggestion => ({ kind: 'unit', id: u.id, label: u.label, absent: u.absent === true });
const personSuggestion = (p: DirectoryPerson): HostSuggestion =>
  p.department === undefined
    ? { kind: 'person', id: p.id, label: p.name, absent: p.absent === true }
    : { kind: 'person', id: p.id, label: p.name, detail: p.department, absent: p.absent === true };

/**
 * Directory entries matching what the visitor typed, best first (prefix matches, then substring matches, each
 * in directory order). Nothing for fewer than `MIN_HOST_QUERY` characters; at most `limit`. Residential sites
 * suggest units only; other sites suggest people (by name or department) and units.
 */
export function searchHosts(site: SiteConfig, query: string, limit: number = DEFAULT_HOST_SUGGESTIONS): HostSuggestion[] {
  const max = Math.max(0, Math.floor(limit));
  if (max === 0 || codePointLength(query.normalize('NFKC').trim()) < MIN_HOST_QUERY) return [];
  const q = searchKey(query);
  if (q === '') return [];
  const prefix: HostSuggestion[] = [];
  const inside: HostSuggestion[] = [];
  const consider = (texts: (string | undefined)[], suggestion: () => HostSuggestion): void => {
    const keys = texts.filter((t): t is string => t !== undefined).map(searchKey);
    if (keys.some((k) => k.startsWith(q))) prefix.push(suggestion());
    else if (keys.some((k) => k.includes(q))) inside.push(suggestion());
  };
  if (suggestsPeople(site)) {
    for (const p of site.directory.people) consider([p.name, p.department], () => personSuggestion(p));
  }
  for (const u of site.directory.units) consider([u.label], () => unitSuggestion(u));
  return [...prefix, ...inside].slice(0, max);
}

/** Whether the unit or person visited is marked absent (a free-text host matching a unit's label counts). */
export function hostIsAbsent(site: SiteConfig, host: HostRef): boolean {
  switch (host.kind) {
    case 'unit':
      return site.directory.units.some((u) => u.id === host.id && u.absent === true);
    case 'person':
      return site.directory.people.some((p) => p.id === host.id && p.absent === true);
    case 'free-text': {
      const key = searchKey(host.label);
      return site.directory.units.some((u) => searchKey(u.label) === key && u.absent === true);
    }
  }
}

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

const fieldError = (r: Extract<Result<unknown>, { ok: false }>): FieldError => (r.details ? { code: r.code, details: r.details } : { code: r.code });

/** Resolves the host field: a picked directory entry, a typed unit label that matches one, or free text. */
function resolveHost(site: SiteConfig, hostId: string | undefined, hostQuery: string): Result<HostRef> {
  const id = hostId?.trim() ?? '';
  if (id !== '') {
    const unit = site.directory.units.find((u) => u.id === id);
    if (unit) return { ok: true, value: { kind: 'unit', id: unit.id, label: unit.label } };
    // On a residential site a person's id is refused like an unknown one: residents are never hosts by name.
    const person = suggestsPeople(site) ? site.directory.people.find((p) => p.id === id) : undefined;
    if (person) return { ok: true, value: { kind: 'person', id: person.id, label: person.name } };
    return { ok: false, code: 'host-required' };
  }
  const typed = cleanText(hostQuery, MAX_HOST_TEXT);
  if (!typed.ok) return typed;
  if (typed.value === '') return { ok: false, code: 'host-required' };
  const key = searchKey(typed.value);
  const unit = site.directory.units.find((u) => searchKey(u.label) === key);
  if (unit) return { ok: true, value: { kind: 'unit', id: unit.id, label: unit.label } };
  if (suggestsPeople(site)) {
    const people = site.directory.people.filter((p) => searchKey(p.name) === key);
    const only = people.length === 1 ? people[0] : undefined;
    if (only) return { ok: true, value: { kind: 'person', id: only.id, label: only.name } };
  }
  if (site.allowFreeTextHost) return { ok: true, value: { kind: 'free-text', label: typed.value } };
  return { ok: false, code: 'host-required' };
}

/** Parses the party size: empty is 1; otherwise a whole number 1 … MAX_PARTY_SIZE (full-width digits allowed). */
function parsePartySize(input: string): Result<number> {
  const typed = input.normalize('NFKC').trim();
  if (typed === '') return { ok: true, value: 1 };
  const n = /^\d{1,3}$/.test(typed) ? Number(typed) : NaN;
  if (!(n >= 1 && n <= MAX_PARTY_SIZE)) return { ok: false, code: 'party-size-invalid', details: { min: 1, max: MAX_PARTY_SIZE } };
  return { ok: true, value: n };
}

/**
 * Applies the walk-in form's rules for `site` and returns either a draft ready to store or every field's
 * error at once. An identity number is checked and reduced to its last four characters here: the draft never
 * holds the full number.
 */
export function validateWalkIn(input: WalkInInput, site: SiteConfig, now: Date, locale: Locale): WalkInResult {
  const errors: WalkInErrors = {};

  const name = normaliseName(input.fullName);
  if (!name.ok) errors.fullName = fieldError(name);

  let phone = '';
  const phoneRequired = site.requiredFields.includes('phone');
  if (input.phone.trim() !== '' || phoneRequired) {
    const r = normalisePhone(input.phone, site.jurisdiction);
    if (r.ok) phone = r.value;
    else errors.phone = fieldError(r);
  }

  const organisation = cleanText(input.organisation, MAX_ORGANISATION_LENGTH);
  if (!organisation.ok) errors.organisation = fieldError(organisation);
  else if (organisation.value === '' && site.requiredFields.includes('organisation')) errors.organisation = { code: 'required' };

  const partySize = parsePartySize(input.partySize);
  if (!partySize.ok) errors.partySize = fieldError(partySize);

  const visitorType = input.visitorType;
  if (!isOneOf<VisitorType>(site.visitorTypes, visitorType)) errors.visitorType = { code: 'choice-required' };
  const purpose = input.purpose;
  if (!isOneOf<Purpose>(site.purposes, purpose)) errors.purpose = { code: 'choice-required' };

  const host = resolveHost(site, input.hostId, input.hostQuery);
  if (!host.ok) errors.hostQuery = fieldError(host);

  if (input.hasAppointment !== 'yes' && input.hasAppointment !== 'no') errors.hasAppointment = { code: 'choice-required' };
  if (!input.privacyAcknowledged) errors.privacyAcknowledged = { code: 'privacy-not-acknowledged' };

  const identity = resolveIdentity(input, site, now, errors);

  if (
    !name.ok ||
    !organisation.ok ||
    !partySize.ok ||
    !host.ok ||
    !identity ||
    Object.keys(errors).length > 0 ||
    !isOneOf<VisitorType>(site.visitorTypes, visitorType) ||
    !isOneOf<Purpose>(site.purposes, purpose)
  ) {
    return { ok: false, errors };
  }

  const recorded = identity.method === 'recorded';
  const draft: VisitDraft = {
    visitor: { fullName: name.value, phone, organisation: organisation.value, partySize: partySize.value },
    visitorType,
    purpose,
    host: host.value,
    hasAppointment: input.hasAppointment === 'yes',
    identity,
    consent: {
      noticeVersion: site.privacy.noticeVersion,
      kind: site.jurisdiction === 'HK' ? 'read' : 'consented',
      at: now.toISOString(),
      ...(recorded && site.jurisdiction === 'CN' ? { idNumber: true } : {}),
    },
    lang: locale,
  };
  return { ok: true, draft };
}

/**
 * The identity record the site's policy allows for the method chosen, or undefined with `errors` filled in.
 * `sighted` sites never take a number, whatever was typed; `record-number` sites also offer the alternatives.
 */
function resolveIdentity(input: WalkInInput, site: SiteConfig, now: Date, errors: WalkInErrors): IdentityRecord | undefined {
  const method = input.identityMethod;
  if (method === 'sighted' || method === 'host-confirmation') return { method };
  if (method !== 'recorded' || site.identity.mode !== 'record-number') {
    errors.identityMethod = { code: 'choice-required' };
    return undefined;
  }
  // A site that accepts one kind of document does not ask which one.
  const only = site.identity.documents.length === 1 ? site.identity.documents[0] : undefined;
  const document = input.idDocument || only;
  if (document !== 'hkid' && document !== 'cn-resident') {
    errors.idDocument = { code: 'choice-required' };
    return undefined;
  }
  if (!site.identity.documents.includes(document)) {
    errors.idDocument = { code: 'choice-required' };
    return undefined;
  }
  const consentMissing = site.jurisdiction === 'CN' && !input.idConsent;
  if (consentMissing) errors.idConsent = { code: 'id-consent-required' };
  if (input.idNumber.trim() === '') {
    errors.idNumber = { code: 'required' };
    return undefined;
  }
  let last4: string;
  if (document === 'hkid') {
    const r = validateHkid(input.idNumber);
    if (!r.ok) {
      errors.idNumber = fieldError(r);
      return undefined;
    }
    last4 = r.value.last4;
  } else {
    const [year = 0, month = 0, day = 0] = localDayKey(now, site.timeZone).split('-').map(Number);
    const r = validateCnResidentId(input.idNumber, { year, month, day });
    if (!r.ok) {
      errors.idNumber = fieldError(r);
      return undefined;
    }
    last4 = r.value.last4;
  }
  return consentMissing ? undefined : { method: 'recorded', documentType: document, last4 };
}
