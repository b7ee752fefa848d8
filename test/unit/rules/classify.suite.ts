import { expect } from '@open-wc/testing';
import { PURPOSES, VISITOR_TYPES, type Purpose, type VisitorType } from '../../../src/domain/codes.js';
import { DEMO_SITE, DEMO_SITE_CN } from '../../../src/domain/demo-site.js';
import type { SiteConfig } from '../../../src/domain/site.js';
import { classifyArrival, type ArrivalInput } from '../../../src/domain/rules/classify.js';
import type { Role } from '../../../src/domain/rules/codes.js';
import type { RulesConfig } from '../../../src/domain/rules/config.js';
import { DEFAULT_RULES, defaultRulesFor } from '../../../src/domain/rules/presets.js';
import { triageArrival } from '../../../src/domain/rules/routing.js';
import { parseRulesConfig } from '../../../src/schemas/rules.js';

/** Monday 23 November 2026, 10:00 in Hong Kong and Shanghai: both demo-like sites are open. */
const OPEN = new Date('2026-11-23T02:00:00Z');
/** The same Monday, 22:00 local: both are closed. */
const CLOSED = new Date('2026-11-23T14:00:00Z');

/** A Hong Kong housing estate whose counter opens Monday to Saturday 09:00–18:00 (the demo site never closes). */
const ESTATE: SiteConfig = {
  ...DEMO_SITE,
  receptionHours: { kind: 'weekly', periods: ([1, 2, 3, 4, 5, 6] as const).map((weekday) => ({ weekday, open: '09:00', close: '18:00' })) },
};

type Cover = 'neither' | 'invitation' | 'host' | 'both';
const COVERS: Cover[] = ['neither', 'invitation', 'host', 'both'];

interface Expected {
  c: boolean;
  suggest?: 'A' | 'B';
  tour?: 'approved' | 'unapproved';
}

/**
 * The oracle, written from DOMAIN.md and issue 4 alone (not from the rules' data): C for media with any
 * purpose and for a government officer on an inspection; A for an owner's complaint, B for a staff
 * complaint; all three only without an invitation or the host's confirmation, whatever the visitor says
 * about an appointment and whatever the hour. Tours need approval, which only an invitation carries here.
 */
function oracle(type: VisitorType, purpose: Purpose, cover: Cover): Expected {
  const covered = cover !== 'neither';
  const out: Expected = { c: !covered && (type === 'media' || (type === 'government' && purpose === 'inspection')) };
  if (!covered && purpose === 'complaint' && type === 'resident') out.suggest = 'A';
  if (!covered && purpose === 'complaint' && type === 'staff') out.suggest = 'B';
  if (type === 'tour-group' || purpose === 'tour') out.tour = cover === 'invitation' || cover === 'both' ? 'approved' : 'unapproved';
  return out;
}

/** Who the oracle expects to be told first of a class C alert (DOMAIN.md routing, written out by hand). */
const C_FIRST: Record<'estate' | 'office', Record<'open' | 'closed', Role[]>> = {
  estate: { open: ['site-manager', 'security-supervisor'], closed: ['duty-manager', 'site-manager'] },
  office: { open: ['pr'], closed: ['duty-manager', 'pr'] },
};
/** Who gets an A or B prompt's task first, by hand from DOMAIN.md. */
const PROMPT_FIRST: Record<'estate' | 'office', Record<'open' | 'closed', Record<'A' | 'B', Role[]>>> = {
  estate: { open: { A: ['cs-staff'], B: ['site-manager'] }, closed: { A: ['duty-manager'], B: ['duty-manager'] } },
  office: { open: { A: ['cs-centre'], B: ['hr'] }, closed: { A: ['duty-manager', 'cs-centre'], B: ['duty-manager'] } },
};

