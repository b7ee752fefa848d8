/**
 * Schemas for the desk's rules (src/domain/rules): a site's rules configuration, a working-day calendar and
 * the watch list. All arrive from the hub or a configuration file, so they are strict (unknown keys are
 * errors — a misspelt setting is caught, not ignored) and a failure names the exact path of the first problem;
 * the caller keeps the configuration it had.
 */
import * as z from 'zod/mini';
import { describeIssue } from './issues.js';
import { PURPOSES, VISITOR_TYPES } from '../domain/codes.js';
import { fail, ok, type Result } from '../domain/errors.js';
import type { WorkingCalendar } from '../domain/calendars/types.js';
import { isDayKey } from '../domain/rules/calendar.js';
import { COVERS, ROLES, SCRIPT_KEYS, TASK_CODES, WATCH_KINDS } from '../domain/rules/codes.js';
import type { LastGoodRules, RulesConfig } from '../domain/rules/config.js';
import type { WatchListEntry } from '../domain/rules/watchlist.js';
import { MAX_PARTY_SIZE } from '../domain/walk-in-input.js';

/** Most patterns in one list: a site names a handful of types and purposes; hundreds would be a mistake. */
const MAX_PATTERNS = 64;
/** Most hops after the first: beyond four nobody is left to tell. */
const MAX_HOPS = 4;
/** Longest tour lead a site may set: a month covers any approval chain. */
const MAX_LEAD_DAYS = 31;
/** Longest lead or wait in minutes: one day. */
const MAX_MINUTES = 24 * 60;
/** Longest unacknowledged wait before escalation: an alert ignored for an hour is not an alert. */
const MAX_ESCALATION_MINUTES = 60;
/** Longest time the urgent tour's paperwork may follow: a month. */
const MAX_PAPERWORK_HOURS = 31 * 24;
/** Most holidays or make-up days in one calendar: about 40 a year for 25 years. */
const MAX_CALENDAR_ENTRIES = 1000;
/** Longest free text in configuration (a holiday's name, a source reference, a watch-list reason). */
const MAX_TEXT = 500;
/** Most watch-list entries on one site. */
const MAX_WATCH_ENTRIES = 5000;
/** Longest watch-list value: a name, an E.164 number or a base64url hash of up to 512 bits. */
const MAX_WATCH_VALUE = 128;

const idSchema = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'not an id (letters, digits, - and _)'));
const text = z.string().check(z.minLength(1), z.maxLength(MAX_TEXT));
const minutes = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

/** A list without repeats. */
const unique = <T>(what: string) => z.refine<T[]>((list) => new Set(list).size === list.length, `${what} listed twice`);

const patternSchema = z
  .strictObject({ visitorType: z.optional(z.enum(VISITOR_TYPES)), purpose: z.optional(z.enum(PURPOSES)) })
  .check(z.refine((p) => p.visitorType !== undefined || p.purpose !== undefined, 'a pattern needs a visitor type or a purpose'));
const patternsSchema = z.array(patternSchema).check(z.maxLength(MAX_PATTERNS));

const rolesSchema = z.array(z.enum(ROLES)).check(z.minLength(1), unique('a role'));
const classRouteSchema = z.strictObject({
  first: rolesSchema,
  next: z.array(rolesSchema).check(z.maxLength(MAX_HOPS)),
  mediaPresent: z.optional(z.array(z.enum(ROLES)).check(unique('a role'))),
  script: z.array(z.enum(SCRIPT_KEYS)).check(unique('a script key')),
});
const classRoutesSchema = z.strictObject({ A: classRouteSchema, B: classRouteSchema, C: classRouteSchema, watchlist: classRouteSchema });

const leadDays = z.int().check(z.minimum(0), z.maximum(MAX_LEAD_DAYS));

