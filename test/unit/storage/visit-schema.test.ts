import { expect } from '@open-wc/testing';
import type { Visit } from '../../../src/domain/visit.js';
import { MAX_FEEDBACK_REASON, deviceKeyRowSchema, outboxEntrySchema, useRecordSchema, visitSchema } from '../../../src/schemas/visit.js';

const VALID: Visit = {
  id: '019ab0f4-6f40-7a3c-9d2e-4b5c6d7e8f90',
  siteId: 'demo',
  deviceId: '019ab0f4-0000-7000-8000-000000000001',
  seq: 1,
  dayKey: '2026-11-23',
  createdAt: '2026-11-22T16:30:00.000Z',
  updatedAt: '2026-11-22T16:35:00.000Z',
  status: 'checked-in',
  history: [
    { status: 'registered', at: '2026-11-22T16:30:00.000Z' },
    { status: 'checked-in', at: '2026-11-22T16:35:00.000Z' },
  ],
  source: 'kiosk-walk-in',
  lang: 'zh-Hant',
  visitor: { fullName: '陳大文', phone: '+85291234567', organisation: '', partySize: 2 },
  visitorType: 'visiting-resident',
  purpose: 'other',
  host: { kind: 'unit', id: 'u-12b', label: '12B' },
  hasAppointment: true,
  identity: { method: 'sighted' },
  consent: { noticeVersion: 'hk-2026-11', kind: 'read', at: '2026-11-22T16:29:30.000Z' },
};

/** A deep copy of VALID with `change` applied to it. */
function variant(change: (v: Record<string, unknown> & Visit) => void): unknown {
  const copy = structuredClone(VALID) as Record<string, unknown> & Visit;
  change(copy);
  return copy;
}

