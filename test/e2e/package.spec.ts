// The package (issue 9 items 2 and 3) as a host gets it: built, packed with `npm pack`, installed into a
// scratch project with `npm install --offline` from an EMPTY npm cache and a registry address where nothing
// listens — so the install can only succeed because the tarball carries everything and declares no
// dependency (no registry metadata needed, the trap of a fresh clone's cache). The scratch page sees only
// the installed package (no access to our sources), loaded without a bundler through a loopback server:
// both tags embedded, `vk-visit-registered` received with ids and a time only, `--vk-color-accent` and
// `::part(primary-button)` restyling the kiosk, the form and the decoder's WebAssembly loaded lazily next to the module that asks for
// them, and a second copy of the library on the page warning once while the first keeps working.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { NAMES, radioGroup, uniqueName } from './helpers.js';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PKG = 'visitor-kiosk-web';
/** Where the scratch page finds the installed package, as a host without a bundler serves it. */
const DIST = `/node_modules/${PKG}/dist`;
/** The token value the host page sets; not the kiosk's default accent (#0b5cad). */
const HOST_ACCENT = 'rgb(204, 0, 102)';
/** What the host's `::part(primary-button)` rule sets (docs/theming.md#parts); the default is `normal`. */
const HOST_LETTER_SPACING = '3px';
/** Nothing listens here: an install that tried the registry would fail instead of silently downloading. */
const DEAD_REGISTRY = 'http://127.0.0.1:9/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/**
 * Server-side packages that must never reach a host through the package. (exceljs is not one: the desk's reports
 * write XLSX in the browser from a chunk loaded only when a manager asks for a spreadsheet.)
 */
const HUB_ONLY = /better-sqlite3|nodemailer|kysely|@hono\/|hono\/|node:fs|node:child_process/;

const en = NAMES.en;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** The scratch host page: the kiosk by one script URL, the desk through an import map, one token in its CSS. */
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Visitors — scratch host</title>
    <link rel="stylesheet" href="/host.css" />
    <script type="importmap">{ "imports": { "${PKG}": "${DIST}/index.js", "${PKG}/desk": "${DIST}/visitor-desk.js", "${PKG}/events": "${DIST}/events.js" } }</script>
    <script type="module" src="${DIST}/visitor-kiosk.js"></script>
    <script type="module" src="/host.js"></script>
  </head>
  <body>
    <h1>Visitors</h1>
    <visitor-kiosk></visitor-kiosk>
    <visitor-desk></visitor-desk>
  </body>
