/**
 * Identity numbers on the hub (issue 5, item 6). Where a site records a number, the kiosk sealed it to this
 * site's sealing key (src/invite/seal.ts); here it is opened ONCE, turned into a keyed hash (HMAC-SHA256 with
 * a site key only the hub holds, for watch-list matching) and dropped: the stored visit keeps the last four
 * characters and no sealed value, and the number exists only in this function's memory.
 *
 * The site's secrets are made on first use, so sites created before migration 0002 get them too.
 */
import { randomBytes } from 'node:crypto';
import type { Visit } from '../src/domain/visit.js';
import { generateSealingKey, identityHash, openSealed } from '../src/invite/seal.js';
import type { Repo, SiteSecretsRow } from './db/store.js';

/** Bytes of the identity-hash key: 256 bits, the HMAC-SHA256 block's worth of secret. */
const ID_HASH_KEY_BYTES = 32;

/** The site's sealing and hashing secrets, made (and stored) the first time they are needed. */
export async function siteSecrets(repo: Repo, siteId: string, at: string): Promise<SiteSecretsRow> {
  const existing = await repo.siteSecrets(siteId);
  if (existing) return existing;
  const seal = await generateSealingKey();
  const made: SiteSecretsRow = { sealKid: seal.kid, sealPrivateJwk: seal.privateJwk, sealPublicJwk: seal.publicJwk, idHashKey: randomBytes(ID_HASH_KEY_BYTES).toString('base64url') };
  if (await repo.insertSiteSecrets(siteId, made, at)) return made;
  // Another process made them a moment ago: use theirs, or kiosks would seal to a key nobody keeps.
  const theirs = await repo.siteSecrets(siteId);
  if (!theirs) throw new Error('site secrets vanished');
  return theirs;
}

/** What became of a visit's sealed number. */
export type Unsealed =
  | { kind: 'none'; visit: Visit }
  | { kind: 'hashed'; visit: Visit; idHash: string }
  /** The value did not open (another key, tampered): the visit is kept without it, the raw change set aside. */
  | { kind: 'unreadable'; visit: Visit };

/** The visit without its sealed number, and the keyed hash of that number when it opened. */
export async function unsealIdentity(visit: Visit, secrets: SiteSecretsRow): Promise<Unsealed> {
  const identity = visit.identity;
  if (identity.method !== 'recorded' || identity.sealed === undefined) return { kind: 'none', visit };
  const { sealed, ...kept } = identity;
  const stripped: Visit = { ...visit, identity: kept };
  try {
    const plain = await openSealed({ kid: secrets.sealKid, privateJwk: secrets.sealPrivateJwk }, sealed);
    const separator = plain.indexOf(':');
    const documentType = plain.slice(0, separator);
    const number = plain.slice(separator + 1);
    // The number inside must be the one whose last four the visit shows, of the document it names.
    if (separator < 1 || documentType !== identity.documentType || !number.toUpperCase().endsWith(identity.last4)) return { kind: 'unreadable', visit: stripped };
    return { kind: 'hashed', visit: stripped, idHash: await identityHash(Buffer.from(secrets.idHashKey, 'base64url'), documentType, number) };
  } catch {
    return { kind: 'unreadable', visit: stripped };
  }
}
