// End-to-end tests (`test/e2e/*.spec.ts`) drive the *built* app in Debian's Chromium, by role and
// accessible name. `npm run test:e2e` builds first; the web server below serves dist/ like `npm start`.
import { defineConfig } from '@playwright/test';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
/** The e2e server's data directory: its development key signs the invitations the tests scan. */
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? '.cache/e2e-data';
/**
 * A second, separate hub for the hub's own end-to-end tests (test/e2e/hub-*.spec.ts): its own port and data
 * directory, so pairing kiosks, cutting their network and counting the hub's visits never disturb the suite
 * above (which runs against the server on E2E_PORT).
 */
export const HUB_E2E_PORT = Number(process.env.HUB_E2E_PORT ?? 4174);
export const HUB_E2E_DATA_DIR = process.env.HUB_E2E_DATA_DIR ?? '.cache/e2e-hub-data';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: [
    {
      command: 'npx tsx scripts/start.ts',
      // DATABASE_URL emptied: CI exports one for the PostgreSQL node suite, but each e2e hub keeps its own
      // embedded database in its own DATA_DIR (two hubs on one shared database would share one demo site).
      env: { PORT: String(E2E_PORT), DATA_DIR: E2E_DATA_DIR, VK_ADMIN_PIN: '2468', DATABASE_URL: '' },
      url: `http://localhost:${E2E_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      // The hub alone on the already built dist/ (the server above builds it when needed).
      command: 'npx tsx hub/main.ts',
      env: { PORT: String(HUB_E2E_PORT), DATA_DIR: HUB_E2E_DATA_DIR, VK_ADMIN_PIN: '2468', DATABASE_URL: '' },
      url: `http://localhost:${HUB_E2E_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
