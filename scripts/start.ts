// `npm start`: builds the app if dist/ is missing or older than the sources, then serves it on PORT
// (default 8080) with the demo site's configuration at /site.json — the demo site of CONTRACT.md plus the
// public key set of the local development key (`${DATA_DIR:-./data}/dev-keys.json`, made on first start), so
// invitations printed by `npm run invite` are accepted by the kiosk. The hub issue replaces all of this.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { DEMO_SITE } from '../src/domain/demo-site.js';
import { publicKeySet } from '../src/invite/index.js';
import { hashPin } from '../desk/auth.js';
import { loadDevKey } from './invite.js';
import { serve } from './serve.mjs';

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

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = process.env.DATA_DIR ?? 'data';
const devKey = await loadDevKey(dataDir);
const siteJson = JSON.stringify({ ...DEMO_SITE, keySet: publicKeySet([devKey]) });

// The desk's first staff member. The PIN is printed once, on the first start (or taken from VK_ADMIN_PIN);
// only its PBKDF2 hash is kept, in DATA_DIR/staff.json, and served to the desk until the hub signs staff in.
const staffFile = join(dataDir, 'staff.json');
let firstPin: string | undefined;
if (!existsSync(staffFile) || process.env.VK_ADMIN_PIN) {
  firstPin = process.env.VK_ADMIN_PIN ?? String(randomInt(0, 1_000_000)).padStart(6, '0');
  if (!/^\d{4,8}$/.test(firstPin)) throw new Error('VK_ADMIN_PIN must be 4 to 8 digits');
  const hash = await hashPin(firstPin);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(staffFile, JSON.stringify([{ id: 'admin', name: 'Site manager', role: 'site-manager', ...hash }]), { mode: 0o600 });
}
const staffJson = readFileSync(staffFile, 'utf8');

await serve({
  root: 'dist',
  port,
  host,
  routes: {
    '/site.json': { type: 'application/json; charset=utf-8', body: siteJson },
    '/staff.json': { type: 'application/json; charset=utf-8', body: staffJson },
  },
});
console.log(`Visitor Kiosk is running: http://localhost:${port}/`);
console.log(`Reception desk: http://localhost:${port}/desk`);
if (firstPin) console.log(`PIN: ${firstPin}`);
console.log('Demo site: Hong Kong, residential, Asia/Hong_Kong, open around the clock. Press Ctrl+C to stop.');
console.log(`Invitations: npm run invite -- --host 12B (signed with ${join(dataDir, 'dev-keys.json')}, trusted by this kiosk)`);
