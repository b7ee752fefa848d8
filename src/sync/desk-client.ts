/**
 * The desk's requests to the hub besides the outbox: staff sign-in and sign-out, the starting state, and
 * acknowledging an alert. The staff session token is held by the caller in memory only (a reload asks for
 * the PIN again) and sent in the `Authorization` header.
 */
import { z } from 'zod/mini';
import type { Alert, WatchEntry } from '../domain/desk.js';
import { watchEntryReplySchema, watchListReplySchema, type AddWatchEntryRequest } from '../schemas/site-admin.js';
import {
  ackReplySchema,
  alertReplySchema,
  deskStateReplySchema,
  issueInvitationReplySchema,
  signInReplySchema,
  siteHealthReplySchema,
  type AckReply,
  type DeskStateReply,
  type IssueInvitationReply,
  type IssueInvitationRequest,
  type RaiseAlertRequest,
  type SignInReply,
  type SiteHealthReply,
} from '../schemas/sync.js';
import { hubRequest, type FetchLike } from './http.js';

/** DELETE /sessions/current answers with no body (or any JSON): nothing to parse. */
const anyReply = z.unknown();

export class HubDeskClient {
  readonly origin: string;
  readonly #fetch: FetchLike;
  readonly #token: () => string | undefined;

  constructor(origin: string, token: () => string | undefined, fetchImpl?: FetchLike) {
    this.origin = origin;
    this.#token = token;
    this.#fetch = fetchImpl ?? ((input, init) => fetch(input, init));
  }

  /** POST /sessions: a staff session for the PIN. Rejects with `SyncError` (`unauthorised` for a wrong PIN). */
  signIn(pin: string, siteId?: string): Promise<SignInReply> {
    return hubRequest(this.#fetch, this.origin, { method: 'POST', path: '/sessions', body: siteId ? { pin, siteId } : { pin }, reply: signInReplySchema });
  }

  /** DELETE /sessions/current: ends the session on the hub too (best effort: it expires anyway). */
  async signOut(): Promise<void> {
    const token = this.#token();
    if (!token) return;
    await hubRequest(this.#fetch, this.origin, { method: 'DELETE', path: '/sessions/current', token, reply: anyReply });
  }

  /** GET /desk/state: today's visits, open alerts, devices, and the event id to resume the stream after. */
  deskState(): Promise<DeskStateReply> {
    return hubRequest(this.#fetch, this.origin, { method: 'GET', path: '/desk/state', reply: deskStateReplySchema, ...this.#auth() });
  }

  /** POST /alerts/:id/ack: the first acknowledgement wins; `recorded: false` when another desk was first. */
  acknowledgeAlert(alertId: string): Promise<AckReply> {
    return hubRequest(this.#fetch, this.origin, { method: 'POST', path: `/alerts/${encodeURIComponent(alertId)}/ack`, body: {}, reply: ackReplySchema, ...this.#auth() });
  }

  /** POST /alerts: the receptionist raises A, B or C by hand; the hub routes it and owns its deadline. */
  async raiseAlert(request: RaiseAlertRequest): Promise<Alert> {
    return (await hubRequest(this.#fetch, this.origin, { method: 'POST', path: '/alerts', body: request, reply: alertReplySchema, ...this.#auth() })).alert;
  }

  /** POST /alerts/:id/escalate: **Escalate** pressed (out of control), whatever the deadline. */
  async escalateAlert(alertId: string): Promise<Alert> {
    return (await hubRequest(this.#fetch, this.origin, { method: 'POST', path: `/alerts/${encodeURIComponent(alertId)}/escalate`, body: {}, reply: alertReplySchema, ...this.#auth() })).alert;
  }

  /** POST /invitations: the hub signs an invitation, a group invitation or a pass (the desk holds no key). */
  issueInvitation(request: IssueInvitationRequest): Promise<IssueInvitationReply> {
    return hubRequest(this.#fetch, this.origin, { method: 'POST', path: '/invitations', body: request, reply: issueInvitationReplySchema, ...this.#auth() });
  }

  /** POST /devices/:id/revoke (site manager): a lost or stolen kiosk's token stops working at once. */
  async revokeDevice(deviceId: string): Promise<void> {
    await hubRequest(this.#fetch, this.origin, { method: 'POST', path: `/devices/${encodeURIComponent(deviceId)}/revoke`, body: {}, reply: anyReply, ...this.#auth() });
  }

  /** GET /watchlist (site manager, guard): the site's watch list at the hub. */
  async watchList(): Promise<WatchEntry[]> {
    return (await hubRequest(this.#fetch, this.origin, { method: 'GET', path: '/watchlist', reply: watchListReplySchema, ...this.#auth() })).entries;
  }

  /** POST /watchlist: a new entry, audited at the hub by its id. */
  async addWatchEntry(request: AddWatchEntryRequest): Promise<WatchEntry> {
    return (await hubRequest(this.#fetch, this.origin, { method: 'POST', path: '/watchlist', body: request, reply: watchEntryReplySchema, ...this.#auth() })).entry;
  }

  /** DELETE /watchlist/:id. */
  async removeWatchEntry(id: string): Promise<void> {
    await hubRequest(this.#fetch, this.origin, { method: 'DELETE', path: `/watchlist/${encodeURIComponent(id)}`, reply: anyReply, ...this.#auth() });
  }

  /** GET /health/site: the hub's version, database and disk, and each kiosk's last contact and report. */
  siteHealth(): Promise<SiteHealthReply> {
    return hubRequest(this.#fetch, this.origin, { method: 'GET', path: '/health/site', reply: siteHealthReplySchema, ...this.#auth() });
  }

  #auth(): { token?: string } {
    const token = this.#token();
    return token === undefined ? {} : { token };
  }
}
