/**
 * The wire protocol between devices (kiosks, desks) and the hub: request and reply bodies of `/api/v1`.
 * One set of schemas for both sides — the browser parses the hub's replies with them, the hub parses the
 * devices' requests with them and generates its OpenAPI document from them. docs/hub-api.md describes the
 * protocol in prose. zod/mini, because this module ships to the kiosk.
 */
import { z } from 'zod/mini';
import { VISITOR_TYPES } from '../domain/codes.js';
import { STAFF_ROLES } from '../domain/desk.js';
import { LEDGER_ERROR_CODES } from '../domain/ledger/errors.js';
import { isUuid } from '../domain/uuid.js';
import { alertSchema } from './desk.js';
import { hostAnswerEventSchema } from './host-answer.js';
import { kidSchema, publicJwkSchema } from './invite.js';
import { lobbyRecordSchema } from './lobby.js';
import { MAX_STORED_ID, MAX_STORED_TEXT, visitSchema } from './visit.js';

/** Most changes one push may carry: a week offline is a few hundred; 10 000 queued visits go in 20 requests. */
export const MAX_PUSH_CHANGES = 500;
/** Largest request body the hub reads, in bytes: a full push of large visits stays well below it. */
export const MAX_BODY_BYTES = 1_048_576;
/** A pairing code: 128 random bits, base64url. Long enough that guessing one is hopeless, short enough for a QR. */
export const PAIR_CODE_PATTERN = /^[A-Za-z0-9_-]{22}$/;
/** Bearer tokens: a prefix naming the kind (`vkd_` device, `vks_` staff session) and 256 random bits. */
export const BEARER_PATTERN = /^vk[ds]_[A-Za-z0-9_-]{43}$/;

const isoUtc = z.iso.datetime();
const uuid = z.string().check(z.refine(isUuid, 'not a canonical UUID'));
const siteId = z.string().check(z.minLength(1), z.maxLength(MAX_STORED_ID));
const seq = z.int().check(z.minimum(1));

/** The error body of every non-2xx reply: a stable code (src/domain/errors.ts style) and an English message. */
export const apiErrorSchema = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    /** Where in the body the problem is, e.g. `changes.3.visit.host.label`. */
    path: z.optional(z.string()),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** POST /api/v1/pair — a kiosk exchanges a one-time pairing code for a device token. */
export const pairRequestSchema = z.strictObject({
  code: z.string().check(z.regex(PAIR_CODE_PATTERN, 'not a pairing code')),
  deviceId: uuid,
  /** The kiosk's badge-signing public key (src/storage/keys.ts), so the hub can verify its badge tokens. */
  badgeKey: z.strictObject({ kid: kidSchema, publicJwk: publicJwkSchema }),
});
export type PairRequest = z.infer<typeof pairRequestSchema>;

export const pairReplySchema = z.strictObject({
  token: z.string().check(z.regex(BEARER_PATTERN)),
  siteId,
  deviceId: uuid,
});
export type PairReply = z.infer<typeof pairReplySchema>;

/** One change a device sends: the current state of a visit (the outbox's `upsert-visit`) … */
export const visitChangeSchema = z.strictObject({
  seq,
  type: z.literal('visit'),
  visit: visitSchema,
});
/** … or of a lobby record (src/schemas/lobby.ts; the outbox's `upsert-record`), merged by the same rule. */
export const recordChangeSchema = z.strictObject({
  seq,
  type: z.literal('record'),
  record: lobbyRecordSchema,
});
export const changeSchema = z.discriminatedUnion('type', [visitChangeSchema, recordChangeSchema]);
export type Change = z.infer<typeof changeSchema>;

/**
 * POST /api/v1/sync/push — the oldest entries of a device's outbox, in strictly ascending `seq`. The hub
 * applies the whole batch in one transaction and acknowledges each seq; a replayed batch changes nothing.
 */
