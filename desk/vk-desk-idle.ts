import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { IDLE_WARNING_SECONDS } from '../components/controllers/idle-controller.js';
import { LeafEvent } from '../components/events.js';
import { buttons, tokens } from '../components/styles/shared.js';
import type { DeskMessages } from '../src/i18n/desk/index.js';

/** How often the deadline is looked at; it is wall-clock, so a throttled hidden tab only signs out late. */
const TICK_MS = 1000;
/** What counts as someone at the desk. Composed UI events reach the watched host from its shadow tree. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/**
 * @summary The desk's idle sign-out in an element of its own: it counts down from the last touch anywhere in
 * the desk and, in the last `IDLE_WARNING_SECONDS`, shows the countdown with **Stay signed in** (WCAG 2.2.1).
 * Only this small element renders while the seconds pass — the desk around it, with a day of visitors, does
 * not re-render once a second.
 * @fires vk-desk-idle - when the time is up (the desk signs out).
 */
export class VkDeskIdle extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
        font-size: var(--vk-desk-font-size, 16px);
      }
      .warning {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space);
        padding: calc(var(--_space) * 0.75);
        border: 3px solid var(--_accent);
        border-radius: var(--_radius);
        background: var(--_surface);
        margin: var(--_space) 0;
      }
      p {
        margin: 0;
        flex: 1 1 14em;
      }
    `,
  ];

  @property({ attribute: false }) messages!: DeskMessages;
  /** Seconds without activity before `vk-desk-idle`. */
  @property({ attribute: false }) seconds = 600;
  /** Counting only while true (someone is signed in). */
  @property({ attribute: false }) active = false;
  /** Where activity is watched; default: the element whose shadow tree holds this one (the desk). */
  @property({ attribute: false }) watch: EventTarget | undefined;

  /** Seconds left while the warning shows; undefined otherwise (nothing renders). */
  @state() private left: number | undefined;

  private deadline = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private watched: EventTarget | undefined;
  private readonly onActivity = () => this.restart();

  override connectedCallback(): void {
    super.connectedCallback();
    this.attach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach();
    this.stop();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('watch')) this.attach();
    if (changed.has('active') || changed.has('seconds')) {
      if (this.active) this.restart();
      else this.stop();
    }
  }

  /** Starts the count afresh (activity, or **Stay signed in**). */
  restart(): void {
    if (!this.active) return;
    this.deadline = Date.now() + this.seconds * 1000;
    this.timer ??= setInterval(() => this.tick(), TICK_MS);
    this.tick();
  }

  private stop() {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.left = undefined;
  }

  private tick() {
    const left = Math.max(0, Math.ceil((this.deadline - Date.now()) / 1000));
    // Only the warning's seconds are state: outside them, a tick changes nothing on screen.
    const shown = left <= IDLE_WARNING_SECONDS ? left : undefined;
    if (shown !== this.left) this.left = shown;
    if (left === 0) {
      this.stop();
      this.dispatchEvent(new LeafEvent('vk-desk-idle', {}));
    }
  }

  private attach() {
    const target = this.watch ?? (this.getRootNode() instanceof ShadowRoot ? (this.getRootNode() as ShadowRoot).host : undefined);
    if (target === this.watched) return;
    this.detach();
    this.watched = target;
    for (const e of ACTIVITY_EVENTS) target?.addEventListener(e, this.onActivity, { passive: true, capture: true });
  }

  private detach() {
    for (const e of ACTIVITY_EVENTS) this.watched?.removeEventListener(e, this.onActivity, { capture: true });
    this.watched = undefined;
  }

  override render() {
    if (this.left === undefined) return nothing;
    const m = this.messages;
    return html`<div class="warning">
      <p>${m.idleWarning(this.left)}</p>
      <button class="primary" @click=${() => this.restart()}>${m.staySignedIn}</button>
    </div>`;
  }
}
