/** The kiosk's on-device storage: the only user of idb. Start with `VisitStore`; see README.md. */
export { BLOCKED_TIMEOUT_MS, DB_NAME, DB_VERSION, closeKioskDb, openKioskDb, type KioskDB, type KioskDatabase, type MetaKey, type OpenKioskDbOptions } from './db.js';
export { toStorageError } from './errors.js';
export { getPersistence, requestPersistence, type PersistenceManager } from './persist.js';
export { BADGE_KEY_ID, deviceBadgeKey, type DeviceBadgeKey } from './keys.js';
export type { InvalidRow, ReadResult } from './tx.js';
export { IdbUseRecorder } from './uses.js';
export { VisitStore, type AdmitContext, type AdmitToken, type FeedbackInput, type RegisterContext } from './visits.js';
