import { LitElement, css, html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Messages } from '../../src/i18n/index.js';
import { ScannerController, type CodeFormat, type ScannerProblem, type ScannerStatus } from '../controllers/scanner/scanner-controller.js';
import { ZXING_WASM_URL } from '../controllers/scanner/wasm-url.js';
import { LeafEvent } from '../events.js';
import { buttons, tokens } from '../styles/shared.js';

/** `vk-code-read` detail: the text of a code, untrusted — verify it, never open or fetch it. */
export interface CodeReadDetail {
  text: string;
  format: CodeFormat;
}

/** `vk-camera-state` detail. */
export interface CameraStateDetail {
  status: ScannerStatus;
  problem: ScannerProblem | undefined;
}

/**
 * @summary The scan screen's viewfinder: the camera picture with a square to aim at, the camera choice and a
 * status line ("camera unavailable — type the code instead"). The camera opens when the element is
 * connected and every track ends when it is removed or `stop()` is called. The decoder (zxing-wasm, in a
 * worker) is loaded with this element, never with the first screen.
 * @fires vk-code-read - `{ text, format }` once per code held up (again after it left the view for 3 s).
 * @fires vk-camera-state - `{ status, problem }` when the camera starts, scans, stops or is unavailable.
 * @fires vk-camera-change - `{ deviceId }` when someone picks another camera.
 * @csspart viewfinder - the box around the picture and the guide.
 * @csspart guide - the square to hold the code in.
 * @csspart status - the status line.
 * @cssproperty --vk-camera-guide-color - colour of the square (default white).
 */
export class VkCameraView extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }
      .viewfinder {
        position: relative;
        aspect-ratio: 4 / 3;
        /* Width from the height budget, so the box keeps its shape (and the square stays square). */
        width: min(100%, calc(60vh * 4 / 3));
        margin: 0 auto;
        background: #000;
        border-radius: var(--_radius);
        overflow: hidden;
      }
      video {
        width: 100%;
        height: 100%;
        object-fit: cover;
        display: block;
      }
      .guide {
        position: absolute;
        inset: 0;
        margin: auto;
        /* 60 % of a 4:3 box's width is 80 % of its height. */
        width: 60%;
        aspect-ratio: 1;
        border: 4px solid var(--vk-camera-guide-color, #fff);
        border-radius: calc(var(--_radius) / 2);
        /* The dimmed surround makes the square obvious on any background. */
        box-shadow: 0 0 0 100vmax rgb(0 0 0 / 35%);
        pointer-events: none;
      }
      .status {
        margin: var(--_space) 0;
        font-weight: 600;
      }
      .status.problem {
        color: var(--_danger);
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25em;
      }
      select {
        font: inherit;
        min-height: max(48px, var(--_target));
        width: 100%;
        padding: 0 0.75em;
        border: 2px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
        background: var(--_bg);
        color: var(--_fg);
      }
    `,
  ];

  private readonly scanner = new ScannerController(this, {
    wasmUrl: ZXING_WASM_URL,
    onCode: (code) => this.dispatchEvent(new LeafEvent<CodeReadDetail>('vk-code-read', { text: code.text, format: code.format })),
    onStateChange: () => this.handleScannerChange(),
  });

  @property({ attribute: false }) messages!: Messages;
  /** The camera to open (a `deviceId` from `vk-camera-change`); empty: the back camera, else any. */
  @property({ attribute: false }) deviceId = '';

  @query('video') private video!: HTMLVideoElement;

  private lastState = '';

  /** What the camera is doing: `idle`, `starting`, `scanning` or `unavailable`. */
  get status(): ScannerStatus {
    return this.scanner.status;
  }

  /** Why it is `unavailable`: `denied`, `no-camera`, `in-use`, `not-supported` or `decoder-failed`. */
  get problem(): ScannerProblem | undefined {
    return this.scanner.problem;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // After the first render (the <video> must exist) and again on every re-insertion.
    void this.updateComplete.then(() => {
      if (this.isConnected) void this.start();
    });
  }

  private handleScannerChange() {
    const state = `${this.scanner.status}/${this.scanner.problem ?? ''}`;
    if (state === this.lastState) return;
    this.lastState = state;
    this.dispatchEvent(new LeafEvent<CameraStateDetail>('vk-camera-state', { status: this.scanner.status, problem: this.scanner.problem }));
  }

  private handleCameraChoice(e: Event) {
    const deviceId = (e.target as HTMLSelectElement).value;
    this.deviceId = deviceId;
    this.dispatchEvent(new LeafEvent('vk-camera-change', { deviceId }));
    void this.start();
  }

  /** Opens the camera and scans (again). Resolves when scanning or unavailable. */
  async start(): Promise<void> {
    await this.updateComplete;
    this.scanner.attach(this.video);
    await this.scanner.start(this.deviceId || undefined);
  }

  /** Ends every camera track and stops decoding (idle reset, leaving the screen). */
  stop(): void {
    this.scanner.stop();
  }

  private statusText(): string {
    const m = this.messages;
    switch (this.scanner.status) {
      case 'starting':
        return m.cameraStarting;
      case 'scanning':
        return m.cameraHint;
      case 'unavailable':
        return m.cameraUnavailable;
      default:
        return m.cameraOff;
    }
  }

  override render() {
    const m = this.messages;
    const cameras = this.scanner.cameras;
    const current = this.scanner.deviceId ?? this.deviceId;
    return html`
      <div class="viewfinder" part="viewfinder">
        <video muted playsinline autoplay aria-hidden="true"></video>
        <div class="guide" part="guide" aria-hidden="true"></div>
      </div>
      <p class="status ${this.scanner.status === 'unavailable' ? 'problem' : ''}" part="status">${this.statusText()}</p>
      ${cameras.length > 0
        ? html`<label for="camera">${m.cameraChoice}</label>
            <select id="camera" @change=${this.handleCameraChoice}>
              ${cameras.map(
                (c, i) => html`<option value=${c.deviceId} ?selected=${c.deviceId === current}>${c.label || m.cameraNumbered(i + 1)}</option>`,
              )}
            </select>`
        : nothing}
    `;
  }
}
