// What web-test-runner needs for the scanning tests, loaded by web-test-runner.config.mjs (Node side):
// - the fake camera: a Y4M of a QR with a known text, written before Chromium starts, and its flags;
// - Vite's `?url` imports (wasm-url.ts) answered with the file's path under /node_modules;
// - `qrcode` (CommonJS) bundled to ESM on request (TOOLCHAIN.md: wtr cannot serve it file by file);
// - the ZXing black-box photos (outside the project root) served under /__vk-blackbox__/, and listed —
//   with their answers — by the `vk-zxing-blackbox` command, so the decoder test reads every photo there is.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { FAKE_CAMERA_FILE, FAKE_CAMERA_TEXT, writeQrY4m } from '../../fixtures/y4m.mjs';

/** The photos: `ZXING_BLACKBOX_DIR` (to measure on other photos), else ../shared/fixtures/zxing-blackbox. */
export function blackboxDir(rootDir = process.cwd()) {
  return resolve(process.env.ZXING_BLACKBOX_DIR ?? join(rootDir, '../shared/fixtures/zxing-blackbox'));
}

/**
 * Every photo with an answer: `N.png` beside `N.txt` (a `.png` without one, and `*.metadata.txt`, are not
 * answers). QR photos are read in three rotations, PDF417 photos upright (as the issue measures them).
 */
export function listBlackbox(dir) {
  if (!existsSync(dir)) return [];
  const photos = [];
  for (const set of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const format = /^qr/i.test(set) ? 'QRCode' : /^pdf417/i.test(set) ? 'PDF417' : undefined;
    if (!format) continue;
    for (const png of readdirSync(join(dir, set)).filter((f) => f.endsWith('.png')).sort()) {
      const txt = join(dir, set, png.replace(/\.png$/, '.txt'));
      if (!existsSync(txt)) continue;
      photos.push({
        set,
        name: png,
        format,
        url: `/__vk-blackbox__/${set}/${png}`,
        answer: readFileSync(txt, 'utf8'),
        rotations: format === 'QRCode' ? [0, 90, 180] : [0],
      });
    }
  }
  return photos;
}

/** Chromium flags of the fake camera. */
export function fakeCameraArgs(file) {
  return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
}

/**
 * Writes the fake camera's Y4M and returns the Chromium flags and the dev-server plugins the scanning tests
 * need. Call it from the config, before the browser launches. `cameraText` replaces the default text (e.g. a
 * signed invitation for a kiosk test); tests learn it from the `vk-fake-camera` command, never hard-code it.
 */
export function scanTestSetup({ rootDir = process.cwd(), cameraText = FAKE_CAMERA_TEXT } = {}) {
  const y4m = resolve(rootDir, FAKE_CAMERA_FILE);
  writeQrY4m({ text: cameraText, file: y4m });
  const photosDir = blackboxDir(rootDir);
  return {
    cameraText,
    chromiumArgs: fakeCameraArgs(y4m),
    plugins: [viteUrlPlugin(rootDir), commonJsPlugin(rootDir, ['qrcode']), blackboxPlugin(photosDir, cameraText)],
  };
}

/** `import url from 'pkg/file?url'` → a module whose default export is the file's path on this server. */
function viteUrlPlugin(rootDir) {
  const PREFIX = '/__vk-url__/';
  return {
    name: 'vk-vite-url',
    resolveImport({ source }) {
      if (!source.endsWith('?url') || source.startsWith('.') || source.startsWith('/')) return undefined;
      const file = fileURLToPath(import.meta.resolve(source.slice(0, -'?url'.length)));
      const browserPath = `/${relative(rootDir, file).split(sep).join('/')}`;
      return `${PREFIX}${encodeURIComponent(browserPath)}.js`;
    },
    serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const browserPath = decodeURIComponent(context.path.slice(PREFIX.length, -'.js'.length));
      return { body: `export default ${JSON.stringify(browserPath)};\n`, type: 'js' };
    },
  };
}

/** CommonJS packages bundled to one ESM file each (with their browser field) when a test imports them. */
function commonJsPlugin(rootDir, packages) {
  const PREFIX = '/__vk-cjs__/';
  const cache = new Map();
  return {
    name: 'vk-commonjs',
    resolveImport({ source }) {
      return packages.includes(source) ? `${PREFIX}${source}.js` : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const name = context.path.slice(PREFIX.length, -'.js'.length);
      if (!packages.includes(name)) return undefined;
      if (!cache.has(name)) {
        const result = await build({
          stdin: { contents: `import m from ${JSON.stringify(name)}; export default m;`, resolveDir: rootDir, loader: 'js' },
          bundle: true,
          format: 'esm',
          platform: 'browser',
          write: false,
          logLevel: 'silent',
        });
        cache.set(name, result.outputFiles[0].text);
      }
      return { body: cache.get(name), type: 'js' };
    },
  };
}

/** The black-box photos and the fake camera's text, for the browser. */
function blackboxPlugin(dir, cameraText) {
  const PREFIX = '/__vk-blackbox__/';
  return {
    name: 'vk-blackbox',
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const file = resolve(dir, decodeURIComponent(context.path.slice(PREFIX.length)));
      if (!file.startsWith(dir + sep) || !file.endsWith('.png') || !existsSync(file)) return undefined;
      return { body: await readFile(file), type: 'image/png' };
    },
    executeCommand({ command }) {
      if (command === 'vk-zxing-blackbox') return { dir, photos: listBlackbox(dir) };
      if (command === 'vk-fake-camera') return { text: cameraText };
      return undefined;
    },
  };
}
