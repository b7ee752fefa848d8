import * as z from 'zod/mini';
import { describeIssue } from './issues.js';
import { JURISDICTIONS, PURPOSES, SITE_KINDS, VISITOR_TYPES } from '../domain/codes.js';
import { fail, ok, type Result } from '../domain/errors.js';
import { OPTIONAL_FIELDS, type SiteConfig } from '../domain/site.js';
import { DENY_REASONS } from '../domain/visit.js';
import { isValidTimeZone, minutesOf } from '../domain/time.js';
import { keySetSchema, kidSchema, publicJwkSchema } from './invite.js';
import { localeSchema, localisedTextSchema } from './locale.js';
import { guardSettingsSchema } from './guard-settings.js';
import { lobbySettingsSchema } from './lobby-settings.js';

/** Longest site, unit or person id: ids go into attributes, URLs and keys, so they stay short slugs. */
const MAX_ID_LENGTH = 64;
/** Longest retention a site may configure for visit logs: ten years covers any legal hold set by policy. */
const MAX_RETENTION_DAYS = 3650;
/** Most embedding origins a site lists: a few company portals, not a list to maintain by the hundred. */
const MAX_EMBEDDING_ORIGINS = 20;
/** Most ledger subjects a site lists: a taxonomy longer than this stops showing recurring problems. */
const MAX_LEDGER_SUBJECTS = 100;
/** Most households one site may count (the largest estates have some tens of thousands). */
const MAX_HOUSEHOLDS = 1_000_000;
/** Longest silence a site may allow a kiosk before the health alert: a week. */
const MAX_SILENT_MINUTES = 7 * 24 * 60;
/**
 * A web origin exactly as browsers send it in `Origin`: lower-case scheme and host, an optional port, no
 * path, no trailing slash. `https` only, except `http://localhost` for development; never `*` or `null`.
 */
const originSchema = z.string().check(
  z.maxLength(200),
  z.regex(/^(?:https:\/\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|http:\/\/localhost)(?::\d{1,5})?$/, 'not an origin (https://host[:port], lower case, no path)'),
);

/** Longest directory text (a unit label, a name, a department, a phone): what fits a suggestion row. */
const MAX_DIRECTORY_TEXT = 80;

const idSchema = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'not an id (letters, digits, - and _)'), z.maxLength(MAX_ID_LENGTH));
const nonEmptyText = z.string().check(z.minLength(1), z.maxLength(MAX_DIRECTORY_TEXT));
/** `HH:MM`, 00:00 … 23:59. */
const clockTime = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'not a time HH:MM'));
/** A closing time may also be `24:00`, the end of the day (periods never run past midnight). */
const closingTime = z.string().check(z.regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'not a time HH:MM'));

const openingPeriodSchema = z
  .strictObject({
    weekday: z.literal([0, 1, 2, 3, 4, 5, 6]),
    open: clockTime,
    close: closingTime,
  })
  .check(z.refine((p) => minutesOf(p.open) < minutesOf(p.close), { message: 'opens after it closes', path: ['close'] }));

const receptionHoursSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('always') }),
  z.strictObject({ kind: z.literal('weekly'), periods: z.array(openingPeriodSchema) }),
]);

const directoryUnitSchema = z.strictObject({
  id: idSchema,
  label: nonEmptyText,
  phone: z.optional(nonEmptyText),
  absent: z.optional(z.boolean()),
});

const directoryPersonSchema = z.strictObject({
  id: idSchema,
  name: nonEmptyText,
  department: z.optional(nonEmptyText),
  unitId: z.optional(idSchema),
  phone: z.optional(nonEmptyText),
  absent: z.optional(z.boolean()),
});

/** Reports the first repeated id in a list, at that item's `id`, so the error names the exact entry. */
const uniqueIds = <T extends { id: string }>(what: string) =>
  z.superRefine<T[]>((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', message: `duplicate ${what} id`, path: [index, 'id'], input: item.id });
      seen.add(item.id);
    });
  });

/** A non-empty list without repeats (visitor types, purposes, documents). */
const choiceList = <T extends string>(values: readonly [T, ...T[]]) =>
  z.array(z.enum(values)).check(
    z.minLength(1),
    z.refine((list) => new Set(list).size === list.length, 'a value is listed twice'),
  );

const identityPolicySchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('sighted') }),
  z.strictObject({ mode: z.literal('record-number'), documents: choiceList(['hkid', 'cn-resident'] as const) }),
]);

/** Most host contacts a site lists: every flat of a large estate, with room to spare. */
const MAX_HOST_CONTACTS = 20_000;
/** A host link lasts at least 5 minutes (a host reading mail a little late) and at most a day (a link is for one arrival). */
const MIN_HOST_LINK_MINUTES = 5;
const MAX_HOST_LINK_MINUTES = 24 * 60;

const hostContactSchema = z.strictObject({
  kind: z.enum(['unit', 'person']),
  id: idSchema,
  email: z.optional(z.email().check(z.maxLength(254))),
  locale: z.optional(localeSchema),
});

/** The environment variables a site may name for its relay's password: only these, never DATABASE_URL or another secret of the hub. */
export const SMTP_PASSWORD_ENV_PATTERN = /^VK_SMTP_PASS_[A-Z0-9_]{1,40}$/;

