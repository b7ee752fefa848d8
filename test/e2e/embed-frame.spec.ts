// Frame mode (issue 9 item 1): `/embed/kiosk` and `/embed/desk` served by the hub may be framed only by the
// site's configured embedding origins, accept configuration only from the page that frames them on such an
// origin, and post the CONTRACT.md events to that origin alone. Three origins, all on loopback:
//   H  the test hub (http://127.0.0.1:HUB_E2E_PORT) — the frames' own origin;
//   A  http://localhost:<port A> — a host portal the site lists (`npm run hub -- embed-origins --add`);
//   B  http://localhost:<port B> — not listed: an attacker's frame inside A's page, and a page of its own.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { HUB_E2E_DATA_DIR, HUB_E2E_PORT } from '../../playwright.config.js';
import { runCli } from '../../hub/cli/main.js';
import { newPairCode } from './hub-helpers.js';

const HUB = `http://127.0.0.1:${HUB_E2E_PORT}`;
/** Messages the attacker's frame posts (issue 9: 1 000 fuzzed postMessages from a wrong origin). */
const FUZZ_MESSAGES = 1_000;
/** After the last fuzzed message: time for any handler to have acted on it (they are all synchronous after one fetch). */
const SETTLE_MS = 1_000;

/** Runs the hub's CLI in-process on the test hub's database, as an operator would. */
const cli = (...argv: string[]) => runCli(argv, { env: { ...process.env, DATABASE_URL: '', DATA_DIR: HUB_E2E_DATA_DIR, PORT: String(HUB_E2E_PORT) }, out: () => undefined });

