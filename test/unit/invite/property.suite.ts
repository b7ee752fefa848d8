// Property test: at least 10 000 random and mutated tokens. Whatever arrives from a camera or a wedge
// scanner, verifyToken returns a refusal — no exception escapes, nothing is accepted, nothing navigates or
// fetches. fast-check prints the seed and the shrunk counter-example when a run fails.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { encodeBase64url, encodeBase64urlText } from '../../../src/invite/base64url.js';
import { MemoryUseRecorder, verifyToken, type VerifyOptions } from '../../../src/invite/index.js';
import { getKeys, headerJson, invitationClaims, options, signRaw, validBadge, validInvitation, validPass } from './fixtures.js';

/** Runs of the property; each run verifies one token. */
const RUNS = 10_000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

type Mutation =
  | { op: 'replace'; at: number; char: string }
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; count: number }
  | { op: 'swap-segments'; a: number; b: number }
  | { op: 'truncate'; at: number }
  | { op: 'splice'; at: number; from: number; other: number };

function mutate(token: string, m: Mutation, others: readonly string[]): string {
  const at = (i: number) => i % (token.length + 1);
  switch (m.op) {
    case 'replace':
      return token.slice(0, at(m.at)) + m.char + token.slice(at(m.at) + 1);
    case 'insert':
      return token.slice(0, at(m.at)) + m.text + token.slice(at(m.at));
    case 'delete':
      return token.slice(0, at(m.at)) + token.slice(at(m.at) + m.count);
    case 'swap-segments': {
      const parts = token.split('.');
      const a = m.a % parts.length;
      const b = m.b % parts.length;
      [parts[a], parts[b]] = [parts[b]!, parts[a]!];
      return parts.join('.');
    }
    case 'truncate':
      return token.slice(0, at(m.at));
    case 'splice': {
      // Glue the start of one valid token to the end of another: each half is genuine.
      const other = others[m.other % others.length]!;
      return token.slice(0, at(m.at)) + other.slice(m.from % (other.length + 1));
    }
  }
}

describe('invite: property — random and mutated tokens are all refused, and nothing escapes', () => {
  it(`${RUNS} tokens`, async function () {
    this.timeout(60_000);
    const { current } = await getKeys();
    const valid = [await validInvitation(), await validPass(), await validPass({ uses: 2, permit: 'WP-1' }), await validBadge()];
    const base64urlChar = fc.constantFrom(...ALPHABET.split(''));
    const mutation: fc.Arbitrary<Mutation> = fc.oneof(
      fc.record({ op: fc.constant('replace' as const), at: fc.nat(2000), char: fc.oneof(base64urlChar, fc.constantFrom('.', '=', '+', '/', ' ', '\n', '\u0000', 'é', '\u{1F600}')) }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(2000), text: fc.string({ maxLength: 8 }) }),
      fc.record({ op: fc.constant('delete' as const), at: fc.nat(2000), count: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ op: fc.constant('swap-segments' as const), a: fc.nat(2), b: fc.nat(2) }),
      fc.record({ op: fc.constant('truncate' as const), at: fc.nat(2000) }),
      fc.record({ op: fc.constant('splice' as const), at: fc.nat(2000), from: fc.nat(2000), other: fc.nat(3) }),
    );
    const mutated = fc
      .tuple(fc.constantFrom(...valid), fc.array(mutation, { minLength: 1, maxLength: 3 }))
      .map(([token, ms]) => ms.reduce((t, m) => mutate(t, m, valid), token))
      .filter((t) => !valid.includes(t));
    const segment = fc.uint8Array({ maxLength: 200 }).map(encodeBase64url);
    const threeSegments = fc.tuple(segment, segment, segment).map((parts) => parts.join('.'));
    // Random JSON header and claims, with a random signature: exercises the header and key checks.
    const randomJson = fc
      .tuple(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constant({ alg: 'ES256', kid: current.kid, typ: 'vk-inv' })), fc.jsonValue({ maxDepth: 4 }), fc.uint8Array({ minLength: 60, maxLength: 70 }))
      .map(([h, p, s]) => `${encodeBase64urlText(JSON.stringify(h) ?? 'null')}.${encodeBase64urlText(JSON.stringify(p) ?? 'null')}.${encodeBase64url(s)}`);
    // Random claims signed by a TRUSTED key: the claims parser sees hostile JSON (nearly all refused by the
    // schema). Signing is slow, so a small pool is signed up front and reused.
    const pool = await Promise.all(
      fc.sample(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(fc.constantFrom('iss', 'site', 'jti', 'nbf', 'exp', 'vt', 'h', 'p', '__proto__', 'x'), fc.jsonValue({ maxDepth: 2 }))), 100).map((claims) =>
        signRaw(headerJson(current.kid, 'vk-inv'), JSON.stringify({ ...invitationClaims(), ...(claims && typeof claims === 'object' && !Array.isArray(claims) ? claims : { x: claims }), site: 'not-this-site' })),
      ),
    );
    const signedHostile = fc.constantFrom(...pool);
    const token = fc.oneof(
      { weight: 5, arbitrary: mutated },
      { weight: 2, arbitrary: fc.string({ maxLength: 600 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 1200 }) },
      { weight: 2, arbitrary: threeSegments },
      { weight: 2, arbitrary: randomJson },
      { weight: 1, arbitrary: signedHostile },
      { weight: 1, arbitrary: fc.anything() },
    );

    const href = location.href;
    const fetchesBefore = performance.getEntriesByType('resource').length;
    let runs = 0;
    const codes = new Map<string, number>();
    const opts: VerifyOptions = await options({ uses: new MemoryUseRecorder(), consume: true });
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(token, async (t) => {
        runs += 1;
        let result;
        try {
          result = await verifyToken(t, opts);
        } catch (error) {
          throw new Error(`verifyToken threw: ${String(error)}`, { cause: error });
        }
        if (result.ok) throw new Error(`accepted a ${result.kind}`);
        codes.set(result.code, (codes.get(result.code) ?? 0) + 1);
      }),
      { numRuns: RUNS },
    );
    const elapsed = performance.now() - started;
    console.log(`invite property: ${runs} tokens refused in ${(elapsed / 1000).toFixed(1)} s — ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}`);
    expect(runs).to.be.at.least(RUNS);
    expect(location.href).to.equal(href);
    expect(performance.getEntriesByType('resource').length, 'nothing fetched').to.equal(fetchesBefore);
  });
});
