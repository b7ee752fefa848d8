import { defineOnce } from '../define.js';
import { VkFastEntry } from './vk-fast-entry.js';

defineOnce('vk-fast-entry', VkFastEntry);

declare global {
  interface HTMLElementTagNameMap {
    'vk-fast-entry': VkFastEntry;
  }
}
