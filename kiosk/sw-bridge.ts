/**
 * The only user of workbox-window. Registers the service worker that precaches the built app so the kiosk
 * starts with no network, and applies an update only while the kiosk is idle: a new version must never
 * reload the page under a visitor's fingers.
 */
import { Workbox } from 'workbox-window';

/** How often an idle kiosk checks for a waiting update. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export interface SwBridgeOptions {
  /** Script URL of the service worker (built by vite-plugin-pwa). */
  url: string;
  /** Whether nobody is using the kiosk right now (the welcome screen, untouched). */
  isIdle: () => boolean;
}

export function registerServiceWorker({ url, isIdle }: SwBridgeOptions): void {
  if (!('serviceWorker' in navigator)) return; // not a secure context, or an old browser: online only
  const wb = new Workbox(url, { type: 'classic' });
  let waiting = false;
  const applyWhenIdle = () => {
    if (!waiting) return;
    if (isIdle()) {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    } else setTimeout(applyWhenIdle, 5000);
  };
  wb.addEventListener('waiting', () => {
    waiting = true;
    applyWhenIdle();
  });
  void wb.register().catch(() => undefined);
  setInterval(() => void wb.update().catch(() => undefined), UPDATE_CHECK_MS);
}
