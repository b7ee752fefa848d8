/**
 * Serving the built app (dist/) from the hub, as scripts/serve.mjs did before it: the kiosk at `/`, the desk at
 * `/desk`, hashed assets cached forever, pages, the service worker and the manifest revalidated, and the strict
 * Content-Security-Policy and security headers on every response (the API's too).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** The policy the app is built for: no inline script, no eval, nothing from other origins. Kept equal to scripts/serve.mjs. */
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

/**
 * The same policy for the frame-mode pages (`/embed/*`, hub/embedding.ts): `frame-ancestors` widened from the
 * hub itself to `ancestors` — the site's embedding origins, never `*`.
 */
export const embedContentSecurityPolicy = (ancestors: string): string => CONTENT_SECURITY_POLICY.replace("frame-ancestors 'self'", `frame-ancestors ${ancestors}`);

/** Headers on every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // For browsers without CSP frame-ancestors; browsers that have it ignore this header. Dropped on /embed/*.
  'X-Frame-Options': 'SAMEORIGIN',
};

const TYPES: Readonly<Record<string, string>> = {
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
// `/desk` is the desk signed in at this hub (desk-hub.html); desk.html, the standalone desk that reads only its
// own browser's records, stays reachable as `/desk.html` for a kiosk and desk sharing one device without a hub.
const PAGES: Readonly<Record<string, string>> = { '/': 'index.html', '/index.html': 'index.html', '/desk': 'desk-hub.html', '/desk/': 'desk-hub.html', '/demo': 'demo.html', '/demo/': 'demo.html', '/invitation': 'invitation.html', '/answer': 'answer.html', '/embed/kiosk': 'embed/kiosk.html', '/embed/kiosk/': 'embed/kiosk.html', '/embed/desk': 'embed/desk.html', '/embed/desk/': 'embed/desk.html' };

/** Answers a GET/HEAD for a file of `root`, or undefined when there is none (the caller says 404). */
export async function serveFile(root: string, pathname: string, method: string): Promise<Response | undefined> {
  const base = resolve(root);
  const page = PAGES[pathname];
  let rel: string;
  try {
    rel = page ?? normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  } catch {
    return undefined; // a malformed %-escape
  }
  const file = join(base, rel);
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  try {
    const info = await stat(file);
    if (!info.isFile()) return undefined;
    const body = method === 'HEAD' ? null : await readFile(file);
    // Hashed assets never change; everything else (pages, the service worker, the manifest) must be
    // revalidated so an update reaches the kiosk.
    const cache = rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return new Response(body, { headers: { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': cache, 'Content-Length': String(info.size) } });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}
