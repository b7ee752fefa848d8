// The host-portal demo at /demo (issue 9 item 6), served by the test hub: axe-clean in both embedding modes,
// its log shows the events it hears, and — under the policy docs/csp.md tells a host to adopt, which the hub
// sends for /demo — the kiosk works with the scanner open (Chromium's fake camera) and the service worker
// registered, with no Content-Security-Policy violation, in the page and in a frame.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type ConsoleMessage, type Frame, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, HUB_E2E_PORT } from '../../playwright.config.js';
import { CATALOGUES } from '../../src/i18n/index.js';

const HUB = `http://localhost:${HUB_E2E_PORT}`;
/** Long enough for the decoder to have run on dozens of fake-camera frames. */
const DECODE_WHILE_MS = 2_000;

test.use({
  launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] },
  permissions: ['camera'],
});

/** The policy docs/csp.md documents (its first `csp` code block), on one line as a header carries it. */
async function documentedPolicy(): Promise<string> {
  const doc = await readFile('docs/csp.md', 'utf8');
  const block = /```csp\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error('docs/csp.md has no ```csp block');
  return block.trim().split('\n').map((line) => line.trim()).join(' ');
}

/** The Trusted Types policy of docs/csp.md (its ```csp-trusted-types block). */
async function documentedTrustedTypes(): Promise<string> {
  const doc = await readFile('docs/csp.md', 'utf8');
  const block = /```csp-trusted-types\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error('docs/csp.md has no ```csp-trusted-types block');
  return block.trim().split('\n').map((line) => line.trim()).join(' ');
}

/** Records CSP violations of every frame (`securitypolicyviolation`) and CSP errors in page, frame and worker consoles. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  const onConsole = (m: ConsoleMessage) => {
    if (/Content[- ]Security[- ]Policy|Trusted ?Type|TrustedScript|TrustedHTML/i.test(m.text())) seen.push(`${m.type()}: ${m.text()}`);
  };
  page.on('console', onConsole);
  page.on('worker', (w) => w.on('console', onConsole));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`), true);
  });
  return async () => {
    const inFrames = await Promise.all(page.frames().map((f) => f.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [])));
    return [...seen, ...inFrames.flat()];
  };
}

/** Axe's violations, readably. */
async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.nodes.map((n) => n.target.join(' >>> ')).join(', ')}`);
}

/** Opens Scan invitation in `root` (the demo page or the kiosk's frame) and waits until the fake camera scans. */
async function openScanner(root: Page | Frame): Promise<void> {
  const kiosk = root.locator('visitor-kiosk');
  await kiosk.getByRole('button', { name: 'Scan invitation', exact: true }).click();
  await expect(kiosk.getByText(CATALOGUES.en.cameraHint, { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect
    .poll(() =>
      root.evaluate(() => {
        const view = document.querySelector('visitor-kiosk')?.shadowRoot?.querySelector('vk-camera-view');
        const stream = view?.shadowRoot?.querySelector('video')?.srcObject;
        return stream instanceof MediaStream ? stream.getVideoTracks().filter((t) => t.readyState === 'live').length : 0;
      }),
    )
    .toBeGreaterThan(0);
}

/** Waits until a service worker controls `root`'s document or is at least activated for its scope. */
const serviceWorkerActive = (root: Page | Frame) =>
  expect.poll(() => root.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none'), { timeout: 30_000 }).toBe('activated');

test('the hub serves /demo under exactly the policy docs/csp.md documents', async ({ request }) => {
  const response = await request.get(`${HUB}/demo`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-security-policy']).toBe(await documentedPolicy());
});

test('the demo is axe-clean in the page and in frames, and its log shows the events it hears', async ({ page }) => {
  await page.goto(`${HUB}/demo`);
  await expect(page.locator('visitor-kiosk').getByRole('button', { name: 'Check in', exact: true })).toBeVisible();
  await expect(page.locator('visitor-desk').getByLabel('PIN', { exact: true })).toBeVisible();
  // The kiosk tells its host its sync state when it starts: the portal's log shows it, ids and counts only.
  await expect(page.locator('#log li').first()).toContainText('vk-sync-state-change');
  expect(await axe(page)).toEqual([]);

  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('visitor-kiosk')).toHaveAttribute('theme', 'dark');
  expect(await axe(page)).toEqual([]);

  await page.getByRole('link', { name: 'In frames from the hub' }).click();
  const kiosk = page.frameLocator('iframe[title="Lobby kiosk (frame)"]');
  await expect(kiosk.getByRole('button', { name: 'Check in', exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.frameLocator('iframe[title="Reception desk (frame)"]').getByLabel('PIN', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('#log li').first()).toContainText('in a frame');
  // The theme and language reach the frame by postMessage.
  await page.getByLabel('Kiosk language').selectOption('zh-Hant');
  await expect(kiosk.locator('visitor-kiosk')).toHaveAttribute('lang', 'zh-Hant');
  expect(await axe(page)).toEqual([]);
});

test('under the documented CSP the in-page kiosk scans with the camera and the service worker registered, with no violation', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`${HUB}/demo`);
  await serviceWorkerActive(page);
  await openScanner(page);
  await expect.poll(() => page.workers().length, { message: 'no decoder worker' }).toBeGreaterThan(0);
  await page.waitForTimeout(DECODE_WHILE_MS);
  expect(await violations()).toEqual([]);
});

test('with Trusted Types enforced as docs/csp.md describes, the in-page kiosk still scans and registers the service worker', async ({ page }) => {
  const violations = await watchCsp(page);
  const trustedTypes = await documentedTrustedTypes();
  // The portal's page with a second policy, enforced: Trusted Types for every script sink.
  await page.route(`${HUB}/demo`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-security-policy': `${response.headers()['content-security-policy']}, ${trustedTypes}` };
    await route.fulfill({ response, headers });
  });
  await page.goto(`${HUB}/demo`);
  await serviceWorkerActive(page);
  await openScanner(page);
  await expect.poll(() => page.workers().length, { message: 'no decoder worker' }).toBeGreaterThan(0);
  await page.waitForTimeout(DECODE_WHILE_MS);
  expect(await violations()).toEqual([]);
  // The test can fail: the policy was enforced — an HTML string into a sink is refused.
  const probe = await page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      return 'allowed';
    } catch {
      return 'refused';
    }
  });
  expect(probe).toBe('refused');
});

test('under the documented CSP the framed kiosk scans with the camera and its own service worker, with no violation', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`${HUB}/demo?embed=frame`);
  const frame = await (await page.waitForSelector('iframe[title="Lobby kiosk (frame)"]')).contentFrame();
  if (!frame) throw new Error('no kiosk frame');
  await expect(frame.locator('visitor-kiosk').getByRole('button', { name: 'Check in', exact: true })).toBeVisible({ timeout: 20_000 });
  await serviceWorkerActive(frame);
  await openScanner(frame);
  await page.waitForTimeout(DECODE_WHILE_MS);
  expect(await violations()).toEqual([]);
});
