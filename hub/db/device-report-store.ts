/**
 * What kiosks report about themselves with their pull (migration 0009): the outbox's pending count and the bytes
 * their browser storage uses, one row per device, replaced on each report. Reached as `repo.deviceReports` in a
 * `HubStore` transaction. Counts only — nothing about a visitor.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface DeviceReportRow {
  deviceId: string;
  pending?: number;
  storageBytes?: number;
  reportedAt: string;
}

const num = (v: number | string | null): number | undefined => (v === null ? undefined : Number(v));

export class DeviceReportRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Replaces the device's report (both engines: insert, or update on the primary key). */
  async save(siteId: string, report: DeviceReportRow): Promise<void> {
    const values = { pending: report.pending ?? null, storage_bytes: report.storageBytes ?? null, reported_at: report.reportedAt };
    await this.db
      .insertInto('device_reports')
      .values({ device_id: report.deviceId, site_id: siteId, ...values })
      .onConflict((oc) => oc.column('device_id').doUpdateSet(values))
      .execute();
  }

  /** The site's reports by device id. */
  async forSite(siteId: string): Promise<Map<string, DeviceReportRow>> {
    const rows = await this.db.selectFrom('device_reports').selectAll().where('site_id', '=', siteId).execute();
    return new Map(
      rows.map((r) => {
        const pending = num(r.pending);
        const storageBytes = num(r.storage_bytes);
        return [r.device_id, { deviceId: r.device_id, reportedAt: r.reported_at, ...(pending !== undefined ? { pending } : {}), ...(storageBytes !== undefined ? { storageBytes } : {}) }];
      }),
    );
  }
}
