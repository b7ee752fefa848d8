import { expect } from '@open-wc/testing';
import { isWatchEntryActive, matchWatchList, normaliseName, type WatchListEntry } from '../../../src/domain/rules/watchlist.js';
import { parseWatchList } from '../../../src/schemas/rules.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const entry = (over: Partial<WatchListEntry>): WatchListEntry => ({
  id: 'w1',
  kind: 'name',
  value: '陳大文',
  reason: 'Trespass warning 2026-10',
  approvedBy: 'staff-7',
  expiresAt: '2027-01-01T00:00:00Z',
  ...over,
});
const subject = (fullName: string, phone = '', idHash?: string) => (idHash === undefined ? { fullName, phone } : { fullName, phone, idHash });

describe('normaliseName', () => {
  const cases: [string, string][] = [
    ['陳大文', '陈大文'],
    ['陈大文', '陈大文'],
    ['陳 大文', '陈大文'],
    ['張三豐', '张三丰'],
    ['鍾麗緹', '钟丽缇'],
    ['範冰冰', '范冰冰'],
    ['ＣＨＡＮ　Tai-man', 'chantaiman'],
    ['Chan, Tai Man.', 'chantaiman'],
    ['阿卜杜拉·買買提', '阿卜杜拉买买提'],
    ['  ', ''],
  ];
  for (const [input, want] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(want)}`, () => {
      expect(normaliseName(input)).to.equal(want);
    });
  }

  it('is idempotent', () => {
    for (const [input] of cases) expect(normaliseName(normaliseName(input))).to.equal(normaliseName(input));
  });
});

describe('matchWatchList', () => {
  it('matches traditional and simplified forms of the same name, as possible', () => {
    expect(matchWatchList(subject('陈大文'), [entry({})], NOW)).to.deep.equal([{ entryId: 'w1', kind: 'name', strength: 'possible' }]);
    expect(matchWatchList(subject('張三豐'), [entry({ value: '张三丰' })], NOW)).to.have.length(1);
  });

  it('matches through full-width letters, case, spacing, punctuation and word order', () => {
    const list = [entry({ value: 'Chan Tai Man' })];
    for (const name of ['ＣＨＡＮ ＴＡＩ ＭＡＮ', 'chan tai-man', 'CHAN Taiman', 'Tai Man Chan', 'Chan,  Tai Man']) {
      expect(matchWatchList(subject(name), list, NOW), name).to.deep.equal([{ entryId: 'w1', kind: 'name', strength: 'possible' }]);
    }
  });

  it('does not match a different name, a partial name or an empty one', () => {
    const list = [entry({ value: 'Chan Tai Man' }), entry({ id: 'w2' })];
    for (const name of ['Chan Tai', 'Chan Siu Man', '陳小文', '', '—']) expect(matchWatchList(subject(name), list, NOW), name).to.deep.equal([]);
  });

  it('never matches an expired entry, from the instant it expires', () => {
    const list = [entry({ expiresAt: '2026-11-23T02:00:00Z' }), entry({ id: 'p', kind: 'phone', value: '+85291234567', expiresAt: '2026-11-01T00:00:00Z' })];
    expect(matchWatchList(subject('陳大文', '+85291234567'), list, NOW)).to.deep.equal([]);
    expect(matchWatchList(subject('陳大文'), list, new Date(NOW.getTime() - 1))).to.have.length(1);
    expect(isWatchEntryActive({ expiresAt: 'soon' }, NOW)).to.equal(false);
  });

  it('confirms a phone match by E.164 equality, and lists confirmed matches first', () => {
    const list = [entry({}), entry({ id: 'p', kind: 'phone', value: '+85291234567' })];
    expect(matchWatchList(subject('陳大文', '+85291234567'), list, NOW)).to.deep.equal([
      { entryId: 'p', kind: 'phone', strength: 'confirmed' },
      { entryId: 'w1', kind: 'name', strength: 'possible' },
    ]);
    expect(matchWatchList(subject('Someone Else', '+85291234568'), list, NOW)).to.deep.equal([]);
    expect(matchWatchList(subject('Someone Else', ''), [entry({ kind: 'phone', value: '' })], NOW)).to.deep.equal([]);
  });

  it('confirms an ID-hash match, and only with a hash present', () => {
    const list = [entry({ id: 'h', kind: 'id-hash', value: 'q1w2e3r4t5y6u7i8o9p0aS' })];
    expect(matchWatchList(subject('x', '', 'q1w2e3r4t5y6u7i8o9p0aS'), list, NOW)).to.deep.equal([{ entryId: 'h', kind: 'id-hash', strength: 'confirmed' }]);
    expect(matchWatchList(subject('x', ''), list, NOW)).to.deep.equal([]);
  });

  it('matches a day of arrivals against a large list quickly', () => {
    const list = Array.from({ length: 500 }, (_, i) => entry({ id: `w${i}`, value: `測試名${i}` }));
    const start = performance.now();
    for (let i = 0; i < 200; i++) matchWatchList(subject(`访客${i}`), list, NOW);
    expect(performance.now() - start).to.be.below(2000);
  });
});

describe('parseWatchList', () => {
  it('accepts valid entries', () => {
    const list = [entry({}), entry({ id: 'p', kind: 'phone', value: '+8613800138000' })];
    expect(parseWatchList(list)).to.deep.equal({ ok: true, value: list });
  });

  it('names the path of a bad phone, a repeated id, a missing approver and a bad expiry', () => {
    expect(parseWatchList([entry({ kind: 'phone', value: '9123 4567' })])).to.have.nested.property('details.path', '0.value');
    expect(parseWatchList([entry({}), entry({})])).to.have.nested.property('details.path', '1.id');
    const noApprover: Record<string, unknown> = { ...entry({}) };
    delete noApprover.approvedBy;
    expect(parseWatchList([noApprover])).to.have.nested.property('details.path', '0.approvedBy');
    expect(parseWatchList([entry({ expiresAt: 'next year' })])).to.have.nested.property('details.path', '0.expiresAt');
  });
});
