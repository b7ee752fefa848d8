import type { Jurisdiction, Locale, Purpose, SiteKind, VisitorType } from './codes.js';
import type { DenyReason } from './visit.js';
import type { GuardSettings } from './guard.js';
import type { LobbySettings } from './lobby/parcel.js';

/** Text a site provides in each language it serves (names, the privacy notice's contact, a unit label). */
export type LocalisedText = Record<Locale, string>;

/** One opening period on one weekday (0 = Sunday … 6 = Saturday), local time `HH:MM`, end exclusive. */
export interface OpeningPeriod {
  weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  open: string;
  close: string;
}

/** Reception hours: around the clock, or a list of weekly periods (e.g. Mon–Fri 9–12 and 14–17). */
export type ReceptionHours = { kind: 'always' } | { kind: 'weekly'; periods: OpeningPeriod[] };

export interface DirectoryUnit {
  id: string;
  /** What visitors type and see, e.g. "12B" or "Tower 2, 12/F, Flat B". */
  label: string;
  /** The intercom or phone number the desk uses to reach the unit. */
  phone?: string;
  /** The occupants are away: the visitor is offered to leave a message instead of waiting. */
  absent?: boolean;
}

export interface DirectoryPerson {
  id: string;
  name: string;
  /** A department or office, shown next to the name on commercial and office sites. */
  department?: string;
  unitId?: string;
  phone?: string;
  absent?: boolean;
}

/**
 * Identity policy (DOMAIN.md, Privacy). The default, `sighted`, asks the visitor to show an ID to staff and
 * records no number; `record-number` is for sites that must keep one and accepts the listed documents.
 */
export type IdentityPolicy =
  | { mode: 'sighted' }
  | { mode: 'record-number'; documents: ('hkid' | 'cn-resident')[] };

/** Fields a site may make obligatory beyond name, type, purpose and host. */
export const OPTIONAL_FIELDS = ['phone', 'organisation'] as const;
export type OptionalField = (typeof OPTIONAL_FIELDS)[number];

/**
 * Public keys that verify invitations and passes on the device, with no network (src/invite). Declared
 * structurally here because the domain imports no schema; `src/schemas/invite.ts` validates it.
 */
export interface KeySetConfig {
  keys: { kid: string; jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string }; status: 'current' | 'previous' | 'revoked' }[];
}

/** How the reception desk works at this site (the kiosk ignores it). */
export interface DeskSettings {
  /**
   * The site hands out numbered badges: **Confirm check-in** then needs the badge number. Without it the
   * desk still offers the field, and the number is optional.
   */
  numberedBadges?: boolean;
  /** The reasons **Deny** offers, in this order (default: every `DENY_REASONS` code). `other`, with words, is always offered. */
  denyReasons?: DenyReason[];
}

/**
 * How the hub reaches a host with the one-time answer link (issue 6, "the host's answer"). Hub-only: the hub
 * strips `hosts` from the configuration it serves kiosks and desks, so no address reaches a lobby tablet.
 */
export interface HostContact {
  kind: 'unit' | 'person';
  /** The directory id of the unit or person visited. */
  id: string;
  /** Where the link is e-mailed; absent: only the site's webhook bridge (`host.answer-requested`) reaches the host. */
  email?: string;
  /** The host's language for the mail and the answer page; absent: the site's default language. */
  locale?: Locale;
}

/**
 * The site's own SMTP relay (issue 6, "e-mail through the site's SMTP relay"); absent: the hub's relay from the
 * environment (VK_SMTP_HOST…). Hub-only, stripped like `hosts` from what kiosks and desks read. No password
 * here: `passwordEnv` names the hub's environment variable holding it (`VK_SMTP_PASS_` + a name), so it never
 * rests in the database, a backup or a configuration export.
 */
export interface SiteSmtpRelay {
  host: string;
  port: number;
  /** true: TLS from the first byte (usually 465); false: plain, upgraded with STARTTLS when offered (587). */
  secure: boolean;
  /** The sender address of this site's mail. */
  from: string;
  user?: string;
  passwordEnv?: string;
}

