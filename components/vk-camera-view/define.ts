// The scan screen's lazy entry: `await import('…/vk-camera-view/define.js')` brings the element, the scanner
// controller and (through them) the decode worker and the zxing-wasm `.wasm` URL — none of it is on the
// kiosk's first screen.
import { defineOnce } from '../define.js';
import { VkCameraView } from './vk-camera-view.js';

defineOnce('vk-camera-view', VkCameraView);

export { VkCameraView };
export type { CameraStateDetail, CodeReadDetail } from './vk-camera-view.js';

declare global {
  interface HTMLElementTagNameMap {
    'vk-camera-view': VkCameraView;
  }
}
