// The form's chunk: loaded when a visitor taps Check in, never for the welcome screen (it brings the
// phone-number library, ≈ 30 KB gzip).
import { defineOnce } from '../define.js';
import { VkReview } from './vk-review.js';
import { VkWalkInForm } from './vk-walk-in-form.js';

defineOnce('vk-walk-in-form', VkWalkInForm);
defineOnce('vk-review', VkReview);

export { VkReview, VkWalkInForm };

declare global {
  interface HTMLElementTagNameMap {
    'vk-walk-in-form': VkWalkInForm;
    'vk-review': VkReview;
  }
}
