import { defineOnce } from '../../components/define.js';
import { VkDeskInvitations } from './vk-desk-invitations.js';

defineOnce('vk-desk-invitations', VkDeskInvitations);

declare global {
  interface HTMLElementTagNameMap {
    'vk-desk-invitations': VkDeskInvitations;
  }
}
