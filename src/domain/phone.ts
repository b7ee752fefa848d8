import { ParseError, parsePhoneNumberWithError, validatePhoneNumberLength } from 'libphonenumber-js/min';
import type { Jurisdiction } from './codes.js';
import { fail, ok, type ErrorCode, type Result } from './errors.js';

/**
 * Longest input looked at, in characters: E.164 allows 15 digits, so 40 leaves room for any spacing and
 * punctuation while keeping pasted junk away from the parser.
 */
export const MAX_PHONE_INPUT = 40;

/** Hong Kong subscriber numbers — fixed, mobile and pager — all have 8 digits since 1995. */
const HK_SUBSCRIBER_DIGITS = 8;
/** Mainland mobile numbers are 11 digits starting 13–19; the small metadata accepts 8 to 12 digits for them. */
const CN_MOBILE_DIGITS = 11;
const CN_MOBILE = /^1[3-9]/;

/** Separators people type between digit groups (after NFKC): spaces, brackets, dots, slashes and dashes. */
const SEPARATORS = /[\s().\-/\u2010-\u2015]/gu;

const LENGTH_CODES: Readonly<Record<string, ErrorCode>> = {
  TOO_SHORT: 'phone-too-short',
  TOO_LONG: 'phone-too-long',
  INVALID_COUNTRY: 'phone-invalid-country',
  INVALID_LENGTH: 'phone-invalid',
  NOT_A_NUMBER: 'phone-invalid',
};

/**
 * Normalises a phone number typed in any common local or international form to E.164, reading numbers
 * without a country code as numbers of `defaultRegion` (the site's jurisdiction).
 * Full-width digits are accepted (NFKC), and a leading `00` is the international prefix in Hong Kong and on
 * the mainland alike. Letters (including extensions) are refused.
 * Errors: `required` (empty), `phone-too-short`, `phone-too-long`, `phone-invalid-country`, `phone-invalid`.
 */
export function normalisePhone(input: string, defaultRegion: Jurisdiction): Result<string> {
  const typed = input.normalize('NFKC').trim();
  if (typed === '') return fail('required');
  if (typed.length > MAX_PHONE_INPUT) return fail('phone-too-long');
  let compact = typed.replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact)) return fail('phone-invalid');
  // libphonenumber reads Hong Kong's optional carrier digit after 00 (e.g. 008), so "00852…" would become
  // +52 (Mexico). Neither region has a national number starting 00, so rewriting the prefix is safe.
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;

  const lengthProblem = validatePhoneNumberLength(compact, defaultRegion);
  if (lengthProblem) return fail(LENGTH_CODES[lengthProblem] ?? 'phone-invalid');

  let parsed;
  try {
    parsed = parsePhoneNumberWithError(compact, defaultRegion);
  } catch (error) {
    if (error instanceof ParseError) return fail(LENGTH_CODES[error.message] ?? 'phone-invalid');
    throw error;
  }
  // Local length rules first: "too long" helps a visitor more than "invalid" when one digit is doubled.
  const national = parsed.nationalNumber;
  if (parsed.countryCallingCode === '852' && national.length !== HK_SUBSCRIBER_DIGITS) {
    return fail(national.length < HK_SUBSCRIBER_DIGITS ? 'phone-too-short' : 'phone-too-long');
  }
  if (parsed.countryCallingCode === '86' && CN_MOBILE.test(national) && national.length !== CN_MOBILE_DIGITS) {
    return fail(national.length < CN_MOBILE_DIGITS ? 'phone-too-short' : 'phone-too-long');
  }
  if (!parsed.isValid()) return fail('phone-invalid');
  return ok(parsed.number);
}
