/**
 * The hub's HTTP surface (Hono): `/api/v1/*` as docs/hub-api.md describes it, `/site.json`, and the built app.
 * Every body goes through `readJson` with the protocol's schema; every error is `apiErrorSchema` with a
 * stable code; every write is one transaction (hub/db). Handlers stay thin: the work is in hub/sync,
 * hub/alerts.ts, hub/invitations.ts.
 */
import { auditPage, rangeTarget, recordAudit } from '../audit.js';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { z } from 'zod/mini';
import { localDayKey } from '../../src/domain/time.js';
import { LOCK_MINUTES, MAX_PIN_ATTEMPTS, verifyPin } from '../../src/auth/pin.js';
import {
  BEARER_PATTERN,
  issueInvitationRequestSchema,
  pairRequestSchema,
  pushRequestSchema,
  raiseAlertRequestSchema,
  signInRequestSchema,
  visitReportSchema,
  personQuerySchema,
  accessReplySchema,
  erasureReplySchema,
  pullReportSchema,
  type PullReport,
  type ApiError,
  type DeskStateReply,
  type PairReply,
  type SignInReply,
} from '../../src/schemas/sync.js';
import { SITE_ROLES, STAFF_ROLES } from '../../src/domain/desk.js';
import { acknowledge, escalateManual, raiseHelpCall, raiseManual } from '../alerts.js';
import type { Clock } from '../clock.js';
import type { HubStore, StaffRow } from '../db/index.js';
import { deviceStatus } from '../devices.js';
import { HubError } from '../errors.js';
import { DEFAULT_LIMITS, RateLimiter, SharedRateLimiter, type HubLimits } from '../limits.js';
import { publicHealth, siteHealth } from '../health.js';
import type { EventFanout } from '../events/fanout.js';
import { eventStream } from '../events/sse.js';
import { exportCsv } from '../export.js';
import { mountReportRoutes } from './reports.js';
import { issueInvitation, revokeInvitation } from '../invitations.js';
import type { Principal } from '../principal.js';
import { newToken, secretHash, tokenKind } from '../secrets.js';
import { loadSite, publicSiteConfig } from '../sites.js';
import { accessRequest, eraseRequest } from '../privacy.js';
import { addWatchEntry, removeWatchEntry, setSiteConfig, siteConfigOf, watchList } from '../site-admin.js';
import { addWatchEntryRequestSchema, watchListReplySchema } from '../../src/schemas/site-admin.js';
import { embedContentSecurityPolicy, SECURITY_HEADERS, serveFile } from '../static.js';
import { embeddingOrigins, frameAncestors, isEmbedPage } from '../embedding.js';
import { pull } from '../sync/pull.js';
import { push } from '../sync/push.js';
import { hostAnswersSince, hostLinkOrigin } from '../notify/host-answers.js';
import { mountHostAnswers } from './host-answers.js';
import { addWebhook, deliveryView, DELIVERY_LOG_LIMIT, listWebhooks, rotateWebhookSecret } from '../notify/webhooks.js';
import { addWebhookRequestSchema } from '../../src/schemas/webhook.js';
import { openApiDocument } from './openapi.js';
import { mountLedgerRoutes } from './ledger.js';
import { readJson } from './body.js';
import { answerHeaders, EmbeddingOrigins, preflightHeaders } from './cors.js';

/** Who keeps the watch list: the site manager and the guard (security). */
const WATCH_LIST_ROLES = ['site-manager', 'guard'] as const;
/** PUT /api/v1/site/config reads any JSON object; hub/site-admin.ts validates it with parseSiteConfig. */
const siteConfigBodySchema = z.record(z.string(), z.unknown());

/** A staff session lasts a shift: 12 hours, then the desk signs in again. */
export const SESSION_HOURS = 12;
/** Alerts closed within this many hours still show on a desk that signs in (the day's closed ones). */
const CLOSED_ALERTS_HOURS = 24;

