// The fixed vector suite of issue 3 ("Bad input"): every hostile token is refused with the code that names
// its fault, and every boundary (clock skew, pass hours) is tested on both sides.
import { expect } from '@open-wc/testing';
import { KioskError } from '../../../src/domain/errors.js';
import { decodeBase64url, encodeBase64url, encodeBase64urlText } from '../../../src/invite/base64url.js';
import {
  CLOCK_SKEW_SECONDS,
  MAX_TOKEN_LENGTH,
  MemoryUseRecorder,
  signInvitation,
  signPass,
  verifyToken,
  type InvitationClaims,
  type UseRecorder,
  type VerifyOptions,
  type VerifyResult,
} from '../../../src/invite/index.js';
import {
  HOUR,
  NOW,
  SITE,
  VISIT_ID,
  at,
  contractorPassInput,
  getKeys,
  headerJson,
  invitationClaims,
  invitationInput,
  options,
  passInput,
  rawToDer,
  signRaw,
  unsigned,
  validBadge,
  validInvitation,
  validPass,
} from './fixtures.js';

async function verify(token: unknown, overrides: Partial<VerifyOptions> = {}): Promise<VerifyResult> {
  return verifyToken(token, await options(overrides));
}

async function expectCode(token: unknown, code: string, overrides: Partial<VerifyOptions> = {}): Promise<void> {
  const result = await verify(token, overrides);
  expect(result, typeof token === 'string' ? token.slice(0, 120) : String(token)).to.deep.equal({ ok: false, code });
}

