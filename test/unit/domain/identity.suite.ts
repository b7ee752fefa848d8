import { expect } from '@open-wc/testing';
import { ageOn, cnIdCheckCharacter, hkidCheckCharacter, validateCnResidentId, validateHkid } from '../../../src/domain/identity.js';

describe('validateHkid', () => {
  const valid: [string, string][] = [
    ['A123456(3)', 'A1234563'],
    ['A1234563', 'A1234563'],
    ['a123456(3)', 'A1234563'],
    [' A 123456 (3) ', 'A1234563'],
    ['G123456(A)', 'G123456A'],
    ['g123456a', 'G123456A'],
    ['AB987654(3)', 'AB9876543'],
    ['Z683365(A)', 'Z683365A'],
    ['XA000000(8)', 'XA0000008'],
    ['Ａ１２３４５６（３）', 'A1234563'],
  ];
  for (const [input, normalised] of valid) {
    it(`accepts ${input}`, () => {
      expect(validateHkid(input)).to.deep.equal({ ok: true, value: { normalised, last4: normalised.slice(-4) } });
    });
  }

  const invalid: [string, string][] = [
    ['', 'id-format-invalid'],
    ['A12345(3)', 'id-format-invalid'],
    ['A1234567(3)', 'id-format-invalid'],
    ['ABC123456(3)', 'id-format-invalid'],
    ['1123456(3)', 'id-format-invalid'],
    ['A123456(B)', 'id-format-invalid'],
    ['A123456((3))', 'id-format-invalid'],
    ['A'.repeat(10_000), 'id-format-invalid'],
    ['A123456(4)', 'id-check-character-invalid'],
    ['A123456(A)', 'id-check-character-invalid'],
    ['G123456(0)', 'id-check-character-invalid'],
    ['AB987654(2)', 'id-check-character-invalid'],
  ];
  for (const [input, code] of invalid) {
    it(`rejects ${input.length > 20 ? 'a 10 000-character input' : JSON.stringify(input)} with ${code}`, () => {
      expect(validateHkid(input)).to.deep.equal({ ok: false, code });
    });
  }

  it('computes check characters 0–9 and A', () => {
    expect(hkidCheckCharacter('A', '123456')).to.equal('3');
    expect(hkidCheckCharacter('G', '123456')).to.equal('A');
    expect(hkidCheckCharacter('C', '668668')).to.equal('9');
  });
});

describe('validateCnResidentId', () => {
  const today = { year: 2026, month: 11, day: 23 };
  const valid: [string, string, string][] = [
    ['11010519491231002X', '11010519491231002X', '1949-12-31'],
    ['11010519491231002x', '11010519491231002X', '1949-12-31'],
    ['110105 19800229 0013', '110105198002290013', '1980-02-29'],
    ['110105201211230011', '110105201211230011', '2012-11-23'],
  ];
  for (const [input, normalised, birthDate] of valid) {
    it(`accepts ${input}`, () => {
      expect(validateCnResidentId(input, today)).to.deep.equal({ ok: true, value: { normalised, last4: normalised.slice(-4), birthDate } });
    });
  }

  const invalid: [string, string][] = [
    ['', 'id-format-invalid'],
    ['11010519491231002', 'id-format-invalid'],
    ['11010519491231002XX', 'id-format-invalid'],
    ['1101051949123100X2', 'id-format-invalid'],
    ['110105194912310', 'id-format-invalid'],
    ['110105199013010018', 'id-format-invalid'], // month 13
    ['110105202302300016', 'id-format-invalid'], // 30 February
    ['110105189912310015', 'id-format-invalid'], // 1899
    ['440524188001010014', 'id-format-invalid'], // a published example with a right check character, born 1880
    ['110105202611240010', 'id-format-invalid'], // born tomorrow
    ['110105194912310021', 'id-check-character-invalid'],
    ['110105198002290012', 'id-check-character-invalid'],
    ['110105201211240017', 'id-under-14'], // 14 tomorrow
    ['440304200808161553', 'ok'],
  ];
  for (const [input, code] of invalid) {
    it(`gives ${code} for ${input || 'empty input'}`, () => {
      const r = validateCnResidentId(input, today);
      if (code === 'ok') expect(r.ok).to.equal(true);
      else expect(r).to.deep.include({ ok: false, code });
    });
  }

  it('never puts the number in an error', () => {
    const r = validateCnResidentId('110105201211240017', today);
    expect(JSON.stringify(r)).not.to.contain('1101052012');
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(cnIdCheckCharacter('11010519491231002')).to.equal('X');
    expect(cnIdCheckCharacter('44052418800101001')).to.equal('4');
  });

  it('counts full years, 29 February birthdays coming round on 1 March', () => {
    expect(ageOn({ year: 2012, month: 11, day: 23 }, today)).to.equal(14);
    expect(ageOn({ year: 2012, month: 11, day: 24 }, today)).to.equal(13);
    expect(ageOn({ year: 2012, month: 2, day: 29 }, { year: 2026, month: 2, day: 28 })).to.equal(13);
    expect(ageOn({ year: 2012, month: 2, day: 29 }, { year: 2026, month: 3, day: 1 })).to.equal(14);
  });
});
