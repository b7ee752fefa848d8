/**
 * The message catalogue's shape. Every locale implements every key (the compiler checks it, and a test
 * checks it at run time too); messages with parameters are functions so a translation can place them.
 * Codes mirror src/domain (visitor types, purposes, error codes) but are repeated here as string unions
 * because src/i18n imports nothing (ARCHITECTURE.md).
 */
export type VisitorTypeCode =
  | 'resident' | 'visiting-resident' | 'business' | 'contractor' | 'courier' | 'food-delivery'
  | 'domestic-helper' | 'estate-agent' | 'job-applicant' | 'staff' | 'media' | 'government' | 'tour-group';
export type PurposeCode =
  | 'enquiry' | 'repair' | 'payment' | 'collect-parcel' | 'paperwork' | 'paid-service' | 'suggestion'
  | 'complaint' | 'meeting' | 'delivery' | 'job-interview' | 'media-interview' | 'inspection' | 'tour' | 'other';
export type ErrorMessageCode =
  | 'required' | 'too-long' | 'name-invalid-characters' | 'phone-invalid' | 'phone-too-short'
  | 'phone-too-long' | 'phone-invalid-country' | 'party-size-invalid' | 'host-required' | 'choice-required'
  | 'privacy-not-acknowledged' | 'id-consent-required' | 'id-format-invalid' | 'id-check-character-invalid'
  | 'id-under-14' | 'message-too-long' | 'storage-quota' | 'storage-failed' | 'storage-blocked'
  | 'storage-row-invalid' | 'config-invalid'
  | 'invite-too-large' | 'invite-malformed' | 'invite-unsupported-header' | 'invite-unknown-key'
  | 'invite-revoked-key' | 'invite-bad-signature' | 'invite-invalid-claims' | 'invite-wrong-kind'
  | 'invite-wrong-site' | 'invite-not-yet-valid' | 'invite-expired' | 'invite-outside-hours' | 'invite-used-up'
  | 'seal-invalid'
  | 'tour-too-late'
  | 'record-transition-invalid' | 'parcel-already-collected' | 'signature-required';

/** Facts about the site that the privacy notice states, already in the visitor's language. */
export interface NoticeFacts {
  controller: string;
  contact: string;
  retentionDays: number;
  /** Whether the site records an identity number (the notice then says so, and why). */
  recordsIdNumber: boolean;
  phoneRequired: boolean;
  organisationRequired: boolean;
}

export interface Messages {
  /** BCP 47 tag used for `lang` attributes and Intl. */
  locale: string;
  documentTitle: string;
  welcome: string;
  welcomeIntro: string;
  checkIn: string;
  scanInvitation: string;
  checkOut: string;
  language: string;
  askForHelp: string;
  helpHeading: string;
  helpBody: string;
  close: string;

  formHeading: string;
  formIntro: string;
  requiredMark: string;
  optional: string;
  fullName: string;
  phone: string;
  phoneHint: string;
  organisation: string;
  /** Asked where the site checks what visitors carry in (`SiteConfig.guard.carriedItems`); optional. */
  carriedItems: string;
  carriedItemsHint: string;
  partySize: string;
  visitorType: string;
  purpose: string;
  choose: string;
  host: string;
  hostHint: string;
  hostSuggestions: (count: number) => string;
  hostAbsentNotice: string;
  leaveMessage: string;
  callbackPhone: string;
  appointment: string;
  yes: string;
  no: string;
  identityCheck: string;
  idSighted: string;
  idHostConfirms: string;
  idRecorded: string;
  idSightedNote: string;
  idDocument: string;
  idDocumentHkid: string;
  idDocumentCn: string;
  idNumber: string;
  idNumberNote: string;
  idConsent: string;
  under14: string;
  privacyHeading: string;
  privacySummary: (facts: NoticeFacts) => string;
  privacyReadFull: string;
  privacyAcknowledge: string;
  privacyNotice: {
    who: (facts: NoticeFacts) => string;
    why: string;
    fields: (facts: NoticeFacts) => string;
    recipients: string;
    retention: (facts: NoticeFacts) => string;
    access: (facts: NoticeFacts) => string;
    idNumber: string;
  };
  back: string;
  next: string;
  fixErrors: (count: number) => string;

  reviewHeading: string;
  reviewIntro: string;
  edit: string;
  submit: string;
  saving: string;
  notGiven: string;

  outcomeRegistered: (host: string) => string;
  outcomeMessageLeft: (host: string) => string;
  outcomeSeeStaff: string;
  /** When the registration was stored, already formatted in the site's time zone. */
  registeredAt: (time: string) => string;
  returningIn: (seconds: number) => string;
  done: string;

  idleWarning: (seconds: number) => string;
  moreTime: string;

  scanHeading: string;
  invitationCode: string;
  scanIntro: string;
  scanUnavailable: string;
  /** Label of the camera choice on the scan screen. */
  cameraChoice: string;
  /** A camera whose name the browser does not give (before permission): its position in the list. */
  cameraNumbered: (n: number) => string;
  cameraStarting: string;
  /** Under the viewfinder while scanning. */
  cameraHint: string;
  /** No camera, permission refused, or the decoder cannot load: the visitor types the code instead. */
  cameraUnavailable: string;
  cameraOff: string;
  checkOutHeading: string;
  checkOutBody: string;
  registerInstead: string;

  invitationHeading: string;
  passHeading: string;
  validUntil: string;
  confirm: string;
  takeBadge: string;
  tokenRefusedHeading: string;
  badgeCode: string;
  checkOutScan: string;
  checkedOutMessage: string;
  checkOutAlready: string;
  checkOutUnknown: string;
  feedbackQuestion: string;
  ratingSatisfied: string;
  ratingBasicallySatisfied: string;
  ratingDissatisfied: string;
  feedbackReason: string;
  send: string;
  skip: string;
  feedbackThanks: string;
  badgeTitle: string;
  badgeQrAlt: string;
  noPhotography: string;
  checkedInMessage: (host: string) => string;
  savedOnDevice: (pending: number) => string;
  /** Staff's sync indicator on a paired kiosk: when the hub last answered. */
  lastSynced: (time: string) => string;
  notSyncedYet: string;
  /** The invitation page a host forwards to a visitor's phone (`/invitation#TOKEN`). */
  invitationPage: {
    title: string;
    instructions: string;
    qrAlt: string;
    visiting: (host: string) => string;
    validBetween: (from: string, until: string) => string;
    party: (n: number) => string;
    passDays: (days: string) => string;
    passHours: (from: string, until: string) => string;
    weekdayNames: readonly [string, string, string, string, string, string, string];
    incomplete: string;
  };

  visitorTypes: Record<VisitorTypeCode, string>;
  purposes: Record<PurposeCode, string>;
  errors: Record<ErrorMessageCode, (details: Record<string, string | number>) => string>;
}
