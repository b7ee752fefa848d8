import { expect } from '@open-wc/testing';
import * as OpenCC from 'opencc-js';
import { PARCEL_CATALOGUES } from '../../../src/i18n/desk/parcels.js';
import { LANE_CATALOGUES } from '../../../src/i18n/lobby.js';
import { LOBBY_NOTIFY_CATALOGUES } from '../../../src/i18n/lobby-notify.js';

/** Every string a catalogue yields, functions called with sample arguments. */
function strings(catalogue: object): [string, string][] {
  return Object.entries(catalogue).map(([key, value]) => [key, typeof value === 'function' ? String((value as (...a: unknown[]) => unknown)(2, 'X', 'Y', 'Z')) : String(value)]);
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const simplifiedOnly = (c: string) => toSimplified(c) === c && toTraditional(c) !== c;
const traditionalOnly = (c: string) => toTraditional(c) === c && toSimplified(c) !== c;
const han = (text: string) => [...text].filter((c) => /\p{Script=Han}/u.test(c));

describe('lobby wording (the kiosk lane, the desk parcel log, the unit’s e-mail)', () => {
  for (const [name, catalogues] of [
    ['lane', LANE_CATALOGUES],
    ['parcels', PARCEL_CATALOGUES],
    ['notify', LOBBY_NOTIFY_CATALOGUES],
  ] as const) {
    it(`${name}: the same keys in three locales, each in its own script`, () => {
      expect(Object.keys(catalogues['zh-Hant']).sort()).to.deep.equal(Object.keys(catalogues.en).sort());
      expect(Object.keys(catalogues['zh-Hans']).sort()).to.deep.equal(Object.keys(catalogues.en).sort());
      for (const [key, text] of strings(catalogues.en)) expect(/\p{Script=Han}/u.test(text), `en ${key}`).to.equal(false);
      for (const [key, text] of strings(catalogues['zh-Hant'])) expect(han(text).filter(simplifiedOnly), `zh-Hant ${key}: ${text}`).to.deep.equal([]);
      for (const [key, text] of strings(catalogues['zh-Hans'])) expect(han(text).filter(traditionalOnly), `zh-Hans ${key}: ${text}`).to.deep.equal([]);
    });
  }

  it('keeps the false friend apart: the recipient is a 單位 (flat) in Hong Kong, a 房号 on the mainland', () => {
    expect(LANE_CATALOGUES['zh-Hant'].unit).to.equal('收件單位');
    expect(LANE_CATALOGUES['zh-Hans'].unit).to.equal('收件房号');
    expect(PARCEL_CATALOGUES['zh-Hans'].unit).to.not.contain('单位');
  });
});
