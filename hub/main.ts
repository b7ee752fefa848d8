/**
 * The hub process: settings from the environment (hub/config.ts), the database opened and migrated, the demo
 * site made on an empty database, then HTTP(S) until SIGINT/SIGTERM. `npm start` (scripts/start.ts) builds the
 * app first and then runs this; tests spawn it directly (no build step).
 *
 * Prints, on lines of their own: `Visitor Kiosk is running: URL`, `Reception desk: URL/desk`, on the first start
 * `Pair this kiosk: URL/?pair=CODE`, and `PIN: digits` (first start, or whenever VK_ADMIN_PIN is set).
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_SITE } from '../src/domain/demo-site.js';
import { offsetClock } from './clock.js';
import { configFromEnv, publicOrigin } from './config.js';
import { openStore } from './db/index.js';
import { loadDevKey } from './dev-key.js';
import { limitsFromEnv } from './limits.js';
import { startHub } from './server.js';
import { bootstrapIfEmpty, resetAdminPin } from './sites.js';

/** `VK_DIST` serves another build than dist/ (parallel end-to-end runs each build their own; see test/README.md). */
export async function main(staticRoot = process.env.VK_DIST || 'dist'): Promise<void> {
  const config = configFromEnv();
  const clock = offsetClock(config.clockOffsetMs);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const first = await bootstrapIfEmpty(store, { adminPin: config.adminPin, signingKey: await loadDevKey(resolve(config.dataDir)), now: clock() });
  // As before the hub: VK_ADMIN_PIN always wins, so a run on a reused data directory knows the PIN.
  if (!first && config.adminPin) await resetAdminPin(store, DEMO_SITE.id, config.adminPin, clock());
  const hub = await startHub({ ...config, store, clock, staticRoot, limits: limitsFromEnv() });
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
    void hub
      .close()
      .then(() => store.close())
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) await main();
