import { defineOnce } from '../../components/define.js';
import { VkDeskParcels } from './vk-desk-parcels.js';

defineOnce('vk-desk-parcels', VkDeskParcels);

declare global {
  interface HTMLElementTagNameMap {
    'vk-desk-parcels': VkDeskParcels;
  }
}