/** A site's rules (src/domain/rules/config.ts); see `DEFAULT_RULES` for the seeds' values. */
export const rulesConfigSchema = z.strictObject({
  classC: z.strictObject({ when: patternsSchema }),
  suggestions: z
    .array(z.strictObject({ class: z.enum(['A', 'B']), when: patternsSchema.check(z.minLength(1)), task: z.enum(TASK_CODES) }))
    .check(z.maxLength(MAX_PATTERNS)),
  // Only an invitation or the host's confirmation: the visitor's own answer is not in the enum, on purpose.
  coveredBy: z.array(z.enum(COVERS)).check(unique('a cover')),
  tours: z.strictObject({
    when: patternsSchema,
    leadDays: z.strictObject({ group: leadDays, vip: leadDays, ordinary: leadDays }),
    adHocLeadMinutes: minutes(0, MAX_MINUTES),
    groupFromDepartments: z.int().check(z.minimum(2), z.maximum(MAX_PATTERNS)),
    urgent: z.strictObject({ minLeadMinutes: minutes(0, MAX_MINUTES), paperworkDueHours: minutes(1, MAX_PAPERWORK_HOURS) }),
  }),
  routing: z.strictObject({
    preset: z.enum(['company-office', 'management-office', 'custom']),
    office: classRoutesSchema,
    afterHours: classRoutesSchema,
  }),
  escalation: z.strictObject({ unacknowledgedMinutes: minutes(1, MAX_ESCALATION_MINUTES) }),
  helpCalls: z.optional(z.strictObject({ next: z.array(rolesSchema).check(z.maxLength(MAX_HOPS)) })),
  largePartySize: z.int().check(z.minimum(2), z.maximum(MAX_PARTY_SIZE)),
});

/** Longest rules-file address kept with the last good rules. */
const MAX_RULES_SOURCE = 2048;

/** The last good rules a desk keeps for a site (`desk-meta`, key `rules:<siteId>`). */
export const lastGoodRulesSchema = z.strictObject({
  siteId: z.string().check(z.minLength(1), z.maxLength(128)),
  source: z.string().check(z.minLength(1), z.maxLength(MAX_RULES_SOURCE)),
  savedAt: z.iso.datetime(),
  rules: rulesConfigSchema,
});

const dayKeySchema = z.string().check(z.refine(isDayKey, 'not a date YYYY-MM-DD'));

/** Reports the first date listed twice in a list of dated entries, at that entry's `date`. */
const uniqueDates = (what: string) =>
  z.superRefine<{ date: string }[]>((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.date)) ctx.addIssue({ code: 'custom', message: `${what} listed twice`, path: [index, 'date'], input: entry.date });
      seen.add(entry.date);
    });
  });

/**
 * A working-day calendar (src/domain/calendars): real dates, coverage that runs forwards, no date both a
 * holiday and a make-up working day, and every entry after `coverage.to` marked provisional.
 */
export const workingCalendarSchema = z
  .strictObject({
    id: idSchema,
    weekend: z.array(z.literal([0, 1, 2, 3, 4, 5, 6])).check(z.maxLength(6), unique('a weekday')),
    coverage: z
      .strictObject({ from: dayKeySchema, to: dayKeySchema })
      .check(z.refine((c) => c.from <= c.to, { message: 'coverage ends before it starts', path: ['to'] })),
    provisionalTo: z.optional(dayKeySchema),
    holidays: z
      .array(z.strictObject({ date: dayKeySchema, name: text, provisional: z.optional(z.boolean()) }))
      .check(z.maxLength(MAX_CALENDAR_ENTRIES), uniqueDates('a holiday')),
    workingDays: z.array(z.strictObject({ date: dayKeySchema, name: text })).check(z.maxLength(MAX_CALENDAR_ENTRIES), uniqueDates('a working day')),
    sources: z.array(z.strictObject({ covers: text, status: z.enum(['official', 'derived']), reference: text })),
  })
  .check(
    z.superRefine((cal, ctx) => {
      if (cal.provisionalTo !== undefined && cal.provisionalTo < cal.coverage.to) {
        ctx.addIssue({ code: 'custom', message: 'provisional data end before the official data', path: ['provisionalTo'], input: cal.provisionalTo });
      }
      const off = new Set(cal.holidays.map((h) => h.date));
      cal.workingDays.forEach((w, index) => {
        if (off.has(w.date)) ctx.addIssue({ code: 'custom', message: 'a date is both a holiday and a working day', path: ['workingDays', index, 'date'], input: w.date });
      });
      cal.holidays.forEach((h, index) => {
        if (h.date > cal.coverage.to && h.provisional !== true) {
          ctx.addIssue({ code: 'custom', message: 'an entry after coverage.to must be provisional', path: ['holidays', index, 'provisional'], input: h.provisional });
        }
      });
    }),
  );

