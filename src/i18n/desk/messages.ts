/**
 * The receptionist desk's catalogue: separate from the kiosk's, so the kiosk never ships the desk's words
 * (nor the names of incident classes). Every locale implements every key; role and class codes are the
 * ones of src/domain/rules, repeated as unions because src/i18n imports nothing.
 */
import type { GuardMessages } from './guard.js';

export type RoleCode =
  | 'cs-centre'
  | 'cs-staff'
  | 'cs-supervisor'
  | 'hr-manager'
  | 'duty-manager'
  | 'pr'
  | 'hr'
  | 'hr-officer'
  | 'site-manager'
  | 'security-supervisor'
  | 'responsible-executive'
  | 'admin-pr'
  | 'subsidiary-department'
  | 'reception';

/** Errors the planning forms show (expected visits, tours, the watch list). */
export type PlanningError =
  | 'required'
  | 'time-invalid'
  | 'phone-invalid'
  | 'phone-too-short'
  | 'phone-too-long'
  | 'phone-invalid-country'
  | 'names-exceed-headcount'
  | 'storage-failed';

/** Wording of `<vk-desk-invitations>`: issuing invitations, group invitations and passes through the hub. */
export interface InvitationMessages {
  heading: string;
  kind: string;
  kinds: Record<'single' | 'group' | 'pass', string>;
  host: string;
  visitorType: string;
  validFromDate: string;
  validFromTime: string;
  validHours: string;
  partySize: string;
  names: string;
  weekdays: string;
  weekdayNames: readonly [string, string, string, string, string, string, string];
  hoursFrom: string;
  hoursUntil: string;
  uses: string;
  permit: string;
  issue: string;
  issuing: string;
  issued: string;
  qrAlt: string;
  link: string;
  copyLink: string;
  copied: string;
  print: string;
  needsHub: string;
  failed: string;
}

/** Wording of `<vk-desk-planning>`: expected visits, tour requests and the watch list. */
export interface PlanningMessages {
  expectedHeading: string;
  unitOrOffice: string;
  expectedAt: string;
  guestName: string;
  people: string;
  visitKind: string;
  guest: string;
  complaintVisit: string;
  makeUp: string;
  add: string;
  expectedAdded: string;
  noExpected: string;
  partyOf: (n: number) => string;
  arrived: string;
  remove: string;
  toursHeading: string;
  tourKind: string;
  tourKinds: Record<'group' | 'vip' | 'ordinary' | 'ad-hoc', string>;
  leader: string;
  headcount: string;
  names: string;
  departments: string;
  visitDate: string;
  visitTime: string;
  request: string;
  /** The `tour-too-late` refusal: the kind the rules applied (already a label) and the earliest possible start. */
  tourTooLate: (kind: string, earliest: string) => string;
  tourRequested: string;
  countedAsGroup: string;
  coordination: string;
  noTours: string;
  tourLine: (kind: string, leader: string, headcount: number, when: string) => string;
  approve: string;
  decline: string;
  tourStatuses: Record<'requested' | 'approved' | 'declined', string>;
  invitationByHub: string;
  invitationReady: string;
  /** The approved tour's invitation was asked of the hub, which alone holds the signing key. */
  invitationRequested: string;
  /** The urgent phone-first exception (002:201): a checkbox on the tour form. */
  arrangedByPhone: string;
  arrangedByPhoneHint: string;
  /** Said when an urgent tour arranged by phone is recorded: the written notice's due time (formatted). */
  phoneFirstRecorded: (due: string) => string;
  /** On the tour's row while the written notice is awaited. */
  paperworkDue: (due: string) => string;
  watchHeading: string;
  watchIntro: string;
  matchBy: string;
  watchKinds: Record<'name' | 'phone' | 'id-hash', string>;
  reason: string;
  approvedBy: string;
  expires: string;
  addToWatchList: string;
  watchAdded: string;
  noWatch: string;
  /** A hub-linked desk signed in with a role the hub does not let keep the watch list (WATCH_LIST_ROLES). */
  watchRolesOnly: string;
  watchValue: string;
  actions: string;
  loadFailed: string;
  errors: Record<PlanningError, string>;
  countRange: (max: number) => string;
  expiryRange: (last: string) => string;
}

/** Wording of `<vk-desk-incidents>`: incident records (《突發事件處理記錄表》), the desk's tasks, the end of the day. */
export interface IncidentMessages {
  heading: string;
  empty: string;
  /** How many records are past due and not signed off. */
  overdueCount: (n: number) => string;
  fields: Record<'arrival' | 'notified' | 'acknowledged' | 'escalated' | 'closed' | 'due' | 'handledBy' | 'said' | 'done' | 'outcome' | 'typicalCase', string>;
  notYet: string;
  save: string;
  saved: string;
  close: string;
  /** Said after closing: the written record's due time, already formatted. */
  closed: (due: string) => string;
  signOff: string;
  signedOff: (name: string, time: string) => string;
  signOffRefused: string;
  locked: string;
  /** The text marker of an overdue record (never colour alone). */
  overdue: string;
  calendarWarnings: Record<'calendar-data-provisional' | 'calendar-data-ended', string>;
  tasksHeading: string;
  tasksEmpty: string;
  taskKinds: Record<'notify-cs-centre' | 'notify-hr' | 'host-message' | 'help-call' | 'tour-declined' | 'tour-paperwork', string>;
  /** A `tour-paperwork` task's tour: its leader and time (formatted). */
  taskTour: (leader: string, time: string) => string;
  /** The task's visit: its unit and arrival time (formatted). */
  taskVisit: (unit: string, time: string) => string;
  taskDue: (time: string) => string;
  taskDone: string;
  noneEarlier: string;
  overstayHeading: (hours: number) => string;
  noOverstays: string;
  onSiteSince: (time: string) => string;
  checkedOut: string;
}

