/**
 * The desk's wording for the front-desk ledger (desk/ledger, issue 8). A catalogue of its own beside
 * `DeskMessages` (as hub.ts is), so the ledger's many strings do not crowd the desk's main catalogue and the
 * kiosk never ships them. Codes are the ones of src/domain/ledger, repeated as unions because src/i18n imports
 * nothing. 繁體中文 is Hong Kong usage, 简体中文 mainland usage; each only in its own script (tested).
 */
import type { LocaleTag } from '../index.js';

type Channel = 'call' | 'visit' | 'letter' | 'fax' | 'guard' | 'other';
type Category = 'consultation' | 'help-request' | 'paid-service' | 'suggestion' | 'complaint';
type Status = 'open' | 'in-progress' | 'answered' | 'resolved' | 'followed-up' | 'reopened';
type Satisfaction = 'satisfied' | 'basically-satisfied' | 'dissatisfied';
type WhoKind = 'resident' | 'other' | 'anonymous';
type IncidentClass = 'A' | 'B' | 'C' | 'watchlist';
type ClockText = 'none' | 'running' | 'due-soon' | 'overdue' | 'met' | 'late';
type LedgerErrorText =
  | 'ledger-transition-invalid'
  | 'ledger-before-entry'
  | 'ledger-reason-required'
  | 'ledger-not-complaint'
  | 'ledger-repair-exists'
  | 'ledger-no-repair'
  | 'ledger-no-follow-up-due'
  | 'ledger-feedback-unknown'
  | 'ledger-too-long'
  | 'ledger-required'
  | 'ledger-conflict'
  | 'forbidden'
  | 'failed';

export interface LedgerMessages {
  heading: string;
  /** Shown instead of the ledger on a desk that is not linked to a hub. */
  needsHub: string;
  logHeading: string;
  channel: string;
  channels: Record<Channel, string>;
  category: string;
  categories: Record<Category, string>;
  important: string;
  caller: string;
  callers: Record<WhoKind, string>;
  unit: string;
  name: string;
  phone: string;
  subject: string;
  description: string;
  aboutDepartment: string;
  aboutPerson: string;
  passToDepartment: string;
  passToPerson: string;
  logEntry: string;
  logged: (number: string) => string;
  listHeading: string;
  empty: string;
  statuses: Record<Status, string>;
  /** The clock's line: the state and the time it refers to (already formatted). */
  clock: Record<ClockText, (time: string) => string>;
  withheld: string;
  anonymous: string;
  /** "For: Lee (Engineering)" — a phone message or a case passed on. */
  passedTo: (to: string) => string;
  owner: (who: string) => string;
  details: (number: string) => string;
  entryRegion: (number: string) => string;
  handToDepartment: string;
  department: string;
  person: string;
  handOver: string;
  handOverTo: string;
  handOverNote: string;
  reply: string;
  recordReply: string;
  resolution: string;
  markResolved: string;
  reopenReason: string;
  reopen: string;
  satisfaction: string;
  satisfactions: Record<Satisfaction, string>;
  reason: string;
  feedback: string;
  recordFollowUp: string;
  escalateNote: string;
  escalate: string;
  escalated: string;
  decision: string;
  signOff: string;
  decided: (text: string) => string;
  followUpsHeading: string;
  noFollowUps: string;
  followUpDue: (number: string, time: string) => string;
  feedbackOpen: (number: string, text: string) => string;
  feedbackNote: string;
  feedbackHandled: string;
  history: string;
  saved: string;
  promisedDay: string;
  promisedTime: string;
  promise: string;
  promised: (time: string) => string;
  validity: string;
  valid: string;
  invalid: string;
  markValidity: string;
  validMark: (valid: boolean) => string;
  repairSize: string;
  repairSizes: Record<'small' | 'large', string>;
  repairPlan: string;
  repairResponsibility: string;
  repairCost: string;
  repairTechnician: string;
  issueRepair: string;
  repairLine: (plan: string, technician: string, due: string) => string;
  repairDone: (time: string) => string;
  residentComment: string;
  completeRepair: string;
  /** The repair completion's signature pad: its label, how to sign, clearing it, the refusal of an empty pad, the image's alt text. */
  signatureLabel: string;
  signatureHint: string;
  clearSignature: string;
  errSignature: string;
  signatureAlt: (number: string) => string;
  /** The desk's incident records (desk/incidents) listed in the ledger (issue 8 item 4). */
  incidentsHeading: string;
  noIncidents: string;
  incidentClasses: Record<IncidentClass, string>;
  incidentOpen: string;
  incidentDue: (time: string) => string;
  incidentOverdue: (time: string) => string;
  incidentSigned: (time: string) => string;
  /** Where the record itself is edited: the incident records panel (its heading). */
  incidentWhere: string;
  messagesHeading: string;
  noMessages: string;
  /** A phone message passed to someone: for whom, from whom (unit or name), what. */
  message: (to: string, from: string, text: string) => string;
  errors: Record<LedgerErrorText, string>;
}

