// computeIndicatorTable on the first reference case: values kept compactly, texts and
// explanations made on demand (the property test in fast.prop.test.ts holds it to
// computeIndicators on random formulas and data).
import { describe, expect, it } from 'vitest';
import { computeIndicatorTable } from './index.js';
import { shareDefinition as share, surveyDataset } from '../../test/indicator-fixtures.js';

const dataset = surveyDataset(
  ['a', 'b'],
  [
    { dataElement: 'satisfied', orgUnit: 'a', period: '2024-2025', value: '45' },
    { dataElement: 'surveyed', orgUnit: 'a', period: '2024-2025', value: '50' },
    { dataElement: 'satisfied', orgUnit: 'b', period: '2024-2025', value: '0' },
    { dataElement: 'surveyed', orgUnit: 'b', period: '2024-2025', value: '0' },
    { dataElement: 'satisfied', orgUnit: 'a', period: '2023-2024', value: '40' },
  ],
);
const query = { orgUnits: ['town', 'a', 'b'], periods: ['2023-2024', '2024-2025', '2024'] };

describe('computeIndicatorTable', () => {
  it('keeps each value or reason, re-derives the town from summed parts, skips other period types', () => {
    const table = computeIndicatorTable([share], dataset, query);
    expect(table.size).toBe(9);
    const at = (orgUnit: string, period: string): number =>
      table.cellOf('share', orgUnit, period) ?? -1;
    expect(table.value(at('town', '2024-2025'))).toBe('90.0'); // 45/50: b reported 0 of 0
    expect(table.value(at('a', '2024-2025'))).toBe('90.0');
    expect(table.reason(at('b', '2024-2025'))).toBe('denominator-zero');
    expect(table.reason(at('a', '2023-2024'))).toBe('missing-data');
    expect(table.status(at('a', '2024'))).toBeUndefined(); // a calendar year: not this type
    expect(table.cellOf('share', 'nowhere', '2024-2025')).toBeUndefined();
    expect(table.coordinates(at('b', '2024-2025'))).toEqual({
      indicator: 'share',
      orgUnit: 'b',
      period: '2024-2025',
    });
  });

  it('makes the whole result and its explanation on demand', () => {
    const table = computeIndicatorTable([share], dataset, query);
    const result = table.result(table.cellOf('share', 'town', '2024-2025') ?? -1);
    expect(result).toMatchObject({ status: 'value', exact: '90', numerator: '45' });
    expect(result?.explanation?.text.ru).toBe('Показатель (в. 1): 45 / 50 × 100 = 90.0');
    const plain = computeIndicatorTable([share], dataset, query, { explain: false });
    expect(plain.result(plain.cellOf('share', 'town', '2024-2025') ?? -1)?.explanation).toBe(
      undefined,
    );
    expect(plain.results()).toHaveLength(6);
  });
});
