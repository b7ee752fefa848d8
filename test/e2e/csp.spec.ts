// The scan screen under the app's real Content-Security-Policy (served by scripts/serve.mjs) with Chromium's
// fake camera (issue 3): the camera opens, the decoder runs on its frames in a worker, nothing violates the
// policy, and every camera track ends when the screen closes — by Back, by idle reset, or by removal.
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.js';
import { CATALOGUES } from '../../src/i18n/index.js';
import { NAMES, button, openKiosk, openScanInvitation, waitForSiteKeys, welcomeCheckIn } from './helpers.js';

/** Chromium's fake camera (a generated test pattern) with permission granted without a prompt. */
const FAKE_CAMERA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
/** Long enough for the decoder to have run on dozens of frames (one decode per new frame, ~30 fps). */
const DECODE_WHILE_MS = 2_000;

test.use({
  launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...FAKE_CAMERA_ARGS] },
  permissions: ['camera'],
});

interface Watch {
  cspConsole: string[];
}

/** Records CSP violations: `securitypolicyviolation` on the document, and CSP errors in page and worker consoles. */
async function watchCsp(page: Page): Promise<Watch> {
  const watch: Watch = { cspConsole: [] };
  const onConsole = (m: ConsoleMessage) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) watch.cspConsole.push(`${m.type()}: ${m.text()}`);
  };
  page.on('console', onConsole);
  page.on('worker', (w) => w.on('console', onConsole));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
      true,
    );
  });
  return watch;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

/**
 * Keeps the camera view's stream in `window.__streams` (read from its `<video>`, through the shadow roots), so
 * the tracks can be checked after the element is gone. Resolves with how many live video tracks it holds.
 */
function keepCameraStream(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __streams?: MediaStream[] };
    const kiosk = document.querySelector('visitor-kiosk');
    const view = kiosk?.shadowRoot?.querySelector('vk-info-screen vk-camera-view') ?? kiosk?.shadowRoot?.querySelector('vk-camera-view');
    const stream = view?.shadowRoot?.querySelector('video')?.srcObject;
    if (!(stream instanceof MediaStream)) return 0;
    (w.__streams ??= []).push(stream);
    return stream.getVideoTracks().filter((t) => t.readyState === 'live').length;
  });
}

/** Live tracks among every stream kept so far. */
const liveTracks = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __streams?: MediaStream[] }).__streams ?? []).flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length);

/** Opens Scan invitation and waits until the fake camera is scanning. */
async function scanWithCamera(page: Page): Promise<void> {
  await openScanInvitation(page);
  await expect(page.getByText(CATALOGUES.en.cameraHint, { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect.poll(() => keepCameraStream(page), { message: 'no live camera track on the scan screen' }).toBeGreaterThan(0);
}

test('the scan screen decodes camera frames with no CSP violation, and Back, idle reset and removal end every track', async ({ page }) => {
  const watch = await watchCsp(page);
  await openKiosk(page);
  await waitForSiteKeys(page);

  await scanWithCamera(page);
  // The decoder runs in a worker under the same policy.
  await expect.poll(() => page.workers().length, { message: 'no decoder worker' }).toBeGreaterThan(0);
  await page.waitForTimeout(DECODE_WHILE_MS);
  expect(await violations(page)).toEqual([]);
  expect(watch.cspConsole).toEqual([]);

  await button(page, NAMES.en.back).click();
  await expect(welcomeCheckIn(page)).toBeVisible();
  await expect.poll(() => liveTracks(page), { message: 'camera still live after Back' }).toBe(0);

  // Idle reset from the scan screen.
  await page.locator('visitor-kiosk').evaluate((k) => k.setAttribute('idle-timeout', '2'));
  await scanWithCamera(page);
  await expect(welcomeCheckIn(page)).toBeVisible({ timeout: 10_000 });
  await expect.poll(() => liveTracks(page), { message: 'camera still live after idle reset' }).toBe(0);

  // The element removed by its host page while scanning.
  await page.locator('visitor-kiosk').evaluate((k) => k.setAttribute('idle-timeout', '60'));
  await scanWithCamera(page);
  await page.locator('visitor-kiosk').evaluate((k) => k.remove());
  await expect.poll(() => liveTracks(page), { message: 'camera still live after the element was removed' }).toBe(0);

  expect(await violations(page)).toEqual([]);
  expect(watch.cspConsole).toEqual([]);
});
