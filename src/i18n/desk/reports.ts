/**
 * The desk's wording for reports (desk/reports, issue 8). A catalogue of its own beside `DeskMessages` (as
 * ledger.ts is), so the kiosk never ships it. Section ids are those of src/domain/reports, repeated as a union
 * because src/i18n imports nothing; a section a later feature adds without wording here is titled by its id.
 * Visitor types, classes, channels, categories and satisfaction reuse the kiosk's, desk's and ledger's labels.
 * 繁體中文 is Hong Kong usage, 简体中文 mainland usage; each only in its own script (tested).
 */
import type { LocaleTag } from '../index.js';

export type ReportSectionText =
  | 'visits-by-type'
  | 'visits-by-hour'
  | 'visits-by-day'
  | 'incidents-by-class'
  | 'incident-records'
  | 'incident-records-on-time'
  | 'contacts-by-channel'
  | 'contacts-by-category'
  | 'contacts-by-subject'
  | 'answered-within-deadline'
  | 'resolution-rate'
  | 'follow-up-coverage'
  | 'follow-up-feedback-handled'
  | 'satisfaction'
  | 'valid-complaints-per-household'
  | 'parcels'
  | 'parcels-collected-within-day'
  | 'parcel-average-minutes'
  | 'guard-cards'
  | 'guard-goods-passes'
  | 'guard-room-entries'
  | 'guard-handovers'
  | 'guard-occurrences';

export interface ReportMessages {
  heading: string;
  periodKind: string;
  periodKinds: Record<'week' | 'month' | 'half-year' | 'year', string>;
  previous: string;
  next: string;
  /** `{period}`: the period's label (`2026-11`), `{from}` and `{to}` its first and last days. */
  showing: string;
  /** `{n}`: how many sites the figures cover. */
  sites: string;
  loading: string;
  failed: string;
  /** Without a hub: what the view can still show. */
  noHub: string;
  sections: Record<ReportSectionText, string>;
  /** The keys of the lobby registers' sections (src/domain/reports/lobby.ts, src/domain/guard-report.ts). */
  lobbyFigures: {
    parcels: Record<'received' | 'collected' | 'waiting', string>;
    parcelAverage: Record<'average', string>;
    cards: Record<'issued' | 'returned' | 'outstanding' | 'left-with-card', string>;
    passes: Record<'entered' | 'approved' | 'rejected' | 'used' | 'waiting', string>;
    handovers: Record<'handed-over' | 'acknowledged' | 'waiting', string>;
  };
  standings: Record<'on-time' | 'late' | 'overdue' | 'pending', string>;
  key: string;
  count: string;
  total: string;
  /** A rate: `{rate}` a percentage, `{numerator}` of `{denominator}`. */
  rateOf: string;
  /** A rate with nothing to count yet. */
  noRate: string;
  /** `{title}`: the chart's accessible name; the table after it holds the figures. */
  chartLabel: string;
  /** `{title}`: the caption of a chart's table. */
  tableOf: string;
  downloads: string;
  reportCsv: string;
  reportXlsx: string;
  print: string;
  exportsHeading: string;
  exportWhat: string;
  exportKinds: Record<'visits' | 'incidents' | 'ledger' | 'parcels', string>;
  from: string;
  to: string;
  format: string;
  exportButton: string;
  caseLibrary: string;
  caseLibraryHint: string;
  downloadFailed: string;
}

