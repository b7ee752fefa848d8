import { en } from './en.js';
import type { Messages } from './messages.js';
import { zhHans } from './zh-Hans.js';
import { zhHant } from './zh-Hant.js';

export type { Messages, NoticeFacts } from './messages.js';

/** The kiosk's languages, in the order the welcome screen offers them. */
export const LOCALE_TAGS = ['en', 'zh-Hant', 'zh-Hans'] as const;
export type LocaleTag = (typeof LOCALE_TAGS)[number];

/** Each language's own name: a language button must be readable by the people who need it. */
export const LANGUAGE_NAMES: Record<LocaleTag, string> = { en: 'English', 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文' };

export const CATALOGUES: Record<LocaleTag, Messages> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** The catalogue of a locale. */
export const messagesFor = (locale: LocaleTag): Messages => CATALOGUES[locale];

export const isLocaleTag = (value: unknown): value is LocaleTag =>
  typeof value === 'string' && (LOCALE_TAGS as readonly string[]).includes(value);

/**
 * Maps any BCP 47 tag to one of ours: Hong Kong, Macau, Taiwan and explicit Hant → 繁體; the mainland,
 * Singapore, explicit Hans and bare `zh` → 简体; English → English. Unknown → undefined.
 */
export function matchLocale(tag: string | null | undefined): LocaleTag | undefined {
  if (!tag) return undefined;
  const t = tag.toLowerCase();
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (!(t === 'zh' || t.startsWith('zh-'))) return undefined;
  if (t.includes('hant') || /-(hk|mo|tw)\b/.test(t)) return 'zh-Hant';
  return 'zh-Hans';
}

/**
 * The kiosk's language (CONTRACT.md): the element's `lang` attribute, then the page's, then the browser's
 * preferences, then English.
 */
export function resolveLocale(candidates: readonly (string | null | undefined)[]): LocaleTag {
  for (const c of candidates) {
    const m = matchLocale(c);
    if (m) return m;
  }
  return 'en';
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Date and time in the visitor's language and the site's time zone (formatters are cached: Intl is slow to build). */
export function formatDateTime(at: Date, locale: LocaleTag, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(CATALOGUES[locale].locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    dateTimeFormats.set(key, f);
  }
  return f.format(at);
}
