/**
 * Routes of the host's answer (hub/notify/host-answers.ts), mounted by app.ts with one call:
 *
 *   POST /api/v1/host-answer/view   {token}          the answer page: what the link is about (no auth: the token is the key)
 *   POST /api/v1/host-answer        {token, answer}  the host's tap; the first answer wins
 *   GET  /api/v1/host-answers/:visitId              a kiosk asks about its own visit (device token)
 *
 * Both link routes are rate-limited per client address (HOST_LINK_LIMIT). The token travels in the body, never in a URL, so it stays out of access logs. A forged or damaged token is
 * refused before any database row is read beyond the site's secret (the MAC is checked first).
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono } from 'hono';
import { hostAnswerRequestSchema, hostLinkRequestSchema, hostLinkViewSchema, hostAnswerReplySchema, kioskHostAnswerReplySchema } from '../../src/schemas/host-answer.js';
import type { Clock } from '../clock.js';
import type { HubStore } from '../db/index.js';
import { HubError } from '../errors.js';
import { SharedRateLimiter, type BucketSpec } from '../limits.js';
import { answerHostLink, kioskHostAnswer, viewHostLink } from '../notify/host-answers.js';
import type { Principal } from '../principal.js';
import { readJson } from './body.js';

/**
 * Link requests (view and answer together) per client address: a host opens a link, reads, taps — a handful
 * each. Forged tokens are refused after one HMAC anyway; this keeps a flood of them off the database's secret
 * reads. Counted across hub processes on PostgreSQL, like pairing and sign-in (hub/limits.ts).
 */
export const HOST_LINK_LIMIT: BucketSpec = { burst: 30, perMinute: 30 };

/** The client a request's count belongs to: its address (clients behind one proxy share one count). */
const clientOf = (c: Context): string => {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
};

/** A visit id in the path: a UUID, checked before the database is asked. */
const VISIT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- app.ts's Env is private to it; these routes read nothing from it
type AnyEnv = any;

export function mountHostAnswers(app: Hono<AnyEnv>, deps: { store: HubStore; clock: Clock; authenticate: (c: Context<AnyEnv>, allowRevoked?: boolean) => Promise<Principal> }): void {
  const { store, clock } = deps;
  const linkLimit = new SharedRateLimiter(HOST_LINK_LIMIT, clock, 'answer-link requests', store);

  app.post('/api/v1/host-answer/view', async (c) => {
    await linkLimit.take(clientOf(c));
    const body = await readJson(c.req.raw, hostLinkRequestSchema);
    return c.json(hostLinkViewSchema.parse(await viewHostLink(store, body.token, clock())));
  });

  app.post('/api/v1/host-answer', async (c) => {
    await linkLimit.take(clientOf(c));
    const body = await readJson(c.req.raw, hostAnswerRequestSchema);
    return c.json(hostAnswerReplySchema.parse(await answerHostLink(store, body.token, body.answer, clock())));
  });

  app.get('/api/v1/host-answers/:visitId', async (c) => {
    const principal = await deps.authenticate(c);
    if (principal.kind !== 'device') throw new HubError(403, 'forbidden', 'for kiosks: desks hear answers on the event stream');
    const visitId = c.req.param('visitId');
    if (!VISIT_ID.test(visitId)) throw new HubError(400, 'bad-request', 'not a visit id', 'visitId');
    return c.json(kioskHostAnswerReplySchema.parse(await kioskHostAnswer(store, principal.siteId, principal.deviceId, visitId, clock())));
  });
}