export const pushRequestSchema = z
  .strictObject({
    deviceId: uuid,
    changes: z.array(changeSchema).check(z.minLength(1), z.maxLength(MAX_PUSH_CHANGES)),
  })
  .check(
    z.refine((body) => body.changes.every((c, i) => i === 0 || c.seq > (body.changes[i - 1]?.seq ?? 0)), {
      message: 'sequence numbers must strictly ascend',
      path: ['changes'],
    }),
  );
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushReplySchema = z.strictObject({
  /** Every seq the hub now holds durably (applied, already held, or kept aside as unreadable): delete them. */
  acked: z.array(seq),
  /** Set when the batch starts after a hole in this device's sequence (e.g. a wiped tablet). */
  gap: z.optional(z.strictObject({ expected: seq, got: seq })),
});
export type PushReply = z.infer<typeof pushReplySchema>;

/** Most erased visit ids one pull carries (a kiosk holds a day of its own visits: far fewer). */
export const MAX_PULL_ERASED_IDS = 10_000;
/** Largest outbox count a kiosk may report (a year of a busy lobby offline is far below it). */
export const MAX_REPORTED_PENDING = 10_000_000;
/** Largest storage use a kiosk may report, in bytes (1 PiB: beyond any tablet; keeps the number exact). */
export const MAX_REPORTED_STORAGE_BYTES = 2 ** 50;

/** GET /api/v1/sync/pull?since=CURSOR — what a kiosk needs from the hub, and nothing more. */
export const pullReplySchema = z.strictObject({
  /** Opaque; send it back as `since` next time. */
  cursor: z.string().check(z.maxLength(64)),
  /** The site's configuration (with its key set), when it changed since the cursor. Validated by parseSiteConfig. */
  site: z.optional(z.unknown()),
  /** Invitation and pass ids revoked since the cursor. */
  revokedJtis: z.array(z.string().check(z.maxLength(32))),
  /** True when this device's token was revoked: the kiosk unpairs and shows the welcome screen only. */
  deviceRevoked: z.boolean(),
  /**
   * Visits erased on request (hub/privacy.ts) since the cursor: the kiosk deletes its copies. Ids only; absent
   * when none (and on a first pull: a kiosk that never pulled holds nothing the hub erased since).
   */
  erasedVisitIds: z.optional(z.array(uuid).check(z.maxLength(MAX_PULL_ERASED_IDS))),
});
export type PullReply = z.infer<typeof pullReplySchema>;

/**
 * What a kiosk reports about itself with every pull, as query parameters beside `since` (`pending`,
 * `storageBytes`), for the desk's health view: changes waiting in its outbox and the bytes its browser storage
 * uses (`navigator.storage.estimate()`). Both optional: an older kiosk sends neither. Counts only.
 */
export const pullReportSchema = z.strictObject({
  pending: z.optional(z.int().check(z.minimum(0), z.maximum(MAX_REPORTED_PENDING))),
  storageBytes: z.optional(z.int().check(z.minimum(0), z.maximum(MAX_REPORTED_STORAGE_BYTES))),
});
export type PullReport = z.infer<typeof pullReportSchema>;

