import { expect } from '@open-wc/testing';
import { DEMO_SITE, DEMO_SITE_CN } from '../../../src/domain/demo-site.js';
import type { SiteConfig } from '../../../src/domain/site.js';
import {
  MAX_PARTY_SIZE,
  emptyWalkIn,
  hostIsAbsent,
  searchHosts,
  validateWalkIn,
  type WalkInInput,
  type WalkInResult,
} from '../../../src/domain/walk-in.js';

/** 00:30 on Monday 23 November in Hong Kong and Shanghai, still Sunday 22 November in UTC. */
const NOW = new Date('2026-11-22T16:30:00Z');

const hkInput = (over: Partial<WalkInInput> = {}): WalkInInput => ({
  ...emptyWalkIn(),
  fullName: 'Chan Tai Man',
  visitorType: 'visiting-resident',
  purpose: 'other',
  hostQuery: '12B',
  hasAppointment: 'no',
  privacyAcknowledged: true,
  ...over,
});

const cnInput = (over: Partial<WalkInInput> = {}): WalkInInput => ({
  ...hkInput(),
  fullName: '王小明',
  phone: '138 0013 8000',
  visitorType: 'business',
  purpose: 'meeting',
  hostQuery: '',
  hostId: 'p-li-na',
  identityMethod: 'recorded',
  idDocument: 'cn-resident',
  idNumber: '11010519491231002X',
  idConsent: true,
  ...over,
});

const site = (base: SiteConfig, over: Partial<SiteConfig>): SiteConfig => ({ ...base, ...over });

function draftOf(r: WalkInResult) {
  if (!r.ok) throw new Error(`expected a draft, got errors ${JSON.stringify(r.errors)}`);
  return r.draft;
}
function errorsOf(r: WalkInResult) {
  if (r.ok) throw new Error('expected errors, got a draft');
  return r.errors;
}