async function expectOk(token: string, overrides: Partial<VerifyOptions> = {}): Promise<VerifyResult & { ok: true }> {
  const result = await verify(token, overrides);
  if (!result.ok) expect.fail(`refused with ${result.code}`);
  return result;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
const segments = (token: string): [string, string, string] => token.split('.') as [string, string, string];
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('invite: valid tokens', () => {
  it('accepts an invitation and returns its short claims — no names, phones or ID numbers', async () => {
    const { current } = await getKeys();
    const before = performance.getEntriesByType('resource').length;
    const result = await expectOk(await validInvitation());
    expect(result.kind).to.equal('invitation');
    expect(result.kid).to.equal(current.kid);
    expect(Object.keys(result.claims).sort()).to.deep.equal(['exp', 'h', 'iss', 'jti', 'nbf', 'site', 'vt']);
    expect(result.claims).to.include({ iss: 'dev', site: SITE, h: '12B', vt: 'visiting-resident', nbf: seconds(NOW) - 3600, exp: seconds(NOW) + 23 * 3600 });
    expect((result.claims as InvitationClaims).jti).to.match(/^[A-Za-z0-9_-]{22}$/);
    // Offline by construction: verifying fetched nothing (the kiosk's e2e test repeats this with the network off).
    expect(performance.getEntriesByType('resource').length).to.equal(before);
  });

  it('accepts a pass within its weekdays and hours and returns them', async () => {
    const result = await expectOk(await validPass({ uses: 40, permit: 'WP-2026/0114' }));
    expect(result.kind).to.equal('pass');
    expect(result.claims).to.deep.include({ wd: 0b0111110, hr: [8 * 60, 18 * 60], n: 40, wp: 'WP-2026/0114', vt: 'domestic-helper' });
  });

  it('accepts a badge and returns the visit id', async () => {
    const result = await expectOk(await validBadge());
    expect(result.kind).to.equal('badge');
    expect(result.claims).to.deep.equal({ iss: 'kiosk-1', site: SITE, v: VISIT_ID, exp: seconds(NOW) + 12 * 3600 });
  });

  it('accepts a token signed with a previous key (rotation)', async () => {
    const { previous } = await getKeys();
    expect((await expectOk(await validInvitation(previous))).kid).to.equal(previous.kid);
  });

  it('keeps the party size when it is more than one, and leaves it out when it is one', async () => {
    const { current } = await getKeys();
    expect(((await expectOk(await signInvitation({ ...invitationInput, partySize: 4 }, current))).claims as InvitationClaims).p).to.equal(4);
    expect((await expectOk(await signInvitation({ ...invitationInput, partySize: 1 }, current))).claims).to.not.have.property('p');
  });
});

describe('invite: keys and signatures', () => {
  it('unknown kid → invite-unknown-key', async () => {
    const { stranger } = await getKeys();
    await expectCode(await validInvitation(stranger), 'invite-unknown-key');
  });

  it('wrong key (a trusted kid, signed by another key) → invite-bad-signature', async () => {
    const { current, stranger } = await getKeys();
    await expectCode(await signRaw(headerJson(current.kid), JSON.stringify(invitationClaims()), stranger), 'invite-bad-signature');
  });

  it('revoked kid → invite-revoked-key, although the signature is good', async () => {
    const { revoked } = await getKeys();
    await expectCode(await validInvitation(revoked), 'invite-revoked-key');
  });

  it('a DER-encoded signature of the right bytes → invite-bad-signature', async () => {
    const [h, p, s] = segments(await validInvitation());
    const der = rawToDer(decodeBase64url(s)!);
    expect(der.length).to.be.within(68, 72);
    await expectCode(`${h}.${p}.${encodeBase64url(der)}`, 'invite-bad-signature');
  });

  it('signatures of the wrong length (empty, 63, 65 bytes) → invite-bad-signature', async () => {
    const [h, p, s] = segments(await validInvitation());
    const sig = decodeBase64url(s)!;
    for (const bad of [new Uint8Array(0), sig.slice(0, 63), new Uint8Array([...sig, 0])]) {
      await expectCode(`${h}.${p}.${encodeBase64url(bad)}`, 'invite-bad-signature');
    }
  });

  it('one character changed at EVERY position of a valid token → refused, with a code fitting the segment', async () => {
    const token = await validInvitation();
    const [h] = segments(token);
    const payloadStart = h.length + 1;
    // A change in the header can break its encoding or JSON, its schema or its kid; after the header, the
    // signed bytes differ, so only the signature check can fail.
    const headerCodes = ['invite-malformed', 'invite-unsupported-header', 'invite-unknown-key', 'invite-bad-signature'];
    for (let i = 0; i < token.length; i += 1) {
      const original = token[i]!;
      const replacement = original === '.' ? 'A' : ALPHABET[(ALPHABET.indexOf(original) + 1) % ALPHABET.length]!;
      const mutated = token.slice(0, i) + replacement + token.slice(i + 1);
      const result = await verify(mutated);
      expect(result.ok, `position ${i}`).to.equal(false);
      const code = (result as { code: string }).code;
      if (original === '.') expect(code, `position ${i}`).to.equal('invite-malformed');
      else if (i < payloadStart) expect(headerCodes, `position ${i}: ${code}`).to.include(code);
      else expect(code, `position ${i}`).to.equal('invite-bad-signature');
    }
  });

  it('one bit flipped in EVERY decoded byte of header, payload and signature → refused', async () => {
    const parts = segments(await validPass());
    for (let segment = 0; segment < 3; segment += 1) {
      const bytes = decodeBase64url(parts[segment]!)!;
      for (let i = 0; i < bytes.length; i += 1) {
        const flipped = bytes.slice();
        flipped[i] = flipped[i]! ^ 0x01;
        const mutated = parts.map((part, k) => (k === segment ? encodeBase64url(flipped) : part)).join('.');
        const result = await verify(mutated);
        expect(result.ok, `segment ${segment} byte ${i}`).to.equal(false);
        if (segment > 0) expect((result as { code: string }).code, `segment ${segment} byte ${i}`).to.equal('invite-bad-signature');
      }
    }
  });

  it('a non-canonical spelling of the same signature bytes → refused', async () => {
    const token = await validInvitation();
    // 64 bytes → 86 characters; the last one carries 4 bits and 2 unused ones. Setting an unused bit keeps
    // the bytes a lenient decoder would read, so without canonical decoding this token would verify.
    const last = token[token.length - 1]!;
    const sibling = ALPHABET[ALPHABET.indexOf(last) ^ 1]!;
    await expectCode(token.slice(0, -1) + sibling, 'invite-bad-signature');
  });
});

describe('invite: headers are checked before any cryptography', () => {
  it('alg none (with an empty signature, and with a real one) → invite-unsupported-header', async () => {
    const { current } = await getKeys();
    const [, p, s] = segments(await validInvitation());
    const none = encodeBase64urlText(JSON.stringify({ alg: 'none', kid: current.kid, typ: 'vk-inv' }));
    await expectCode(`${none}.${p}.`, 'invite-unsupported-header');
    await expectCode(`${none}.${p}.${s}`, 'invite-unsupported-header');
    const noneOnly = encodeBase64urlText(JSON.stringify({ alg: 'none' }));
    await expectCode(`${noneOnly}.${p}.`, 'invite-unsupported-header');
  });

  it('HS256 signed with the public key as the HMAC secret → invite-unsupported-header', async () => {
    const { current } = await getKeys();
    const header = encodeBase64urlText(JSON.stringify({ alg: 'HS256', kid: current.kid, typ: 'vk-inv' }));
    const payload = encodeBase64urlText(JSON.stringify(invitationClaims()));
    for (const secretText of [JSON.stringify(current.publicJwk), current.publicJwk.x]) {
      const secret = await crypto.subtle.importKey('raw', new TextEncoder().encode(secretText), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      const mac = await crypto.subtle.sign('HMAC', secret, new TextEncoder().encode(`${header}.${payload}`));
      await expectCode(`${header}.${payload}.${encodeBase64url(new Uint8Array(mac))}`, 'invite-unsupported-header');
    }
  });

  it('the header is checked before the key: alg none with an unknown kid is still an unsupported header', async () => {
    const token = unsigned({ alg: 'none', kid: 'unknown-kid-0', typ: 'vk-inv' }, invitationClaims());
    await expectCode(token, 'invite-unsupported-header');
  });

  it('any header other than exactly {alg: ES256, kid, typ} → invite-unsupported-header, even when signed', async () => {
    const { current } = await getKeys();
    const kid = current.kid;
    const payload = JSON.stringify(invitationClaims());
    const headers: Record<string, unknown>[] = [
      { alg: 'ES256', kid, typ: 'vk-inv', jku: 'https://evil.example/keys.json' },
      { alg: 'ES256', kid, typ: 'vk-inv', jwk: current.publicJwk },
      { alg: 'ES256', kid, typ: 'vk-inv', x5u: 'https://evil.example/cert.pem' },
      { alg: 'ES256', kid, typ: 'vk-inv', crit: ['exp'] },
      { alg: 'ES256', kid, typ: 'vk-inv', zip: 'DEF' },
      { alg: 'ES256', kid, typ: 'vk-inv', cty: 'JWT' },
      { alg: 'ES256', kid, typ: 'JWT' },
      { alg: 'ES256', kid },
      { alg: 'ES256', typ: 'vk-inv' },
      { alg: 'ES384', kid, typ: 'vk-inv' },
      { alg: 'RS256', kid, typ: 'vk-inv' },
      { alg: 'es256', kid, typ: 'vk-inv' },
      { alg: 'ES256', kid: 'javascript:alert(1)', typ: 'vk-inv' },
      { alg: 'ES256', kid: 42, typ: 'vk-inv' },
    ];
    for (const header of headers) await expectCode(await signRaw(JSON.stringify(header), payload), 'invite-unsupported-header');
    for (const header of [null, [], 'ES256', 1]) await expectCode(await signRaw(JSON.stringify(header), payload), 'invite-unsupported-header');
  });

  it('a header that is not strict JSON (non-JSON, duplicate keys, whitespace, escapes, bad UTF-8) → invite-malformed', async () => {
    const { current } = await getKeys();
    const kid = current.kid;
    const payload = JSON.stringify(invitationClaims());
    const texts = [
      'not json',
      `{"alg":"none","alg":"ES256","kid":"${kid}","typ":"vk-inv"}`,
      `{"alg":"ES256","kid":"${kid}","typ":"vk-inv","typ":"vk-inv"}`,
      `{"alg": "ES256","kid":"${kid}","typ":"vk-inv"}`,
      `{"alg":"\\u0045S256","kid":"${kid}","typ":"vk-inv"}`,
      `{"alg":"ES256","kid":"${kid}","typ":"vk-inv","__proto__":{"alg":"none"}}`,
      `{"alg":"ES256","kid":"${kid}","typ":"vk-inv","constructor":{}}`,
      `{"alg":"ES256","kid":"${kid}","typ":"vk-inv","x":[[[[[]]]]]}`,
    ];
    for (const text of texts) await expectCode(await signRaw(text, payload), 'invite-malformed');
    const [, p, s] = segments(await validInvitation());
    await expectCode(`${encodeBase64url(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))}.${p}.${s}`, 'invite-malformed');
  });
});

describe('invite: shape and size', () => {
  it('not a string, not three segments, stray characters → invite-malformed', async () => {
    const token = await validInvitation();
    for (const bad of [undefined, null, 42, {}, ['a', 'b', 'c'], '', '..', 'abc', token.replace(/\.[^.]*$/, ''), `${token}.x`, ` ${token}`, `${token}\n`, token.replace('.', '+'), token.replace(/^./, '=')]) {
      await expectCode(bad, 'invite-malformed');
    }
  });

  it('URLs and javascript: strings as whole codes → invite-malformed (nothing is opened or fetched)', async () => {
    const before = performance.getEntriesByType('resource').length;
    const href = location.href;
    for (const bad of ['https://evil.example/?t=abc.def.ghi', 'javascript:alert(1)', 'javascript:alert(1).a.b', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)']) {
      await expectCode(bad, 'invite-malformed');
    }
    expect(performance.getEntriesByType('resource').length).to.equal(before);
    expect(location.href).to.equal(href);
  });

  it(`over ${MAX_TOKEN_LENGTH} characters → invite-too-large, before anything is decoded; ${MAX_TOKEN_LENGTH} itself is read`, async () => {
    const { current } = await getKeys();
    // Pad the host reference until the signed token is exactly MAX_TOKEN_LENGTH or one more.
    const base = await signRaw(headerJson(current.kid), JSON.stringify(invitationClaims({ pad: '' })));
    const room = MAX_TOKEN_LENGTH - base.length;
    const padChars = Math.floor((room * 3) / 4);
    let exact = '';
    let over = '';
    for (let extra = padChars - 3; extra <= padChars + 3 && (!exact || !over); extra += 1) {
      const t = await signRaw(headerJson(current.kid), JSON.stringify(invitationClaims({ pad: 'x'.repeat(extra) })));
      if (t.length === MAX_TOKEN_LENGTH) exact = t;
      if (t.length === MAX_TOKEN_LENGTH + 1) over = t;
    }
    expect(over, 'a token of MAX+1 characters').to.have.length(MAX_TOKEN_LENGTH + 1);
    await expectCode(over, 'invite-too-large');
    if (exact) await expectCode(exact, 'invite-invalid-claims'); // read, signature good, then `pad` is an unknown claim
    await expectCode('x'.repeat(100_000), 'invite-too-large');
    await expectCode(`${'['.repeat(5000)}.${']'.repeat(5000)}.x`, 'invite-too-large');
  });

  it('deeply nested payloads → invite-malformed when signed by a trusted key, invite-bad-signature otherwise', async () => {
    const { current } = await getKeys();
    const deep = JSON.stringify(invitationClaims()).replace(/}$/, `,"x":${'['.repeat(200)}${']'.repeat(200)}}`);
    await expectCode(await signRaw(headerJson(current.kid), deep), 'invite-malformed');
    await expectCode(await signRaw(headerJson(current.kid), JSON.stringify(invitationClaims({ h: [[['12B']]] }))), 'invite-malformed');
    const [h] = segments(await validInvitation());
    await expectCode(`${h}.${encodeBase64urlText(deep)}.${encodeBase64url(new Uint8Array(64))}`, 'invite-bad-signature');
  });

  it('__proto__ and constructor keys in signed claims → invite-malformed, and no prototype is polluted', async () => {
    const { current } = await getKeys();
    const claims = JSON.stringify(invitationClaims());
    for (const extra of ['"__proto__":{"polluted":true}', '"constructor":{"prototype":{"polluted":true}}', '"prototype":1']) {
      await expectCode(await signRaw(headerJson(current.kid), claims.replace(/}$/, `,${extra}}`)), 'invite-malformed');
    }
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
  });

  it('signed claims that are not canonical JSON (duplicate key, whitespace) → invite-malformed', async () => {
    const { current } = await getKeys();
    const claims = JSON.stringify(invitationClaims());
    await expectCode(await signRaw(headerJson(current.kid), claims.replace('{', '{"site":"elsewhere",')), 'invite-malformed');
    await expectCode(await signRaw(headerJson(current.kid), claims.replace('{', '{ ')), 'invite-malformed');
  });
});

