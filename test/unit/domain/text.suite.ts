import { expect } from '@open-wc/testing';
import { MAX_NAME_LENGTH, cleanText, normaliseName } from '../../../src/domain/text.js';

describe('normaliseName', () => {
  const valid: [string, string, string][] = [
    ['a plain name', 'Chan Tai Man', 'Chan Tai Man'],
    ['a Chinese name', '陳大文', '陳大文'],
    ['surrounding and inner white space folded', '  Chan \t Tai\n\nMan  ', 'Chan Tai Man'],
    ['the ideographic space folded', '陳\u3000大文', '陳 大文'],
    ['zero-width characters removed', 'Ch\u200Ban\u200D Tai\u2060 Man\uFEFF', 'Chan Tai Man'],
    ['bidi controls removed', '\u202EnaM iaT nahC\u202C', 'naM iaT nahC'],
    ['isolates and marks removed', '\u2066Ali\u2069\u200E \u200FBaker', 'Ali Baker'],
    ['an Arabic name', 'محمد علي', 'محمد علي'],
    ['a Hebrew name', 'דוד כהן', 'דוד כהן'],
    ['NFC composition', 'Jose\u0301', 'Jos\u00e9'],
    ['markup kept as text (the UI escapes it)', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['an apostrophe and a hyphen', "O'Brien-Smith", "O'Brien-Smith"],
    ['exactly the maximum length', 'a'.repeat(MAX_NAME_LENGTH), 'a'.repeat(MAX_NAME_LENGTH)],
    ['astral CJK characters counted as one each', '𠮷'.repeat(MAX_NAME_LENGTH), '𠮷'.repeat(MAX_NAME_LENGTH)],
  ];
  for (const [what, input, expected] of valid) {
    it(`accepts ${what}`, () => {
      expect(normaliseName(input)).to.deep.equal({ ok: true, value: expected });
    });
  }

  const invalid: [string, string, string, Record<string, number>?][] = [
    ['empty', '', 'required'],
    ['white space only', ' \t\n\u3000 ', 'required'],
    ['zero-width characters only', '\u200B\u200C\uFEFF', 'required'],
    ['10 000 characters', 'x'.repeat(10_000), 'too-long', { max: MAX_NAME_LENGTH }],
    ['one past the maximum', 'a'.repeat(MAX_NAME_LENGTH + 1), 'too-long', { max: 80 }],
    ['an emoji', 'Chan 😀', 'name-invalid-characters'],
    ['a ZWJ emoji sequence', 'Chan 👨‍👩‍👧', 'name-invalid-characters'],
    ['a flag', 'Chan 🇭🇰', 'name-invalid-characters'],
    ['a keycap', 'Chan 1\uFE0F\u20E3', 'name-invalid-characters'],
    ['a heart with emoji presentation', 'Chan ❤\uFE0F', 'name-invalid-characters'],
    ['a NUL character', 'Chan\u0000Tai', 'name-invalid-characters'],
    ['an escape sequence', 'Chan\u001b[31m', 'name-invalid-characters'],
    ['a lone surrogate', 'Chan\uD800', 'name-invalid-characters'],
    ['digits only', '12345', 'name-invalid-characters'],
    ['punctuation only', '<>()!', 'name-invalid-characters'],
  ];
  for (const [what, input, code, details] of invalid) {
    it(`rejects ${what} with ${code}`, () => {
      const r = normaliseName(input);
      expect(r.ok).to.equal(false);
      if (r.ok) return;
      expect(r.code).to.equal(code);
      if (details) expect(r.details).to.deep.equal(details);
    });
  }
});

describe('cleanText', () => {
  it('returns an empty string for empty or blank input', () => {
    expect(cleanText('', 100)).to.deep.equal({ ok: true, value: '' });
    expect(cleanText(' \u200B ', 100)).to.deep.equal({ ok: true, value: '' });
  });
  it('strips invisible and control characters and folds white space', () => {
    expect(cleanText('  Acme\u200B\u0007  Ltd\u202E ', 100)).to.deep.equal({ ok: true, value: 'Acme Ltd' });
  });
  it('keeps emoji and markup in free text', () => {
    expect(cleanText('Acme 🚀 <b>', 100)).to.deep.equal({ ok: true, value: 'Acme 🚀 <b>' });
  });
  it('counts the limit in code points after tidying', () => {
    expect(cleanText(`  ${'a'.repeat(10)}  `, 10)).to.deep.equal({ ok: true, value: 'a'.repeat(10) });
    expect(cleanText('a'.repeat(11), 10)).to.deep.equal({ ok: false, code: 'too-long', details: { max: 10 } });
    expect(cleanText('x'.repeat(10_000), 100)).to.deep.include({ ok: false, code: 'too-long' });
  });
});
