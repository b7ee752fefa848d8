/** Types of `visitor-kiosk-web` (dist/index.js): registers both elements; exports their classes and events. */
export * from './kiosk.js';
export * from './desk.js';
