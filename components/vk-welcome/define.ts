import { defineOnce } from '../define.js';
import { VkWelcome } from './vk-welcome.js';

defineOnce('vk-welcome', VkWelcome);

declare global {
  interface HTMLElementTagNameMap {
    'vk-welcome': VkWelcome;
  }
}
