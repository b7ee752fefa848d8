/**
 * Frame mode (issue 9 item 1, docs/embedding-modes.md): `/embed/kiosk` and `/embed/desk` run on the hub's
 * origin inside a host portal's `<iframe>`. The host never touches our DOM, storage or service worker; it
 * talks to us by `postMessage` only, and only if the site lists its origin in `embedding.origins`:
 *
 * - in: a `vk-config` message (src/schemas/embed.ts) is applied only when its origin is configured, it comes
 *   from the window that frames us (`event.source === parent`), and it parses strictly. Anything else is
 *   dropped without a word — an answer would tell a prober what we accept.
 * - out: the CONTRACT.md events, posted with the host's exact origin as `targetOrigin` — never `'*'`, so if
 *   the frame were navigated into another page, the browser drops what we post.
 */
import { FRAME_EVENTS, embeddingOfSiteSchema, parseFrameConfig, type FrameConfig, type FrameMessage } from '../src/schemas/embed.js';

export interface FrameBridgeOptions {
  app: 'kiosk' | 'desk';
  /** The `<visitor-kiosk>` or `<visitor-desk>` of the frame page. */
  element: HTMLElement;
  /** Where the site's configuration (with `embedding.origins`) is read: the hub's `/site.json`. */
  siteSrc: string;
}

export interface FrameBridge {
  /** The origins this frame trusts: the site's embedding origins and the hub's own (its `/demo`). */
  readonly origins: Promise<ReadonlySet<string>>;
}

/** Reads the site's embedding origins; none (only our own origin) when the configuration cannot be read. */
async function loadOrigins(siteSrc: string): Promise<ReadonlySet<string>> {
  const origins = new Set<string>([location.origin]);
  try {
    const response = await fetch(siteSrc, { cache: 'no-cache' });
    const parsed = embeddingOfSiteSchema.safeParse(await response.json());
    if (parsed.success) for (const origin of parsed.data.embedding?.origins ?? []) origins.add(origin);
  } catch {
    // Offline with no cached copy: only the hub's own pages may talk to us until the next load.
  }
  return origins;
}

/** Applies a host's configuration: attributes the root elements observe, and `--vk-*` tokens through the CSSOM (CSP-safe). */
export function applyFrameConfig(element: HTMLElement, config: FrameConfig): void {
  if (config.lang) element.setAttribute('lang', config.lang);
  if (config.theme) element.setAttribute('theme', config.theme);
  for (const [name, value] of Object.entries(config.tokens ?? {})) element.style.setProperty(name, value);
}

export function startFrameBridge({ app, element, siteSrc }: FrameBridgeOptions): FrameBridge {
  const origins = loadOrigins(siteSrc);
  const framed = window.parent !== window;
  /** The framing page's origin once known: the browser's own record of it, else a configured origin that wrote to us. */
  let hostOrigin: string | undefined;

  const post = async (message: FrameMessage) => {
    if (!framed) return;
    const trusted = await origins;
    // Chromium and Safari name the framing page's origin; it must be a configured one.
    const ancestor = location.ancestorOrigins?.[0];
    const target = hostOrigin ?? (ancestor !== undefined && trusted.has(ancestor) ? ancestor : undefined);
    if (target !== undefined) window.parent.postMessage(message, target);
    // Elsewhere (Firefox has no ancestorOrigins) each configured origin in turn: the browser delivers the one
    // that matches the parent and drops the rest.
    else if (ancestor === undefined) for (const origin of trusted) window.parent.postMessage(message, origin);
  };

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (!framed || event.source !== window.parent) return;
    void origins.then((trusted) => {
      if (!trusted.has(event.origin)) return;
      const config = parseFrameConfig(event.data);
      if (!config) return;
      hostOrigin = event.origin;
      applyFrameConfig(element, config);
    });
  });

  for (const name of FRAME_EVENTS) {
    element.addEventListener(name, (event) => {
      // Details are plain objects of ids, codes and times (kiosk/events.ts): structured-cloneable as they are.
      void post({ type: 'vk-event', app, event: name, detail: (event as CustomEvent<unknown>).detail });
    });
  }
  void customElements.whenDefined(element.localName).then(() => post({ type: 'vk-ready', app }));
  return { origins };
}
