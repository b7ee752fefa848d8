// The welcome screen must not load the form's JavaScript: libphonenumber-js (≈ 30 KB gzip) comes with the
// form. Scripts are recognised by their content, not their names: any script containing the metadata key
// `country_calling_codes` (used by the library's code and present in its metadata) belongs to it.
import { expect, test, type Page } from '@playwright/test';
import { NAMES, openKiosk, startCheckIn } from './helpers.js';

const LIBPHONENUMBER_MARKERS = ['country_calling_codes', 'countryCallingCodes'];

/** URLs of every JavaScript resource the page has loaded so far (from the network or the SW cache). */
function loadedScripts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const urls = new Set<string>();
    for (const e of performance.getEntriesByType('resource')) {
      if (/\.m?js(\?|$)/.test(new URL(e.name).pathname)) urls.add(e.name);
    }
    for (const s of Array.from(document.scripts)) if (s.src) urls.add(s.src);
    for (const l of Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]'))) urls.add(l.href);
    return [...urls];
  });
}

/** Which of `urls` hold libphonenumber-js, by their bodies. */
async function phoneScripts(page: Page, urls: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const url of urls) {
    const body = await (await page.request.get(url)).text();
    if (LIBPHONENUMBER_MARKERS.some((m) => body.includes(m))) hits.push(url);
  }
  return hits;
}

test('the welcome screen does not load libphonenumber; the form does', async ({ page }) => {
  await openKiosk(page);
  // Let anything eager (idle prefetches, the service worker's registration) happen before judging.
  await page.waitForLoadState('networkidle');
  const atWelcome = await loadedScripts(page);
  expect(atWelcome.length).toBeGreaterThan(0);
  expect(await phoneScripts(page, atWelcome)).toEqual([]);

  await startCheckIn(page);
  await expect(page.getByRole('textbox', { name: NAMES.en.phone, exact: true })).toBeVisible();
  const afterCheckIn = await loadedScripts(page);
  expect(await phoneScripts(page, afterCheckIn)).not.toEqual([]);
});
