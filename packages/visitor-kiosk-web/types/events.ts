/** The event classes and their details (`visitor-kiosk-web/events`: no element is registered by it). */
export * from '../../../kiosk/events.js';
export { VisitFlaggedEvent, type VisitFlaggedDetail } from '../../../desk/events.js';