export interface DeskMessages {
  locale: string;
  documentTitle: string;
  heading: string;
  signInHeading: string;
  signInIntro: string;
  pin: string;
  signIn: string;
  signOut: string;
  pinWrong: string;
  pinLocked: (minutes: number) => string;
  signedInAs: (name: string) => string;
  enableSound: string;
  soundOn: string;
  alertsHeading: string;
  noAlerts: string;
  classLabel: Record<'A' | 'B' | 'C' | 'watchlist' | 'help' | 'invite-reuse' | 'health' | 'host-declined', string>;
  notify: (roles: string) => string;
  roles: Record<RoleCode, string>;
  scriptC: string;
  scriptA: string;
  scriptB: string;
  scriptWatchlist: string;
  scriptHelp: string;
  /** A single-use invitation admitted again at another kiosk (the hub counts uses across kiosks). */
  scriptInviteReuse: string;
  /** A health alert: a kiosk silent too long, webhooks failing or the hub's disk nearly full. */
  scriptHealth: string;
  /** The host answered "Not expected" on their answer link. */
  scriptHostDeclined: string;
  acknowledge: string;
  acknowledgedBy: (name: string, time: string) => string;
  escalate: string;
  escalated: (level: number) => string;
  mediaPresent: string;
  arrivalsHeading: string;
  filter: string;
  filters: Record<'all' | 'waiting' | 'on-site' | 'left' | 'flagged' | 'expected', string>;
  search: string;
  noArrivals: string;
  columns: Record<'time' | 'visitor' | 'type' | 'host' | 'status' | 'actions', string>;
  statuses: Record<'registered' | 'awaiting-host' | 'checked-in' | 'checked-out' | 'denied' | 'host-absent', string>;
  confirmCheckIn: string;
  /** The field beside **Confirm check-in** (required where the site numbers its badges). */
  badgeNumber: string;
  badgeRequired: string;
  /** The badge handed out, on the row ("Badge 42"). */
  badgeShown: (n: string) => string;
  /** The reasons **Deny** offers (codes of src/domain/visit.ts `DENY_REASONS`). */
  denyReasons: Record<'host-declined' | 'host-unreachable' | 'no-identification' | 'no-appointment' | 'not-approved' | 'outside-hours' | 'conduct' | 'other', string>;
  /** The deny dialog's heading, naming the visitor (rendered as text). */
  denyHeading: (name: string) => string;
  denyReason: string;
  denyNote: string;
  denyNoteRequired: string;
  denyConfirm: string;
  cancel: string;
  /** On a denied row, under its status: the reason (already a label) and staff's words, if any. */
  denialShown: (reason: string, note: string) => string;
  /** Under a long list: how many rows are shown of how many match. */
  showingRows: (shown: number, total: number) => string;
  showMore: string;
  /** The site's rules file was refused: the file, the exact path of the first error and the parser's message. */
  rulesRefused: (src: string, path: string, message: string) => string;
  /** The site's rules file could not be read (network, not JSON): the previous rules stay. */
  rulesUnreadable: (src: string) => string;
  /** The idle sign-out countdown, shown in its last seconds. */
  idleWarning: (seconds: number) => string;
  staySignedIn: string;
  checkOut: string;
  printBadge: string;
  deny: string;
  hostConfirmed: string;
  hostDeclined: string;
  confirmedBy: (unit: string, time: string) => string;
  declinedBy: (unit: string, time: string) => string;
  reachHost: (phone: string) => string;
  raiseA: string;
  raiseB: string;
  raiseC: string;
  suggestA: string;
  suggestB: string;
  invited: string;
  message: (text: string, phone: string) => string;
  evacuationHeading: string;
  evacuationPrint: string;
  evacuationCount: (n: number) => string;
  fastEntryHeading: string;
  surname: string;
  unit: string;
  idSighted: string;
  partySize: string;
  add: string;
  added: string;
  visitorType: string;
  endOfDayHeading: string;
  stillOnSite: (n: number) => string;
  overstay: string;
  helpCall: string;
  /** A health alert's cause (hub/health.ts); `kiosk` is the end of the kiosk's device id. */
  healthCause: { 'kiosk-silent': (kiosk: string) => string; 'webhook-failed': string; 'disk-low': string };
  incidents: IncidentMessages;
  done: string;
  noName: string;
  planning: PlanningMessages;
  invitations: InvitationMessages;
  /** The guard's registers (desk/guard/): cards, goods passes, restricted rooms, the handover and occurrence logs. */
  guard: GuardMessages;
  typeLabels: Record<
    | 'resident'
    | 'visiting-resident'
    | 'business'
    | 'contractor'
    | 'courier'
    | 'food-delivery'
    | 'domestic-helper'
    | 'estate-agent'
    | 'job-applicant'
    | 'staff'
    | 'media'
    | 'government'
    | 'tour-group',
    string
  >;
  errors: Record<'required' | 'storage-failed', string>;
}
