import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How often the title flashes while an alert waits in a hidden tab. */
const FLASH_MS = 1000;

/**
 * Makes sure an alert is noticed: a chime (browsers block audio until the user interacts, hence the
 * **Enable sound** button that creates the AudioContext), a system notification when the tab is hidden,
 * and a flashing title while anything is unacknowledged. Notifications carry the class, never a name.
 */
export class AttentionController implements ReactiveController {
  /** Whether the receptionist has enabled sound on this page. */
  soundOn = false;
  private audio: AudioContext | undefined;
  private flash: ReturnType<typeof setInterval> | undefined;
  private title = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.setPending(false);
    void this.audio?.close();
  }

  /** Called from a click: the only moment a browser lets a page start audio and ask for notifications. */
  enableSound(): void {
    this.audio ??= new AudioContext();
    void this.audio.resume();
    this.soundOn = true;
    if ('Notification' in window && Notification.permission === 'default') void Notification.requestPermission();
    this.host.requestUpdate();
  }

  /** A new or escalated alert: chime, and a system notification if nobody is looking at this tab. */
  alert(label: string): void {
    if (this.soundOn && this.audio) this.chime(this.audio);
    if (document.visibilityState === 'hidden' && 'Notification' in window && Notification.permission === 'granted') {
      new Notification(label, { tag: 'vk-alert', requireInteraction: true });
    }
  }

  /** Flashes the title while any alert is unacknowledged and the tab is hidden. */
  setPending(pending: boolean): void {
    if (pending && this.flash === undefined) {
      this.title = document.title;
      let on = false;
      this.flash = setInterval(() => {
        on = !on && document.visibilityState === 'hidden';
        document.title = on ? `(!) ${this.title}` : this.title;
      }, FLASH_MS);
    } else if (!pending && this.flash !== undefined) {
      clearInterval(this.flash);
      this.flash = undefined;
      document.title = this.title;
    }
  }

  /** Two short tones: distinct from a phone's ring, audible over a lobby. */
  private chime(ctx: AudioContext): void {
    const t = ctx.currentTime;
    for (const [i, freq] of [880, 660].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t + i * 0.25);
      gain.gain.exponentialRampToValueAtTime(0.3, t + i * 0.25 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + i * 0.25 + 0.22);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t + i * 0.25);
      osc.stop(t + i * 0.25 + 0.25);
    }
  }
}
