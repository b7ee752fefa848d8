/**
 * Starting and stopping a hub: open (and migrate) the database, start the event fan-out and the escalation
 * loop, serve HTTP or HTTPS. Used by `npm start` (scripts/start.ts) and by the tests, which start the real
 * server on an ephemeral loopback port with their own clock.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { DEMO_SITE } from '../src/domain/demo-site.js';
import { escalateDue } from './alerts.js';
import { createApp } from './api/app.js';
import { HEALTH_TICK_MS, HealthCheck } from './health.js';
import { systemClock, type Clock } from './clock.js';
import { openStore, type HubStore } from './db/index.js';
import { EventFanout } from './events/fanout.js';
import type { HubLimits } from './limits.js';
import { claimRunLock } from './run-lock.js';
import { ensureSiteSecrets } from './sites.js';
import { purge } from './retention.js';

/** Retention runs once a day: visit logs are kept for days, so a day's delay is within any policy. */
const PURGE_EVERY_MS = 86_400_000;
import { smtpFromEnv } from './notify/email.js';
import { DeliveryWorker, type DeliverySettings } from './notify/worker.js';

/** How often the hub looks for alerts past their escalation time: a few seconds late at most. */
export const ESCALATION_TICK_MS = 2000;

export interface StartOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  port: number;
  host: string;
  tls?: { cert: string; key: string } | undefined;
  clock?: Clock;
  /** The built app to serve; absent: the API alone. */
  staticRoot?: string;
  defaultSiteId?: string;
  escalationTickMs?: number;
  /** How often the health check runs (hub/health.ts); absent: HEALTH_TICK_MS. */
  healthTickMs?: number;
  /** How often retention runs (default daily); 0: never on its own (tests run `purge` themselves). */
  purgeEveryMs?: number;
  pollMs?: number;
  /** Rate limits (hub/limits.ts); absent: DEFAULT_LIMITS. */
  limits?: HubLimits;
  /** Use this store instead of opening one (the caller closes it). */
  store?: HubStore;
  /** Outbound notifications (hub/notify/worker.ts); absent: the defaults, with the SMTP relay from VK_SMTP_* (notify/email.ts). */
  delivery?: Partial<DeliverySettings>;
}

export interface RunningHub {
  store: HubStore;
  fanout: EventFanout;
  port: number;
  /** `http(s)://127.0.0.1:PORT` — where tests reach it. */
  url: string;
  /** Runs one escalation round now (tests; the loop does it every ESCALATION_TICK_MS). */
  escalate(): Promise<number>;
  /** Runs one health check now (tests; the loop does it every HEALTH_TICK_MS); the dedupe keys of alerts raised. */
  checkHealth(): Promise<string[]>;
  /** The outbound delivery worker (tests call `runOnce()` to send now). */
  deliveries: DeliveryWorker;
  close(): Promise<void>;
}

export async function startHub(options: StartOptions): Promise<RunningHub> {
  const clock = options.clock ?? systemClock;
  const store = options.store ?? (await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl }));
  await ensureSiteSecrets(store, clock());
  const fanout = new EventFanout(store);
  await fanout.start(options.pollMs);
  const app = createApp({ store, fanout, clock, ...(options.staticRoot ? { staticRoot: options.staticRoot } : {}), defaultSiteId: options.defaultSiteId ?? DEMO_SITE.id, ...(options.limits ? { limits: options.limits } : {}), ...(options.dataDir ? { dataDir: options.dataDir } : {}) });

  let escalating: Promise<number> | undefined;
  const escalate = (): Promise<number> => {
    escalating ??= escalateDue(store, clock())
      .then((done) => done.length)
      .catch(() => 0) // a busy database: the next tick tries again
      .finally(() => (escalating = undefined));
    return escalating;
  };
  await escalate(); // deadlines that passed while the hub was down escalate at once
  const timer = setInterval(() => void escalate(), options.escalationTickMs ?? ESCALATION_TICK_MS);
  const health = new HealthCheck(store, { dataDir: options.dataDir });
  let checking: Promise<string[]> | undefined;
  const checkHealth = (): Promise<string[]> => {
    checking ??= health
      .run(clock())
      .catch(() => []) // a busy database: the next tick tries again
      .finally(() => (checking = undefined));
    return checking;
  };
  const healthTimer = setInterval(() => void checkHealth(), options.healthTickMs ?? HEALTH_TICK_MS);
  healthTimer.unref();
  // Retention: once at start and then daily (hub/retention.ts). A failure is retried the next day; the
  // operator can run `npm run hub -- purge` at any time.
  const purgeDaily = () => void purge(store, clock()).catch(() => console.error('hub: purge failed; will try again'));
  if (options.purgeEveryMs !== 0) purgeDaily();
  const purgeTimer = setInterval(purgeDaily, options.purgeEveryMs || PURGE_EVERY_MS);
  purgeTimer.unref();
  const deliveries = new DeliveryWorker(store, clock, { smtp: smtpFromEnv(), ...options.delivery });
  deliveries.start();
  timer.unref();

  const tls = options.tls;
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: options.port,
        hostname: options.host,
        ...(tls ? { createServer: createHttpsServer, serverOptions: { cert: readFileSync(tls.cert), key: readFileSync(tls.key) } } : {}),
      },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  // `restore` refuses to replace a database a hub serves (hub/run-lock.ts); PostgreSQL restores are pg_restore's.
  const releaseRunLock = store.dialect === 'sqlite' && options.dataDir ? claimRunLock(options.dataDir) : () => undefined;
  const loopback = options.host === '::1' ? '[::1]' : '127.0.0.1';
  return {
    store,
    fanout,
    port,
    url: `${tls ? 'https' : 'http'}://${loopback}:${port}`,
    escalate,
    checkHealth,
    deliveries,
    async close() {
      clearInterval(timer);
      clearInterval(healthTimer);
      clearInterval(purgeTimer);
      await deliveries.stop();
      fanout.stop();
      releaseRunLock();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open event streams would keep close() waiting forever.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await escalating;
      await checking;
      if (!options.store) await store.close();
    },
  };
}