</html>`;

const HOST_CSS = `visitor-kiosk { --vk-color-accent: ${HOST_ACCENT}; }
visitor-kiosk::part(primary-button) { letter-spacing: ${HOST_LETTER_SPACING}; }`;

const HOST_JS = `import '${PKG}/desk';
import { VisitRegisteredEvent } from '${PKG}/events';
import { VisitorDesk, VisitorKiosk } from '${PKG}';
// The main entry exports the very classes the tags were registered with (one copy of each chunk).
window.mainEntryMatches = customElements.get('visitor-kiosk') === VisitorKiosk && customElements.get('visitor-desk') === VisitorDesk;
window.hostLog = [];
for (const type of ['vk-visit-registered', 'vk-visit-checked-in', 'vk-visit-checked-out', 'vk-sync-state-change']) {
  document.addEventListener(type, (e) => window.hostLog.push({ type: e.type, typed: e instanceof VisitRegisteredEvent, detail: e.detail }));
}
// A second copy of the library (another install path): it must warn once and change nothing.
const first = customElements.get('visitor-kiosk');
await import('/copy/visitor-kiosk.js');
window.secondCopyKeptFirst = customElements.get('visitor-kiosk') === first;
`;

let tmp = '';
let scratch = '';
let server: Server | undefined;
let origin = '';
/** Every path the scratch server answered, with its status, in order. */
const served: { path: string; status: number }[] = [];

async function serve(root: string): Promise<void> {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
    const reply = (status: number, body: Buffer | string, type = 'text/plain') => {
      served.push({ path, status });
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
    };
    if (!file.startsWith(root + sep)) return reply(403, 'forbidden');
    readFile(file).then(
      (body) => reply(200, body, MIME[extname(file)] ?? 'application/octet-stream'),
      () => reply(404, 'not found'),
    );
  });
  await new Promise<void>((ready) => server?.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** npm without the calling `npm test`'s own settings (its npm_config_* would point at our project). */
const cleanEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000); // this hook's own limit: building, packing and installing take ~15 s on a busy box
  await run(process.execPath, ['packages/visitor-kiosk-web/build.mjs'], { cwd: REPO });
  tmp = await mkdtemp(join(tmpdir(), 'vk-package-'));
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', tmp, './packages/visitor-kiosk-web'], { cwd: REPO, env: cleanEnv() });
  const tarball = join(tmp, stdout.trim().split('\n').pop() ?? '');
  scratch = join(tmp, 'host');
  await mkdir(scratch);
  await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch-host', private: true, type: 'module' }));
  const userconfig = join(tmp, 'empty-npmrc');
  await writeFile(userconfig, '');
  await run(
    'npm',
    ['install', '--offline', '--cache', join(tmp, 'empty-cache'), '--registry', DEAD_REGISTRY, '--userconfig', userconfig, '--no-audit', '--no-fund', '--ignore-scripts', tarball],
    { cwd: scratch, env: cleanEnv() },
  );
  await writeFile(join(scratch, 'index.html'), PAGE);
  await writeFile(join(scratch, 'host.css'), HOST_CSS);
  await writeFile(join(scratch, 'host.js'), HOST_JS);
  await cp(join(scratch, 'node_modules', PKG, 'dist'), join(scratch, 'copy'), { recursive: true });
  await serve(scratch);
});

test.afterAll(async () => {
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('the packed tarball installs offline alone: no dependency, no hub code, typed for a host in TypeScript', async () => {
  expect((await readdir(join(scratch, 'node_modules'))).filter((n) => !n.startsWith('.'))).toEqual([PKG]);
  const manifest = JSON.parse(await readFile(join(scratch, 'node_modules', PKG, 'package.json'), 'utf8')) as Record<string, unknown>;
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) expect(manifest[field], field).toBeUndefined();
  const files = (await readdir(join(scratch, 'node_modules', PKG), { recursive: true })).map(String);
  expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')), 'TypeScript sources shipped').toEqual([]);
  for (const f of files.filter((f) => f.endsWith('.js'))) {
    expect(await readFile(join(scratch, 'node_modules', PKG, f), 'utf8'), f).not.toMatch(HUB_ONLY);
  }
  expect(files).toContain(join('dist', 'custom-elements.json'));
  expect(files).toContain(join('dist', 'vscode.html-custom-data.json'));
  const cem = JSON.parse(await readFile(join(scratch, 'node_modules', PKG, 'dist', 'custom-elements.json'), 'utf8')) as {
    modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[];
  };
  const tags = cem.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  expect(tags.map((d) => d.tagName).sort()).toEqual(['visitor-desk', 'visitor-kiosk']);
  expect(tags.find((d) => d.tagName === 'visitor-kiosk')?.events?.map((e) => e.name)).toContain('vk-visit-registered');
  expect(tags.find((d) => d.tagName === 'visitor-kiosk')?.events?.map((e) => e.name)).not.toContain('vk-visit-flagged');

  // A host's TypeScript resolves the `exports` map to the declarations: typed tags, methods and events.
  await writeFile(
    join(scratch, 'check.ts'),
    `import { VisitRegisteredEvent, type VisitorKioskElement } from '${PKG}';
