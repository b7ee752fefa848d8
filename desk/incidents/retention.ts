import type { SiteConfig } from '../../src/domain/site.js';
import { DEFAULT_RECORD_DAYS } from '../../src/domain/site.js';
import { DeskStore, type IncidentPurgeResult } from '../../src/storage/index.js';

/**
 * The desk's incident-record retention, run at every sign-in: incident records live only on desks, so the
 * hub's retention cannot purge them. The store runs it at most once a day per device and decides in one
 * transaction (DeskStore.purgeIncidents). Never rejects: a failed purge must not stop anyone signing in —
 * it is simply tried again at the next sign-in.
 */
export async function purgeIncidentsAtSignIn(dbName: string, site: Pick<SiteConfig, 'id' | 'retention'>, now: Date): Promise<IncidentPurgeResult | undefined> {
  try {
    return await new DeskStore(dbName).purgeIncidents(site.id, now, site.retention.recordDays ?? DEFAULT_RECORD_DAYS);
  } catch (error) {
    // The error's name only: no record content reaches the console.
    console.warn('incident purge failed', error instanceof Error ? error.name : typeof error);
    return undefined;
  }
}
