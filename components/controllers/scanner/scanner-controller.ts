import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createInlineDecoder, createWorkerDecoder, type FrameDecoder } from './frame-decoder.js';
import type { DecodedCode } from './pipeline.js';

export type { CodeFormat, DecodedCode } from './pipeline.js';

/** The same code seen again within this many ms is not reported again (a visitor holds a code up for a while). */
export const REPEAT_AFTER_MS = 3000;
/**
 * Every n-th decoded frame runs the whole cascade (the second binarizer and @zxing/library); the others run
 * zxing-wasm once. An empty viewfinder then costs ~1 wasm pass a frame, and a hard PDF417 is still tried
 * several times a second (measured: ~18 ms against ~55 ms for a full cascade on an empty 1280×720 frame).
 */
export const DEEP_PASS_EVERY = 4;
/** Remembered codes beyond this are pruned: bounded memory on a kiosk that runs for months. */
const MAX_REMEMBERED_CODES = 32;
/** Asked of the camera: enough pixels for a dense code held at arm's length, not more (decode time grows with area). */
const IDEAL_WIDTH = 1280;
const IDEAL_HEIGHT = 720;
/** `HTMLMediaElement.HAVE_CURRENT_DATA`: a frame can be drawn. */
const HAVE_CURRENT_DATA = 2;

/** What the scanner is doing. */
export type ScannerStatus = 'idle' | 'starting' | 'scanning' | 'unavailable';

/**
 * Why the camera is unavailable: permission refused, no camera, another app holds it, no camera API here
 * (an insecure context — `http://` on a LAN address), or the decoder's wasm could not load.
 */
export type ScannerProblem = 'denied' | 'no-camera' | 'in-use' | 'not-supported' | 'decoder-failed';

/** A camera the visitor (or staff) can choose. `label` is empty until camera permission is granted. */
export interface CameraInfo {
  deviceId: string;
  label: string;
}

export interface ScannerOptions {
  /** The zxing-wasm reader `.wasm` on our own origin (see wasm-url.ts). */
  wasmUrl: string;
  /** Called once for each code read (again only after it has been out of view for `REPEAT_AFTER_MS`). */
  onCode: (code: DecodedCode) => void;
  /** Called after every change of `status`, `problem`, `cameras` or `deviceId` (besides `host.requestUpdate()`). */
  onStateChange?: () => void;
  /** Which way the camera should face when no camera is chosen. Default `environment` (as the issue asks). */
  facingMode?: 'environment' | 'user';
  /** Decode in a worker (default) or on the main thread. */
  worker?: boolean;
  /** Override of `REPEAT_AFTER_MS` (0: report every frame a code is seen in). */
  repeatAfterMs?: number;
}

type FrameHandle = { kind: 'video'; id: number } | { kind: 'raf'; id: number };

/**
 * Opens the camera into a `<video>` the host owns, decodes its frames one at a time (never two decodes at
 * once: the next frame is taken only when the last decode has answered) and reports each distinct code once.
 * `stop()` ends every track — also called when the host disconnects. The kiosk calls it on idle reset and
 * when it leaves the scan screen. Denied permission or a missing camera is a state (`status`/`problem`), not
 * an exception. What is read is passed to `onCode` as text and nothing else: never opened or fetched.
 */
export class ScannerController implements ReactiveController {
  /** What the scanner is doing now. */
  status: ScannerStatus = 'idle';
  /** Set while `status` is `unavailable`. */
  problem: ScannerProblem | undefined;
  /** The video inputs, refreshed after the camera opens and when devices change. */
  cameras: CameraInfo[] = [];
  /** The camera in use (or last used). */
  deviceId: string | undefined;

