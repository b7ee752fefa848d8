import { fail, ok, type Result } from './errors.js';

/** Longest full name accepted, in code points: longer than any real name, short enough for a badge line. */
export const MAX_NAME_LENGTH = 80;

/**
 * Invisible characters that change how text looks or sorts without being seen: zero-width spaces and joiners,
 * the word joiner, the byte-order mark and bidirectional controls (including U+061C, the Arabic letter mark).
 * They let two names look the same and differ in storage, or reorder what staff read on the desk.
 */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;

/** Any run of white space, including U+3000 (the ideographic space a Chinese keyboard types). */
const WHITESPACE_RUN = /\s+/gu;

/** Controls, other format characters and lone surrogates: never part of a name, often part of an attack. */
const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}]/u;

/**
 * Emoji: pictographs, skin-tone modifiers, flag letters, the keycap mark and the emoji presentation selector
 * (which turns a plain digit or symbol into an emoji).
 */
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u20E3\uFE0F]/u;

const CONTROLS = new RegExp(CONTROL.source, 'gu');

const LETTER = /\p{L}/u;

/** Number of code points (what a person counts as characters far better than UTF-16 units). */
export const codePointLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** NFC, invisible characters removed, white space folded to single spaces and trimmed. */
function tidy(input: string): string {
  return input.normalize('NFC').replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Normalises a visitor's full name as typed, or says why it cannot be one.
 * Right-to-left and CJK names are valid; markup is not rejected here (the UI renders names as text).
 * Errors: `required` (nothing visible), `too-long` `{ max }`, `name-invalid-characters` (controls, emoji, or
 * no letter at all).
 */
export function normaliseName(input: string): Result<string> {
  const value = tidy(input);
  if (value === '') return fail('required');
  if (codePointLength(value) > MAX_NAME_LENGTH) return fail('too-long', { max: MAX_NAME_LENGTH });
  if (CONTROL.test(value) || EMOJI.test(value) || !LETTER.test(value)) return fail('name-invalid-characters');
  return ok(value);
}

/**
 * Tidies free text such as an organisation or a message: same normalisation as names, remaining control
 * characters dropped. Empty is allowed (returns ''); the caller decides whether the field is required.
 * Error: `too-long` `{ max }` (in code points).
 */
export function cleanText(input: string, max: number): Result<string> {
  const value = tidy(input).replace(CONTROLS, '').replace(WHITESPACE_RUN, ' ').trim();
  if (codePointLength(value) > max) return fail('too-long', { max });
  return ok(value);
}
