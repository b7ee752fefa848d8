import { expect } from '@open-wc/testing';
import { DEMO_SITE, DEMO_SITE_CN } from '../../../src/domain/demo-site.js';
import { ALERT_CLASSES } from '../../../src/domain/rules/codes.js';
import { DEFAULT_RULES, ROUTING_PRESETS, defaultRulesFor, routingPresetFor } from '../../../src/domain/rules/presets.js';
import { escalateRoute, escalationDueAt, routeFor, withMediaPresent, type Route } from '../../../src/domain/rules/routing.js';

/** Wednesday 25 November 2026 in Shanghai: 08:29, 08:30 (opens), 17:29, 17:30 (closed; close is exclusive). */
const at = (hhmm: string) => new Date(`2026-11-25T${hhmm}:00+08:00`);
const OFFICE_RULES = defaultRulesFor('company-office');

/** Every hop of a route until the plan runs out, as the roles told at each hop. */
function hops(route: Route): string[][] {
  const out = [route.notify];
  for (let r = escalateRoute(route); r; r = escalateRoute(r)) out.push(r.notify);
  return out;
}

describe('routing presets', () => {
  it('picks the company-office preset for company offices and the 管理處 preset for residential and commercial sites', () => {
    expect(routingPresetFor('company-office').preset).to.equal('company-office');
    expect(routingPresetFor('residential').preset).to.equal('management-office');
    expect(routingPresetFor('commercial').preset).to.equal('management-office');
    expect(DEFAULT_RULES.routing).to.equal(ROUTING_PRESETS['management-office']);
  });

  it('routes a company office as 000 §4 says, with second hops', () => {
    const open = at('10:00');
    expect(hops(routeFor('A', DEMO_SITE_CN, OFFICE_RULES, open))).to.deep.equal([['cs-centre'], ['pr']]);
    expect(hops(routeFor('B', DEMO_SITE_CN, OFFICE_RULES, open))).to.deep.equal([['hr'], ['hr-manager']]);
    expect(hops(routeFor('C', DEMO_SITE_CN, OFFICE_RULES, open))).to.deep.equal([['pr'], ['responsible-executive']]);
    expect(hops(routeFor('watchlist', DEMO_SITE_CN, OFFICE_RULES, open))).to.deep.equal([['security-supervisor'], ['pr']]);
  });

  it('routes a 管理處 as 000 §5 says: A local CS staff then 客服主任; B 主任 then 人事專管員; C 主任 and security, then PR and 分管領導', () => {
    const now = at('10:00');
    expect(hops(routeFor('A', DEMO_SITE, DEFAULT_RULES, now))).to.deep.equal([['cs-staff'], ['cs-supervisor'], ['site-manager']]);
    expect(hops(routeFor('B', DEMO_SITE, DEFAULT_RULES, now))).to.deep.equal([['site-manager'], ['hr-officer']]);
    expect(hops(routeFor('C', DEMO_SITE, DEFAULT_RULES, now))).to.deep.equal([
      ['site-manager', 'security-supervisor'],
      ['pr', 'responsible-executive'],
    ]);
  });

  it('gives the receptionist the seeds script for class C as message keys', () => {
    for (const rules of [DEFAULT_RULES, OFFICE_RULES]) {
      expect(routeFor('C', DEMO_SITE_CN, rules, at('10:00')).script).to.deep.equal([
        'escort-to-designated-area',
        'keep-onlookers-away',
        'do-not-answer-questions',
        'notify-pr-and-site-manager',
      ]);
    }
    expect(routeFor('A', DEMO_SITE_CN, OFFICE_RULES, at('10:00')).script).to.include.members(['stay-polite', 'do-not-argue-or-comment', 'watch-for-media']);
  });

  it('has a plan for every class, open and after hours, in both presets', () => {
    for (const preset of Object.values(ROUTING_PRESETS)) {
      for (const plan of [preset.office, preset.afterHours]) {
        for (const cls of ALERT_CLASSES) {
          expect(plan[cls].first.length, `${preset.preset} ${cls}`).to.be.greaterThan(0);
          expect(plan[cls].script.length, `${preset.preset} ${cls}`).to.be.greaterThan(0);
        }
      }
    }
  });
});