describe('invite: claims', () => {
  it('URLs and javascript: strings as codes or references in signed claims → invite-invalid-claims', async () => {
    const { current } = await getKeys();
    const hostile: Record<string, unknown>[] = [
      { vt: 'javascript:alert(1)' },
      { vt: 'https://evil.example/' },
      { vt: 'VISITING-RESIDENT' },
      { h: 'javascript:alert(1)' },
      { h: 'https://evil.example/12B' },
      { h: '//evil.example' },
      { h: '<img src=x onerror=alert(1)>' },
      { site: 'javascript:alert(1)' },
      { iss: 'https://evil.example' },
      { jti: 'javascript:alert(1)' },
      { jti: 'AAAAAAAAAAAAAAAAAAAAAB' }, // not a canonical 16-byte id
    ];
    for (const overrides of hostile) {
      await expectCode(await signRaw(headerJson(current.kid), JSON.stringify(invitationClaims(overrides))), 'invite-invalid-claims');
    }
    const passClaims = { ...invitationClaims({ vt: 'contractor' }), wd: 0b110, hr: [8 * 60, 18 * 60] };
    for (const overrides of [{ wp: 'javascript:alert(1)' }, { wp: 'https://evil.example' }, { hr: ['javascript:', '18:00'] }, { wd: ['1'] }, { wd: [1, 2] }, { wd: 128 }, { hr: [600, 540] }]) {
      await expectCode(await signRaw(headerJson(current.kid, 'vk-pass'), JSON.stringify({ ...passClaims, ...overrides })), 'invite-invalid-claims');
    }
  });

  it('personal data and other unknown claims → invite-invalid-claims (strict claims)', async () => {
    const { current } = await getKeys();
    for (const overrides of [{ name: 'Chan Tai Man' }, { phone: '+85291234567' }, { hkid: 'A1234563' }, { n: 1 }, { wd: [1] }]) {
      await expectCode(await signRaw(headerJson(current.kid), JSON.stringify(invitationClaims(overrides))), 'invite-invalid-claims');
    }
  });

  it('an empty, reversed or over-long validity window, or bad numbers → invite-invalid-claims', async () => {
    const { current } = await getKeys();
    const t = seconds(NOW);
    for (const overrides of [{ exp: t - 3600 }, { nbf: t, exp: t }, { nbf: t - 400 * 86400 }, { exp: 1.5 }, { nbf: -1 }, { exp: '2026-12-01' }, { nbf: 2 ** 40 }]) {
      await expectCode(await signRaw(headerJson(current.kid), JSON.stringify(invitationClaims(overrides))), 'invite-invalid-claims');
    }
  });

  it('the typ decides which claims apply: pass claims in an invitation, or invitation claims as a badge → invite-invalid-claims', async () => {
    const { current } = await getKeys();
    await expectCode(await signRaw(headerJson(current.kid, 'vk-badge'), JSON.stringify(invitationClaims())), 'invite-invalid-claims');
    await expectCode(await signRaw(headerJson(current.kid, 'vk-inv'), JSON.stringify(invitationClaims({ hr: ['08:00', '18:00'] }))), 'invite-invalid-claims');
  });

  it('wrong site → invite-wrong-site (for invitations, passes and badges)', async () => {
    await expectCode(await validInvitation(), 'invite-wrong-site', { siteId: 'other-site' });
    await expectCode(await validPass(), 'invite-wrong-site', { siteId: 'other-site' });
    await expectCode(await validBadge(), 'invite-wrong-site', { siteId: 'other-site' });
  });

  it('a kind this screen does not take → invite-wrong-kind (a badge on the scan screen, an invitation at check-out)', async () => {
    await expectCode(await validBadge(), 'invite-wrong-kind', { kinds: ['invitation', 'pass'] });
    await expectCode(await validInvitation(), 'invite-wrong-kind', { kinds: ['badge'] });
    await expectOk(await validPass(), { kinds: ['invitation', 'pass'] });
  });
});

