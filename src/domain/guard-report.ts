/**
 * The guard's registers in the reports (issue 7 item 7): cards, goods-removal passes, restricted-room entries,
 * handovers and occurrences of a period, as the reports' count sections (src/domain/reports/report.ts), so the
 * reports module adds them to a report as they are. Pure: the caller reads the records (GuardStore.list, or
 * the hub's lobby records once the registers sync) and passes the period's bounds. Counts only: no names.
 */
import { OCCURRENCE_CATEGORIES, isCardOut, type GuardRecord } from './guard.js';
import { countsSection, type CountsSection } from './reports/report.js';
import type { VisitStatus } from './visit.js';

export const GUARD_CARDS = 'guard-cards';
export const GUARD_GOODS_PASSES = 'guard-goods-passes';
export const GUARD_ROOM_ENTRIES = 'guard-room-entries';
export const GUARD_HANDOVERS = 'guard-handovers';
export const GUARD_OCCURRENCES = 'guard-occurrences';

/** The figures' keys, in display order. */
export const CARD_FIGURES = ['issued', 'returned', 'outstanding', 'left-with-card'] as const;
export const PASS_FIGURES = ['entered', 'approved', 'rejected', 'used', 'waiting'] as const;
export const HANDOVER_FIGURES = ['handed-over', 'acknowledged', 'waiting'] as const;

const within = (iso: string | undefined, bounds: { start: Date; end: Date }): boolean => {
  if (iso === undefined) return false;
  const t = Date.parse(iso);
  return t >= bounds.start.getTime() && t < bounds.end.getTime();
};
const before = (iso: string | undefined, end: Date): boolean => iso !== undefined && Date.parse(iso) < end.getTime();

/**
 * The period's sections. Cards: issued and returned within `[start, end)`; **outstanding** = issued before
 * the end and not returned by it; **left-with-card** = those of them whose visit was over (checked out or
 * denied) — `visits` gives the visits' statuses where known. Passes: entered, approved, rejected and used in
 * the period, and those entered by the end still waiting for a decision. Rooms: entries by room. Handovers:
 * written, acknowledged, and written by the end but not acknowledged by it. Occurrences: by category.
 */
export function guardSections(
  records: readonly GuardRecord[],
  bounds: { start: Date; end: Date },
  visits: ReadonlyMap<string, VisitStatus> = new Map(),
): CountsSection[] {
  const cards: Record<string, number> = {};
  const passes: Record<string, number> = {};
  const rooms: Record<string, number> = {};
  const handovers: Record<string, number> = {};
  const occurrences: Record<string, number> = {};
  const add = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
  for (const r of records) {
    switch (r.kind) {
      case 'card': {
        if (within(r.issuedAt, bounds)) add(cards, 'issued');
        if (within(r.returnedAt, bounds)) add(cards, 'returned');
        const outAtEnd = before(r.issuedAt, bounds.end) && (isCardOut(r) || !before(r.returnedAt, bounds.end));
        if (outAtEnd) {
          add(cards, 'outstanding');
          const status = r.visitId === undefined ? undefined : visits.get(r.visitId);
          if (status === 'checked-out' || status === 'denied') add(cards, 'left-with-card');
        }
        break;
      }
      case 'goods-pass':
        if (within(r.createdAt, bounds)) add(passes, 'entered');
        if (within(r.decidedAt, bounds)) add(passes, r.status === 'rejected' ? 'rejected' : 'approved');
        if (within(r.closedAt, bounds)) add(passes, 'used');
        if (before(r.createdAt, bounds.end) && !before(r.decidedAt, bounds.end)) add(passes, 'waiting');
        break;
      case 'room-entry':
        if (within(r.enteredAt, bounds)) add(rooms, r.roomId);
        break;
      case 'handover':
        if (within(r.createdAt, bounds)) add(handovers, 'handed-over');
        if (within(r.acknowledgedAt, bounds)) add(handovers, 'acknowledged');
        if (before(r.createdAt, bounds.end) && !before(r.acknowledgedAt, bounds.end)) add(handovers, 'waiting');
        break;
      case 'occurrence':
        if (within(r.at, bounds)) add(occurrences, r.category);
        break;
      case 'carried':
        break;
    }
  }
  // Figures that are states at the period's end (outstanding, waiting) are not additive across sites' totals,
  // but each is a plain count per site, so the sections may still be summed site by site.
  return [
    countsSection(GUARD_CARDS, CARD_FIGURES, cards),
    countsSection(GUARD_GOODS_PASSES, PASS_FIGURES, passes),
    countsSection(GUARD_ROOM_ENTRIES, [], rooms, false),
    countsSection(GUARD_HANDOVERS, HANDOVER_FIGURES, handovers),
    countsSection(GUARD_OCCURRENCES, OCCURRENCE_CATEGORIES, occurrences),
  ];
}
