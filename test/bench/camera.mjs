// Camera → decision on screen (issue 3, aim ≤ 1 s): Chromium's fake camera plays a Y4M of a real invitation
// signed with the key the served kiosk trusts; the time runs from the moment the camera view reports
// `scanning` (camera open, decoder loaded — the code is in every frame from then on) to the confirmation
// screen's **Confirm** button being in the DOM. Baseline, in a second browser on the same build and the same
// served configuration, interleaved run by run: the same token typed into the **Invitation code** field and
// Enter → Confirm, with that browser's camera showing an empty picture, so its decode loop loads the machine
// as on the camera side but never reads anything. The difference is what the camera and the decoder cost.
import { join } from 'node:path';
import { writeQrY4m } from '../fixtures/y4m.mjs';
import { fakeCameraArgs } from '../unit/scan/wtr-setup.mjs';
import { chromium, freshProfile, LAUNCH, log, median, percentile, removeDir, waitForMark } from './lib.mjs';

/** Measured runs per side (`BENCH_CAMERA_RUNS` changes it while debugging); one unmeasured warm-up comes first. */
export const CAMERA_RUNS = Number(process.env.BENCH_CAMERA_RUNS ?? 10);
/** The frame size the scanner asks the camera for (scanner-controller.ts `IDEAL_WIDTH` × `IDEAL_HEIGHT`). */
export const CAMERA_WIDTH = 1280;
export const CAMERA_HEIGHT = 720;
/** Idle timeout set on the kiosk (seconds): it must never reset under the bench. */
const IDLE_TIMEOUT_S = 3600;
/** Longest one run may take before the bench gives up on it. */
const RUN_TIMEOUT_MS = 30_000;

/** CONTRACT.md's and the catalogue's English names the bench drives the kiosk by. */
const NAMES = { scan: 'Scan invitation', code: 'Invitation code', confirm: 'Confirm', refused: 'We could not accept this code' };

/**
 * Installs the page-side probe once: listens (capturing, inside the kiosk's shadow root, where the camera
 * view's events stay) for `vk-camera-state` and `vk-code-read`, and for Enter; from `scanning` (camera mode)
 * or Enter (typed mode) it watches for a **Confirm** button in any shadow root — on every mutation of the
 * kiosk's screen once the new screen's elements have rendered, and on every animation frame as a fallback.
 */
