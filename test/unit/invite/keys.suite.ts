import { expect } from '@open-wc/testing';
import { KioskError } from '../../../src/domain/errors.js';
import { KID_LENGTH, generateSigningKey, importKeySet, jwkThumbprint, publicKeySet, signInvitation, verifyToken } from '../../../src/invite/index.js';
import { getKeys, invitationInput, options } from './fixtures.js';

async function configError(input: unknown): Promise<string> {
  try {
    await importKeySet(input);
  } catch (error) {
    expect(error).to.be.instanceOf(KioskError);
    expect((error as KioskError).code).to.equal('config-invalid');
    return String((error as KioskError).details['path']);
  }
  throw new Error('importKeySet accepted a bad key set');
}

describe('invite: keys and key sets', () => {
  it('computes the RFC 7638 thumbprint of an EC key (members crv, kty, x, y in order, SHA-256)', async () => {
    // The EC key of RFC 7517 Appendix A.1; the expected value was computed independently with Node's
    // crypto.createHash('sha256') over {"crv":"P-256","kty":"EC","x":"…","y":"…"} (RFC 7638 §3).
    const jwk = { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' } as const;
    expect(await jwkThumbprint(jwk)).to.equal('oKIywvGUpTVTyxMQ3bwIIeQUudfr_CkLMjCE19ECD-U');
  });

  it('generates a P-256 key whose kid is the start of its thumbprint, and no private part in the public JWK', async () => {
    const key = await generateSigningKey();
    expect(key.kid).to.have.length(KID_LENGTH);
    expect((await jwkThumbprint(key.publicJwk)).startsWith(key.kid)).to.equal(true);
    expect(Object.keys(key.publicJwk).sort()).to.deep.equal(['crv', 'kty', 'x', 'y']);
    expect(key.privateJwk.d).to.be.a('string');
  });

  it('imports a key set and reports each kid with its status', async () => {
    const { keySet, current, revoked } = await getKeys();
    const set = await importKeySet(keySet);
    expect(set.get(current.kid)?.status).to.equal('current');
    expect(set.get(current.kid)?.key).to.be.instanceOf(CryptoKey);
    expect(set.get(revoked.kid)).to.deep.equal({ status: 'revoked', key: undefined });
    expect(set.get('nope-nope-nope')).to.equal(undefined);
  });

  it('refuses bad key sets with config-invalid and the path of the problem', async () => {
    const { current, previous } = await getKeys();
    const entry = { kid: current.kid, jwk: current.publicJwk, status: 'current' };
    expect(await configError({ keys: [] })).to.equal('keySet.keys');
    expect(await configError({ keys: [entry, entry] })).to.equal('keySet.keys');
    expect(await configError({ keys: [{ ...entry, status: 'active' }] })).to.equal('keySet.keys.0.status');
    expect(await configError({ keys: [{ ...entry, jwk: { ...current.publicJwk, d: current.privateJwk.d } }] })).to.equal('keySet.keys.0.jwk');
    expect(await configError({ keys: [{ ...entry, kid: previous.kid }] }), 'kid of another key').to.equal('keySet.keys.0.kid');
    expect(await configError({ keys: [entry], jku: 'https://evil.example/keys' })).to.equal('keySet.');
    // A point that is not on the curve: a well-formed JWK that WebCrypto refuses.
    const offCurve = { ...current.publicJwk, y: current.publicJwk.x };
    const kid = (await jwkThumbprint(offCurve)).slice(0, KID_LENGTH);
    expect(await configError({ keys: [{ kid, jwk: offCurve, status: 'current' }] })).to.equal('keySet.keys.0.jwk');
  });

  it('verifyToken takes a raw key set too, and answers config-invalid for a bad one', async () => {
    const { current } = await getKeys();
    const token = await signInvitation(invitationInput, current);
    expect((await verifyToken(token, await options({ keySet: publicKeySet([current]) }))).ok).to.equal(true);
    expect(await verifyToken(token, await options({ keySet: { keys: [] } }))).to.deep.equal({ ok: false, code: 'config-invalid' });
  });

  it('refuses to sign with a kid that is not the key’s own', async () => {
    const { current, previous } = await getKeys();
    let code = '';
    try {
      await signInvitation(invitationInput, { kid: previous.kid, privateJwk: current.privateJwk });
    } catch (error) {
      code = (error as KioskError).code;
    }
    expect(code).to.equal('config-invalid');
  });
});
