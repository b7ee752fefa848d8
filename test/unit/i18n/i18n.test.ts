import { expect } from '@open-wc/testing';
import * as OpenCC from 'opencc-js';
import { ERROR_CODES } from '../../../src/domain/errors.js';
import { PURPOSES, VISITOR_TYPES } from '../../../src/domain/codes.js';
import { CATALOGUES, LOCALE_TAGS, matchLocale, resolveLocale, type Messages, type NoticeFacts } from '../../../src/i18n/index.js';
import { DESK_CATALOGUES } from '../../../src/i18n/desk/index.js';

const FACTS: NoticeFacts = {
  controller: 'X',
  contact: 'Y',
  retentionDays: 31,
  recordsIdNumber: true,
  phoneRequired: true,
  organisationRequired: true,
};

/** Every string a catalogue can produce, with its key path: functions are called with sample arguments. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    // Parameters are numbers, notice facts or error details; try each shape the catalogue uses.
    const sample = path.startsWith('errors.') ? fn({ max: 50 }) : path.startsWith('privacy') ? fn(FACTS) : fn(3);
    return strings(sample, path);
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  }
  return [];
}

const keysOf = (m: Messages | object) => strings(m).map(([k]) => k).sort();

describe('i18n catalogues', () => {
  it('every locale implements every key of English, and no other', () => {
    const english = keysOf(CATALOGUES.en);
    for (const tag of LOCALE_TAGS) expect(keysOf(CATALOGUES[tag]), tag).to.deep.equal(english);
  });

  it('no message is empty', () => {
    for (const tag of LOCALE_TAGS) {
      for (const [key, text] of strings(CATALOGUES[tag])) expect(text.trim(), `${tag} ${key}`).not.to.equal('');
    }
  });

  it('names every visitor type, purpose and error code of the domain', () => {
    for (const tag of LOCALE_TAGS) {
      const m = CATALOGUES[tag];
      expect(Object.keys(m.visitorTypes).sort(), tag).to.deep.equal([...VISITOR_TYPES].sort());
      expect(Object.keys(m.purposes).sort(), tag).to.deep.equal([...PURPOSES].sort());
      expect(Object.keys(m.errors).sort(), tag).to.deep.equal([...ERROR_CODES].sort());
    }
  });

  it('English has no Chinese characters', () => {
    for (const [key, text] of strings(CATALOGUES.en)) expect(/\p{Script=Han}/u.test(text), key).to.equal(false);
  });

  it('繁體中文 uses only traditional characters and 简体中文 only simplified ones', () => {
    // Per character: a simplified-only character is left alone by traditional→simplified and changed by
    // simplified→traditional; a traditional-only one the other way round. Characters shared by both
    // scripts, and regional variants (閱/閲), are neither. The method is checked on known characters first.
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
    const simplifiedOnly = (c: string) => toSimplified(c) === c && toTraditional(c) !== c;
    const traditionalOnly = (c: string) => toTraditional(c) === c && toSimplified(c) !== c;
    expect(['访', '记', '证'].every(simplifiedOnly)).to.equal(true);
    expect(['訪', '記', '證'].every(traditionalOnly)).to.equal(true);
    expect(['中', '文', '閱'].some(simplifiedOnly)).to.equal(false);
    const han = (text: string) => [...text].filter((c) => /\p{Script=Han}/u.test(c));
    for (const [key, text] of strings(CATALOGUES['zh-Hant'])) {
      expect(han(text).filter(simplifiedOnly), `zh-Hant ${key}: ${text}`).to.deep.equal([]);
    }
    for (const [key, text] of strings(CATALOGUES['zh-Hans'])) {
      expect(han(text).filter(traditionalOnly), `zh-Hans ${key}: ${text}`).to.deep.equal([]);
    }
  });

  it('keeps the false friend apart: 單位 is a flat in Hong Kong, 单位 an employer on the mainland', () => {
    expect(CATALOGUES['zh-Hant'].organisation).to.equal('公司／機構名稱');
    expect(CATALOGUES['zh-Hant'].host).to.contain('單位');
    expect(CATALOGUES['zh-Hans'].organisation).to.equal('来访单位');
    expect(CATALOGUES['zh-Hans'].host).to.equal('被访人或房号');
  });

  it('uses the contract names in English', () => {
    const m = CATALOGUES.en;
    expect([m.checkIn, m.scanInvitation, m.checkOut, m.askForHelp, m.submit]).to.deep.equal([
      'Check in',
      'Scan invitation',
      'Check out',
      'Ask staff for help',
      'Submit',
    ]);
    expect([m.fullName, m.phone, m.organisation, m.partySize, m.visitorType, m.purpose, m.host, m.appointment]).to.deep.equal([
      'Full name',
      'Phone number',
      'Organisation',
      'Number of people',
      'Visitor type',
      'Purpose of visit',
      'Person or unit you are visiting',
      'Do you have an appointment?',
    ]);
    expect(m.privacyAcknowledge).to.contain('privacy notice');
  });
});

describe('language resolution', () => {
  it('maps browser tags to our three languages', () => {
    expect(matchLocale('zh-HK')).to.equal('zh-Hant');
    expect(matchLocale('zh-TW')).to.equal('zh-Hant');
    expect(matchLocale('zh-Hant-MO')).to.equal('zh-Hant');
    expect(matchLocale('zh-CN')).to.equal('zh-Hans');
    expect(matchLocale('zh')).to.equal('zh-Hans');
    expect(matchLocale('en-GB')).to.equal('en');
    expect(matchLocale('fr-FR')).to.equal(undefined);
  });

  it('takes the first candidate it knows, then English', () => {
    expect(resolveLocale([null, '', 'fr', 'zh-HK', 'en'])).to.equal('zh-Hant');
    expect(resolveLocale(['ja', 'de'])).to.equal('en');
  });
});

describe('desk catalogues', () => {
  it('every locale implements every key of English', () => {
    const english = keysOf(DESK_CATALOGUES.en);
    for (const tag of LOCALE_TAGS) expect(keysOf(DESK_CATALOGUES[tag]), tag).to.deep.equal(english);
  });

  it('uses the contract names in English', () => {
    const d = DESK_CATALOGUES.en;
    expect([d.classLabel.A, d.classLabel.B, d.classLabel.C, d.classLabel.watchlist]).to.deep.equal(['Class A', 'Class B', 'Class C', 'Watch list']);
    expect([d.acknowledge, d.pin, d.signIn, d.confirmCheckIn, d.checkOut, d.printBadge]).to.deep.equal([
      'Acknowledge',
      'PIN',
      'Sign in',
      'Confirm check-in',
      'Check out',
      'Print badge',
    ]);
  });

  it('each Chinese desk catalogue uses only its own script', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
    const simplifiedOnly = (c: string) => toSimplified(c) === c && toTraditional(c) !== c;
    const traditionalOnly = (c: string) => toTraditional(c) === c && toSimplified(c) !== c;
    const han = (text: string) => [...text].filter((c) => /\p{Script=Han}/u.test(c));
    for (const [key, text] of strings(DESK_CATALOGUES['zh-Hant'])) expect(han(text).filter(simplifiedOnly), `zh-Hant ${key}: ${text}`).to.deep.equal([]);
    for (const [key, text] of strings(DESK_CATALOGUES['zh-Hans'])) expect(han(text).filter(traditionalOnly), `zh-Hans ${key}: ${text}`).to.deep.equal([]);
  });
});
