/**
 * The elements' public face, as a host page sees it: attributes, properties and methods, with no Lit, zod or
 * idb types in sight (the package bundles those and declares none of them as dependencies). test/package/
 * conformance.ts checks at every `npm run typecheck` that the real classes still implement these interfaces.
 */

/** The kiosk's and the desk's languages. */
export type VisitorKioskLocale = 'en' | 'zh-Hant' | 'zh-Hans';

/** `light` (default), `dark`, `high-contrast`, or `auto` (dark when the device prefers it); see docs/theming.md. */
export type VisitorKioskTheme = '' | 'light' | 'dark' | 'high-contrast' | 'auto';

/** `<visitor-kiosk>`: the lobby kiosk. */
export interface VisitorKioskElement extends HTMLElement {
  /** Idle reset in seconds (attribute `idle-timeout`; default 60, honoured down to 1). */
  idleTimeout: number;
  /** Base URL of a hub (attribute `hub`); empty = standalone, nothing leaves the device. */
  hub: string;
  /** Site id (attribute `site`): a built-in site (`demo`, `demo-cn`) until a paired kiosk gets its hub's. */
  site: string;
  /** URL of a site configuration JSON (attribute `config-src`), validated on arrival; a hub's wins. */
  configSrc: string;
  /** IndexedDB database name (property only; default `visitor-kiosk`). */
  dbName: string;
  /** The colour theme (attribute `theme`, reflected). */
  theme: VisitorKioskTheme;
  /** The language shown now. */
  readonly currentLocale: VisitorKioskLocale;
  /** Whether a visitor is using the kiosk (any screen but the welcome screen). */
  readonly inUse: boolean;
  /** Clears everything about the current visitor and shows the welcome screen in the default language. */
  reset(): void;
  /** Switches the language, as the welcome screen's buttons do (until the next reset). */
  setLanguage(locale: VisitorKioskLocale): void;
}

/** `<visitor-desk>`: the receptionist's and the guard's console. */
export interface VisitorDeskElement extends HTMLElement {
  /** `en`, `zh-Hant` or `zh-Hans` (attribute `lang`); empty: the page's, then the browser's. */
  lang: string;
  /** Base URL of a hub (attribute `hub`); empty = this device's records only. */
  hub: string;
  /** Hub mode: the site to sign in at (attribute `site`). */
  site: string;
  /** URL of a site configuration JSON (attribute `config-src`). */
  configSrc: string;
  /** URL of the site's rules file (attribute `rules-src`); empty: the presets for the site's kind. */
  rulesSrc: string;
  /** URL of the staff list, PIN hashes only (attribute `staff-src`), for a desk without a hub. */
  staffSrc: string;
  /** IndexedDB database name (property only; default `visitor-kiosk`, shared with a kiosk on the same origin). */
  dbName: string;
  /** The colour theme (attribute `theme`, reflected). */
  theme: VisitorKioskTheme;
  /** Signs the current staff member out. */
  signOut(): void;
  /** Back to the sign-in screen with no filter or search. */
  reset(): void;
  /** Switches the console's language, as setting `lang` does. */
  setLanguage(locale: VisitorKioskLocale): void;
}