/** A loopback server answering each path with a page. */
async function servePages(pages: (origin: string) => Record<string, string>): Promise<{ server: Server; origin: string }> {
  let origin = '';
  const server = createServer((req, res) => {
    const body = pages(origin)[new URL(req.url ?? '/', origin).pathname];
    res.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return { server, origin };
}

/** Records every message a page's window receives, with its origin, in `window.__received`. */
const RECORDER = `<script>window.__received = []; addEventListener('message', (e) => window.__received.push({ origin: e.origin, data: e.data }));</script>`;

let portal: { server: Server; origin: string };
let attacker: { server: Server; origin: string };

test.beforeAll(async () => {
  attacker = await servePages(() => ({
    '/attacker.html': `<!doctype html><title>Ad</title>${RECORDER}<p>An advert</p>`,
    // B as a top-level page of its own, trying to frame the kiosk.
    '/frames-kiosk.html': `<!doctype html><title>Not listed</title><iframe id="kiosk" title="kiosk" src="${HUB}/embed/kiosk"></iframe>`,
  }));
  portal = await servePages(() => ({
    '/paired.html': `<!doctype html><html lang="en"><title>Portal</title>${RECORDER}
      <iframe id="kiosk" title="Visitor kiosk" src="${HUB}/embed/kiosk?pair=" style="width:900px;height:700px"></iframe></html>`,
    '/portal.html': `<!doctype html><html lang="en"><title>Portal</title>${RECORDER}
      <iframe id="kiosk" title="Visitor kiosk" src="${HUB}/embed/kiosk" style="width:900px;height:700px" allow="camera"></iframe>
      <iframe id="desk" title="Reception desk" src="${HUB}/embed/desk" style="width:900px;height:600px"></iframe>
      <iframe id="attacker" title="Ad" src="${attacker.origin}/attacker.html"></iframe></html>`,
  }));
  // Earlier runs' loopback origins go (their ports were ephemeral), then this run's portal is listed.
  const listed = (await cli('embed-origins')).join(' ').match(/http:\/\/localhost:\d+/g) ?? [];
  if (listed.length > 0) await cli('embed-origins', '--remove', listed.join(','));
  await cli('embed-origins', '--add', portal.origin);
});

test.afterAll(async () => {
  await cli('embed-origins', '--remove', portal.origin);
  await Promise.all([portal, attacker].map(({ server }) => new Promise((resolve) => server.close(resolve))));
});

const frameAt = (page: Page, prefix: string): Frame => {
  const frame = page.frames().find((f) => f.url().startsWith(prefix));
  if (!frame) throw new Error(`no frame at ${prefix}`);
  return frame;
};

/** What the kiosk frame shows and holds that a host's configuration could change. */
const kioskState = (frame: Frame) =>
  frame.evaluate(() => {
    const kiosk = document.querySelector('visitor-kiosk');
    return {
      lang: kiosk?.getAttribute('lang') ?? null,
      theme: kiosk?.getAttribute('theme') ?? null,
      style: kiosk?.getAttribute('style') ?? null,
      background: kiosk ? getComputedStyle(kiosk).backgroundColor : '',
      text: kiosk?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    };
  });

const received = (page: Page | Frame) => page.evaluate(() => (window as unknown as { __received: { origin: string; data: unknown }[] }).__received);

test('the hub lets only the configured origins frame /embed/*, and keeps other pages unframeable', async ({ request }) => {
  for (const path of ['/embed/kiosk', '/embed/desk']) {
    const response = await request.get(`${HUB}${path}`);
    expect(response.status()).toBe(200);
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain(`frame-ancestors 'self' ${portal.origin}`);
    expect(csp).not.toContain(attacker.origin);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(response.headers()['x-frame-options']).toBeUndefined();
  }
  for (const path of ['/', '/desk', '/demo']) {
    const response = await request.get(`${HUB}${path}`);
    expect(response.headers()['content-security-policy']).toMatch(/frame-ancestors 'self'(;|$)/);
    expect(response.headers()['x-frame-options']).toBe('SAMEORIGIN');
  }
});

test('a page on an origin the site does not list cannot frame the kiosk', async ({ page }) => {
  await page.goto(`${attacker.origin}/frames-kiosk.html`);
  // The browser refuses the frame (frame-ancestors): its document never becomes the kiosk's.
  await page.waitForTimeout(SETTLE_MS);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame).toBeDefined();
  expect(await frame!.locator('visitor-kiosk').count().catch(() => 0)).toBe(0);
});

test('1 000 fuzzed messages from a wrong origin change nothing; the listed portal configures the frame and hears its events', async ({ page }) => {
  await page.goto(`${portal.origin}/portal.html`);
  const kiosk = page.frameLocator('#kiosk');
  await expect(kiosk.getByRole('button', { name: 'Check in', exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.frameLocator('#desk').getByLabel('PIN', { exact: true })).toBeVisible({ timeout: 20_000 });
  // The frames said they are ready — to the portal, and only to it.
  await expect.poll(async () => (await received(page)).filter((m) => (m.data as { type?: string }).type === 'vk-ready').length).toBe(2);
  const kioskFrame = frameAt(page, `${HUB}/embed/kiosk`);
  const before = await kioskState(kioskFrame);
  const portalBefore = (await received(page)).length;

  // The attacker's frame, a sibling inside the portal's own page, fires everything it can think of at the kiosk
  // frame: well-formed configurations among them, exactly what the portal itself would send.
  const attackerFrame = frameAt(page, `${attacker.origin}/attacker.html`);
  await attackerFrame.evaluate((count) => {
    const target = window.parent.frames[0]!;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
    const junk = (): unknown => pick([null, undefined, 0, -1, 1e308, NaN, true, '', 'vk-config', '<img src=x onerror=alert(1)>', 'x'.repeat(10_000), [], [1, 'a'], {}, { type: null }, new Date(), new Uint8Array(8)]);
    const configs = (): unknown =>
      pick([
        { type: 'vk-config', lang: 'zh-Hant' },
        { type: 'vk-config', theme: 'dark' },
        { type: 'vk-config', lang: 'zh-Hans', theme: 'high-contrast', tokens: { '--vk-color-background': '#ff0000' } },
        { type: 'vk-config', tokens: { '--vk-font-size': '80px' } },
        { type: 'vk-config', lang: pick(['fr', 'EN', '', 'zh']), extra: junk() },
        { type: pick(['vk-config ', 'VK-CONFIG', 'vk-event', 'vk-ready', junk()]), lang: 'zh-Hant' },
        { type: 'vk-config', tokens: { 'background': 'red', '--vk-x': 'url(https://evil.example/)' } },
        JSON.stringify({ type: 'vk-config', lang: 'zh-Hant' }),
        { __proto__: { type: 'vk-config', lang: 'zh-Hant' } },
        junk(),
      ]);
    for (let i = 0; i < count; i++) target.postMessage(configs(), '*');
  }, FUZZ_MESSAGES);
  await page.waitForTimeout(SETTLE_MS);

  expect(await kioskState(kioskFrame)).toEqual(before);
  await expect(kiosk.getByRole('button', { name: 'Check in', exact: true })).toBeVisible();
  // No answer reached the attacker, and nothing new reached the portal because of the attack.
  expect(await received(attackerFrame)).toEqual([]);
  expect((await received(page)).slice(portalBefore).filter((m) => (m.data as { type?: string }).type !== 'vk-event')).toEqual([]);

  // The listed portal — the page that frames the kiosk — configures it: the test above could have failed.
  await page.evaluate((hub) => {
    const frame = document.querySelector<HTMLIFrameElement>('#kiosk')!;
    frame.contentWindow!.postMessage({ type: 'vk-config', lang: 'zh-Hant', theme: 'dark', tokens: { '--vk-radius': '2px' } }, hub);
  }, HUB);
  await expect(kiosk.getByRole('button', { name: '繁體中文', exact: true })).toBeVisible();
  await expect.poll(async () => (await kioskState(kioskFrame)).lang).toBe('zh-Hant');
  const after = await kioskState(kioskFrame);
  expect(after.theme).toBe('dark');
  expect(after.background).not.toBe(before.background);

  // Events reach the portal from the hub's origin with ids, counts and times only.
  await kioskFrame.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect.poll(async () => (await received(page)).some((m) => (m.data as { type?: string }).type === 'vk-event')).toBe(true);
  for (const message of await received(page)) {
    expect(message.origin).toBe(HUB);
    const data = message.data as { type: string; event?: string; detail?: Record<string, unknown> };
    if (data.type !== 'vk-event') continue;
    expect(['vk-visit-registered', 'vk-visit-checked-in', 'vk-visit-checked-out', 'vk-sync-state-change', 'vk-visit-flagged']).toContain(data.event);
    for (const key of Object.keys(data.detail ?? {})) expect(['visitId', 'at', 'pending', 'online', 'lastSyncAt', 'visitorType', 'incidentClass']).toContain(key);
  }
  expect(await received(attackerFrame)).toEqual([]);
});

test('a framed kiosk on a hub of the same site pairs through its own address (?pair=) and syncs', async ({ page }) => {
  // Same site as the portal (localhost, another port): the frame is not a third party, so it keeps its storage
  // even where third-party storage is blocked — as in this browser's incognito-like contexts (see
  // docs/embedding-modes.md "Storage in a frame").
  const sameSiteHub = `http://localhost:${HUB_E2E_PORT}`;
  const code = await newPairCode();
  await page.goto(`${portal.origin}/paired.html`);
  // The portal sets the frame's address with the one-time code, as docs/embedding-modes.md says.
  await page.evaluate(([hub, c]) => (document.querySelector<HTMLIFrameElement>('#kiosk')!.src = `${hub}/embed/kiosk?pair=${c}`), [sameSiteHub, code] as const);
  const kiosk = page.frameLocator('#kiosk');
  await expect(kiosk.getByRole('button', { name: 'Check in', exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(kiosk.locator('visitor-kiosk').locator('p.pending')).toContainText('Last sync', { timeout: 20_000 });
  // The code is gone from the frame's address; the frame page is still the frame page.
  await expect.poll(() => frameAt(page, `${sameSiteHub}/embed/kiosk`).url()).toBe(`${sameSiteHub}/embed/kiosk`);
  // The portal heard the sync state (counts and a time only), from the hub's origin.
  await expect
    .poll(async () => (await received(page)).some((m) => m.origin === sameSiteHub && (m.data as { event?: string; detail?: { lastSyncAt?: unknown } }).event === 'vk-sync-state-change' && typeof (m.data as { detail: { lastSyncAt?: unknown } }).detail.lastSyncAt === 'string'))
    .toBe(true);
});

test('a framed kiosk on another site gets no storage where the browser blocks third-party storage (the documented limit)', async ({ page }) => {
  await page.goto(`${portal.origin}/paired.html`);
  const frame = page.frameLocator('#kiosk');
  await expect(frame.getByRole('button', { name: 'Check in', exact: true })).toBeVisible({ timeout: 20_000 });
  // 127.0.0.1 framed by localhost: a third party. This browser's contexts block third-party storage, as
  // Incognito windows and "Block third-party cookies" do.
  const storage = await frameAt(page, `${HUB}/embed/kiosk`).evaluate(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.open('vk-probe');
        request.onsuccess = () => resolve('available');
        request.onerror = () => resolve('denied');
      }),
  );
  expect(storage).toBe('denied');
});
