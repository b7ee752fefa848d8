/**
 * The ledger entry (《客戶來電來訪登記表》 and its handling form, 001 4.1–4.3, 004 客服部投訴處理制度) and its life:
 * `createEntry` opens one, `applyAction` moves it on. Both are pure and return new objects; every action is
 * checked against the status machine and dated no earlier than the entry's receipt, and appends one line to
 * `history` — the audit trail of who did what when (ids, codes and the staff's own notes; the hub keeps the
 * record forever by policy: complaints are never deleted by staff).
 *
 * The status machine:
 *   open ──assign/repair-order──▶ in-progress ──reply──▶ answered ──resolve──▶ resolved ──follow-up ok──▶ followed-up
 *   (open, in-progress, reopened may reply or resolve at once; answered may be reassigned)
 *   resolved ──follow-up dissatisfied──▶ reopened (and another follow-up is owed after the next resolution)
 *   answered, resolved, followed-up ──reopen──▶ reopened
 * The clock (clocks.ts) is the first reply or resolution: `stoppedAt` is set once and never moved, so the
 * answered-within-deadline figure of a reopened case stays what it was.
 */
import type { CalendarWarning } from '../rules/calendar.js';
import { entryDue, followUpDue, repairDue, type ClockSite } from './clocks.js';
import type { ClockKind, LedgerActionType, LedgerCategory, LedgerChannel, LedgerStatus, RepairSize, Satisfaction } from './codes.js';
import { LedgerError } from './errors.js';

/** Longest description: a long letter summarised, not pasted whole (the scanned original keeps the rest). */
export const MAX_DESCRIPTION_LENGTH = 4000;
/** Longest reply, resolution, decision or note. */
export const MAX_NOTE_LENGTH = 2000;
/** Longest short text: a name, a unit, a department, a subject code, a technician. */
export const MAX_SHORT_TEXT = 120;
/** Longest signature: a PNG data URL of a signature pad at desk size is some 20–60 KB; 200 000 characters is ample. */
export const MAX_SIGNATURE_LENGTH = 200_000;
/** A signature is a base64 data URL of a PNG or of an SVG (the desk stores signature_pad's SVG: a few KB, sharp at any size). */
const SIGNATURE_DATA_URL = /^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/]+=*$/;
/** Most history lines an entry keeps: far beyond any real case, a bound against a runaway client. */
export const MAX_HISTORY = 500;

/** Who contacted the desk. `withheld` is what a reader without the customer-service role sees of a protected complainant. */
export type LedgerWho =
  | { kind: 'resident'; unit: string; name?: string; phone?: string }
  | { kind: 'other'; name?: string; phone?: string; organisation?: string }
  | { kind: 'anonymous' }
  | { kind: 'withheld' };

/** Whom a complaint is about (003 篇3: 被投訴部門、姓名和事項): it is what makes the complainant's identity protected. */
export interface ComplaintTarget {
  kind: 'department' | 'person';
  /** The department complained about, or the person's department. */
  department?: string;
  /** The person complained about (staff name as the complainant gave it). */
  person?: string;
}

/** A repair order (維修單, 003 說明 3): plan, responsibility, cost, technician; the resident's comment and signature on completion. */
export interface RepairOrder {
  size: RepairSize;
  plan: string;
  /** Who bears it: the management, the owner, a contractor … (free text, as the paper form). */
  responsibility: string;
  /** Cost in the site's currency, as the form writes it (e.g. "HK$350"); absent when free. */
  cost?: string;
  technician: string;
  orderedAt: string;
  orderedBy: string;
  dueAt: string;
  dueKind: ClockKind;
  completedAt?: string;
  residentComment?: string;
  /** The resident's signature as a PNG or SVG data URL (signature_pad), when signed on screen. */
  signature?: string;
}