describe('validateWalkIn', () => {
  it('turns a minimal Hong Kong registration into a draft', () => {
    const draft = draftOf(validateWalkIn(hkInput(), DEMO_SITE, NOW, 'en'));
    expect(draft).to.deep.equal({
      visitor: { fullName: 'Chan Tai Man', phone: '', organisation: '', partySize: 1 },
      visitorType: 'visiting-resident',
      purpose: 'other',
      host: { kind: 'unit', id: 'unit-12b', label: '12B' },
      hasAppointment: false,
      identity: { method: 'sighted' },
      consent: { noticeVersion: '2026-11-01', kind: 'read', at: '2026-11-22T16:30:00.000Z' },
      lang: 'en',
    });
  });

  it('reports every missing answer of an empty form at once', () => {
    const errors = errorsOf(validateWalkIn(emptyWalkIn(), DEMO_SITE, NOW, 'zh-Hant'));
    expect(errors).to.deep.equal({
      fullName: { code: 'required' },
      visitorType: { code: 'choice-required' },
      purpose: { code: 'choice-required' },
      hostQuery: { code: 'host-required' },
      hasAppointment: { code: 'choice-required' },
      privacyAcknowledged: { code: 'privacy-not-acknowledged' },
    });
  });

  describe('full name', () => {
    const cases: [string, string, string | null][] = [
      ['a normalised name', '  陳  大文 ', null],
      ['an RTL name', 'محمد علي', null],
      ['markup, kept as text', '<img src=x onerror=alert(1)>', null],
      ['whitespace only', '   ', 'required'],
      ['10 000 characters', 'x'.repeat(10_000), 'too-long'],
      ['an emoji', 'Chan 😀', 'name-invalid-characters'],
      ['zero-width characters only', '\u200B\u200D', 'required'],
    ];
    for (const [what, fullName, code] of cases) {
      it(`${what} → ${code ?? 'accepted'}`, () => {
        const r = validateWalkIn(hkInput({ fullName }), DEMO_SITE, NOW, 'en');
        if (code === null) expect(r.ok).to.equal(true);
        else expect(errorsOf(r).fullName?.code).to.equal(code);
      });
    }
    it('stores the tidied name', () => {
      expect(draftOf(validateWalkIn(hkInput({ fullName: '  陳\u200B  大文 ' }), DEMO_SITE, NOW, 'en')).visitor.fullName).to.equal('陳 大文');
    });
  });

  describe('phone', () => {
    it('is optional on the demo site but validated when given', () => {
      expect(draftOf(validateWalkIn(hkInput({ phone: '  ' }), DEMO_SITE, NOW, 'en')).visitor.phone).to.equal('');
      expect(draftOf(validateWalkIn(hkInput({ phone: '9123 4567' }), DEMO_SITE, NOW, 'en')).visitor.phone).to.equal('+85291234567');
      expect(errorsOf(validateWalkIn(hkInput({ phone: '1234' }), DEMO_SITE, NOW, 'en')).phone).to.deep.equal({ code: 'phone-too-short' });
    });
    it('is required where the site requires it, and read in the site region', () => {
      expect(errorsOf(validateWalkIn(cnInput({ phone: '' }), DEMO_SITE_CN, NOW, 'zh-Hans')).phone).to.deep.equal({ code: 'required' });
      expect(draftOf(validateWalkIn(cnInput(), DEMO_SITE_CN, NOW, 'zh-Hans')).visitor.phone).to.equal('+8613800138000');
    });
  });

  describe('organisation', () => {
    it('is optional, tidied and limited to 100 characters', () => {
      expect(draftOf(validateWalkIn(hkInput({ organisation: ' Acme\u200B Ltd ' }), DEMO_SITE, NOW, 'en')).visitor.organisation).to.equal('Acme Ltd');
      expect(errorsOf(validateWalkIn(hkInput({ organisation: 'a'.repeat(101) }), DEMO_SITE, NOW, 'en')).organisation).to.deep.equal({
        code: 'too-long',
        details: { max: 100 },
      });
    });
    it('is required where the site requires it', () => {
      const strict = site(DEMO_SITE, { requiredFields: ['organisation'] });
      expect(errorsOf(validateWalkIn(hkInput(), strict, NOW, 'en')).organisation).to.deep.equal({ code: 'required' });
    });
  });

  describe('number of people', () => {
    const cases: [string, number | null][] = [
      ['', 1],
      ['  ', 1],
      ['1', 1],
      [' 7 ', 7],
      ['０３', 3],
      [String(MAX_PARTY_SIZE), MAX_PARTY_SIZE],
      ['0', null],
      [String(MAX_PARTY_SIZE + 1), null],
      ['-1', null],
      ['2.5', null],
      ['1e1', null],
      ['abc', null],
      ['9'.repeat(10_000), null],
    ];
    for (const [partySize, expected] of cases) {
      it(`${JSON.stringify(partySize.slice(0, 12))} → ${expected ?? 'party-size-invalid'}`, () => {
        const r = validateWalkIn(hkInput({ partySize }), DEMO_SITE, NOW, 'en');
        if (expected === null) expect(errorsOf(r).partySize).to.deep.equal({ code: 'party-size-invalid', details: { min: 1, max: MAX_PARTY_SIZE } });
        else expect(draftOf(r).visitor.partySize).to.equal(expected);
      });
    }
  });

  describe('visitor type and purpose', () => {
    it('must be among the codes the site offers', () => {
      const lobby = site(DEMO_SITE, { visitorTypes: ['courier', 'food-delivery'], purposes: ['delivery'] });
      const errors = errorsOf(validateWalkIn(hkInput({ visitorType: 'media', purpose: 'complaint' }), lobby, NOW, 'en'));
      expect(errors.visitorType).to.deep.equal({ code: 'choice-required' });
      expect(errors.purpose).to.deep.equal({ code: 'choice-required' });
      expect(validateWalkIn(hkInput({ visitorType: 'courier', purpose: 'delivery' }), lobby, NOW, 'en').ok).to.equal(true);
    });
    it('refuses unknown codes', () => {
      const errors = errorsOf(validateWalkIn(hkInput({ visitorType: 'alien', purpose: '__proto__' }), DEMO_SITE, NOW, 'en'));
      expect(errors.visitorType?.code).to.equal('choice-required');
      expect(errors.purpose?.code).to.equal('choice-required');
    });
  });

  describe('host', () => {
    const hostOf = (over: Partial<WalkInInput>, s: SiteConfig = DEMO_SITE) => draftOf(validateWalkIn(hkInput(over), s, NOW, 'en')).host;
    const hostError = (over: Partial<WalkInInput>, s: SiteConfig = DEMO_SITE) => errorsOf(validateWalkIn(hkInput(over), s, NOW, 'en')).hostQuery;

    it('takes a unit picked from the suggestions', () => {
      expect(hostOf({ hostId: 'unit-8d', hostQuery: '8' })).to.deep.equal({ kind: 'unit', id: 'unit-8d', label: '8D' });
    });
    it('matches a typed unit label, full-width or not', () => {
      expect(hostOf({ hostQuery: '１２ｂ' })).to.deep.equal({ kind: 'unit', id: 'unit-12b', label: '12B' });
    });
    it('accepts free text where the site allows it', () => {
      expect(hostOf({ hostQuery: '  Tower 2,  Flat 3C ' })).to.deep.equal({ kind: 'free-text', label: 'Tower 2, Flat 3C' });
      expect(hostError({ hostQuery: 'x'.repeat(41) })).to.deep.equal({ code: 'too-long', details: { max: 40 } });
    });
    it('never takes a person on a residential site', () => {
      expect(hostError({ hostId: 'mo-counter' })).to.deep.equal({ code: 'host-required' });
    });
    it('refuses an id that is not in the directory', () => {
      expect(hostError({ hostId: 'unit-99z' })).to.deep.equal({ code: 'host-required' });
    });
    it('refuses free text where the site does not allow it', () => {
      const r = validateWalkIn(cnInput({ hostId: '', hostQuery: 'Somebody' }), DEMO_SITE_CN, NOW, 'en');
      expect(errorsOf(r).hostQuery).to.deep.equal({ code: 'host-required' });
    });
    it('takes people on an office site, by id or by their exact name', () => {
      expect(draftOf(validateWalkIn(cnInput(), DEMO_SITE_CN, NOW, 'en')).host).to.deep.equal({ kind: 'person', id: 'p-li-na', label: 'Li Na' });
      const typed = validateWalkIn(cnInput({ hostId: undefined, hostQuery: 'wang fang' }), DEMO_SITE_CN, NOW, 'en');
      expect(draftOf(typed).host).to.deep.equal({ kind: 'person', id: 'p-wang-fang', label: 'Wang Fang' });
    });
  });

  it('records the appointment answer', () => {
    expect(draftOf(validateWalkIn(hkInput({ hasAppointment: 'yes' }), DEMO_SITE, NOW, 'en')).hasAppointment).to.equal(true);
  });

  it('requires the privacy notice to be acknowledged', () => {
    const errors = errorsOf(validateWalkIn(hkInput({ privacyAcknowledged: false }), DEMO_SITE, NOW, 'en'));
    expect(errors).to.deep.equal({ privacyAcknowledged: { code: 'privacy-not-acknowledged' } });
  });

  describe('identity on a site where the ID is only sighted', () => {
    it('accepts sighted and host confirmation', () => {
      expect(draftOf(validateWalkIn(hkInput({ identityMethod: 'host-confirmation' }), DEMO_SITE, NOW, 'en')).identity).to.deep.equal({
        method: 'host-confirmation',
      });
    });
    it('refuses to record a number', () => {
      const r = validateWalkIn(hkInput({ identityMethod: 'recorded', idDocument: 'hkid', idNumber: 'A123456(3)' }), DEMO_SITE, NOW, 'en');
      expect(errorsOf(r)).to.deep.equal({ identityMethod: { code: 'choice-required' } });
    });
    it('never copies a number typed anyway into the draft', () => {
      const draft = draftOf(validateWalkIn(hkInput({ idDocument: 'hkid', idNumber: 'A123456(3)' }), DEMO_SITE, NOW, 'en'));
      expect(JSON.stringify(draft)).not.to.match(/123456|4563/);
    });
    it('requires a method to be chosen', () => {
      expect(errorsOf(validateWalkIn(hkInput({ identityMethod: '' }), DEMO_SITE, NOW, 'en')).identityMethod?.code).to.equal('choice-required');
    });
  });

  describe('identity on a mainland site that records the number', () => {
    it('keeps only the last four characters, with a separate consent', () => {
      const draft = draftOf(validateWalkIn(cnInput(), DEMO_SITE_CN, NOW, 'zh-Hans'));
      expect(draft.identity).to.deep.equal({ method: 'recorded', documentType: 'cn-resident', last4: '002X' });
      expect(draft.consent).to.deep.equal({ noticeVersion: '2026-11-01', kind: 'consented', at: NOW.toISOString(), idNumber: true });
      expect(JSON.stringify(draft)).not.to.contain('110105');
      expect(JSON.stringify(draft)).not.to.contain('19491231');
    });
    it('requires the separate consent', () => {
      expect(errorsOf(validateWalkIn(cnInput({ idConsent: false }), DEMO_SITE_CN, NOW, 'zh-Hans'))).to.deep.equal({
        idConsent: { code: 'id-consent-required' },
      });
    });
    const cases: [string, Partial<WalkInInput>, Record<string, { code: string }>][] = [
      ['an empty number', { idNumber: ' ' }, { idNumber: { code: 'required' } }],
      ['a wrong check character', { idNumber: '110105194912310021' }, { idNumber: { code: 'id-check-character-invalid' } }],
      ['a malformed number', { idNumber: '1101051949' }, { idNumber: { code: 'id-format-invalid' } }],
      ['a document the site does not take', { idDocument: 'hkid', idNumber: 'A123456(3)' }, { idDocument: { code: 'choice-required' } }],
    ];
    it('takes the only document a site accepts without asking which', () => {
      const draft = draftOf(validateWalkIn(cnInput({ idDocument: '' }), DEMO_SITE_CN, NOW, 'zh-Hans'));
      expect(draft.identity).to.deep.equal({ method: 'recorded', documentType: 'cn-resident', last4: '002X' });
    });
    it('asks which document when the site accepts several', () => {
      const both = { ...DEMO_SITE_CN, identity: { mode: 'record-number' as const, documents: ['hkid' as const, 'cn-resident' as const] } };
      expect(errorsOf(validateWalkIn(cnInput({ idDocument: '' }), both, NOW, 'zh-Hans'))).to.deep.equal({ idDocument: { code: 'choice-required' } });
    });
    for (const [what, over, expected] of cases) {
      it(`reports ${what}`, () => {
        expect(errorsOf(validateWalkIn(cnInput(over), DEMO_SITE_CN, NOW, 'zh-Hans'))).to.deep.equal(expected);
      });
    }
    it("sends under-14s to staff, counting age on the site's local date", () => {
      // 14th birthday on 23 November: already the 23rd in Shanghai, still the 22nd in UTC.
      expect(validateWalkIn(cnInput({ idNumber: '110105201211230011' }), DEMO_SITE_CN, NOW, 'zh-Hans').ok).to.equal(true);
      const r = validateWalkIn(cnInput({ idNumber: '110105201211240017' }), DEMO_SITE_CN, NOW, 'zh-Hans');
      expect(errorsOf(r).idNumber?.code).to.equal('id-under-14');
    });
    it('still offers the alternatives to recording a number', () => {
      const draft = draftOf(validateWalkIn(cnInput({ identityMethod: 'host-confirmation', idConsent: false }), DEMO_SITE_CN, NOW, 'zh-Hans'));
      expect(draft.identity).to.deep.equal({ method: 'host-confirmation' });
      expect(draft.consent).not.to.have.property('idNumber');
    });
  });

  it('records an HKID on a Hong Kong site that must, without asking for consent (PDPO)', () => {
    const hkRecording = site(DEMO_SITE, { identity: { mode: 'record-number', documents: ['hkid'] } });
    const draft = draftOf(
      validateWalkIn(hkInput({ identityMethod: 'recorded', idDocument: 'hkid', idNumber: 'a123456(3)' }), hkRecording, NOW, 'en'),
    );
    expect(draft.identity).to.deep.equal({ method: 'recorded', documentType: 'hkid', last4: '4563' });
    expect(draft.consent.kind).to.equal('read');
    expect(draft.consent).not.to.have.property('idNumber');
    expect(JSON.stringify(draft)).not.to.contain('123456');
  });
});

