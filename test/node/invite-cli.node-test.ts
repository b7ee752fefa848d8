// Node-side test of `npm run invite` (scripts/invite.ts) and of qrVersion: run with
//   node --import tsx --test test/node/*.node-test.ts
// (not `*.test.ts`: web-test-runner runs every test/**/*.test.ts in the browser).
// The PNG the command writes is decoded back with @zxing/library, so the QR really carries the token.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import zxing from '@zxing/library';
import { PNG } from 'pngjs';

// @zxing/library is CommonJS: Node's ESM loader sees only its default export.
const { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = zxing;
import { MemoryUseRecorder, importKeySet, signInvitation, signPass, verifyToken } from '../../src/invite/index.js';
import { MAX_QR_VERSION, qrVersion } from '../../src/invite/qr.js';
import { DEV_KEYS_FILE, UsageError, loadDevKey, runInvite } from '../../scripts/invite.js';

/** Monday 23 November 2026, 10:00 in Hong Kong. */
const NOW = new Date('2026-11-23T10:00:00+08:00');

let dataDir = '';
before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vk-invite-'));
});
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Decodes the QR code in a PNG file. */
async function decodePng(file: string): Promise<string> {
  const png = PNG.sync.read(await readFile(file));
  const luminance = new Uint8ClampedArray(png.width * png.height);
  for (let i = 0; i < luminance.length; i += 1) luminance[i] = png.data[i * 4]!; // black and white: red is enough
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, png.width, png.height)));
  // The PNG is a clean, generated code: PURE_BARCODE reads its grid directly. Without it the finder-pattern
  // detector of @zxing/library misses some random tokens (it misses real photos too — see the scanner's README).
  const hints = new Map<zxing.DecodeHintType, unknown>([
    [DecodeHintType.PURE_BARCODE, true],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  return new QRCodeReader().decode(bitmap, hints).getText();
}

const verifyOptions = async (keySet: unknown, now: Date) => ({
  keySet: await importKeySet(keySet),
  siteId: 'demo',
  timeZone: 'Asia/Hong_Kong',
  uses: new MemoryUseRecorder(),
  now,
});

describe('npm run invite', () => {
  it('signs an invitation with a new development key, prints it and writes a PNG that scans back to the token', async () => {
    const out = await runInvite(['--host', '12B', '--from', '2026-11-23T09:00+08:00', '--hours', '4'], { dataDir });
    assert.equal(out.kind, 'invitation');
    assert.ok(out.lines.includes(`token: ${out.token}`));
    assert.ok(out.lines.includes(`qr-version: ${out.qrVersion}`));
    assert.ok(out.lines.includes(`keyset: ${JSON.stringify(out.keySet)}`));
    assert.ok(out.qrVersion <= MAX_QR_VERSION);
    assert.equal((await stat(join(dataDir, DEV_KEYS_FILE))).mode & 0o777, 0o600);
    assert.equal(await decodePng(out.qrFile), out.token);
    const result = await verifyToken(out.token, await verifyOptions(out.keySet, NOW));
    assert.equal(result.ok, true);
    assert.deepEqual(result.ok && result.kind === 'invitation' && { h: result.claims.h, vt: result.claims.vt, exp: result.claims.exp }, {
      h: '12B',
      vt: 'visiting-resident',
      exp: Date.parse('2026-11-23T13:00+08:00') / 1000,
    });
  });

  it('reuses the development key, and signs a pass with days, hours, uses and a permit into an SVG', async () => {
    const first = await loadDevKey(dataDir);
    const out = await runInvite(
      ['--pass', '--host', '12B', '--visitor-type', 'contractor', '--from', '2026-11-20T00:00+08:00', '--weekdays', '1,2,3,4,5', '--between', '09:00-18:00', '--uses', '60', '--permit', 'WP-2026-0114', '--out', join(dataDir, 'pass.svg')],
      { dataDir },
    );
    assert.equal(out.keySet.keys[0]?.kid, first.kid);
    assert.match(await readFile(out.qrFile, 'utf8'), /^<svg[^>]*>[\s\S]*<path/);
    const result = await verifyToken(out.token, await verifyOptions(out.keySet, NOW));
    assert.ok(result.ok && result.kind === 'pass');
    assert.deepEqual(result.claims.wd, 0b0111110); // Monday to Friday
    assert.deepEqual(result.claims.hr, [9 * 60, 18 * 60]);
    assert.equal(result.claims.n, 60);
    assert.equal(result.claims.wp, 'WP-2026-0114');
    assert.deepEqual(await verifyToken(out.token, await verifyOptions(out.keySet, new Date('2026-11-23T08:30+08:00'))), { ok: false, code: 'invite-outside-hours' });
  });

  it('refuses bad command lines with a UsageError', async () => {
    const bad = [
      [],
      ['--host', 'https://evil.example'],
      ['--host', '12B', '--uses', '3'],
      ['--host', '12B', '--visitor-type', 'javascript:alert(1)'],
      ['--host', '12B', '--from', 'tomorrow'],
      ['--host', '12B', '--hours', '-1'],
      ['--host', '12B', '--pass', '--weekdays', '1,8'],
      ['--host', '12B', '--pass', '--between', '8-18'],
      ['--host', '12B', '--out', join(dataDir, 'x.gif')],
      ['--host', '12B', '--name', 'Chan Tai Man'],
    ];
    for (const argv of bad) await assert.rejects(runInvite(argv, { dataDir }), UsageError, argv.join(' '));
  });

  it('prints `token: …` and `keyset: {…}` on lines of their own when run as a command', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/invite.ts', '--host', '12B'], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.ok(lines.some((l) => /^token: [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/.test(l)), run.stdout);
    const keyset = lines.find((l) => l.startsWith('keyset: '));
    assert.ok(keyset && JSON.parse(keyset.slice('keyset: '.length)));
    const usage = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/invite.ts'], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--host is required/);
  });
});

describe('qrVersion at error-correction level M', () => {
  it('keeps a typical invitation and typical passes at version 15 or below, and reports the figures', async () => {
    const key = await loadDevKey(dataDir);
    const common = { issuer: 'dev', site: 'demo', host: '12B', from: NOW, until: new Date(NOW.getTime() + 24 * 3_600_000) };
    const month = new Date(NOW.getTime() + 30 * 24 * 3_600_000);
    const tokens = {
      invitation: await signInvitation({ ...common, visitorType: 'visiting-resident' }, key),
      'invitation (directory id, party of 4)': await signInvitation({ ...common, host: 'unit-12b', visitorType: 'business', partySize: 4 }, key),
      'helper pass (Mon–Sat 08:00–18:00)': await signPass({ ...common, until: month, visitorType: 'domestic-helper', weekdays: [1, 2, 3, 4, 5, 6], hours: ['08:00', '18:00'] }, key),
      'contractor pass (days, hours, 60 uses, permit)': await signPass(
        { ...common, until: month, visitorType: 'contractor', weekdays: [1, 2, 3, 4, 5], hours: ['09:00', '18:00'], uses: 60, permit: 'WP-2026-0114' },
        key,
      ),
    };
    for (const [name, token] of Object.entries(tokens)) {
      const version = qrVersion(token);
      console.log(`qr: ${name}: ${token.length} characters, version ${version}`);
      assert.ok(version <= MAX_QR_VERSION, `${name}: version ${version}`);
    }
  });
});