/** A follow-up (回訪) owed or done. */
export interface FollowUp {
  id: string;
  dueAt: string;
  doneAt?: string;
  by?: string;
  satisfaction?: Satisfaction;
  /** Why the owner was dissatisfied (required then). */
  reason?: string;
  /** Anything new the owner raised: tracked until handled (the seeds' 回訪處理率 100 %). */
  feedback?: string;
  feedbackHandledAt?: string;
  feedbackHandledBy?: string;
  feedbackNote?: string;
}

/** One line of the audit trail. */
export interface LedgerHistoryLine {
  at: string;
  /** Staff id. */
  by: string;
  action: LedgerActionType;
  /** The status after the action. */
  status: LedgerStatus;
  /** The note the action carried (a hand-over note, a reopening reason); replies and decisions live in their fields. */
  note?: string;
  /** A staff id, department or code the action named (hand-over target, assignment, satisfaction). */
  target?: string;
}

export interface LedgerEntry {
  id: string;
  siteId: string;
  /**
   * The form number, the same on the register, the handling form and any scanned original (004 客服部投訴處理制度 3):
   * `YYYY-NNNN`, counted per site and per year of the site's calendar (number.ts).
   */
  number: string;
  channel: LedgerChannel;
  who: LedgerWho;
  /** A code of the site's subject taxonomy (subjects.ts), so recurring problems show up in reports. */
  subject: string;
  category: LedgerCategory;
  description: string;
  important: boolean;
  /** For complaints about a department or a person: the complainant is protected (000 篇2 六, 003 篇2 第八、十條). */
  about?: ComplaintTarget;
  /** When the contact reached the desk; the clocks run from here. */
  receivedAt: string;
  createdAt: string;
  updatedAt: string;
  /** 首問責任制: who took the contact. Never changes. */
  firstContactBy: string;
  /** Who owns it now (the first contact until a hand-over). */
  ownerId: string;
  department?: string;
  assignee?: string;
  /** The time promised to the owner (003 處理投訴的技巧 8). */
  promisedAt?: string;
  dueAt?: string;
  dueKind: ClockKind;
  dueWarning?: CalendarWarning;
  /** The first reply or resolution: stops the clock, never moves. */
  stoppedAt?: string;
  status: LedgerStatus;
  reply?: string;
  repliedAt?: string;
  resolution?: string;
  resolvedAt?: string;
  /** The manager's decision and sign-off (004 接待來訪投訴 2: 由經理決定處理辦法和責任部門). */
  decision?: { text: string; by: string; at: string };
  /** A major complaint sent up to the general manager (003 篇3 四.4). */
  escalation?: { at: string; by: string; note?: string };
  /** Complaints only: whether it was found valid (有效投訴), for the valid-complaint rate. */
  valid?: boolean;
  repair?: RepairOrder;
  followUps: FollowUp[];
  /** The kiosk visit that opened it (purpose complaint, repair …), when there was one. */
  visitId?: string;
  history: LedgerHistoryLine[];
}

/** What the desk types to open an entry. */
export interface NewEntryInput {
  channel: LedgerChannel;
  who: Exclude<LedgerWho, { kind: 'withheld' }>;
  subject: string;
  category: LedgerCategory;
  description: string;
  important?: boolean;
  about?: ComplaintTarget;
  /** Default: the moment it is logged. */
  receivedAt?: string;
  promisedAt?: string;
  department?: string;
  assignee?: string;
  visitId?: string;
}

/** Who acts, when, and the site facts the clocks need. */
export interface ActionContext extends ClockSite {
  at: Date;
  by: string;
  /** A new id (follow-ups); the caller's UUID source. */
  newId: () => string;
}

