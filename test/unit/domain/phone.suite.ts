import { expect } from '@open-wc/testing';
import type { Jurisdiction } from '../../../src/domain/codes.js';
import { normalisePhone } from '../../../src/domain/phone.js';

describe('normalisePhone', () => {
  const valid: [string, Jurisdiction, string][] = [
    ['9123 4567', 'HK', '+85291234567'],
    ['91234567', 'HK', '+85291234567'],
    ['+852 9123 4567', 'HK', '+85291234567'],
    ['(852) 9123-4567', 'HK', '+85291234567'],
    ['(+852) 9123 4567', 'HK', '+85291234567'],
    ['00852 9123 4567', 'HK', '+85291234567'],
    ['00852 9123 4567', 'CN', '+85291234567'],
    ['+852-2123-4567', 'HK', '+85221234567'],
    ['5123.4567', 'HK', '+85251234567'],
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['+86 138 0013 8000', 'HK', '+8613800138000'],
    ['0086 13800138000', 'HK', '+8613800138000'],
    ['0086 13800138000', 'CN', '+8613800138000'],
    ['010-12345678', 'CN', '+861012345678'],
    ['021 6123 4567', 'CN', '+862161234567'],
    ['+1 415 555 2671', 'HK', '+14155552671'],
    ['+44 20 7946 0958', 'CN', '+442079460958'],
    ['９１２３４５６７', 'HK', '+85291234567'],
    ['＋８５２　９１２３－４５６７', 'HK', '+85291234567'],
    ['  9123 4567  ', 'HK', '+85291234567'],
  ];
  for (const [input, region, expected] of valid) {
    it(`reads ${JSON.stringify(input)} on a ${region} site as ${expected}`, () => {
      expect(normalisePhone(input, region)).to.deep.equal({ ok: true, value: expected });
    });
  }

  const invalid: [string, Jurisdiction, string][] = [
    ['', 'HK', 'required'],
    ['   ', 'HK', 'required'],
    ['1', 'HK', 'phone-too-short'],
    ['1234', 'HK', 'phone-too-short'],
    ['9123456', 'HK', 'phone-too-short'],
    ['+852 9123', 'HK', 'phone-too-short'],
    ['912345678', 'HK', 'phone-too-long'],
    ['912345678901234', 'HK', 'phone-too-long'],
    ['+44 20 7946 09581', 'HK', 'phone-too-long'],
    ['1380013800', 'CN', 'phone-too-short'],
    ['138001380001', 'CN', 'phone-too-long'],
    ['9'.repeat(10_000), 'HK', 'phone-too-long'],
    ['+999 1234 5678', 'HK', 'phone-invalid-country'],
    ['+0 123 4567', 'HK', 'phone-invalid-country'],
    ['1234 5678', 'HK', 'phone-invalid'],
    ['+852 1234 5678', 'HK', 'phone-invalid'],
    ['abc', 'HK', 'phone-invalid'],
    ['9123-4567abc', 'HK', 'phone-invalid'],
    ['91234567 ext 12', 'HK', 'phone-invalid'],
    ['9123+4567', 'HK', 'phone-invalid'],
    ['+', 'HK', 'phone-invalid'],
    ['😀', 'HK', 'phone-invalid'],
  ];
  for (const [input, region, code] of invalid) {
    it(`rejects ${JSON.stringify(input.length > 30 ? `${input.slice(0, 10)}…` : input)} on a ${region} site with ${code}`, () => {
      const r = normalisePhone(input, region);
      expect(r).to.deep.include({ ok: false, code });
    });
  }
});
