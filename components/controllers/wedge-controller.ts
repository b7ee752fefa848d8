import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A scanner types a whole code in well under a second; a pause longer than this starts a new code. */
const MAX_KEY_GAP_MS = 300;
/** Longest code kept: a signed invitation or badge fits well under 1 KB. */
const MAX_BUFFER = 1024;

/**
 * Keyboard-wedge scanners "type" what they read and press Enter. This catches such a code anywhere on the
 * host — also when no field has focus (the visitor touched the camera picture, say) — and hands it over.
 * Keys aimed at a text field are left to the field, which submits on Enter itself.
 */
export class WedgeController implements ReactiveController {
  /** Whether codes are being listened for (the host turns it on for the scan screens only). */
  active = false;
  private buffer = '';
  private last = 0;
  private readonly onKey = (e: KeyboardEvent) => this.handleKey(e);

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onCode: (code: string) => void,
  ) {
    host.addController(this);
  }

  // On the document, not the host: after a tap on the screen focus sits on <body>, and a scanner's keys
  // then never pass through the kiosk element. Only codes arriving while `active` are taken.
  hostConnected(): void {
    document.addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onKey);
    this.buffer = '';
  }

  private handleKey(e: KeyboardEvent): void {
    if (!this.active) return;
    const target = e.composedPath()[0];
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
    if (target instanceof HTMLElement && target.isContentEditable) return;
    const now = e.timeStamp;
    if (now - this.last > MAX_KEY_GAP_MS) this.buffer = '';
    this.last = now;
    if (e.key === 'Enter') {
      const code = this.buffer.trim();
      this.buffer = '';
      if (code) {
        e.preventDefault();
        this.onCode(code);
      }
    } else if (e.key.length === 1 && this.buffer.length < MAX_BUFFER) {
      this.buffer += e.key;
    }
  }
}
