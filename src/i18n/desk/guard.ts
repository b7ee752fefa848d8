/**
 * The desk's wording for the guard's registers (desk/guard/, src/domain/guard.ts): cards, goods-removal
 * passes (放行條), carried items, restricted rooms, the shift handover and the occurrence log. Kept in a file
 * of its own and hung on `DeskMessages.guard`, so the main desk catalogues change by one line each. The code
 * unions repeat src/domain/guard.ts (src/i18n imports nothing).
 */

export type GuardErrorText =
  | 'required'
  | 'too-long'
  | 'card-not-issued'
  | 'card-already-out'
  | 'pass-not-found'
  | 'pass-not-approved'
  | 'pass-closed'
  | 'pass-outside-validity'
  | 'pass-dates-invalid'
  | 'not-allowed-to-approve'
  | 'room-unknown'
  | 'room-entry-unapproved'
  | 'room-already-left'
  | 'handover-same-staff'
  | 'handover-acknowledged'
  | 'occurrence-raised';

type Details = Readonly<Record<string, string | number>>;

export interface GuardMessages {
  // cards
  cardsHeading: string;
  cardKindLabel: string;
  cardKinds: Record<'visitor' | 'lift', string>;
  cardNumber: string;
  issuedTo: string;
  holder: string;
  /** The "issued to" choice that is not a visit: a pass holder, a unit, a contractor. */
  noVisit: string;
  issueCard: string;
  returnNumber: string;
  recordReturn: string;
  cardReturned: string;
  outstandingHeading: string;
  noneOutstanding: string;
  leftWithCard: string;
  cardLine: (kind: string, number: string, holder: string, time: string) => string;
  cardIssued: (number: string) => string;
  cardBack: (number: string) => string;
  /** Asked on **Check out** of a visitor holding a numbered badge (the visitor card). */
  cardBackQuestion: (number: string) => string;
  cardBackCheckOut: string;
  cardNotBackCheckOut: string;
  // goods-removal passes
  passesHeading: string;
  passUnit: string;
  requester: string;
  requesters: Record<'resident' | 'tenant', string>;
  passItems: string;
  validFrom: string;
  validUntil: string;
  requestPass: string;
  passStatus: Record<'requested' | 'approved' | 'rejected' | 'closed', string>;
  approve: string;
  reject: string;
  letOut: string;
  doorCheck: string;
  passCode: string;
  checkPass: string;
  approvalNote: string;
  noPasses: string;
  passLine: (code: string, unit: string, from: string, until: string) => string;
  passEntered: (code: string) => string;
  passUsed: (code: string) => string;
  // carried items
  carriedHeading: string;
  carriedVisit: string;
  carriedItems: string;
  carriedDecision: string;
  carriedDecisions: Record<'allowed' | 'not-allowed' | 'with-permission', string>;
  permittedBy: string;
  recordCarried: string;
  noVisitChoice: string;
  /** Items visitors declared at the kiosk that the guard has not checked yet. */
  declaredHeading: string;
  checkDeclared: string;
  carriedLine: (items: string, decision: string, time: string) => string;
  // restricted rooms
  roomsHeading: string;
  room: string;
  roomNames: Record<'monitoring-room' | 'archive', string>;
  person: string;
  organisation: string;
  reason: string;
  approvedBy: string;
  enterRoom: string;
  leftRoom: string;
  stillInside: string;
  noRoomEntries: string;
  roomLine: (room: string, person: string, entered: string) => string;
  roomDetails: (reason: string, approver: string) => string;
  roomLeftAt: (time: string) => string;
  // shift handover
  handoverHeading: string;
  openItems: string;
  changes: string;
  notices: string;
  equipment: string;
  handOver: string;
  acknowledgeHandover: string;
  waitingForNextShift: string;
  sameStaffNote: string;
  noHandover: string;
  handedOverBy: (name: string, time: string) => string;
  acknowledgedBy: (name: string, time: string) => string;
  // occurrences
  occurrencesHeading: string;
  category: string;
  categories: Record<'leak' | 'lift-fault' | 'suspicious-person' | 'equipment' | 'other', string>;
  details: string;
  /** The time it happened today, when it is written down later. */
  occurredAt: string;
  logOccurrence: string;
  incidentClass: string;
  raiseIncident: string;
  incidentRaised: string;
  noOccurrences: string;
  occurrenceLine: (category: string, time: string, by: string) => string;
  saved: string;
  errors: Record<GuardErrorText, (d: Details) => string>;
}

const s = (d: Details, key: string): string => String(d[key] ?? '');

