// `npm start`: builds the app if dist/ is missing or older than the sources, bundles the hub (hub/) into one
// plain-JavaScript module, and runs it with Node on PORT (default 8080) and HOST (default 127.0.0.1: loopback;
// HOST=0.0.0.0 serves tablets on the LAN — give it TLS_CERT and TLS_KEY, see hub/README.md). Data goes to
// ${DATA_DIR:-./data}/hub.sqlite, or to PostgreSQL when DATABASE_URL is set. On an empty database it creates the
// demo site (signed with the development key in DATA_DIR/dev-keys.json, so `npm run invite` and the end-to-end
// tests sign what the kiosk trusts), the first staff member and a kiosk pairing link, and prints them on lines
// of their own.
//
// Why a bundle and a child process rather than importing hub/main.ts here: TypeScript loaded through tsx keeps
// a loader thread and the transformed sources alive for the life of the process — measured here, the idle hub
// held 148 MB that way against 93 MB as a bundle (issue 5's aim is ≤ 150 MB after a large sync).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const SOURCES = ['src', 'components', 'kiosk', 'desk', 'public', 'index.html', 'desk.html', 'desk-hub.html', 'invitation.html', 'demo.html', 'demo', 'embed', 'vite.config.ts', 'package.json'];
/** The hub's bundle: under .cache/ (git-ignored), never under dist/, which the hub serves to browsers. */
// One bundle per port: parallel end-to-end runs start their own hubs and must not rewrite each other's file.
const HUB_BUNDLE = join('.cache', 'hub', process.env.PORT ? `main-${process.env.PORT}.mjs` : 'main.mjs');

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

/** Where the app is built and served from: dist/ unless `VK_DIST` names another directory (parallel e2e runs). */
const DIST = process.env.VK_DIST || 'dist';
const built = join(DIST, 'index.html');
if (!existsSync(built) || statSync(built).mtimeMs < newest(SOURCES)) {
  console.log('Building the kiosk (vite build)…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', DIST, '--emptyOutDir'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The hub and the shared src/ it imports, as one ES module; npm packages stay external (better-sqlite3 is native).
await build({
  entryPoints: ['hub/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  outfile: HUB_BUNDLE,
  logLevel: 'warning',
});

// A small young generation (4 MB semi-spaces, 16 MB by default): a sync's request bodies are short-lived, and
// V8 keeps whatever young space it grew to. Measured on 10 000 visits: 142 MB after the sync against 163 MB,
// for about 10 % more time in the sync (test/bench/README.md).
const hub = spawn(process.execPath, ['--enable-source-maps', '--max-semi-space-size=4', HUB_BUNDLE], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => hub.kill(signal));
hub.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
