/**
 * POST /api/v1/sync/push: a device's outbox, applied in ONE transaction.
 *
 * For each change, in seq order: if (site, device, seq) is already in `changes`, it is acknowledged and
 * nothing else happens (a replayed or retried batch changes nothing); otherwise the change is recorded and the
 * visit upserted by id with the merge rule (merge.ts). The device's highest seq and its holes (gaps.ts) move
 * with it; a batch that starts after a hole says so in `gap` and is still applied. Visits seen for the first
 * time are classified (classify.ts) and single-use invitations counted across devices — all in the same
 * transaction, with the events desks receive. If anything fails, nothing is written and nothing acknowledged.
 */
import type { Alert } from '../../src/domain/desk.js';
import type { Visit } from '../../src/domain/visit.js';
import type { PushReply, PushRequest } from '../../src/schemas/sync.js';
import type { HubStore, Repo, StoredVisit } from '../db/index.js';
import { makeAlert, raiseOnce } from '../alerts.js';
import { deviceStatus } from '../devices.js';
import { HubError } from '../errors.js';
import type { Principal } from '../principal.js';
import { loadSite, type SiteRules } from '../sites.js';
import { classifyVisit } from './classify.js';
import { openEntryForVisit } from '../ledger.js';
import { requestHostAnswer } from '../notify/host-answers.js';
import { applyRecordChanges, authoriseRecord, type RecordChange } from './records.js';
import { addGap, fillGap, type Gaps } from './gaps.js';
import { incomingWins } from './merge.js';
import { siteSecrets, unsealIdentity } from '../identity.js';
import type { SiteSecretsRow } from '../db/store.js';

/** Stand-in secrets for visits without a sealed number: `unsealIdentity` returns before reading them. */
const NO_SECRETS: SiteSecretsRow = { sealKid: '', sealPrivateJwk: {}, sealPublicJwk: { kty: 'EC', crv: 'P-256', x: '', y: '' }, idHashKey: '' };

/** What a push did, for the caller's logs and tests (no personal data). */
export interface PushOutcome {
  reply: PushReply;
  /** Visits inserted or replaced by this push. */
  applied: number;
  alerts: Alert[];
}

/** Checks that need no database: who may push what. Throws `forbidden` naming the first offending field. */
function authorise(principal: Principal, body: PushRequest): void {
  if (principal.kind === 'device') {
    if (principal.revoked) throw new HubError(403, 'device-revoked', 'this device was revoked; pair it again');
    if (body.deviceId !== principal.deviceId) throw new HubError(403, 'forbidden', 'deviceId is not the token’s device', 'deviceId');
  }
  body.changes.forEach((change, i) => {
    if (change.type === 'record') return authoriseRecord(principal, change.record, i);
    if (change.visit.siteId !== principal.siteId) throw new HubError(403, 'forbidden', 'visit of another site', `changes.${i}.visit.siteId`);
    // A kiosk appends its own registrations; it never writes a visit another device made (a stolen tablet
    // must not rewrite the site's records). Desks edit any visit of their site.
    if (principal.kind === 'device' && change.visit.deviceId !== principal.deviceId) {
      throw new HubError(403, 'forbidden', 'a kiosk pushes only its own visits', `changes.${i}.visit.deviceId`);
    }
  });
}

/** Counts an invitation's admission across devices; raises `invite-reuse` when it exceeds its uses. */
async function countInvitationUse(repo: Repo, siteRules: SiteRules, visit: Visit, now: Date): Promise<Alert | undefined> {
  if (!visit.invitation) return undefined;
  const use = await repo.recordInvitationUse(visit.siteId, visit.invitation.jti, visit.id, now.toISOString());
  if (!use || use.usesAllowed === undefined || use.uses <= use.usesAllowed) return undefined;
  const alert = makeAlert({ siteId: visit.siteId, kind: 'invite-reuse', visitId: visit.id, notify: [] }, siteRules.rules, now);
  return raiseOnce(repo, alert, `${visit.id}:invite-reuse`);
}

