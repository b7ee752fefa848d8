// Where camera frames are decoded: in a worker (the default — the main thread stays free for taps) or on
// the main thread (a fallback, and the comparison the benchmark makes). Only types come from pipeline.ts
// here, so the main thread loads the barcode libraries only if it decodes in-thread.
import type { DecodeDepth, DecodedCode } from './pipeline.js';

/** Messages to the decode worker. */
export type WorkerRequest =
  | { type: 'init'; wasmUrl: string }
  | { type: 'decode'; id: number; frame: ImageBitmap | ImageData; depth: DecodeDepth };

/** Messages from the decode worker (`failed` without an id: the wasm could not be loaded). */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'decoded'; id: number; code: DecodedCode | null }
  | { type: 'failed'; id?: number; message: string };

/** Decodes frames somewhere. One frame at a time is enough: the caller waits for each answer. */
export interface FrameDecoder {
  /** Resolves once the wasm is loaded and compiled; rejects if it cannot be. */
  readonly ready: Promise<void>;
  /** Decodes one frame. Takes ownership of an ImageBitmap (transferred or closed). */
  decode(frame: ImageBitmap | ImageData, depth: DecodeDepth): Promise<DecodedCode | null>;
  /** Frees the worker or the canvas; pending decodes resolve `null`. */
  dispose(): void;
}

/** Resolves the wasm URL against the page, so a worker (whose base is its own script) fetches the same file. */
const absolute = (url: string) => new URL(url, document.baseURI).href;

interface Pending {
  resolve: (code: DecodedCode | null) => void;
  reject: (err: Error) => void;
}

/** A decoder running the pipeline in a dedicated module worker. */
export function createWorkerDecoder(wasmUrl: string): FrameDecoder {
  // The literal `new URL('./…', import.meta.url)` inside `new Worker(…)` is what Vite recognises to bundle
  // the worker and emit it under assets/ (where the service worker precaches it).
  const worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module', name: 'vk-decoder' });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let disposed = false;
  let settleReady: { resolve: () => void; reject: (err: Error) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
  // Nobody may be waiting on `ready` when it fails; the failure still reaches decode() callers.
  ready.catch(() => undefined);

  const failAll = (err: Error) => {
    settleReady?.reject(err);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };

  worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    if (reply.type === 'ready') settleReady?.resolve();
    else if (reply.type === 'failed' && reply.id === undefined) failAll(new Error(`decoder failed to load: ${reply.message}`));
    else if (reply.id !== undefined) {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.type === 'decoded') p?.resolve(reply.code);
      else p?.reject(new Error(reply.message));
    }
  });
  // A worker script that fails to load or throws at top level ends up here.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    failAll(new Error(`decoder worker error: ${event.message || 'script failed to load'}`));
  });
  worker.postMessage({ type: 'init', wasmUrl: absolute(wasmUrl) } satisfies WorkerRequest);

  return {
    ready,
    decode(frame, depth) {
      if (disposed) {
        if (frame instanceof ImageBitmap) frame.close();
        return Promise.resolve(null);
      }
      const id = nextId++;
      const transfer: Transferable[] = [frame instanceof ImageBitmap ? frame : frame.data.buffer];
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'decode', id, frame, depth } satisfies WorkerRequest, transfer);
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      worker.terminate();
      for (const p of pending.values()) p.resolve(null);
      pending.clear();
      settleReady?.reject(new Error('decoder disposed'));
    },
  };
}

/** A decoder running the pipeline on the calling thread (loaded on first use). */
export function createInlineDecoder(wasmUrl: string): FrameDecoder {
  const pipeline = import('./pipeline.js');
  const ready = pipeline.then((p) => {
    p.configureDecoder({ wasmUrl: absolute(wasmUrl) });
    return p.warmUpDecoder();
  });
  ready.catch(() => undefined);
  let canvas: OffscreenCanvas | undefined;
  let context: OffscreenCanvasRenderingContext2D | null = null;
  let disposed = false;

  const pixels = (frame: ImageBitmap | ImageData): ImageData => {
    if (frame instanceof ImageData) return frame;
    const { width, height } = frame;
    if (!canvas || canvas.width !== width || canvas.height !== height) {
      canvas = new OffscreenCanvas(width, height);
      context = canvas.getContext('2d', { willReadFrequently: true });
    }
    if (!context) throw new Error('no 2d context');
    context.drawImage(frame, 0, 0);
    frame.close();
    return context.getImageData(0, 0, width, height);
  };

  return {
    ready,
    async decode(frame, depth) {
      if (disposed) {
        if (frame instanceof ImageBitmap) frame.close();
        return null;
      }
      const p = await pipeline;
      await ready;
      return p.decodeImageData(pixels(frame), depth);
    },
    dispose() {
      disposed = true;
      canvas = undefined;
      context = null;
    },
  };
}
