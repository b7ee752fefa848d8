// A lobby tablet reaches the hub by a LAN name, not `localhost`: over plain HTTP that page is not a secure
// context (no service worker, camera, WebCrypto or wake lock). This test serves the hub with TLS (TLS_CERT,
// TLS_KEY: a certificate for `kiosk.test` made here with openssl) and opens it as `https://kiosk.test:PORT`,
// the name mapped to 127.0.0.1 inside Chromium (`--host-resolver-rules`), so every packet stays on loopback and
// the page is a secure context only thanks to TLS. The same hub over plain HTTP by that name is not one.
import { expect, test, type Browser } from '@playwright/test';
import { chromium } from 'playwright-core';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.js';
import { syncIndicator } from './hub-helpers.js';

const NAME = 'kiosk.test';

function freePort(): Promise<number> {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.once('error', ko);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `hub/main.ts` on the built app with `env`; resolves with its output once it serves. */
async function startHub(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/main.ts'], { env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((ok, ko) => {
    const timer = setTimeout(() => ko(new Error(`the hub did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/^PIN: \d+$/m.test(output)) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => ko(new Error(`the hub exited (${code}):\n${output}`)));
  });
  return { child, output: () => output };
}

const dir = mkdtempSync(join(tmpdir(), 'vk-https-'));
let browser: Browser;
const hubs: ChildProcess[] = [];
let httpsPort = 0;
let httpPort = 0;
let pairLink = '';

test.beforeAll(async () => {
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2', '-subj', `/CN=${NAME}`, '-addext', `subjectAltName=DNS:${NAME}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl could not make the test certificate: ${made.stderr}`);
  httpsPort = await freePort();
  const tls = await startHub({ PORT: String(httpsPort), DATA_DIR: join(dir, 'tls-data'), TLS_CERT: join(dir, 'cert.pem'), TLS_KEY: join(dir, 'key.pem'), VK_ADMIN_PIN: '2468' });
  hubs.push(tls.child);
  pairLink = /^Pair this kiosk: (\S+)$/m.exec(tls.output())?.[1] ?? '';
  httpPort = await freePort();
  hubs.push((await startHub({ PORT: String(httpPort), DATA_DIR: join(dir, 'http-data'), VK_ADMIN_PIN: '2468' })).child);
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    // The test certificate is trusted by flag: Chromium has no way to add a CA without a profile's NSS store.
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${NAME} 127.0.0.1`, '--ignore-certificate-errors'],
  });
});

test.afterAll(async () => {
  await browser?.close();
  for (const hub of hubs) hub.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

const capabilities = () => ({
  secure: isSecureContext,
  serviceWorker: 'serviceWorker' in navigator,
  subtle: typeof crypto.subtle?.sign === 'function',
  camera: typeof navigator.mediaDevices?.getUserMedia === 'function',
});

test('over HTTPS by a LAN name the kiosk is a secure context: service worker, WebCrypto and camera; it pairs and goes back to /', async () => {
  expect(pairLink).toMatch(new RegExp(`^https://localhost:${httpsPort}/\\?pair=[A-Za-z0-9_-]{22}$`));
  const page = await browser.newPage();
  const code = new URL(pairLink).searchParams.get('pair');
  await page.goto(`https://${NAME}:${httpsPort}/?pair=${code}`);
  await expect(page.getByRole('button', { name: 'Check in', exact: true })).toBeVisible();
  expect(await page.evaluate(capabilities)).toEqual({ secure: true, serviceWorker: true, subtle: true, camera: true });
  await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe('/');
  // Paired for real: the first pull over TLS answered (the staff's indicator shows a sync time).
  await expect(syncIndicator(page)).toContainText('Last sync');
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none'), { timeout: 20_000 }).toBe('activated');
  await page.close();
});

test('the same hub over plain HTTP by that name is not a secure context — why a LAN tablet needs TLS', async () => {
  const page = await browser.newPage();
  await page.goto(`http://${NAME}:${httpPort}/`);
  await expect(page.getByRole('button', { name: 'Check in', exact: true })).toBeVisible();
  expect(await page.evaluate(capabilities)).toEqual({ secure: false, serviceWorker: false, subtle: false, camera: false });
  await page.close();
});
