/**
 * The desk's public events. `vk-visit-flagged` is dispatched by the desk only — never by the kiosk, whose
 * events reach whatever page hosts it (CONTRACT.md). The visit events are the kiosk's own classes.
 */
export { VisitCheckedInEvent, VisitCheckedOutEvent, VisitRegisteredEvent, SyncStateChangeEvent } from '../kiosk/events.js';

export interface VisitFlaggedDetail {
  readonly visitId: string;
  /** `A`, `B`, `C` or `watchlist`. */
  readonly incidentClass: 'A' | 'B' | 'C' | 'watchlist';
  /** ISO-8601 UTC. */
  readonly at: string;
}

/** A visit was classified as an incident or matched the watch list. */
export class VisitFlaggedEvent extends Event {
  static readonly eventName = 'vk-visit-flagged';
  constructor(readonly detail: VisitFlaggedDetail) {
    super(VisitFlaggedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vk-visit-flagged': VisitFlaggedEvent;
  }
}