const en: LedgerMessages = {
  heading: 'Ledger: calls, visits and letters',
  needsHub: 'The ledger is kept on the hub: link this desk to a hub to log calls and follow them up.',
  logHeading: 'Log a call',
  channel: 'Channel',
  channels: { call: 'Phone call', visit: 'Walk-in', letter: 'Letter', fax: 'Fax', guard: 'Via the guard', other: 'Other' },
  category: 'Category',
  categories: { consultation: 'Enquiry', 'help-request': 'Help request', 'paid-service': 'Paid service', suggestion: 'Suggestion', complaint: 'Complaint' },
  important: 'Important call (answer today)',
  caller: 'Caller',
  callers: { resident: 'Owner or resident', other: 'Someone else', anonymous: 'Anonymous' },
  unit: 'Unit',
  name: 'Name',
  phone: 'Phone',
  subject: 'Subject',
  description: 'Description',
  aboutDepartment: 'Department complained about',
  aboutPerson: 'Person complained about',
  passToDepartment: 'Pass to department',
  passToPerson: 'Pass to person',
  logEntry: 'Log entry',
  logged: (number) => `Logged as ${number}.`,
  listHeading: 'Most urgent first',
  empty: 'Nothing is waiting.',
  statuses: { open: 'Open', 'in-progress': 'In progress', answered: 'Answered', resolved: 'Resolved', 'followed-up': 'Followed up', reopened: 'Reopened' },
  clock: {
    none: () => 'No deadline',
    running: (t) => `Due ${t}`,
    'due-soon': (t) => `Due soon: ${t}`,
    overdue: (t) => `Overdue since ${t}`,
    met: (t) => `Answered in time (due ${t})`,
    late: (t) => `Answered late (due ${t})`,
  },
  withheld: 'Complainant withheld (customer service only)',
  anonymous: 'Anonymous',
  passedTo: (to) => `For: ${to}`,
  owner: (who) => `Owner: ${who}`,
  details: (number) => `Details of ${number}`,
  entryRegion: (number) => `Entry ${number}`,
  handToDepartment: 'Hand to department',
  department: 'Department',
  person: 'Person',
  handOver: 'Hand over',
  handOverTo: 'Hand over to',
  handOverNote: 'Hand-over note',
  reply: 'Reply',
  recordReply: 'Record reply',
  resolution: 'Resolution',
  markResolved: 'Mark resolved',
  reopenReason: 'Reason to reopen',
  reopen: 'Reopen',
  satisfaction: 'Satisfaction',
  satisfactions: { satisfied: 'Satisfied', 'basically-satisfied': 'Basically satisfied', dissatisfied: 'Dissatisfied' },
  reason: 'Reason',
  feedback: 'New feedback',
  recordFollowUp: 'Record follow-up',
  escalateNote: 'Note for the general manager',
  escalate: 'Escalate to the general manager',
  escalated: 'Escalated to the general manager',
  decision: 'Decision',
  signOff: 'Sign off decision',
  decided: (text) => `Decision: ${text}`,
  followUpsHeading: 'Follow-ups',
  noFollowUps: 'No follow-up is due.',
  followUpDue: (number, time) => `Follow up ${number} by ${time}`,
  feedbackOpen: (number, text) => `Feedback on ${number}: ${text}`,
  feedbackNote: 'What was done',
  feedbackHandled: 'Mark feedback handled',
  history: 'History',
  saved: 'Saved.',
  promisedDay: 'Promised date',
  promisedTime: 'Promised time',
  promise: 'Record promise',
  promised: (t) => `Promised to the caller: ${t}`,
  validity: 'Complaint found',
  valid: 'Valid',
  invalid: 'Not valid',
  markValidity: 'Mark complaint',
  validMark: (v) => (v ? 'Valid complaint' : 'Complaint not valid'),
  repairSize: 'Repair size',
  repairSizes: { small: 'Small (today)', large: 'Larger (within a week)' },
  repairPlan: 'Repair plan',
  repairResponsibility: 'Responsibility',
  repairCost: 'Cost',
  repairTechnician: 'Technician',
  issueRepair: 'Issue repair order',
  repairLine: (plan, technician, due) => `Repair order: ${plan} · ${technician} · due ${due}`,
  repairDone: (t) => `Repair completed ${t}`,
  residentComment: "Resident's comment",
  completeRepair: 'Repair completed',
  signatureLabel: "Resident's signature",
  signatureHint: 'Sign in the box with a finger or the mouse.',
  clearSignature: 'Clear signature',
  errSignature: 'The resident must sign before the repair is completed.',
  signatureAlt: (n) => `Resident's signature, repair order ${n}`,
  incidentsHeading: 'Incidents at the desk',
  noIncidents: 'No incident records on this desk.',
  incidentClasses: { A: 'Class A', B: 'Class B', C: 'Class C', watchlist: 'Watch list' },
  incidentOpen: 'Open',
  incidentDue: (t) => `Closed · written record due ${t}`,
  incidentOverdue: (t) => `Closed · written record overdue since ${t}`,
  incidentSigned: (t) => `Signed off ${t}`,
  incidentWhere: 'Each is written and signed off under Incident records.',
  messagesHeading: 'Messages for staff',
  noMessages: 'No message is waiting.',
  message: (to, from, text) => `For ${to} — from ${from}: ${text}`,
  errors: {
    'ledger-transition-invalid': 'That cannot be done at this stage.',
    'ledger-before-entry': 'That time is before the contact was received.',
    'ledger-reason-required': 'Please give the reason or note.',
    'ledger-not-complaint': 'Only complaints can be escalated or marked valid.',
    'ledger-repair-exists': 'This entry already has a repair order.',
    'ledger-no-repair': 'There is no open repair order.',
    'ledger-no-follow-up-due': 'No follow-up is due.',
    'ledger-feedback-unknown': 'That feedback was handled already.',
    'ledger-too-long': 'A text is too long.',
    'ledger-required': 'Please fill in the required fields.',
    'ledger-conflict': 'Another desk changed this entry first. It now shows the latest; please check and try again.',
    forbidden: 'Your role cannot do that.',
    failed: 'The hub could not be reached. Nothing was saved; please try again.',
  },
};