describe('visitSchema', () => {
  it('accepts a valid row, and each identity kind', () => {
    expect(visitSchema.safeParse(VALID).success).to.equal(true);
    expect(visitSchema.safeParse(variant((v) => (v.identity = { method: 'host-confirmation' }))).success).to.equal(true);
    expect(visitSchema.safeParse(variant((v) => (v.identity = { method: 'recorded', documentType: 'hkid', last4: '4563' }))).success).to.equal(true);
    expect(
      visitSchema.safeParse(
        variant((v) => {
          v.identity = { method: 'recorded', documentType: 'cn-resident', last4: '001X' };
          v.consent = { ...v.consent, kind: 'consented', idNumber: true };
        }),
      ).success,
    ).to.equal(true);
    expect(visitSchema.safeParse(variant((v) => (v.visitor.phone = ''))).success).to.equal(true);
    expect(visitSchema.safeParse(variant((v) => (v.host = { kind: 'free-text', label: '12B' }))).success).to.equal(true);
  });

  it('accepts the version-2 fields: an invitation without a name, a badge number, feedback with and without a reason', () => {
    const invited = variant((v) => {
      v.source = 'kiosk-invitation';
      v.invitation = { jti: 'AAAAAAAAAAAAAAAAAAAAAA', kind: 'pass' };
      v.visitor = { fullName: '', phone: '', organisation: '', partySize: 1 };
    });
    expect(visitSchema.safeParse(invited).success).to.equal(true);
    expect(visitSchema.safeParse(variant((v) => (v.badgeNumber = 'V-0042'))).success).to.equal(true);
    expect(visitSchema.safeParse(variant((v) => (v.feedback = { rating: 'basically-satisfied', at: '2026-11-22T17:00:00.000Z' }))).success).to.equal(true);
    expect(
      visitSchema.safeParse(variant((v) => (v.feedback = { rating: 'dissatisfied', reason: 'x'.repeat(MAX_FEEDBACK_REASON), at: '2026-11-22T17:00:00.000Z' }))).success,
    ).to.equal(true);
  });

  const invalid: [string, (v: Record<string, unknown> & Visit) => void][] = [
    ['an unknown top-level field', (v) => (v.extra = 1)],
    ['an unknown visitor field', (v) => Object.assign(v.visitor, { email: 'a@b.c' })],
    ['a recorded identity with the full number', (v) => (v.identity = { method: 'recorded', documentType: 'hkid', last4: '4563', number: 'A1234563' } as unknown as Visit['identity'])],
    ['a last4 of five characters', (v) => (v.identity = { method: 'recorded', documentType: 'hkid', last4: '34563' })],
    ['a last4 in lower case', (v) => (v.identity = { method: 'recorded', documentType: 'hkid', last4: '001x' })],
    ['a sighted identity carrying a number', (v) => (v.identity = { method: 'sighted', last4: '4563' } as unknown as Visit['identity'])],
    ['an unknown identity method', (v) => (v.identity = { method: 'guessed' } as unknown as Visit['identity'])],
    ['a local phone number', (v) => (v.visitor.phone = '91234567')],
    ['a phone number with spaces', (v) => (v.visitor.phone = '+852 9123 4567')],
    ['an unknown visitor type', (v) => ((v as Record<string, unknown>).visitorType = 'spy')],
    ['an unknown purpose', (v) => ((v as Record<string, unknown>).purpose = 'lunch')],
    ['an unknown status', (v) => ((v as Record<string, unknown>).status = 'teleported')],
    ['an unknown locale', (v) => ((v as Record<string, unknown>).lang = 'fr')],
    ['a timestamp with an offset', (v) => (v.createdAt = '2026-11-23T00:30:00+08:00')],
    ['a timestamp without a time', (v) => (v.updatedAt = '2026-11-22')],
    ['an impossible day key', (v) => (v.dayKey = '2026-02-30')],
    ['a seq of zero', (v) => (v.seq = 0)],
    ['a fractional seq', (v) => (v.seq = 1.5)],
    ['a party of zero', (v) => (v.visitor.partySize = 0)],
    ['an empty name', (v) => (v.visitor.fullName = '')],
    ['an upper-case id', (v) => (v.id = v.id.toUpperCase())],
    ['an id that is not a UUIDv7', (v) => (v.id = '6f1c2a4e-8b3d-4c5e-9f60-718293a4b5c6')],
    ['a status that is not the last history step', (v) => (v.status = 'checked-out')],
    ['a history not starting with registered', (v) => (v.history = [{ status: 'checked-in', at: '2026-11-22T16:35:00.000Z' }])],
    ['an empty history', (v) => (v.history = [])],
    ['a unit without its directory id', (v) => (v.host = { kind: 'unit', label: '12B' })],
    ['free text with a directory id', (v) => (v.host = { kind: 'free-text', id: 'u-12b', label: '12B' })],
    ['an ID consent without a recorded number', (v) => (v.consent = { ...v.consent, idNumber: true })],
    [
      'a number recorded on a consent site without the separate consent',
      (v) => {
        v.identity = { method: 'recorded', documentType: 'cn-resident', last4: '001X' };
        v.consent = { ...v.consent, kind: 'consented' };
      },
    ],
    ['a message without a call-back number', (v) => (v.message = { text: 'hi', callbackPhone: '' })],
    ['an invitation on a walk-in visit', (v) => (v.invitation = { jti: 'AAAAAAAAAAAAAAAAAAAAAA', kind: 'invitation' })],
    ['an empty name on a desk visit', (v) => Object.assign(v, { source: 'desk', visitor: { ...v.visitor, fullName: '' } })],
    [
      'a token id that is not 128 bits of base64url',
      (v) => Object.assign(v, { source: 'kiosk-invitation', invitation: { jti: 'javascript:alert(1)//', kind: 'invitation' } }),
    ],
    ['an unknown token kind', (v) => Object.assign(v, { source: 'kiosk-invitation', invitation: { jti: 'AAAAAAAAAAAAAAAAAAAAAA', kind: 'badge' } })],
    ['an empty badge number', (v) => (v.badgeNumber = '')],
    ['a badge number of 33 characters', (v) => (v.badgeNumber = 'V'.repeat(33))],
    ['an unknown rating', (v) => (v.feedback = { rating: 'delighted', at: '2026-11-22T17:00:00.000Z' } as unknown as Visit['feedback'])],
    ['feedback without its time', (v) => (v.feedback = { rating: 'satisfied' } as unknown as Visit['feedback'])],
    ['an empty feedback reason', (v) => (v.feedback = { rating: 'dissatisfied', reason: '', at: '2026-11-22T17:00:00.000Z' })],
    ['a feedback reason over the limit', (v) => (v.feedback = { rating: 'dissatisfied', reason: 'x'.repeat(MAX_FEEDBACK_REASON + 1), at: '2026-11-22T17:00:00.000Z' })],
    ['feedback carrying a phone number', (v) => (v.feedback = { rating: 'satisfied', at: '2026-11-22T17:00:00.000Z', phone: '+85291234567' } as unknown as Visit['feedback'])],
  ];
  for (const [what, change] of invalid) {
    it(`rejects ${what}`, () => {
      expect(visitSchema.safeParse(variant(change)).success).to.equal(false);
    });
  }
});

