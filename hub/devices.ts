/** A device row as desks see it (`deviceStatusSchema`). */
import type { DeviceStatus } from '../src/schemas/sync.js';
import type { DeviceRow } from './db/index.js';

export function deviceStatus(row: DeviceRow): DeviceStatus {
  return {
    deviceId: row.id,
    role: row.role,
    ...(row.label !== undefined ? { label: row.label } : {}),
    ...(row.lastSyncAt !== undefined ? { lastSyncAt: row.lastSyncAt } : {}),
    lastSeq: row.lastSeq,
    gaps: row.gaps,
    revoked: row.revokedAt !== undefined,
  };
}
