// Browser tests (`*.test.ts`) run in real Chromium (Debian's build: browser downloads fail here) with
// real IndexedDB, real events and real clicks. TypeScript is stripped by esbuild with the project's
// tsconfig (legacy decorators). One browser at a time: the machines have two cores.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { scanTestSetup } from './test/unit/scan/wtr-setup.mjs';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The scanning tests: Chromium's fake camera plays a Y4M of a known QR (written here, before Chromium
// starts), plus `?url` imports, `qrcode` as ESM and the black-box photos (test/unit/scan/wtr-setup.mjs).
//
// The camera shows a real invitation, signed by `npm run invite` with a key made for this run; its public
// key set is written beside it for the kiosk test to trust (test/components/kiosk-camera.test.ts).
const CAMERA_DATA = '.cache/wtr-data';
mkdirSync(CAMERA_DATA, { recursive: true });
const invite = execFileSync('npx', ['tsx', 'scripts/invite.ts', '--host', '12B', '--hours', '48', '--from', new Date(Date.now() - 3600_000).toISOString(), '--out', `${CAMERA_DATA}/camera.png`], {
  env: { ...process.env, DATA_DIR: CAMERA_DATA },
  encoding: 'utf8',
});
const line = (prefix) => invite.split('\n').find((l) => l.startsWith(prefix))?.slice(prefix.length).trim() ?? '';
writeFileSync(`${CAMERA_DATA}/camera-keyset.json`, line('keyset:'));
const scan = scanTestSetup({ cameraText: line('token:') });

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