export interface AppOptions {
  store: HubStore;
  fanout: EventFanout;
  clock: Clock;
  /** The built app (dist/); absent: the API alone. */
  staticRoot?: string;
  /** The site whose public configuration `/site.json` serves. */
  defaultSiteId: string;
  /** Rate limits (hub/limits.ts); absent: DEFAULT_LIMITS. */
  limits?: HubLimits;
  /** DATA_DIR, whose free disk space staff health shows; absent: none shown. */
  dataDir?: string;
}

type Env = { Variables: { principal: Principal } };

const errorBody = (code: string, message: string, path?: string): ApiError => ({ error: { code, message, ...(path ? { path } : {}) } });

/** Whether the request comes from this machine: the transitional `/staff.json` is served to loopback only. */
function isLoopback(c: Context): boolean {
  try {
    const address = getConnInfo(c).remote.address ?? '';
    return address === '127.0.0.1' || address === '::1' || address.startsWith('127.') || address === '::ffff:127.0.0.1';
  } catch {
    return false;
  }
}

/** The client a wrong-PIN count belongs to: its address (all clients behind one proxy share one count). */
const clientOf = (c: Context): string => {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
};

/** The kiosk's self-report on a pull (`pending`, `storageBytes` query parameters); a malformed one is refused. */
function pullReport(pending: string | undefined, storageBytes: string | undefined): PullReport {
  const count = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    if (!/^\d{1,16}$/.test(value)) throw new HubError(400, 'bad-request', `${name} is a whole number`, name);
    return Number(value);
  };
  const parsed = pullReportSchema.safeParse({ pending: count('pending', pending), storageBytes: count('storageBytes', storageBytes) });
  if (!parsed.success) throw new HubError(400, 'bad-request', 'a report out of range', String(parsed.error.issues[0]?.path[0] ?? ''));
  return parsed.data;
}

