/** Types of `visitor-kiosk-web/desk` (dist/visitor-desk.js): registers `<visitor-desk>`. */
import type { VisitorDeskElement } from './elements.js';

export type { VisitorDeskElement, VisitorKioskLocale, VisitorKioskTheme } from './elements.js';
export { SyncStateChangeEvent, VisitCheckedInEvent, VisitCheckedOutEvent, VisitFlaggedEvent, VisitRegisteredEvent } from './events.js';
export type { SyncStateDetail, VisitEventDetail, VisitFlaggedDetail, VisitRegisteredDetail } from './events.js';

/** The element's class (already registered as `visitor-desk` when this module is imported). */
export declare const VisitorDesk: { prototype: VisitorDeskElement; new (): VisitorDeskElement };

declare global {
  interface HTMLElementTagNameMap {
    'visitor-desk': VisitorDeskElement;
  }
}
