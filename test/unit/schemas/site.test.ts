import { expect } from '@open-wc/testing';
import { DEMO_SITE, DEMO_SITE_CN } from '../../../src/domain/demo-site.js';
import type { SiteConfig } from '../../../src/domain/site.js';
import { localeSchema, parseSiteConfig } from '../../../src/schemas/index.js';

/** Plain JSON the tests break in ways `SiteConfig` forbids (that is the point), so it is left untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** A deep copy of the demo site as plain JSON, changed by `edit`: what a hub or a file would send. */
const broken = (edit: (c: Loose) => void, base: SiteConfig = DEMO_SITE): unknown => {
  const copy = JSON.parse(JSON.stringify(base)) as Loose;
  edit(copy);
  return copy;
};

describe('parseSiteConfig', () => {
  for (const [what, config] of [
    ['the demo site', DEMO_SITE],
    ['the mainland demo site', DEMO_SITE_CN],
  ] as const) {
    it(`accepts ${what}, unchanged, also after a JSON round trip`, () => {
      expect(parseSiteConfig(config)).to.deep.equal({ ok: true, value: config });
      expect(parseSiteConfig(JSON.parse(JSON.stringify(config)))).to.deep.equal({ ok: true, value: config });
    });
  }

  it('describes the contract demo site', () => {
    expect(DEMO_SITE).to.deep.include({
      id: 'demo',
      kind: 'residential',
      jurisdiction: 'HK',
      timeZone: 'Asia/Hong_Kong',
      receptionHours: { kind: 'always' },
      allowFreeTextHost: true,
      requiredFields: [],
      identity: { mode: 'sighted' },
      retention: { visitDays: 31 },
      defaultLocale: 'en',
      noPhotography: true,
    });
    expect(DEMO_SITE).not.to.have.property('printer');
    expect(DEMO_SITE.visitorTypes).to.have.length(13);
    expect(DEMO_SITE.purposes).to.have.length(15);
    expect(DEMO_SITE.directory.units.some((u) => u.absent)).to.equal(true);
  });

  const cases: [string, (c: Loose) => void, string][] = [
    ['an unknown zone', (c) => (c.timeZone = 'Asia/Nowhere'), 'timeZone'],
    ['an offset instead of a zone', (c) => (c.timeZone = '+08:00'), 'timeZone'],
    ['an unknown key at the top', (c) => (c.colour = 'red'), 'colour'],
    ['an unknown key inside', (c) => (c.privacy.officer = 'x'), 'privacy.officer'],
    ['a missing language', (c) => delete c.name['zh-Hans'], 'name.zh-Hans'],
    ['a missing field', (c) => delete c.noPhotography, 'noPhotography'],
    ['an unknown kind', (c) => (c.kind = 'hotel'), 'kind'],
    ['an unknown jurisdiction', (c) => (c.jurisdiction = 'TW'), 'jurisdiction'],
    ['an unknown locale', (c) => (c.defaultLocale = 'zh-TW'), 'defaultLocale'],
    ['an id with a space', (c) => (c.id = 'my site'), 'id'],
    ['an empty id', (c) => (c.id = ''), 'id'],
    ['an unknown visitor type', (c) => (c.visitorTypes[2] = 'alien'), 'visitorTypes.2'],
    ['no visitor types', (c) => (c.visitorTypes = []), 'visitorTypes'],
    ['a repeated purpose', (c) => c.purposes.push('other'), 'purposes'],
    ['an unknown required field', (c) => (c.requiredFields = ['email']), 'requiredFields.0'],
    ['an empty unit label', (c) => (c.directory.units[1].label = ''), 'directory.units.1.label'],
    ['a repeated unit id', (c) => (c.directory.units[2].id = c.directory.units[0].id), 'directory.units.2.id'],
    ['a person in a unit that does not exist', (c) => (c.directory.people[1].unitId = 'unit-99z'), 'directory.people.1.unitId'],
    ['absent as a string', (c) => (c.directory.units[0].absent = 'yes'), 'directory.units.0.absent'],
    ['zero retention days', (c) => (c.retention.visitDays = 0), 'retention.visitDays'],
    ['fractional retention days', (c) => (c.retention.visitDays = 1.5), 'retention.visitDays'],
    ['an unknown printer format', (c) => (c.printer = { format: 'a4' }), 'printer.format'],
    ['an empty notice version', (c) => (c.privacy.noticeVersion = ''), 'privacy.noticeVersion'],
    ['a record-number policy without documents', (c) => (c.identity = { mode: 'record-number' }), 'identity.documents'],
    ['a record-number policy with an unknown document', (c) => (c.identity = { mode: 'record-number', documents: ['passport'] }), 'identity.documents.0'],
    ['an unknown identity mode', (c) => (c.identity = { mode: 'scan' }), 'identity.mode'],
    ['an unknown hours kind', (c) => (c.receptionHours = { kind: 'sometimes' }), 'receptionHours.kind'],
  ];
  for (const [what, edit, path] of cases) {
    it(`reports ${what} at ${path}`, () => {
      const r = parseSiteConfig(broken(edit));
      expect(r.ok).to.equal(false);
      if (r.ok) return;
      expect(r.code).to.equal('config-invalid');
      expect(r.details?.path).to.equal(path);
      expect(r.details?.message).to.be.a('string').and.not.equal('');
    });
  }

  const hours: [string, (c: Loose) => void, string][] = [
    ['a period that closes before it opens', (c) => (c.receptionHours.periods[3].close = '08:00'), 'receptionHours.periods.3.close'],
    ['a period that closes when it opens', (c) => (c.receptionHours.periods[0].close = '08:30'), 'receptionHours.periods.0.close'],
    ['an hour without its leading zero', (c) => (c.receptionHours.periods[1].open = '8:30'), 'receptionHours.periods.1.open'],
    ['an hour past 23', (c) => (c.receptionHours.periods[0].open = '24:30'), 'receptionHours.periods.0.open'],
    ['a weekday 7', (c) => (c.receptionHours.periods[4].weekday = 7), 'receptionHours.periods.4.weekday'],
    ['a weekday as a string', (c) => (c.receptionHours.periods[0].weekday = '1'), 'receptionHours.periods.0.weekday'],
  ];
  for (const [what, edit, path] of hours) {
    it(`reports ${what} at ${path}`, () => {
      expect(parseSiteConfig(broken(edit, DEMO_SITE_CN))).to.deep.include({ ok: false, code: 'config-invalid' });
      const r = parseSiteConfig(broken(edit, DEMO_SITE_CN));
      expect(r.ok === false && r.details?.path).to.equal(path);
    });
  }

  it('accepts a period closing at 24:00', () => {
    const r = parseSiteConfig(broken((c) => (c.receptionHours.periods[0].close = '24:00'), DEMO_SITE_CN));
    expect(r.ok).to.equal(true);
  });

  for (const input of [null, undefined, 'demo', 42, []]) {
    it(`reports ${JSON.stringify(input) ?? 'undefined'} at the root`, () => {
      expect(parseSiteConfig(input)).to.deep.include({ ok: false, code: 'config-invalid' });
      const r = parseSiteConfig(input);
      expect(r.ok === false && r.details?.path).to.equal('');
    });
  }
});

describe('localeSchema', () => {
  for (const [value, expected] of [
    ['en', true],
    ['zh-Hant', true],
    ['zh-Hans', true],
    ['zh-TW', false],
    ['EN', false],
    ['', false],
  ] as const) {
    it(`${JSON.stringify(value)} → ${expected}`, () => {
      expect(localeSchema.safeParse(value).success).to.equal(expected);
    });
  }
});
