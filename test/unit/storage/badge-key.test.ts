import { expect } from '@open-wc/testing';
import type { KioskError } from '../../../src/domain/errors.js';
import { KID_LENGTH, jwkThumbprint, verifyToken } from '../../../src/invite/index.js';
import { signCompact } from '../../../src/invite/jws.js';
import { IdbUseRecorder, closeKioskDb, deviceBadgeKey, openKioskDb } from '../../../src/storage/index.js';
import { HK, SecondTab, dropDb, rawPut, rawRow, rawRows, rejectionOf, takeUnhandled, uniqueDbName } from './helpers.js';

const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

describe('deviceBadgeKey', () => {
  let name: string;

  beforeEach(() => {
    name = uniqueDbName();
    takeUnhandled();
  });
  afterEach(async () => {
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  it('creates a P-256 key whose private half is a non-extractable CryptoKey, also as stored', async () => {
    const key = await deviceBadgeKey(name);
    expect(key.privateKey).to.be.instanceOf(CryptoKey);
    expect(key.privateKey.type).to.equal('private');
    expect(key.privateKey.extractable).to.equal(false);
    expect(key.privateKey.usages).to.deep.equal(['sign']);
    expect(key.privateKey.algorithm).to.deep.equal(EC_P256);
    expect(Object.keys(key.publicJwk).sort()).to.deep.equal(['crv', 'kty', 'x', 'y']);
    expect(key.kid).to.have.length(KID_LENGTH);
    expect((await jwkThumbprint(key.publicJwk)).startsWith(key.kid)).to.equal(true);

    // What rests on the device: one row, a CryptoKey object (not its bytes), still non-extractable.
    const rows = (await rawRows(name, 'keys')) as Record<string, unknown>[];
    expect(rows).to.have.length(1);
    const row = rows[0] as { id: string; kid: string; privateKey: unknown; publicJwk: JsonWebKey; createdAt: string };
    expect(row.id).to.equal('badge');
    expect(row.kid).to.equal(key.kid);
    expect(row.publicJwk).to.deep.equal(key.publicJwk);
    expect(row.createdAt).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(row.privateKey).to.be.instanceOf(CryptoKey);
    expect((row.privateKey as CryptoKey).extractable).to.equal(false);
    expect(JSON.stringify(row)).not.to.contain('"d"');
    for (const format of ['jwk', 'pkcs8'] as const) {
      const error = await rejectionOf(crypto.subtle.exportKey(format, row.privateKey as CryptoKey));
      expect((error as DOMException).name, format).to.equal('InvalidAccessError');
    }
  });

  it('signs with the stored private key so that the stored public JWK verifies it, after a reload', async () => {
    const created = await deviceBadgeKey(name);
    await closeKioskDb(name);
    const reloaded = await deviceBadgeKey(name);
    expect(reloaded.kid).to.equal(created.kid);
    expect(reloaded.publicJwk).to.deep.equal(created.publicJwk);

    const data = new TextEncoder().encode('badge for visit 019ab0f4');
    const signature = await crypto.subtle.sign(ECDSA_SHA256, reloaded.privateKey, data);
    const row = (await rawRow(name, 'keys', 'badge')) as { publicJwk: JsonWebKey };
    const publicKey = await crypto.subtle.importKey('jwk', row.publicJwk, EC_P256, false, ['verify']);
    expect(await crypto.subtle.verify(ECDSA_SHA256, publicKey, signature, data)).to.equal(true);
    // Not a key that verifies anything: a changed message fails.
    expect(await crypto.subtle.verify(ECDSA_SHA256, publicKey, signature, new TextEncoder().encode('another visit'))).to.equal(false);
  });

  it('signs a badge token that verifyToken accepts under the published kid', async () => {
    const key = await deviceBadgeKey(name);
    const header = JSON.stringify({ alg: 'ES256', kid: key.kid, typ: 'vk-badge' });
    const claims = JSON.stringify({ iss: 'kiosk-1', site: HK.siteId, v: '019ab0f4-6f40-7a3c-9d2e-4b5c6d7e8f90', exp: 1_800_000_000 });
    const token = await signCompact(header, claims, key.privateKey);
    const result = await verifyToken(token, {
      keySet: { keys: [{ kid: key.kid, jwk: key.publicJwk, status: 'current' }] },
      siteId: HK.siteId,
      timeZone: HK.timeZone,
      uses: new IdbUseRecorder(name),
      now: new Date('2026-11-23T01:00:00Z'),
      kinds: ['badge'],
    });
    expect(result.ok).to.equal(true);
    expect(result.ok && result.kind === 'badge' && result.claims.v).to.equal('019ab0f4-6f40-7a3c-9d2e-4b5c6d7e8f90');
  });

  it('gives parallel callers the one key, and stores only one', async () => {
    const keys = await Promise.all(Array.from({ length: 5 }, () => deviceBadgeKey(name)));
    expect(new Set(keys.map((k) => k.kid)).size).to.equal(1);
    expect(new Set(keys.map((k) => k.publicJwk.x)).size).to.equal(1);
    expect(await rawRows(name, 'keys')).to.have.length(1);
  });

  it('gives another tab (its own connection) the same key when both create it at once', async () => {
    await openKioskDb(name);
    const tab = new SecondTab();
    try {
      const [page, worker] = await Promise.all([deviceBadgeKey(name), tab.ask({ op: 'badge-key', dbName: name })]);
      if (!worker.ok) throw new Error(`second tab failed: ${worker.name}`);
      expect(worker.value).to.deep.equal({ kid: page.kid, publicJwk: page.publicJwk });
      expect(await rawRows(name, 'keys')).to.have.length(1);
    } finally {
      await tab.close(name);
    }
  });

  it('refuses a stored key that could be exported, and never replaces it', async () => {
    const pair = await crypto.subtle.generateKey(EC_P256, true, ['sign', 'verify']);
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const publicJwk = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
    const kid = (await jwkThumbprint(publicJwk as never)).slice(0, KID_LENGTH);
    await openKioskDb(name);
    await closeKioskDb(name);
    await rawPut(name, 'keys', { id: 'badge', kid, privateKey: pair.privateKey, publicJwk, createdAt: '2026-11-22T16:30:00.000Z' });

    const error = await rejectionOf(deviceBadgeKey(name));
    expect((error as KioskError).code).to.equal('storage-row-invalid');
    expect(String((error as KioskError).details.issues)).to.contain('privateKey');
    const row = (await rawRow(name, 'keys', 'badge')) as { kid: string; privateKey: CryptoKey };
    expect(row.kid).to.equal(kid);
    expect(row.privateKey.extractable).to.equal(true);
  });
});
