/**
 * A kiosk visit that comes to complain or to ask for something opens a ledger entry, linked to the visit
 * (issue 8 item 1): the desk then sees it in the ledger with its clock running from the registration, and
 * numbers, assigns and follows it up as any other contact. Called once per visit, when the hub first sees it
 * (hub/sync/push.ts, in the push's transaction). The entry's id is the visit's, so it can never open twice.
 */
import { randomUUID } from 'node:crypto';
import type { Purpose, VisitorType } from '../src/domain/codes.js';
import { createEntry, formNumber, formYear, LedgerError, type LedgerCategory, type NewEntryInput } from '../src/domain/ledger/index.js';
import { calendarFor } from '../src/domain/rules/calendar.js';
import type { SiteConfig } from '../src/domain/site.js';
import type { Visit } from '../src/domain/visit.js';
import type { Repo } from './db/index.js';

/** The purposes that open an entry, and the staff category they start as (staff may reclassify: 001 4.2 "經過分析"). */
export const LEDGER_PURPOSES: Readonly<Partial<Record<Purpose, LedgerCategory>>> = {
  complaint: 'complaint',
  repair: 'help-request',
  'paid-service': 'paid-service',
  suggestion: 'suggestion',
};

/** Who opened it: not a member of staff but the lobby's kiosk, or a desk's registration (首問 passes to whoever takes it over). */
export const KIOSK_ACTOR = 'kiosk';
export const DESK_ACTOR = 'desk';
/** The subject a kiosk visit starts under: the kiosk asks no subject; staff set it. */
const KIOSK_SUBJECT = 'other';

/** Opens the visit's entry if its purpose calls for one; returns its form number, or undefined. */
/**
 * People who come to do a job: a contractor whose purpose is "Repair" has come to carry one out, not to report one,
 * so their visit opens no entry (the worker is not the caller the ledger follows up).
 */
export const WORKER_TYPES: ReadonlySet<VisitorType> = new Set<VisitorType>(['contractor', 'courier', 'food-delivery', 'domestic-helper', 'staff']);

export async function openEntryForVisit(repo: Repo, site: SiteConfig, visit: Visit, now: Date): Promise<string | undefined> {
  const category = LEDGER_PURPOSES[visit.purpose];
  if (!category || WORKER_TYPES.has(visit.visitorType) || (await repo.ledger.get(visit.siteId, visit.id))) return undefined;
  // A tablet's clock may run ahead of the hub's: the contact cannot have arrived after the hub heard of it.
  const receivedAt = new Date(Math.min(Date.parse(visit.createdAt), now.getTime()));
  const name = visit.visitor.fullName.trim();
  const who: NewEntryInput['who'] =
    visit.visitorType === 'resident'
      ? { kind: 'resident', unit: visit.host.label, ...(name ? { name } : {}), ...(visit.visitor.phone ? { phone: visit.visitor.phone } : {}) }
      : { kind: 'other', ...(name ? { name } : {}), ...(visit.visitor.phone ? { phone: visit.visitor.phone } : {}), ...(visit.visitor.organisation ? { organisation: visit.visitor.organisation } : {}) };
  const year = formYear(receivedAt, site.timeZone);
  const number = formNumber(year, await repo.ledger.nextNumber(visit.siteId, year));
  try {
    const entry = createEntry(
      // The kiosk asks no description: the entry says where it came from, and staff write what was said.
      { channel: 'visit', who, subject: KIOSK_SUBJECT, category, description: `Kiosk registration (${visit.purpose}), visiting ${visit.host.label}`, receivedAt: receivedAt.toISOString(), visitId: visit.id },
      { id: visit.id, siteId: visit.siteId, number },
      { at: now, by: visit.source === 'desk' ? DESK_ACTOR : KIOSK_ACTOR, calendar: calendarFor(site.jurisdiction), timeZone: site.timeZone, newId: randomUUID },
    );
    await repo.ledger.insert(entry);
    await repo.emit(entry.siteId, 'ledger', { type: 'ledger', id: entry.id, number, version: 1 }, now.toISOString());
    return number;
  } catch (error) {
    // A visit whose text the ledger refuses (too long a name for its limits) must not fail the push of visits.
    if (error instanceof LedgerError) return undefined;
    throw error;
  }
}
