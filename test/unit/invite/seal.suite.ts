import { expect } from '@open-wc/testing';
import { KioskError } from '../../../src/domain/errors.js';
import { decodeBase64url, encodeBase64url } from '../../../src/invite/base64url.js';
import { MAX_STORED_SEALED, visitSchema } from '../../../src/schemas/visit.js';
import { MAX_SEALED_PLAINTEXT, generateSealingKey, identityHash, openSealed, seal, sealedKid, type SealingKey } from '../../../src/invite/seal.js';

async function refused(key: SealingKey, sealed: string): Promise<string> {
  try {
    await openSealed(key, sealed);
  } catch (error) {
    expect(error).to.be.instanceOf(KioskError);
    return (error as KioskError).code;
  }
  throw new Error(`opened a bad sealed value: ${sealed.slice(0, 40)}…`);
}

describe('invite: sealing identity numbers to the hub', () => {
  let hub: SealingKey;
  before(async () => {
    hub = await generateSealingKey();
  });

  it('round-trips a number, and the sealed text contains neither the number nor any part of it', async () => {
    const sealed = await seal(hub, 'hkid:A1234563');
    expect(sealedKid(sealed)).to.equal(hub.kid);
    expect(sealed).not.to.contain('A123');
    expect(sealed).not.to.contain('4563');
    expect(await openSealed(hub, sealed)).to.equal('hkid:A1234563');
  });

  it('gives a different sealed value each time (fresh ephemeral key and nonce)', async () => {
    const a = await seal(hub, 'x');
    const b = await seal(hub, 'x');
    expect(a).not.to.equal(b);
    expect(a.split('.')[2]).not.to.equal(b.split('.')[2]);
  });

  it('cannot be opened with another key, even one claiming the right kid', async () => {
    const other = await generateSealingKey();
    const sealed = await seal(hub, 'cn-resident:11010519491231002X');
    expect(await refused(other, sealed)).to.equal('seal-invalid');
    expect(await refused({ ...other, kid: hub.kid }, sealed)).to.equal('seal-invalid');
  });

  it('refuses every single-character change in any part (header bound as additional data)', async () => {
    const sealed = await seal(hub, 'hkid:A1234563');
    const alphabet = 'AQgw09_-';
    // One change per position is 300-odd decryptions: enough to cover every part without a slow test.
    for (let i = 0; i < sealed.length; i += 1) {
      if (sealed[i] === '.') continue;
      const replacement = alphabet[(alphabet.indexOf(sealed[i]!) + 1) % alphabet.length] ?? 'A';
      const changed = sealed.slice(0, i) + (replacement === sealed[i] ? 'B' : replacement) + sealed.slice(i + 1);
      expect(await refused(hub, changed), `position ${i}`).to.equal('seal-invalid');
    }
  });

  it('refuses malformed values: wrong part count, version, oversize, swapped ephemeral key', async () => {
    const sealed = await seal(hub, 'n');
    const parts = sealed.split('.');
    expect(await refused(hub, parts.slice(0, 5).join('.'))).to.equal('seal-invalid');
    expect(await refused(hub, ['v2', ...parts.slice(1)].join('.'))).to.equal('seal-invalid');
    expect(await refused(hub, `${sealed}${'A'.repeat(2000)}`)).to.equal('seal-invalid');
    const other = (await seal(hub, 'n')).split('.');
    expect(await refused(hub, [parts[0], parts[1], other[2], other[3], parts[4], parts[5]].join('.'))).to.equal('seal-invalid');
    // A ciphertext shorter than the GCM tag.
    expect(await refused(hub, [...parts.slice(0, 5), encodeBase64url(decodeBase64url(parts[5]!)!.slice(0, 8))].join('.'))).to.equal('seal-invalid');
  });

  it('a sealed identity number fits the visit row, and the row schema accepts it but not a plain number', async () => {
    const sealed = await seal(hub, 'cn-resident:11010519491231002X');
    expect(sealed.length).to.be.below(MAX_STORED_SEALED);
    const row = (value: string) => ({
      id: '019ab0f4-6f40-7a3c-9d2e-4b5c6d7e8f90',
      siteId: 'demo-cn',
      deviceId: '019ab0f4-0000-7000-8000-000000000001',
      seq: 1,
      dayKey: '2026-11-23',
      createdAt: '2026-11-22T16:30:00.000Z',
      updatedAt: '2026-11-22T16:30:00.000Z',
      status: 'registered',
      history: [{ status: 'registered', at: '2026-11-22T16:30:00.000Z' }],
      source: 'kiosk-walk-in',
      lang: 'zh-Hans',
      visitor: { fullName: '王小明', phone: '', organisation: '', partySize: 1 },
      visitorType: 'business',
      purpose: 'meeting',
      host: { kind: 'free-text', label: '12B' },
      hasAppointment: false,
      identity: { method: 'recorded', documentType: 'cn-resident', last4: '002X', sealed: value },
      consent: { noticeVersion: 'cn-2026-11', kind: 'consented', at: '2026-11-22T16:29:30.000Z', idNumber: true },
    });
    expect(visitSchema.safeParse(row(sealed)).success).to.equal(true);
    expect(visitSchema.safeParse(row('11010519491231002X')).success).to.equal(false);
  });

  it('refuses to seal more than MAX_SEALED_PLAINTEXT bytes', async () => {
    try {
      await seal(hub, 'x'.repeat(MAX_SEALED_PLAINTEXT + 1));
      throw new Error('sealed an oversized value');
    } catch (error) {
      expect((error as KioskError).code).to.equal('too-long');
    }
  });

  it('hashes identity numbers with a site key: equal numbers in any spacing match, other keys and numbers differ', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const a = await identityHash(key, 'hkid', 'A123456(3)');
    expect(await identityHash(key, 'hkid', 'a 123456 3')).to.equal(a);
    expect(await identityHash(key, 'hkid', 'A1234564')).not.to.equal(a);
    expect(await identityHash(key, 'cn-resident', 'A1234563')).not.to.equal(a);
    expect(await identityHash(crypto.getRandomValues(new Uint8Array(32)), 'hkid', 'A1234563')).not.to.equal(a);
    expect(a).to.match(/^[A-Za-z0-9_-]{43}$/);
  });
});
