/** Registers `<visitor-kiosk>` on import (CONTRACT.md); a second copy on the page warns and keeps the first. */
import { defineOnce } from '../components/define.js';
import { VisitorKiosk } from './visitor-kiosk.js';

defineOnce('visitor-kiosk', VisitorKiosk);

export { VisitorKiosk };
export * from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'visitor-kiosk': VisitorKiosk;
  }
}
