// The welcome screen must not load the form's JavaScript: libphonenumber-js (≈ 30 KB gzip) comes with the
// form. Scripts are recognised by their content, not their names: any script containing the metadata key
// `country_calling_codes` (used by the library's code and present in its metadata) belongs to it.
import { expect, test, type Page } from '@playwright/test';
import { deskEn } from '../../src/i18n/desk/en.js';
import { openDesk, signIn } from './desk-helpers.js';
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

/** The desk's signed-in panels (desk/signed-in-panels.ts): loaded with dynamic import() once someone signs in. */
const DESK_PANELS = ['vk-hub-devices', 'vk-desk-incidents', 'vk-desk-planning', 'vk-desk-invitations', 'vk-desk-reports', 'vk-desk-parcels', 'vk-desk-ledger', 'vk-desk-guard'];
/** opencc-js (the watch list's Chinese converter, ≈ 50 KB gzip): its dictionary trie's method name survives minification. */
const OPENCC_MARKERS = ['addWord'];

const definedPanels = (page: Page): Promise<string[]> => page.evaluate((tags) => tags.filter((t) => customElements.get(t) !== undefined), DESK_PANELS);

test("the desk's sign-in screen loads none of the panels nor the watch list's converter; signing in loads the panels", async ({ page }) => {
  await openDesk(page);
  await page.waitForLoadState('networkidle');
  expect(await definedPanels(page)).toEqual([]);
  const atSignIn = await loadedScripts(page);
  expect(atSignIn.length).toBeGreaterThan(0);
  for (const url of atSignIn) {
    const body = await (await page.request.get(url)).text();
    expect(OPENCC_MARKERS.filter((m) => body.includes(m)), url).toEqual([]);
  }

  await signIn(page);
  // A panel's content, by role and name, once its code has arrived (the guard's card register).
  await expect(page.getByRole('region', { name: deskEn.guard.cardsHeading, exact: true })).toBeVisible();
  expect(await definedPanels(page)).toEqual(DESK_PANELS);
});
