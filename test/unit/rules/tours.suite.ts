import { expect } from '@open-wc/testing';
import { DEFAULT_RULES } from '../../../src/domain/rules/presets.js';
import { checkTourRequest, effectiveTourKind, type TourRequest } from '../../../src/domain/rules/tours.js';

const HK = 'Asia/Hong_Kong';
/** Monday 23 November 2026, 17:00 in Hong Kong. */
const NOW = new Date('2026-11-23T17:00:00+08:00');
const hk = (local: string) => new Date(`${local}+08:00`);
const request = (over: Partial<TourRequest>): TourRequest => ({ kind: 'group', departments: 1, startsAt: hk('2026-11-26T09:00:00'), ...over });

describe('checkTourRequest', () => {
  it('accepts a group or VIP tour three calendar days ahead, whatever the hour of the request', () => {
    // Monday 17:00 → Thursday 00:00 is 55 hours, still "three days before" as a 客服主管 counts them.
    for (const kind of ['group', 'vip'] as const) {
      expect(checkTourRequest(request({ kind, startsAt: hk('2026-11-26T00:00:00') }), NOW, DEFAULT_RULES, HK)).to.deep.equal({ ok: true, kind });
    }
  });

  it('refuses a group tour on the third day minus a minute, naming the earliest start (Thursday 00:00 local)', () => {
    const got = checkTourRequest(request({ startsAt: hk('2026-11-25T23:59:00') }), NOW, DEFAULT_RULES, HK);
    expect(got).to.deep.equal({ ok: false, code: 'tour-too-late', kind: 'group', earliest: hk('2026-11-26T00:00:00') });
  });

  it('accepts an ordinary tour the next day, refuses one the same day', () => {
    expect(checkTourRequest(request({ kind: 'ordinary', startsAt: hk('2026-11-24T08:00:00') }), NOW, DEFAULT_RULES, HK).ok).to.equal(true);
    expect(checkTourRequest(request({ kind: 'ordinary', startsAt: hk('2026-11-23T20:00:00') }), NOW, DEFAULT_RULES, HK)).to.deep.equal({
      ok: false,
      code: 'tour-too-late',
      kind: 'ordinary',
      earliest: hk('2026-11-24T00:00:00'),
    });
  });

  it('treats an ordinary tour of two or more departments as a group tour (002:203)', () => {
    expect(effectiveTourKind({ kind: 'ordinary', departments: 2 }, DEFAULT_RULES)).to.equal('group');
    expect(effectiveTourKind({ kind: 'ordinary', departments: 1 }, DEFAULT_RULES)).to.equal('ordinary');
    const got = checkTourRequest(request({ kind: 'ordinary', departments: 2, startsAt: hk('2026-11-24T09:00:00') }), NOW, DEFAULT_RULES, HK);
    expect(got).to.deep.include({ ok: false, kind: 'group' });
  });

  it('accepts an ad-hoc tour one hour ahead by phone, not 59 minutes', () => {
    expect(checkTourRequest(request({ kind: 'ad-hoc', startsAt: hk('2026-11-23T18:00:00') }), NOW, DEFAULT_RULES, HK)).to.deep.equal({ ok: true, kind: 'ad-hoc' });
    expect(checkTourRequest(request({ kind: 'ad-hoc', startsAt: hk('2026-11-23T17:59:00') }), NOW, DEFAULT_RULES, HK)).to.deep.equal({
      ok: false,
      code: 'tour-too-late',
      kind: 'ad-hoc',
      earliest: hk('2026-11-23T18:00:00'),
    });
  });

  it('asks the management department to coordinate an ad-hoc tour of two departments (002:205)', () => {
    expect(checkTourRequest(request({ kind: 'ad-hoc', departments: 3, startsAt: hk('2026-11-23T19:00:00') }), NOW, DEFAULT_RULES, HK)).to.deep.equal({
      ok: true,
      kind: 'ad-hoc',
      coordination: 'management-department',
    });
  });

  it('approves an urgent group tour by phone, with the paperwork due a day later (002:201)', () => {
    const got = checkTourRequest(request({ urgent: true, startsAt: hk('2026-11-24T10:00:00') }), NOW, DEFAULT_RULES, HK);
    expect(got).to.deep.equal({ ok: true, kind: 'group', phoneFirst: true, paperworkDue: hk('2026-11-24T17:00:00') });
  });

  it('does not use the urgent exception when the normal lead is met', () => {
    expect(checkTourRequest(request({ urgent: true }), NOW, DEFAULT_RULES, HK)).to.deep.equal({ ok: true, kind: 'group' });
  });

  it('still needs the urgent minimum lead (an hour) and says when', () => {
    expect(checkTourRequest(request({ kind: 'vip', urgent: true, startsAt: hk('2026-11-23T17:30:00') }), NOW, DEFAULT_RULES, HK)).to.deep.equal({
      ok: false,
      code: 'tour-too-late',
      kind: 'vip',
      earliest: hk('2026-11-23T18:00:00'),
    });
  });

  it('ignores "urgent" on an ordinary tour (the exception is written for group and VIP tours)', () => {
    expect(checkTourRequest(request({ kind: 'ordinary', urgent: true, startsAt: hk('2026-11-23T20:00:00') }), NOW, DEFAULT_RULES, HK).ok).to.equal(false);
  });

  it('refuses a tour in the past', () => {
    expect(checkTourRequest(request({ kind: 'ad-hoc', startsAt: hk('2026-11-23T09:00:00') }), NOW, DEFAULT_RULES, HK).ok).to.equal(false);
  });

  it('counts days in the site zone: 23:30 Monday and 00:30 Tuesday in Hong Kong are different days', () => {
    const thursday = hk('2026-11-26T09:00:00');
    expect(checkTourRequest(request({ startsAt: thursday }), hk('2026-11-23T23:30:00'), DEFAULT_RULES, HK).ok).to.equal(true);
    expect(checkTourRequest(request({ startsAt: thursday }), hk('2026-11-24T00:30:00'), DEFAULT_RULES, HK).ok).to.equal(false);
    // The same instant in London is still Monday: the same request is in time there.
    expect(checkTourRequest(request({ startsAt: thursday }), hk('2026-11-24T00:30:00'), DEFAULT_RULES, 'Europe/London').ok).to.equal(true);
  });

  it('follows the configured lead times', () => {
    const rules = { ...DEFAULT_RULES, tours: { ...DEFAULT_RULES.tours, leadDays: { group: 5, vip: 3, ordinary: 1 } } };
    expect(checkTourRequest(request({}), NOW, rules, HK)).to.deep.include({ ok: false, earliest: hk('2026-11-28T00:00:00') });
  });
});
