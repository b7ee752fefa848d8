/**
 * Strict JSON for token headers and claims. We accept only the exact text `JSON.stringify` writes for the
 * value it denotes (no whitespace, no escapes it would not use, no `1.0` for `1`, no repeated key): one value
 * then has one encoding, so two parsers can never disagree about a token (a duplicate key is the classic way
 * to make a verifier and an application read different claims). On top of that: nesting is shallow and keys
 * that mean something to JavaScript objects are refused outright.
 */

/** Deepest nesting a header or claim set needs: an object holding arrays (`hr`, `wd`) is depth 2. */
export const MAX_JSON_DEPTH = 3;

/** Keys that could reach an object's prototype if a later step ever copied claims with plain assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether `value` nests at most `depth` levels of arrays/objects and uses no forbidden key. */
function isShallowAndSafe(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth <= 0) return false;
  if (Array.isArray(value)) return value.every((item) => isShallowAndSafe(item, depth - 1));
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return false;
    if (!isShallowAndSafe((value as Record<string, unknown>)[key], depth - 1)) return false;
  }
  return true;
}

/**
 * The value of `text` if it is canonical JSON (as `JSON.stringify` would write it), nests at most
 * `MAX_JSON_DEPTH` levels and uses no forbidden key; otherwise `undefined`. Never throws.
 */
export function parseStrictJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // Depth before stringify: a deep array would make stringify recurse; within 1 KB it cannot overflow, but
  // there is no reason to walk it at all.
  if (!isShallowAndSafe(value, MAX_JSON_DEPTH)) return undefined;
  if (JSON.stringify(value) !== text) return undefined;
  return value;
}