const en: ReportMessages = {
  heading: 'Reports',
  periodKind: 'Period',
  periodKinds: { week: 'Week', month: 'Month', 'half-year': 'Half-year', year: 'Year' },
  previous: 'Previous period',
  next: 'Next period',
  showing: 'Figures for {period} ({from} to {to})',
  sites: 'Sites: {n}',
  loading: 'Loading the report…',
  failed: 'The report could not be loaded. Try again.',
  noHub: 'Visit and ledger figures come from the hub; this desk is not linked to one. The incident figures below are this desk’s own.',
  sections: {
    'visits-by-type': 'Visits by visitor type',
    'visits-by-hour': 'Visits by hour of the day',
    'visits-by-day': 'Visits by day',
    'incidents-by-class': 'Incidents by class',
    'incident-records': 'Incident records due in the period',
    'incident-records-on-time': 'Incident records signed off on time',
    'contacts-by-channel': 'Contacts by channel',
    'contacts-by-category': 'Contacts by category',
    'contacts-by-subject': 'Contacts by subject',
    'answered-within-deadline': 'Answered within the deadline',
    'resolution-rate': 'Resolved',
    'follow-up-coverage': 'Resolved cases followed up',
    'follow-up-feedback-handled': 'Follow-up feedback handled',
    satisfaction: 'Satisfaction at follow-up',
    'valid-complaints-per-household': 'Valid complaints per household',
    parcels: 'Parcels',
    'parcels-collected-within-day': 'Parcels collected within a day of arrival',
    'parcel-average-minutes': 'Average time to collection (minutes)',
    'guard-cards': 'Visitor and lift cards',
    'guard-goods-passes': 'Goods removal passes',
    'guard-room-entries': 'Restricted-room entries by room',
    'guard-handovers': 'Shift handovers',
    'guard-occurrences': 'Occurrences by kind',
  },
  lobbyFigures: {
    parcels: { received: 'Received', collected: 'Collected', waiting: 'Waiting at the end of the period' },
    parcelAverage: { average: 'Average minutes from arrival to collection' },
    cards: { issued: 'Issued', returned: 'Returned', outstanding: 'Not returned at the end of the period', 'left-with-card': 'Visitor left with the card' },
    passes: { entered: 'Entered', approved: 'Approved', rejected: 'Rejected', used: 'Used at the door', waiting: 'Waiting for approval at the end of the period' },
    handovers: { 'handed-over': 'Handed over', acknowledged: 'Acknowledged', waiting: 'Not acknowledged at the end of the period' },
  },
  standings: { 'on-time': 'On time', late: 'Late', overdue: 'Overdue', pending: 'Not yet due' },
  key: 'Item',
  count: 'Count',
  total: 'Total',
  rateOf: '{rate} % ({numerator} of {denominator})',
  noRate: 'No data yet',
  chartLabel: 'Chart: {title}. The figures are in the table below.',
  tableOf: 'Figures: {title}',
  downloads: 'Download the report',
  reportCsv: 'Report as CSV',
  reportXlsx: 'Report as Excel (XLSX)',
  print: 'Print',
  exportsHeading: 'Exports',
  exportWhat: 'Records',
  exportKinds: { visits: 'Visits', incidents: 'Incidents', ledger: 'Ledger', parcels: 'Parcels' },
  from: 'From',
  to: 'To',
  format: 'Format',
  exportButton: 'Export',
  caseLibrary: 'Case library (CSV)',
  caseLibraryHint: 'Typical incidents from this desk’s records, with names, numbers and units taken out. Read before sharing.',
  downloadFailed: 'The file could not be made. Try again.',
};

const zhHant: ReportMessages = {
  heading: '報表',
  periodKind: '期間',
  periodKinds: { week: '週', month: '月', 'half-year': '半年', year: '年' },
  previous: '上一期',
  next: '下一期',
  showing: '{period} 的數字（{from} 至 {to}）',
  sites: '物業數目：{n}',
  loading: '正在載入報表…',
  failed: '未能載入報表，請再試。',
  noHub: '訪客及登記冊的數字來自中央伺服器，本櫃檯未有連接。以下事故數字為本櫃檯自己的紀錄。',
  sections: {
    'visits-by-type': '按訪客類別的到訪',
    'visits-by-hour': '按時段的到訪',
    'visits-by-day': '按日期的到訪',
    'incidents-by-class': '按級別的事故',
    'incident-records': '本期到期的事故紀錄',
    'incident-records-on-time': '按時簽批的事故紀錄',
    'contacts-by-channel': '按途徑的來訪來電',
    'contacts-by-category': '按類別的來訪來電',
    'contacts-by-subject': '按事項的來訪來電',
    'answered-within-deadline': '於時限內回覆',
    'resolution-rate': '已解決',
    'follow-up-coverage': '已回訪的已解決個案',
    'follow-up-feedback-handled': '回訪意見已處理',
    satisfaction: '回訪滿意度',
    'valid-complaints-per-household': '每戶有效投訴',
    parcels: '包裹',
    'parcels-collected-within-day': '到達後一天內領取的包裹',
    'parcel-average-minutes': '平均領取時間（分鐘）',
    'guard-cards': '訪客卡及電梯卡',
    'guard-goods-passes': '放行條',
    'guard-room-entries': '按房間的監控室及檔案室登記',
    'guard-handovers': '交接班',
    'guard-occurrences': '按類別的事件記錄',
  },
  lobbyFigures: {
    parcels: { received: '收件', collected: '已領取', waiting: '期末仍等候領取' },
    parcelAverage: { average: '由收件至領取的平均分鐘' },
    cards: { issued: '已發出', returned: '已交還', outstanding: '期末未交還', 'left-with-card': '訪客帶走未交還' },
    passes: { entered: '已登記', approved: '已批核', rejected: '不獲批核', used: '已在門口使用', waiting: '期末仍待批核' },
    handovers: { 'handed-over': '已交班', acknowledged: '已確認', waiting: '期末未確認' },
  },
  standings: { 'on-time': '按時', late: '逾時', overdue: '過期未交', pending: '未到期' },
  key: '項目',
  count: '數目',
  total: '總數',
  rateOf: '{rate}%（{denominator} 宗中的 {numerator} 宗）',
  noRate: '暫無數字',
  chartLabel: '圖表：{title}。數字見下表。',
  tableOf: '數字：{title}',
  downloads: '下載報表',
  reportCsv: '報表（CSV）',
  reportXlsx: '報表（Excel XLSX）',
  print: '列印',
  exportsHeading: '匯出',
  exportWhat: '紀錄',
  exportKinds: { visits: '到訪', incidents: '事故', ledger: '登記冊', parcels: '包裹' },
  from: '由',
  to: '至',
  format: '格式',
  exportButton: '匯出',
  caseLibrary: '案例庫（CSV）',
  caseLibraryHint: '本櫃檯紀錄中的典型事故，已刪去姓名、號碼及單位。分享前請先細閱。',
  downloadFailed: '未能製作檔案，請再試。',
};

