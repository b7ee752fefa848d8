/**
 * Form numbers (004 客服部投訴處理制度 3: 每一份投訴處理表應進行編號,並與客戶投訴登記表中的編號以及對客戶投訴或意見
 * 原件所作的編號保持一致): one number per entry, written on the register, the handling form and the scanned original.
 * `YYYY-NNNN`, counted from 1 per site and per year — the year of the site's own calendar, so a call at 00:30
 * on 1 January in Hong Kong (16:30 UTC on 31 December) is numbered in the new year. The hub keeps the counter
 * (one row per site-year, incremented in the entry's transaction), so two desks never share a number.
 */
import { localDayKey } from '../time.js';

/** Digits the sequence is padded to: a large estate logs a few thousand contacts a year. It grows past 9999 unpadded. */
export const FORM_NUMBER_DIGITS = 4;
const FORM_NUMBER = /^(\d{4})-(\d{4,})$/;

/** The site-local year of `at` (the counter's key). */
export const formYear = (at: Date, timeZone: string): number => Number(localDayKey(at, timeZone).slice(0, 4));

/** The form number of the `seq`-th entry (1-based) of `year`. Throws `RangeError` for a sequence below 1. */
export function formNumber(year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`form sequence out of range: ${seq}`);
  return `${String(year).padStart(4, '0')}-${String(seq).padStart(FORM_NUMBER_DIGITS, '0')}`;
}

/** The year and sequence of a form number, or undefined if it is not one. */
export function parseFormNumber(number: string): { year: number; seq: number } | undefined {
  const m = FORM_NUMBER.exec(number);
  if (!m) return undefined;
  const seq = Number(m[2]);
  return seq >= 1 ? { year: Number(m[1]), seq } : undefined;
}