describe(`invite: validity window with ±${CLOCK_SKEW_SECONDS} s of clock skew`, () => {
  const { from, until } = invitationInput;
  const plus = (d: Date, s: number) => new Date(d.getTime() + s * 1000);

  it('expired beyond the skew → invite-expired; within the skew → accepted', async () => {
    const token = await validInvitation();
    await expectOk(token, { now: plus(until, CLOCK_SKEW_SECONDS - 1) });
    await expectCode(token, 'invite-expired', { now: plus(until, CLOCK_SKEW_SECONDS) });
    await expectCode(token, 'invite-expired', { now: plus(until, 86400) });
  });

  it('not yet valid beyond the skew → invite-not-yet-valid; within the skew → accepted', async () => {
    const token = await validInvitation();
    await expectOk(token, { now: plus(from, -CLOCK_SKEW_SECONDS) });
    await expectCode(token, 'invite-not-yet-valid', { now: plus(from, -CLOCK_SKEW_SECONDS - 1) });
  });

  it('a badge expires too', async () => {
    const token = await validBadge();
    await expectOk(token, { now: plus(NOW, 12 * 3600 + CLOCK_SKEW_SECONDS - 1) });
    await expectCode(token, 'invite-expired', { now: plus(NOW, 12 * 3600 + CLOCK_SKEW_SECONDS) });
  });

  it('checks the window before the hours: an expired pass is expired, not outside hours', async () => {
    await expectCode(await validPass(), 'invite-expired', { now: at('2026-12-26T03:00:00+08:00') });
  });
});

