/** The package's main entry: registers `<visitor-kiosk>` and `<visitor-desk>` and exports their classes and events. */
export { VisitorKiosk } from '../../../kiosk/define.js';
export { VisitorDesk } from '../../../desk/define.js';
export * from './events.js';
