/**
 * The "Issue an invitation" form as typed → the hub's request body (src/schemas/sync.ts). Pure: times are
 * read in the site's zone (`localInstant`), never the PC's. The hub validates the body again; this only
 * turns a receptionist's typing into clear field errors before anything is sent.
 */
import type { VisitorType } from '../../src/domain/codes.js';
import type { IssueInvitationRequest } from '../../src/schemas/sync.js';
import { MAX_INVITATION_NAMES } from '../../src/schemas/sync.js';
import { localInstant } from '../planning/local-time.js';
import { MAX_TEXT, type FieldError, type FormResult } from '../planning/forms.js';

/** What the desk issues: one visit, a group (headcount and names), or a standing pass. */
export const INVITE_KINDS = ['single', 'group', 'pass'] as const;
export type InviteKind = (typeof INVITE_KINDS)[number];

/** Longest validity staff may type, in hours: a year, the longest pass a management office signs. */
export const MAX_INVITE_HOURS = 24 * 366;
/** Largest group one invitation admits (the tour rules treat anything near it as a tour). */
export const MAX_GROUP_SIZE = 200;
/** Longest work-permit reference: the hub's limit. */
export const MAX_PERMIT = 64;
/** Most uses a pass may allow: a working year of daily entries. */
export const MAX_PASS_USES = 1000;

export interface InviteFormInput {
  kind: InviteKind;
  host: string;
  visitorType: VisitorType;
  /** `<input type="date">` and `type="time"` values, in the site's zone. */
  date: string;
  time: string;
  hours: string;
  partySize: string;
  names: string;
  weekdays: number[];
  from: string;
  until: string;
  uses: string;
  permit: string;
}

export type InviteField = 'host' | 'time' | 'hours' | 'partySize' | 'names' | 'weekdays' | 'between' | 'uses';

const clean = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/gu, ' ');

function count(typed: string, max: number): number | FieldError | undefined {
  const t = typed.normalize('NFKC').trim();
  if (t === '') return undefined;
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  return n >= 1 && n <= max ? n : { code: 'count-range', max };
}

/** The request body for the hub, or every field error at once. */
export function parseInviteForm(input: InviteFormInput, timeZone: string): FormResult<IssueInvitationRequest, InviteField> {
  const errors: Partial<Record<InviteField, FieldError>> = {};
  const host = clean(input.host);
  if (host === '') errors.host = { code: 'required' };
  else if (host.length > MAX_TEXT) errors.host = { code: 'count-range', max: MAX_TEXT };
  const from = input.date === '' && input.time === '' ? undefined : localInstant(input.date, input.time || '00:00', timeZone);
  if ((input.date !== '' || input.time !== '') && !from) errors.time = { code: 'time-invalid' };
  const hours = count(input.hours, MAX_INVITE_HOURS);
  if (typeof hours === 'object') errors.hours = hours;

  const body: IssueInvitationRequest = { host, visitorType: input.visitorType, kind: input.kind === 'pass' ? 'pass' : 'invitation' };
  if (from) body.from = from.toISOString();
  if (typeof hours === 'number') body.hours = hours;

  if (input.kind === 'group') {
    const size = count(input.partySize, MAX_GROUP_SIZE);
    if (size === undefined) errors.partySize = { code: 'required' };
    else if (typeof size === 'object') errors.partySize = size;
    const names = input.names.split(/\r?\n/u).map(clean).filter((n) => n !== '');
    if (names.length > MAX_INVITATION_NAMES || (typeof size === 'number' && names.length > size)) errors.names = { code: 'names-exceed-headcount' };
    if (typeof size === 'number') body.partySize = size;
    if (names.length > 0) body.names = names;
  }
  if (input.kind === 'pass') {
    if (input.weekdays.length === 0) errors.weekdays = { code: 'required' };
    else if (input.weekdays.length < 7) body.weekdays = [...input.weekdays].sort((a, b) => a - b);
    if ((input.from === '') !== (input.until === '')) errors.between = { code: 'required' };
    else if (input.from !== '' && input.from >= input.until) errors.between = { code: 'time-invalid' };
    else if (input.from !== '') body.between = [input.from, input.until];
    const uses = count(input.uses, MAX_PASS_USES);
    if (typeof uses === 'object') errors.uses = uses;
    else if (uses !== undefined) body.uses = uses;
    // The field's maxlength is MAX_PERMIT; a longer value can only come from a script and is cut to it.
    const permit = clean(input.permit).slice(0, MAX_PERMIT);
    if (permit !== '') body.permit = permit;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: body };
}