/** POST /api/v1/sessions — staff sign-in at a desk. */
export const signInRequestSchema = z.strictObject({
  siteId: z.optional(siteId),
  pin: z.string().check(z.regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits')),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const signInReplySchema = z.strictObject({
  token: z.string().check(z.regex(BEARER_PATTERN)),
  expiresAt: isoUtc,
  staff: z.strictObject({
    id: z.string().check(z.maxLength(MAX_STORED_ID)),
    name: z.string().check(z.maxLength(MAX_STORED_TEXT)),
    role: z.enum(STAFF_ROLES),
    siteIds: z.array(siteId),
  }),
});
export type SignInReply = z.infer<typeof signInReplySchema>;

/** A kiosk as the desk sees it: when it last reached the hub, and whether its sequence has a hole. */
export const deviceStatusSchema = z.strictObject({
  deviceId: uuid,
  role: z.enum(['kiosk', 'desk']),
  label: z.optional(z.string().check(z.maxLength(MAX_STORED_TEXT))),
  lastSyncAt: z.optional(isoUtc),
  lastSeq: z.int().check(z.minimum(0)),
  /** Seqs the hub never received (a wiped tablet, a lost outbox), as `[from, to]` inclusive ranges. */
  gaps: z.array(z.tuple([seq, seq])),
  revoked: z.boolean(),
});
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

/** The API version GET /api/v1/health reports (also the OpenAPI document's `info.version`). */
export const HUB_API_VERSION = '1';

/** GET /api/v1/health — public: that the hub answers, and nothing else worth knowing to an outsider. */
export const healthReplySchema = z.strictObject({
  ok: z.literal(true),
  version: z.string().check(z.maxLength(32)),
  db: z.enum(['sqlite', 'postgres']),
});
export type HealthReply = z.infer<typeof healthReplySchema>;

/** One kiosk in GET /api/v1/health/site: its last contact and what it reported (nothing yet: optional). */
export const kioskHealthSchema = z.strictObject({
  deviceId: uuid,
  label: z.optional(z.string().check(z.maxLength(MAX_STORED_TEXT))),
  /** The last push or pull the hub received from it; absent: never since pairing. */
  lastContactAt: z.optional(isoUtc),
  /** Silent longer than the site's `health.silentMinutes` (default 60). */
  silent: z.boolean(),
  /** Changes waiting in its outbox, when the kiosk reports it. */
  pending: z.optional(z.int().check(z.minimum(0))),
  /** Bytes its browser storage uses, when the kiosk reports it. */
  storageBytes: z.optional(z.number().check(z.minimum(0))),
  /** When it last reported `pending` / `storageBytes` (its last pull that carried them). */
  reportedAt: z.optional(isoUtc),
});

/** GET /api/v1/health/site — staff: the site's kiosks and the hub's disk. */
export const siteHealthReplySchema = z.strictObject({
  checkedAt: isoUtc,
  silentMinutes: z.int().check(z.minimum(1)),
  kiosks: z.array(kioskHealthSchema),
  /** Free and total bytes of the file system holding DATA_DIR; absent when the hub has no data directory. */
  disk: z.optional(z.strictObject({ freeBytes: z.number().check(z.minimum(0)), totalBytes: z.number().check(z.minimum(0)) })),
  /** The hub itself, as the public health check reports it (API version, database kind). */
  hub: z.optional(z.strictObject({ version: z.string().check(z.maxLength(32)), db: z.enum(['sqlite', 'postgres']) })),
});
export type SiteHealthReply = z.infer<typeof siteHealthReplySchema>;

/** GET /api/v1/desk/state — the signed-in desk's starting point; the event stream carries changes after `eventId`. */
export const deskStateReplySchema = z.strictObject({
  /** Today's visits at the site (the site's local day) and any visit still on site from earlier days. */
  visits: z.array(visitSchema),
  /** Open alerts and today's closed ones. */
  alerts: z.array(alertSchema),
  devices: z.array(deviceStatusSchema),
  /** Hosts' answers to today's links (hub/notify/host-answers.ts); absent from hubs without them. */
  hostAnswers: z.optional(z.array(hostAnswerEventSchema)),
  /** Lobby records still open (parcels waiting, riders in the lobby) and today's; absent from older hubs. */
  records: z.optional(z.array(lobbyRecordSchema)),
  /** The last event id included: pass it as `Last-Event-ID` to GET /api/v1/events. */
  eventId: z.string().check(z.maxLength(64)),
});
export type DeskStateReply = z.infer<typeof deskStateReplySchema>;

/**
 * One server-sent event on GET /api/v1/events (read with fetch, Authorization header; never a token in the
 * URL). `event:` is the `type`, `id:` the event id, `data:` this JSON.
 */
export const hubEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('visit'), visit: visitSchema }),
  z.strictObject({ type: z.literal('alert'), alert: alertSchema }),
  z.strictObject({ type: z.literal('device'), device: deviceStatusSchema }),
  /** A person's visits erased on request (hub/privacy.ts): desks delete their copies. Ids only. */
  z.strictObject({ type: z.literal('erasure'), visitIds: z.array(uuid).check(z.maxLength(10_000)) }),
  /** A host answered the one-time link (src/schemas/host-answer.ts): the visit, the answer, when. */
  hostAnswerEventSchema,
  /** A lobby record created or moved on (a parcel logged at a kiosk, collected at a desk). */
  z.strictObject({ type: z.literal('record'), record: lobbyRecordSchema }),
  /** A ledger entry opened or changed (hub/api/ledger.ts): its id, form number and new version only — desks reload the ledger. */
  z.strictObject({ type: z.literal('ledger'), id: z.string().check(z.maxLength(MAX_STORED_ID)), number: z.string().check(z.maxLength(MAX_STORED_ID)), version: z.int().check(z.minimum(1)) }),
]);
export type HubEvent = z.infer<typeof hubEventSchema>;

