/**
 * Compile-time check, run by `npm run typecheck`: the real elements still implement the public interfaces the
 * package declares (packages/visitor-kiosk-web/types/elements.ts). Renaming a property or a method on a root
 * element without updating the package's declarations fails here, not in a host's editor.
 */
import type { VisitorDeskElement, VisitorKioskElement } from '../../packages/visitor-kiosk-web/types/elements.js';
import type { VisitorDesk } from '../../desk/visitor-desk.js';
import type { VisitorKiosk } from '../../kiosk/visitor-kiosk.js';

type Implements<T extends U, U> = T;
export type KioskConforms = Implements<VisitorKiosk, VisitorKioskElement>;
export type DeskConforms = Implements<VisitorDesk, VisitorDeskElement>;