/** Push options: where host answer links point (absent: no links are made, e.g. in benchmarks and the CLI). */
export interface PushOptions {
  hostLinkOrigin?: string;
}

export async function push(store: HubStore, principal: Principal, body: PushRequest, now: Date, options: PushOptions = {}): Promise<PushOutcome> {
  authorise(principal, body);
  const at = now.toISOString();
  const siteId = principal.siteId;
  return store.write(async (repo) => {
    let device = await repo.device(body.deviceId, true);
    if (principal.kind === 'staff' && !device) {
      await repo.insertDeskDevice(body.deviceId, siteId, at);
      device = await repo.device(body.deviceId, true);
    }
    if (!device || device.siteId !== siteId) throw new HubError(403, 'forbidden', 'unknown device for this site', 'deviceId');
    if (principal.kind === 'staff' && device.role !== 'desk') throw new HubError(403, 'forbidden', 'a staff session pushes as a desk, not as a kiosk', 'deviceId');
    if (device.revokedAt !== undefined) throw new HubError(403, 'device-revoked', 'this device was revoked; pair it again');

    const siteRules = await loadSite(repo, siteId);
    let lastSeq = device.lastSeq;
    let gaps: Gaps = device.gaps;
    let gap: PushReply['gap'];
    const acked: number[] = [];
    /** Final version of each visit this batch changed, and whether the hub had classified it before. */
    const changed = new Map<string, { visit: Visit; classified: boolean; idHash: string | undefined }>();
    let secrets: SiteSecretsRow | undefined;

    // 1. Which changes are new: one multi-row insert; a replayed seq is acknowledged and otherwise ignored.
    // (A lobby record's change keeps its record id in the `visit_id` column: the column is the change's subject.)
    const fresh = await repo.insertChanges(siteId, device.id, body.changes.map((c) => ({ seq: c.seq, visitId: c.type === 'record' ? c.record.id : c.visit.id })), at);
    // 2. The stored versions of every visit the new changes touch, read (and locked) together.
    const stored = await repo.visitsForUpdate([...new Set(body.changes.flatMap((c) => (c.type === 'visit' && fresh.has(c.seq) ? [c.visit.id] : [])))]);
    /** Lobby records of this batch, merged after the loop (records.ts). */
    const recordChanges: RecordChange[] = [];
    /** Visits this batch inserts (not stored before), by id; the rest of `changed` replaces stored rows. */
    const inserting = new Set<string>();
    const idHashes = new Map<string, string>();

    // 3. The changes in seq order, merged in memory: a visit registered and checked out in one batch ends as
    //    its last version, exactly as if the changes had come one request at a time.
    for (const [i, change] of body.changes.entries()) {
      const { seq } = change;
      acked.push(seq);
      if (!fresh.has(seq)) continue; // already held: replay
      if (change.type === 'record') {
        // The device's sequence moves exactly as for a visit's change (below).
        if (seq > lastSeq + 1) {
          if (i === 0) gap = { expected: lastSeq + 1, got: seq };
          gaps = addGap(gaps, lastSeq + 1, seq - 1);
        }
        if (seq > lastSeq) lastSeq = seq;
        else gaps = fillGap(gaps, seq);
        recordChanges.push({ seq, record: change.record });
        continue;
      }
      // A sealed identity number is opened here, hashed and dropped before anything is stored (identity.ts).
      const unsealed = await unsealIdentity(change.visit, change.visit.identity.method === 'recorded' && change.visit.identity.sealed ? (secrets ??= await siteSecrets(repo, siteId, at)) : NO_SECRETS);
      const visit = unsealed.visit;
      if (unsealed.kind === 'unreadable') await repo.quarantine(siteId, device.id, seq, 'seal-invalid', change, at);
      if (unsealed.kind === 'hashed') idHashes.set(visit.id, unsealed.idHash);

      if (seq > lastSeq + 1) {
        if (i === 0) gap = { expected: lastSeq + 1, got: seq };
        gaps = addGap(gaps, lastSeq + 1, seq - 1);
      }
      if (seq > lastSeq) lastSeq = seq;
      else gaps = fillGap(gaps, seq); // a late change filling a hole

      const before = stored.get(visit.id);
      if (before && before.siteId !== siteId) {
        // A UUIDv7 collision across sites is practically impossible; if it happens the record is kept aside,
        // acknowledged (so the kiosk does not retry forever) and never merged into another site's visit.
        await repo.quarantine(siteId, device.id, seq, 'visit-id-of-another-site', change, at);
        continue;
      }
      const current = changed.get(visit.id);
      if (!before && !current) {
        inserting.add(visit.id);
        changed.set(visit.id, { visit, classified: false, idHash: idHashes.get(visit.id) });
        continue;
      }
      const against = current ? { historyLen: current.visit.history.length, updatedAt: current.visit.updatedAt } : (before as StoredVisit);
      if (incomingWins(visit, against)) {
        changed.set(visit.id, { visit, classified: current?.classified ?? before?.classifiedAt !== undefined, idHash: idHashes.get(visit.id) ?? current?.idHash });
      }
    }

    // A visit this device sent before that the hub no longer holds was purged or erased on request: a newer
    // change (made before the device heard of the erasure) is acknowledged but must not bring the person back.
    for (const id of await repo.recordRetention.previouslyChanged(siteId, device.id, [...inserting], [...fresh])) {
      inserting.delete(id);
      changed.delete(id);
      idHashes.delete(id);
    }

    // 4. Written together: new visits in multi-row inserts, changed ones replaced. A visit another push
    //    inserted between our read and our insert is merged against what that push stored.
    const inserted = await repo.insertVisits([...inserting].map((id) => (changed.get(id) as { visit: Visit }).visit), at);
    for (const [id, entry] of changed) {
      if (inserting.has(id) && inserted.has(id)) continue;
      if (inserting.has(id)) {
        const theirs = await repo.visitForUpdate(id);
        if (!theirs) throw new Error('visit vanished inside a transaction');
        if (!incomingWins(entry.visit, theirs)) {
          changed.delete(id);
          continue;
        }
        entry.classified = theirs.classifiedAt !== undefined;
      }
      await repo.replaceVisit(entry.visit, at);
    }
    for (const [id, idHash] of idHashes) await repo.setVisitIdHash(id, idHash);

    // 5. Desks hear of every changed visit; first-seen visits are classified, invitations counted.
    const alerts: Alert[] = [];
    await repo.emitMany(siteId, [...changed.values()].map(({ visit }) => ({ type: 'visit', data: { type: 'visit', visit } })), at);
    const watchList = changed.size > 0 ? await repo.watchEntries(siteId) : [];
    const classifiedNow: string[] = [];
    for (const { visit, classified, idHash } of changed.values()) {
      const reuse = await countInvitationUse(repo, siteRules, visit, now);
      if (reuse) alerts.push(reuse);
      if (!classified) {
        const raised = await classifyVisit(repo, siteRules, visit, now, watchList, idHash);
        alerts.push(...raised);
        // The host's one-time answer link, for an arrival the rules leave to the host (notify/host-answers.ts).
        if (options.hostLinkOrigin !== undefined) await requestHostAnswer(repo, siteRules, visit, raised, now, options.hostLinkOrigin);
        // A visit to complain or ask for something opens its ledger entry (hub/ledger.ts).
        await openEntryForVisit(repo, siteRules.site, visit, now);
        classifiedNow.push(visit.id);
      }
    }
    await repo.markClassifiedMany(classifiedNow, at);
    // 6. Lobby records: merged by the same rule, announced to desks, new deliveries notified (records.ts).
    await applyRecordChanges(repo, siteId, device.id, recordChanges, at);

    const moved = lastSeq !== device.lastSeq || JSON.stringify(gaps) !== JSON.stringify(device.gaps);
    await repo.updateDeviceSync(device.id, lastSeq, gaps, at);
    if (moved) {
      await repo.emit(siteId, 'device', { type: 'device', device: deviceStatus({ ...device, lastSeq, gaps, lastSyncAt: at }) }, at);
    }
    return { reply: { acked, ...(gap ? { gap } : {}) }, applied: changed.size, alerts };
  });
}
