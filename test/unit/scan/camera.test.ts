// Chromium's fake camera plays .cache/scan/fake-camera.y4m (written by web-test-runner.config.mjs through
// test/fixtures/y4m.mjs): a QR code of a known text, looped. Real getUserMedia, real tracks, real decoding.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import '../../../components/vk-camera-view/define.js';
import type { VkCameraView } from '../../../components/vk-camera-view/vk-camera-view.js';
import { ScannerController, type DecodedCode } from '../../../components/controllers/scanner/scanner-controller.js';
import { ZXING_WASM_URL } from '../../../components/controllers/scanner/wasm-url.js';
import { messagesFor } from '../../../src/i18n/index.js';

const { text: CAMERA_TEXT } = (await executeServerCommand('vk-fake-camera')) as { text: string };
const en = messagesFor('en');

const videoOf = (el: VkCameraView) => el.shadowRoot!.querySelector('video')!;
const liveTracks = (el: VkCameraView) => ((videoOf(el).srcObject as MediaStream | null)?.getTracks() ?? []).slice();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function scanning(el: VkCameraView): Promise<MediaStreamTrack[]> {
  await waitUntil(() => el.status === 'scanning' || el.status === 'unavailable', 'camera did not start', { timeout: 15_000 });
  expect(el.status, `problem: ${el.problem}`).to.equal('scanning');
  const tracks = liveTracks(el);
  expect(tracks.length).to.be.greaterThan(0);
  expect(tracks.every((t) => t.readyState === 'live')).to.equal(true);
  return tracks;
}

describe('<vk-camera-view> with the fake camera', function () {
  this.timeout(60_000);

  it('reports the code the camera shows', async () => {
    const el = await fixture<VkCameraView>(html`<vk-camera-view .messages=${en}></vk-camera-view>`);
    const read = oneEvent(el, 'vk-code-read');
    const event = (await read) as Event & { detail: { text: string; format: string } };
    expect(event.detail).to.deep.equal({ text: CAMERA_TEXT, format: 'QRCode' });
    // A leaf event: it stops at the kiosk's shadow root.
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(false);
    el.stop();
  });

  it('ends every track on stop()', async () => {
    const el = await fixture<VkCameraView>(html`<vk-camera-view .messages=${en}></vk-camera-view>`);
    const tracks = await scanning(el);
    el.stop();
    expect(tracks.map((t) => t.readyState)).to.deep.equal(tracks.map(() => 'ended'));
    expect(videoOf(el).srcObject).to.equal(null);
    expect(el.status).to.equal('idle');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.equal(en.cameraOff);
  });

  it('ends every track when the element is removed, and opens the camera again when re-inserted', async () => {
    const el = await fixture<VkCameraView>(html`<vk-camera-view .messages=${en}></vk-camera-view>`);
    const tracks = await scanning(el);
    const parent = el.parentElement!;
    el.remove();
    expect(tracks.every((t) => t.readyState === 'ended')).to.equal(true);
    parent.append(el);
    const again = await scanning(el);
    expect(again[0]).not.to.equal(tracks[0]);
    el.remove();
    expect(again.every((t) => t.readyState === 'ended')).to.equal(true);
  });

  it('leaves no camera open when stopped while the camera is still opening', async () => {
    const el = await fixture<VkCameraView>(html`<vk-camera-view .messages=${en}></vk-camera-view>`);
    el.stop(); // before getUserMedia has answered
    await sleep(1500);
    expect(el.status).to.equal('idle');
    expect(videoOf(el).srcObject).to.equal(null);
  });

  it('reports a code held in view once, not once per frame', async () => {
    const el = await fixture<VkCameraView>(html`<vk-camera-view .messages=${en}></vk-camera-view>`);
    const texts: string[] = [];
    el.addEventListener('vk-code-read', (e) => texts.push((e as CustomEvent<{ text: string }>).detail.text));
    await waitUntil(() => texts.length > 0, 'no code read', { timeout: 15_000 });
    await sleep(1500); // ~45 more frames of the same code
    expect(texts).to.deep.equal([CAMERA_TEXT]);
    el.stop();
  });

  it('lists the cameras in a labelled choice, with the one in use selected', async () => {
    const el = await fixture<VkCameraView>(html`<vk-camera-view .messages=${en}></vk-camera-view>`);
    await scanning(el);
    await waitUntil(() => el.shadowRoot!.querySelector('select'), 'no camera choice');
    const select = el.shadowRoot!.querySelector('select')!;
    const label = el.shadowRoot!.querySelector(`label[for="${select.id}"]`);
    expect(label?.textContent).to.equal(en.cameraChoice);
    expect(select.options.length).to.be.greaterThan(0);
    const inUse = (videoOf(el).srcObject as MediaStream).getVideoTracks()[0]!.getSettings().deviceId;
    expect(select.value).to.equal(inUse);
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.equal(en.cameraHint);
    el.stop();
  });

  it('switches to the camera picked in the choice, and tells the kiosk which', async () => {
    const el = await fixture<VkCameraView>(html`<vk-camera-view .messages=${en}></vk-camera-view>`);
    const before = await scanning(el);
    await waitUntil(() => el.shadowRoot!.querySelector('select'));
    const select = el.shadowRoot!.querySelector('select')!;
    const changed = oneEvent(el, 'vk-camera-change');
    select.value = select.options[0]!.value;
    select.dispatchEvent(new Event('change'));
    expect(((await changed) as CustomEvent<{ deviceId: string }>).detail.deviceId).to.equal(select.options[0]!.value);
    await waitUntil(() => liveTracks(el)[0] !== before[0], 'the camera is not reopened', { timeout: 15_000 });
    const after = await scanning(el);
    expect(before.every((t) => t.readyState === 'ended'), 'the old stream is closed').to.equal(true);
    expect(after[0]!.getSettings().deviceId).to.equal(select.options[0]!.value);
    el.stop();
  });
});