export const guardEn: GuardMessages = {
  cardsHeading: 'Visitor and lift cards',
  cardKindLabel: 'Card type',
  cardKinds: { visitor: 'Visitor card', lift: 'Lift card' },
  cardNumber: 'Card number',
  issuedTo: 'Issued to',
  holder: 'Holder (pass, unit or name)',
  noVisit: 'Not a visit: a pass holder or another person',
  issueCard: 'Issue card',
  returnNumber: 'Number of the card handed back',
  recordReturn: 'Record return',
  cardReturned: 'Card returned',
  outstandingHeading: 'Cards not returned',
  noneOutstanding: 'Every card is back.',
  leftWithCard: 'Checked out without returning the card',
  cardLine: (kind, number, holder, time) => `${kind} ${number} — ${holder}, issued ${time}`,
  cardIssued: (number) => `Card ${number} issued.`,
  cardBack: (number) => `Card ${number} returned.`,
  cardBackQuestion: (number) => `Badge ${number} handed back?`,
  cardBackCheckOut: 'Returned — check out',
  cardNotBackCheckOut: 'Not returned — check out',
  passesHeading: 'Goods removal passes',
  passUnit: 'Unit',
  requester: 'Requested by',
  requesters: { resident: 'Resident', tenant: 'Tenant' },
  passItems: 'Items to take out',
  validFrom: 'Valid from',
  validUntil: 'Valid until',
  requestPass: 'Enter pass',
  passStatus: { requested: 'Waiting for approval', approved: 'Approved', rejected: 'Rejected', closed: 'Used and closed' },
  approve: 'Approve',
  reject: 'Reject',
  letOut: 'Let goods out',
  doorCheck: 'Check a pass at the door',
  passCode: 'Pass code',
  checkPass: 'Check pass',
  approvalNote: 'Only the management office approves passes.',
  noPasses: 'No passes.',
  passLine: (code, unit, from, until) => `Pass ${code} — unit ${unit}, valid ${from} to ${until}`,
  passEntered: (code) => `Pass ${code} entered; it needs the management office's approval.`,
  passUsed: (code) => `Pass ${code} used: the goods may go out.`,
  carriedHeading: 'Carried items',
  carriedVisit: 'Visitor',
  carriedItems: 'Items carried',
  carriedDecision: 'Decision',
  carriedDecisions: { allowed: 'Allowed', 'not-allowed': 'Not allowed', 'with-permission': 'Allowed with permission' },
  permittedBy: 'Permitted by',
  recordCarried: 'Record items',
  noVisitChoice: 'No visit record',
  declaredHeading: 'Declared at the kiosk, not checked yet',
  checkDeclared: 'Check items',
  carriedLine: (items, decision, time) => `${items} — ${decision}, ${time}`,
  roomsHeading: 'Restricted rooms',
  room: 'Room',
  roomNames: { 'monitoring-room': 'Monitoring room', archive: 'Archive' },
  person: 'Name',
  organisation: 'Organisation',
  reason: 'Reason',
  approvedBy: 'Approved by',
  enterRoom: 'Record entry',
  leftRoom: 'Left the room',
  stillInside: 'Still inside',
  noRoomEntries: 'Nobody entered a restricted room recently.',
  roomLine: (room, person, entered) => `${room}: ${person}, entered ${entered}`,
  roomDetails: (reason, approver) => `${reason} — approved by ${approver}`,
  roomLeftAt: (time) => `left ${time}`,
  handoverHeading: 'Shift handover',
  openItems: 'Open items',
  changes: 'Changes',
  notices: 'Notices from above',
  equipment: 'Equipment',
  handOver: 'Hand over',
  acknowledgeHandover: 'Acknowledge handover',
  waitingForNextShift: 'Waiting for the next shift',
  sameStaffNote: 'The next shift acknowledges: another member of staff signs in.',
  noHandover: 'No handover yet.',
  handedOverBy: (name, time) => `Handed over by ${name} at ${time}`,
  acknowledgedBy: (name, time) => `Acknowledged by ${name} at ${time}`,
  occurrencesHeading: 'Occurrence log',
  category: 'What happened',
  categories: { leak: 'Water leak', 'lift-fault': 'Lift fault', 'suspicious-person': 'Suspicious person', equipment: 'Equipment fault', other: 'Other' },
  details: 'Details',
  occurredAt: 'Time it happened (if earlier today)',
  logOccurrence: 'Log occurrence',
  incidentClass: 'Incident class',
  raiseIncident: 'Raise incident',
  incidentRaised: 'Incident raised',
  noOccurrences: 'Nothing logged recently.',
  occurrenceLine: (category, time, by) => `${category} — ${time}, ${by}`,
  saved: 'Saved.',
  errors: {
    required: () => 'Please fill this in.',
    'too-long': () => 'That is too long.',
    'card-not-issued': (d) => `Card ${s(d, 'number')} was never issued or is already back: nothing to return.`,
    'card-already-out': (d) => `Card ${s(d, 'number')} is already out and not returned.`,
    'pass-not-found': (d) => `No pass has the code ${s(d, 'code')}.`,
    'pass-not-approved': (d) => `Refused: pass ${s(d, 'code')} is not approved.`,
    'pass-closed': (d) => `Refused: pass ${s(d, 'code')} was already used and is closed.`,
    'pass-outside-validity': (d) => `Refused: pass ${s(d, 'code')} is valid from ${s(d, 'validFrom')} to ${s(d, 'validUntil')} only.`,
    'pass-dates-invalid': () => 'Check the dates: the last day cannot come before the first.',
    'not-allowed-to-approve': () => 'Only the management office may approve passes.',
    'room-unknown': () => 'That room is not on the register.',
    'room-entry-unapproved': () => "Refused: entry needs a superior's approval. Write who approved it.",
    'room-already-left': () => 'Already recorded as having left.',
    'handover-same-staff': () => 'The next shift must acknowledge: another member of staff signs in.',
    'handover-acknowledged': () => 'This handover is already acknowledged.',
    'occurrence-raised': () => 'An incident was already raised from this entry.',
  },
};

