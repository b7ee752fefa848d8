/**
 * A person's rights over what the hub holds (issue 6, item 3; DOMAIN.md, Privacy — PDPO data access and
 * correction, PIPL deletion): find one person's visits by name and/or phone, **export** them (a data access
 * request) or **erase** them. A visit an open alert still refers to is evidence: it is held, and the answer says
 * so with the reason, for the site manager to tell the person; it can be erased once the incident is closed.
 *
 * Erasure reaches the devices: desks receive an `erasure` event with the visit ids and delete their copies;
 * kiosks keep acknowledged visits for at most a day (src/sync purge) and never receive others' visits.
 *
 * Lobby records (issue 7) hold names too: a parcel's collector (and signature) and whom it was collected for, a
 * restricted room's visitor, a card's holder. An erasure by name redacts them (src/domain/lobby/privacy.ts) in
 * the same transaction and sends the redacted copies to the desks as `record` events, which replace theirs by
 * the merge rule. They hold no phone, so a name alone matches them (a name and a phone: the name).
 */
import { KINDS_WITH_NAMES, redactPerson } from '../src/domain/lobby/privacy.js';
import type { LobbyRecord } from '../src/domain/lobby/record.js';
import { normaliseName } from '../src/domain/rules/watchlist.js';
import type { Visit } from '../src/domain/visit.js';
import type { HubStore } from './db/index.js';

/** Who: a name (matched as the watch list matches names: script, case, spacing) and/or an E.164 phone. */
export interface PersonQuery {
  name?: string | undefined;
  phone?: string | undefined;
}

/** Whether a visit is this person's: every given key must match (name AND phone when both are given). */
function isTheirs(visit: Visit, query: PersonQuery, name: string | undefined): boolean {
  if (name !== undefined && normaliseName(visit.visitor.fullName) !== name) return false;
  if (query.phone !== undefined && visit.visitor.phone !== query.phone && visit.message?.callbackPhone !== query.phone) return false;
  return name !== undefined || query.phone !== undefined;
}

/** Every visit of the site that is this person's. */
async function theirVisits(store: HubStore, siteId: string, query: PersonQuery): Promise<Visit[]> {
  const name = query.name !== undefined && query.name.trim() !== '' ? normaliseName(query.name) : undefined;
  if (name === undefined && query.phone === undefined) return [];
  const all = await store.read((repo) => repo.visitsBetween(siteId, undefined, undefined));
  return all.filter((v) => isTheirs(v, query, name));
}

/** A data access request: everything the hub holds about the person at the site (their visits, and the lobby records naming them, as stored). */
export async function accessRequest(store: HubStore, siteId: string, query: PersonQuery): Promise<{ visits: Visit[]; records?: LobbyRecord[] }> {
  const visits = await theirVisits(store, siteId, query);
  const name = query.name !== undefined && query.name.trim() !== '' ? normaliseName(query.name) : undefined;
  if (name === undefined) return { visits };
  // A record names them when redacting them would change it (the same fields an erasure looks at).
  const records = (await store.read((repo) => repo.records.ofKinds(siteId, KINDS_WITH_NAMES))).filter((r) => redactPerson(r, (written) => normaliseName(written) === name, new Date(r.updatedAt)) !== undefined);
  return { visits, records };
}

export interface ErasureResult {
  erased: string[];
  held: { visitId: string; reason: 'open-alert' }[];
}

/** Erases the person's visits (with their visit events and host-answer records); visits an open alert refers to are held. */
export async function eraseRequest(store: HubStore, siteId: string, query: PersonQuery, now: Date): Promise<ErasureResult> {
  const visits = await theirVisits(store, siteId, query);
  await eraseFromLobbyRecords(store, siteId, query, now);
  if (visits.length === 0) return { erased: [], held: [] };
  return store.write(async (repo) => {
    const ids = visits.map((v) => v.id);
    const held = await repo.heldVisitIds(siteId, ids);
    const erased = ids.filter((id) => !held.has(id));
    await repo.deleteVisits(siteId, erased);
    await repo.deleteVisitEvents(siteId, erased);
    await repo.hostAnswers.deleteForVisits(siteId, erased);
    if (erased.length > 0) await repo.emit(siteId, 'erasure', { type: 'erasure', visitIds: erased }, now.toISOString());
    return { erased, held: [...held].map((visitId) => ({ visitId, reason: 'open-alert' as const })) };
  });
}

/** Redacts the person's name from the site's lobby records, telling the desks; returns how many records changed. */
export async function eraseFromLobbyRecords(store: HubStore, siteId: string, query: PersonQuery, now: Date): Promise<number> {
  const name = query.name !== undefined && query.name.trim() !== '' ? normaliseName(query.name) : undefined;
  if (name === undefined) return 0;
  return store.write(async (repo) => {
    const at = now.toISOString();
    const redacted = (await repo.records.ofKinds(siteId, KINDS_WITH_NAMES)).flatMap((r) => redactPerson(r, (written) => normaliseName(written) === name, now) ?? []);
    for (const record of redacted) await repo.records.replace(record, at);
    await repo.emitMany(siteId, redacted.map((record) => ({ type: 'record', data: { type: 'record', record } })), at);
    return redacted.length;
  });
}