const E164 = /^\+[1-9]\d{6,14}$/;
const BASE64URL = /^[A-Za-z0-9_-]{22,86}$/;

/** One watch-list entry: a phone in E.164, an ID hash in base64url, a name with at least one letter. */
export const watchListEntrySchema = z
  .strictObject({
    id: idSchema,
    kind: z.enum(WATCH_KINDS),
    value: z.string().check(z.minLength(1), z.maxLength(MAX_WATCH_VALUE)),
    reason: text,
    approvedBy: idSchema,
    expiresAt: z.iso.datetime(),
  })
  .check(
    z.superRefine((entry, ctx) => {
      const valid = entry.kind === 'phone' ? E164.test(entry.value) : entry.kind === 'id-hash' ? BASE64URL.test(entry.value) : /\p{L}/u.test(entry.value);
      if (!valid) ctx.addIssue({ code: 'custom', message: `not a valid ${entry.kind}`, path: ['value'], input: entry.value });
    }),
  );

/** A site's watch list: unique ids. */
export const watchListSchema = z.array(watchListEntrySchema).check(
  z.maxLength(MAX_WATCH_ENTRIES),
  z.superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', message: 'an entry id listed twice', path: [index, 'id'], input: entry.id });
      seen.add(entry.id);
    });
  }),
);

// The schemas and the domain types must describe the same things: each must be assignable to the other.
type Assignable<From extends To, To> = [From, To];
export type RulesSchemasMatchDomain = [
  Assignable<z.infer<typeof rulesConfigSchema>, RulesConfig>,
  Assignable<RulesConfig, z.infer<typeof rulesConfigSchema>>,
  Assignable<z.infer<typeof workingCalendarSchema>, WorkingCalendar>,
  Assignable<WorkingCalendar, z.infer<typeof workingCalendarSchema>>,
  Assignable<z.infer<typeof watchListEntrySchema>, WatchListEntry>,
  Assignable<WatchListEntry, z.infer<typeof watchListEntrySchema>>,
  Assignable<z.infer<typeof lastGoodRulesSchema>, LastGoodRules>,
  Assignable<LastGoodRules, z.infer<typeof lastGoodRulesSchema>>,
];


/**
 * `config-invalid` with `details.path`, the dotted path of the first problem (for an unknown key, the key
 * itself, e.g. `routing.office.C.frist`), and `details.message`.
 */
function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown): Result<T> {
  const result = schema.safeParse(input);
  if (result.success) return ok(result.data);
  const issue = result.error.issues[0];
  if (!issue) return fail('config-invalid', { path: '', message: 'invalid' });
  const path = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
  return fail('config-invalid', { path: path.map(String).join('.'), message: describeIssue(issue) });
}

/** Parses a site's rules. On failure `config-invalid` with the path of the first error; keep the old rules. */
export const parseRulesConfig = (input: unknown): Result<RulesConfig> => parseWith<RulesConfig>(rulesConfigSchema, input);

/** Parses a working-day calendar (e.g. the mainland's 2027 arrangement once published). */
export const parseWorkingCalendar = (input: unknown): Result<WorkingCalendar> => parseWith<WorkingCalendar>(workingCalendarSchema, input);

/** Parses a site's watch list. */
export const parseWatchList = (input: unknown): Result<WatchListEntry[]> => parseWith<WatchListEntry[]>(watchListSchema, input);
