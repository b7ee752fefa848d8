/**
 * The receptionist desk's catalogue: separate from the kiosk's, so the kiosk never ships the desk's words
 * (nor the names of incident classes). Every locale implements every key; role and class codes are the
 * ones of src/domain/rules, repeated as unions because src/i18n imports nothing.
 */
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
  classLabel: Record<'A' | 'B' | 'C' | 'watchlist' | 'help', string>;
  notify: (roles: string) => string;
  roles: Record<RoleCode, string>;
  scriptC: string;
  scriptA: string;
  scriptB: string;
  scriptWatchlist: string;
  scriptHelp: string;
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
  done: string;
  noName: string;
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
