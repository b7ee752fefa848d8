import { defineOnce } from '../define.js';
import { VkPinSignin } from './vk-pin-signin.js';

defineOnce('vk-pin-signin', VkPinSignin);

declare global {
  interface HTMLElementTagNameMap {
    'vk-pin-signin': VkPinSignin;
  }
}
