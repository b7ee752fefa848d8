import { defineOnce } from '../../components/define.js';
import { VkDeskPlanning } from './vk-desk-planning.js';

defineOnce('vk-desk-planning', VkDeskPlanning);

declare global {
  interface HTMLElementTagNameMap {
    'vk-desk-planning': VkDeskPlanning;
  }
}