describe('invite: a pass’s weekdays and hours, in the site’s time zone (Asia/Hong_Kong)', () => {
  const cases: [string, boolean][] = [
    ['2026-11-23T07:59:59+08:00', false], // Monday, a second before opening
    ['2026-11-23T08:00:00+08:00', true], // Monday, opening
    ['2026-11-23T17:59:59+08:00', true],
    ['2026-11-23T18:00:00+08:00', false], // closing is exclusive
    ['2026-11-27T12:00:00+08:00', true], // Friday
    ['2026-11-28T12:00:00+08:00', false], // Saturday
    ['2026-11-29T12:00:00+08:00', false], // Sunday
    ['2026-11-24T01:00:00Z', true], // 09:00 Tuesday in Hong Kong, 01:00 in UTC
    ['2026-11-23T23:30:00Z', false], // 07:30 Tuesday in Hong Kong, still Monday in UTC
  ];
  for (const [iso, admitted] of cases) {
    it(`${iso} → ${admitted ? 'admitted' : 'invite-outside-hours'}`, async () => {
      const token = await validPass();
      if (admitted) await expectOk(token, { now: at(iso) });
      else await expectCode(token, 'invite-outside-hours', { now: at(iso) });
    });
  }

  it('reads the hours in the zone it is given, not the tablet’s', async () => {
    const token = await validPass();
    const instant = at('2026-11-24T01:00:00Z'); // 09:00 in Hong Kong, 01:00 in UTC
    await expectOk(token, { now: instant, timeZone: 'Asia/Hong_Kong' });
    await expectCode(token, 'invite-outside-hours', { now: instant, timeZone: 'UTC' });
  });

  it('a pass without days or hours admits at any time in its window', async () => {
    const { current } = await getKeys();
    const token = await signPass({ ...passInput, weekdays: undefined, hours: undefined }, current);
    await expectOk(token, { now: at('2026-11-29T03:00:00+08:00') });
  });

  it('an unknown time zone → config-invalid, never an exception', async () => {
    await expectCode(await validPass(), 'config-invalid', { timeZone: 'Mars/Olympus_Mons' });
    await expectCode(await validPass(), 'config-invalid', { now: new Date(Number.NaN) });
  });
});

