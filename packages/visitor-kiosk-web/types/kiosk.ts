/** Types of `visitor-kiosk-web/kiosk` (dist/visitor-kiosk.js): registers `<visitor-kiosk>`. */
import type { VisitorKioskElement } from './elements.js';

export type { VisitorKioskElement, VisitorKioskLocale, VisitorKioskTheme } from './elements.js';
export { LocaleChangeEvent, SyncStateChangeEvent, VisitCheckedInEvent, VisitCheckedOutEvent, VisitRegisteredEvent } from './events.js';
export type { LocaleChangeDetail, SyncStateDetail, VisitEventDetail, VisitRegisteredDetail } from './events.js';

/** The element's class (already registered as `visitor-kiosk` when this module is imported). */
export declare const VisitorKiosk: { prototype: VisitorKioskElement; new (): VisitorKioskElement };

declare global {
  interface HTMLElementTagNameMap {
    'visitor-kiosk': VisitorKioskElement;
  }
}
