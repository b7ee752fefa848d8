/**
 * A scripted, in-memory hub behind the sync `Transport` interface (ours, not a browser API): it applies
 * pushes with the hub's rules — idempotent per (device, seq), the visit merge rule, gap detection — and can
 * be told to fail the next requests in the ways a lobby network fails: no answer, a 500, an answer lost
 * after the hub committed, a refusal of one entry.
 */
import type { Visit } from '../../../src/domain/visit.js';
import { pushRequestSchema, type PairReply, type PairRequest, type PullReply, type PushReply, type PushRequest } from '../../../src/schemas/sync.js';
import { isNewerVisit } from '../../../src/storage/index.js';
import { SyncError } from '../../../src/sync/index.js';
import type { Transport } from '../../../src/sync/index.js';

/** What the next push does instead of (or besides) succeeding. */
export type Fault =
  | 'network' // nothing reaches the hub
  | 'server' // 500 before anything is applied
  | 'lost-ack' // applied and committed, but the reply never arrives
  | 'unauthorised'
  | 'revoked' // 403 device-revoked: the hub revoked this kiosk
  | 'forbidden-device' // 403 for the request as a whole (its deviceId), no entry at fault
  | { refuseSeq: number; withPath: boolean } // 400 for the batch because of one entry
  | { tooLarge: number }; // 413 for batches above this size

export class FakeHub implements Transport {
  /** Every push request received (after faults that drop it before the hub: not recorded). */
  readonly pushes: PushRequest[] = [];
  readonly visits = new Map<string, Visit>();
  readonly seen = new Set<string>();
  /** Highest contiguous seq per device. */
  readonly last = new Map<string, number>();
  readonly gaps: { deviceId: string; expected: number; got: number }[] = [];
  faults: Fault[] = [];
  /** A fault applied to every push until cleared. */
  standing: Fault | undefined;
  pullReplies: (PullReply | SyncError)[] = [];
  pulls: (string | undefined)[] = [];
  pairs: PairRequest[] = [];
  pairReply: PairReply | SyncError | undefined;
  /** Acknowledge these extra seqs too (a buggy hub): the pusher must ignore them. */
  extraAcks: number[] = [];
  /** Acknowledge only the first N of each batch (the rest, as if the hub failed part-way). */
  ackOnly: number | undefined;

  push(batch: PushRequest): Promise<PushReply> {
    // The real hub parses every request: so does this one (a bad batch is a bug in the pusher).
    const parsed = pushRequestSchema.safeParse(batch);
    if (!parsed.success) return Promise.reject(new Error(`pusher sent a bad batch: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`));
    const fault = this.faults.shift() ?? this.standing;
    if (fault === 'network') return Promise.reject(new SyncError('network'));
    if (fault === 'server') return Promise.reject(new SyncError('server', { status: 500 }));
    if (fault === 'unauthorised') return Promise.reject(new SyncError('unauthorised', { status: 401 }));
    if (fault === 'revoked') return Promise.reject(new SyncError('forbidden', { status: 403, hubCode: 'device-revoked' }));
    if (fault === 'forbidden-device') return Promise.reject(new SyncError('forbidden', { status: 403, hubCode: 'forbidden', path: 'deviceId' }));
    if (typeof fault === 'object' && 'refuseSeq' in fault) {
      const index = batch.changes.findIndex((c) => c.seq === fault.refuseSeq);
      if (index >= 0) {
        this.faults.unshift(fault); // it stays refused however often it is sent
        return Promise.reject(new SyncError('bad-request', { status: 400, hubCode: 'bad-request', ...(fault.withPath ? { path: `changes.${index}.visit.host.label` } : {}) }));
      }
      this.faults.unshift(fault);
    }
    if (typeof fault === 'object' && 'tooLarge' in fault) {
      this.faults.unshift(fault);
      if (batch.changes.length > fault.tooLarge) return Promise.reject(new SyncError('bad-request', { status: 413, hubCode: 'too-large' }));
    }
    this.pushes.push(structuredClone(batch));
    const reply = this.#apply(batch);
    if (fault === 'lost-ack') return Promise.reject(new SyncError('network'));
    return Promise.resolve(reply);
  }

  pull(cursor: string | undefined): Promise<PullReply> {
    this.pulls.push(cursor);
    const next = this.pullReplies.shift() ?? { cursor: cursor ?? '0', revokedJtis: [], deviceRevoked: false };
    return next instanceof SyncError ? Promise.reject(next) : Promise.resolve(next);
  }

  pair(request: PairRequest): Promise<PairReply> {
    this.pairs.push(request);
    const reply = this.pairReply;
    if (reply instanceof SyncError) return Promise.reject(reply);
    return Promise.resolve(reply ?? { token: `vkd_${'A'.repeat(43)}`, siteId: 'demo', deviceId: request.deviceId });
  }

  #apply(batch: PushRequest): PushReply {
    const acked: number[] = [];
    const first = batch.changes[0]?.seq ?? 0;
    const last = this.last.get(batch.deviceId) ?? 0;
    const gap = first > last + 1 ? { expected: last + 1, got: first } : undefined;
    if (gap) this.gaps.push({ deviceId: batch.deviceId, ...gap });
    const limit = this.ackOnly ?? batch.changes.length;
    for (const [i, change] of batch.changes.entries()) {
      if (i >= limit) break;
      const key = `${batch.deviceId}:${change.seq}`;
      if (!this.seen.has(key)) {
        this.seen.add(key);
        if (change.type === 'visit') {
          const stored = this.visits.get(change.visit.id);
          if (!stored || isNewerVisit(change.visit, stored)) this.visits.set(change.visit.id, structuredClone(change.visit));
        }
      }
      acked.push(change.seq);
    }
    let top = this.last.get(batch.deviceId) ?? 0;
    while (this.seen.has(`${batch.deviceId}:${top + 1}`)) top++;
    this.last.set(batch.deviceId, top);
    return { acked: [...acked, ...this.extraAcks], ...(gap ? { gap } : {}) };
  }
}