describe('invite: uses on this device', () => {
  it('a single-use invitation twice → the second is invite-used-up', async () => {
    const token = await validInvitation();
    const uses = new MemoryUseRecorder();
    expect((await verify(token, { uses, consume: true })).ok).to.equal(true);
    await expectCode(token, 'invite-used-up', { uses, consume: true });
    await expectCode(token, 'invite-used-up', { uses });
  });

  it('verifying without consume records nothing: verify, confirm, then consume', async () => {
    const token = await validInvitation();
    const uses = new MemoryUseRecorder();
    const first = await verify(token, { uses });
    expect(first.ok).to.equal(true);
    expect((await verify(token, { uses })).ok, 'a second look before confirming').to.equal(true);
    expect((await verify(token, { uses, consume: true })).ok, 'the confirmation').to.equal(true);
    if (first.ok) expect(uses.usesOf((first.claims as InvitationClaims).jti)).to.deep.equal([NOW]);
    await expectCode(token, 'invite-used-up', { uses, consume: true });
  });

  it('a pass admits n times, counting every use, then invite-used-up', async () => {
    const token = await validPass({ uses: 3 });
    const uses = new MemoryUseRecorder();
    for (let i = 0; i < 3; i += 1) expect((await verify(token, { uses, consume: true, now: new Date(NOW.getTime() + i * HOUR) })).ok, `use ${i + 1}`).to.equal(true);
    await expectCode(token, 'invite-used-up', { uses, consume: true, now: new Date(NOW.getTime() + 5 * HOUR) });
    await expectCode(token, 'invite-used-up', { uses, now: at('2026-11-24T10:00:00+08:00') });
  });

  it('a pass without n is unlimited within its window', async () => {
    const token = await validPass();
    const uses = new MemoryUseRecorder();
    for (let i = 0; i < 20; i += 1) expect((await verify(token, { uses, consume: true })).ok).to.equal(true);
  });

  it('a failing use record → storage-failed, never an exception', async () => {
    const broken: UseRecorder = {
      count: () => Promise.reject(new DOMException('gone', 'InvalidStateError')),
      record: () => Promise.reject(new DOMException('gone', 'InvalidStateError')),
    };
    await expectCode(await validInvitation(), 'storage-failed', { uses: broken });
  });
});

