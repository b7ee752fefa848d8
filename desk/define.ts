/** Registers `<visitor-desk>` on import (CONTRACT.md); a second copy on the page warns and keeps the first. */
import { defineOnce } from '../components/define.js';
import { VisitorDesk } from './visitor-desk.js';

defineOnce('visitor-desk', VisitorDesk);

export { VisitorDesk };
export * from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'visitor-desk': VisitorDesk;
  }
}
