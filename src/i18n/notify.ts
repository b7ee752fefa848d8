/**
 * The hub's notification e-mails (hub/notify/email.ts), in the recipient's language. Only what the seeds'
 * script needs reaches the mail: the class, the visitor type, the unit visited and the time — never a name,
 * phone or identity number (an e-mail is copied, forwarded and kept beyond the site's retention).
 * Visitor types come from the kiosk catalogue; class labels and roles repeat the desk's words.
 */
import type { LocaleTag } from './index.js';

export interface NotifyMessages {
  /** As on the desk (src/i18n/desk): the hub may not import the desk's catalogue, so the words are repeated. */
  classLabel: Record<'A' | 'B' | 'C' | 'watchlist' | 'help' | 'invite-reuse' | 'health' | 'host-declined', string>;
  /** The routing rules' role codes (src/domain/rules/codes.ts ROLES), as the desk names them. */
  roles: Record<string, string>;
  /** Subject line: which alert, where. */
  subject: (classLabel: string, site: string) => string;
  /** Subject line of an escalation (nobody acknowledged in time, or Escalate was pressed). */
  escalatedSubject: (classLabel: string, site: string) => string;
  raised: (classLabel: string) => string;
  escalated: (classLabel: string, level: number) => string;
  visitorType: string;
  unit: string;
  time: string;
  notified: string;
  /** What the reader should do now. */
  action: string;
  /** Why the mail says so little. */
  footer: string;
}

const en: NotifyMessages = {
  classLabel: { 'A': 'Class A', 'B': 'Class B', 'C': 'Class C', 'watchlist': 'Watch list', 'help': 'Help requested', 'invite-reuse': 'Invitation used again', 'health': 'System health', 'host-declined': 'Host does not expect the visitor' },
  roles: { 'cs-centre': 'customer-service centre', 'cs-staff': 'customer-service staff', 'cs-supervisor': 'customer-service supervisor', 'pr': 'PR department', 'hr': 'HR department', 'hr-manager': 'HR manager', 'subsidiary-department': "the subsidiary's department", 'hr-officer': 'HR officer', 'site-manager': 'site manager', 'security-supervisor': 'security supervisor', 'responsible-executive': 'responsible executive', 'duty-manager': 'duty manager' },
  subject: (label, site) => `[${site}] ${label} alert at the front desk`,
  escalatedSubject: (label, site) => `[${site}] Escalated: ${label} alert not yet acknowledged`,
  raised: (label) => `A ${label} alert was raised at the front desk.`,
  escalated: (label, level) => `The ${label} alert has not been acknowledged and was escalated (level ${level}).`,
  visitorType: 'Visitor type',
  unit: 'Visiting',
  time: 'Time',
  notified: 'Notified',
  action: 'Follow the site’s procedure for this class, and acknowledge the alert at the desk.',
  footer: 'Sent automatically by the visitor kiosk hub. Names and phone numbers are not included; see the desk for details.',
};

const zhHant: NotifyMessages = {
  classLabel: { 'A': 'A類', 'B': 'B類', 'C': 'C類', 'watchlist': '觀察名單', 'help': '訪客求助', 'invite-reuse': '邀請被重複使用', 'health': '系統狀態', 'host-declined': '受訪者表示沒有約見' },
  roles: { 'cs-centre': '客戶服務中心', 'cs-staff': '顧客服務人員', 'cs-supervisor': '客服主任', 'pr': '公關部', 'hr': '人力資源部', 'hr-manager': '人力資源部經理', 'subsidiary-department': '下屬公司相關部門', 'hr-officer': '人事專管員', 'site-manager': '管理處主任', 'security-supervisor': '保安主管', 'responsible-executive': '分管領導', 'duty-manager': '值班主管' },
  subject: (label, site) => `[${site}] 接待處${label}警報`,
  escalatedSubject: (label, site) => `[${site}] 已升級：${label}警報尚未有人確認`,
  raised: (label) => `接待處發出了${label}警報。`,
  escalated: (label, level) => `${label}警報尚未有人確認，已升級（第 ${level} 級）。`,
  visitorType: '訪客類別',
  unit: '到訪',
  time: '時間',
  notified: '已通知',
  action: '請按此類事件的處理程序跟進，並在接待處確認警報。',
  footer: '此郵件由訪客登記系統自動發出，不包含姓名及電話號碼；詳情請查看接待處。',
};

const zhHans: NotifyMessages = {
  classLabel: { 'A': 'A类', 'B': 'B类', 'C': 'C类', 'watchlist': '关注名单', 'help': '访客求助', 'invite-reuse': '邀请被重复使用', 'health': '系统状态', 'host-declined': '被访者表示没有约见' },
  roles: { 'cs-centre': '客服中心', 'cs-staff': '客服人员', 'cs-supervisor': '客服主管', 'pr': '公关部', 'hr': '人力资源部', 'hr-manager': '人力资源部经理', 'subsidiary-department': '下属公司相关部门', 'hr-officer': '人事专管员', 'site-manager': '管理处主任', 'security-supervisor': '安全主管', 'responsible-executive': '分管领导', 'duty-manager': '值班主管' },
  subject: (label, site) => `[${site}] 前台${label}警报`,
  escalatedSubject: (label, site) => `[${site}] 已升级：${label}警报尚未有人确认`,
  raised: (label) => `前台发出了${label}警报。`,
  escalated: (label, level) => `${label}警报尚未有人确认，已升级（第 ${level} 级）。`,
  visitorType: '访客类别',
  unit: '到访',
  time: '时间',
  notified: '已通知',
  action: '请按此类事件的处理程序跟进，并在前台确认警报。',
  footer: '此邮件由访客登记系统自动发出，不包含姓名及电话号码；详情请查看前台。',
};

export const NOTIFY_CATALOGUES: Record<LocaleTag, NotifyMessages> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

export const notifyMessagesFor = (locale: LocaleTag): NotifyMessages => NOTIFY_CATALOGUES[locale];