const zhHant: LedgerMessages = {
  heading: '來電來訪登記',
  needsHub: '登記冊保存在中央伺服器：請先把此接待處連接伺服器，才可登記來電及跟進。',
  logHeading: '登記來電',
  channel: '途徑',
  channels: { call: '來電', visit: '來訪', letter: '來信', fax: '傳真', guard: '經保安', other: '其他' },
  category: '類別',
  categories: { consultation: '諮詢', 'help-request': '求助', 'paid-service': '有償服務', suggestion: '建議', complaint: '投訴' },
  important: '重要來電（當天回覆）',
  caller: '來電者',
  callers: { resident: '業主或住戶', other: '其他人士', anonymous: '匿名' },
  unit: '單位',
  name: '姓名',
  phone: '電話',
  subject: '事項',
  description: '內容',
  aboutDepartment: '被投訴部門',
  aboutPerson: '被投訴人',
  passToDepartment: '轉交部門',
  passToPerson: '轉交同事',
  logEntry: '登記',
  logged: (number) => `已登記，編號 ${number}。`,
  listHeading: '按緊急程度排列',
  empty: '沒有待辦事項。',
  statuses: { open: '未處理', 'in-progress': '處理中', answered: '已答覆', resolved: '已解決', 'followed-up': '已回訪', reopened: '重新處理' },
  clock: {
    none: () => '沒有限期',
    running: (t) => `限期 ${t}`,
    'due-soon': (t) => `即將到期：${t}`,
    overdue: (t) => `已逾期（限期 ${t}）`,
    met: (t) => `已按時答覆（限期 ${t}）`,
    late: (t) => `逾期答覆（限期 ${t}）`,
  },
  withheld: '投訴人資料保密（只限客戶服務）',
  anonymous: '匿名',
  passedTo: (to) => `轉交：${to}`,
  owner: (who) => `負責人：${who}`,
  details: (number) => `${number} 詳情`,
  entryRegion: (number) => `登記 ${number}`,
  handToDepartment: '轉交部門',
  department: '部門',
  person: '同事',
  handOver: '交接',
  handOverTo: '交接給',
  handOverNote: '交接備註',
  reply: '答覆',
  recordReply: '記錄答覆',
  resolution: '處理結果',
  markResolved: '標示已解決',
  reopenReason: '重新處理原因',
  reopen: '重新處理',
  satisfaction: '滿意程度',
  satisfactions: { satisfied: '滿意', 'basically-satisfied': '基本滿意', dissatisfied: '不滿意' },
  reason: '原因',
  feedback: '新意見',
  recordFollowUp: '記錄回訪',
  escalateNote: '給總經理的備註',
  escalate: '上報總經理',
  escalated: '已上報總經理',
  decision: '處理決定',
  signOff: '簽批決定',
  decided: (text) => `決定：${text}`,
  followUpsHeading: '回訪',
  noFollowUps: '沒有到期的回訪。',
  followUpDue: (number, time) => `${time} 前回訪 ${number}`,
  feedbackOpen: (number, text) => `${number} 的回訪意見：${text}`,
  feedbackNote: '跟進情況',
  feedbackHandled: '標示意見已處理',
  history: '記錄',
  saved: '已儲存。',
  promisedDay: '承諾日期',
  promisedTime: '承諾時間',
  promise: '記錄承諾',
  promised: (t) => `已向來電者承諾：${t}`,
  validity: '投訴核實結果',
  valid: '有效',
  invalid: '無效',
  markValidity: '標示投訴',
  validMark: (v) => (v ? '有效投訴' : '無效投訴'),
  repairSize: '維修規模',
  repairSizes: { small: '小型（當天）', large: '較大型（一星期內）' },
  repairPlan: '維修方案',
  repairResponsibility: '維修責任',
  repairCost: '維修費用',
  repairTechnician: '維修人員',
  issueRepair: '開出維修單',
  repairLine: (plan, technician, due) => `維修單：${plan} · ${technician} · 限期 ${due}`,
  repairDone: (t) => `維修已完成 ${t}`,
  residentComment: '住戶意見',
  completeRepair: '維修完成',
  signatureLabel: '住戶簽名',
  signatureHint: '請用手指或滑鼠在框內簽名。',
  clearSignature: '清除簽名',
  errSignature: '維修完成前須由住戶簽名。',
  signatureAlt: (n) => `住戶簽名（維修單 ${n}）`,
  incidentsHeading: '接待處的突發事件',
  noIncidents: '此接待處沒有突發事件記錄。',
  incidentClasses: { A: 'A類', B: 'B類', C: 'C類', watchlist: '觀察名單' },
  incidentOpen: '處理中',
  incidentDue: (t) => `已結束 · 書面記錄限期 ${t}`,
  incidentOverdue: (t) => `已結束 · 書面記錄已逾期（限期 ${t}）`,
  incidentSigned: (t) => `主管已簽署 ${t}`,
  incidentWhere: '每份記錄在「突發事件處理記錄」部分填寫及簽署。',
  messagesHeading: '同事留言',
  noMessages: '沒有待轉的留言。',
  message: (to, from, text) => `給 ${to}，來自 ${from}：${text}`,
  errors: {
    'ledger-transition-invalid': '現階段不能這樣做。',
    'ledger-before-entry': '時間早於收到來電的時間。',
    'ledger-reason-required': '請填寫原因或備註。',
    'ledger-not-complaint': '只有投訴可以上報或標示有效。',
    'ledger-repair-exists': '此登記已有維修單。',
    'ledger-no-repair': '沒有未完成的維修單。',
    'ledger-no-follow-up-due': '沒有到期的回訪。',
    'ledger-feedback-unknown': '該意見已經處理。',
    'ledger-too-long': '文字太長。',
    'ledger-required': '請填寫必填欄位。',
    'ledger-conflict': '另一接待處剛更改了這項登記，現已顯示最新內容；請核對後再試。',
    forbidden: '你的職位不能進行此操作。',
    failed: '未能連接伺服器，沒有儲存任何內容；請再試。',
  },
};

