/**
 * The desk in hub mode (`<visitor-desk hub="…">`): staff sign in at the hub with their PIN, the desk loads the
 * site's state (today's visits, alerts, kiosks) and follows the hub's event stream, writing what arrives into
 * its own IndexedDB WITHOUT outbox entries — so the desk's screens, which render from IndexedDB and refresh on
 * BroadcastChannel messages, show it as they show local records. The desk's own edits (confirm check-in, check
 * out, deny, fast entry) are written locally with outbox entries as in standalone mode and pushed by the
 * outbox pusher under the staff session. The hub classifies arrivals and owns escalation: the desk does
 * neither (desk-data.ts `hubLinked`), and acknowledges, escalates and raises through the hub.
 *
 * Hub mode keeps its copy in its own database, `${dbName}:hub`: a kiosk in the same browser has its own device
 * id, outbox and privacy purge, and the desk's edits must go to the hub as the desk's, never as the kiosk's.
 * The staff session token lives in memory only: a reload asks for the PIN again.
 */
import type { Alert, StaffMember } from '../src/domain/desk.js';
import type { HubWatchList } from './planning/vk-desk-planning.js';
import type { DeviceStatus, IssueInvitationReply, IssueInvitationRequest, SiteHealthReply } from '../src/schemas/sync.js';
import { hubEventSchema } from '../src/schemas/sync.js';
import { CHANNEL_PREFIX } from '../src/storage/day-cache.js';
import { RecordStore } from '../src/storage/records.js';
import { DeskStore, SyncStore, VisitStore } from '../src/storage/index.js';
import { HOST_ANSWERS, type HostAnswer as HostAnswerCode, type HostAnswerEvent } from '../src/schemas/host-answer.js';
import { EventStreamClient, FetchTransport, HubDeskClient, OutboxPusher, SyncError, namedLock } from '../src/sync/index.js';
import { LedgerClient } from '../src/sync/ledger-client.js';
import { ReportsClient } from '../src/sync/reports-client.js';

/** The database a hub-linked desk keeps its copy in (see the module comment). */
export const hubDbName = (dbName: string): string => (dbName.endsWith(':hub') ? dbName : `${dbName}:hub`);

/**
 * A kiosk that has not reached the hub for this long is shown as a warning: the hub's data from it may be
 * behind (issue 5: "warns about a kiosk that has not synced for over an hour").
 */
export const KIOSK_STALE_MS = 60 * 60_000;

/** What the desk shows about its hub link: the kiosks and its own sync state. */
export interface HubView {
  devices: DeviceStatus[];
  /** This desk's changes the hub has not acknowledged yet. */
  pending: number;
  /** The hub answered the last request (and the event stream is open). */
  online: boolean;
  lastSyncAt: string | null;
}

export interface DeskHubHost {
  /** The `hub` attribute: the hub's base URL (`/` for the hub that serves the page). */
  readonly hub: string;
  /** The database the link writes to (`hubDbName(…)`). */
  readonly dbName: string;
  /** Records in IndexedDB changed: refresh from it. */
  onChanged(): void;
  /** The hub raised an alert this desk had not seen (for `vk-visit-flagged` and the chime). */
  onNewAlert(alert: Alert): void;
  onView(view: HubView): void;
  /** The session ended at the hub (expired, signed out elsewhere): ask for the PIN again. */
  onSignedOut(): void;
}

export type HubSignIn = { ok: true; link: DeskHubLink; staff: StaffMember } | { ok: false; code: 'pin-wrong' | 'pin-locked' | 'hub-unreachable'; minutes?: number };

