/**
 * Stable codes for visitor types and purposes (CONTRACT.md). Codes are stored in records, sent to the hub
 * and put in desk events, so they never change once shipped; wording lives in src/i18n.
 */

/** Visitor types in the order the kiosk offers them. */
export const VISITOR_TYPES = [
  'resident',
  'visiting-resident',
  'business',
  'contractor',
  'courier',
  'food-delivery',
  'domestic-helper',
  'estate-agent',
  'job-applicant',
  'staff',
  'media',
  'government',
  'tour-group',
] as const;
export type VisitorType = (typeof VISITOR_TYPES)[number];

/** Purposes in the order the kiosk offers them: plain words for visitors, not the desk's ledger categories. */
export const PURPOSES = [
  'enquiry',
  'repair',
  'payment',
  'collect-parcel',
  'paperwork',
  'paid-service',
  'suggestion',
  'complaint',
  'meeting',
  'delivery',
  'job-interview',
  'media-interview',
  'inspection',
  'tour',
  'other',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** The three languages of the kiosk; BCP 47 tags, also used as `lang` attribute values. */
export const LOCALES = ['en', 'zh-Hant', 'zh-Hans'] as const;
export type Locale = (typeof LOCALES)[number];

/** Kinds of site: they change what the kiosk may show (a residential lobby never lists residents' names). */
export const SITE_KINDS = ['residential', 'commercial', 'company-office'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/**
 * Jurisdiction decides the privacy wording and law: Hong Kong (PDPO: "I have read" the notice) or the
 * mainland (PIPL: consent, and a separate consent for an identity number).
 */
export const JURISDICTIONS = ['HK', 'CN'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