const zhHans: LedgerMessages = {
  heading: '来电来访登记',
  needsHub: '登记台账保存在中心服务器：请先把本前台连接服务器，才能登记来电并跟进。',
  logHeading: '登记来电',
  channel: '途径',
  channels: { call: '来电', visit: '来访', letter: '来信', fax: '传真', guard: '经保安', other: '其他' },
  category: '类别',
  categories: { consultation: '咨询', 'help-request': '求助', 'paid-service': '有偿服务', suggestion: '建议', complaint: '投诉' },
  important: '重要来电（当天回复）',
  caller: '来电人',
  callers: { resident: '业主或住户', other: '其他人员', anonymous: '匿名' },
  unit: '房号',
  name: '姓名',
  phone: '电话',
  subject: '事项',
  description: '内容',
  aboutDepartment: '被投诉部门',
  aboutPerson: '被投诉人',
  passToDepartment: '转交部门',
  passToPerson: '转交同事',
  logEntry: '登记',
  logged: (number) => `已登记，编号 ${number}。`,
  listHeading: '按紧急程度排列',
  empty: '没有待办事项。',
  statuses: { open: '未处理', 'in-progress': '处理中', answered: '已答复', resolved: '已解决', 'followed-up': '已回访', reopened: '重新处理' },
  clock: {
    none: () => '没有时限',
    running: (t) => `时限 ${t}`,
    'due-soon': (t) => `即将到期：${t}`,
    overdue: (t) => `已超时（时限 ${t}）`,
    met: (t) => `已按时答复（时限 ${t}）`,
    late: (t) => `超时答复（时限 ${t}）`,
  },
  withheld: '投诉人信息保密（仅限客服）',
  anonymous: '匿名',
  passedTo: (to) => `转交：${to}`,
  owner: (who) => `负责人：${who}`,
  details: (number) => `${number} 详情`,
  entryRegion: (number) => `登记 ${number}`,
  handToDepartment: '转交部门',
  department: '部门',
  person: '同事',
  handOver: '交接',
  handOverTo: '交接给',
  handOverNote: '交接备注',
  reply: '答复',
  recordReply: '记录答复',
  resolution: '处理结果',
  markResolved: '标记已解决',
  reopenReason: '重新处理原因',
  reopen: '重新处理',
  satisfaction: '满意程度',
  satisfactions: { satisfied: '满意', 'basically-satisfied': '基本满意', dissatisfied: '不满意' },
  reason: '原因',
  feedback: '新意见',
  recordFollowUp: '记录回访',
  escalateNote: '给总经理的备注',
  escalate: '上报总经理',
  escalated: '已上报总经理',
  decision: '处理决定',
  signOff: '签批决定',
  decided: (text) => `决定：${text}`,
  followUpsHeading: '回访',
  noFollowUps: '没有到期的回访。',
  followUpDue: (number, time) => `${time} 前回访 ${number}`,
  feedbackOpen: (number, text) => `${number} 的回访意见：${text}`,
  feedbackNote: '跟进情况',
  feedbackHandled: '标记意见已处理',
  history: '记录',
  saved: '已保存。',
  promisedDay: '承诺日期',
  promisedTime: '承诺时间',
  promise: '记录承诺',
  promised: (t) => `已向来电人承诺：${t}`,
  validity: '投诉核实结果',
  valid: '有效',
  invalid: '无效',
  markValidity: '标记投诉',
  validMark: (v) => (v ? '有效投诉' : '无效投诉'),
  repairSize: '维修规模',
  repairSizes: { small: '小型（当天）', large: '较大型（一周内）' },
  repairPlan: '维修方案',
  repairResponsibility: '维修责任',
  repairCost: '维修费用',
  repairTechnician: '维修人员',
  issueRepair: '开出维修单',
  repairLine: (plan, technician, due) => `维修单：${plan} · ${technician} · 时限 ${due}`,
  repairDone: (t) => `维修已完成 ${t}`,
  residentComment: '住户意见',
  completeRepair: '维修完成',
  signatureLabel: '住户签名',
  signatureHint: '请用手指或鼠标在框内签名。',
  clearSignature: '清除签名',
  errSignature: '维修完成前须由住户签名。',
  signatureAlt: (n) => `住户签名（维修单 ${n}）`,
  incidentsHeading: '前台的突发事件',
  noIncidents: '本前台没有突发事件记录。',
  incidentClasses: { A: 'A类', B: 'B类', C: 'C类', watchlist: '关注名单' },
  incidentOpen: '处理中',
  incidentDue: (t) => `已结束 · 书面记录期限 ${t}`,
  incidentOverdue: (t) => `已结束 · 书面记录已逾期（期限 ${t}）`,
  incidentSigned: (t) => `主管已签字 ${t}`,
  incidentWhere: '每份记录在“突发事件处理记录”部分填写和签字。',
  messagesHeading: '同事留言',
  noMessages: '没有待转的留言。',
  message: (to, from, text) => `给 ${to}，来自 ${from}：${text}`,
  errors: {
    'ledger-transition-invalid': '当前阶段不能这样操作。',
    'ledger-before-entry': '时间早于收到来电的时间。',
    'ledger-reason-required': '请填写原因或备注。',
    'ledger-not-complaint': '只有投诉可以上报或标记有效。',
    'ledger-repair-exists': '此登记已有维修单。',
    'ledger-no-repair': '没有未完成的维修单。',
    'ledger-no-follow-up-due': '没有到期的回访。',
    'ledger-feedback-unknown': '该意见已经处理。',
    'ledger-too-long': '文字太长。',
    'ledger-required': '请填写必填项。',
    'ledger-conflict': '另一前台刚修改了这条登记，现已显示最新内容；请核对后再试。',
    forbidden: '你的岗位不能进行此操作。',
    failed: '无法连接服务器，没有保存任何内容；请重试。',
  },
};

export const LEDGER_CATALOGUES: Record<LocaleTag, LedgerMessages> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** The ledger's wording in `locale`. */
export const ledgerMessagesFor = (locale: LocaleTag): LedgerMessages => LEDGER_CATALOGUES[locale];