describe('outboxEntrySchema', () => {
  it('accepts an entry and rejects unknown operations and fields', () => {
    const entry = { seq: 3, visitId: VALID.id, op: 'upsert-visit', enqueuedAt: '2026-11-22T16:30:00.000Z' };
    expect(outboxEntrySchema.safeParse(entry).success).to.equal(true);
    expect(outboxEntrySchema.safeParse({ ...entry, op: 'delete-visit' }).success).to.equal(false);
    expect(outboxEntrySchema.safeParse({ ...entry, expiresAt: '2026-11-29T16:30:00.000Z' }).success).to.equal(false);
    expect(outboxEntrySchema.safeParse({ ...entry, seq: -1 }).success).to.equal(false);
  });
});

describe('useRecordSchema', () => {
  it('accepts a count of uses and rejects a bad id, a count below one and a local time', () => {
    const row = { jti: 'AAAAAAAAAAAAAAAAAAAAAA', count: 2, lastAt: '2026-11-22T16:30:00.000Z' };
    expect(useRecordSchema.safeParse(row).success).to.equal(true);
    expect(useRecordSchema.safeParse({ ...row, jti: 'AAAAAAAAAAAAAAAAAAAAAB' }).success).to.equal(false);
    expect(useRecordSchema.safeParse({ ...row, count: 0 }).success).to.equal(false);
    expect(useRecordSchema.safeParse({ ...row, lastAt: '2026-11-23T00:30:00+08:00' }).success).to.equal(false);
    expect(useRecordSchema.safeParse({ ...row, visitId: VALID.id }).success).to.equal(false);
  });
});

describe('deviceKeyRowSchema', () => {
  const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

  async function rowFor(extractable: boolean, algorithm: EcKeyGenParams = EC_P256): Promise<Record<string, unknown>> {
    const pair = await crypto.subtle.generateKey(algorithm, extractable, ['sign', 'verify']);
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    return { id: 'badge', kid: 'abcdefghijk', privateKey: pair.privateKey, publicJwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, createdAt: '2026-11-22T16:30:00.000Z' };
  }

  it('takes only a non-extractable P-256 private signing key', async () => {
    const sealed = await rowFor(false);
    expect(deviceKeyRowSchema.safeParse(sealed).success).to.equal(true);
    expect(deviceKeyRowSchema.safeParse(await rowFor(true)).success, 'extractable').to.equal(false);
    expect(deviceKeyRowSchema.safeParse(await rowFor(false, { name: 'ECDSA', namedCurve: 'P-384' })).success, 'P-384').to.equal(false);
    const pair = (await crypto.subtle.generateKey(EC_P256, false, ['sign', 'verify'])) as CryptoKeyPair;
    expect(deviceKeyRowSchema.safeParse({ ...sealed, privateKey: pair.publicKey }).success, 'a public key').to.equal(false);
    expect(deviceKeyRowSchema.safeParse({ ...sealed, privateKey: { type: 'private', extractable: false } }).success, 'a look-alike').to.equal(false);
    expect(deviceKeyRowSchema.safeParse({ ...sealed, publicJwk: { ...(sealed.publicJwk as object), d: 'secret' } }).success, 'a private JWK').to.equal(false);
    expect(deviceKeyRowSchema.safeParse({ ...sealed, id: 'hub' }).success, 'unknown id').to.equal(false);
  });
});
