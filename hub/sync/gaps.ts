/**
 * Holes in a device's sequence. The hub keeps the highest seq it received and the ranges below it it never
 * received (a wiped tablet, a lost outbox) as `[from, to]` inclusive; a late change fills its hole.
 */
export type Gaps = [number, number][];

/** Most ranges kept per device: a device that loses changes this often is broken, and the desk already says so. */
export const MAX_GAP_RANGES = 1000;

/** `gaps` with `seq` removed (splitting its range when it falls inside one). */
export function fillGap(gaps: Gaps, seq: number): Gaps {
  const out: Gaps = [];
  for (const [from, to] of gaps) {
    if (seq < from || seq > to) out.push([from, to]);
    else {
      if (from <= seq - 1) out.push([from, seq - 1]);
      if (seq + 1 <= to) out.push([seq + 1, to]);
    }
  }
  return out;
}

/** `gaps` with the range `[from, to]` added, oldest ranges dropped beyond `MAX_GAP_RANGES`. */
export function addGap(gaps: Gaps, from: number, to: number): Gaps {
  const out: Gaps = [...gaps, [from, to]];
  return out.length > MAX_GAP_RANGES ? out.slice(out.length - MAX_GAP_RANGES) : out;
}
