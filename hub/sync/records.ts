/**
 * Lobby records in a push (src/schemas/sync.ts `{ type: 'record', record }`): merged by the visits' rule —
 * the longer history wins, then the later `updatedAt`; a tie keeps the stored copy — inside the push's
 * transaction, after the batch's sequence bookkeeping (push.ts). Each changed record is announced to desks as a
 * `record` event; a delivery first seen whose unit is told by the hub gets its notifications queued
 * (hub/notify/deliveries.ts). A record of another site is refused (403) with the batch, as a visit is.
 */
import { isNewerRecord, type LobbyRecord } from '../../src/domain/lobby/record.js';
import type { Repo } from '../db/index.js';
import { HubError } from '../errors.js';
import { enqueueDeliveryNotifications, isHubDelivery } from '../notify/deliveries.js';
import type { Principal } from '../principal.js';

export interface RecordChange {
  seq: number;
  record: LobbyRecord;
}

/** Who may push which record: the token's site only; a kiosk only records it created itself. */
export function authoriseRecord(principal: Principal, record: LobbyRecord, index: number): void {
  if (record.siteId !== principal.siteId) throw new HubError(403, 'forbidden', 'record of another site', `changes.${index}.record.siteId`);
  if (principal.kind === 'device' && record.deviceId !== principal.deviceId) {
    throw new HubError(403, 'forbidden', 'a kiosk pushes only its own records', `changes.${index}.record.deviceId`);
  }
}

/** Merges the batch's records (in seq order), writes the winners, emits their events, queues notifications. */
export async function applyRecordChanges(repo: Repo, siteId: string, deviceId: string, changes: readonly RecordChange[], at: string): Promise<number> {
  if (changes.length === 0) return 0;
  const stored = await repo.records.forUpdate([...new Set(changes.map((c) => c.record.id))]);
  /** The final version of each record this batch changes, and whether it is new to the hub. */
  const changed = new Map<string, { record: LobbyRecord; inserting: boolean }>();
  for (const { seq, record } of changes) {
    const before = stored.get(record.id);
    if (before && before.siteId !== siteId) {
      await repo.quarantine(siteId, deviceId, seq, 'record-id-of-another-site', { record }, at);
      continue;
    }
    const current = changed.get(record.id);
    const against = current ? { historyLen: current.record.history.length, updatedAt: current.record.updatedAt } : before;
    if (!against) changed.set(record.id, { record, inserting: true });
    else if (isNewerRecord(record, against)) changed.set(record.id, { record, inserting: current?.inserting ?? false });
  }
  for (const [id, entry] of changed) {
    if (entry.inserting && !(await repo.records.insert(entry.record, at))) {
      // Another push inserted it between our read and our insert: merge against theirs.
      const theirs = (await repo.records.forUpdate([id])).get(id);
      if (theirs && !isNewerRecord(entry.record, theirs)) {
        changed.delete(id);
        continue;
      }
      entry.inserting = false;
      await repo.records.replace(entry.record, at);
    } else if (!entry.inserting) await repo.records.replace(entry.record, at);
  }
  await repo.emitMany(siteId, [...changed.values()].map(({ record }) => ({ type: 'record', data: { type: 'record', record } })), at);
  for (const { record, inserting } of changed.values()) {
    if (inserting && isHubDelivery(record)) await enqueueDeliveryNotifications(repo, record, at);
  }
  return changed.size;
}
