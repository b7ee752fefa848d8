import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createWorkerDecoder, type FrameDecoder } from '../../../components/controllers/scanner/frame-decoder.js';
import { configureDecoder, decodeImageData, decodeWithStage } from '../../../components/controllers/scanner/pipeline.js';
import { ZXING_WASM_URL } from '../../../components/controllers/scanner/wasm-url.js';
import { emptyFrame, loadPhoto, qrFrame, type BlackboxPhoto, type FrameSpec } from './frames.js';

const { dir, photos } = (await executeServerCommand('vk-zxing-blackbox')) as { dir: string; photos: BlackboxPhoto[] };

/** A signed invitation is a compact JWS of roughly this length (header, claims, 64-byte signature). */
const TOKEN_LIKE =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIiwidHlwIjoidmsraW52In0.' +
  'eyJpc3MiOiJodWIiLCJzaXRlIjoiZGVtbyIsImp0aSI6IjNmOWM3YTEyYjQ1ZTZkNzg5MGFiY2RlZjEyMzQ1Njc4IiwibmJmIjoxNzYzODU2MDAwLCJleHAiOjE3NjM4ODQ4MDAsInZ0IjoiYnVzaW5lc3MiLCJob3N0IjoiMTJCIn0.' +
  'MEUCIQDx3m2a7bY1cLq0yXW5v9n8k3jH2pQ6rS4tU7vZ1aB2cwIgK8sN4mP0qR7tV2wX5yZ1aB3cD6eF9gH2iJ5kL8mN0pQ';

describe('scanner decode pipeline', function () {
  this.timeout(120_000);

  before(async () => {
    configureDecoder({ wasmUrl: ZXING_WASM_URL });
  });

  it('finds the shipped photographs', () => {
    // No photos would make the next test pass vacuously.
    expect(photos.length, `photos under ${dir}`).to.be.greaterThan(0);
    expect(photos.some((p) => p.format === 'QRCode'), 'QR photos').to.equal(true);
    expect(photos.some((p) => p.format === 'PDF417'), 'PDF417 photos').to.equal(true);
  });

  it('reads every shipped photo: QR in three rotations, every PDF417', async () => {
    const missed: string[] = [];
    let decodes = 0;
    for (const photo of photos) {
      for (const rotation of photo.rotations) {
        const image = await loadPhoto(photo.url, rotation);
        const code = await decodeImageData(image);
        decodes++;
        if (code?.text !== photo.answer || code.format !== photo.format) {
          missed.push(`${photo.set}/${photo.name} @${rotation}°: got ${code ? JSON.stringify(code.text.slice(0, 40)) : 'nothing'}`);
        }
      }
    }
    expect(missed, `${missed.length} of ${decodes} decodes missed`).to.deep.equal([]);
  });

  it('reads every shipped photo through the decode worker too', async () => {
    const decoder: FrameDecoder = createWorkerDecoder(ZXING_WASM_URL);
    try {
      await decoder.ready;
      const missed: string[] = [];
      for (const photo of photos) {
        for (const rotation of photo.rotations) {
          const code = await decoder.decode(await createImageBitmap(await loadPhoto(photo.url, rotation)), 'full');
          if (code?.text !== photo.answer) missed.push(`${photo.set}/${photo.name} @${rotation}°`);
        }
      }
      expect(missed).to.deep.equal([]);
    } finally {
      decoder.dispose();
    }
  });

  it('needs its fallback stages: the first pass alone misses a shipped PDF417 photo', async () => {
    // Guards the design (README.md): if zxing-wasm alone ever reads everything, the cascade can go.
    const stages = new Set<string>();
    for (const photo of photos.filter((p) => p.format === 'PDF417')) {
      const read = await decodeWithStage(await loadPhoto(photo.url));
      if (read) stages.add(read.stage);
    }
    expect([...stages].some((s) => s !== 'wasm')).to.equal(true);
  });

  const text = 'VK-INV:2f9c1a7e-5b3d-4e21-9c8f-0a6b7d2e1f35';
  const frames: [string, FrameSpec][] = [
    ['clean 640×480', { text, width: 640, height: 480 }],
    ['clean 1280×720', { text, width: 1280, height: 720 }],
    ['small in 1280×720', { text, width: 1280, height: 720, fill: 0.2 }],
    ['rotated 30° 640×480', { text, width: 640, height: 480, rotate: 30 }],
    ['rotated 135° 1280×720', { text, width: 1280, height: 720, rotate: 135 }],
    ['noisy σ=30 640×480', { text, width: 640, height: 480, noise: 30 }],
    ['blurred 2 px 640×480', { text, width: 640, height: 480, blur: 2 }],
    ['blurred 2 px, noisy σ=20, rotated 15° 1280×720', { text, width: 1280, height: 720, blur: 2, noise: 20, rotate: 15 }],
    ['invitation-length token, noisy, 1280×720', { text: TOKEN_LIKE, width: 1280, height: 720, noise: 15, fill: 0.6 }],
    ['Chinese text (UTF-8) 640×480', { text: '訪客 12B 访客 — Reception', width: 640, height: 480 }],
  ];
  for (const [name, spec] of frames) {
    it(`reads a generated frame: ${name}`, async () => {
      const code = await decodeImageData(qrFrame(spec));
      expect(code).to.deep.equal({ text: spec.text, format: 'QRCode' });
    });
  }

  it('hands URLs and script URLs back as inert text: nothing is fetched or opened', async () => {
    const before = location.href;
    for (const text of ['https://attacker.invalid/grab?x=1', 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
      const code = await decodeImageData(qrFrame({ text, width: 640, height: 480 }));
      expect(code?.text).to.equal(text);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(location.href).to.equal(before);
    const touched = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => /attacker|^data:|^javascript:/.test(r.name));
    expect(touched).to.deep.equal([]);
  });

  it('finds nothing in frames without a code (no false reads)', async () => {
    for (const [w, h] of [[640, 480], [1280, 720]] as const) {
      for (let seed = 1; seed <= 3; seed++) expect(await decodeImageData(emptyFrame(w, h, seed)), `${w}×${h} #${seed}`).to.equal(null);
    }
  });

  it('loaded the wasm from this origin only (offline kiosk, CSP connect-src self)', () => {
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const wasm = resources.filter((r) => r.name.endsWith('.wasm'));
    expect(wasm.length, 'the .wasm was fetched').to.be.greaterThan(0);
    const foreign = resources.filter((r) => new URL(r.name).origin !== location.origin).map((r) => r.name);
    expect(foreign).to.deep.equal([]);
  });

  it('fails to start, rather than fetching from elsewhere, when its wasm URL is wrong', async () => {
    const decoder = createWorkerDecoder('/package.json');
    try {
      let failed = false;
      await decoder.ready.catch(() => (failed = true));
      expect(failed, 'a missing wasm makes the decoder fail').to.equal(true);
    } finally {
      decoder.dispose();
    }
  });
});
