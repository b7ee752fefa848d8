/**
 * The site's subject taxonomy: what a contact is about (a leaking pipe, the lifts, noise …), so recurring
 * problems show up in the monthly figures. A site lists its own in `SiteConfig.ledger.subjects`; without one,
 * the default below — the topics the seeds' 物業 desks meet most (003 客戶服務部部門職責, 001 入伙 and 報修).
 * Codes are stored in entries and never renamed; labels are the site's text in all three languages.
 */
import type { LocalisedText, SiteConfig } from '../site.js';

export interface LedgerSubject {
  /** Stable code: lower-case letters, digits and hyphens. */
  code: string;
  label: LocalisedText;
}

export const DEFAULT_LEDGER_SUBJECTS: readonly LedgerSubject[] = [
  { code: 'plumbing', label: { en: 'Water and plumbing', 'zh-Hant': '水喉及渠務', 'zh-Hans': '给排水' } },
  { code: 'electrical', label: { en: 'Electrical and lighting', 'zh-Hant': '電力及照明', 'zh-Hans': '电力及照明' } },
  { code: 'lifts', label: { en: 'Lifts', 'zh-Hant': '升降機', 'zh-Hans': '电梯' } },
  { code: 'security', label: { en: 'Security and access', 'zh-Hant': '保安及出入', 'zh-Hans': '安保及出入' } },
  { code: 'cleaning', label: { en: 'Cleaning and refuse', 'zh-Hant': '清潔及垃圾', 'zh-Hans': '清洁及垃圾' } },
  { code: 'noise', label: { en: 'Noise and neighbours', 'zh-Hant': '噪音及鄰居', 'zh-Hans': '噪音及邻里' } },
  { code: 'parking', label: { en: 'Parking', 'zh-Hant': '泊車', 'zh-Hans': '停车' } },
  { code: 'fees', label: { en: 'Management fees and payments', 'zh-Hant': '管理費及繳費', 'zh-Hans': '物业费及缴费' } },
  { code: 'renovation', label: { en: 'Renovation', 'zh-Hant': '裝修', 'zh-Hans': '装修' } },
  { code: 'common-areas', label: { en: 'Common areas and facilities', 'zh-Hant': '公用地方及設施', 'zh-Hans': '公共区域及设施' } },
  { code: 'staff-conduct', label: { en: 'Staff conduct', 'zh-Hant': '員工態度', 'zh-Hans': '员工态度' } },
  { code: 'other', label: { en: 'Other', 'zh-Hant': '其他', 'zh-Hans': '其他' } },
];

/** The subjects a site offers: its own list, or the default. */
export const ledgerSubjects = (site: Pick<SiteConfig, 'ledger'>): readonly LedgerSubject[] =>
  site.ledger?.subjects && site.ledger.subjects.length > 0 ? site.ledger.subjects : DEFAULT_LEDGER_SUBJECTS;
