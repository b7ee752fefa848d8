import { fail, ok, type Result } from './errors.js';

/**
 * Identity numbers are checked here and reduced to their last four characters by the caller; the full
 * number is never logged, put in an error's details, or kept in a record.
 */

/** Longest input looked at: an 18-character number with generous spacing; anything longer is not an ID. */
const MAX_ID_INPUT = 32;

/** The mainland's age below which a minor's ID is not taken at a kiosk: the visitor is sent to staff (PIPL Art. 31). */
export const MIN_ID_AGE = 14;

/** Oldest birth year accepted in a mainland ID: earlier dates are typing mistakes, not visitors. */
const MIN_BIRTH_YEAR = 1900;

/** A calendar date without a time zone, e.g. the site's local today. */
export interface PlainDate {
  year: number;
  month: number;
  day: number;
}

/** Upper case, NFKC (full-width characters become ASCII) and no white space. */
/** An identity number as typed, in one canonical form: NFKC, no spaces, upper case (brackets kept). */
export const compactId = (input: string): string => input.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();

const HKID = /^([A-Z]{1,2})(\d{6})(?:\(([0-9A])\)|([0-9A]))$/;
/** In the HKID check, a single-letter ID is read as if preceded by a space, which counts 36 (A = 10 … Z = 35). */
const HKID_SPACE_VALUE = 36;
const HKID_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2] as const;

/** The check character a Hong Kong identity card number must end with, from its letters and six digits. */
export function hkidCheckCharacter(letters: string, digits: string): string {
  const body = letters.length === 1 ? ` ${letters}${digits}` : `${letters}${digits}`;
  let sum = 0;
  for (let i = 0; i < HKID_WEIGHTS.length; i++) {
    const c = body.charAt(i);
    const value = c === ' ' ? HKID_SPACE_VALUE : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * (HKID_WEIGHTS[i] ?? 0);
  }
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'A' : String(check);
}

/**
 * Validates a Hong Kong identity card number: one or two letters, six digits, a check character 0–9 or A,
 * with or without brackets and spaces, any case. `normalised` is e.g. `A1234563` (no brackets).
 * Errors: `id-format-invalid`, `id-check-character-invalid`.
 */
export function validateHkid(input: string): Result<{ normalised: string; last4: string }> {
  if (input.length > MAX_ID_INPUT) return fail('id-format-invalid');
  const match = HKID.exec(compactId(input));
  if (!match) return fail('id-format-invalid');
  const [, letters = '', digits = '', bracketed, bare] = match;
  const check = bracketed ?? bare ?? '';
  if (hkidCheckCharacter(letters, digits) !== check) return fail('id-check-character-invalid');
  const normalised = `${letters}${digits}${check}`;
  return ok({ normalised, last4: normalised.slice(-4) });
}

const CN_ID = /^(\d{6})(\d{4})(\d{2})(\d{2})(\d{3})([0-9X])$/;
/** ISO 7064 MOD 11-2 weights for the first 17 digits, and the check character for each remainder. */
const CN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CN_CHECK = '10X98765432';

/** The check character (0–9 or X) of an 18-character mainland resident ID from its first 17 digits. */
export function cnIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < CN_WEIGHTS.length; i++) sum += Number(first17.charAt(i)) * (CN_WEIGHTS[i] ?? 0);
  return CN_CHECK.charAt(sum % 11);
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number): number => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
const compareDates = (a: PlainDate, b: PlainDate): number => a.year - b.year || a.month - b.month || a.day - b.day;

/** Full years between `birth` and `today` (a 29 February birthday comes round on 1 March in other years). */
export function ageOn(birth: PlainDate, today: PlainDate): number {
  const birthdayPassed = compareDates({ ...today, year: birth.year }, birth) >= 0;
  return today.year - birth.year - (birthdayPassed ? 0 : 1);
}

/**
 * Validates an 18-character mainland resident identity card number: 17 digits and a check character 0–9 or
 * X (ISO 7064 MOD 11-2), with a real birth date not after `today` (the site's local date).
 * Errors: `id-format-invalid` (shape or date), `id-check-character-invalid`, `id-under-14`.
 */
export function validateCnResidentId(input: string, today: PlainDate): Result<{ normalised: string; last4: string; birthDate: string }> {
  if (input.length > MAX_ID_INPUT) return fail('id-format-invalid');
  const normalised = compactId(input);
  const match = CN_ID.exec(normalised);
  if (!match) return fail('id-format-invalid');
  const birth = { year: Number(match[2]), month: Number(match[3]), day: Number(match[4]) };
  const realDate =
    birth.year >= MIN_BIRTH_YEAR &&
    birth.month >= 1 &&
    birth.month <= 12 &&
    birth.day >= 1 &&
    birth.day <= daysInMonth(birth.year, birth.month) &&
    compareDates(birth, today) <= 0;
  if (!realDate) return fail('id-format-invalid');
  if (cnIdCheckCharacter(normalised.slice(0, 17)) !== normalised.charAt(17)) return fail('id-check-character-invalid');
  if (ageOn(birth, today) < MIN_ID_AGE) return fail('id-under-14', { minAge: MIN_ID_AGE });
  return ok({ normalised, last4: normalised.slice(-4), birthDate: `${match[2]}-${match[3]}-${match[4]}` });
}