function installProbe(page) {
  return page.evaluate((names) => {
    const kiosk = /** @type {any} */ (document.querySelector('visitor-kiosk'));
    const root = /** @type {ShadowRoot} */ (kiosk.shadowRoot);
    /** @param {ParentNode} node @returns {Generator<Element>} */
    function* deep(node) {
      for (const el of Array.from(node.querySelectorAll('*'))) {
        yield el;
        if (el.shadowRoot) yield* deep(el.shadowRoot);
      }
    }
    const text = (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const has = (name, heading) => {
      for (const el of deep(root)) {
        if (heading ? /^H[1-6]$/.test(el.tagName) && text(el) === name : el instanceof HTMLButtonElement && text(el) === name) return true;
      }
      return false;
    };
    const probe = {
      mode: '',
      watching: false,
      scanningAt: undefined,
      codeAt: undefined,
      enterAt: undefined,
      confirmAt: undefined,
      refused: false,
      reset(mode) {
        Object.assign(probe, { mode, watching: false, scanningAt: undefined, codeAt: undefined, enterAt: undefined, confirmAt: undefined, refused: false });
      },
      check() {
        if (!probe.watching) return;
        if (has(names.confirm, false)) {
          probe.confirmAt = performance.now();
          probe.watching = false;
        } else if (has(names.refused, true)) {
          probe.refused = true;
          probe.watching = false;
        }
      },
      watch() {
        probe.watching = true;
        const tick = () => {
          probe.check();
          if (probe.watching) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      },
    };
    new MutationObserver(async (records) => {
      if (!probe.watching) return;
      // A new screen's elements render in a microtask after insertion: wait for them, then look.
      const added = records.flatMap((r) => Array.from(r.addedNodes)).filter((n) => n instanceof Element);
      await Promise.all(added.flatMap((el) => [el, ...deep(el)]).map((el) => /** @type {any} */ (el).updateComplete).filter(Boolean));
      probe.check();
    }).observe(root, { childList: true, subtree: true });
    root.addEventListener(
      'vk-camera-state',
      (e) => {
        if (/** @type {any} */ (e).detail?.status !== 'scanning' || probe.scanningAt !== undefined) return;
        probe.scanningAt = performance.now();
        if (probe.mode === 'camera') probe.watch();
      },
      true,
    );
    root.addEventListener('vk-code-read', () => (probe.codeAt ??= performance.now()), true);
    window.addEventListener(
      'keydown',
      (e) => {
        if (probe.mode !== 'typed' || e.key !== 'Enter' || probe.enterAt !== undefined) return;
        probe.enterAt = performance.now();
        probe.watch();
      },
      true,
    );
    /** @type {any} */ (window).__vkProbe = probe;
  }, NAMES);
}

/** Waits until the probe has seen Confirm (or a refusal, which fails the bench) and returns its timestamps. */
async function probeResult(page, what) {
  const handle = await page.waitForFunction(
    () => {
      const p = /** @type {any} */ (window).__vkProbe;
      return (p.confirmAt !== undefined || p.refused) && { scanningAt: p.scanningAt, codeAt: p.codeAt, enterAt: p.enterAt, confirmAt: p.confirmAt, refused: p.refused };
    },
    null,
    { timeout: RUN_TIMEOUT_MS },
  );
  const r = await handle.jsonValue();
  if (r.refused) throw new Error(`${what}: the kiosk refused the invitation`);
  return r;
}

/**
 * Back to the welcome screen, as the idle timeout does (`reset()`): the confirmation screen's Back leads to
 * the scan screen, where the camera would read the code again. The invitation was verified, never used up.
 */
async function backToWelcome(page) {
  await page.evaluate(() => /** @type {any} */ (document.querySelector('visitor-kiosk')).reset());
  await page.getByRole('button', { name: NAMES.scan, exact: true }).waitFor();
}

/** One camera run: Scan invitation → `scanning` → the camera reads the code → Confirm. */
async function cameraRun(page) {
  await page.evaluate(() => /** @type {any} */ (window).__vkProbe.reset('camera'));
  await page.getByRole('button', { name: NAMES.scan, exact: true }).click();
  const r = await probeResult(page, 'camera');
  await backToWelcome(page);
  return { total: r.confirmAt - r.scanningAt, toCode: r.codeAt - r.scanningAt };
}

/** One typed run: Scan invitation → `scanning` (on an empty picture) → token typed + Enter → Confirm. */
async function typedRun(page, token) {
  await page.evaluate(() => /** @type {any} */ (window).__vkProbe.reset('typed'));
  await page.getByRole('button', { name: NAMES.scan, exact: true }).click();
  await page.waitForFunction(() => /** @type {any} */ (window).__vkProbe.scanningAt !== undefined, null, { timeout: RUN_TIMEOUT_MS });
  const field = page.getByRole('textbox', { name: NAMES.code, exact: true });
  await field.fill(token);
  await field.press('Enter');
  const r = await probeResult(page, 'typed');
  await backToWelcome(page);
  return { total: r.confirmAt - r.enterAt };
}

/** A persistent browser (IndexedDB on disk, as on a tablet) whose fake camera plays `y4m`, on the kiosk at `base`. */
async function openKiosk(base, y4m, label) {
  const profile = await freshProfile(label);
  const context = await chromium.launchPersistentContext(profile, { ...LAUNCH, args: [...LAUNCH.args, ...fakeCameraArgs(y4m)] });
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    await removeDir(profile);
  };
  try {
    await page.goto(`${base}/`);
    await waitForMark(page);
    await page.evaluate((s) => document.querySelector('visitor-kiosk')?.setAttribute('idle-timeout', String(s)), IDLE_TIMEOUT_S);
    // The scan screen offers the camera only once the site's key set has arrived from /site.json.
    await page.waitForFunction(() => /** @type {any} */ (document.querySelector('visitor-kiosk'))?.config?.keySet !== undefined, null, { timeout: 30_000 });
    // Let the service worker finish precaching first: its fetches and writes would compete with the runs.
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker?.ready;
      const sw = reg?.active;
      if (sw && sw.state !== 'activated') await new Promise((ok) => sw.addEventListener('statechange', () => sw.state === 'activated' && ok(undefined)));
    });
    await installProbe(page);
    return { page, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Runs CAMERA_RUNS camera runs and as many typed runs, interleaved, against the kiosk served at `base`
 * (which must trust `token`'s key). Times in ms.
 */
export async function cameraToDecision(base, token) {
  const dir = await freshProfile('camera-y4m');
  const codeY4m = join(dir, 'invitation.y4m');
  const blankY4m = join(dir, 'empty.y4m');
  const { version } = writeQrY4m({ text: token, file: codeY4m, width: CAMERA_WIDTH, height: CAMERA_HEIGHT });
  writeQrY4m({ text: token, file: blankY4m, width: CAMERA_WIDTH, height: CAMERA_HEIGHT, blankFrames: 1, codeFrames: 0 });
  log(`camera: ${CAMERA_WIDTH}×${CAMERA_HEIGHT} fake camera showing a version ${version} QR (${token.length} characters)`);
  const camera = await openKiosk(base, codeY4m, 'camera');
  let typed;
  try {
    typed = await openKiosk(base, blankY4m, 'typed');
    const ours = [];
    const toCode = [];
    const raw = [];
    for (let i = 0; i <= CAMERA_RUNS; i++) {
      // Alternate which side goes first, so neither always runs right after the other's browser was busy.
      let c2 = { total: Number.NaN, toCode: Number.NaN };
      let t = { total: Number.NaN };
      for (const side of i % 2 ? ['camera', 'typed'] : ['typed', 'camera']) {
        if (side === 'camera') c2 = await cameraRun(camera.page);
        else t = await typedRun(typed.page, token);
      }
      // Run 0 is the warm-up: the first scan of a page compiles the verifier and the confirmation screen.
      if (i === 0) {
        log(`camera: warm-up camera ${c2.total.toFixed(0)} ms (code read at ${c2.toCode.toFixed(0)} ms), typed ${t.total.toFixed(0)} ms`);
        continue;
      }
      ours.push(c2.total);
      toCode.push(c2.toCode);
      raw.push(t.total);
    }
    log(`camera: scanning → Confirm ${JSON.stringify(ours.map((x) => Math.round(x)))} ms; of which → code read ${JSON.stringify(toCode.map((x) => Math.round(x)))}; typed Enter → Confirm ${JSON.stringify(raw.map((x) => Math.round(x)))}`);
    return {
      qrVersion: version,
      ours: { median: median(ours), p95: percentile(ours, 95), max: Math.max(...ours) },
      toCode: { median: median(toCode), p95: percentile(toCode, 95) },
      typed: { median: median(raw), p95: percentile(raw, 95), max: Math.max(...raw) },
    };
  } finally {
    await camera.close();
    await typed?.close();
    await removeDir(dir);
  }
}
