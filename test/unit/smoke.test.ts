import { expect } from '@open-wc/testing';
import { canTransition } from '../../src/domain/visit.js';

describe('visit life-cycle', () => {
  it('allows registered → checked-in and forbids checked-out → checked-in', () => {
    expect(canTransition('registered', 'checked-in')).to.equal(true);
    expect(canTransition('checked-out', 'checked-in')).to.equal(false);
  });
});
