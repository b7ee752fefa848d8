/**
 * The ledger's typed refusals. They are kept apart from `ERROR_CODES` (src/domain/errors.ts) on purpose: every
 * code there must be worded in the kiosk's catalogue, and the kiosk must not ship the desk's ledger words (the
 * same reason the desk has its own catalogue). The desk localises these codes (src/i18n/desk `ledger.errors`);
 * the hub answers them as 400 `ledger-invalid` / 409 with the code in the message path.
 */
export const LEDGER_ERROR_CODES = [
  /** The action is not allowed in the entry's status (e.g. a follow-up on an open entry). */
  'ledger-transition-invalid',
  /** The action is dated before the entry was received (a reply logged before the entry). */
  'ledger-before-entry',
  /** A dissatisfied follow-up, a reopening or a hand-over needs its reason or note. */
  'ledger-reason-required',
  /** Only complaints may be escalated or marked valid. */
  'ledger-not-complaint',
  /** An entry has one repair order; a second is refused. */
  'ledger-repair-exists',
  /** No repair order to complete, or it is completed already. */
  'ledger-no-repair',
  /** No follow-up is due on this entry. */
  'ledger-no-follow-up-due',
  /** No unhandled follow-up feedback with this id. */
  'ledger-feedback-unknown',
  /** A text is longer than its limit (`details.field`, `details.max`). */
  'ledger-too-long',
  /** A required text is empty (`details.field`). */
  'ledger-required',
] as const;
export type LedgerErrorCode = (typeof LEDGER_ERROR_CODES)[number];

export class LedgerError extends Error {
  override readonly name = 'LedgerError';
  constructor(
    readonly code: LedgerErrorCode,
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(code);
  }
}
