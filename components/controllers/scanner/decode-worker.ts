// The decode pipeline in a dedicated worker, so a 20–60 ms decode of a camera frame never blocks a tap on
// the main thread. Frames arrive as transferred ImageBitmaps (the main thread only grabs them); the pixels
// are read here. Started by frame-decoder.ts; nothing else talks to it.
import { configureDecoder, decodeImageData, warmUpDecoder } from './pipeline.js';
import type { WorkerReply, WorkerRequest } from './frame-decoder.js';

let canvas: OffscreenCanvas | undefined;
let context: OffscreenCanvasRenderingContext2D | undefined;

function pixels(frame: ImageBitmap | ImageData): ImageData {
  if (frame instanceof ImageData) return frame;
  const { width, height } = frame;
  if (!canvas || !context || canvas.width !== width || canvas.height !== height) {
    canvas = new OffscreenCanvas(width, height);
    // willReadFrequently keeps the canvas in CPU memory: every frame is read back.
    context = canvas.getContext('2d', { willReadFrequently: true }) ?? undefined;
    if (!context) throw new Error('no 2d context in the worker');
  }
  context.drawImage(frame, 0, 0);
  frame.close(); // a closed bitmap reports 0×0, hence width and height read above
  return context.getImageData(0, 0, width, height);
}

const reply = (message: WorkerReply) => postMessage(message);

addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'init') {
    configureDecoder({ wasmUrl: request.wasmUrl });
    warmUpDecoder().then(
      () => reply({ type: 'ready' }),
      (err: unknown) => reply({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
    return;
  }
  // Decodes arrive one at a time (the controller waits for each answer), so no queue is needed here.
  let image: ImageData;
  try {
    image = pixels(request.frame);
  } catch (err) {
    reply({ type: 'failed', id: request.id, message: err instanceof Error ? err.message : String(err) });
    return;
  }
  decodeImageData(image, request.depth).then(
    (code) => reply({ type: 'decoded', id: request.id, code }),
    (err: unknown) => reply({ type: 'failed', id: request.id, message: err instanceof Error ? err.message : String(err) }),
  );
});