const siteSmtpRelaySchema = z.strictObject({
  host: z.string().check(z.minLength(1), z.maxLength(253), z.regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or address')),
  port: z.number().check(z.int(), z.minimum(1), z.maximum(65_535)),
  secure: z.boolean(),
  from: z.email().check(z.maxLength(254)),
  user: z.optional(z.string().check(z.minLength(1), z.maxLength(254))),
  passwordEnv: z.optional(z.string().check(z.regex(SMTP_PASSWORD_ENV_PATTERN, 'VK_SMTP_PASS_ followed by capitals, digits or _'))),
});

/**
 * A site's configuration as it arrives from the hub or a file: strict (unknown keys are errors, so a typo in
 * a setting is caught rather than ignored), with a real IANA zone, periods that open before they close,
 * unique directory ids and people's units that exist.
 */
export const siteConfigSchema = z
  .strictObject({
    id: idSchema,
    name: localisedTextSchema,
    kind: z.enum(SITE_KINDS),
    jurisdiction: z.enum(JURISDICTIONS),
    timeZone: z.string().check(z.refine(isValidTimeZone, 'not an IANA time zone')),
    defaultLocale: localeSchema,
    receptionHours: receptionHoursSchema,
    directory: z
      .strictObject({
        units: z.array(directoryUnitSchema).check(uniqueIds('unit')),
        people: z.array(directoryPersonSchema).check(uniqueIds('person')),
      })
      .check(
        z.superRefine((dir, ctx) => {
          const units = new Set(dir.units.map((u) => u.id));
          dir.people.forEach((p, index) => {
            if (p.unitId !== undefined && !units.has(p.unitId)) {
              ctx.addIssue({ code: 'custom', message: 'no unit with this id', path: ['people', index, 'unitId'], input: p.unitId });
            }
          });
        }),
      ),
    allowFreeTextHost: z.boolean(),
    visitorTypes: choiceList(VISITOR_TYPES),
    purposes: choiceList(PURPOSES),
    requiredFields: z.array(z.enum(OPTIONAL_FIELDS)),
    identity: identityPolicySchema,
    retention: z.strictObject({
      visitDays: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_RETENTION_DAYS)),
      recordDays: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_RETENTION_DAYS))),
    }),
    privacy: z.strictObject({
      noticeVersion: z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH)),
      controller: localisedTextSchema,
      contact: localisedTextSchema,
    }),
    printer: z.optional(z.strictObject({ format: z.enum(['62mm', 'a6']) })),
    noPhotography: z.boolean(),
    keySet: z.optional(keySetSchema),
    sealKey: z.optional(z.strictObject({ kid: kidSchema, jwk: publicJwkSchema })),
    desk: z.optional(
      z.strictObject({
        numberedBadges: z.optional(z.boolean()),
        denyReasons: z.optional(choiceList(DENY_REASONS)),
      }),
    ),
    embedding: z.optional(
      z.strictObject({
        origins: z.array(originSchema).check(
          z.maxLength(MAX_EMBEDDING_ORIGINS),
          z.refine((list) => new Set(list).size === list.length, 'an origin is listed twice'),
        ),
      }),
    ),
    health: z.optional(z.strictObject({ silentMinutes: z.optional(z.number().check(z.int(), z.minimum(5), z.maximum(MAX_SILENT_MINUTES))) })),
    ledger: z.optional(
      z.strictObject({
        subjects: z.optional(
          z
            .array(z.strictObject({ code: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'not a subject code (a-z, 0-9, -)')), label: localisedTextSchema }))
            .check(
              z.maxLength(MAX_LEDGER_SUBJECTS),
              z.refine((list) => new Set(list.map((s) => s.code)).size === list.length, 'a subject code is listed twice'),
            ),
        ),
        // Reports' valid-complaint rate: complaints marked valid per household (src/domain/reports/ledger.ts).
        households: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_HOUSEHOLDS))),
      }),
    ),
    hosts: z.optional(
      z.strictObject({
        contacts: z.array(hostContactSchema).check(z.maxLength(MAX_HOST_CONTACTS)),
        linkMinutes: z.optional(z.number().check(z.int(), z.minimum(MIN_HOST_LINK_MINUTES), z.maximum(MAX_HOST_LINK_MINUTES))),
      }),
    ),
    smtp: z.optional(siteSmtpRelaySchema),
    guard: z.optional(guardSettingsSchema),
    lobby: z.optional(lobbySettingsSchema),
  });

// The schema and the domain type must describe the same thing: each must be assignable to the other.
type Assignable<From extends To, To> = [From, To];
export type SiteConfigMatchesSchema = [
  Assignable<z.infer<typeof siteConfigSchema>, SiteConfig>,
  Assignable<SiteConfig, z.infer<typeof siteConfigSchema>>,
];


/**
 * Parses a site configuration at the trust boundary. On failure: `config-invalid` with `details.path`, the
 * dotted path of the first problem (e.g. `receptionHours.periods.0.close`; for an unknown key, the key
 * itself), and `details.message`.
 */
export function parseSiteConfig(input: unknown): Result<SiteConfig> {
  const result = siteConfigSchema.safeParse(input);
  if (result.success) return ok(result.data);
  const issue = result.error.issues[0];
  if (!issue) return fail('config-invalid', { path: '', message: 'invalid' });
  const path = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
  return fail('config-invalid', { path: path.map(String).join('.'), message: describeIssue(issue) });
}
