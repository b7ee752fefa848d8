// `npm start`: builds the app if dist/ is missing or older than the sources, then serves it on PORT
// (default 8080). The hub issue replaces the static server with the hub serving the same files.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './serve.mjs';

const SOURCES = ['src', 'components', 'kiosk', 'public', 'index.html', 'vite.config.ts', 'package.json'];

/** Newest modification time under the given paths, so a stale build is rebuilt. */
function newest(paths) {
  let latest = 0;
  const walk = (p) => {
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
await serve({ root: 'dist', port, host });
console.log(`Visitor Kiosk is running: http://localhost:${port}/`);
console.log('Demo site: Hong Kong, residential, Asia/Hong_Kong, open around the clock. Press Ctrl+C to stop.');
