import { expect } from '@open-wc/testing';
import { decodeBase64url, encodeBase64url, encodeBase64urlText } from '../../../src/invite/base64url.js';
import { MAX_JSON_DEPTH, parseStrictJson } from '../../../src/invite/json.js';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('invite: base64url', () => {
  it('encodes the RFC 4648 test vectors (url alphabet, no padding)', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'Zg'], ['fo', 'Zm8'], ['foo', 'Zm9v'], ['foob', 'Zm9vYg'], ['fooba', 'Zm9vYmE'], ['foobar', 'Zm9vYmFy']];
    for (const [text, b64] of vectors) {
      expect(encodeBase64urlText(text), text).to.equal(b64);
      expect(new TextDecoder().decode(decodeBase64url(b64)), b64).to.equal(text);
    }
    expect(encodeBase64url(bytes(0xfb, 0xff, 0xbf))).to.equal('-_-_');
    expect([...decodeBase64url('-_-_')!]).to.deep.equal([0xfb, 0xff, 0xbf]);
  });

  it('round-trips every length from 0 to 70 bytes', () => {
    for (let n = 0; n <= 70; n += 1) {
      const b = crypto.getRandomValues(new Uint8Array(n));
      expect([...decodeBase64url(encodeBase64url(b))!], `length ${n}`).to.deep.equal([...b]);
    }
  });

  it('refuses padding, the standard alphabet, stray characters and impossible lengths', () => {
    for (const bad of ['Zg==', 'Zm9v+/', 'Zm9v Yg', 'Z', 'Zm9vY', 'Zm9v\n', 'Zé', 'Zm9v.Yg']) {
      expect(decodeBase64url(bad), JSON.stringify(bad)).to.equal(undefined);
    }
  });

  it('refuses non-canonical encodings (unused bits set), so a token has one spelling only', () => {
    // 'Zg' is "f"; 'Zh'…'Zv' carry the same byte with unused low bits set.
    expect(decodeBase64url('Zg')).to.not.equal(undefined);
    expect(decodeBase64url('Zh')).to.equal(undefined);
    expect(decodeBase64url('Zm8')).to.not.equal(undefined);
    expect(decodeBase64url('Zm9')).to.equal(undefined);
  });
});

describe('invite: strict JSON', () => {
  it('accepts canonical JSON and returns the value', () => {
    expect(parseStrictJson('{"a":1,"b":["x",true,null]}')).to.deep.equal({ a: 1, b: ['x', true, null] });
  });

  it('refuses what JSON.stringify would not write: whitespace, escapes, number spellings, duplicates', () => {
    for (const text of ['{ "a":1}', '{"a":1}\n', '{"\\u0061":1}', '{"a":1.0}', '{"a":1e2}', '{"a":1,"a":2}', '{"a":"x","b":1,"a":"y"}', 'nope', '']) {
      expect(parseStrictJson(text), text).to.equal(undefined);
    }
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH}`, () => {
    expect(parseStrictJson('{"a":[[1]]}')).to.deep.equal({ a: [[1]] });
    expect(parseStrictJson('{"a":[[[1]]]}')).to.equal(undefined);
    expect(parseStrictJson(`${'['.repeat(400)}${']'.repeat(400)}`)).to.equal(undefined);
  });

  it('refuses __proto__, constructor and prototype keys at any level', () => {
    for (const text of ['{"__proto__":{"x":1}}', '{"constructor":1}', '{"a":{"prototype":1}}', '[{"__proto__":null}]']) {
      expect(parseStrictJson(text), text).to.equal(undefined);
    }
    expect(({} as Record<string, unknown>)['x'], 'no prototype was touched').to.equal(undefined);
  });
});
