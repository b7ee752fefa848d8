import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long before the reset the visitor is warned and offered more time (WCAG 2.2.1 asks for ≥ 20 s). */
export const IDLE_WARNING_SECONDS = 20;
/** Idle reset default (CONTRACT.md `idle-timeout`). */
export const DEFAULT_IDLE_SECONDS = 60;
/** How often the countdown is recomputed; deadlines are wall-clock, so a throttled timer only delays it. */
const TICK_MS = 250;
/** What counts as "someone is using the kiosk". Composed UI events reach the host from shadow roots. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

export interface IdleHost extends ReactiveControllerHost, HTMLElement {
  /** Called when the visitor has been away for the whole timeout. */
  handleIdle(): void;
}

/**
 * Counts down from the last touch and calls `handleIdle()` at zero. It runs only while `active` (the host
 * turns it off on a clean welcome screen), exposes `remaining` seconds for the visible countdown, and
 * `extend()` for the "more time" button.
 */
export class IdleController implements ReactiveController {
  /** Seconds left before the reset, or undefined while inactive. */
  remaining: number | undefined;
  private deadline = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private seconds = DEFAULT_IDLE_SECONDS;
  private readonly onActivity = () => this.touch();

  constructor(private readonly host: IdleHost) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const e of ACTIVITY_EVENTS) this.host.addEventListener(e, this.onActivity, { passive: true, capture: true });
  }

  hostDisconnected(): void {
    for (const e of ACTIVITY_EVENTS) this.host.removeEventListener(e, this.onActivity, { capture: true });
    this.stop();
  }

  /** Starts (or restarts) the countdown with the given timeout in seconds. */
  start(seconds: number): void {
    this.seconds = seconds;
    this.deadline = Date.now() + seconds * 1000;
    if (this.timer === undefined) this.timer = setInterval(() => this.tick(), TICK_MS);
    this.tick();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    if (this.remaining !== undefined) {
      this.remaining = undefined;
      this.host.requestUpdate();
    }
  }

  /** Whether the warning with its countdown should be visible now. */
  get warning(): boolean {
    return this.remaining !== undefined && this.remaining <= IDLE_WARNING_SECONDS;
  }

  /** The visitor asked for more time, or touched the screen. */
  touch(): void {
    if (this.timer !== undefined) this.start(this.seconds);
  }

  private tick(): void {
    const left = Math.max(0, Math.ceil((this.deadline - Date.now()) / 1000));
    if (left !== this.remaining) {
      this.remaining = left;
      this.host.requestUpdate();
    }
    if (left === 0) {
      this.stop();
      this.host.handleIdle();
    }
  }
}