export const guardZhHant: GuardMessages = {
  cardsHeading: '訪客卡及電梯卡',
  cardKindLabel: '卡類別',
  cardKinds: { visitor: '訪客卡', lift: '電梯卡' },
  cardNumber: '卡號',
  issuedTo: '發給',
  holder: '持卡人（通行證、單位或姓名）',
  noVisit: '不屬訪客登記：通行證持有人或其他人士',
  issueCard: '發卡',
  returnNumber: '交還的卡號',
  recordReturn: '登記交還',
  cardReturned: '已交還',
  outstandingHeading: '未交還的卡',
  noneOutstanding: '所有卡已交還。',
  leftWithCard: '已離開但未交還卡',
  cardLine: (kind, number, holder, time) => `${kind} ${number} — ${holder}，${time} 發出`,
  cardIssued: (number) => `已發出卡 ${number}。`,
  cardBack: (number) => `卡 ${number} 已交還。`,
  cardBackQuestion: (number) => `訪客證 ${number} 已交還？`,
  cardBackCheckOut: '已交還 — 離開登記',
  cardNotBackCheckOut: '未交還 — 離開登記',
  passesHeading: '放行條',
  passUnit: '單位',
  requester: '申請人',
  requesters: { resident: '住戶', tenant: '租戶' },
  passItems: '搬出物品',
  validFrom: '有效日期由',
  validUntil: '有效日期至',
  requestPass: '登記放行條',
  passStatus: { requested: '待批核', approved: '已批核', rejected: '不獲批核', closed: '已使用及結束' },
  approve: '批核',
  reject: '拒絕',
  letOut: '放行',
  doorCheck: '門口核對放行條',
  passCode: '放行條編號',
  checkPass: '核對',
  approvalNote: '只有管理處可批核放行條。',
  noPasses: '暫無放行條。',
  passLine: (code, unit, from, until) => `放行條 ${code} — 單位 ${unit}，有效日期 ${from} 至 ${until}`,
  passEntered: (code) => `已登記放行條 ${code}，須由管理處批核。`,
  passUsed: (code) => `放行條 ${code} 已使用：物品可以放行。`,
  carriedHeading: '攜帶物品',
  carriedVisit: '訪客',
  carriedItems: '攜帶的物品',
  carriedDecision: '決定',
  carriedDecisions: { allowed: '可攜帶', 'not-allowed': '不可攜帶', 'with-permission': '經批核後可攜帶' },
  permittedBy: '批核人',
  recordCarried: '登記物品',
  noVisitChoice: '沒有訪客記錄',
  declaredHeading: '自助登記時申報、尚未查驗',
  checkDeclared: '查驗物品',
  carriedLine: (items, decision, time) => `${items} — ${decision}，${time}`,
  roomsHeading: '監控室及檔案室登記',
  room: '房間',
  roomNames: { 'monitoring-room': '監控室', archive: '檔案室' },
  person: '姓名',
  organisation: '公司／機構名稱',
  reason: '事由',
  approvedBy: '批核人',
  enterRoom: '登記進入',
  leftRoom: '登記離開',
  stillInside: '仍在房內',
  noRoomEntries: '近期沒有人進入。',
  roomLine: (room, person, entered) => `${room}：${person}，${entered} 進入`,
  roomDetails: (reason, approver) => `${reason} — 批核人 ${approver}`,
  roomLeftAt: (time) => `${time} 離開`,
  handoverHeading: '交接班',
  openItems: '未完成事項',
  changes: '業務變動',
  notices: '上級通知',
  equipment: '設備情況',
  handOver: '交班',
  acknowledgeHandover: '確認接班',
  waitingForNextShift: '待下一班確認',
  sameStaffNote: '須由下一班同事登入確認。',
  noHandover: '暫無交班記錄。',
  handedOverBy: (name, time) => `${name} 於 ${time} 交班`,
  acknowledgedBy: (name, time) => `${name} 於 ${time} 確認接班`,
  occurrencesHeading: '事件記錄簿',
  category: '類別',
  categories: { leak: '漏水', 'lift-fault': '電梯故障', 'suspicious-person': '可疑人物', equipment: '設備故障', other: '其他' },
  details: '詳情',
  occurredAt: '發生時間（如較早，今日）',
  logOccurrence: '記錄事件',
  incidentClass: '突發事件類別',
  raiseIncident: '提升為突發事件',
  incidentRaised: '已提升為突發事件',
  noOccurrences: '近期沒有記錄。',
  occurrenceLine: (category, time, by) => `${category} — ${time}，${by}`,
  saved: '已儲存。',
  errors: {
    required: () => '請填寫此項。',
    'too-long': () => '內容太長。',
    'card-not-issued': (d) => `卡 ${s(d, 'number')} 沒有發出或已交還，無法登記交還。`,
    'card-already-out': (d) => `卡 ${s(d, 'number')} 已發出，尚未交還。`,
    'pass-not-found': (d) => `沒有編號 ${s(d, 'code')} 的放行條。`,
    'pass-not-approved': (d) => `不可放行：放行條 ${s(d, 'code')} 未獲批核。`,
    'pass-closed': (d) => `不可放行：放行條 ${s(d, 'code')} 已使用並已結束。`,
    'pass-outside-validity': (d) => `不可放行：放行條 ${s(d, 'code')} 只在 ${s(d, 'validFrom')} 至 ${s(d, 'validUntil')} 有效。`,
    'pass-dates-invalid': () => '請檢查日期：結束日期不可早於開始日期。',
    'not-allowed-to-approve': () => '只有管理處可批核放行條。',
    'room-unknown': () => '該房間不在登記範圍內。',
    'room-entry-unapproved': () => '不可進入：須經上級批核，請填寫批核人。',
    'room-already-left': () => '已登記離開。',
    'handover-same-staff': () => '須由下一班同事確認，請接班同事登入。',
    'handover-acknowledged': () => '此交班已確認。',
    'occurrence-raised': () => '此記錄已提升為突發事件。',
  },
};

