// Figure 20 (issue 9): time from the host page's script tag to an interactive kiosk in the demo portal (/demo),
// with the kiosk in the page and in a frame served from the same build. The clock starts when the page's HTML
// is parsed (`domInteractive`: module script tags run from there) and stops at the kiosk's
// `vk:welcome-interactive` mark — in the frame's document for the frame, converted to the page's timeline
// through both documents' `performance.timeOrigin`. Baseline: the kiosk's own page `/`, timed the same way in
// the same run. Every load is a first visit (a fresh context: no HTTP cache, no service worker), the median
// of EMBED_RUNS loads.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, closeServer, LAUNCH, log, median, serveDir, waitForMark, WELCOME_MARK } from './lib.mjs';

/** Loads per case: single loads on the shared 2-core box swing by 2× or more; nine give a usable median. */
export const EMBED_RUNS = 9;

/** The hub's page routes the static server lacks (hub/static.ts PAGES). */
async function hubRoutes(dist) {
  const page = async (file) => ({ type: 'text/html; charset=utf-8', body: await readFile(join(dist, file), 'utf8') });
  return { '/demo': await page('demo.html'), '/embed/kiosk': await page('embed/kiosk.html'), '/embed/desk': await page('embed/desk.html') };
}

/** One first visit of `path`; resolves with the time (ms) from its HTML parsed to the kiosk interactive. */
async function load(browser, base, path, frame) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    const parsedAt = await page.evaluate(() => /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]).domInteractive);
    if (!frame) return (await waitForMark(page, WELCOME_MARK)) - parsedAt;
    const handle = await page.waitForSelector('iframe[title="Lobby kiosk (frame)"]');
    const kiosk = await handle.contentFrame();
    if (!kiosk) throw new Error('no kiosk frame');
    const markAt = await (await kiosk.waitForFunction((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime, WELCOME_MARK, { timeout: 30_000, polling: 'raf' })).jsonValue();
    const frameOrigin = await kiosk.evaluate(() => performance.timeOrigin);
    const pageOrigin = await page.evaluate(() => performance.timeOrigin);
    return markAt + frameOrigin - pageOrigin - parsedAt;
  } finally {
    await context.close();
  }
}

/** @returns {Promise<import('./lib.mjs').Row[]>} */
export async function benchEmbed(dist = 'dist') {
  const app = await serveDir(dist, await hubRoutes(dist));
  const browser = await chromium.launch(LAUNCH);
  try {
    const own = [];
    const inPage = [];
    const inFrame = [];
    for (let i = 0; i < EMBED_RUNS; i++) {
      // Interleaved, so a burst of load elsewhere on the box touches every case alike.
      own.push(await load(browser, app.base, '/', false));
      inPage.push(await load(browser, app.base, '/demo?embed=page', false));
      inFrame.push(await load(browser, app.base, '/demo?embed=frame', true));
    }
    log(`embed: own page ${own.map(Math.round).join(', ')} ms; in the page ${inPage.map(Math.round).join(', ')} ms; in a frame ${inFrame.map(Math.round).join(', ')} ms`);
    return [
      {
        what: `demo portal, kiosk in the page: script tag → interactive (median of ${EMBED_RUNS} first visits, the desk loading beside it) — vs the kiosk's own page /`,
        ours: median(inPage),
        baseline: median(own),
        unit: 'ms',
      },
      {
        what: `demo portal, kiosk in a frame from the hub: script tag → interactive (median of ${EMBED_RUNS}) — vs in the page`,
        ours: median(inFrame),
        baseline: median(inPage),
        unit: 'ms',
      },
    ];
  } finally {
    await browser.close();
    await closeServer(app.server);
  }
}
