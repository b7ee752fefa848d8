import { defineOnce } from '../../components/define.js';
import { VkDeskLedger } from './vk-desk-ledger.js';

defineOnce('vk-desk-ledger', VkDeskLedger);

declare global {
  interface HTMLElementTagNameMap {
    'vk-desk-ledger': VkDeskLedger;
  }
}
