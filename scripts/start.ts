// `npm start`: builds the app if dist/ is missing or older than the sources, then starts the hub (hub/) on
// PORT (default 8080) and HOST (default 127.0.0.1: loopback; HOST=0.0.0.0 serves tablets on the LAN — give it
// TLS_CERT and TLS_KEY, see hub/README.md). Data goes to ${DATA_DIR:-./data}/hub.sqlite, or to PostgreSQL when
// DATABASE_URL is set. On an empty database it creates the demo site (signed with the development key in
// DATA_DIR/dev-keys.json, so `npm run invite` and the end-to-end tests sign what the kiosk trusts), the first
// staff member and a kiosk pairing link, and prints them on lines of their own.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../hub/main.js';

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

await main('dist');
