import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the screen on while the kiosk is shown (Screen Wake Lock API). The lock is dropped by the browser
 * whenever the page is hidden, so it is asked for again on every return to visibility. Absent API or a
 * refusal (no secure context, battery saver) is not an error: the kiosk works, the screen may dim.
 */
export class WakeLockController implements ReactiveController {
  private sentinel: WakeLockSentinel | undefined;
  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible') void this.acquire();
  };

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
    void this.acquire();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    void this.sentinel?.release().catch(() => undefined);
    this.sentinel = undefined;
  }

  private async acquire(): Promise<void> {
    if (!('wakeLock' in navigator) || document.visibilityState !== 'visible') return;
    try {
      this.sentinel = await navigator.wakeLock.request('screen');
    } catch {
      this.sentinel = undefined;
    }
  }
}
