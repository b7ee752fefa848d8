import { defineOnce } from '../define.js';
import { VkEvacuationList } from './vk-evacuation-list.js';

defineOnce('vk-evacuation-list', VkEvacuationList);

declare global {
  interface HTMLElementTagNameMap {
    'vk-evacuation-list': VkEvacuationList;
  }
}
