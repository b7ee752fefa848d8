/**
 * Who is calling: a paired kiosk (device token) or a signed-in member of staff (session token). Resolved from
 * the `Authorization: Bearer …` header by hub/api/auth.ts; the rest of the hub only sees this.
 */
import type { StaffRole } from '../src/domain/desk.js';

export type Principal =
  | { kind: 'device'; siteId: string; deviceId: string; revoked: boolean }
  | { kind: 'staff'; siteId: string; staffId: string; role: StaffRole; name: string; tokenHash: string };
