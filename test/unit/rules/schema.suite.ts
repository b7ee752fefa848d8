import { expect } from '@open-wc/testing';
import type { RulesConfig } from '../../../src/domain/rules/config.js';
import { DEFAULT_RULES, defaultRulesFor } from '../../../src/domain/rules/presets.js';
import { parseRulesConfig } from '../../../src/schemas/rules.js';

/** Plain JSON the tests break in ways `RulesConfig` forbids (that is the point), so it is left untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const broken = (edit: (c: Loose) => void): unknown => {
  const copy = JSON.parse(JSON.stringify(DEFAULT_RULES)) as Loose;
  edit(copy);
  return copy;
};

describe('parseRulesConfig', () => {
  it('accepts both presets unchanged, also after a JSON round trip', () => {
    for (const rules of [DEFAULT_RULES, defaultRulesFor('company-office')]) {
      expect(parseRulesConfig(rules)).to.deep.equal({ ok: true, value: rules });
      expect(parseRulesConfig(JSON.parse(JSON.stringify(rules)))).to.deep.equal({ ok: true, value: rules });
    }
  });

  it('holds the seeds defaults: C for media and inspections, A/B suggestions, 2 minutes, 3/3/1 days and 1 hour', () => {
    expect(DEFAULT_RULES.classC.when).to.deep.equal([{ visitorType: 'media' }, { visitorType: 'government', purpose: 'inspection' }]);
    expect(DEFAULT_RULES.suggestions.map((s) => [s.class, s.task])).to.deep.equal([
      ['A', 'notify-cs-centre'],
      ['B', 'notify-hr'],
    ]);
    expect(DEFAULT_RULES.escalation.unacknowledgedMinutes).to.equal(2);
    expect(DEFAULT_RULES.tours.leadDays).to.deep.equal({ group: 3, vip: 3, ordinary: 1 });
    expect(DEFAULT_RULES.tours.adHocLeadMinutes).to.equal(60);
  });

  const cases: [string, (c: Loose) => void, string][] = [
    ['an unknown key at the top', (c) => (c.colour = 'red'), 'colour'],
    ['a misspelt key deep inside', (c) => (c.routing.office.C.frist = ['pr']), 'routing.office.C.frist'],
    ["the visitor's own answer as a cover", (c) => c.coveredBy.push('appointment'), 'coveredBy.2'],
    ['a repeated cover', (c) => c.coveredBy.push('invitation'), 'coveredBy'],
    ['an empty pattern', (c) => c.classC.when.push({}), 'classC.when.2'],
    ['an unknown visitor type', (c) => (c.classC.when[0].visitorType = 'paparazzi'), 'classC.when.0.visitorType'],
    ['a suggestion of class C', (c) => (c.suggestions[0].class = 'C'), 'suggestions.0.class'],
    ['a suggestion with no trigger', (c) => (c.suggestions[1].when = []), 'suggestions.1.when'],
    ['an unknown task', (c) => (c.suggestions[0].task = 'call-police'), 'suggestions.0.task'],
    ['an unknown role', (c) => (c.routing.office.A.first[0] = 'janitor'), 'routing.office.A.first.0'],
    ['nobody to tell first', (c) => (c.routing.afterHours.B.first = []), 'routing.afterHours.B.first'],
    ['a role twice in a hop', (c) => (c.routing.office.C.next[0] = ['pr', 'pr']), 'routing.office.C.next.0'],
    ['an unknown script key', (c) => c.routing.office.C.script.push('call-the-press'), 'routing.office.C.script.4'],
    ['a missing class', (c) => delete c.routing.office.watchlist, 'routing.office.watchlist'],
    ['zero escalation minutes', (c) => (c.escalation.unacknowledgedMinutes = 0), 'escalation.unacknowledgedMinutes'],
    ['fractional minutes', (c) => (c.escalation.unacknowledgedMinutes = 1.5), 'escalation.unacknowledgedMinutes'],
    ['a negative lead', (c) => (c.tours.leadDays.vip = -1), 'tours.leadDays.vip'],
    ['a lead as text', (c) => (c.tours.adHocLeadMinutes = '60'), 'tours.adHocLeadMinutes'],
    ['one department as a group', (c) => (c.tours.groupFromDepartments = 1), 'tours.groupFromDepartments'],
    ['a missing field', (c) => delete c.largePartySize, 'largePartySize'],
  ];
  for (const [what, edit, path] of cases) {
    it(`refuses ${what} at ${path}`, () => {
      const got = parseRulesConfig(broken(edit));
      expect(got).to.deep.include({ ok: false, code: 'config-invalid' });
      expect(got).to.have.nested.property('details.path', path);
    });
  }

  it('refuses what is not an object at all', () => {
    for (const input of [null, 'rules', [], 42]) expect(parseRulesConfig(input)).to.deep.include({ ok: false, code: 'config-invalid' });
  });

  it('lets the caller keep the previous rules when new ones do not parse', () => {
    let current: RulesConfig = DEFAULT_RULES;
    const apply = (input: unknown) => {
      const next = parseRulesConfig(input);
      if (next.ok) current = next.value;
      return next.ok;
    };
    expect(apply(broken((c) => (c.escalation.unacknowledgedMinutes = 0)))).to.equal(false);
    expect(current).to.equal(DEFAULT_RULES);
    expect(apply(broken((c) => (c.escalation.unacknowledgedMinutes = 3)))).to.equal(true);
    expect(current.escalation.unacknowledgedMinutes).to.equal(3);
  });
});
