// Browser tests (`*.test.ts`) run in real Chromium (Debian's build: browser downloads fail here) with
// real IndexedDB, real events and real clicks. TypeScript is stripped by esbuild with the project's
// tsconfig (legacy decorators). One browser at a time: the machines have two cores.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { scanTestSetup } from './test/unit/scan/wtr-setup.mjs';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The scanning tests: Chromium's fake camera plays a Y4M of a known QR (written here, before Chromium
// starts), plus `?url` imports, `qrcode` as ESM and the black-box photos (test/unit/scan/wtr-setup.mjs).
const scan = scanTestSetup();

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browserStartTimeout: 60000,
  plugins: [...scan.plugins, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...scan.chromiumArgs],
      },
    }),
  ],
};