describe('after-hours routes', () => {
  const cases: [string, boolean][] = [
    ['08:29', true],
    ['08:30', false],
    ['17:29', false],
    ['17:30', true],
  ];
  for (const [hhmm, afterHours] of cases) {
    it(`at ${hhmm} in Shanghai the office is ${afterHours ? 'closed' : 'open'}`, () => {
      const route = routeFor('C', DEMO_SITE_CN, OFFICE_RULES, at(hhmm));
      expect(route.afterHours).to.equal(afterHours);
      expect(route.notify).to.deep.equal(afterHours ? ['duty-manager', 'pr'] : ['pr']);
    });
  }

  it('is never after hours at a site open around the clock', () => {
    expect(routeFor('B', DEMO_SITE, DEFAULT_RULES, new Date('2026-11-22T19:00:00Z')).afterHours).to.equal(false);
  });

  it('reads the hours in the site zone, not the device zone: 09:00 in Shanghai is 01:00 UTC', () => {
    expect(routeFor('A', DEMO_SITE_CN, OFFICE_RULES, new Date('2026-11-25T01:00:00Z')).afterHours).to.equal(false);
    expect(routeFor('A', { ...DEMO_SITE_CN, timeZone: 'Europe/London' }, OFFICE_RULES, new Date('2026-11-25T01:00:00Z')).afterHours).to.equal(true);
  });

  it('brings the duty manager in first after hours, and still tells the 管理處主任 at once of class C', () => {
    const site = { ...DEMO_SITE, receptionHours: DEMO_SITE_CN.receptionHours };
    const night = new Date('2026-11-25T23:00:00+08:00');
    expect(hops(routeFor('C', site, DEFAULT_RULES, night))).to.deep.equal([['duty-manager', 'site-manager'], ['pr', 'responsible-executive']]);
    expect(hops(routeFor('B', site, DEFAULT_RULES, night))).to.deep.equal([['duty-manager'], ['site-manager'], ['hr-officer']]);
  });
});

describe('Escalate and media present', () => {
  it('gives the next hop on each Escalate, then nothing', () => {
    const first = routeFor('A', DEMO_SITE, DEFAULT_RULES, at('10:00'));
    const second = escalateRoute(first);
    expect(second).to.deep.include({ hop: 1, notify: ['cs-supervisor'], notified: ['cs-staff', 'cs-supervisor'] });
    const third = second && escalateRoute(second);
    expect(third).to.deep.include({ hop: 2, notify: ['site-manager'], pending: [] });
    expect(third && escalateRoute(third)).to.equal(undefined);
  });

  it('does not change the route it escalates (the desk keeps the history)', () => {
    const first = routeFor('C', DEMO_SITE, DEFAULT_RULES, at('10:00'));
    const copy = JSON.parse(JSON.stringify(first)) as Route;
    escalateRoute(first);
    expect(first).to.deep.equal(copy);
  });

  it('brings PR in on a company-office class A case when media are present, and adds the script step', () => {
    const route = withMediaPresent(routeFor('A', DEMO_SITE_CN, OFFICE_RULES, at('10:00')), OFFICE_RULES);
    expect(route.mediaPresent).to.equal(true);
    expect(route.notify).to.deep.equal(['pr']);
    expect(route.script).to.include('pass-media-to-pr');
    // PR was the second hop: it is not told twice.
    expect(route.pending).to.deep.equal([]);
  });

  it('brings the 客服主任, the 管理處主任 and PR on a 管理處 class A case (000:24, 32)', () => {
    const route = routeFor('A', DEMO_SITE, DEFAULT_RULES, at('10:00'), { mediaPresent: true });
    expect(route.notify).to.deep.equal(['cs-supervisor', 'site-manager', 'pr']);
    expect(route.notified).to.deep.equal(['cs-staff', 'cs-supervisor', 'site-manager', 'pr']);
  });

  it('marks media present once, and only on class A', () => {
    const a = withMediaPresent(routeFor('A', DEMO_SITE_CN, OFFICE_RULES, at('10:00')), OFFICE_RULES);
    expect(withMediaPresent(a, OFFICE_RULES)).to.equal(a);
    const c = routeFor('C', DEMO_SITE_CN, OFFICE_RULES, at('10:00'));
    expect(withMediaPresent(c, OFFICE_RULES)).to.equal(c);
  });

  it('escalates an unacknowledged alert after two minutes by default, or the configured time', () => {
    const raised = new Date('2026-11-25T02:00:00Z');
    expect(escalationDueAt(raised, DEFAULT_RULES).toISOString()).to.equal('2026-11-25T02:02:00.000Z');
    expect(escalationDueAt(raised, { ...DEFAULT_RULES, escalation: { unacknowledgedMinutes: 5 } }).toISOString()).to.equal('2026-11-25T02:05:00.000Z');
  });

  it('keeps the frozen presets frozen', () => {
    expect(Object.isFrozen(DEFAULT_RULES.routing.office.C.first)).to.equal(true);
    const route = routeFor('C', DEMO_SITE, DEFAULT_RULES, at('10:00'));
    route.notify.push('hr');
    expect(DEFAULT_RULES.routing.office.C.first).to.deep.equal(['site-manager', 'security-supervisor']);
  });
});
