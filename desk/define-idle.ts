import { defineOnce } from '../components/define.js';
import { VkDeskIdle } from './vk-desk-idle.js';

defineOnce('vk-desk-idle', VkDeskIdle);

declare global {
  interface HTMLElementTagNameMap {
    'vk-desk-idle': VkDeskIdle;
  }
}
