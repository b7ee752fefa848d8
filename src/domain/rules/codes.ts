/**
 * Stable codes of the desk's rules (issue 4). Like the visitor-type codes they are stored in alerts and
 * incident records and put in desk events, so they never change once shipped; the desk localises them.
 */

/** What an alert is about: the seeds' three incident classes (000:6–9) and a watch-list match (CONTRACT.md). */
export const ALERT_CLASSES = ['A', 'B', 'C', 'watchlist'] as const;
export type AlertClass = (typeof ALERT_CLASSES)[number];

/** The incident classes proper; only C is ever raised automatically (DOMAIN.md). */
export type IncidentClass = Exclude<AlertClass, 'watchlist'>;

/**
 * Who is notified. One code per role the seeds name (000 §4 company office, §5 管理處), plus the two a
 * desk needs outside office hours. The desk maps each to people and numbers in its directory.
 */
export const ROLES = [
  /** 客服中心: the company's customer-service centre (000:12–13). */
  'cs-centre',
  /** 顧客服務人員: the 管理處's own customer-service staff (000:23). */
  'cs-staff',
  /** 管理處客服主任: the 管理處's customer-service supervisor (000:23, 25). */
  'cs-supervisor',
  /** 行政公關部: the administrative / public-relations department (000:13, 20, 32). */
  'pr',
  /** 人力資源部: human resources (000:15–17). */
  'hr',
  /** 人力資源部經理: the HR manager, told of the employee's case (000:15). */
  'hr-manager',
  /** 專業公司相關部門: the subsidiary's department that employs the person (000:15). */
  'subsidiary-department',
  /** 人事專管員: the HR officer who comes to the 管理處 when a class B case gets out of control (000:28). */
  'hr-officer',
  /** 管理處主任: the site (management office) manager (000:24, 27, 30, 32–33). */
  'site-manager',
  /** 安全主管: the security supervisor, who escorts class C visitors (000:31). */
  'security-supervisor',
  /** 分管主管領導: the executive responsible for the site (000:33). */
  'responsible-executive',
  /** 值班主管: whoever is on duty when reception is closed (not in the seeds; every site has one). */
  'duty-manager',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The receptionist's script, as message keys the desk localises (000:13, 16, 23–24, 31–32). Never text here:
 * the same key reads in English, 繁 and 简.
 */
export const SCRIPT_KEYS = [
  /** 禮貌、得體，不得表現出反感和敵對情緒 (000:13, 16, 24). */
  'stay-polite',
  /** 不能對顧客的言行進行討論和指點 (000:13, 24). */
  'do-not-argue-or-comment',
  /** 引導到洽談室休息 / 主動讓座、倒茶 (000:13, 16, 24). */
  'seat-in-meeting-room',
  /** 作好記錄 (000:23). */
  'record-the-visit',
  /** 特別關注是否存在媒體現場采訪、攝影攝像 (000:13, 24). */
  'watch-for-media',
  /** 一經發現，及時通知行政公關部 (000:13): shown once media are marked present. */
  'pass-media-to-pr',
  /** 將來訪者帶到指定接待區域 (000:31). */
  'escort-to-designated-area',
  /** 避免業主或其他人員進行圍觀 (000:31). */
  'keep-onlookers-away',
  /** 基層職員對不清楚的情況或問題，不能做出直接回答 (000:32). */
  'do-not-answer-questions',
  /** 首先知會行政公關部 / 通知管理處主任 (000:20, 30, 32). */
  'notify-pr-and-site-manager',
  /** Watch list: no confrontation, no disclosure that the person is listed (product rule, not in the seeds). */
  'do-not-confront',
  /** Watch list: a name-only match is "possible" until identity is checked (001: 核實身份信息). */
  'verify-identity',
] as const;
export type ScriptKey = (typeof SCRIPT_KEYS)[number];

/** Ledger-bound tasks a suggestion opens at once, before anyone decides on a class (000:12, 15). */
export const TASK_CODES = ['notify-cs-centre', 'notify-hr'] as const;
export type TaskCode = (typeof TASK_CODES)[number];

/**
 * What may cover an arrival so that no class is raised or suggested: a valid invitation, or the host's
 * confirmation. The visitor's own "Yes, I have an appointment" is deliberately not a code here, so no
 * configuration can make it one (DOMAIN.md).
 */
export const COVERS = ['invitation', 'host-confirmation'] as const;
export type Cover = (typeof COVERS)[number];

/** Tour kinds of the seeds' visit rules (002:179–187): group, VIP, ordinary and ad-hoc (临时). */
export const TOUR_KINDS = ['group', 'vip', 'ordinary', 'ad-hoc'] as const;
export type TourKind = (typeof TOUR_KINDS)[number];

/** Why the classifier decided what it did: codes for the desk's "why" line and for tests. */
export const CLASSIFICATION_REASONS = [
  /** A class C pattern matched and nothing covers the visit. */
  'class-c',
  /** A class C pattern matched but an invitation or the host's confirmation covers the visit. */
  'class-c-covered',
  'suggest-a',
  'suggest-b',
  /** A suggestion's trigger matched but the visit is covered. */
  'suggestion-covered',
  'covered-by-invitation',
  'covered-by-host-confirmation',
  /** The visitor said "I have an appointment"; a class or suggestion stands regardless. */
  'appointment-claim-not-trusted',
  'tour-approved',
  'tour-unapproved',
  /** The party is at least `largePartySize`: the CS centre prepares by numbers (000:12). */
  'large-party',
  /** No class, suggestion or tour rule applies: an ordinary arrival. */
  'no-rule',
] as const;
export type ClassificationReason = (typeof CLASSIFICATION_REASONS)[number];

/** How a watch-list entry identifies a person: a name (matches are only possible), a phone or an ID hash. */
export const WATCH_KINDS = ['name', 'phone', 'id-hash'] as const;
export type WatchKind = (typeof WATCH_KINDS)[number];
