/**
 * Reports on the hub (issue 8 item 6): a site's report for a period is the sections of every provider in
 * `REPORT_PROVIDERS`, each built from SQL aggregates (hub/db/reports-store.ts) with the pure arithmetic of
 * src/domain/reports. A feature with figures of its own (the ledger, parcels, cards, goods passes) writes a
 * provider — an async function from the period's context to sections — and adds it to the list: one line.
 *
 * Who reads what: a site manager their own site; the company role the sum of its sites' cross-site sections
 * and each site's cross-site sections by site id — counts only, never a name, a person's id or free text.
 * Every read is audited (`report-read`, hub/audit.ts) for each site read, in the transaction of the read.
 */
import { incidentsByClass } from '../src/domain/reports/incidents.js';
import { ledgerSections } from '../src/domain/reports/ledger.js';
import { lobbySections } from '../src/domain/reports/lobby.js';
import { GUARD_KINDS } from '../src/domain/lobby/guard.js';
import { periodBounds, type ReportPeriod } from '../src/domain/reports/period.js';
import { mergeReports, type Report, type ReportSection } from '../src/domain/reports/report.js';
import { visitsByDay, visitsByHour, visitsByType } from '../src/domain/reports/visits.js';
import type { SiteConfig } from '../src/domain/site.js';
import { CLI_ACTOR } from '../src/schemas/audit.js';
import { reportReplySchema, type ReportReply } from '../src/schemas/reports.js';
import { recordAudit } from './audit.js';
import type { HubStore, Repo } from './db/index.js';
import { HubError } from './errors.js';
import type { Principal } from './principal.js';
import { loadSite } from './sites.js';

/** What a provider is given: the transaction, the site and its configuration, the period and its instants. */
export interface ReportContext {
  repo: Repo;
  siteId: string;
  site: SiteConfig;
  period: ReportPeriod;
  /** The period's instants in the site's zone: `start <= t < end`. */
  bounds: { start: Date; end: Date };
  /** The hub's clock (hub/clock.ts): what is "overdue" is decided against it. */
  now: Date;
}

export type ReportProvider = (context: ReportContext) => Promise<ReportSection[]>;

/** Visits by type (purged ones included), by local hour and by local day. */
export const visitProvider: ReportProvider = async ({ repo, siteId, site, period }) => [
  visitsByType(await repo.reports.visitsByType(siteId, period.from, period.to)),
  visitsByHour(await repo.reports.visitBuckets(siteId, period.from, period.to), site.timeZone),
  visitsByDay(await repo.reports.visitsByDay(siteId, period.from, period.to), period),
];

/**
 * Incidents by class, from the hub's alerts. The incident RECORDS (and their on-time rate) are kept by the desk
 * (src/storage/desk.ts): the desk's report view adds that section from its own records.
 */
export const incidentProvider: ReportProvider = async ({ repo, siteId, bounds }) => [incidentsByClass(await repo.reports.alertsByClass(siteId, bounds.start.toISOString(), bounds.end.toISOString()))];

/**
 * Most ledger entries one site's report reads for a period: far above a busy desk's year (tens a day). The
 * ledger's follow-ups, satisfaction and valid marks live in the entry's JSON, so its figures are computed from
 * the period's entries (src/domain/reports/ledger.ts) rather than in SQL like the visits'.
 */
export const MAX_REPORT_LEDGER_ENTRIES = 100_000;

/** The ledger's contacts, clocks, follow-ups, satisfaction and valid complaints per household. */
export const ledgerProvider: ReportProvider = async ({ repo, siteId, site, bounds, now }) => {
  const rows = await repo.ledger.list(siteId, { from: bounds.start.toISOString(), to: bounds.end.toISOString() }, MAX_REPORT_LEDGER_ENTRIES);
  return ledgerSections(
    rows.map((r) => r.entry),
    bounds,
    now,
    site.ledger?.households,
  );
};

/**
 * The lobby registers (issue 7 item 7) from the hub's lobby records: parcels received, collected, waiting and
 * how fast, then the guard's cards, goods passes, restricted-room entries, handovers and occurrences. SQL picks
 * the records the period touches; the figures need the records' histories, so they are counted here. A card's
 * "left with the card" needs its visit's status, which this provider does not read (it stays 0 at the hub).
 */
export const lobbyProvider: ReportProvider = async ({ repo, siteId, bounds }) =>
  lobbySections(await repo.records.forReport(siteId, ['parcel', ...GUARD_KINDS], bounds.start.toISOString(), bounds.end.toISOString()), bounds);

/** Every section of the hub's reports, in display order. Add a feature's provider here. */
export const REPORT_PROVIDERS: ReportProvider[] = [visitProvider, incidentProvider, ledgerProvider, lobbyProvider];

/** One site's report for a period, inside the caller's transaction. */
export async function siteReport(repo: Repo, siteId: string, period: ReportPeriod, now: Date, providers: readonly ReportProvider[] = REPORT_PROVIDERS): Promise<Report> {
  const { site } = await loadSite(repo, siteId);
  const context: ReportContext = { repo, siteId, site, period, bounds: periodBounds(period, site.timeZone), now };
  const sections: ReportSection[] = [];
  for (const provider of providers) sections.push(...(await provider(context)));
  return { period, sites: 1, sections };
}

/** Only what may leave a site: the cross-site sections. */
const crossSiteOnly = (report: Report): Report => ({ ...report, sections: report.sections.filter((s) => s.crossSite) });

/** The report a member of staff may read for `period`, audited for every site read. */
export async function readReport(store: HubStore, principal: Extract<Principal, { kind: 'staff' }>, period: ReportPeriod, now: Date): Promise<ReportReply> {
  const reply = await store.write(async (repo): Promise<ReportReply> => {
    const staff = await repo.staffById(principal.staffId);
    if (!staff) throw new HubError(401, 'unauthorised', 'unknown staff member');
    const company = staff.role === 'company';
    const siteIds = company ? await repo.staffSiteIds(staff) : [principal.siteId];
    const target = `report ${period.label}`;
    for (const siteId of siteIds) await recordAudit(repo, { siteId, actor: principal.staffId, action: 'report-read', target, at: now });
    const sites: { siteId: string; report: Report }[] = [];
    for (const siteId of siteIds) {
      const report = await siteReport(repo, siteId, period, now);
      sites.push({ siteId, report: company ? crossSiteOnly(report) : report });
    }
    const first = sites[0];
    if (!company && first) return { scope: 'site', report: first.report, sites };
    return { scope: 'company', report: mergeReports(period, sites.map((s) => s.report)), sites };
  });
  return reportReplySchema.parse(reply);
}

/** The operator's report of one site (`npm run hub -- report`), audited as the command line. */
export async function cliSiteReport(store: HubStore, siteId: string, period: ReportPeriod, now: Date): Promise<Report> {
  return store.write(async (repo) => {
    await recordAudit(repo, { siteId, actor: CLI_ACTOR, action: 'report-read', target: `report ${period.label}`, at: now });
    return siteReport(repo, siteId, period, now);
  });
}
