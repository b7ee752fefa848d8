import { expect } from '@open-wc/testing';
import { UUIDV7_RANDOM_BYTES, isUuid, isUuidV7, uuidv7, uuidv7Time } from '../../../src/domain/uuid.js';

const rnd = (): Uint8Array => crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES));

describe('uuidv7', () => {
  it('lays out the timestamp, version and variant as RFC 9562 says', () => {
    const id = uuidv7(0x0189_58d6_2a5c, new Uint8Array(10).fill(0xff));
    expect(id).to.equal('018958d6-2a5c-7fff-bfff-ffffffffffff');
    expect(uuidv7(0, new Uint8Array(10))).to.equal('00000000-0000-7000-8000-000000000000');
  });

  it('reproduces the example of RFC 9562 appendix A.6', () => {
    const random = Uint8Array.of(0x0c, 0xc3, 0x18, 0xc4, 0xdc, 0x0c, 0x0c, 0x07, 0x39, 0x8f);
    expect(uuidv7(0x017f_22e2_79b0, random)).to.equal('017f22e2-79b0-7cc3-98c4-dc0c0c07398f');
  });

  it('is a canonical v7 UUID and keeps its time', () => {
    const now = Date.UTC(2026, 10, 22, 16, 30);
    const id = uuidv7(now, rnd());
    expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUuid(id)).to.equal(true);
    expect(isUuidV7(id)).to.equal(true);
    expect(uuidv7Time(id)).to.equal(now);
  });

  it('sorts by creation time as a string', () => {
    const start = Date.UTC(2026, 0, 1);
    const ids = [0, 1, 2, 1000, 86_400_000, 2 ** 40].map((d) => uuidv7(start + d, rnd()));
    expect([...ids].sort()).to.deep.equal(ids);
  });

  it('gives different ids in the same millisecond', () => {
    const now = Date.now();
    const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(now, rnd())));
    expect(ids.size).to.equal(1000);
  });

  it('refuses bad timestamps and too little randomness', () => {
    expect(() => uuidv7(-1, rnd())).to.throw(RangeError);
    expect(() => uuidv7(2 ** 48, rnd())).to.throw(RangeError);
    expect(() => uuidv7(1.5, rnd())).to.throw(RangeError);
    expect(() => uuidv7(Number.NaN, rnd())).to.throw(RangeError);
    expect(() => uuidv7(0, new Uint8Array(9))).to.throw(RangeError);
  });
});

describe('isUuid', () => {
  const cases: [string, boolean][] = [
    ['018958d6-2a5c-7fff-bfff-ffffffffffff', true],
    ['123e4567-e89b-42d3-a456-426614174000', true],
    ['123E4567-E89B-42D3-A456-426614174000', false],
    ['123e4567e89b42d3a456426614174000', false],
    ['123e4567-e89b-02d3-a456-426614174000', false],
    ['123e4567-e89b-42d3-c456-426614174000', false],
    ['00000000-0000-0000-0000-000000000000', false],
    ['', false],
    [' 123e4567-e89b-42d3-a456-426614174000', false],
  ];
  for (const [s, expected] of cases) {
    it(`${JSON.stringify(s)} → ${expected}`, () => {
      expect(isUuid(s)).to.equal(expected);
    });
  }
  it('tells v7 from v4', () => {
    expect(isUuidV7('123e4567-e89b-42d3-a456-426614174000')).to.equal(false);
  });
});
