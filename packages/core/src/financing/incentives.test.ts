import { describe, expect, it } from 'vitest';
import { ValidationError } from '../common/index.js';
import { allocateTeacherSupport, headBonus } from './index.js';

const headRule = { id: 'udomlya-head-bonus', version: '2020', maxPercent: 10 };
const supportRule = {
  id: 'udomlya-teacher-support',
  version: '2020',
  fund: '111000',
  min: '5000',
  max: '30000',
  minYears: 3,
};

describe('incentive rules (Udomlya)', () => {
  it('a head bonus is at most 10 % of salary', () => {
    expect(headBonus(headRule, { salary: '38250.50', percent: 10 }).toString()).toBe('3825.05');
    expect(headBonus(headRule, { salary: 40000, percent: 7.5 }).toString()).toBe('3000.00');
    expect(() => headBonus(headRule, { salary: 40000, percent: 12 })).toThrow(ValidationError);
  });

  it('teacher support: 111 000 within 5 000–30 000 for at least three years in the network', () => {
    const teachers = [
      { id: 'a', yearsInNetwork: 6 },
      { id: 'b', yearsInNetwork: 4 },
      { id: 'c', yearsInNetwork: 3 },
      { id: 'd', yearsInNetwork: 3 },
      { id: 'e', yearsInNetwork: 2 },
    ];
    const result = allocateTeacherSupport(supportRule, teachers);
    expect(result.payments.map((p) => [p.id, p.amount.toString()])).toEqual([
      ['a', '27750.00'],
      ['b', '27750.00'],
      ['c', '27750.00'],
      ['d', '27750.00'],
    ]);
    expect(result.notPaid).toEqual([{ id: 'e', reason: 'years' }]);
    expect(result.allocated.toString()).toBe('111000.00');
  });

  it('more eligible teachers than the fund allows at the minimum: the most senior are paid', () => {
    const teachers = Array.from({ length: 25 }, (_, i) => ({
      id: `t${String(i).padStart(2, '0')}`,
      yearsInNetwork: 3 + (i % 5),
    }));
    const result = allocateTeacherSupport(supportRule, teachers);
    expect(result.payments).toHaveLength(22);
    // 22 × 5 000 = 110 000; the last 1 000 is shared: 45.46 × 10 + 45.45 × 12.
    expect(new Set(result.payments.map((p) => p.amount.toString()))).toEqual(
      new Set(['5045.46', '5045.45']),
    );
    expect(result.allocated.toString()).toBe('111000.00');
    expect(result.notPaid.filter((n) => n.reason === 'fund')).toHaveLength(3);
  });

  it('weights share the remainder, capped at the maximum', () => {
    const result = allocateTeacherSupport(supportRule, [
      { id: 'a', yearsInNetwork: 10, weight: 10 },
      { id: 'b', yearsInNetwork: 3, weight: 1 },
    ]);
    expect(result.payments.map((p) => p.amount.toString())).toEqual(['30000.00', '30000.00']);
    expect(result.remaining.toString()).toBe('51000.00');
  });
});