export function createApp(options: AppOptions): Hono<Env> {
  const { store, fanout, clock } = options;
  const app = new Hono<Env>();
  const limits = options.limits ?? DEFAULT_LIMITS;
  // Front-door limits are counted across hub processes on PostgreSQL (SharedRateLimiter); pushes stay per process.
  const pairLimit = new SharedRateLimiter(limits.pair, clock, 'pairing requests', store);
  const signInClientLimit = new SharedRateLimiter(limits.signInPerClient, clock, 'sign-in attempts', store);
  const signInSiteLimit = new SharedRateLimiter(limits.signInPerSite, clock, 'sign-in attempts at this site', store);
  const pushLimit = new RateLimiter(limits.pushChanges, clock, 'changes from this device');
  const embedding = new EmbeddingOrigins(store, clock);

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    // Frame mode: only the site's embedding origins may frame /embed/* (hub/embedding.ts).
    if (isEmbedPage(c.req.path) && c.res.ok) {
      const origins = await store.read((repo) => embeddingOrigins(repo, options.defaultSiteId));
      c.res.headers.set('Content-Security-Policy', embedContentSecurityPolicy(frameAncestors(origins)));
      c.res.headers.delete('X-Frame-Options');
    }
    if (c.req.path.startsWith('/api/')) c.res.headers.set('Cache-Control', c.res.headers.get('Cache-Control') ?? 'no-store');
  });

  // Strict CORS (api/cors.ts): no header unless the Origin is one a site embeds the hub from.
  app.use('/api/v1/*', async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    const sites = await embedding.sitesFor(origin);
    if (c.req.method === 'OPTIONS') {
      if (!sites) return c.json(errorBody('forbidden', 'this origin may not call the hub'), 403);
      return c.body(null, 204, preflightHeaders(origin));
    }
    await next();
    const principal = c.get('principal') as Principal | undefined;
    if (!sites || (principal && !sites.has(principal.siteId))) return;
    for (const [name, value] of Object.entries(answerHeaders(origin))) c.res.headers.set(name, value);
  });

  app.onError((error, c) => {
    if (error instanceof HubError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json(errorBody(error.code, error.message, error.path), error.status);
    }
    // Only the error's name: messages and stacks may quote request data (a name, a phone).
    console.error(`hub: ${c.req.method} ${c.req.path} failed: ${error instanceof Error ? error.name : 'error'}`);
    return c.json(errorBody('server-error', 'the hub could not complete the request'), 500);
  });

  /** Resolves the bearer token; `allowRevoked` lets a revoked kiosk hear that it was revoked (pull). */
  const authenticate = async (c: Context<Env>, allowRevoked = false): Promise<Principal> => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    if (!token || !BEARER_PATTERN.test(token)) throw new HubError(401, 'unauthorised', 'send Authorization: Bearer <token>');
    const hash = secretHash(token);
    const now = clock().toISOString();
    const principal = await store.read(async (repo): Promise<Principal | undefined> => {
      if (tokenKind(token) === 'device') {
        const device = await repo.deviceByTokenHash(hash);
        return device && { kind: 'device', siteId: device.siteId, deviceId: device.id, revoked: device.revokedAt !== undefined };
      }
      const session = await repo.session(hash);
      if (!session || session.expiresAt <= now) return undefined;
      const staff = await repo.staffById(session.staffId);
      return staff && { kind: 'staff', siteId: session.siteId, staffId: staff.id, role: staff.role, name: staff.name, tokenHash: hash };
    });
    if (!principal) throw new HubError(401, 'unauthorised', 'unknown or expired token');
    if (principal.kind === 'device' && principal.revoked && !allowRevoked) throw new HubError(403, 'device-revoked', 'this device was revoked; pair it again');
    c.set('principal', principal);
    return principal;
  };

  /**
   * A signed-in member of staff in one of `roles` — by default the roles that work at a site (receptionist,
   * guard, site manager): the company role reads reports and nothing else, so it never reaches a desk's data.
   */
  const staffOnly = async (c: Context<Env>, roles: readonly StaffRow['role'][] = SITE_ROLES): Promise<Extract<Principal, { kind: 'staff' }>> => {
    const principal = await authenticate(c);
    if (principal.kind !== 'staff') throw new HubError(403, 'forbidden', 'staff only');
    if (!roles.includes(principal.role)) throw new HubError(403, 'forbidden', `for ${roles.join(' or ')} only`);
    return principal;
  };

  // ----- pairing -----

  app.post('/api/v1/pair', async (c) => {
    await pairLimit.take(clientOf(c));
    const body = await readJson(c.req.raw, pairRequestSchema);
    const now = clock();
    const token = newToken('device');
    const reply = await store.write(async (repo): Promise<PairReply> => {
      const hash = secretHash(body.code);
      const code = await repo.pairCodeForUpdate(hash);
      if (!code) throw new HubError(404, 'pair-code-invalid', 'unknown pairing code');
      if (code.usedAt !== undefined) throw new HubError(410, 'pair-code-used', 'this pairing code was used already');
      if (code.expiresAt <= now.toISOString()) throw new HubError(410, 'pair-code-expired', 'this pairing code expired');
      const existing = await repo.device(body.deviceId, true);
      if (existing && (existing.siteId !== code.siteId || existing.role !== 'kiosk')) throw new HubError(403, 'forbidden', 'this device id belongs elsewhere', 'deviceId');
      if (!(await repo.usePairCode(hash, body.deviceId, now.toISOString()))) throw new HubError(410, 'pair-code-used', 'this pairing code was used already');
      await repo.pairKiosk({ id: body.deviceId, siteId: code.siteId, tokenHash: secretHash(token), badgeKid: body.badgeKey.kid, badgeJwk: body.badgeKey.publicJwk }, now.toISOString());
      const device = await repo.device(body.deviceId);
      if (device) await repo.emit(code.siteId, 'device', { type: 'device', device: deviceStatus(device) }, now.toISOString());
      return { token, siteId: code.siteId, deviceId: body.deviceId };
    });
    return c.json(reply);
  });

  // ----- sync -----

  app.post('/api/v1/sync/push', async (c) => {
    const principal = await authenticate(c);
    // A company member reads reports; pushing visits is a kiosk's or a desk's.
    if (principal.kind === 'staff' && !(SITE_ROLES as readonly string[]).includes(principal.role)) throw new HubError(403, 'forbidden', 'for the staff of a site only');
    const body = await readJson(c.req.raw, pushRequestSchema);
    // Counted before anything is written: a flood from one device is refused whole, and costs no disk.
    pushLimit.take(`${principal.siteId}/${body.deviceId}`, body.changes.length);
    const { reply } = await push(store, principal, body, clock(), { hostLinkOrigin: hostLinkOrigin(c.req.url) });
    return c.json(reply);
  });

  app.get('/api/v1/sync/pull', async (c) => {
    const principal = await authenticate(c, true);
    if (principal.kind !== 'device') throw new HubError(403, 'forbidden', 'pull is for kiosks');
    return c.json(await pull(store, principal, c.req.query('since'), clock(), pullReport(c.req.query('pending'), c.req.query('storageBytes'))));
  });

  // ----- staff sessions -----

  app.post('/api/v1/sessions', async (c) => {
    const body = await readJson(c.req.raw, signInRequestSchema);
    const now = clock();
    const client = clientOf(c);
    const scope = body.siteId ?? '*';
    await signInClientLimit.take(client);
    await signInSiteLimit.take(scope);
    // Counted as wrong BEFORE the PIN is checked, so parallel guesses cannot check more PINs than the lock allows.
    const attempt = await store.write(async (repo) => {
      const failures = await repo.signInFailures(scope, client);
      if (failures.lockedUntil !== undefined && failures.lockedUntil > now.toISOString()) return { locked: true, retryAt: failures.lockedUntil, lockedNow: false };
      const count = failures.failedAttempts + 1;
      const lockedUntil = count >= MAX_PIN_ATTEMPTS ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : undefined;
      await repo.setSignInFailures(scope, client, lockedUntil ? 0 : count, lockedUntil);
      return { locked: false, retryAt: lockedUntil, lockedNow: lockedUntil !== undefined };
    });
    const lockedError = (retryAt: string | undefined) =>
      new HubError(429, 'pin-locked', `too many wrong PINs; try again in ${LOCK_MINUTES} minutes`, undefined, retryAt ? { 'Retry-After': String(Math.max(1, Math.ceil((Date.parse(retryAt) - now.getTime()) / 1000))) } : {});
    if (attempt.locked) throw lockedError(attempt.retryAt);
    const staff = await store.read((repo) => repo.staff(body.siteId));
    // All at once: WebCrypto derives on worker threads, and the time no longer depends on where the match is.
    const results = await Promise.all(staff.map((s) => verifyPin(body.pin, s)));
    const match = staff[results.indexOf(true)];
    if (!match) throw attempt.lockedNow ? lockedError(attempt.retryAt) : new HubError(401, 'pin-wrong', 'wrong PIN');
    const token = newToken('staff');
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
    await store.write(async (repo) => {
      await repo.setSignInFailures(scope, client, 0, undefined);
      await repo.deleteExpiredSessions(now.toISOString());
      await repo.insertSession(secretHash(token), { staffId: match.id, siteId: match.siteId, expiresAt }, now.toISOString());
    });
    const siteIds = await store.read((repo) => repo.staffSiteIds(match));
    const reply: SignInReply = { token, expiresAt, staff: { id: match.id, name: match.name, role: match.role, siteIds } };
    return c.json(reply);
  });

  app.delete('/api/v1/sessions/current', async (c) => {
    const principal = await staffOnly(c, STAFF_ROLES);
    await store.write((repo) => repo.deleteSession(principal.tokenHash));
    return c.body(null, 204);
  });

  // ----- desk -----

  app.get('/api/v1/desk/state', async (c) => {
    const principal = await staffOnly(c);
    const now = clock();
    const reply = await store.read(async (repo): Promise<DeskStateReply> => {
      const { site } = await loadSite(repo, principal.siteId);
      const eventId = await repo.lastEventId();
      const visits = await repo.deskVisits(principal.siteId, localDayKey(now, site.timeZone));
      const alerts = await repo.deskAlerts(principal.siteId, new Date(now.getTime() - CLOSED_ALERTS_HOURS * 3_600_000).toISOString());
      const devices = (await repo.devices(principal.siteId)).map(deviceStatus);
      // Hosts' answers to today's links: the rows show "Confirmed by 12B" after a reload too.
      const hostAnswers = await hostAnswersSince(repo, principal.siteId, new Date(now.getTime() - CLOSED_ALERTS_HOURS * 3_600_000).toISOString());
      // Lobby records still open (parcels wait for days) and today's (issue 7).
      const records = await repo.records.forDesk(principal.siteId, localDayKey(now, site.timeZone));
      return { visits, alerts, devices, records, hostAnswers, eventId: String(eventId) };
    });
    return c.json(reply);
  });

  app.get('/api/v1/events', async (c) => {
    const principal = await staffOnly(c);
    const header = c.req.header('last-event-id');
    const lastEventId = header !== undefined && /^\d{1,15}$/.test(header) ? Number(header) : undefined;
    return eventStream({
      fanout,
      siteId: principal.siteId,
      lastEventId,
      signal: c.req.raw.signal,
      stillAuthorised: async () => {
        const session = await store.read((repo) => repo.session(principal.tokenHash));
        return session !== undefined && session.expiresAt > clock().toISOString();
      },
    });
  });

  app.post('/api/v1/alerts', async (c) => {
    const principal = await staffOnly(c);
    const body = await readJson(c.req.raw, raiseAlertRequestSchema);
    return c.json({ alert: await raiseManual(store, principal.siteId, body, clock()) });
  });

  // A kiosk's "Ask staff for help" (no body: nothing about the visitor is sent).
  app.post('/api/v1/help', async (c) => {
    const principal = await authenticate(c, true);
    if (principal.kind !== 'device') throw new HubError(403, 'forbidden', 'help calls come from kiosks');
    if (principal.revoked) throw new HubError(403, 'device-revoked', 'this device was revoked; pair it again');
    return c.json({ alert: await raiseHelpCall(store, principal.siteId, principal.deviceId, clock()) }, 201);
  });

  app.post('/api/v1/alerts/:id/ack', async (c) => {
    const principal = await staffOnly(c);
    return c.json(await acknowledge(store, principal.siteId, c.req.param('id'), principal.staffId, clock()));
  });

  app.post('/api/v1/alerts/:id/escalate', async (c) => {
    const principal = await staffOnly(c);
    return c.json({ alert: await escalateManual(store, principal.siteId, c.req.param('id'), clock()) });
  });

  // ----- invitations -----

  app.post('/api/v1/invitations', async (c) => {
    const principal = await staffOnly(c);
    const body = await readJson(c.req.raw, issueInvitationRequestSchema);
    const { expiresAt: _expires, ...reply } = await issueInvitation(store, principal.siteId, body, clock(), new URL(c.req.url).origin);
    return c.json(reply);
  });

  app.post('/api/v1/invitations/:jti/revoke', async (c) => {
    const principal = await staffOnly(c, ['site-manager']);
    if (!(await revokeInvitation(store, principal.siteId, c.req.param('jti'), clock()))) throw new HubError(404, 'not-found', 'no such invitation, or revoked already');
    return c.body(null, 204);
  });

  // ----- devices and reports (site manager) -----

  app.get('/api/v1/devices', async (c) => {
    const principal = await staffOnly(c, ['site-manager']);
    const devices = await store.read((repo) => repo.devices(principal.siteId));
    return c.json({ devices: devices.map(deviceStatus) });
  });

  app.post('/api/v1/devices/:id/revoke', async (c) => {
    const principal = await staffOnly(c, ['site-manager']);
    const now = clock().toISOString();
    const found = await store.write(async (repo) => {
      if (!(await repo.revokeDevice(principal.siteId, c.req.param('id'), now))) return false;
      await recordAudit(repo, { siteId: principal.siteId, actor: principal.staffId, action: 'device-revoke', target: c.req.param('id'), at: new Date(now) });
      const device = await repo.device(c.req.param('id'));
      if (device) await repo.emit(principal.siteId, 'device', { type: 'device', device: deviceStatus(device) }, now);
      return true;
    });
    if (!found) throw new HubError(404, 'not-found', 'no such device at this site, or revoked already');
    return c.body(null, 204);
  });

  // ----- a person's rights: data access and erasure (hub/privacy.ts), site manager only -----

  app.post('/api/v1/privacy/access', async (c) => {
    const principal = await staffOnly(c, ['site-manager']);
    const body = await readJson(c.req.raw, personQuerySchema);
    return c.json(accessReplySchema.parse(await accessRequest(store, principal.siteId, body)));
  });

  app.post('/api/v1/privacy/erase', async (c) => {
    const principal = await staffOnly(c, ['site-manager']);
    const body = await readJson(c.req.raw, personQuerySchema);
    return c.json(erasureReplySchema.parse(await eraseRequest(store, principal.siteId, body, clock())));
  });

  // ----- reports: anonymised counts; a site manager reads their site, the company role all of its sites -----

  app.get('/api/v1/reports/visits', async (c) => {
    const principal = await staffOnly(c, ['site-manager', 'company']);
    const from = c.req.query('from');
    const to = c.req.query('to');
    for (const [name, value] of [['from', from], ['to', to]] as const) {
      if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new HubError(400, 'bad-request', 'a date is YYYY-MM-DD', name);
    }
    // A write: the read is audited (hub/audit.ts) in its own transaction, for each site whose counts were read.
    const reply = await store.write(async (repo) => {
      const staff = await repo.staffById(principal.staffId);
      if (!staff) throw new HubError(401, 'unauthorised', 'unknown staff member');
      const siteIds = await repo.staffSiteIds(staff);
      for (const siteId of siteIds) await recordAudit(repo, { siteId, actor: principal.staffId, action: 'report-read', target: rangeTarget(from, to), at: clock() });
      const sites = [];
      for (const siteId of siteIds) sites.push({ siteId, ...(await repo.visitCounts(siteId, from as string, to as string)) });
      return { from: from as string, to: to as string, sites };
    });
    return c.json(visitReportSchema.parse(reply));
  });

  app.get('/api/v1/export', async (c) => {
    const principal = await staffOnly(c, ['site-manager']);
    const from = c.req.query('from');
    const to = c.req.query('to');
    for (const [name, value] of [['from', from], ['to', to]] as const) {
      if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new HubError(400, 'bad-request', 'a date is YYYY-MM-DD', name);
    }
    const csv = await exportCsv(store, principal.siteId, from, to, { actor: principal.staffId, at: clock() });
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="visits.csv"' });
  });

  mountReportRoutes(app, { store, clock, staffOnly }); // reports and exports (hub/api/reports.ts)

  // ----- outbound webhooks (site manager; hub/notify) -----

  app.get('/api/v1/webhooks', async (c) => {
    const principal = await staffOnly(c, ['site-manager']);
    const webhooks = await listWebhooks(store, principal.siteId);
    const deliveries = await store.read((repo) => repo.notify.deliveries(principal.siteId, DELIVERY_LOG_LIMIT));
    return c.json({ webhooks, deliveries: deliveries.map(deliveryView) });
  });

  app.post('/api/v1/webhooks', async (c) => {
    const principal = await staffOnly(c, ['site-manager']);
    const body = await readJson(c.req.raw, addWebhookRequestSchema);
    // The secret is in this reply only: the hub never shows it again (rotate to get a new one).
    return c.json(await addWebhook(store, principal.siteId, body, clock(), principal.staffId), 201);
  });

  app.post('/api/v1/webhooks/:id/rotate-secret', async (c) => {
    const principal = await staffOnly(c, ['site-manager']);
    return c.json(await rotateWebhookSecret(store, principal.siteId, c.req.param('id'), clock(), principal.staffId));
  });

  // ----- site configuration and watch list (hub/site-admin.ts): every change audited -----

  app.get('/api/v1/site/config', async (c) => {
    const principal = await staffOnly(c, ['site-manager']);
    return c.json(await siteConfigOf(store, principal.siteId));
  });

  app.put('/api/v1/site/config', async (c) => {
    const principal = await staffOnly(c, ['site-manager']);
    const body = await readJson(c.req.raw, siteConfigBodySchema);
    return c.json(await setSiteConfig(store, principal.siteId, body, principal.staffId, clock()));
  });

  app.get('/api/v1/watchlist', async (c) => {
    const principal = await staffOnly(c, WATCH_LIST_ROLES);
    return c.json(watchListReplySchema.parse({ entries: await watchList(store, principal.siteId) }));
  });

  app.post('/api/v1/watchlist', async (c) => {
    const principal = await staffOnly(c, WATCH_LIST_ROLES);
    const body = await readJson(c.req.raw, addWatchEntryRequestSchema);
    return c.json({ entry: await addWatchEntry(store, principal.siteId, body, { actor: principal.staffId, approver: principal.name }, clock()) }, 201);
  });

  app.delete('/api/v1/watchlist/:id', async (c) => {
    const principal = await staffOnly(c, WATCH_LIST_ROLES);
    if (!(await removeWatchEntry(store, principal.siteId, c.req.param('id'), principal.staffId, clock()))) throw new HubError(404, 'not-found', 'no such watch-list entry at this site');
    return c.body(null, 204);
  });

  // ----- audit log (hub/audit.ts): the site manager reads it; nothing changes or deletes it -----

  app.get('/api/v1/audit', async (c) => {
    const principal = await staffOnly(c, ['site-manager']);
    return c.json(await auditPage(store, principal.siteId, { from: c.req.query('from'), to: c.req.query('to'), before: c.req.query('before'), limit: c.req.query('limit') }));
  });

  // ----- health (hub/health.ts) -----

  app.get('/api/v1/health', (c) => c.json(publicHealth(store)));

  app.get('/api/v1/health/site', async (c) => {
    const principal = await staffOnly(c);
    return c.json(await siteHealth(store, principal.siteId, options.dataDir, clock()));
  });

  app.get('/api/v1/openapi.json', (c) => c.json(openApiDocument() as object));

  // ----- the host's answer link (hub/api/host-answers.ts) -----
  mountHostAnswers(app, { store, clock, authenticate });

  mountLedgerRoutes(app, { store, clock, staffOnly }); // the front-desk ledger (hub/api/ledger.ts)

  app.all('/api/*', (c) => c.json(errorBody('not-found', 'no such endpoint'), 404));

  // ----- the app -----

  app.get('/site.json', async (c) => {
    const config = await store.read((repo) => publicSiteConfig(repo, options.defaultSiteId));
    c.header('Cache-Control', 'no-cache');
    return c.json(config);
  });

  /**
   * The default site's rules (routing, hours, tours, help-call hops): the hub classifies with them, and the hub
   * desk loads the same file (`rules-src` in desk-hub.html) for the prompts it shows — A and B, which are the
   * receptionist's call, are suggested on the desk with the rules the hub applies to class C. No personal data.
   */
  app.get('/rules.json', async (c) => {
    const { rules } = await store.read((repo) => loadSite(repo, options.defaultSiteId));
    c.header('Cache-Control', 'no-cache');
    return c.json(rules);
  });

  /**
   * Transitional: the desk's standalone sign-in (desk/session.ts) reads PIN hashes from here. A hash can be
   * attacked offline, so it is served only to this machine (the lobby PC running the hub, and the tests);
   * desks on the LAN sign in through POST /api/v1/sessions. Remove once the desk signs in through the hub.
   */
  app.get('/staff.json', async (c) => {
    if (!isLoopback(c)) return c.json(errorBody('forbidden', 'sign in through /api/v1/sessions'), 403);
    const staff = await store.read((repo) => repo.staff(options.defaultSiteId));
    c.header('Cache-Control', 'no-cache');
    return c.json(staff.map((s) => ({ id: s.id, name: s.name, role: s.role, pinHash: s.pinHash, pinSalt: s.pinSalt, iterations: s.iterations })));
  });

  app.on(['GET', 'HEAD'], '*', async (c) => {
    const response = options.staticRoot ? await serveFile(options.staticRoot, c.req.path, c.req.method) : undefined;
    return response ?? c.text('Not found\n', 404);
  });

  return app;
}