const input = (visitorType: VisitorType, purpose: Purpose, hasAppointment: boolean, cover: Cover, partySize = 1): ArrivalInput => ({
  visitorType,
  purpose,
  hasAppointment,
  invitation: cover === 'invitation' || cover === 'both',
  hostConfirmed: cover === 'host' || cover === 'both',
  partySize,
});

describe('classifyArrival: every visitor type × purpose × appointment × cover × hours', () => {
  const sites = [
    ['estate', ESTATE, DEFAULT_RULES],
    ['office', DEMO_SITE_CN, defaultRulesFor('company-office')],
  ] as const;
  let rows = 0;

  for (const [siteName, site, rules] of sites) {
    for (const type of VISITOR_TYPES) {
      it(`${siteName}: ${type} — ${PURPOSES.length} purposes × 2 answers × ${COVERS.length} covers × open/closed`, () => {
        const wrong: string[] = [];
        for (const purpose of PURPOSES) {
          for (const hasAppointment of [true, false]) {
            for (const cover of COVERS) {
              for (const [hours, now] of [
                ['open', OPEN],
                ['closed', CLOSED],
              ] as const) {
                rows++;
                const row = `${type}/${purpose}/appointment=${String(hasAppointment)}/${cover}/${hours}`;
                const want = oracle(type, purpose, cover);
                const { classification: got, alert, prompt } = triageArrival(input(type, purpose, hasAppointment, cover), site, rules, now);
                const check = (ok: boolean, what: string) => {
                  if (!ok) wrong.push(`${row}: ${what}`);
                };
                check((got.incident === 'C') === want.c, `incident ${String(got.incident)}`);
                check(got.suggestion?.class === want.suggest, `suggestion ${String(got.suggestion?.class)}`);
                check(got.tour === want.tour, `tour ${String(got.tour)}`);
                check(got.at === now.toISOString(), 'at');
                if (want.suggest) {
                  check(got.suggestion?.task === (want.suggest === 'A' ? 'notify-cs-centre' : 'notify-hr'), 'task');
                  check(JSON.stringify(prompt?.notify) === JSON.stringify(PROMPT_FIRST[siteName][hours][want.suggest]), `prompt ${JSON.stringify(prompt?.notify)}`);
                } else check(prompt === undefined, 'unexpected prompt');
                if (want.c) {
                  check(JSON.stringify(alert?.notify) === JSON.stringify(C_FIRST[siteName][hours]), `alert ${JSON.stringify(alert?.notify)}`);
                  check(alert?.afterHours === (hours === 'closed'), 'afterHours');
                } else check(alert === undefined, 'unexpected alert');
                // The visitor's own answer is recorded as distrusted exactly when something was raised anyway.
                check(got.reasons.includes('appointment-claim-not-trusted') === (hasAppointment && (want.c || want.suggest !== undefined)), 'appointment reason');
              }
            }
          }
        }
        expect(wrong, wrong.slice(0, 10).join('\n')).to.deep.equal([]);
      });
    }
  }

  after(() => {
    // 2 sites × 13 types × 15 purposes × 2 answers × 4 covers × 2 hours.
    expect(rows).to.equal(2 * VISITOR_TYPES.length * PURPOSES.length * 2 * COVERS.length * 2);
  });
});