/** An action on an entry (one history line each). */
export type LedgerAction =
  | { type: 'edit'; changes: Partial<Pick<NewEntryInput, 'who' | 'subject' | 'category' | 'description' | 'important' | 'about' | 'channel'>> }
  | { type: 'assign'; department: string; assignee?: string; note?: string }
  | { type: 'hand-over'; to: string; note: string }
  | { type: 'promise'; promisedAt: string }
  | { type: 'reply'; text: string }
  | { type: 'resolve'; text: string }
  | { type: 'reopen'; reason: string }
  | { type: 'follow-up'; satisfaction: Satisfaction; reason?: string; feedback?: string }
  | { type: 'feedback-handled'; followUpId: string; note: string }
  | { type: 'escalate'; note?: string }
  | { type: 'decide'; text: string }
  | { type: 'mark-valid'; valid: boolean }
  | { type: 'repair-order'; size: RepairSize; plan: string; responsibility: string; cost?: string; technician: string }
  | { type: 'repair-complete'; comment?: string; signature?: string };

/** Statuses each action may start from (edit, hand-over, promise, decide, escalate, mark-valid, feedback-handled: see `allowedFrom`). */
const OPEN_STATES: readonly LedgerStatus[] = ['open', 'in-progress', 'reopened'];
const ALLOWED: Readonly<Record<LedgerActionType, readonly LedgerStatus[]>> = {
  create: [],
  edit: ['open', 'in-progress', 'answered', 'reopened'],
  assign: ['open', 'in-progress', 'answered', 'reopened'],
  'hand-over': ['open', 'in-progress', 'answered', 'resolved', 'reopened'],
  promise: ['open', 'in-progress', 'answered', 'reopened'],
  reply: OPEN_STATES,
  resolve: [...OPEN_STATES, 'answered'],
  reopen: ['answered', 'resolved', 'followed-up'],
  'follow-up': ['resolved'],
  'feedback-handled': ['open', 'in-progress', 'answered', 'resolved', 'followed-up', 'reopened'],
  escalate: ['open', 'in-progress', 'answered', 'resolved', 'reopened'],
  decide: ['open', 'in-progress', 'answered', 'resolved', 'followed-up', 'reopened'],
  'mark-valid': ['open', 'in-progress', 'answered', 'resolved', 'followed-up', 'reopened'],
  'repair-order': [...OPEN_STATES, 'answered'],
  'repair-complete': [...OPEN_STATES, 'answered'],
};

/** Whether `action` may be applied to an entry in `status`. */
export const canApply = (status: LedgerStatus, action: LedgerActionType): boolean => ALLOWED[action].includes(status);

function text(field: string, value: string | undefined, max: number, required: boolean): string | undefined {
  const v = value?.trim();
  if (!v) {
    if (required) throw new LedgerError('ledger-required', { field });
    return undefined;
  }
  if (v.length > max) throw new LedgerError('ledger-too-long', { field, max });
  return v;
}

