import { defineOnce } from '../define.js';
import { VkHelp } from './vk-help.js';

defineOnce('vk-help', VkHelp);

declare global {
  interface HTMLElementTagNameMap {
    'vk-help': VkHelp;
  }
}
