import { PURPOSES, VISITOR_TYPES } from './codes.js';
import type { SiteConfig } from './site.js';

/**
 * The demo site `npm start` creates on an empty database (CONTRACT.md): a Hong Kong housing estate, open
 * around the clock, every visitor type and purpose offered, free-text units accepted, ID sighted and not
 * recorded, no printer. The sample directory lists flats and the management office — never residents' names.
 */
export const DEMO_SITE: SiteConfig = {
  id: 'demo',
  name: { en: 'Harbour View Gardens', 'zh-Hant': '海景花園', 'zh-Hans': '海景花园' },
  kind: 'residential',
  jurisdiction: 'HK',
  timeZone: 'Asia/Hong_Kong',
  defaultLocale: 'en',
  receptionHours: { kind: 'always' },
  directory: {
    units: [
      { id: 'unit-8d', label: '8D', phone: '1804', absent: true },
      { id: 'unit-12a', label: '12A', phone: '2101' },
      { id: 'unit-12b', label: '12B', phone: '2102' },
      { id: 'unit-15c', label: '15C', phone: '2503' },
      { id: 'unit-23f', label: '23F', phone: '3306' },
    ],
    people: [
      { id: 'mo-counter', name: 'Management Office', department: 'Management Office', phone: '2123 4000' },
      { id: 'mo-security', name: 'Security', department: 'Management Office', phone: '2123 4001' },
    ],
  },
  allowFreeTextHost: true,
  visitorTypes: [...VISITOR_TYPES],
  purposes: [...PURPOSES],
  requiredFields: [],
  identity: { mode: 'sighted' },
  retention: { visitDays: 31 },
  privacy: {
    noticeVersion: '2026-11-01',
    controller: {
      en: 'Harbour View Gardens Management Office',
      'zh-Hant': '海景花園管理處',
      'zh-Hans': '海景花园管理处',
    },
    contact: {
      en: 'Personal Data Officer, Harbour View Gardens Management Office, tel. 2123 4000',
      'zh-Hant': '海景花園管理處個人資料主任，電話 2123 4000',
      'zh-Hans': '海景花园管理处个人资料主任，电话 2123 4000',
    },
  },
  noPhotography: true,
};

/**
 * A mainland company office for tests of the mainland variants: Shanghai, reception Monday to Friday
 * 08:30–17:30, a phone required, an ID number recorded (mainland resident ID, with its separate consent),
 * hosts chosen from the staff directory only.
 */
export const DEMO_SITE_CN: SiteConfig = {
  id: 'demo-cn',
  name: { en: 'Pudong Office', 'zh-Hant': '浦東辦公室', 'zh-Hans': '浦东办公室' },
  kind: 'company-office',
  jurisdiction: 'CN',
  timeZone: 'Asia/Shanghai',
  defaultLocale: 'zh-Hans',
  receptionHours: {
    kind: 'weekly',
    periods: ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, open: '08:30', close: '17:30' })),
  },
  directory: {
    units: [],
    people: [
      { id: 'p-wang-fang', name: 'Wang Fang', department: 'Administration', phone: '021-5081 2001' },
      { id: 'p-li-na', name: 'Li Na', department: 'Human Resources', phone: '021-5081 2002' },
      { id: 'p-zhang-wei', name: 'Zhang Wei', department: 'Finance', phone: '021-5081 2003', absent: true },
      { id: 'p-chen-jing', name: '陈静', department: 'Legal', phone: '021-5081 2004' },
    ],
  },
  allowFreeTextHost: false,
  visitorTypes: [...VISITOR_TYPES],
  purposes: [...PURPOSES],
  requiredFields: ['phone'],
  identity: { mode: 'record-number', documents: ['cn-resident'] },
  retention: { visitDays: 31 },
  privacy: {
    noticeVersion: '2026-11-01',
    controller: { en: 'Pudong Office Administration', 'zh-Hant': '浦東辦公室行政部', 'zh-Hans': '浦东办公室行政部' },
    contact: {
      en: 'Personal information protection contact, Administration, tel. 021-5081 2001',
      'zh-Hant': '行政部個人信息保護聯絡人，電話 021-5081 2001',
      'zh-Hans': '行政部个人信息保护联系人，电话 021-5081 2001',
    },
  },
  noPhotography: false,
};