/** The hub's base URL from the `hub` attribute, resolved against the page. */
export function hubBaseUrl(hubAttribute: string, page: Location = window.location): string {
  const url = new URL(hubAttribute || '/', page.href);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * Signs in at the hub with a PIN. The staff member the desk holds is the hub's (id, name, role, site); it
 * carries no PIN hash — the hub keeps those — and is never written to the desk's staff store.
 */
export async function signInAtHub(host: DeskHubHost, pin: string, siteId: string | undefined): Promise<HubSignIn> {
  let token: string | undefined;
  const client = new HubDeskClient(hubBaseUrl(host.hub), () => token);
  try {
    const reply = await client.signIn(pin, siteId);
    token = reply.token;
    const staff: StaffMember = {
      id: reply.staff.id,
      siteId: reply.staff.siteIds[0] ?? siteId ?? '',
      name: reply.staff.name,
      role: reply.staff.role,
      // Verified by the hub; nothing to check here, and no hash leaves the hub.
      pinHash: '',
      pinSalt: '',
      iterations: 0,
      failedAttempts: 0,
    };
    const link = new DeskHubLink(host, client, reply.token);
    await link.start();
    return { ok: true, link, staff };
  } catch (error) {
    if (error instanceof SyncError) {
      if (error.details.hubCode === 'pin-locked') return { ok: false, code: 'pin-locked', minutes: 5 };
      if (error.kind === 'unauthorised' || error.details.hubCode === 'pin-wrong' || error.kind === 'bad-request') return { ok: false, code: 'pin-wrong' };
      return { ok: false, code: 'hub-unreachable' };
    }
    throw error;
  }
}

/** The staff id a host's own answer is recorded under (the host tapped the link; no staff member did). */
export const HOST_LINK_STAFF_ID = 'host-link';
const HOST_LINK_PREFIX = `${HOST_LINK_STAFF_ID}-`;

/** The answer a host gave through the link, read back from a decision's staff id (undefined: staff recorded it). */
export function hostLinkAnswer(staffId: string | undefined): HostAnswerCode | undefined {
  const answer = staffId?.startsWith(HOST_LINK_PREFIX) ? staffId.slice(HOST_LINK_PREFIX.length) : undefined;
  return (HOST_ANSWERS as readonly string[]).includes(answer ?? '') ? (answer as HostAnswerCode) : undefined;
}

/**
 * A host's answer to the one-time link (hub/notify/host-answers.ts), written as the desk's host decision on the
 * visit's row — "Confirmed by 12B at 14:02" for Coming down and Let them up, "Declined by 12B…" for Not
 * expected — exactly as if the guard had rung the flat. Visits the desk does not hold are skipped.
 */
async function recordHostAnswers(dbName: string, answers: readonly HostAnswerEvent[]): Promise<void> {
  const visits = new VisitStore(dbName);
  const desk = new DeskStore(dbName);
  for (const a of answers) {
    const visit = await visits.get(a.visitId);
    if (!visit) continue;
    const known = await desk.hostDecision(a.visitId);
    if (known && known.at === a.at) continue;
    await desk.recordHostDecision({ visitId: a.visitId, decision: a.answer === 'not-expected' ? 'declined' : 'confirmed', by: visit.host.label, staffId: `${HOST_LINK_PREFIX}${a.answer}` }, new Date(a.at));
  }
}

export class DeskHubLink {
  readonly #host: DeskHubHost;
  readonly #client: HubDeskClient;
  readonly #store: SyncStore;
  #token: string | undefined;
  #stream: EventStreamClient | undefined;
  #pusher: OutboxPusher | undefined;
  #channel: BroadcastChannel | undefined;
  #view: HubView = { devices: [], pending: 0, online: true, lastSyncAt: null };
  readonly #seenAlerts = new Set<string>();
  #stopped = false;
  readonly #onOnline = () => this.wake();

  constructor(host: DeskHubHost, client: HubDeskClient, token: string) {
    this.#host = host;
    this.#client = client;
    this.#token = token;
    this.#store = new SyncStore(host.dbName);
  }

  get view(): HubView {
    return this.#view;
  }

  /** Loads the state, then follows the event stream and pushes the desk's outbox. */
  async start(): Promise<void> {
    const state = await this.#client.deskState();
    await this.#store.putVisitsFromHub(state.visits);
    await this.#store.putAlertsFromHub(state.alerts);
    if (state.hostAnswers) await recordHostAnswers(this.#host.dbName, state.hostAnswers);
    if (state.records) await new RecordStore(this.#host.dbName).putFromHub(state.records);
    // What the desk already shows is not "new": only alerts raised from now on chime and fire vk-visit-flagged.
    for (const a of state.alerts) this.#seenAlerts.add(a.id);
    this.#update({ devices: state.devices, lastSyncAt: new Date().toISOString(), online: true });
    const deviceId = await this.#store.deviceId();
    this.#pusher = new OutboxPusher({
      store: this.#store,
      transport: new FetchTransport({ origin: this.#client.origin, token: () => this.#token }),
      deviceId,
      lock: namedLock(`vk-sync:${this.#host.dbName}`),
      onDrained: (result) => {
        if (result.acked > 0) this.#update({ lastSyncAt: new Date().toISOString(), online: true });
        void this.#countPending();
      },
      onFailure: () => {
        this.#update({ online: false });
        void this.#countPending();
      },
      onUnauthorised: () => this.#signedOut(),
    });
    this.#stream = new EventStreamClient({
      origin: this.#client.origin,
      path: '/events',
      token: () => this.#token,
      lastEventId: state.eventId,
      onEvent: (event) => this.#onEvent(event.data),
      onOpen: () => this.#update({ online: true }),
      onError: () => this.#update({ online: false }),
      onUnauthorised: () => this.#signedOut(),
    });
    // The desk's own writes (this page or another tab of it) wake the pusher at once.
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(CHANNEL_PREFIX + this.#host.dbName);
      this.#channel.onmessage = (event: MessageEvent<{ kind?: string }>) => {
        if (event.data?.kind === 'write') this.wake();
      };
    }
    window.addEventListener('online', this.#onOnline);
    this.#pusher.start();
    this.#stream.start();
    this.#host.onChanged();
    await this.#countPending();
  }

  /** Try now (a local edit, the network back). */
  wake(): void {
    this.#pusher?.wake();
    this.#stream?.wake();
  }

  /** **Acknowledge**: at the hub (the first acknowledgement wins there), then the hub's answer is stored. */
  async acknowledge(alertId: string): Promise<Alert> {
    const reply = await this.#client.acknowledgeAlert(alertId);
    await this.#store.putAlertsFromHub([reply.alert]);
    this.#host.onChanged();
    return reply.alert;
  }

  /** **Escalate** pressed. */
  async escalate(alertId: string): Promise<Alert> {
    const alert = await this.#client.escalateAlert(alertId);
    await this.#store.putAlertsFromHub([alert]);
    this.#host.onChanged();
    return alert;
  }

  /** **Raise Class A/B/C** on a visit (or without one). */
  async raise(incidentClass: 'A' | 'B' | 'C', visitId: string | undefined): Promise<Alert> {
    const alert = await this.#client.raiseAlert({ incidentClass, ...(visitId ? { visitId } : {}) });
    this.#seenAlerts.add(alert.id);
    await this.#store.putAlertsFromHub([alert]);
    this.#host.onChanged();
    return alert;
  }

  /** **Issue invitation** (desk/invitations): signed at the hub; the reply carries the QR and the link. */
  issueInvitation(request: IssueInvitationRequest): Promise<IssueInvitationReply> {
    return this.#client.issueInvitation(request);
  }

  /** **Revoke** a kiosk (site manager): the hub refuses its token from now on and tells every desk. */
  async revokeDevice(deviceId: string): Promise<void> {
    await this.#client.revokeDevice(deviceId);
  }

  /**
   * The hub's watch list for the planning panel (desk/planning): on a hub-linked desk the hub classifies
   * arrivals, so entries are kept there (site manager, guard), not in this desk's IndexedDB.
   */
  readonly watchList: HubWatchList = {
    list: () => this.#client.watchList(),
    add: (entry) => this.#client.addWatchEntry({ kind: entry.kind, value: entry.value, reason: entry.reason, approvedBy: entry.approvedBy, expiresAt: entry.expiresAt.toISOString() }),
    remove: (id) => this.#client.removeWatchEntry(id),
  };

  /** The hub's health and each kiosk's report, for `<vk-hub-devices>`. */
  siteHealth(): Promise<SiteHealthReply> {
    return this.#client.siteHealth();
  }

  /** The ledger's requests under this session (desk/ledger): one client for the link's life. */
  get ledger(): LedgerClient {
    return (this.#ledger ??= new LedgerClient(this.#client.origin, () => this.#token));
  }
  #ledger: LedgerClient | undefined;

  /** Reports and exports under this session (desk/reports): one client for the link's life. */
  get reports(): ReportsClient {
    return (this.#reports ??= new ReportsClient(this.#client.origin, () => this.#token));
  }
  #reports: ReportsClient | undefined;

  /** Stops following the hub; with `signOut`, ends the session at the hub too (best effort). */
  async stop(signOut = false): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    window.removeEventListener('online', this.#onOnline);
    this.#channel?.close();
    await Promise.all([this.#stream?.stop(), this.#pusher?.stop()]);
    if (signOut) await this.#client.signOut().catch(() => undefined);
    this.#token = undefined;
  }

  async #onEvent(data: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = hubEventSchema.safeParse(json);
    // An event this build does not know (a newer hub) is skipped, not taken for a broken stream.
    if (!parsed.success) return;
    const event = parsed.data;
    if (event.type === 'visit') await this.#store.putVisitsFromHub([event.visit]);
    else if (event.type === 'alert') {
      await this.#store.putAlertsFromHub([event.alert]);
      if (!this.#seenAlerts.has(event.alert.id)) {
        this.#seenAlerts.add(event.alert.id);
        if (event.alert.status === 'open') this.#host.onNewAlert(event.alert);
      }
    } else if (event.type === 'erasure') {
      // A person's visits erased at the hub on their request: this desk's copies go too.
      await this.#store.deleteVisitsFromHub(event.visitIds);
    } else if (event.type === 'host-answer') {
      await recordHostAnswers(this.#host.dbName, [event]);
    } else if (event.type === 'record') {
      // A lobby record (a parcel logged at a kiosk, collected at another desk): kept by the merge rule.
      await new RecordStore(this.#host.dbName).putFromHub([event.record]);
    } else if (event.type === 'ledger') {
      // Another desk (or a kiosk visit) opened or changed a ledger entry: the ledger panel reloads.
      this.#ledger?.changed(event.id, event.version);
    } else {
      const devices = this.#view.devices.filter((d) => d.deviceId !== event.device.deviceId);
      this.#update({ devices: [...devices, event.device] });
    }
    this.#update({ online: true, lastSyncAt: new Date().toISOString() });
    this.#host.onChanged();
  }

  async #countPending(): Promise<void> {
    try {
      this.#update({ pending: await this.#store.pendingCount() });
    } catch {
      // informative only
    }
  }

  #signedOut(): void {
    if (this.#stopped) return;
    void this.stop();
    this.#host.onSignedOut();
  }

  #update(change: Partial<HubView>): void {
    this.#view = { ...this.#view, ...change };
    this.#host.onView(this.#view);
  }
}
