/** The public event classes of CONTRACT.md, importable without registering either element. */
export * from '../../../kiosk/events.js';
export { VisitFlaggedEvent, type VisitFlaggedDetail } from '../../../desk/events.js';
