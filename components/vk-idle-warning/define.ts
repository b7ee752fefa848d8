import { defineOnce } from '../define.js';
import { VkIdleWarning } from './vk-idle-warning.js';

defineOnce('vk-idle-warning', VkIdleWarning);

declare global {
  interface HTMLElementTagNameMap {
    'vk-idle-warning': VkIdleWarning;
  }
}
