/** The kiosk's and the desk's on-device storage: the only user of idb. Start with `VisitStore`, then `DeskStore`; see README.md. */
export { BLOCKED_TIMEOUT_MS, DB_NAME, DB_VERSION, closeKioskDb, openKioskDb, type DeskMeta, type DeskMetaKey, type KioskDB, type KioskDatabase, type MetaKey, type OpenKioskDbOptions } from './db.js';
export {
  DeskStore,
  type IncidentPurgeResult,
  type AddExpectedInput,
  type AddTaskInput,
  type EscalateOptions,
  type EscalationRefusal,
  type EscalationResult,
  type HostDecisionInput,
  type IncidentPatch,
  type OpenIncidentDetails,
  type PinAttemptState,
  type PinLock,
  type PinLockPolicy,
  type RaiseAlertInput,
  type RaiseAlertResult,
  type RequestTourInput,
  type WatchEntryInput,
} from './desk.js';
export { toStorageError } from './errors.js';
export { getPersistence, requestPersistence, type PersistenceManager } from './persist.js';
export { BADGE_KEY_ID, deviceBadgeKey, type DeviceBadgeKey } from './keys.js';
export type { InvalidRow, ReadResult } from './tx.js';
export { IdbUseRecorder } from './uses.js';
export { RecordStore, newRecordId } from './records.js';
export { SyncStore, isNewerVisit, type OutboxBatch, type OutboxChange, type PurgePolicy, type PurgeResult } from './sync.js';
export { VisitStore, type AdmitContext, type AdmitToken, type FeedbackInput, type RegisterContext } from './visits.js';
