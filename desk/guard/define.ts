import { defineOnce } from '../../components/define.js';
import { VkDeskGuard } from './vk-desk-guard.js';

defineOnce('vk-desk-guard', VkDeskGuard);

declare global {
  interface HTMLElementTagNameMap {
    'vk-desk-guard': VkDeskGuard;
  }
}
