// Every case of reference/indicators.md ("Cases the engine must get right"), one test each.
import { describe, expect, it } from 'vitest';
import {
  computeIndicator,
  createDataset,
  exactOf,
  periodOf,
  type DataValue,
  type IndicatorDefinitionInput,
  type IndicatorResult,
} from './index.js';
import { shareDefinition as share } from '../../test/indicator-fixtures.js';

const name = { ru: 'Показатель', en: 'Indicator' };
const unit = (id: string, level: 'organization' | 'municipality', parent?: string) =>
  parent === undefined ? { id, name, level } : { id, name, level, parent };
const element = (id: string, aggregation: 'sum' | 'average-sum-org-unit' = 'sum') => ({
  id,
  name,
  aggregation,
});

function value(result: IndicatorResult): string {
  if (result.status !== 'value') throw new Error(`no value: ${result.reason}`);
  return result.value;
}

describe('reference/indicators.md cases', () => {
  it('1. school A 45/50 and school B 2/10 give the municipality 78.3 % (47/60), not 55 %', () => {
    const values: DataValue[] = [
      { dataElement: 'satisfied', orgUnit: 'a', period: '2024-2025', value: '45' },
      { dataElement: 'surveyed', orgUnit: 'a', period: '2024-2025', value: '50' },
      { dataElement: 'satisfied', orgUnit: 'b', period: '2024-2025', value: '2' },
      { dataElement: 'surveyed', orgUnit: 'b', period: '2024-2025', value: '10' },
    ];
    const dataset = createDataset({
      dataElements: [element('satisfied'), element('surveyed')],
      orgUnits: [
        unit('town', 'municipality'),
        unit('a', 'organization', 'town'),
        unit('b', 'organization', 'town'),
      ],
      values,
    });
    expect(value(computeIndicator(share, dataset, 'a', '2024-2025'))).toBe('90.0');
    expect(value(computeIndicator(share, dataset, 'b', '2024-2025'))).toBe('20.0');
    const town = computeIndicator(share, dataset, 'town', '2024-2025');
    expect(value(town)).toBe('78.3');
    expect(town.status === 'value' && [town.numerator, town.denominator]).toEqual(['47', '60']);
    expect(town.explanation?.text.en).toBe('Indicator (v. 1): 47 / 60 × 100 = 78.3');
  });

  it('2. 0/0 is no value with reason "denominator is zero", never NaN, 0 or Infinity', () => {
    const dataset = createDataset({
      dataElements: [element('satisfied'), element('surveyed')],
      orgUnits: [unit('a', 'organization')],
      values: [
        { dataElement: 'satisfied', orgUnit: 'a', period: '2024-2025', value: '0' },
        { dataElement: 'surveyed', orgUnit: 'a', period: '2024-2025', value: '0' },
      ],
    });
    const result = computeIndicator(share, dataset, 'a', '2024-2025');
    expect(result.status).toBe('no-value');
    expect(result.status === 'no-value' && result.reason).toBe('denominator-zero');
    expect(result.status === 'no-value' && result.message.en).toBe('The denominator is zero');
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  describe('3. numerator a + b with a = 5 and b missing', () => {
    const dataset = createDataset({
      dataElements: [element('a'), element('b')],
      orgUnits: [unit('x', 'organization')],
      values: [{ dataElement: 'a', orgUnit: 'x', period: '2024-2025', value: '5' }],
    });
    const definition = (
      missingValueStrategy: IndicatorDefinitionInput['missingValueStrategy'],
    ): IndicatorDefinitionInput => ({
      id: 'sum-ab',
      version: 1,
      name,
      unit: 'number',
      numerator: '#{a} + #{b}',
      decimals: 0,
      levels: ['organization'],
      periodType: 'school-year',
      missingValueStrategy,
    });
    it('skip-if-all-missing: 5, flagged partial', () => {
      const result = computeIndicator(definition('skip-if-all-missing'), dataset, 'x', '2024-2025');
      expect(value(result)).toBe('5');
      expect(result.status === 'value' && result.partial).toBe(true);
      expect(result.explanation?.missing).toEqual(['#{b}']);
      expect(result.explanation?.numerator.substituted).toBe('5 + ∅');
    });
    it('skip-if-any-missing: no value', () => {
      const result = computeIndicator(definition('skip-if-any-missing'), dataset, 'x', '2024-2025');
      expect(result.status === 'no-value' && result.reason).toBe('missing-data');
    });
    it('never-skip: 5', () => {
      const result = computeIndicator(definition('never-skip'), dataset, 'x', '2024-2025');
      expect(value(result)).toBe('5');
      expect(result.status === 'value' && result.partial).toBe(false);
    });
  });

  it('4. 30 consultations in Q1 2025 (90 days) per 1000 parents, factor 100, annualized → 12.17', () => {
    const dataset = createDataset({
      dataElements: [element('consultations'), element('parents')],
      orgUnits: [unit('town', 'municipality')],
      values: [
        { dataElement: 'consultations', orgUnit: 'town', period: '2025Q1', value: '30' },
        { dataElement: 'parents', orgUnit: 'town', period: '2025Q1', value: '1000' },
      ],
    });
    const result = computeIndicator(
      {
        id: 'consultation-rate',
        version: 1,
        name,
        unit: 'percent',
        numerator: '#{consultations}',
        denominator: '#{parents}',
        factor: '100',
        annualized: true,
        decimals: 2,
        levels: ['municipality'],
        periodType: 'quarter',
      },
      dataset,
      'town',
      '2025Q1',
    );
    expect(value(result)).toBe('12.17');
    expect(result.explanation?.annualization).toEqual({ daysInYear: 365, daysInPeriod: 90 });
    expect(result.explanation?.text.en).toBe(
      'Indicator (v. 1): 30 / 1000 × 100 × 365 / 90 = 12.17',
    );
  });

  it('5. 57/100 × 100 = 57 exactly; 1.005 half-up to 2 decimals = 1.01', () => {
    expect(exactOf(57).divide(exactOf(100))!.multiply(exactOf(100)).toString()).toBe('57');
    expect(exactOf('1.005').toFixed(2, 'half-up')).toBe('1.01');
    expect(exactOf('1.005').toFixed(2, 'half-even')).toBe('1.00');
    expect(exactOf('1.005').toFixed(2, 'down')).toBe('1.00');
    const dataset = createDataset({
      dataElements: [element('a'), element('b')],
      orgUnits: [unit('x', 'organization')],
      values: [
        { dataElement: 'a', orgUnit: 'x', period: '2024-2025', value: '57' },
        { dataElement: 'b', orgUnit: 'x', period: '2024-2025', value: '100' },
        { dataElement: 'a', orgUnit: 'x', period: '2023-2024', value: '1.005' },
        { dataElement: 'b', orgUnit: 'x', period: '2023-2024', value: '1' },
      ],
    });
    const percent = computeIndicator(
      { ...share, numerator: '#{a}', denominator: '#{b}', decimals: 0 },
      dataset,
      'x',
      '2024-2025',
    );
    expect(percent.status === 'value' && percent.exact).toBe('57');
    const rounded = computeIndicator(
      {
        ...share,
        unit: 'number',
        numerator: '#{a}',
        denominator: '#{b}',
        decimals: 2,
        rounding: 'half-up',
      },
      dataset,
      'x',
      '2023-2024',
    );
    expect(value(rounded)).toBe('1.01');
    expect(rounded.status === 'value' && rounded.exact).toBe('1.005');
  });

  it('6. teacher headcount Q1–Q4 100, 100, 102, 98 → year 100 (average over time); two schools → sum', () => {
    const quarters = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'];
    const counts = ['100', '100', '102', '98'];
    const values: DataValue[] = ['a', 'b'].flatMap((school) =>
      quarters.map((period, index) => ({
        dataElement: 'teachers',
        orgUnit: school,
        period,
        value: counts[index]!,
      })),
    );
    const dataset = createDataset({
      dataElements: [element('teachers', 'average-sum-org-unit')],
      orgUnits: [
        unit('town', 'municipality'),
        unit('a', 'organization', 'town'),
        unit('b', 'organization', 'town'),
      ],
      values,
    });
    const headcount: IndicatorDefinitionInput = {
      id: 'teachers',
      version: 1,
      name,
      unit: 'number',
      numerator: '#{teachers}',
      decimals: 0,
      levels: ['organization', 'municipality'],
      periodType: 'calendar-year',
    };
    expect(value(computeIndicator(headcount, dataset, 'a', '2025'))).toBe('100');
    expect(value(computeIndicator(headcount, dataset, 'town', '2025'))).toBe('200');
  });

  it('7. a record dated 2025-06-15 belongs to school year 2024-2025', () => {
    expect(periodOf('2025-06-15', 'school-year').id).toBe('2024-2025');
    const dataset = createDataset({
      dataElements: [element('consultations')],
      orgUnits: [unit('town', 'municipality')],
      values: [
        { dataElement: 'consultations', orgUnit: 'town', period: '2025-06-15', value: '1' },
        { dataElement: 'consultations', orgUnit: 'town', period: '2025-09-01', value: '1' },
      ],
    });
    const count: IndicatorDefinitionInput = {
      id: 'consultations',
      version: 1,
      name,
      unit: 'number',
      numerator: '#{consultations}',
      decimals: 0,
      levels: ['municipality'],
      periodType: 'school-year',
    };
    expect(value(computeIndicator(count, dataset, 'town', '2024-2025'))).toBe('1');
    expect(value(computeIndicator(count, dataset, 'town', '2025-2026'))).toBe('1');
  });

  it('8. GER 1050/1000 → 105.0 %, not clamped; a capped indicator → 100 with a flag', () => {
    const dataset = createDataset({
      dataElements: [element('enrolled'), element('population')],
      orgUnits: [unit('town', 'municipality')],
      values: [
        { dataElement: 'enrolled', orgUnit: 'town', period: '2024-2025', value: '1050' },
        { dataElement: 'population', orgUnit: 'town', period: '2024-2025', value: '1000' },
      ],
    });
    const ger: IndicatorDefinitionInput = {
      ...share,
      id: 'ger',
      levels: ['municipality'],
      numerator: '#{enrolled}',
      denominator: '#{population}',
    };
    const gross = computeIndicator(ger, dataset, 'town', '2024-2025');
    expect(value(gross)).toBe('105.0');
    expect(gross.status === 'value' && gross.capped).toBe(false);
    const capped = computeIndicator(
      { ...ger, id: 'capped', cap: '100' },
      dataset,
      'town',
      '2024-2025',
    );
    expect(value(capped)).toBe('100.0');
    expect(capped.status === 'value' && capped.capped).toBe(true);
  });
});
