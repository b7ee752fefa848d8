// Helpers for the end-to-end tests through the real hub (test/e2e/hub-*.spec.ts). `playwright.config.ts`
// starts a hub of their own on HUB_E2E_PORT with its own data directory; pairing links come from the hub's
// CLI (`npm run hub -- pair-kiosk`), run in-process on the same database, as an operator would run it.
import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { HUB_E2E_DATA_DIR, HUB_E2E_PORT } from '../../playwright.config.js';
import { runCli } from '../../hub/cli/main.js';
import { ADMIN_PIN } from './desk-helpers.js';
import { waitForServiceWorkerActivated } from './helpers.js';

/** The test hub, as a browser reaches it. */
export const HUB_URL = `http://localhost:${HUB_E2E_PORT}`;

/** A fresh one-time pairing code from the hub's CLI. */
export async function newPairCode(): Promise<string> {
  const lines = await runCli(['pair-kiosk'], { env: { ...process.env, DATABASE_URL: '', DATA_DIR: HUB_E2E_DATA_DIR, PORT: String(HUB_E2E_PORT) }, out: () => undefined });
  const code = lines.join('\n').match(/[?&]pair=([A-Za-z0-9_-]{22})/)?.[1];
  if (!code) throw new Error(`no pairing link in the CLI's output`);
  return code;
}

/** The staff's indicator on the kiosk's welcome screen (aria-live, never role=status). */
export const syncIndicator = (page: Page) => page.locator('visitor-kiosk').locator('p.pending');

/**
 * Opens `/?pair=CODE` and waits until the kiosk is paired: the address is back to `/` and the staff's
 * indicator shows a sync time (the first pull answered).
 */
export async function pairKiosk(page: Page, code: string): Promise<void> {
  await page.goto(`${HUB_URL}/?pair=${code}`);
  await expect(page.getByRole('button', { name: 'Check in', exact: true })).toBeVisible();
  await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe('/');
  await expect(syncIndicator(page)).toContainText('Last sync');
}

/**
 * Makes the kiosk page work offline as a tablet does after its first day: the service worker has precached
 * the app and controls the page (it takes control at the next load), so the form's lazy chunks load with no
 * network.
 */
export async function makeOfflineReady(page: Page): Promise<void> {
  await waitForServiceWorkerActivated(page);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Check in', exact: true })).toBeVisible();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Cuts a browser context off the hub: offline, and every API request aborted (the service worker's too). */
export async function cutNetwork(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
}

export async function restoreNetwork(context: BrowserContext): Promise<void> {
  await context.unroute('**/api/**');
  await context.setOffline(false);
}

/** A staff session token for API checks (the site manager, VK_ADMIN_PIN). */
export async function staffToken(request: APIRequestContext, pin = ADMIN_PIN): Promise<string> {
  const response = await request.post(`${HUB_URL}/api/v1/sessions`, { data: { pin } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** The hub's CSV export (every visit it holds), through the API as a site manager would download it. */
export async function exportedRows(request: APIRequestContext, token: string): Promise<string[]> {
  const response = await request.get(`${HUB_URL}/api/v1/export`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  return (await response.text()).split(/\r?\n/).filter((line) => line.length > 0);
}

/** Opens the hub's desk at `/desk` (desk-hub.html: `<visitor-desk hub="/">`) and signs in with the PIN at the hub. */
export async function openHubDesk(page: Page, pin = ADMIN_PIN): Promise<void> {
  await page.goto(`${HUB_URL}/desk`);
  const field = page.getByLabel('PIN', { exact: true });
  await field.fill(pin);
  await field.press('Enter');
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
}
