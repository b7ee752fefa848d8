/**
 * Reports on the wire (issue 8 item 6): `GET /api/v1/reports/summary?period=2026-11` and the export kinds of
 * `GET /api/v1/exports`. zod/mini, as the other wire schemas, so the desk parses the same shape the hub sends.
 * A report is counts and rates only (src/domain/reports/report.ts): nothing in it names a person.
 */
import { z } from 'zod/mini';
import { REPORT_PERIOD_KINDS } from '../domain/reports/period.js';

/** What can be exported for a date range, and in which formats. */
export const EXPORT_KINDS = ['visits', 'incidents', 'ledger', 'parcels'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Most keys one section may have: a year's days, with room. */
const MAX_SECTION_KEYS = 400;
const MAX_SECTIONS = 100;
const MAX_ID = 64;
const MAX_SITES = 1000;

const count = z.int().check(z.minimum(0));
const sectionId = z.string().check(z.minLength(1), z.maxLength(MAX_ID));
const dayKey = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const countsSectionSchema = z.strictObject({
  kind: z.literal('counts'),
  id: sectionId,
  keys: z.array(z.string().check(z.maxLength(MAX_ID))).check(z.maxLength(MAX_SECTION_KEYS)),
  counts: z.record(z.string().check(z.maxLength(MAX_ID)), count),
  total: count,
  crossSite: z.boolean(),
});

export const rateSectionSchema = z.strictObject({
  kind: z.literal('rate'),
  id: sectionId,
  numerator: count,
  denominator: count,
  // Not capped at 1: valid complaints per household could, in a bad month on a small site, exceed one.
  rate: z.nullable(z.number().check(z.minimum(0))),
  crossSite: z.boolean(),
});

export const reportSchema = z.strictObject({
  period: z.strictObject({ kind: z.enum(REPORT_PERIOD_KINDS), label: z.string().check(z.maxLength(16)), from: dayKey, to: dayKey }),
  sites: count,
  sections: z.array(z.discriminatedUnion('kind', [countsSectionSchema, rateSectionSchema])).check(z.maxLength(MAX_SECTIONS)),
});

/**
 * A site manager gets their site (`scope: 'site'`, `sites` holding that one site); the company role the sum of
 * all its sites' cross-site sections (`scope: 'company'`) and each site's cross-site sections by site id.
 */
export const reportReplySchema = z.strictObject({
  scope: z.enum(['site', 'company']),
  report: reportSchema,
  sites: z.array(z.strictObject({ siteId: z.string().check(z.maxLength(MAX_ID)), report: reportSchema })).check(z.maxLength(MAX_SITES)),
});
export type ReportReply = z.infer<typeof reportReplySchema>;

const optionalDay = z.optional(dayKey);

/** `GET /api/v1/reports/summary` query: the period's label (`2026-11`, `2026-W48`, `2026-H2`, `2026`) and a format. */
export const reportQuerySchema = z.strictObject({
  period: z.string().check(z.regex(/^\d{4}(?:-(?:\d{2}|W\d{2}|H[12]))?$/)),
  format: z.optional(z.enum(['json', ...EXPORT_FORMATS])),
});

/** `GET /api/v1/exports` query: what, the file format, and local days from … to (inclusive; either may be left open). */
export const exportQuerySchema = z.strictObject({
  what: z.enum(EXPORT_KINDS),
  format: z.enum(EXPORT_FORMATS),
  from: optionalDay,
  to: optionalDay,
});
