/**
 * Cross-process event wake-up on PostgreSQL: a transaction that inserts events also runs
 * `pg_notify('vk_events', siteId)` (adapter.ts `announceEvents`), which PostgreSQL delivers at COMMIT — never
 * for a rolled-back transaction, and never before the rows are visible. Each hub process holds ONE dedicated
 * client (outside the pool: a pooled connection cannot keep a LISTEN) and wakes its fan-out on every
 * notification, so a desk on process B sees an alert raised through process A in milliseconds instead of at
 * the next poll. The poll stays as a fallback (a notification lost while the listener reconnects).
 *
 * SQLite hubs are one process (plus the short-lived CLI, which the poll covers): no listener there.
 */
import pg from 'pg';

/** The channel every hub process LISTENs on; the payload is the site id (informative: readers pump all sites). */
export const EVENTS_CHANNEL = 'vk_events';
/** First wait before reconnecting a dropped listener; doubled per failure up to RECONNECT_MAX_MS. */
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;
/** How long a connection attempt may take before it counts as a failure. */
const CONNECT_TIMEOUT_MS = 5_000;

export class PgEventListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retryMs = RECONNECT_MIN_MS;
  private retryTimer: NodeJS.Timeout | undefined;

  /**
   * `onWake` runs on every notification and after every (re)connection — events committed while the listener
   * was down were announced to nobody, so the reader must look at once.
   */
  constructor(
    private readonly connectionString: string,
    private readonly onWake: () => void,
  ) {}

  start(): void {
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    this.client = client;
    let failed = false;
    const fail = () => {
      if (failed) return;
      failed = true;
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    // A dropped connection (server restart, network) must not crash the hub: reconnect with backoff.
    client.on('error', fail);
    client.on('end', fail);
    client.on('notification', (message) => {
      if (message.channel === EVENTS_CHANNEL) this.onWake();
    });
    try {
      await client.connect();
      await client.query(`listen ${EVENTS_CHANNEL}`);
    } catch {
      fail();
      return;
    }
    if (this.stopped) {
      failed = true;
      await client.end().catch(() => undefined);
      return;
    }
    this.retryMs = RECONNECT_MIN_MS;
    this.onWake();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
    this.retryTimer = setTimeout(() => void this.connect(), wait);
    this.retryTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeAllListeners('end');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
