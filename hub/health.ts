/**
 * Health (issue 6 item 6): what the public health check says (that the hub answers, its API version and
 * database kind — nothing an outsider could use), and what staff see: each kiosk's last contact, whether it
 * has been silent too long (the site's `health.silentMinutes`, default DEFAULT_SILENT_MINUTES), what it last
 * reported with its pull (outbox pending count, browser storage use), the free space of the file system holding
 * DATA_DIR, and the hub's version and database kind.
 */
import { statfs } from 'node:fs/promises';
import { HUB_API_VERSION, type HealthReply, type SiteHealthReply } from '../src/schemas/sync.js';
import { makeAlert, raiseOnce } from './alerts.js';
import type { Alert } from '../src/domain/desk.js';
import type { HubStore } from './db/index.js';
import type { DeviceReportRow } from './db/device-report-store.js';
import { loadSite } from './sites.js';

/** A kiosk not heard from for an hour is silent: kiosks pull every few minutes while they run. */
export const DEFAULT_SILENT_MINUTES = 60;

export const publicHealth = (store: HubStore): HealthReply => ({ ok: true, version: HUB_API_VERSION, db: store.dialect === 'sqlite' ? 'sqlite' : 'postgres' });

/** Free and total bytes where `dir` lives; undefined when it cannot be read (no data directory). */
export async function diskOf(dir: string | undefined): Promise<{ freeBytes: number; totalBytes: number } | undefined> {
  if (!dir) return undefined;
  try {
    const s = await statfs(dir);
    return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
  } catch {
    return undefined;
  }
}

const reportOf = (r: DeviceReportRow | undefined): { pending?: number; storageBytes?: number; reportedAt?: string } =>
  r === undefined ? {} : { reportedAt: r.reportedAt, ...(r.pending !== undefined ? { pending: r.pending } : {}), ...(r.storageBytes !== undefined ? { storageBytes: r.storageBytes } : {}) };

export async function siteHealth(store: HubStore, siteId: string, dataDir: string | undefined, now: Date): Promise<SiteHealthReply> {
  const { site, devices, reports } = await store.read(async (repo) => ({
    site: (await loadSite(repo, siteId)).site,
    devices: await repo.devices(siteId),
    reports: await repo.deviceReports.forSite(siteId),
  }));
  const silentMinutes = site.health?.silentMinutes ?? DEFAULT_SILENT_MINUTES;
  const silentBefore = now.getTime() - silentMinutes * 60_000;
  const kiosks = devices
    .filter((d) => d.role === 'kiosk' && d.revokedAt === undefined)
    .map((d) => ({
      deviceId: d.id,
      ...(d.label !== undefined ? { label: d.label } : {}),
      ...(d.lastSyncAt !== undefined ? { lastContactAt: d.lastSyncAt } : {}),
      silent: d.lastSyncAt === undefined || Date.parse(d.lastSyncAt) < silentBefore,
      // What the kiosk said with its last pull (hub/sync/pull.ts): its outbox count and storage use.
      ...reportOf(reports.get(d.id)),
    }));
  const disk = await diskOf(dataDir);
  const { ok: _ok, ...hub } = publicHealth(store);
  return { checkedAt: now.toISOString(), silentMinutes, kiosks, ...(disk ? { disk } : {}), hub };
}

/** How often the hub checks its own health (kiosks silent, webhooks failing, disk): silence is counted in minutes. */
export const HEALTH_TICK_MS = 60_000;
/** The disk of DATA_DIR is nearly full below this share free… */
export const DISK_LOW_FREE_RATIO = 0.05;
/** …or below this many bytes free (1 GiB: a day of busy sites' records and a backup still fit). */
export const DISK_LOW_FREE_BYTES = 1024 ** 3;

const diskLow = (disk: { freeBytes: number; totalBytes: number }): boolean =>
  disk.freeBytes < DISK_LOW_FREE_BYTES || (disk.totalBytes > 0 && disk.freeBytes / disk.totalBytes < DISK_LOW_FREE_RATIO);

/** Stores a health alert under `issue.key` unless one exists already (the key names the episode); true when raised. */
async function raiseHealth(store: HubStore, siteId: string, issue: { key: string; health: NonNullable<Alert['health']> }, now: Date): Promise<boolean> {
  return store.write(async (repo) => {
    const { rules } = await loadSite(repo, siteId);
    // Nobody beyond the desk is notified: a health alert is not an incident (and is not sent out: notify/enqueue.ts).
    const alert = makeAlert({ siteId, kind: 'health', notify: [], health: issue.health }, rules, now);
    return (await raiseOnce(repo, alert, issue.key)) !== undefined;
  });
}

export interface HealthCheckOptions {
  /** DATA_DIR, for the disk check (SQLite only: a PostgreSQL hub's data is on the database server). */
  dataDir?: string | undefined;
  /** Free space of DATA_DIR; defaults to statfs (tests pass their own). */
  disk?: (dir: string | undefined) => Promise<{ freeBytes: number; totalBytes: number } | undefined>;
}

/**
 * The periodic health check: a non-incident `health` alert on the site's desks when a kiosk has been silent
 * past the site's limit, when a webhook delivery failed for good, or when the disk of DATA_DIR is nearly full —
 * once per episode. Episodes are named by what started them, so the check keeps no state a second hub process
 * would not share: a silent kiosk by its last contact (`health:silent:<device>:<last contact>` — a sync ends
 * the episode, the next silence has a new key), failing webhooks by the first failure after the last success.
 * The disk is the one thing only this process sees (SQLite has one hub process); its episode starts when it
 * is first seen low and ends when it is not.
 */
export class HealthCheck {
  private diskLowSince: string | undefined;

  constructor(
    private readonly store: HubStore,
    private readonly options: HealthCheckOptions = {},
  ) {}

  /** One round at `now`; returns the dedupe keys of the alerts raised. */
  async run(now: Date): Promise<string[]> {
    const raised: string[] = [];
    const siteIds = await this.store.read((repo) => repo.siteIds());
    const disk = this.store.dialect === 'sqlite' && this.options.dataDir ? await (this.options.disk ?? diskOf)(this.options.dataDir) : undefined;
    if (disk && diskLow(disk)) this.diskLowSince ??= now.toISOString();
    else this.diskLowSince = undefined;
    for (const siteId of siteIds) {
      const { site, devices, failure } = await this.store.read(async (repo) => ({
        site: (await loadSite(repo, siteId)).site,
        devices: await repo.devices(siteId),
        failure: await repo.notify.firstFailureSinceSuccess(siteId),
      }));
      const silentBefore = now.getTime() - (site.health?.silentMinutes ?? DEFAULT_SILENT_MINUTES) * 60_000;
      const issues: { key: string; health: NonNullable<Alert['health']> }[] = [];
      for (const d of devices) {
        if (d.role !== 'kiosk' || d.revokedAt !== undefined || d.lastSyncAt === undefined) continue; // never synced: not yet in service
        if (Date.parse(d.lastSyncAt) < silentBefore) issues.push({ key: `health:silent:${d.id}:${d.lastSyncAt}`, health: { cause: 'kiosk-silent', deviceId: d.id } });
      }
      if (failure) issues.push({ key: `health:webhook:${failure.id}`, health: { cause: 'webhook-failed' } });
      if (this.diskLowSince !== undefined) issues.push({ key: `health:disk:${this.diskLowSince}`, health: { cause: 'disk-low' } });
      for (const issue of issues) if (await raiseHealth(this.store, siteId, issue, now)) raised.push(issue.key);
    }
    return raised;
  }
}
