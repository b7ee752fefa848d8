/**
 * Invitations, passes and badges for the kiosk: verification against the site's key set with the device's
 * own record of uses, admission, and badge tokens signed with the device's non-extractable key. Loaded
 * lazily (dynamic import) when a visitor opens Scan invitation or Check out — never for the first screen.
 */
import type { SiteConfig } from '../src/domain/site.js';
import type { Visit, VisitDraft } from '../src/domain/visit.js';
import { signBadge, verifyToken, type VerifyResult } from '../src/invite/index.js';
import { SyncStore, VisitStore, IdbUseRecorder, deviceBadgeKey } from '../src/storage/index.js';

/** How long a badge's check-out code stays valid after admission: the rest of a long working day. */
export const BADGE_VALIDITY_HOURS = 16;

export type ArrivalResult = Extract<VerifyResult, { kind: 'invitation' | 'pass' }> | Extract<VerifyResult, { ok: false }>;

/** Verifies a scanned or typed invitation or pass, without using it up yet (the visitor confirms first). */
export async function verifyArrival(code: string, site: SiteConfig, dbName: string): Promise<ArrivalResult> {
  if (!site.keySet) return { ok: false, code: 'invite-unknown-key' };
  const result = await verifyToken(code, {
    keySet: site.keySet,
    siteId: site.id,
    timeZone: site.timeZone,
    uses: new IdbUseRecorder(dbName),
    kinds: ['invitation', 'pass'],
  });
  // Revoked at the hub (pulled by kiosk/sync-bridge.ts): refused like a token of a revoked key — the visitor
  // hears "no longer valid, please see reception", and walk-in registration stays open.
  if (result.ok && result.kind !== 'badge' && (await new SyncStore(dbName).isRevoked(result.claims.jti).catch(() => false))) return { ok: false, code: 'invite-revoked-key' };
  return result as ArrivalResult;
}

/** What the confirmation screen shows and what admission stores, from a verified invitation or pass. */
export function arrivalDraft(result: Extract<ArrivalResult, { ok: true }>, site: SiteConfig, now: Date): VisitDraft {
  const c = result.claims;
  const unit = site.directory.units.find((u) => u.id === c.h || u.label === c.h);
  const person = site.directory.people.find((p) => p.id === c.h);
  const host = unit
    ? { kind: 'unit' as const, id: unit.id, label: unit.label }
    : person
      ? { kind: 'person' as const, id: person.id, label: person.name }
      : { kind: 'free-text' as const, label: c.h };
  return {
    // The code carries no name: the badge shows the unit visited instead, and the desk knows the invitation.
    visitor: { fullName: '', phone: '', organisation: '', partySize: c.p ?? 1 },
    visitorType: c.vt,
    purpose: 'other',
    host,
    hasAppointment: true,
    // Whoever issued the code vouched for the visitor: the host's confirmation, given in advance.
    identity: { method: 'host-confirmation' },
    consent: { noticeVersion: site.privacy.noticeVersion, kind: site.jurisdiction === 'HK' ? 'read' : 'consented', at: now.toISOString() },
    lang: 'en',
  };
}

/** Stores the admission in one transaction that also counts the use (a single-use code admits once). */
export function admit(result: Extract<ArrivalResult, { ok: true }>, draft: VisitDraft, site: SiteConfig, dbName: string): Promise<Visit> {
  const maxUses = result.kind === 'invitation' ? 1 : 'n' in result.claims ? result.claims.n : undefined;
  return new VisitStore(dbName).admitWithToken(draft, {
    siteId: site.id,
    timeZone: site.timeZone,
    now: new Date(),
    token: { jti: result.claims.jti, kind: result.kind, ...(maxUses === undefined ? {} : { maxUses }) },
  });
}

/** A signed check-out code for `visit`'s badge (the device's own key; the hub registers it at pairing). */
export async function badgeToken(visit: Visit, site: SiteConfig, dbName: string): Promise<string> {
  const key = await deviceBadgeKey(dbName);
  const until = new Date(Date.now() + BADGE_VALIDITY_HOURS * 3600 * 1000);
  return signBadge({ issuer: visit.deviceId, site: site.id, visitId: visit.id, until }, { kid: key.kid, privateKey: key.privateKey });
}

/** The result of presenting a badge at check-out. */
export type CheckOutResult = { ok: true; visit: Visit } | { ok: false; code: string };

/** Verifies a badge's code against this device's key and checks the visit out. */
export async function checkOutWithBadge(code: string, site: SiteConfig, dbName: string): Promise<CheckOutResult> {
  const key = await deviceBadgeKey(dbName);
  const result = await verifyToken(code, {
    keySet: { keys: [{ kid: key.kid, jwk: key.publicJwk, status: 'current' }] },
    siteId: site.id,
    timeZone: site.timeZone,
    uses: new IdbUseRecorder(dbName),
    kinds: ['badge'],
  });
  if (!result.ok) return result;
  if (result.kind !== 'badge') return { ok: false, code: 'invite-wrong-kind' };
  try {
    const visit = await new VisitStore(dbName).checkOut(result.claims.v, new Date());
    return { ok: true, visit };
  } catch (err) {
    // The life-cycle refuses a second check-out (RangeError); an unknown visit was admitted elsewhere.
    // Either way the visitor is told plainly and sent to reception, never left stuck.
    return { ok: false, code: err instanceof RangeError ? 'badge-already-out' : 'badge-unknown' };
  }
}

/** Records the satisfaction answer given at check-out. */
export function recordFeedback(visitId: string, rating: 'satisfied' | 'basically-satisfied' | 'dissatisfied', reason: string, dbName: string): Promise<Visit> {
  return new VisitStore(dbName).recordFeedback(visitId, reason ? { rating, reason } : { rating }, new Date());
}

/** The badge's QR code as a data: URL image (the CSP allows `img-src data:`), drawn by the `qrcode` library. */
export async function qrDataUrl(token: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: 2, scale: 4 });
}