  private video: HTMLVideoElement | undefined;
  private stream: MediaStream | undefined;
  private decoder: FrameDecoder | undefined;
  /** Bumped by every start and stop: work begun for an older generation drops its result. */
  private generation = 0;
  private frameHandle: FrameHandle | undefined;
  private framesDecoded = 0;
  private readonly lastSeen = new Map<string, number>();
  private readonly onDeviceChange = () => void this.refreshCameras();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ScannerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Starting is the host's decision (it needs its <video> rendered first).
  }

  hostDisconnected(): void {
    this.stop();
    this.decoder?.dispose();
    this.decoder = undefined;
  }

  /** The `<video>` frames are shown in and grabbed from. Set it before `start()`. */
  attach(video: HTMLVideoElement): void {
    this.video = video;
  }

  /**
   * Opens the camera (`deviceId`, else the preferred facing) and starts decoding. Resolves when it scans or
   * has become `unavailable`; never rejects. Starting again switches camera.
   */
  async start(deviceId?: string): Promise<void> {
    this.halt();
    const generation = ++this.generation;
    const video = this.video;
    if (!video) throw new Error('attach(video) before start()');
    this.set('starting');
    if (!navigator.mediaDevices?.getUserMedia) return this.set('unavailable', 'not-supported');

    this.decoder ??= this.createDecoder();
    const decoder = this.decoder;
    // The wasm loads while the camera opens; both take a few hundred ms on a tablet.
    const [opened, loaded] = await Promise.allSettled([this.open(deviceId), decoder.ready]);
    const stream = opened.status === 'fulfilled' ? opened.value : undefined;
    if (generation !== this.generation) return stopTracks(stream);
    if (opened.status === 'rejected') return this.set('unavailable', problemOf(opened.reason));
    if (loaded.status === 'rejected' || !stream) {
      stopTracks(stream);
      // A fresh decoder next time: the wasm may load once the network or the cache is back.
      decoder.dispose();
      if (this.decoder === decoder) this.decoder = undefined;
      return this.set('unavailable', 'decoder-failed');
    }

    this.stream = stream;
    this.deviceId = stream.getVideoTracks()[0]?.getSettings().deviceId ?? deviceId;
    navigator.mediaDevices.addEventListener('devicechange', this.onDeviceChange);
    video.muted = true; // autoplay without a gesture needs it, and a kiosk has no business with sound
    video.srcObject = stream;
    // Not awaited: play() settles only once a frame has arrived, and the frame loop waits for one anyway.
    void video.play().catch(() => undefined);
    this.set('scanning');
    this.framesDecoded = 0;
    this.nextFrame(generation);
    await this.refreshCameras();
  }

  /** Stops decoding and ends every track. Safe to call at any time, any number of times. */
  stop(): void {
    this.generation++;
    this.halt();
    if (this.status !== 'idle') this.set('idle');
  }

  private halt(): void {
    this.cancelFrame();
    stopTracks(this.stream);
    this.stream = undefined;
    if (this.video) this.video.srcObject = null;
    navigator.mediaDevices?.removeEventListener('devicechange', this.onDeviceChange);
  }

  private createDecoder(): FrameDecoder {
    if (this.options.worker !== false) {
      try {
        return createWorkerDecoder(this.options.wasmUrl);
      } catch {
        // A page may not start a worker from another origin (the kiosk embedded by a host page through
        // visitor-kiosk.js): decode on the main thread rather than not at all.
      }
    }
    return createInlineDecoder(this.options.wasmUrl);
  }

  private async open(deviceId: string | undefined): Promise<MediaStream> {
    const size = { width: { ideal: IDEAL_WIDTH }, height: { ideal: IDEAL_HEIGHT } };
    const facing = { facingMode: { ideal: this.options.facingMode ?? 'environment' }, ...size };
    if (!deviceId) return navigator.mediaDevices.getUserMedia({ video: facing, audio: false });
    try {
      return await navigator.mediaDevices.getUserMedia({ video: { deviceId: { exact: deviceId }, ...size }, audio: false });
    } catch (err) {
      // A remembered camera that was unplugged: any camera is better than none.
      if (isNamed(err, 'NotFoundError', 'OverconstrainedError')) return navigator.mediaDevices.getUserMedia({ video: facing, audio: false });
      throw err;
    }
  }

  private nextFrame(generation: number): void {
    const video = this.video;
    if (!video || generation !== this.generation) return;
    const onFrame = () => void this.decodeFrame(generation);
    // requestVideoFrameCallback fires once per new camera frame; rAF (older engines) may repeat a frame.
    if (typeof video.requestVideoFrameCallback === 'function') {
      this.frameHandle = { kind: 'video', id: video.requestVideoFrameCallback(onFrame) };
    } else {
      this.frameHandle = { kind: 'raf', id: requestAnimationFrame(onFrame) };
    }
  }

  private cancelFrame(): void {
    const h = this.frameHandle;
    this.frameHandle = undefined;
    if (!h) return;
    if (h.kind === 'video') this.video?.cancelVideoFrameCallback(h.id);
    else cancelAnimationFrame(h.id);
  }

  private async decodeFrame(generation: number): Promise<void> {
    this.frameHandle = undefined;
    const video = this.video;
    const decoder = this.decoder;
    if (!video || !decoder || generation !== this.generation) return;
    try {
      if (video.readyState >= HAVE_CURRENT_DATA && video.videoWidth > 0) {
        // createImageBitmap copies the frame off the main thread's critical path; the worker reads its pixels.
        const frame = await createImageBitmap(video);
        const depth = ++this.framesDecoded % DEEP_PASS_EVERY === 0 ? 'full' : 'fast';
        const code = await decoder.decode(frame, depth);
        if (code && generation === this.generation) this.report(code);
      }
    } catch {
      // One bad frame (a resize mid-grab, a worker hiccup) is not worth stopping the camera for.
    }
    this.nextFrame(generation);
  }

  private report(code: DecodedCode): void {
    const now = performance.now();
    const last = this.lastSeen.get(code.text);
    // Refreshed on every sighting: a code held in view is reported once, not every REPEAT_AFTER_MS.
    this.lastSeen.delete(code.text);
    this.lastSeen.set(code.text, now);
    if (this.lastSeen.size > MAX_REMEMBERED_CODES) {
      for (const [text, at] of this.lastSeen) {
        // Oldest first (insertion order): expired ones go, and the oldest live ones if still too many.
        if (now - at >= (this.options.repeatAfterMs ?? REPEAT_AFTER_MS) || this.lastSeen.size > MAX_REMEMBERED_CODES) this.lastSeen.delete(text);
      }
    }
    if (last !== undefined && now - last < (this.options.repeatAfterMs ?? REPEAT_AFTER_MS)) return;
    this.options.onCode({ text: code.text, format: code.format });
  }

  private async refreshCameras(): Promise<void> {
    const generation = this.generation;
    let devices: MediaDeviceInfo[];
    try {
      devices = await navigator.mediaDevices.enumerateDevices();
    } catch {
      return;
    }
    if (generation !== this.generation) return;
    this.cameras = devices.filter((d) => d.kind === 'videoinput' && d.deviceId).map((d) => ({ deviceId: d.deviceId, label: d.label }));
    this.changed();
  }

  private set(status: ScannerStatus, problem?: ScannerProblem): void {
    this.status = status;
    this.problem = problem;
    this.changed();
  }

  private changed(): void {
    this.host.requestUpdate();
    this.options.onStateChange?.();
  }
}

function stopTracks(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

function isNamed(err: unknown, ...names: string[]): boolean {
  return err instanceof Error && names.includes(err.name);
}

/** getUserMedia's errors, as the states the view explains. */
function problemOf(err: unknown): ScannerProblem {
  if (isNamed(err, 'NotAllowedError', 'SecurityError')) return 'denied';
  if (isNamed(err, 'NotReadableError', 'AbortError')) return 'in-use';
  return 'no-camera';
}
