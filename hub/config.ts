/**
 * The hub's settings, from the environment (README "Configuration"): where the data goes, where it listens,
 * TLS, and the clock offset end-to-end tests use. Read once at start.
 */
export interface HubConfig {
  port: number;
  /** Listen address: loopback by default; `0.0.0.0` to serve tablets on the LAN (with TLS — see README). */
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  tls: { cert: string; key: string } | undefined;
  clockOffsetMs: number;
  adminPin: string | undefined;
  /** `VK_HEALTH_TICK_MS`: how often the health check runs (hub/health.ts); absent: HEALTH_TICK_MS. */
  healthTickMs?: number;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
/** The shortest health-check interval accepted: a second (tests and demos); production keeps the minute. */
export const MIN_HEALTH_TICK_MS = 1000;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const port = Number(env['PORT'] ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError('PORT must be a port number');
  const cert = env['TLS_CERT'];
  const key = env['TLS_KEY'];
  if ((cert === undefined) !== (key === undefined)) throw new RangeError('set both TLS_CERT and TLS_KEY, or neither');
  const offset = Number(env['VK_HUB_CLOCK_OFFSET_MS'] ?? 0);
  const healthTick = env['VK_HEALTH_TICK_MS'] ? Number(env['VK_HEALTH_TICK_MS']) : undefined;
  if (healthTick !== undefined && (!Number.isInteger(healthTick) || healthTick < MIN_HEALTH_TICK_MS)) throw new RangeError(`VK_HEALTH_TICK_MS must be a whole number of milliseconds, at least ${MIN_HEALTH_TICK_MS}`);
  return {
    port,
    host: env['HOST'] ?? DEFAULT_HOST,
    dataDir: env['DATA_DIR'] ?? 'data',
    databaseUrl: env['DATABASE_URL'] || undefined,
    tls: cert !== undefined && key !== undefined ? { cert, key } : undefined,
    clockOffsetMs: Number.isFinite(offset) ? offset : 0,
    adminPin: env['VK_ADMIN_PIN'] || undefined,
    ...(healthTick !== undefined ? { healthTickMs: healthTick } : {}),
  };
}

/** The address people type: `localhost` for a loopback or wildcard listener, else the host itself. */
export function publicOrigin(config: Pick<HubConfig, 'host' | 'tls'>, port: number): string {
  const name = ['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost'].includes(config.host) ? 'localhost' : config.host;
  return `${config.tls ? 'https' : 'http'}://${name}:${port}`;
}
