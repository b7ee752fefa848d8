// Serves the built app (dist/) until the hub replaces this file: the kiosk at `/`, static assets with
// long-lived caching for hashed files, and the strict Content-Security-Policy every page runs under.
// Node's own http module: nothing here is worth a framework.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

/** The policy the app is built for: no inline script, no eval, nothing from other origins. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Routes that are pages of the app rather than files. */
const PAGES = { '/': 'index.html', '/index.html': 'index.html', '/desk': 'desk.html', '/desk/': 'desk.html' };

/**
 * Starts serving `root` on `port` (0 picks a free one) and resolves with the server once it listens.
 * `routes` answers fixed paths with generated bodies (the site configuration).
 * @param {{ root: string, port: number, host?: string, routes?: Record<string, { type: string, body: string }> }} options
 */
export function serve({ root, port, host = '127.0.0.1', routes = {} }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
      'Cross-Origin-Opener-Policy': 'same-origin',
    };
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const route = routes[url.pathname];
      if (route) {
        res.writeHead(200, { ...headers, 'Content-Type': route.type, 'Cache-Control': 'no-cache' });
        res.end(req.method === 'HEAD' ? undefined : route.body);
        return;
      }
      const page = PAGES[url.pathname];
      const rel = page ?? normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
      const file = join(base, rel);
      if (!file.startsWith(base)) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      // Hashed assets never change; everything else (pages, the service worker, the manifest) must be
      // revalidated so an update reaches the kiosk.
      const cache = rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      res.writeHead(200, { ...headers, 'Content-Type': type, 'Cache-Control': cache });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      const missing = err && typeof err === 'object' && 'code' in err && err.code === 'ENOENT';
      res.writeHead(missing ? 404 : 500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(missing ? 'Not found\n' : 'Server error\n');
    }
  });
  return new Promise((ok, ko) => {
    server.once('error', ko);
    server.listen(port, host, () => ok(server));
  });
}
