import { defineOnce } from '../define.js';
import { VkInfoScreen } from './vk-info-screen.js';

defineOnce('vk-info-screen', VkInfoScreen);

declare global {
  interface HTMLElementTagNameMap {
    'vk-info-screen': VkInfoScreen;
  }
}