export const guardZhHans: GuardMessages = {
  cardsHeading: '访客卡和电梯卡',
  cardKindLabel: '卡类型',
  cardKinds: { visitor: '访客卡', lift: '电梯卡' },
  cardNumber: '卡号',
  issuedTo: '发给',
  holder: '持卡人（通行证、房号或姓名）',
  noVisit: '非访客登记：通行证持有人或其他人员',
  issueCard: '发卡',
  returnNumber: '交还的卡号',
  recordReturn: '登记交还',
  cardReturned: '已交还',
  outstandingHeading: '未交还的卡',
  noneOutstanding: '所有卡均已交还。',
  leftWithCard: '已签离但未交还卡',
  cardLine: (kind, number, holder, time) => `${kind} ${number} — ${holder}，${time} 发出`,
  cardIssued: (number) => `已发出卡 ${number}。`,
  cardBack: (number) => `卡 ${number} 已交还。`,
  cardBackQuestion: (number) => `访客证 ${number} 是否已交还？`,
  cardBackCheckOut: '已交还 — 访客签离',
  cardNotBackCheckOut: '未交还 — 访客签离',
  passesHeading: '放行条',
  passUnit: '房号',
  requester: '申请人',
  requesters: { resident: '业主/住户', tenant: '租户' },
  passItems: '搬出物品',
  validFrom: '有效期自',
  validUntil: '有效期至',
  requestPass: '登记放行条',
  passStatus: { requested: '待审批', approved: '已批准', rejected: '未获批准', closed: '已使用并关闭' },
  approve: '批准',
  reject: '拒绝',
  letOut: '放行',
  doorCheck: '门口核对放行条',
  passCode: '放行条编号',
  checkPass: '核对',
  approvalNote: '只有管理处可以批准放行条。',
  noPasses: '暂无放行条。',
  passLine: (code, unit, from, until) => `放行条 ${code} — 房号 ${unit}，有效期 ${from} 至 ${until}`,
  passEntered: (code) => `已登记放行条 ${code}，须经管理处批准。`,
  passUsed: (code) => `放行条 ${code} 已使用：物品可以放行。`,
  carriedHeading: '携带物品',
  carriedVisit: '访客',
  carriedItems: '携带的物品',
  carriedDecision: '处理',
  carriedDecisions: { allowed: '允许携带', 'not-allowed': '不允许携带', 'with-permission': '经批准后可携带' },
  permittedBy: '批准人',
  recordCarried: '登记物品',
  noVisitChoice: '无访客记录',
  declaredHeading: '自助登记时申报、尚未查验',
  checkDeclared: '查验物品',
  carriedLine: (items, decision, time) => `${items} — ${decision}，${time}`,
  roomsHeading: '监控室、档案室登记',
  room: '房间',
  roomNames: { 'monitoring-room': '监控室', archive: '档案室' },
  person: '姓名',
  organisation: '来访单位',
  reason: '事由',
  approvedBy: '批准人',
  enterRoom: '登记进入',
  leftRoom: '登记离开',
  stillInside: '仍在房内',
  noRoomEntries: '近期无人进入。',
  roomLine: (room, person, entered) => `${room}：${person}，${entered} 进入`,
  roomDetails: (reason, approver) => `${reason} — 批准人 ${approver}`,
  roomLeftAt: (time) => `${time} 离开`,
  handoverHeading: '交接班',
  openItems: '未完成事项',
  changes: '业务变动',
  notices: '上级通知',
  equipment: '设备情况',
  handOver: '交班',
  acknowledgeHandover: '确认接班',
  waitingForNextShift: '待下一班确认',
  sameStaffNote: '须由下一班同事登录确认。',
  noHandover: '暂无交班记录。',
  handedOverBy: (name, time) => `${name} 于 ${time} 交班`,
  acknowledgedBy: (name, time) => `${name} 于 ${time} 确认接班`,
  occurrencesHeading: '事件记录簿',
  category: '类别',
  categories: { leak: '漏水', 'lift-fault': '电梯故障', 'suspicious-person': '可疑人员', equipment: '设备故障', other: '其他' },
  details: '详情',
  occurredAt: '发生时间（如较早，今天）',
  logOccurrence: '记录事件',
  incidentClass: '突发事件类别',
  raiseIncident: '升级为突发事件',
  incidentRaised: '已升级为突发事件',
  noOccurrences: '近期无记录。',
  occurrenceLine: (category, time, by) => `${category} — ${time}，${by}`,
  saved: '已保存。',
  errors: {
    required: () => '请填写此项。',
    'too-long': () => '内容太长。',
    'card-not-issued': (d) => `卡 ${s(d, 'number')} 未发出或已交还，无法登记交还。`,
    'card-already-out': (d) => `卡 ${s(d, 'number')} 已发出，尚未交还。`,
    'pass-not-found': (d) => `没有编号为 ${s(d, 'code')} 的放行条。`,
    'pass-not-approved': (d) => `不得放行：放行条 ${s(d, 'code')} 未获批准。`,
    'pass-closed': (d) => `不得放行：放行条 ${s(d, 'code')} 已使用并关闭。`,
    'pass-outside-validity': (d) => `不得放行：放行条 ${s(d, 'code')} 仅在 ${s(d, 'validFrom')} 至 ${s(d, 'validUntil')} 有效。`,
    'pass-dates-invalid': () => '请检查日期：结束日期不能早于开始日期。',
    'not-allowed-to-approve': () => '只有管理处可以批准放行条。',
    'room-unknown': () => '该房间不在登记范围内。',
    'room-entry-unapproved': () => '不得进入：须经上级批准，请填写批准人。',
    'room-already-left': () => '已登记离开。',
    'handover-same-staff': () => '须由下一班同事确认，请接班同事登录。',
    'handover-acknowledged': () => '此交班已确认。',
    'occurrence-raised': () => '此记录已升级为突发事件。',
  },
};
