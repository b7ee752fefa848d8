/**
 * The host-portal demo (`/demo`, issue 9 item 6): what a property company's own "Visitors" page does with our
 * two tags — in the page (`?embed=page`, the default: our modules loaded, the elements in its DOM) or in
 * frames served by the hub (`?embed=frame`: no script of ours in the page; `postMessage` only). It listens to
 * the CONTRACT.md events and writes them in its own log, and switches theme and language.
 *
 * Written as a host would write it: it uses only the public surface (the tags, their attributes, the events,
 * the frame messages of docs/embedding-modes.md) — never our internals.
 */

import './trusted-types.js';

type Mode = 'page' | 'frame';
type App = 'kiosk' | 'desk';

/** The CONTRACT.md events a host listens to. */
const EVENTS = ['vk-visit-registered', 'vk-visit-checked-in', 'vk-visit-checked-out', 'vk-sync-state-change', 'vk-visit-flagged'] as const;
/** Most lines the log keeps: a demo page, not an archive. */
const MAX_LOG_LINES = 50;

const mode: Mode = new URLSearchParams(location.search).get('embed') === 'frame' ? 'frame' : 'page';
/** The hub serving the frames: this page's own hub here; a portal on another origin names its hub's URL. */
const hubOrigin = location.origin;

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`demo.html has no #${id}`);
  return element as T;
};

const themeSelect = byId<HTMLSelectElement>('theme');
const languageSelect = byId<HTMLSelectElement>('language');
const log = byId<HTMLOListElement>('log');

/** One line in the portal's log. Text only (textContent): even ids are never parsed as markup. */
function logEvent(source: string, name: string, detail: unknown): void {
  byId('log-empty').hidden = true;
  const item = document.createElement('li');
  const time = document.createElement('time');
  const now = new Date();
  time.dateTime = now.toISOString();
  time.textContent = now.toLocaleTimeString('en-GB');
  const what = document.createElement('strong');
  what.textContent = name;
  const from = document.createElement('span');
  from.className = 'source';
  from.textContent = source;
  const data = document.createElement('code');
  data.textContent = JSON.stringify(detail);
  item.append(time, ' ', what, ' ', from, document.createElement('br'), data);
  log.prepend(item);
  while (log.children.length > MAX_LOG_LINES) log.lastElementChild?.remove();
}

for (const [id, current] of [['mode-page', mode === 'page'], ['mode-frame', mode === 'frame']] as const) {
  if (current) byId(id).setAttribute('aria-current', 'page');
}

const kioskSlot = byId('kiosk-slot');
const deskSlot = byId('desk-slot');

if (mode === 'page') {
  // In the page: one module per tag (the package's `visitor-kiosk` and `visitor-desk` entries).
  const kiosk = document.createElement('visitor-kiosk');
  kiosk.setAttribute('config-src', '/site.json');
  kiosk.setAttribute('lang', languageSelect.value);
  const desk = document.createElement('visitor-desk');
  for (const [name, value] of [['hub', '/'], ['config-src', '/site.json'], ['rules-src', '/rules.json']]) desk.setAttribute(name!, value!);
  kioskSlot.append(kiosk);
  deskSlot.append(desk);
  for (const [element, app] of [[kiosk, 'kiosk'], [desk, 'desk']] as const) {
    for (const name of EVENTS) element.addEventListener(name, (event) => logEvent(`${app}, in the page`, name, (event as CustomEvent<unknown>).detail));
  }
  themeSelect.addEventListener('change', () => {
    for (const element of [kiosk, desk]) element.setAttribute('theme', themeSelect.value);
  });
  languageSelect.addEventListener('change', () => kiosk.setAttribute('lang', languageSelect.value));
  void import('../kiosk/define.js');
  void import('../desk/define.js');
  // Offline in the page needs our service worker at the portal's scope (docs/embedding-modes.md): the portal
  // serves /sw.js from its own origin and registers it. Without it the kiosk still works online and queues.
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
} else {
  // In frames: our origin, storage and service worker stay the hub's; the portal talks by postMessage only.
  const frames = new Map<Window, App>();
  const frameOf = (app: App, title: string): HTMLIFrameElement => {
    const frame = document.createElement('iframe');
    frame.src = `${hubOrigin}/embed/${app}`;
    frame.title = title;
    frame.className = `frame frame-${app}`;
    if (app === 'kiosk') frame.allow = 'camera';
    return frame;
  };
  const kioskFrame = frameOf('kiosk', 'Lobby kiosk (frame)');
  const deskFrame = frameOf('desk', 'Reception desk (frame)');
  kioskSlot.append(kioskFrame);
  deskSlot.append(deskFrame);
  for (const [frame, app] of [[kioskFrame, 'kiosk'], [deskFrame, 'desk']] as const) if (frame.contentWindow) frames.set(frame.contentWindow, app);

  const configure = (frame: HTMLIFrameElement, config: Record<string, string>) =>
    // Exactly the hub's origin: if the frame has been navigated elsewhere, the browser drops the message.
    frame.contentWindow?.postMessage({ type: 'vk-config', ...config }, hubOrigin);

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    // Only our two frames, and only from the hub's origin.
    const from = frames.get(event.source as Window);
    if (event.origin !== hubOrigin || from === undefined) return;
    const data = event.data as { type?: unknown; event?: unknown; detail?: unknown };
    if (data.type === 'vk-ready') {
      const frame = from === 'kiosk' ? kioskFrame : deskFrame;
      configure(frame, from === 'kiosk' ? { theme: themeSelect.value, lang: languageSelect.value } : { theme: themeSelect.value });
    } else if (data.type === 'vk-event' && typeof data.event === 'string') logEvent(`${from}, in a frame`, data.event, data.detail);
  });
  themeSelect.addEventListener('change', () => {
    configure(kioskFrame, { theme: themeSelect.value });
    configure(deskFrame, { theme: themeSelect.value });
  });
  languageSelect.addEventListener('change', () => configure(kioskFrame, { lang: languageSelect.value }));
}

// The portal's own chrome follows the theme too (its own stylesheet, not ours).
themeSelect.addEventListener('change', () => (document.documentElement.dataset['theme'] = themeSelect.value));
