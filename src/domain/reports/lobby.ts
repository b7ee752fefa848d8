/**
 * The lobby registers in the reports (issue 7 item 7), from lobby records (src/domain/lobby): parcels received,
 * collected and still waiting, how fast they are collected, and the guard's registers (cards outstanding, goods
 * passes, restricted-room entries, handovers, occurrences — src/domain/guard-report.ts). Pure: the hub reads the
 * records a period needs (hub/db/records-store.ts `forReport`) and passes them here. Counts only: no names.
 */
import { guardSections } from '../guard-report.js';
import type { VisitStatus } from '../visit.js';
import { fromLobby, isGuardKind } from '../lobby/guard.js';
import { enteredAt, type LobbyRecord } from '../lobby/record.js';
import { countsSection, rateSection, type ReportSection } from './report.js';

export const PARCELS = 'parcels';
export const PARCELS_WITHIN_DAY = 'parcels-collected-within-day';
export const PARCEL_AVERAGE_MINUTES = 'parcel-average-minutes';
export const PARCEL_FIGURES = ['received', 'collected', 'waiting'] as const;

const MINUTE_MS = 60_000;
/** "Collected within a day": within 24 hours of being received. */
const WITHIN_DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * Parcels: **received** in `[start, end)`; **collected** in it (the `collected` step's time); **waiting** at the
 * end (received before it, not collected by it). Of those collected in the period: the share collected within
 * 24 hours of arrival (a rate: it adds up across sites) and the average minutes from arrival to collection
 * (whole minutes, as report counts are integers; a site's own figure — summing averages across sites would
 * mislead, so it is left out of the company's report).
 */
export function parcelSections(records: readonly LobbyRecord[], bounds: { start: Date; end: Date }): ReportSection[] {
  const start = bounds.start.getTime();
  const end = bounds.end.getTime();
  const counts = { received: 0, collected: 0, waiting: 0 };
  let withinDay = 0;
  let waitMs = 0;
  for (const r of records) {
    if (r.kind !== 'parcel') continue;
    const received = Date.parse(r.createdAt);
    const collectedStep = enteredAt(r, 'collected');
    const collected = collectedStep ? Date.parse(collectedStep.at) : undefined;
    if (received >= start && received < end) counts.received++;
    if (collected !== undefined && collected >= start && collected < end) {
      counts.collected++;
      const wait = Math.max(0, collected - received);
      waitMs += wait;
      if (wait <= WITHIN_DAY_MS) withinDay++;
    }
    if (received < end && (collected === undefined || collected >= end)) counts.waiting++;
  }
  const average = counts.collected === 0 ? 0 : Math.round(waitMs / counts.collected / MINUTE_MS);
  return [
    countsSection(PARCELS, PARCEL_FIGURES, counts),
    rateSection(PARCELS_WITHIN_DAY, withinDay, counts.collected),
    countsSection(PARCEL_AVERAGE_MINUTES, ['average'], { average }, false),
  ];
}

/** Parcels' sections, then the guard's registers' (their records mapped back from the envelope). */
export function lobbySections(records: readonly LobbyRecord[], bounds: { start: Date; end: Date }, visits: ReadonlyMap<string, VisitStatus> = new Map()): ReportSection[] {
  const guard = records.filter((r) => isGuardKind(r.kind)).map(fromLobby);
  return [...parcelSections(records, bounds), ...guardSections(guard, bounds, visits)];
}
