// The kiosk's delivery lane, loaded when a rider taps Delivery: the welcome screen does not carry it.
import { defineOnce } from '../../components/define.js';
import { VkDeliveryLane } from './vk-delivery-lane.js';

defineOnce('vk-delivery-lane', VkDeliveryLane);

declare global {
  interface HTMLElementTagNameMap {
    'vk-delivery-lane': VkDeliveryLane;
  }
}