function checkWho(who: NewEntryInput['who']): NewEntryInput['who'] {
  if (who.kind === 'resident') {
    const unit = text('who.unit', who.unit, MAX_SHORT_TEXT, true) as string;
    const name = text('who.name', who.name, MAX_SHORT_TEXT, false);
    const phone = text('who.phone', who.phone, MAX_SHORT_TEXT, false);
    return { kind: 'resident', unit, ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
  }
  if (who.kind === 'other') {
    const name = text('who.name', who.name, MAX_SHORT_TEXT, false);
    const phone = text('who.phone', who.phone, MAX_SHORT_TEXT, false);
    const organisation = text('who.organisation', who.organisation, MAX_SHORT_TEXT, false);
    return { kind: 'other', ...(name ? { name } : {}), ...(phone ? { phone } : {}), ...(organisation ? { organisation } : {}) };
  }
  return { kind: 'anonymous' };
}

function checkAbout(about: ComplaintTarget | undefined): ComplaintTarget | undefined {
  if (!about) return undefined;
  const department = text('about.department', about.department, MAX_SHORT_TEXT, false);
  const person = text('about.person', about.person, MAX_SHORT_TEXT, false);
  if (!department && !person) return undefined;
  return { kind: about.kind, ...(department ? { department } : {}), ...(person ? { person } : {}) };
}

const iso = (d: Date): string => d.toISOString();

function parseInstant(field: string, value: string): Date {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new LedgerError('ledger-required', { field });
  return new Date(t);
}

/** Sets `dueAt`/`dueKind`/`dueWarning` from the entry's channel, category and importance (unless the clock stopped). */
function withDue(entry: LedgerEntry, site: ClockSite): LedgerEntry {
  if (entry.stoppedAt !== undefined) return entry;
  const due = entryDue(entry, new Date(entry.receivedAt), site);
  const { dueAt: _a, dueWarning: _w, ...rest } = entry;
  return { ...rest, dueKind: due.kind, ...(due.due ? { dueAt: iso(due.due) } : {}), ...(due.warning ? { dueWarning: due.warning } : {}) };
}

/**
 * Opens an entry numbered `number` (number.ts). `receivedAt` may be earlier than now (a call taken before it
 * was typed) but not later. Throws `LedgerError` for missing or over-long text.
 */
export function createEntry(input: NewEntryInput, ids: { id: string; siteId: string; number: string }, ctx: ActionContext): LedgerEntry {
  const now = ctx.at;
  const receivedAt = input.receivedAt !== undefined ? parseInstant('receivedAt', input.receivedAt) : now;
  // A contact cannot reach the desk after it was logged; a desk clock a little ahead of the hub's is refused the same way.
  if (receivedAt.getTime() > now.getTime()) throw new LedgerError('ledger-before-entry', { field: 'receivedAt' });
  const department = text('department', input.department, MAX_SHORT_TEXT, false);
  const assignee = text('assignee', input.assignee, MAX_SHORT_TEXT, false);
  const about = input.category === 'complaint' ? checkAbout(input.about) : undefined;
  const promised = input.promisedAt !== undefined ? parseInstant('promisedAt', input.promisedAt) : undefined;
  if (promised && promised.getTime() < receivedAt.getTime()) throw new LedgerError('ledger-before-entry', { field: 'promisedAt' });
  const status: LedgerStatus = department ? 'in-progress' : 'open';
  const entry: LedgerEntry = {
    id: ids.id,
    siteId: ids.siteId,
    number: ids.number,
    channel: input.channel,
    who: checkWho(input.who),
    subject: text('subject', input.subject, MAX_SHORT_TEXT, true) as string,
    category: input.category,
    description: text('description', input.description, MAX_DESCRIPTION_LENGTH, true) as string,
    important: input.important ?? false,
    ...(about ? { about } : {}),
    receivedAt: iso(receivedAt),
    createdAt: iso(now),
    updatedAt: iso(now),
    firstContactBy: ctx.by,
    ownerId: ctx.by,
    ...(department ? { department } : {}),
    ...(assignee ? { assignee } : {}),
    ...(promised ? { promisedAt: iso(promised) } : {}),
    dueKind: 'none',
    status,
    followUps: [],
    ...(input.visitId ? { visitId: input.visitId } : {}),
    history: [{ at: iso(now), by: ctx.by, action: 'create', status, ...(department ? { target: department } : {}) }],
  };
  return withDue(entry, ctx);
}

/** The follow-up owed now: the first not done. */
export const pendingFollowUp = (entry: Pick<LedgerEntry, 'followUps'>): FollowUp | undefined => entry.followUps.find((f) => f.doneAt === undefined);

/**
 * Applies `action` at `ctx.at` by `ctx.by`. Throws `LedgerError`: `ledger-transition-invalid` (with `from` and
 * `action`) when the status does not allow it, `ledger-before-entry` when dated before the entry's receipt,
 * and the text and reason errors of each action.
 */
export function applyAction(entry: LedgerEntry, action: LedgerAction, ctx: ActionContext): LedgerEntry {
  if (!canApply(entry.status, action.type)) throw new LedgerError('ledger-transition-invalid', { from: entry.status, action: action.type });
  if (ctx.at.getTime() < Date.parse(entry.receivedAt)) throw new LedgerError('ledger-before-entry', { action: action.type });
  if (entry.history.length >= MAX_HISTORY) throw new LedgerError('ledger-too-long', { field: 'history', max: MAX_HISTORY });
  const at = iso(ctx.at);
  let next: LedgerEntry = { ...entry, updatedAt: at };
  let note: string | undefined;
  let target: string | undefined;
  const stop = (e: LedgerEntry): LedgerEntry => (e.stoppedAt === undefined ? { ...e, stoppedAt: at } : e);
  const owe = (e: LedgerEntry, handledAt: Date): LedgerEntry =>
    pendingFollowUp(e) ? e : { ...e, followUps: [...e.followUps, { id: ctx.newId(), dueAt: iso(followUpDue(handledAt)) }] };

  switch (action.type) {
    case 'edit': {
      const c = action.changes;
      if (c.who) next.who = checkWho(c.who);
      if (c.subject !== undefined) next.subject = text('subject', c.subject, MAX_SHORT_TEXT, true) as string;
      if (c.description !== undefined) next.description = text('description', c.description, MAX_DESCRIPTION_LENGTH, true) as string;
      if (c.category) next.category = c.category;
      if (c.channel) next.channel = c.channel;
      if (c.important !== undefined) next.important = c.important;
      if (c.about !== undefined || c.category !== undefined) {
        const about = next.category === 'complaint' ? checkAbout(c.about ?? entry.about) : undefined;
        const { about: _old, ...rest } = next;
        next = about ? { ...rest, about } : rest;
      }
      if (next.category !== 'complaint') {
        const { valid: _v, ...rest } = next;
        next = rest;
      }
      next = withDue(next, ctx);
      break;
    }
    case 'assign': {
      const department = text('department', action.department, MAX_SHORT_TEXT, true) as string;
      const assignee = text('assignee', action.assignee, MAX_SHORT_TEXT, false);
      const { assignee: _a, ...rest } = next;
      next = { ...rest, department, ...(assignee ? { assignee } : {}), status: entry.status === 'answered' ? 'answered' : 'in-progress' };
      note = text('note', action.note, MAX_NOTE_LENGTH, false);
      target = department;
      break;
    }
    case 'hand-over': {
      const to = text('to', action.to, MAX_SHORT_TEXT, true) as string;
      note = text('note', action.note, MAX_NOTE_LENGTH, false);
      if (!note) throw new LedgerError('ledger-reason-required', { field: 'note' });
      next.ownerId = to;
      target = to;
      break;
    }
    case 'promise': {
      const promised = parseInstant('promisedAt', action.promisedAt);
      // A promise made to the caller cannot be for a time before they called.
      if (promised.getTime() < Date.parse(entry.receivedAt)) throw new LedgerError('ledger-before-entry', { field: 'promisedAt' });
      next.promisedAt = iso(promised);
      break;
    }
    case 'reply':
      next = stop({ ...next, reply: text('reply', action.text, MAX_NOTE_LENGTH, true) as string, repliedAt: at, status: 'answered' });
      break;
    case 'resolve':
      next = owe(stop({ ...next, resolution: text('resolution', action.text, MAX_NOTE_LENGTH, true) as string, resolvedAt: at, status: 'resolved' }), ctx.at);
      break;
    case 'reopen':
      note = text('reason', action.reason, MAX_NOTE_LENGTH, false);
      if (!note) throw new LedgerError('ledger-reason-required', { field: 'reason' });
      next.status = 'reopened';
      break;
    case 'follow-up': {
      const due = pendingFollowUp(entry);
      if (!due) throw new LedgerError('ledger-no-follow-up-due');
      const reason = text('reason', action.reason, MAX_NOTE_LENGTH, false);
      if (action.satisfaction === 'dissatisfied' && !reason) throw new LedgerError('ledger-reason-required', { field: 'reason' });
      const feedback = text('feedback', action.feedback, MAX_NOTE_LENGTH, false);
      const done: FollowUp = { ...due, doneAt: at, by: ctx.by, satisfaction: action.satisfaction, ...(reason ? { reason } : {}), ...(feedback ? { feedback } : {}) };
      next.followUps = entry.followUps.map((f) => (f.id === due.id ? done : f));
      // 003 說明 9: dissatisfied → handled again, then followed up again (owed at the next resolution).
      next.status = action.satisfaction === 'dissatisfied' ? 'reopened' : 'followed-up';
      target = action.satisfaction;
      note = reason;
      break;
    }
    case 'feedback-handled': {
      const f = entry.followUps.find((x) => x.id === action.followUpId);
      if (!f || f.feedback === undefined || f.feedbackHandledAt !== undefined) throw new LedgerError('ledger-feedback-unknown');
      note = text('note', action.note, MAX_NOTE_LENGTH, true) as string;
      next.followUps = entry.followUps.map((x) => (x.id === f.id ? { ...x, feedbackHandledAt: at, feedbackHandledBy: ctx.by, feedbackNote: note as string } : x));
      target = f.id;
      break;
    }
    case 'escalate': {
      if (entry.category !== 'complaint') throw new LedgerError('ledger-not-complaint');
      note = text('note', action.note, MAX_NOTE_LENGTH, false);
      next.escalation = { at, by: ctx.by, ...(note ? { note } : {}) };
      break;
    }
    case 'decide':
      next.decision = { text: text('decision', action.text, MAX_NOTE_LENGTH, true) as string, by: ctx.by, at };
      break;
    case 'mark-valid':
      if (entry.category !== 'complaint') throw new LedgerError('ledger-not-complaint');
      next.valid = action.valid;
      target = String(action.valid);
      break;
    case 'repair-order': {
      if (entry.repair) throw new LedgerError('ledger-repair-exists');
      const due = repairDue(action.size, ctx.at, ctx.timeZone);
      const cost = text('cost', action.cost, MAX_SHORT_TEXT, false);
      next.repair = {
        size: action.size,
        plan: text('plan', action.plan, MAX_NOTE_LENGTH, true) as string,
        responsibility: text('responsibility', action.responsibility, MAX_SHORT_TEXT, true) as string,
        ...(cost ? { cost } : {}),
        technician: text('technician', action.technician, MAX_SHORT_TEXT, true) as string,
        orderedAt: at,
        orderedBy: ctx.by,
        dueAt: iso(due.due),
        dueKind: due.kind,
      };
      if (entry.status === 'open' || entry.status === 'reopened') next.status = 'in-progress';
      target = action.size;
      break;
    }
    case 'repair-complete': {
      if (!entry.repair || entry.repair.completedAt !== undefined) throw new LedgerError('ledger-no-repair');
      const comment = text('comment', action.comment, MAX_NOTE_LENGTH, false);
      if (action.signature !== undefined && (!SIGNATURE_DATA_URL.test(action.signature) || action.signature.length > MAX_SIGNATURE_LENGTH)) {
        throw new LedgerError('ledger-too-long', { field: 'signature', max: MAX_SIGNATURE_LENGTH });
      }
      next.repair = { ...entry.repair, completedAt: at, ...(comment ? { residentComment: comment } : {}), ...(action.signature ? { signature: action.signature } : {}) };
      // Completing the repair resolves the case; its follow-up is due within 24 hours of completion (001:400).
      next = owe(stop({ ...next, resolvedAt: at, status: 'resolved', resolution: next.resolution ?? entry.repair.plan }), ctx.at);
      break;
    }
  }
  const line: LedgerHistoryLine = { at, by: ctx.by, action: action.type, status: next.status, ...(note ? { note } : {}), ...(target ? { target } : {}) };
  return { ...next, history: [...entry.history, line] };
}
