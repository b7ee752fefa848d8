import { defineOnce } from '../define.js';
import { VkOutcome } from './vk-outcome.js';

defineOnce('vk-outcome', VkOutcome);

declare global {
  interface HTMLElementTagNameMap {
    'vk-outcome': VkOutcome;
  }
}
