import { defineOnce } from '../../components/define.js';
import { VkDeskIncidents } from './vk-desk-incidents.js';

defineOnce('vk-desk-incidents', VkDeskIncidents);

declare global {
  interface HTMLElementTagNameMap {
    'vk-desk-incidents': VkDeskIncidents;
  }
}
