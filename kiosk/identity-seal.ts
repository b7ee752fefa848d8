/**
 * Seals a recorded identity number to the hub before the visit is stored (issue 5, item 6). The form keeps
 * only the last four characters in the draft; where the site has a hub sealing key, the whole number is
 * encrypted to it here, at the last moment, so the stored row holds ciphertext this tablet cannot open. The
 * sealing code is loaded only on sites that record numbers.
 */
import { compactId } from '../src/domain/identity.js';
import type { SiteConfig } from '../src/domain/site.js';
import type { VisitDraft } from '../src/domain/visit.js';

/** The draft with `identity.sealed` added when the site records numbers and has a hub key; otherwise as it was. */
export async function sealRecordedIdentity(draft: VisitDraft, typedNumber: string, site: SiteConfig): Promise<VisitDraft> {
  const identity = draft.identity;
  if (identity.method !== 'recorded' || !site.sealKey || typedNumber.trim() === '') return draft;
  const { seal } = await import('../src/invite/seal.js');
  // Brackets are dropped for the hash's sake on the hub; the document type travels inside the ciphertext too.
  const number = compactId(typedNumber).replace(/[()]/g, '');
  const sealed = await seal({ kid: site.sealKey.kid, publicJwk: site.sealKey.jwk }, `${identity.documentType}:${number}`);
  return { ...draft, identity: { ...identity, sealed } };
}
