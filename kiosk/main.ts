/**
 * The PWA entry of `/`: the kiosk element placed in the page by index.html, the service worker, and the
 * page-level things an element must not do to a host page (document title, `<html lang>`).
 */
import { messagesFor } from '../src/i18n/index.js';
import './define.js';
import { registerServiceWorker } from './sw-bridge.js';

const kiosk = document.querySelector('visitor-kiosk');

const mirrorLanguage = () => {
  if (!kiosk) return;
  const locale = kiosk.currentLocale;
  document.documentElement.lang = locale;
  document.title = messagesFor(locale).documentTitle;
};
kiosk?.addEventListener('vk-locale-change', mirrorLanguage);
void kiosk?.updateComplete.then(mirrorLanguage);

registerServiceWorker({
  url: '/sw.js',
  isIdle: () => !kiosk?.inUse,
});
