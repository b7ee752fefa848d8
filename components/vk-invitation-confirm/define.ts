import { defineOnce } from '../define.js';
import { VkInvitationConfirm } from './vk-invitation-confirm.js';

defineOnce('vk-invitation-confirm', VkInvitationConfirm);

declare global {
  interface HTMLElementTagNameMap {
    'vk-invitation-confirm': VkInvitationConfirm;
  }
}
