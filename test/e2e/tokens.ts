// Invitations and passes for the end-to-end suite, signed here on the Node side with the same development
// key the e2e server trusts (`scripts/start.ts` puts its public key into `/site.json`). The key file is made
// by the server when it starts, so nothing here may run before Playwright's webServer is up.
import { E2E_DATA_DIR } from '../../playwright.config.js';
import { loadDevKey } from '../../scripts/invite.js';
import { signInvitation, signPass, type GeneratedKey, type InvitationInput, type PassInput } from '../../src/invite/index.js';
import { BASE_URL } from './helpers.js';

/** The demo site's id (src/domain/demo-site.ts) — what `/site.json` serves. */
export const SITE_ID = 'demo';
/** The demo site's time zone, in which a pass's hours are read. */
export const SITE_TIME_ZONE = 'Asia/Hong_Kong';
/** The unit invitations name as host (never a resident's name). */
export const HOST_UNIT = '12B';
/** Verification tolerates ±5 minutes of clock skew: "expired" and "not yet valid" must lie well beyond it. */
const BEYOND_SKEW_MS = 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

let keyOnce: Promise<GeneratedKey> | undefined;

/**
 * The development key of the e2e server's data directory, checked against the key set the running server
 * serves: a reused server started on another data directory would otherwise make every valid code "forged".
 */
export function devKey(): Promise<GeneratedKey> {
  keyOnce ??= (async () => {
    const key = await loadDevKey(E2E_DATA_DIR);
    const response = await fetch(`${BASE_URL}/site.json`);
    const site = (await response.json()) as { keySet?: { keys?: { kid?: string }[] } };
    const kids = (site.keySet?.keys ?? []).map((k) => k.kid);
    if (!kids.includes(key.kid)) {
      throw new Error(`the server on ${BASE_URL} does not trust ${E2E_DATA_DIR}'s development key (kid ${key.kid}; serves ${kids.join(', ') || 'none'})`);
    }
    return key;
  })();
  return keyOnce;
}

/** A single-use invitation to 12B at the demo site, valid from an hour ago for a day; `overrides` change any claim. */
export async function invitation(overrides: Partial<InvitationInput> = {}): Promise<string> {
  const now = Date.now();
  return signInvitation(
    {
      issuer: 'dev',
      site: SITE_ID,
      host: HOST_UNIT,
      visitorType: 'visiting-resident',
      from: new Date(now - HOUR_MS),
      until: new Date(now + 24 * HOUR_MS),
      ...overrides,
    },
    await devKey(),
  );
}

/** An invitation that ended well beyond the clock-skew tolerance. */
export function expiredInvitation(): Promise<string> {
  const now = Date.now();
  return invitation({ from: new Date(now - 3 * BEYOND_SKEW_MS), until: new Date(now - BEYOND_SKEW_MS) });
}

/** A standing pass at the demo site (every weekday unless `overrides` say otherwise). */
export async function pass(overrides: Partial<PassInput> = {}): Promise<string> {
  const now = Date.now();
  return signPass(
    {
      issuer: 'dev',
      site: SITE_ID,
      host: HOST_UNIT,
      visitorType: 'domestic-helper',
      from: new Date(now - HOUR_MS),
      until: new Date(now + 30 * 24 * HOUR_MS),
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      uses: 60,
      ...overrides,
    },
    await devKey(),
  );
}

/** The hour of day (0–23) at the demo site now. */
export function siteHour(at = new Date()): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone: SITE_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' }).format(at);
  return Number(hour);
}

const hhmm = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/** Pass hours around the site's current hour (an hour either side, so a test crossing the hour still fits). */
export function hoursIncludingNow(at = new Date()): [string, string] {
  const h = siteHour(at);
  return [hhmm(Math.max(0, h - 1)), h + 2 >= 24 ? '24:00' : hhmm(h + 2)];
}

/** One hour of pass hours at least eight hours from the site's current time. */
export function hoursExcludingNow(at = new Date()): [string, string] {
  const h = siteHour(at);
  return h < 12 ? ['20:00', '21:00'] : ['02:00', '03:00'];
}

/** The token with one character of its signature changed (in the middle, so it stays canonical base64url). */
export function forge(token: string): string {
  const dot = token.lastIndexOf('.');
  const at = dot + 1 + Math.floor((token.length - dot - 1) / 2);
  const original = token[at];
  const replacement = original === 'A' ? 'B' : 'A';
  return token.slice(0, at) + replacement + token.slice(at + 1);
}

/** The `jti` claim of a token (the id a visit admitted by it records as `invitation.jti`). */
export function jtiOf(token: string): string {
  const payload = token.split('.')[1] ?? '';
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { jti?: unknown };
  if (typeof claims.jti !== 'string') throw new Error('token has no jti');
  return claims.jti;
}
