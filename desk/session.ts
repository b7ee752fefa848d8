/**
 * Signing in at the desk before the hub exists: the staff list (names, roles and PIN *hashes* only) comes
 * from `staff-src` (`npm start` serves `/staff.json`, made on first start with the PIN it prints) and is
 * kept on the device, so the desk signs in offline too. The hub issue replaces this with server-side sign-in
 * (a fetched hash can be attacked offline; the hub will not hand hashes out).
 */
import type { StaffMember } from '../src/domain/desk.js';
import { DeskStore } from '../src/storage/desk.js';
import { LOCK_MINUTES, signIn } from './auth.js';

/** One entry of the served staff list. */
interface StaffEntry {
  id: string;
  name: string;
  role: StaffMember['role'];
  pinHash: string;
  pinSalt: string;
  iterations: number;
}

const isStaffEntry = (x: unknown): x is StaffEntry => {
  if (!x || typeof x !== 'object') return false;
  const e = x as Record<string, unknown>;
  return (
    typeof e['id'] === 'string' &&
    typeof e['name'] === 'string' &&
    (e['role'] === 'receptionist' || e['role'] === 'guard' || e['role'] === 'site-manager' || e['role'] === 'customer-service') &&
    typeof e['pinHash'] === 'string' &&
    typeof e['pinSalt'] === 'string' &&
    typeof e['iterations'] === 'number'
  );
};

/** Brings the device's staff list up to date with the served one (failure counts stay as they are). */
async function syncStaff(store: DeskStore, siteId: string, staffSrc: string): Promise<void> {
  if (!staffSrc) return;
  let list: unknown;
  try {
    const response = await fetch(staffSrc, { credentials: 'same-origin', cache: 'no-cache' });
    if (!response.ok) return;
    list = await response.json();
  } catch {
    return; // offline: sign in against the staff already on the device
  }
  if (!Array.isArray(list)) return;
  for (const entry of list.filter(isStaffEntry)) {
    const current = await store.getStaff(entry.id);
    if (current && current.pinHash === entry.pinHash && current.name === entry.name && current.role === entry.role) continue;
    await store.putStaff({
      id: entry.id,
      siteId,
      name: entry.name,
      role: entry.role,
      pinHash: entry.pinHash,
      pinSalt: entry.pinSalt,
      iterations: entry.iterations,
      failedAttempts: current?.failedAttempts ?? 0,
      ...(current?.lockedUntil ? { lockedUntil: current.lockedUntil } : {}),
    });
  }
}

export type DeskSignIn = { ok: true; staff: StaffMember } | { ok: false; code: 'pin-wrong' | 'pin-locked'; minutes?: number };

/** Checks a PIN against the site's staff (the field is labelled only PIN: whoever's hash matches signs in). */
export async function signInWithPin(dbName: string, siteId: string, staffSrc: string, pin: string, now: Date): Promise<DeskSignIn> {
  const store = new DeskStore(dbName);
  await syncStaff(store, siteId, staffSrc);
  const result = await signIn(store, undefined, pin, now, siteId);
  if (result.ok) return result;
  if (result.code === 'pin-locked') {
    const minutes = result.retryAt ? Math.max(1, Math.ceil((Date.parse(result.retryAt) - now.getTime()) / 60_000)) : LOCK_MINUTES;
    return { ok: false, code: 'pin-locked', minutes };
  }
  return { ok: false, code: 'pin-wrong' };
}
