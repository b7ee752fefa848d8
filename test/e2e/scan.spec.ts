// The scan screen against the built app (issue 3): a valid invitation is accepted with the network off (the
// key set, the scanner chunk and the decoder's wasm all come from the device), and the welcome screen loads
// no decoder — the wasm and every script that holds zxing arrive only with Scan invitation, from our origin.
import { expect, test, type Page, type Request } from '@playwright/test';
import {
  BASE_URL,
  SCAN_NAMES,
  confirmArrival,
  enterCode,
  invitedVisits,
  openKiosk,
  openScanInvitation,
  waitForServiceWorkerActivated,
  waitForSiteKeys,
  welcomeCheckIn,
} from './helpers.js';
import { invitation, jtiOf } from './tokens.js';

/** Marks the barcode decoder's code: zxing-wasm and @zxing/library both carry their name in their bundles. */
const DECODER_MARKER = 'zxing';
const OUR_ORIGIN = new URL(BASE_URL).origin;

test('a valid invitation is accepted with the network off', async ({ page, context }) => {
  await openKiosk(page);
  await waitForSiteKeys(page);
  await waitForServiceWorkerActivated(page);

  // Minted before going offline: signing needs nothing from the network, but the server's key check does.
  const token = await invitation();
  await context.setOffline(true);
  try {
    await page.reload();
    await expect(welcomeCheckIn(page)).toBeVisible();
    const field = await openScanInvitation(page);
    await enterCode(field, token);
    await confirmArrival(page, SCAN_NAMES.invitationHeading);
    const [visit] = await invitedVisits(page);
    expect(visit?.status).toBe('checked-in');
    expect(visit?.['invitation']).toMatchObject({ jti: jtiOf(token) });
  } finally {
    await context.setOffline(false);
  }
});

/** What the page (its frames and dedicated workers, not the service worker's precache) asked for. */
function recordPageRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (r.serviceWorker() === null) seen.push(r);
  });
  return seen;
}

/** Every resource the page and its workers loaded by their own performance timelines (the SW cache included). */
async function loadedResources(page: Page): Promise<string[]> {
  const urls = new Set<string>(
    await page.evaluate(() => [
      ...performance.getEntriesByType('resource').map((e) => e.name),
      ...Array.from(document.scripts, (s) => s.src).filter(Boolean),
      ...Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]'), (l) => l.href),
    ]),
  );
  for (const worker of page.workers()) {
    for (const url of await worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)).catch(() => [] as string[])) urls.add(url);
    urls.add(worker.url());
  }
  return [...urls];
}

/** Which of `urls` are scripts holding the decoder, by their bodies (names are hashed and may change). */
async function decoderScripts(page: Page, urls: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const url of urls.filter((u) => /\.m?js(\?|$)/.test(new URL(u).pathname))) {
    const body = await (await page.request.get(url)).text();
    if (body.includes(DECODER_MARKER)) hits.push(url);
  }
  return hits;
}

const isWasm = (url: string) => new URL(url).pathname.endsWith('.wasm');

test('the welcome screen loads no decoder; Scan invitation fetches the wasm from our own origin only', async ({ page }) => {
  const requests = recordPageRequests(page);
  await openKiosk(page);
  await waitForSiteKeys(page);
  await page.waitForLoadState('networkidle');

  const atWelcome = [...requests.map((r) => r.url()), ...(await loadedResources(page))];
  expect(atWelcome.filter(isWasm)).toEqual([]);
  expect(await decoderScripts(page, atWelcome)).toEqual([]);
  expect(page.workers()).toEqual([]);

  await openScanInvitation(page);
  // The decoder is ready once the camera view has settled (scanning, or unavailable with no camera here).
  await expect
    .poll(async () => (await loadedResources(page)).concat(requests.map((r) => r.url())).filter(isWasm), {
      message: 'the decoder wasm was never fetched after Scan invitation',
    })
    .not.toEqual([]);
  const afterScan = [...new Set([...requests.map((r) => r.url()), ...(await loadedResources(page))])];
  expect(afterScan.filter(isWasm).every((u) => new URL(u).origin === OUR_ORIGIN)).toBe(true);
  expect(afterScan.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== OUR_ORIGIN)).toEqual([]);
  expect(await decoderScripts(page, afterScan)).not.toEqual([]);
});
