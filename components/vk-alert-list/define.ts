import { defineOnce } from '../define.js';
import { VkAlertList } from './vk-alert-list.js';

defineOnce('vk-alert-list', VkAlertList);

declare global {
  interface HTMLElementTagNameMap {
    'vk-alert-list': VkAlertList;
  }
}
