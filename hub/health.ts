/**
 * Health (issue 6 item 6): what the public health check says (that the hub answers, its API version and
 * database kind — nothing an outsider could use), and what staff see: each kiosk's last contact, whether it
 * has been silent too long (the site's `health.silentMinutes`, default DEFAULT_SILENT_MINUTES), and the free
 * space of the file system holding DATA_DIR.
 */
import { statfs } from 'node:fs/promises';
import { HUB_API_VERSION, type HealthReply, type SiteHealthReply } from '../src/schemas/sync.js';
import type { HubStore } from './db/index.js';
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

export async function siteHealth(store: HubStore, siteId: string, dataDir: string | undefined, now: Date): Promise<SiteHealthReply> {
  const { site, devices } = await store.read(async (repo) => ({ site: (await loadSite(repo, siteId)).site, devices: await repo.devices(siteId) }));
  const silentMinutes = site.health?.silentMinutes ?? DEFAULT_SILENT_MINUTES;
  const silentBefore = now.getTime() - silentMinutes * 60_000;
  const kiosks = devices
    .filter((d) => d.role === 'kiosk' && d.revokedAt === undefined)
    .map((d) => ({
      deviceId: d.id,
      ...(d.label !== undefined ? { label: d.label } : {}),
      ...(d.lastSyncAt !== undefined ? { lastContactAt: d.lastSyncAt } : {}),
      silent: d.lastSyncAt === undefined || Date.parse(d.lastSyncAt) < silentBefore,
    }));
  const disk = await diskOf(dataDir);
  return { checkedAt: now.toISOString(), silentMinutes, kiosks, ...(disk ? { disk } : {}) };
}
