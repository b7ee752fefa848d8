/**
 * The hub's sense of "now", injectable: escalation deadlines, pairing-code expiry and session expiry are
 * checked against it, so tests move time instead of waiting. `VK_HUB_CLOCK_OFFSET_MS` shifts a whole running
 * hub (end-to-end tests of escalation); in-process tests pass their own clock.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock `offsetMs` ahead of the system's (negative: behind). */
export const offsetClock =
  (offsetMs: number): Clock =>
  () =>
    new Date(Date.now() + offsetMs);

/** A clock whose offset tests can move while the hub runs. */
export class AdjustableClock {
  offsetMs = 0;
  readonly now: Clock = () => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