import '${PKG}/desk';
const kiosk: VisitorKioskElement | null = document.querySelector('visitor-kiosk');
kiosk?.addEventListener('vk-visit-registered', (e) => { const id: string = e.detail.visitId; console.log(id, e instanceof VisitRegisteredEvent); });
kiosk?.setLanguage('zh-Hant');
// @ts-expect-error not a language of the kiosk
kiosk?.setLanguage('fr');
const desk = document.createElement('visitor-desk');
desk.addEventListener('vk-visit-flagged', (e) => { const c: 'A' | 'B' | 'C' | 'watchlist' = e.detail.incidentClass; console.log(c); });
desk.reset();
`,
  );
  await writeFile(
    join(scratch, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022', lib: ['ES2022', 'DOM'], noEmit: true, types: [] }, files: ['check.ts'] }),
  );
  await run(join(REPO, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: scratch });
});

test('a page without a bundler embeds both tags, hears vk-visit-registered with no personal data, restyles by token', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning' && msg.text().includes('already defined')) warnings.push(msg.text());
  });
  await page.goto(`${origin}/`);
  const kiosk = page.locator('visitor-kiosk');
  const checkIn = kiosk.getByRole('button', { name: en.checkIn, exact: true });
  await expect(checkIn).toBeVisible();
  await expect(page.locator('visitor-desk').getByLabel('PIN', { exact: true })).toBeVisible();

  await expect.poll(() => page.evaluate(() => (window as unknown as { mainEntryMatches?: boolean }).mainEntryMatches)).toBe(true);
  // Two copies on one page: one warning in all, and the first copy's elements stay.
  await expect.poll(() => page.evaluate(() => (window as unknown as { secondCopyKeptFirst?: boolean }).secondCopyKeptFirst)).toBe(true);
  expect(warnings).toHaveLength(1);

  // The host's token and a documented part reach into the kiosk's shadow tree.
  expect(await checkIn.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(HOST_ACCENT);
  expect(await checkIn.evaluate((b) => getComputedStyle(b).letterSpacing)).toBe(HOST_LETTER_SPACING);

  // First screen: neither the decoder, its worker nor its WebAssembly has been fetched.
  const firstScreen = served.map((s) => s.path);
  expect(firstScreen.filter((p) => /\.wasm$|decode-worker/.test(p))).toEqual([]);

  const visitor = { fullName: uniqueName('Package'), phone: '9123 4567', organisation: 'Scratch Holdings' };
  await checkIn.click();
  await kiosk.getByRole('textbox', { name: en.fullName, exact: true }).fill(visitor.fullName);
  // The form came as chunks of its own, from next to the module (not on the first screen).
  const formChunks = served.slice(firstScreen.length).filter((s) => s.path.startsWith(`${DIST}/chunks/`));
  expect(formChunks.length).toBeGreaterThan(0);
  expect(formChunks.every((s) => s.status === 200)).toBe(true);
  await kiosk.getByRole('textbox', { name: en.phone, exact: true }).fill(visitor.phone);
  await kiosk.getByRole('textbox', { name: en.organisation, exact: true }).fill(visitor.organisation);
  for (const name of [en.visitorType, en.purpose]) {
    const select = kiosk.getByRole('combobox', { name, exact: true });
    const value = await select.locator('option').evaluateAll((os) => (os as HTMLOptionElement[]).find((o) => !o.disabled && o.value)?.value ?? '');
    await select.selectOption(value);
  }
  const host = kiosk.getByRole('combobox', { name: en.host, exact: true });
  await host.fill('12B');
  await host.press('Escape');
  await radioGroup(page, en.appointment).getByRole('radio', { name: en.no, exact: true }).check();
  await kiosk.getByRole('checkbox', { name: en.privacyCheckbox }).check();
  await kiosk.getByRole('button', { name: en.next, exact: true }).click();
  await kiosk.getByRole('button', { name: en.submit, exact: true }).click();
  await expect(kiosk.getByRole('status')).toBeVisible();

  type Logged = { type: string; typed: boolean; detail: Record<string, unknown> };
  const log = () => page.evaluate(() => (window as unknown as { hostLog: Logged[] }).hostLog);
  await expect.poll(async () => (await log()).filter((e) => e.type === 'vk-visit-registered').length).toBe(1);
  const registered = (await log()).find((e) => e.type === 'vk-visit-registered');
  expect(registered?.typed, 'an instance of the exported VisitRegisteredEvent').toBe(true);
  expect(Object.keys(registered?.detail ?? {}).sort()).toEqual(['at', 'visitId']);
  expect(registered?.detail['visitId']).toMatch(UUID);
  expect(registered?.detail['at']).toMatch(ISO_UTC);
  const everything = JSON.stringify(await log());
  for (const personal of [visitor.fullName, visitor.phone, '91234567', visitor.organisation]) expect(everything).not.toContain(personal);

  // The decoder and its WebAssembly load with a camera screen (Check out: Scan invitation shows its camera
  // only once a site's invitation keys are known), resolved next to the installed module.
  await kiosk.getByRole('button', { name: en.done, exact: true }).click();
  await kiosk.getByRole('button', { name: 'Check out', exact: true }).click();
  await expect
    .poll(() => served.filter((s) => s.path.startsWith(`${DIST}/assets/`) && s.path.endsWith('.wasm')).map((s) => s.status), {
      message: 'the decoder WebAssembly fetched from the package after Check out',
    })
    .toEqual([200]);

  // The desk's signed-in panels are one lazy chunk, not part of its sign-in screen: fetched from next to the
  // module once someone touches the PIN field, and their tags are defined when it lands.
  expect(firstScreen.filter((p) => p.includes('/signed-in-panels-'))).toEqual([]);
  await page.locator('visitor-desk').getByLabel('PIN', { exact: true }).focus();
  await expect.poll(() => page.evaluate(() => customElements.get('vk-desk-guard') !== undefined)).toBe(true);
  expect(served.filter((s) => s.path.startsWith(`${DIST}/chunks/signed-in-panels-`)).map((s) => s.status)).toEqual([200]);
});
