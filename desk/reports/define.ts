import { defineOnce } from '../../components/define.js';
import { VkDeskReports } from './vk-desk-reports.js';

defineOnce('vk-desk-reports', VkDeskReports);

declare global {
  interface HTMLElementTagNameMap {
    'vk-desk-reports': VkDeskReports;
  }
}
