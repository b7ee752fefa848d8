/** Sync with the hub: the outbox pusher, pull, pairing, the desk's hub client and event stream. See README.md. */
export { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay, type BackoffOptions } from './backoff.js';
export { HubDeskClient } from './desk-client.js';
export { CHECKED_OUT_GRACE_MS, KIOSK_PURGE_POLICY, MIN_PULL_GAP_MS, PERSONAL_DATA_MAX_AGE_MS, PULL_INTERVAL_MS, PURGE_INTERVAL_MS, SyncEngine, estimateStorageUsage, type SyncEngineOptions, type SyncState } from './engine.js';
export { SYNC_ERROR_KINDS, SyncError, kindOfStatus, type SyncErrorKind } from './errors.js';
export { EventStreamClient, EventStreamParser, STREAM_SILENCE_MS, type EventStreamOptions, type StreamEvent } from './event-stream.js';
export { API_BASE, REQUEST_TIMEOUT_MS, apiUrl, hubRequest, type FetchLike } from './http.js';
export { namedLock, type Lock } from './lock.js';
export { pairDevice, type PairOptions, type PairOutcome } from './pair.js';
export { IDLE_CHECK_MS, OutboxPusher, REFUSED_RETRY_MS, type DrainResult, type OutboxPusherOptions, type PusherStore } from './pusher.js';
export { FetchTransport, type FetchTransportOptions, type Transport } from './transport.js';