/** POST /api/v1/alerts/:id/ack — the first acknowledgement wins; a later one gets the recorded one back. */
export const ackReplySchema = z.strictObject({
  alert: alertSchema,
  /** False when another desk acknowledged first. */
  recorded: z.boolean(),
});
export type AckReply = z.infer<typeof ackReplySchema>;

/** Most names a group invitation lists (kept on the hub for the desk; never in the token). */
export const MAX_INVITATION_NAMES = 200;
const clockTime = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'not a time HH:MM'));

/**
 * POST /api/v1/invitations — issue a signed invitation, a group invitation (headcount and name list) or a
 * standing pass (weekdays, hours, uses, permit); the CLI's `invite` does the same. Names stay on the hub:
 * a token carries no personal data.
 */
export const issueInvitationRequestSchema = z
  .strictObject({
    /** `invitation` (default) for a visit or a group, `pass` for a standing pass. */
    kind: z.optional(z.enum(['invitation', 'pass'])),
    host: z.string().check(z.minLength(1), z.maxLength(MAX_STORED_TEXT)),
    visitorType: z.optional(z.enum(VISITOR_TYPES)),
    /** ISO-8601; default now. */
    from: z.optional(isoUtc),
    /** Validity in hours; default 24 (a pass: 720). */
    hours: z.optional(z.number().check(z.minimum(0.25), z.maximum(24 * 366))),
    /** How many entries it admits; default 1 for an invitation, unlimited within the window for a pass. */
    uses: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
    partySize: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
    /** A group's name list, for the desk's check at the door. */
    names: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(MAX_STORED_TEXT))).check(z.maxLength(MAX_INVITATION_NAMES))),
    /** Pass only: allowed weekdays, 0 = Sunday … 6 = Saturday. */
    weekdays: z.optional(z.array(z.int().check(z.minimum(0), z.maximum(6))).check(z.minLength(1), z.maxLength(7))),
    /** Pass only: allowed hours in the site's local time. */
    between: z.optional(z.tuple([clockTime, clockTime])),
    /** Pass only: a work permit reference. */
    permit: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  })
  .check(
    z.refine((r) => r.kind === 'pass' || (r.weekdays === undefined && r.between === undefined && r.permit === undefined), {
      message: 'weekdays, hours and permit belong to passes',
      path: ['kind'],
    }),
    z.refine((r) => r.names === undefined || r.partySize === undefined || r.names.length <= r.partySize, {
      message: 'more names than people',
      path: ['names'],
    }),
  );
export type IssueInvitationRequest = z.infer<typeof issueInvitationRequestSchema>;

