/**
 * The guard's registers (src/domain/guard.ts) on the lobby-record envelope (./record.ts): a guard record is the
 * envelope (id, kind, site, day, times) plus `data` — everything else, `createdBy` included — and its state is
 * what its fields say happened (`stateOf`). Pure, so the desk's storage (src/storage/guard.ts) and the hub's
 * reports (hub/reports.ts) map records the same way.
 */
import type { GuardRecord, GuardRecordKind } from '../guard.js';
import type { LobbyRecord } from './record.js';

export type GuardOf<K extends GuardRecordKind> = Extract<GuardRecord, { kind: K }>;
/** What a guard record keeps in the envelope's `data`: all but the envelope's own fields. */
export type GuardData<K extends GuardRecordKind = GuardRecordKind> = Omit<GuardOf<K>, 'id' | 'kind' | 'siteId' | 'dayKey' | 'createdAt' | 'updatedAt'>;

export const GUARD_KINDS: readonly GuardRecordKind[] = ['card', 'goods-pass', 'carried', 'room-entry', 'handover', 'occurrence'];
export const isGuardKind = (kind: string): kind is GuardRecordKind => (GUARD_KINDS as readonly string[]).includes(kind);

/** The lobby-record state of a guard record: its status, or what its fields say happened. */
export function stateOf(record: GuardRecord): string {
  switch (record.kind) {
    case 'card':
      return record.returnedAt === undefined ? 'issued' : 'returned';
    case 'goods-pass':
      return record.status;
    case 'carried':
      return 'checked';
    case 'room-entry':
      return record.leftAt === undefined ? 'inside' : 'left';
    case 'handover':
      return record.acknowledgedBy === undefined ? 'waiting' : 'acknowledged';
    case 'occurrence':
      return record.alertId === undefined ? 'logged' : 'raised';
  }
}

/** The domain's record of a lobby record of a guard kind. */
export function fromLobby(record: LobbyRecord<object>): GuardRecord {
  return { ...(record.data as GuardData), id: record.id, kind: record.kind, siteId: record.siteId, dayKey: record.dayKey, createdAt: record.createdAt, updatedAt: record.updatedAt } as GuardRecord;
}

/** The `data` of a guard record. */
export function dataOf(record: GuardRecord): GuardData {
  const { id: _id, kind: _kind, siteId: _site, dayKey: _day, createdAt: _created, updatedAt: _updated, ...data } = record;
  return data;
}
