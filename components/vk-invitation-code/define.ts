import { defineOnce } from '../define.js';
import { VkInvitationCode } from './vk-invitation-code.js';

defineOnce('vk-invitation-code', VkInvitationCode);

declare global {
  interface HTMLElementTagNameMap {
    'vk-invitation-code': VkInvitationCode;
  }
}