describe('searchHosts', () => {
  const labels = (s: SiteConfig, q: string, limit?: number) => searchHosts(s, q, limit).map((h) => h.label);

  const residential: [string, string[]][] = [
    ['', []],
    ['1', []],
    ['  1  ', []],
    ['12', ['12A', '12B']],
    ['12b', ['12B']],
    ['１２Ｂ', ['12B']],
    ['12 b', ['12B']],
    ['2b', ['12B']],
    ['3f', ['23F']],
    ['man', []],
    ['Management', []],
    ['Security', []],
    ['zz', []],
  ];
  for (const [q, expected] of residential) {
    it(`finds ${JSON.stringify(expected)} for ${JSON.stringify(q)} on the residential demo site`, () => {
      expect(labels(DEMO_SITE, q)).to.deep.equal(expected);
    });
  }

  it('never suggests people on a residential site, whatever is typed', () => {
    for (const p of DEMO_SITE.directory.people) {
      expect(searchHosts(DEMO_SITE, p.name).filter((h) => h.kind === 'person')).to.deep.equal([]);
      if (p.department) expect(searchHosts(DEMO_SITE, p.department)).to.deep.equal([]);
    }
  });

  it('marks absent units', () => {
    expect(searchHosts(DEMO_SITE, '8d')).to.deep.equal([{ kind: 'unit', id: 'unit-8d', label: '8D', absent: true }]);
  });

  it('lists prefix matches before substring matches and stops at the limit', () => {
    const big = site(DEMO_SITE, {
      directory: {
        units: [{ id: 'u-a10', label: 'A10' }, ...Array.from({ length: 20 }, (_, i) => ({ id: `u-10${i}`, label: `10${String.fromCharCode(65 + i)}` }))],
        people: [],
      },
    });
    expect(labels(big, '10')).to.deep.equal(['10A', '10B', '10C', '10D', '10E']);
    expect(labels(big, '10', 2)).to.deep.equal(['10A', '10B']);
    expect(labels(big, '10', 0)).to.deep.equal([]);
    expect(labels(big, '10', 100)).to.have.length(21);
    expect(labels(big, '10', 100).at(-1)).to.equal('A10');
  });

  const office: [string, string[]][] = [
    ['wa', ['Wang Fang']],
    ['WANG', ['Wang Fang']],
    ['ＷＡＮＧ', ['Wang Fang']],
    ['adm', ['Wang Fang']],
    ['human', ['Li Na']],
    ['na', ['Li Na', 'Zhang Wei']],
    ['陈静', ['陈静']],
    ['legal', ['陈静']],
    ['陈', []],
  ];
  for (const [q, expected] of office) {
    it(`finds ${JSON.stringify(expected)} for ${JSON.stringify(q)} on the office site`, () => {
      expect(labels(DEMO_SITE_CN, q)).to.deep.equal(expected);
    });
  }

  it('gives people their department and absence on an office site', () => {
    expect(searchHosts(DEMO_SITE_CN, 'zhang')).to.deep.equal([
      { kind: 'person', id: 'p-zhang-wei', label: 'Zhang Wei', detail: 'Finance', absent: true },
    ]);
  });

  it('suggests both people and units on a commercial site', () => {
    const tower = site(DEMO_SITE_CN, {
      kind: 'commercial',
      directory: { units: [{ id: 'u-2301', label: 'Room 2301' }], people: [{ id: 'p-1', name: 'Roo Chan' }] },
    });
    expect(searchHosts(tower, 'roo').map((h) => h.kind)).to.deep.equal(['person', 'unit']);
  });
});

describe('hostIsAbsent', () => {
  const cases: [string, SiteConfig, Parameters<typeof hostIsAbsent>[1], boolean][] = [
    ['an absent unit', DEMO_SITE, { kind: 'unit', id: 'unit-8d', label: '8D' }, true],
    ['a present unit', DEMO_SITE, { kind: 'unit', id: 'unit-12b', label: '12B' }, false],
    ['free text naming an absent unit', DEMO_SITE, { kind: 'free-text', label: ' 8d ' }, true],
    ['free text naming nothing', DEMO_SITE, { kind: 'free-text', label: 'Tower 2' }, false],
    ['an absent person', DEMO_SITE_CN, { kind: 'person', id: 'p-zhang-wei', label: 'Zhang Wei' }, true],
    ['a present person', DEMO_SITE_CN, { kind: 'person', id: 'p-li-na', label: 'Li Na' }, false],
    ['an unknown id', DEMO_SITE, { kind: 'unit', id: 'nope', label: '8D' }, false],
  ];
  for (const [what, s, host, expected] of cases) {
    it(`${what} → ${expected}`, () => {
      expect(hostIsAbsent(s, host)).to.equal(expected);
    });
  }
});