export const issueInvitationReplySchema = z.strictObject({
  kind: z.enum(['invitation', 'pass']),
  token: z.string(),
  jti: z.string(),
  /** A link the host can forward: the kiosk's scan screen with the code filled in. */
  link: z.string(),
  /** The QR code as an SVG document. */
  qrSvg: z.string(),
});
export type IssueInvitationReply = z.infer<typeof issueInvitationReplySchema>;

/**
 * Codes of `apiErrorSchema` the hub sends (kept open in the schema, `z.string()`, so an older browser reads a
 * newer hub's errors). Browsers map them to localised messages.
 */
export const HUB_ERROR_CODES = [
  'bad-json',
  'bad-request',
  'payload-too-large',
  'unsupported-media-type',
  'unauthorised',
  'forbidden',
  'device-revoked',
  'not-found',
  'pair-code-invalid',
  'pair-code-used',
  'pair-code-expired',
  'pin-wrong',
  'pin-locked',
  'rate-limited',
  'server-error',
  // the front-desk ledger (src/schemas/ledger.ts): another desk changed the entry first, and the domain's refusals
  'ledger-conflict',
  ...LEDGER_ERROR_CODES,
  // the host's one-time answer link (src/schemas/host-answer.ts)
  'host-link-invalid',
  'host-link-expired',
] as const;
export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];

/** POST /api/v1/alerts — a receptionist raises A, B or C by hand (a prompt taken, or their own judgement). */
export const raiseAlertRequestSchema = z.strictObject({
  incidentClass: z.enum(['A', 'B', 'C']),
  visitId: z.optional(uuid),
});
export type RaiseAlertRequest = z.infer<typeof raiseAlertRequestSchema>;

/** POST /api/v1/alerts and POST /api/v1/alerts/:id/escalate — the alert as stored after the change. */
export const alertReplySchema = z.strictObject({ alert: alertSchema });
export type AlertReply = z.infer<typeof alertReplySchema>;

/** GET /api/v1/devices — the site's kiosks and desks (site manager). */
export const devicesReplySchema = z.strictObject({ devices: z.array(deviceStatusSchema) });
export type DevicesReply = z.infer<typeof devicesReplySchema>;

/**
 * GET /api/v1/reports/visits?from=YYYY-MM-DD&to=YYYY-MM-DD — anonymised counts per site: a site manager gets
 * their site, the company role every site it is given. Counts only: no name, phone, unit or identity.
 */
export const visitReportSchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  sites: z.array(
    z.strictObject({
      siteId,
      /** Visits registered in the range, by visitor type code. */
      byType: z.record(z.string(), z.int().check(z.minimum(0))),
      /** The same visits by their status now. */
      byStatus: z.record(z.string(), z.int().check(z.minimum(0))),
      /** Alerts raised in the range, by class (`A`, `B`, `C`) or kind (`watchlist`, `help`, …). */
      alerts: z.record(z.string(), z.int().check(z.minimum(0))),
    }),
  ),
});
export type VisitReport = z.infer<typeof visitReportSchema>;

/**
 * POST /api/v1/privacy/access and /api/v1/privacy/erase (site manager): one person, by name and/or phone
 * (every key given must match). A data access request answers their visits; an erasure deletes them, except
 * those an open alert holds as evidence, which are listed with the reason.
 */
export const personQuerySchema = z
  .strictObject({
    name: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_STORED_TEXT))),
    phone: z.optional(z.e164()),
  })
  .check(z.refine((q) => q.name !== undefined || q.phone !== undefined, { message: 'give a name or a phone', path: ['name'] }));
export type PersonQueryBody = z.infer<typeof personQuerySchema>;

/** A data access request's answer: the person's visits and, when a name was given, the lobby records naming them. */
export const accessReplySchema = z.strictObject({ visits: z.array(visitSchema), records: z.optional(z.array(lobbyRecordSchema)) });
export const erasureReplySchema = z.strictObject({
  erased: z.array(uuid),
  held: z.array(z.strictObject({ visitId: uuid, reason: z.literal('open-alert') })),
});
export type ErasureReply = z.infer<typeof erasureReplySchema>;
