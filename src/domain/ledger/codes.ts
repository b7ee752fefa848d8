/**
 * Stable codes of the front-desk ledger (issue 8). They are stored in entries, sent to the hub and counted in
 * reports, so they never change once shipped; the desk localises them (src/i18n/desk).
 */

/** How the contact reached the desk (001 4.1: 來電、來訪、來信, and the guard on duty; 004: 信函、電話、傳真或來人面談). */
export const LEDGER_CHANNELS = ['call', 'visit', 'letter', 'fax', 'guard', 'other'] as const;
export type LedgerChannel = (typeof LEDGER_CHANNELS)[number];

/**
 * The staff's classification after "經過分析" (001 4.2): the desk's call, not the visitor's. Only a complaint
 * runs the 24-hour clock and may be marked valid or escalated.
 */
export const LEDGER_CATEGORIES = ['consultation', 'help-request', 'paid-service', 'suggestion', 'complaint'] as const;
export type LedgerCategory = (typeof LEDGER_CATEGORIES)[number];

/** The life of an entry: open → in progress → answered → resolved → followed up; reopened after a dissatisfied follow-up. */
export const LEDGER_STATUSES = ['open', 'in-progress', 'answered', 'resolved', 'followed-up', 'reopened'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

/** A follow-up's result (002 接待日信息登記表: 滿意 / 基本滿意 / 不滿意 + 原因). */
export const SATISFACTION_LEVELS = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

/** A repair's size decides its clock (001:399: 小型維修當天, 較大型一星期內). */
export const REPAIR_SIZES = ['small', 'large'] as const;
export type RepairSize = (typeof REPAIR_SIZES)[number];

/** Who contacted the desk: an owner or resident (with the unit), someone else, or nobody who gave a name. */
export const WHO_KINDS = ['resident', 'other', 'anonymous'] as const;
export type WhoKind = (typeof WHO_KINDS)[number];

/** Which clock runs for an entry (DOMAIN.md "Clocks"); `none` for contacts the seeds give no deadline. */
export const CLOCK_KINDS = ['complaint-24h', 'important-call-same-day', 'call-24h', 'letter-3-working-days', 'repair-same-day', 'repair-one-week', 'none'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** The actions the ledger records; each is one history line (the audit trail). */
export const LEDGER_ACTIONS = [
  'create',
  'edit',
  'assign',
  'hand-over',
  'promise',
  'reply',
  'resolve',
  'reopen',
  'follow-up',
  'feedback-handled',
  'escalate',
  'decide',
  'mark-valid',
  'repair-order',
  'repair-complete',
] as const;
export type LedgerActionType = (typeof LEDGER_ACTIONS)[number];
