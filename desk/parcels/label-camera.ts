/**
 * The desk's label camera (issue 7 item 2): open the rear camera, take one downscaled JPEG frame, end every
 * track. Not `components/vk-camera-view`: that element owns its <video> for the QR scanner and gives out codes,
 * never frames.
 */
import { MAX_LABEL_PHOTO_CHARS } from '../../src/domain/lobby/parcel.js';

/** Longest side of a stored label photo, in pixels: a label's text stays legible, the record stays small. */
export const LABEL_PHOTO_MAX_SIDE = 800;
/** JPEG quality of a label photo: printed text survives it; a 800 px frame lands around 40–90 KB. */
export const LABEL_PHOTO_QUALITY = 0.7;

/** Opens a camera, the rear one where there is a choice (the label is in front of the desk's tablet, not the guard). */
export function openLabelCamera(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: { ideal: 'environment' } } });
}

/** Ends every track of the stream at once: the camera light goes out the moment the photo is taken or cancelled. */
export function stopCamera(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/**
 * The video's current frame, scaled so its longest side is at most `LABEL_PHOTO_MAX_SIDE`, as a JPEG data URL;
 * `undefined` when the video has no frame yet. The caller refuses one longer than `MAX_LABEL_PHOTO_CHARS`
 * (`fitsLabelPhoto`), which the record's schema would refuse anyway.
 */
export function captureLabelFrame(video: HTMLVideoElement): string | undefined {
  const w = video.videoWidth;
  const h = video.videoHeight;
  if (w === 0 || h === 0) return undefined;
  const scale = Math.min(1, LABEL_PHOTO_MAX_SIDE / Math.max(w, h));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(w * scale));
  canvas.height = Math.max(1, Math.round(h * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', LABEL_PHOTO_QUALITY);
}

/** Whether a captured photo may be stored (a JPEG data URL within the record's limit). */
export function fitsLabelPhoto(dataUrl: string): boolean {
  return dataUrl.startsWith('data:image/jpeg') && dataUrl.length <= MAX_LABEL_PHOTO_CHARS;
}
