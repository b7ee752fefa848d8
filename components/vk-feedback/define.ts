import { defineOnce } from '../define.js';
import { VkFeedback } from './vk-feedback.js';

defineOnce('vk-feedback', VkFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'vk-feedback': VkFeedback;
  }
}
