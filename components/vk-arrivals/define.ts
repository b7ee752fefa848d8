import { defineOnce } from '../define.js';
import { VkArrivals } from './vk-arrivals.js';

defineOnce('vk-arrivals', VkArrivals);

declare global {
  interface HTMLElementTagNameMap {
    'vk-arrivals': VkArrivals;
  }
}