/** The hosts the hub may ask "Coming down / Let them up / Not expected", and how long a link lasts. */
export interface HostDirectory {
  contacts: HostContact[];
  /** Minutes a link stays valid (default: the hub's HOST_LINK_DEFAULT_MINUTES). */
  linkMinutes?: number;
}

/**
 * How long a closed complaint or other ledger entry is kept when the site names no `retention.recordDays`:
 * three years, long enough for a complaint to come back or reach an ombudsman, short of keeping it for ever.
 */
export const DEFAULT_RECORD_DAYS = 3 * 365;

/** Everything the kiosk needs to know about the site it stands in. */
export interface SiteConfig {
  id: string;
  name: LocalisedText;
  kind: SiteKind;
  jurisdiction: Jurisdiction;
  /** IANA time zone: day keys, reception hours and clocks are all in the site's local time. */
  timeZone: string;
  defaultLocale: Locale;
  receptionHours: ReceptionHours;
  directory: { units: DirectoryUnit[]; people: DirectoryPerson[] };
  /** Accept a unit typed freely (e.g. "12B") when it is not in the directory. */
  allowFreeTextHost: boolean;
  visitorTypes: VisitorType[];
  purposes: Purpose[];
  requiredFields: OptionalField[];
  identity: IdentityPolicy;
  /**
   * Visit logs are kept `visitDays`; complaints and other ledger entries, once closed (resolved or followed
   * up), `recordDays` after their last change (default DEFAULT_RECORD_DAYS: longer, by policy) — hub/retention.ts.
   */
  retention: { visitDays: number; recordDays?: number };
  privacy: {
    /** Version of the notice's wording; stored with each consent. */
    noticeVersion: string;
    /** Who collects the data (the data user / personal information handler). */
    controller: LocalisedText;
    /** Whom to contact for access or correction. */
    contact: LocalisedText;
  };
  /** A label printer or an A6 printer; absent: the kiosk never prints (and never shows a print dialog). */
  printer?: { format: '62mm' | 'a6' };
  /** The site asks visitors not to take photographs (badge note). */
  noPhotography: boolean;
  /** Keys trusted for invitations and passes; absent: this kiosk admits walk-ins only. */
  keySet?: KeySetConfig;
  /**
   * The hub's public sealing key (src/invite/seal.ts). Where the site records identity numbers, the kiosk
   * seals each number to it so the tablet never holds one it can read back; absent (no hub): only the last
   * four characters are kept.
   */
  sealKey?: { kid: string; jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string } };
  /** The reception desk's settings; absent: the defaults of `DeskSettings`. */
  desk?: DeskSettings;
  /**
   * Pages of the company's own (an intranet portal) that call the hub's API from a browser: their origins
   * (`https://portal.example.com`, no path) get CORS answers on `/api/v1`; absent: no origin but the hub's own.
   */
  embedding?: { origins: string[] };
  /** The hub's health checks at this site; absent: the hub's defaults. */
  health?: {
    /** Minutes without contact after which a kiosk counts as silent and the desk is alerted (default 60). */
    silentMinutes?: number;
  };
  /** The front-desk ledger (issue 8); absent: the defaults (src/domain/ledger/subjects.ts). */
  ledger?: {
    /** The subject taxonomy staff file contacts under (codes stable, labels in three languages); absent or empty: the default list. */
    subjects?: { code: string; label: LocalisedText }[];
    /** Households the site serves: the denominator of the valid-complaint rate in reports (absent: no rate). */
    households?: number;
  };
  /** The guard's registers (src/domain/guard.ts): carried items asked at registration, the restricted rooms; absent: off, and the two default rooms. */
  /** Hosts who get a one-time answer link when a visitor for them registers (hub-only; see `HostDirectory`). */
  hosts?: HostDirectory;
  /** The site's SMTP relay for its e-mail (hub-only; see `SiteSmtpRelay`); absent: the hub's relay. */
  smtp?: SiteSmtpRelay;
  guard?: GuardSettings;
  /** The courier and food-delivery lane and the parcel log (src/domain/lobby/parcel.ts); absent: the defaults. */
  lobby?: LobbySettings;
}

/** Whether the site's directory may be searched by residents' names: never on a residential site. */
export const suggestsPeople = (site: Pick<SiteConfig, 'kind'>): boolean => site.kind !== 'residential';