describe('classifyArrival: the cases DOMAIN.md names', () => {
  const now = OPEN;
  const classify = (i: ArrivalInput, rules: RulesConfig = DEFAULT_RULES) => classifyArrival(i, rules, now);

  it('raises C for media with any purpose, even when the visitor says they have an appointment', () => {
    const got = classify(input('media', 'meeting', true, 'neither'));
    expect(got.incident).to.equal('C');
    expect(got.reasons).to.deep.equal(['class-c', 'appointment-claim-not-trusted']);
  });

  it('raises C for a government officer on an inspection, not for a meter reader or a residents-committee worker', () => {
    expect(classify(input('government', 'inspection', false, 'neither')).incident).to.equal('C');
    for (const purpose of ['repair', 'enquiry', 'meeting', 'other'] as const) {
      const got = classify(input('government', purpose, false, 'neither'));
      expect(got.incident, purpose).to.equal(undefined);
      expect(got.reasons, purpose).to.deep.equal(['no-rule']);
    }
  });

  it('lets a valid invitation or the host confirmation cover class C, and says which', () => {
    expect(classify(input('media', 'media-interview', false, 'invitation')).reasons).to.deep.equal(['class-c-covered', 'covered-by-invitation']);
    expect(classify(input('government', 'inspection', true, 'host')).reasons).to.deep.equal(['class-c-covered', 'covered-by-host-confirmation']);
  });

  it('only suggests A for an owner complaint — never raises it — with the CS-centre task', () => {
    const got = classify(input('resident', 'complaint', false, 'neither', 8));
    expect(got.incident).to.equal(undefined);
    expect(got.suggestion).to.deep.equal({ class: 'A', task: 'notify-cs-centre' });
    expect(got.reasons).to.deep.equal(['suggest-a', 'large-party']);
  });

  it('only suggests B for a staff complaint, with the HR task', () => {
    expect(classify(input('staff', 'complaint', true, 'neither')).suggestion).to.deep.equal({ class: 'B', task: 'notify-hr' });
  });

  it('suggests nothing for a resident with any other purpose or a visitor of a resident who complains', () => {
    expect(classify(input('resident', 'repair', false, 'neither')).suggestion).to.equal(undefined);
    expect(classify(input('visiting-resident', 'complaint', false, 'neither')).suggestion).to.equal(undefined);
  });

  it('declines an unapproved tour politely; an invitation or a matched approval approves it; a host does not', () => {
    expect(classify(input('tour-group', 'tour', false, 'neither')).tour).to.equal('unapproved');
    expect(classify(input('business', 'tour', true, 'host')).tour).to.equal('unapproved');
    expect(classify(input('tour-group', 'other', false, 'invitation')).tour).to.equal('approved');
    expect(classify({ ...input('tour-group', 'tour', false, 'neither'), tourApproved: true }).tour).to.equal('approved');
  });

  it('reports media on a tour as both class C and an unapproved tour', () => {
    const got = classify(input('media', 'tour', false, 'neither'));
    expect([got.incident, got.tour]).to.deep.equal(['C', 'unapproved']);
  });

  it('follows the data: a site may add the purpose "media interview" to class C, or drop host confirmation as a cover', () => {
    const stricter = parseRulesConfig({
      ...DEFAULT_RULES,
      classC: { when: [...DEFAULT_RULES.classC.when, { purpose: 'media-interview' }] },
      coveredBy: ['invitation'],
    });
    if (!stricter.ok) throw new Error(JSON.stringify(stricter));
    expect(classify(input('business', 'media-interview', false, 'neither')).incident).to.equal(undefined);
    expect(classify(input('business', 'media-interview', false, 'neither'), stricter.value).incident).to.equal('C');
    expect(classify(input('media', 'enquiry', false, 'host'), stricter.value).incident).to.equal('C');
    expect(classify(input('media', 'enquiry', false, 'invitation'), stricter.value).incident).to.equal(undefined);
  });

  it('gives the same answer with rules that went through JSON and the schema', () => {
    const parsed = parseRulesConfig(JSON.parse(JSON.stringify(DEFAULT_RULES)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed));
    for (const type of VISITOR_TYPES) {
      for (const purpose of PURPOSES) {
        expect(classify(input(type, purpose, false, 'neither'), parsed.value)).to.deep.equal(classify(input(type, purpose, false, 'neither')));
      }
    }
  });

  it('classifies quickly enough for a busy desk', () => {
    const start = performance.now();
    for (let i = 0; i < 20_000; i++) classify(input(VISITOR_TYPES[i % 13] ?? 'media', PURPOSES[i % 15] ?? 'other', i % 2 === 0, 'neither'));
    expect(performance.now() - start).to.be.below(1000);
  });
});
