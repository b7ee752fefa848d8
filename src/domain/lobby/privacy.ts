/**
 * A person's erasure request (hub/privacy.ts) reaching the lobby records: the names written in them — a parcel's
 * collector (with their drawn signature) and the person it was collected for, a restricted room's visitor, a
 * card's holder written in words — are replaced, the records kept. Redacted rather than deleted: the registers'
 * counts (parcels collected, rooms entered) stay true, and a redacted copy reaches the desks through the usual
 * `record` event and merge rule (same history, later `updatedAt`: it replaces their copies), with no new event type.
 * Pure.
 */
import type { LobbyRecord } from './record.js';

/** What an erased name reads as. Not localised: it is data, shown as written in every language. */
export const ERASED_NAME = '(erased)';
/** A 1×1 transparent PNG: the signature's place once the signer is erased (the schema wants an image there). */
export const ERASED_SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** The kinds whose data can hold a person's name. */
export const KINDS_WITH_NAMES = ['parcel', 'room-entry', 'card'] as const;

/**
 * The record with every field holding `name` replaced (compared by `same`, e.g. the watch list's name match),
 * `updatedAt` moved past the stored one so the copy wins the merge; `undefined` when nothing in it is theirs.
 */
export function redactPerson(record: LobbyRecord, same: (written: string) => boolean, now: Date): LobbyRecord | undefined {
  const data = { ...record.data } as Record<string, unknown>;
  let changed = false;
  const redact = (holder: Record<string, unknown>, field: string): void => {
    const value = holder[field];
    if (typeof value === 'string' && value !== ERASED_NAME && same(value)) {
      holder[field] = ERASED_NAME;
      changed = true;
    }
  };
  if (record.kind === 'parcel' && typeof data['collection'] === 'object' && data['collection'] !== null) {
    const collection = { ...(data['collection'] as Record<string, unknown>) };
    const collector = collection['collectorName'];
    redact(collection, 'collectorName');
    // Their signature goes with their name; a namesake "on behalf of" alone keeps the collector's signature.
    if (collection['collectorName'] !== collector) collection['signature'] = ERASED_SIGNATURE;
    redact(collection, 'onBehalfOf');
    data['collection'] = collection;
  } else if (record.kind === 'room-entry') {
    redact(data, 'person');
  } else if (record.kind === 'card') {
    redact(data, 'holder');
  }
  if (!changed) return undefined;
  const updatedAt = Math.max(now.getTime(), Date.parse(record.updatedAt) + 1);
  return { ...record, updatedAt: new Date(updatedAt).toISOString(), data };
}
