// `npm start`: builds the app if dist/ is missing or older than the sources, then starts the hub (hub/) on
// PORT (default 8080) and HOST (default 127.0.0.1: loopback; HOST=0.0.0.0 serves tablets on the LAN — give it
// TLS_CERT and TLS_KEY, see hub/README.md). Data goes to ${DATA_DIR:-./data}/hub.sqlite, or to PostgreSQL when
// DATABASE_URL is set. On an empty database it creates the demo site (signed with the development key in
// DATA_DIR/dev-keys.json, so `npm run invite` and the end-to-end tests sign what the kiosk trusts), the first
// staff member and a kiosk pairing link, and prints them on lines of their own.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_SITE } from '../src/domain/demo-site.js';
import { offsetClock } from '../hub/clock.js';
import { configFromEnv, publicOrigin } from '../hub/config.js';
import { openStore } from '../hub/db/index.js';
import { loadDevKey } from '../hub/dev-key.js';
import { startHub } from '../hub/server.js';
import { bootstrapIfEmpty, resetAdminPin } from '../hub/sites.js';

const SOURCES = ['src', 'components', 'kiosk', 'desk', 'public', 'index.html', 'desk.html', 'vite.config.ts', 'package.json'];

/** Newest modification time under the given paths, so a stale build is rebuilt. */
function newest(paths: string[]): number {
  let latest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const info = statSync(p);
    if (info.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
    else latest = Math.max(latest, info.mtimeMs);
  };
  paths.forEach(walk);
  return latest;
}

const built = join('dist', 'index.html');
if (!existsSync(built) || statSync(built).mtimeMs < newest(SOURCES)) {
  console.log('Building the kiosk (vite build)…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const config = configFromEnv();
const clock = offsetClock(config.clockOffsetMs);
const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
const first = await bootstrapIfEmpty(store, { adminPin: config.adminPin, signingKey: await loadDevKey(resolve(config.dataDir)), now: clock() });
// As before the hub: VK_ADMIN_PIN always wins, so a run on a reused data directory knows the PIN.
if (!first && config.adminPin) await resetAdminPin(store, DEMO_SITE.id, config.adminPin, clock());
const hub = await startHub({ ...config, store, clock, staticRoot: 'dist' });
const origin = publicOrigin(config, hub.port);

console.log(`Visitor Kiosk is running: ${origin}/`);
console.log(`Reception desk: ${origin}/desk`);
if (first) console.log(`Pair this kiosk: ${origin}/?pair=${first.pairCode}`);
const pin = first?.pin ?? config.adminPin;
if (pin) console.log(`PIN: ${pin}`);
console.log(`Hub: ${store.dialect === 'sqlite' ? `SQLite in ${join(config.dataDir, 'hub.sqlite')}` : 'PostgreSQL (DATABASE_URL)'}; API at ${origin}/api/v1/ (docs/hub-api.md).`);
console.log('Demo site: Hong Kong, residential, Asia/Hong_Kong, open around the clock. Press Ctrl+C to stop.');
console.log('Invitations: npm run invite -- --host 12B · another kiosk: npm run hub -- pair-kiosk · staff: npm run hub -- add-staff --name NAME --pin DIGITS');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void hub.close().then(
    () => store.close(),
    () => undefined,
  ).finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
