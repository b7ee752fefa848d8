import { expect } from '@open-wc/testing';
import { MAX_EXPECTED_PARTY, MAX_WATCH_DAYS, parseExpectedForm, parseTourForm, parseWatchForm, splitDepartments, watchExpiryRange } from '../../desk/planning/forms.js';
import { localInstant } from '../../desk/planning/local-time.js';

describe('planning forms: site wall-clock input', () => {
  it('reads a date and time in the site zone, whatever the device zone', () => {
    expect(localInstant('2026-03-10', '15:00', 'Asia/Hong_Kong')?.toISOString()).to.equal('2026-03-10T07:00:00.000Z');
    expect(localInstant('2026-03-10', '00:30', 'Asia/Shanghai')?.toISOString()).to.equal('2026-03-09T16:30:00.000Z');
    expect(localInstant('2026-03-10', '15:00', 'UTC')?.toISOString()).to.equal('2026-03-10T15:00:00.000Z');
  });

  it('follows a zone with clock changes on both sides of the change', () => {
    // New York moves from UTC−5 to UTC−4 at 02:00 on 8 March 2026.
    expect(localInstant('2026-03-07', '12:00', 'America/New_York')?.toISOString()).to.equal('2026-03-07T17:00:00.000Z');
    expect(localInstant('2026-03-09', '12:00', 'America/New_York')?.toISOString()).to.equal('2026-03-09T16:00:00.000Z');
  });

  it('refuses values that are not dates or times', () => {
    expect(localInstant('2026-02-31', '10:00', 'UTC')).to.equal(undefined);
    expect(localInstant('2026-03-10', '24:00', 'UTC')).to.equal(undefined);
    expect(localInstant('', '10:00', 'UTC')).to.equal(undefined);
    expect(localInstant('2026-03-10', '', 'UTC')).to.equal(undefined);
    expect(localInstant('0099-03-10', '10:00', 'UTC')).to.equal(undefined);
  });
});

describe('planning forms: parsing', () => {
  const expected = { unit: ' 12A ', time: '15:00', guestName: '', people: '', kind: 'guest' as const, makeUp: 'ignored for a guest' };

  it('an expected guest: one person by default, no make-up', () => {
    const r = parseExpectedForm(expected, '2026-03-10', 'Asia/Hong_Kong');
    expect(r.ok && r.value).to.deep.equal({ hostLabel: '12A', expectedAt: new Date('2026-03-10T07:00:00Z'), partySize: 1, kind: 'guest' });
  });

  it('an expected complaint group keeps its make-up; full-width digits count', () => {
    const r = parseExpectedForm({ ...expected, kind: 'complaint', people: '５', makeUp: ' 5 owners ' }, '2026-03-10', 'Asia/Hong_Kong');
    expect(r.ok && r.value).to.include({ partySize: 5, kind: 'complaint', makeUp: '5 owners' });
  });

  it('reports every bad field at once', () => {
    const r = parseExpectedForm({ ...expected, unit: ' ', time: '', people: String(MAX_EXPECTED_PARTY + 1) }, '2026-03-10', 'UTC');
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.errors).to.deep.equal({ unit: { code: 'required' }, time: { code: 'required' }, people: { code: 'count-range', max: MAX_EXPECTED_PARTY } });
  });

  it('splits departments on ASCII, full-width and ideographic commas', () => {
    expect(splitDepartments('Accounts, Legal,,')).to.deep.equal(['Accounts', 'Legal']);
    expect(splitDepartments('會計部，法律部')).to.deep.equal(['會計部', '法律部']);
    expect(splitDepartments('会计部、法务部、会计部')).to.deep.equal(['会计部', '法务部']);
  });

  it('a tour needs a leader, a headcount, a date and a time', () => {
    const r = parseTourForm({ kind: 'group', leader: '', headcount: '0', names: '', departments: '', date: '', time: '', byPhone: false }, 'UTC');
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).to.deep.equal(['date', 'headcount', 'leader', 'time']);
  });

  it('a tour arranged by phone says so in its value', () => {
    const r = parseTourForm({ kind: 'vip', leader: 'Ms Lee', headcount: '4', names: '', departments: '', date: '2026-03-10', time: '15:00', byPhone: true }, 'Asia/Hong_Kong');
    expect(r.ok && r.value.byPhone).to.equal(true);
    expect(r.ok && r.value.visitAt.toISOString()).to.equal('2026-03-10T07:00:00.000Z');
  });

  it('a phone is normalised for the site, an invalid one refused with its code', () => {
    const base = { kind: 'phone' as const, reason: 'r', approvedBy: 'a', expires: '2026-04-01' };
    const good = parseWatchForm({ ...base, value: '9123 4567' }, 'HK', '2026-03-10', 'Asia/Hong_Kong');
    expect(good.ok && good.value.value).to.equal('+85291234567');
    const mainland = parseWatchForm({ ...base, value: '138 0013 8000' }, 'CN', '2026-03-10', 'Asia/Shanghai');
    expect(mainland.ok && mainland.value.value).to.equal('+8613800138000');
    const bad = parseWatchForm({ ...base, value: '12ab' }, 'HK', '2026-03-10', 'Asia/Hong_Kong');
    expect(!bad.ok && bad.errors.value).to.deep.equal({ code: 'phone-invalid' });
  });

  it('an expiry lies between tomorrow and a year from today', () => {
    const { first, last } = watchExpiryRange('2026-03-10');
    expect([first, last]).to.deep.equal(['2026-03-11', '2027-03-11']);
    expect(MAX_WATCH_DAYS).to.equal(366);
    const base = { kind: 'name' as const, value: 'X', reason: 'r', approvedBy: 'a' };
    for (const expires of ['2026-03-10', '2027-03-12', 'soon']) {
      const r = parseWatchForm({ ...base, expires }, 'HK', '2026-03-10', 'Asia/Hong_Kong');
      expect(!r.ok && r.errors.expires, expires).to.deep.equal({ code: 'expiry-range', last });
    }
    const ok = parseWatchForm({ ...base, expires: last }, 'HK', '2026-03-10', 'Asia/Hong_Kong');
    expect(ok.ok && ok.value.expiresAt.toISOString()).to.equal('2027-03-10T16:00:00.000Z');
  });
});
