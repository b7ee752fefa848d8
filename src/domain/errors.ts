/**
 * Typed errors. Every rejection the product makes carries a stable code; the UI maps codes to localised
 * messages (src/i18n `errors`), tests assert codes, never message text.
 */
export const ERROR_CODES = [
  // form fields
  'required',
  'too-long',
  'name-invalid-characters',
  'phone-invalid',
  'phone-too-short',
  'phone-too-long',
  'phone-invalid-country',
  'party-size-invalid',
  'host-required',
  'choice-required',
  'privacy-not-acknowledged',
  'id-consent-required',
  'id-format-invalid',
  'id-check-character-invalid',
  'id-under-14',
  'message-too-long',
  // storage
  'storage-quota',
  'storage-failed',
  'storage-blocked',
  'storage-row-invalid',
  // configuration
  'config-invalid',
  // invitation, pass and badge tokens (src/invite), in the order verifyToken checks them
  'invite-too-large',
  'invite-malformed',
  'invite-unsupported-header',
  'invite-unknown-key',
  'invite-revoked-key',
  'invite-bad-signature',
  'invite-invalid-claims',
  'invite-wrong-kind',
  'invite-wrong-site',
  'invite-not-yet-valid',
  'invite-expired',
  'invite-outside-hours',
  'invite-used-up',
  // a sealed identity number that does not open (src/invite/seal.ts)
  'seal-invalid',
  // desk rules
  'tour-too-late',
  // lobby records (src/domain/lobby)
  'record-transition-invalid',
  'parcel-already-collected',
  'signature-required',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error with a stable code and optional machine-readable details (never personal data). */
export class KioskError extends Error {
  override readonly name = 'KioskError';
  constructor(
    readonly code: ErrorCode,
    readonly details: Readonly<Record<string, string | number | boolean>> = {},
    options?: { cause?: unknown },
  ) {
    super(code, options);
  }
}

/** A result type for validators: they return errors as values so a form can show all of them at once. */
export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; details?: Record<string, string | number> };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, details?: Record<string, string | number>): Result<T> =>
  details ? { ok: false, code, details } : { ok: false, code };