const zhHans: ReportMessages = {
  heading: '报表',
  periodKind: '期间',
  periodKinds: { week: '周', month: '月', 'half-year': '半年', year: '年' },
  previous: '上一期',
  next: '下一期',
  showing: '{period} 的数据（{from} 至 {to}）',
  sites: '项目数：{n}',
  loading: '正在加载报表…',
  failed: '报表加载失败，请重试。',
  noHub: '访客及台账数据来自中心服务器，本前台尚未连接。以下事件数据为本前台自己的记录。',
  sections: {
    'visits-by-type': '按访客类型的来访',
    'visits-by-hour': '按时段的来访',
    'visits-by-day': '按日期的来访',
    'incidents-by-class': '按级别的事件',
    'incident-records': '本期到期的事件记录',
    'incident-records-on-time': '按时签批的事件记录',
    'contacts-by-channel': '按途径的来访来电',
    'contacts-by-category': '按类别的来访来电',
    'contacts-by-subject': '按事项的来访来电',
    'answered-within-deadline': '时限内答复',
    'resolution-rate': '已解决',
    'follow-up-coverage': '已回访的已解决个案',
    'follow-up-feedback-handled': '回访意见已处理',
    satisfaction: '回访满意度',
    'valid-complaints-per-household': '每户有效投诉',
    parcels: '快递包裹',
    'parcels-collected-within-day': '到达后一天内领取的包裹',
    'parcel-average-minutes': '平均领取时间（分钟）',
    'guard-cards': '访客卡和电梯卡',
    'guard-goods-passes': '放行条',
    'guard-room-entries': '按房间的监控室、档案室登记',
    'guard-handovers': '交接班',
    'guard-occurrences': '按类别的事件记录',
  },
  lobbyFigures: {
    parcels: { received: '收件', collected: '已领取', waiting: '期末仍待领取' },
    parcelAverage: { average: '从收件到领取的平均分钟数' },
    cards: { issued: '已发出', returned: '已交还', outstanding: '期末未交还', 'left-with-card': '访客带走未交还' },
    passes: { entered: '已登记', approved: '已批准', rejected: '未获批准', used: '已在门口使用', waiting: '期末仍待审批' },
    handovers: { 'handed-over': '已交班', acknowledged: '已确认', waiting: '期末未确认' },
  },
  standings: { 'on-time': '按时', late: '逾时', overdue: '逾期未交', pending: '未到期' },
  key: '项目',
  count: '数量',
  total: '合计',
  rateOf: '{rate}%（{denominator} 件中的 {numerator} 件）',
  noRate: '暂无数据',
  chartLabel: '图表：{title}。数据见下表。',
  tableOf: '数据：{title}',
  downloads: '下载报表',
  reportCsv: '报表（CSV）',
  reportXlsx: '报表（Excel XLSX）',
  print: '打印',
  exportsHeading: '导出',
  exportWhat: '记录',
  exportKinds: { visits: '来访', incidents: '事件', ledger: '台账', parcels: '快递包裹' },
  from: '从',
  to: '至',
  format: '格式',
  exportButton: '导出',
  caseLibrary: '案例库（CSV）',
  caseLibraryHint: '本前台记录中的典型事件，已删去姓名、号码及房号。分享前请先审阅。',
  downloadFailed: '文件生成失败，请重试。',
};

export const REPORT_CATALOGUES: Record<LocaleTag, ReportMessages> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

export const reportMessagesFor = (locale: LocaleTag): ReportMessages => REPORT_CATALOGUES[locale];
