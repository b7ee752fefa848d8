/**
 * Retention (issue 6, item 3; DOMAIN.md, Privacy): a visit log is kept for the site's `retention.visitDays`
 * (31 days on the Hong Kong demo site, the privacy commissioner's guidance for visitor records) and then its
 * personal data goes. What stays is an anonymised count per day, visitor type and status (`visit_counts`), so
 * reports still add up. A visit with an alert that is not closed is **held** — it is evidence until the
 * incident is closed — and purged by a later run.
 *
 * Purged with the visits: their `visit` events (they carry the visit; all such events also go after two days)
 * and quarantined raw changes older than the retention; their host-answer links and answers (`host_answers`). Kept: `changes` rows (a seq and a visit id, no personal data), so a kiosk replaying a purged visit's
 * change is acknowledged and the visit is NOT brought back; alerts (ids, classes, roles and times only).
 *
 * Complaints and other ledger entries (issue 8) are kept longer, by policy: once closed (resolved or followed
 * up), `retention.recordDays` after their last change (default DEFAULT_RECORD_DAYS), then deleted whole — the
 * entry holds the complainant's name and contact. An entry still open is never purged, however old. Incident
 * records still live on the desks (desk IndexedDB), not here.
 *
 * Run by the hub once a day (and at start), and by `npm run hub -- purge`.
 */
import { DEFAULT_RECORD_DAYS } from '../src/domain/site.js';
import { localDayKey } from '../src/domain/time.js';
import type { HubStore } from './db/index.js';
import { loadSite } from './sites.js';

/** Visits deleted per transaction: a site-year purges in a few hundred short transactions, never one long lock. */
const PURGE_BATCH = 500;
const DAY_MS = 86_400_000;
/** How long `visit` events are kept: a desk resuming its stream after a night or a weekend day; one away longer reloads its state. */
const EVENT_KEEP_MS = 2 * DAY_MS;

export interface PurgeResult {
  siteId: string;
  /** The first day kept (site's local date): visits registered before it were purged. */
  keptFrom: string;
  purged: number;
  held: number;
  /** Closed ledger entries (complaints, enquiries, repairs) deleted past `retention.recordDays`. */
  records: number;
}

/** Purges every site (or `siteId`) as of `now`. */
export async function purge(store: HubStore, now: Date, siteId?: string): Promise<PurgeResult[]> {
  const siteIds = siteId ? [siteId] : await store.read((repo) => repo.siteIds());
  const results: PurgeResult[] = [];
  for (const id of siteIds) {
    const { site } = await store.read((repo) => loadSite(repo, id));
    // Day keys in the site's zone: "31 days" means 31 of the site's calendar days before today, whatever the server's zone.
    const keptFrom = localDayKey(new Date(now.getTime() - site.retention.visitDays * DAY_MS), site.timeZone);
    const held = new Set<string>();
    const recent: string[] = [];
    let purged = 0;
    for (;;) {
      const done = await store.write(async (repo) => {
        const batch = (await repo.visitsBefore(id, keptFrom, PURGE_BATCH + held.size)).filter((v) => !held.has(v.id)).slice(0, PURGE_BATCH);
        if (batch.length === 0) return 0;
        const holding = await repo.heldVisitIds(id, batch.map((v) => v.id));
        for (const v of holding) held.add(v);
        const going = batch.filter((v) => !holding.has(v.id));
        const counts = new Map<string, number>();
        for (const v of going) counts.set(`${v.dayKey}|${v.visitorType}|${v.status}`, (counts.get(`${v.dayKey}|${v.visitorType}|${v.status}`) ?? 0) + 1);
        await repo.addVisitCounts(id, counts);
        await repo.deleteVisits(id, going.map((v) => v.id));
        await repo.hostAnswers.deleteForVisits(id, going.map((v) => v.id));
        // Events older than EVENT_KEEP_MS go by age below; a visit received since (a kiosk that synced late)
        // still has a recent event holding its details: those go by id, after the loop, in large chunks (each
        // chunk is one scan of the site's recent events).
        for (const v of going) if (Date.parse(v.receivedAt) >= now.getTime() - EVENT_KEEP_MS) recent.push(v.id);
        purged += going.length;
        return batch.length;
      });
      if (done === 0) break;
    }
    await store.write((repo) => repo.deleteVisitEvents(id, recent));
    // The event stream only needs recent events (a desk away for longer reloads its state): they go after
    // EVENT_KEEP_MS. Quarantined changes (set aside, never lost, for a person to look at) go with the retention.
    await store.write((repo) =>
      repo.deletePersonalRecordsBefore(id, new Date(now.getTime() - EVENT_KEEP_MS).toISOString(), new Date(now.getTime() - site.retention.visitDays * DAY_MS).toISOString()),
    );
    const recordsBefore = new Date(now.getTime() - (site.retention.recordDays ?? DEFAULT_RECORD_DAYS) * DAY_MS).toISOString();
    let records = 0;
    for (;;) {
      const n = await store.write(async (repo) => {
        const ids = await repo.recordRetention.closedLedgerBefore(id, recordsBefore, PURGE_BATCH);
        await repo.recordRetention.deleteLedgerEntries(id, ids);
        return ids.length;
      });
      records += n;
      if (n < PURGE_BATCH) break;
    }
    // Lobby records (issue 7) are a lobby log like visits: closed ones go after `visitDays` (a collector's name and
    // signature are personal data), their events after EVENT_KEEP_MS; a parcel still waiting stays.
    const lobbyBefore = new Date(now.getTime() - site.retention.visitDays * DAY_MS).toISOString();
    while ((await store.write((repo) => repo.records.deleteClosedBefore(id, lobbyBefore, PURGE_BATCH))) === PURGE_BATCH);
    await store.write((repo) => repo.records.deleteEventsBefore(id, new Date(now.getTime() - EVENT_KEEP_MS).toISOString()));
    results.push({ siteId: id, keptFrom, purged, held: held.size, records });
  }
  return results;
}
