/**
 * Sites: creating one (the demo site on an empty database), reading its configuration and rules, and the
 * public configuration kiosks receive — the stored configuration plus the key set of the site's signing keys.
 */
import { randomInt } from 'node:crypto';
import { hashPin } from '../src/auth/pin.js';
import { DEMO_SITE } from '../src/domain/demo-site.js';
import { defaultRulesFor, type RulesConfig } from '../src/domain/rules/index.js';
import type { SiteConfig } from '../src/domain/site.js';
import { generateSigningKey, type GeneratedKey } from '../src/invite/index.js';
import { parseRulesConfig } from '../src/schemas/rules.js';
import { parseSiteConfig } from '../src/schemas/site.js';
import type { HubStore, Repo } from './db/index.js';
import { HubError } from './errors.js';
import { newPairCode, secretHash } from './secrets.js';
import { siteSecrets } from './identity.js';

/** How long a pairing code stays valid: a week, time to carry a printed link to a tablet in another building. */
export const PAIR_CODE_DAYS = 7;
/** Digits of a PIN `npm start` makes up for the first staff member. */
const FIRST_PIN_DIGITS = 6;

/** A site's configuration and rules, parsed. */
export interface SiteRules {
  site: SiteConfig;
  rules: RulesConfig;
}

/** Reads and validates a site; `not-found` when there is none with this id. */
export async function loadSite(repo: Repo, siteId: string): Promise<SiteRules> {
  const row = await repo.site(siteId);
  if (!row) throw new HubError(404, 'not-found', 'no such site');
  const site = parseSiteConfig(row.config);
  if (!site.ok) throw new Error(`site ${siteId}: stored configuration is invalid (${JSON.stringify(site.details)})`);
  if (row.rules === undefined) return { site: site.value, rules: defaultRulesFor(site.value.kind) };
  const rules = parseRulesConfig(row.rules);
  // Stored rules were validated when written; if a later version tightened the schema, the defaults keep the
  // desk working rather than leaving every arrival unclassified.
  return { site: site.value, rules: rules.ok ? rules.value : defaultRulesFor(site.value.kind) };
}

/** The configuration a kiosk receives: the stored one with the site's public key set. */
export async function publicSiteConfig(repo: Repo, siteId: string): Promise<SiteConfig> {
  const { site } = await loadSite(repo, siteId);
  const keySet = await repo.keySet(siteId);
  // Kiosks of a site that records identity numbers seal them to this key (src/invite/seal.ts); other sites
  // never ask for a number, and get no key to tempt a configuration mistake.
  const sealKey = site.identity.mode === 'record-number' ? await sealKeyOf(repo, siteId) : undefined;
  // The host directory (addresses for answer links) and the site's SMTP relay are the hub's alone: never on a lobby tablet or a desk.
  const { hosts: _hosts, smtp: _smtp, ...shared } = site;
  return { ...shared, ...(keySet.keys.length > 0 ? { keySet } : {}), ...(sealKey ? { sealKey } : {}) };
}

/**
 * The site's public sealing key. Read-only (pull and /site.json run in read snapshots): the secrets are made
 * when the site is created and, for sites older than migration 0002, when the hub starts (`ensureSiteSecrets`).
 */
async function sealKeyOf(repo: Repo, siteId: string): Promise<SiteConfig['sealKey']> {
  const secrets = await repo.siteSecrets(siteId);
  return secrets && { kid: secrets.sealKid, jwk: secrets.sealPublicJwk };
}

/** Makes the sealing and hashing secrets of every site that has none yet (sites made before migration 0002). */
export async function ensureSiteSecrets(store: HubStore, at: Date): Promise<void> {
  await store.write(async (repo) => {
    for (const id of await repo.siteIds()) await siteSecrets(repo, id, at.toISOString());
  });
}

/** Creates a site with its signing key (a fresh one unless `signingKey` is given). */
export async function createSite(repo: Repo, config: SiteConfig, at: Date, signingKey?: GeneratedKey): Promise<void> {
  const parsed = parseSiteConfig(config);
  if (!parsed.ok) throw new HubError(400, 'bad-request', 'invalid site configuration', String(parsed.details?.['path'] ?? ''));
  const key = signingKey ?? (await generateSigningKey());
  await repo.insertSite(parsed.value, undefined, at.toISOString());
  await repo.insertSigningKey({ kid: key.kid, siteId: config.id, privateJwk: key.privateJwk, publicJwk: key.publicJwk, status: 'current' }, at.toISOString());
  await siteSecrets(repo, config.id, at.toISOString());
}

/** Makes a one-time pairing code for `siteId`; only its hash is stored. Returns the code (shown once). */
export async function createPairCode(repo: Repo, siteId: string, at: Date): Promise<string> {
  if (!(await repo.site(siteId))) throw new HubError(404, 'not-found', 'no such site');
  const code = newPairCode();
  await repo.insertPairCode(secretHash(code), siteId, new Date(at.getTime() + PAIR_CODE_DAYS * 86_400_000).toISOString(), at.toISOString());
  return code;
}

/** What the first start made: the site, the first staff member's PIN (printed once) and a pairing code. */
export interface Bootstrap {
  siteId: string;
  pin: string;
  pairCode: string;
}

/**
 * On an empty database: creates the demo site (signed with `signingKey`, the development key), its first staff
 * member (a site manager, PIN `adminPin` or six random digits) and a pairing code, in one transaction.
 * Returns undefined when any site exists already. Two processes starting at once create one demo site: the
 * second one's insert fails on the primary key and rolls back, and it finds the site on retry.
 */
export async function bootstrapIfEmpty(store: HubStore, options: { adminPin?: string | undefined; signingKey?: GeneratedKey; now: Date }): Promise<Bootstrap | undefined> {
  const pin = options.adminPin ?? String(randomInt(0, 10 ** FIRST_PIN_DIGITS)).padStart(FIRST_PIN_DIGITS, '0');
  if (!/^\d{4,8}$/.test(pin)) throw new RangeError('VK_ADMIN_PIN must be 4 to 8 digits');
  // Hashing takes ~50 ms: done before the transaction, which then holds the write lock only briefly.
  const hash = await hashPin(pin);
  return store.write(async (repo) => {
    if ((await repo.siteCount()) > 0) return undefined;
    await createSite(repo, DEMO_SITE, options.now, options.signingKey);
    await repo.insertStaff({ id: 'admin', siteId: DEMO_SITE.id, name: 'Site manager', role: 'site-manager', ...hash }, options.now.toISOString());
    const pairCode = await createPairCode(repo, DEMO_SITE.id, options.now);
    return { siteId: DEMO_SITE.id, pin, pairCode };
  });
}

/**
 * Sets the first staff member's PIN to VK_ADMIN_PIN on a database that already exists (the behaviour `npm start`
 * had before the hub: the variable always wins), so an end-to-end run on a reused data directory knows the PIN.
 */
export async function resetAdminPin(store: HubStore, siteId: string, pin: string, at: Date): Promise<boolean> {
  const hash = await hashPin(pin);
  return store.write(async (repo) => repo.setStaffPin(siteId, 'admin', hash, at.toISOString()));
}
