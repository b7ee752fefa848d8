import { defineOnce } from '../define.js';
import { VkBadge } from './vk-badge.js';

defineOnce('vk-badge', VkBadge);

declare global {
  interface HTMLElementTagNameMap {
    'vk-badge': VkBadge;
  }
}