describe('invite: signing refuses what verification would refuse', () => {
  async function signError(sign: () => Promise<string>): Promise<{ code: string; path: unknown }> {
    try {
      await sign();
    } catch (error) {
      expect(error).to.be.instanceOf(KioskError);
      return { code: (error as KioskError).code, path: (error as KioskError).details['path'] };
    }
    throw new Error('signed a bad token');
  }

  it('a URL as host, a reversed window, a bad weekday, a bad time', async () => {
    const { current } = await getKeys();
    expect(await signError(() => signInvitation({ ...invitationInput, host: 'https://evil.example' }, current))).to.deep.equal({ code: 'invite-invalid-claims', path: 'h' });
    expect(await signError(() => signInvitation({ ...invitationInput, until: invitationInput.from }, current))).to.deep.equal({ code: 'invite-invalid-claims', path: 'exp' });
    expect((await signError(() => signPass({ ...passInput, weekdays: [7] }, current))).code).to.equal('invite-invalid-claims');
    expect((await signError(() => signPass({ ...passInput, hours: ['18:00', '08:00'] }, current))).code).to.equal('invite-invalid-claims');
    expect((await signError(() => signPass({ ...passInput, permit: 'javascript:alert(1)' }, current))).code).to.equal('invite-invalid-claims');
  });

  it('tokens carry only the short claims: no names, phones or ID numbers can be added', async () => {
    const { current } = await getKeys();
    const token = await signPass(contractorPassInput, current);
    const payload = JSON.parse(new TextDecoder().decode(decodeBase64url(segments(token)[1])!)) as Record<string, unknown>;
    expect(Object.keys(payload).sort()).to.deep.equal(['exp', 'h', 'hr', 'iss', 'jti', 'n', 'nbf', 'site', 'vt', 'wd', 'wp']);
    expect(JSON.parse(new TextDecoder().decode(decodeBase64url(segments(token)[0])!))).to.deep.equal({ alg: 'ES256', kid: current.kid, typ: 'vk-pass' });
  });
});
