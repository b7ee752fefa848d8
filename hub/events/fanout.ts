/**
 * In-memory fan-out of hub events to the desks' streams. Every event is a row of the `events` table written in
 * the same transaction as the change it reports; this module reads the rows back after each commit, on each
 * PostgreSQL notification of another hub process's commit (hub/db/pg-listen.ts), and every `POLL_MS` (rows
 * the CLI wrote, or a notification missed) and hands them, in id order, to the subscribers of their site.
 *
 * A new subscriber first catches up from the table (events after its `Last-Event-ID`) while live events are
 * held in its buffer; then the buffer is flushed past what it already sent. Nothing is sent twice or skipped.
 */
import { hubEventSchema, type HubEvent } from '../../src/schemas/sync.js';
import type { EventRow, HubStore } from '../db/index.js';

/** How often the table is polled for events written by other processes: "within a second" for the CLI. */
export const POLL_MS = 1000;
/**
 * On PostgreSQL other processes' commits wake the fan-out at once (LISTEN/NOTIFY, hub/db/pg-listen.ts); the
 * poll only catches a notification lost while the listener reconnected, so it can be slow.
 */
export const FALLBACK_POLL_MS = 10_000;
/** Rows read per query while pumping or catching up. */
const PAGE = 500;
/** Live events held for a subscriber still catching up; beyond this it is closed and reconnects. */
const MAX_BUFFER = 10_000;
/** Event types desks receive (hubEventSchema); `site` and `revocation` are for kiosks' pull. */
export const DESK_EVENT_TYPES = ['visit', 'alert', 'device', 'erasure', 'host-answer', 'record', 'ledger'] as const;
const DESK_TYPES: ReadonlySet<string> = new Set(DESK_EVENT_TYPES);

export interface DeliveredEvent {
  id: number;
  event: HubEvent;
}

interface Subscriber {
  siteId: string;
  lastSent: number;
  live: boolean;
  buffer: EventRow[];
  send: (event: DeliveredEvent) => void;
  close: () => void;
}

export class EventFanout {
  private readonly subscribers = new Set<Subscriber>();
  private cursor = 0;
  private pumping: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => void) | undefined;

  constructor(private readonly store: HubStore) {}

  /**
   * Starts from the newest event (older ones reach desks only through catch-up) and begins polling, every
   * `pollMs` or by default POLL_MS — FALLBACK_POLL_MS where the store hears other processes' commits.
   */
  async start(pollMs?: number): Promise<void> {
    this.cursor = await this.store.read((repo) => repo.lastEventId());
    this.unlisten = this.store.onEvents(() => void this.pump());
    this.timer = setInterval(() => void this.pump(), pollMs ?? (this.store.hearsOtherProcesses ? FALLBACK_POLL_MS : POLL_MS));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.unlisten?.();
    for (const sub of this.subscribers) sub.close();
    this.subscribers.clear();
  }

  /** Reads new rows and dispatches them; concurrent calls coalesce into one more round. */
  pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return this.pumping;
    }
    this.pumping = (async () => {
      try {
        do {
          this.again = false;
          for (;;) {
            const rows = await this.store.read((repo) => repo.eventsAfter(this.cursor, PAGE));
            for (const row of rows) {
              this.cursor = row.id;
              this.dispatch(row);
            }
            if (rows.length < PAGE) break;
          }
        } while (this.again);
      } catch {
        // The database was busy or closing: the next commit or poll tries again from the same cursor.
      } finally {
        this.pumping = undefined;
      }
    })();
    return this.pumping;
  }

  private dispatch(row: EventRow): void {
    if (!DESK_TYPES.has(row.type)) return;
    for (const sub of this.subscribers) {
      if (sub.siteId !== row.siteId) continue;
      if (!sub.live) {
        if (sub.buffer.length >= MAX_BUFFER) sub.close();
        else sub.buffer.push(row);
      } else if (row.id > sub.lastSent) this.deliver(sub, row);
    }
  }

  private deliver(sub: Subscriber, row: EventRow): void {
    sub.lastSent = row.id;
    const parsed = hubEventSchema.safeParse(JSON.parse(row.data));
    // A row this version cannot read (written by a newer hub) is skipped, not sent half-understood.
    if (parsed.success) sub.send({ id: row.id, event: parsed.data });
  }

  /**
   * Subscribes `send` to the site's events after `afterId` (undefined: from now). Resolves once caught up;
   * the returned function unsubscribes.
   */
  async subscribe(siteId: string, afterId: number | undefined, send: (event: DeliveredEvent) => void, close: () => void): Promise<() => void> {
    const sub: Subscriber = { siteId, lastSent: afterId ?? this.cursor, live: false, buffer: [], send, close };
    this.subscribers.add(sub);
    const unsubscribe = () => void this.subscribers.delete(sub);
    try {
      if (afterId !== undefined) {
        for (;;) {
          const rows = await this.store.read((repo) => repo.eventsAfter(sub.lastSent, PAGE, siteId, DESK_EVENT_TYPES));
          for (const row of rows) this.deliver(sub, row);
          if (rows.length < PAGE) break;
        }
      }
      for (const row of sub.buffer) if (row.id > sub.lastSent) this.deliver(sub, row);
      sub.buffer = [];
      sub.live = true;
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  /** Open streams, for tests and the hub's status. */
  get size(): number {
    return this.subscribers.size;
  }
}