/** A bare host for the controller alone. */
class ScanHost extends LitElement {
  codes: DecodedCode[] = [];
  video = document.createElement('video');
  scanner!: ScannerController;
  init(wasmUrl: string, worker: boolean, repeatAfterMs?: number) {
    this.scanner = new ScannerController(this, { wasmUrl, worker, repeatAfterMs, onCode: (c) => this.codes.push(c) });
    this.renderRoot.appendChild(this.video);
    this.scanner.attach(this.video);
  }
}
customElements.define('vk-test-scan-host', ScanHost);

describe('ScannerController', function () {
  this.timeout(60_000);

  it('decodes on the main thread too (worker: false)', async () => {
    const host = await fixture<ScanHost>(html`<vk-test-scan-host></vk-test-scan-host>`);
    host.init(ZXING_WASM_URL, false);
    await host.scanner.start();
    expect(host.scanner.status).to.equal('scanning');
    await waitUntil(() => host.codes.length > 0, 'no code read', { timeout: 15_000 });
    expect(host.codes[0]!.text).to.equal(CAMERA_TEXT);
    host.scanner.stop();
  });

  it('a decoder that cannot load is a state, and the camera is closed again', async () => {
    const host = await fixture<ScanHost>(html`<vk-test-scan-host></vk-test-scan-host>`);
    host.init('/package.json', true); // not a wasm file
    await host.scanner.start();
    expect(host.scanner.status).to.equal('unavailable');
    expect(host.scanner.problem).to.equal('decoder-failed');
    expect(host.video.srcObject).to.equal(null);
  });

  it('reports nothing after stop(), not even a decode that was under way', async () => {
    const host = await fixture<ScanHost>(html`<vk-test-scan-host></vk-test-scan-host>`);
    host.init(ZXING_WASM_URL, true, 0); // every sighting reported: nothing hides a late one
    await host.scanner.start();
    await waitUntil(() => host.codes.length >= 3, 'the code is not reported frame after frame', { timeout: 15_000 });
    host.scanner.stop();
    const count = host.codes.length;
    await sleep(1000);
    expect(host.codes.length).to.equal(count);
    expect(host.scanner.status).to.equal('idle');
  });
});
