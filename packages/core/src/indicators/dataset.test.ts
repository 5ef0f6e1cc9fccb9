import { describe, expect, it } from 'vitest';
import {
  checkValidationRules,
  computeIndicator,
  createDataset,
  indicatorResultSchema,
  parseIndicatorDefinition,
  parsePeriod,
  periodContains,
  runDefinitionTests,
  type DataValue,
} from './index.js';
import { ValidationError } from '../common/errors.js';
import { surveyDataset } from '../../test/indicator-fixtures.js';

const name = { ru: 'П', en: 'I' };

function issuesOf(
  run: () => unknown,
): { path: readonly (string | number)[]; code: string; ru: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError)
      return error.issues.map((issue) => ({
        path: issue.path,
        code: issue.code,
        ru: issue.message.ru,
      }));
    throw error;
  }
  throw new Error('no error');
}

describe('periods', () => {
  it('reads every period type with its days', () => {
    expect(parsePeriod('2019-2020')).toEqual({
      id: '2019-2020',
      type: 'school-year',
      start: '2019-09-01',
      end: '2020-08-31',
      days: 366,
    });
    expect(parsePeriod('2024')?.days).toBe(366);
    expect(parsePeriod('2025Q1')?.days).toBe(90);
    expect(parsePeriod('2025-02')?.end).toBe('2025-02-28');
    expect(parsePeriod('2021-07-01')?.type).toBe('as-of-date');
    expect(parsePeriod('2019-2021')).toBeUndefined();
    expect(parsePeriod('2025-13')).toBeUndefined();
    expect(periodContains(parsePeriod('2019-2020')!, parsePeriod('2020-03')!)).toBe(true);
    expect(periodContains(parsePeriod('2019-2020')!, parsePeriod('2020')!)).toBe(false);
  });
});

describe('createDataset', () => {
  it('reports every problem with its path and a Russian message', () => {
    const issues = issuesOf(() =>
      createDataset({
        dataElements: [
          { id: 'a', name },
          { id: 'a', name },
        ],
        orgUnits: [
          { id: 'x', name, level: 'site', parent: 'nowhere' },
          { id: 'p', name, level: 'organization', parent: 'q' },
          { id: 'q', name, level: 'organization', parent: 'p' },
        ],
        values: [
          { dataElement: 'b', orgUnit: 'x', period: '2019-2020', value: '1' },
          { dataElement: 'a', orgUnit: 'y', period: '2019-2020', value: '1,5' },
        ],
        constants: { population: 'many' },
      }),
    );
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      [['dataElements', 1, 'id'], 'duplicate_id'],
      [['orgUnits', 0, 'parent'], 'unknown_parent'],
      [['orgUnits', 1, 'parent'], 'cycle'],
      [['orgUnits', 2, 'parent'], 'cycle'],
      [['values', 0, 'dataElement'], 'unknown_data_element'],
      [['values', 1, 'value'], 'not_a_number'],
      [['values', 1, 'orgUnit'], 'unknown_org_unit'],
      [['constants', 'population'], 'not_a_number'],
    ]);
    expect(issues[5]?.ru).toBe('«1,5» — не число (десятичная точка, без пробелов)');
  });

  it('rejects a bad period through the schema', () => {
    const issues = issuesOf(() =>
      createDataset({
        dataElements: [],
        orgUnits: [],
        values: [
          { dataElement: 'a', orgUnit: 'x', period: '2019', value: '1' },
          { dataElement: 'a', orgUnit: 'x', period: 'лето', value: '1' },
        ],
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([['values', 1, 'period']]);
  });

  it('does not mutate its input', () => {
    const input = {
      dataElements: [{ id: 'a', name }],
      orgUnits: [{ id: 'x', name, level: 'site' }],
      values: [{ dataElement: 'a', orgUnit: 'x', period: '2020', value: '1' }],
    };
    const copy = structuredClone(input);
    createDataset(input);
    expect(input).toEqual(copy);
  });
});

describe('aggregation types', () => {
  const quarters = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'];
  const build = (aggregation: string, numbers: string[][]) =>
    createDataset({
      dataElements: [{ id: 'v', name, aggregation }],
      orgUnits: [
        { id: 'town', name, level: 'municipality' },
        { id: 'a', name, level: 'organization', parent: 'town' },
        { id: 'b', name, level: 'organization', parent: 'town' },
      ],
      values: numbers.flatMap((series, school) =>
        series.map((value, q): DataValue => ({
          dataElement: 'v',
          orgUnit: school === 0 ? 'a' : 'b',
          period: quarters[q]!,
          value,
        })),
      ),
    });
  const year = (aggregation: string, numbers: string[][]) =>
    build(aggregation, numbers)
      .aggregate({ type: 'dataElement', element: 'v' }, 'town', parsePeriod('2025')!)
      .value?.toString();

  it.each([
    ['sum', '20'],
    ['average', '2.5'],
    ['average-sum-org-unit', '5'],
    ['count', '8'],
    ['min', '1'],
    ['max', '4'],
    ['last', '7'],
  ])('%s over time and units', (aggregation, expected) => {
    const numbers = [
      ['1', '2', '3', '3'],
      ['1', '2', '4', '4'],
    ];
    expect(year(aggregation, numbers)).toBe(expected);
  });

  it('countDistinct counts a child enrolled in several programmes once', () => {
    const dataset = createDataset({
      dataElements: [{ id: 'enrolment', name, valueType: 'text', aggregation: 'count' }],
      orgUnits: [
        { id: 'town', name, level: 'municipality' },
        { id: 'p1', name, level: 'organization', parent: 'town' },
        { id: 'p2', name, level: 'organization', parent: 'town' },
      ],
      values: [
        { dataElement: 'enrolment', orgUnit: 'p1', period: '2020-09-01', value: 'child-1' },
        { dataElement: 'enrolment', orgUnit: 'p2', period: '2020-09-01', value: 'child-1' },
        { dataElement: 'enrolment', orgUnit: 'p2', period: '2020-09-01', value: 'child-2' },
      ],
    });
    const definition = parseIndicatorDefinition({
      id: 'children',
      version: 1,
      name,
      unit: 'number',
      numerator: 'countDistinct(#{enrolment})',
      decimals: 0,
      levels: ['municipality'],
      periodType: 'as-of-date',
    });
    const result = computeIndicator(definition, dataset, 'town', '2020-09-01');
    expect(result.status === 'value' && result.value).toBe('2');
    expect(
      computeIndicator({ ...definition, numerator: '#{enrolment}' }, dataset, 'town', '2020-09-01'),
    ).toMatchObject({ value: '3' });
  });
});

describe('computation guards and explanation', () => {
  const dataset = surveyDataset(
    ['a', 'b', 'c'],
    [
      { dataElement: 'satisfied', orgUnit: 'a', period: '2019-2020', value: '52' },
      { dataElement: 'surveyed', orgUnit: 'a', period: '2019-2020', value: '50' },
      { dataElement: 'satisfied', orgUnit: 'b', period: '2019-2020', value: '8' },
      { dataElement: 'surveyed', orgUnit: 'b', period: '2019-2020', value: '10' },
    ],
  );
  const share = parseIndicatorDefinition({
    id: 'share',
    version: 2,
    name: { ru: 'Доля', en: 'Share' },
    unit: 'percent',
    numerator: '#{satisfied}',
    denominator: '#{surveyed}',
    levels: ['municipality'],
    periodType: 'school-year',
    target: '90',
    validFrom: '2015-09-01',
  });

  it('explains the value: version, inputs, units not reporting, numbers substituted', () => {
    const result = computeIndicator(share, dataset, 'town', '2019-2020');
    expect(indicatorResultSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
    expect(result).toMatchObject({ status: 'value', value: '100.0', meetsTarget: true });
    expect(result.explanation).toMatchObject({
      definition: { id: 'share', version: 2 },
      inputs: [
        { reference: '#{satisfied}', value: '60', reportingUnits: ['a', 'b'] },
        { reference: '#{surveyed}', value: '60', reportingUnits: ['a', 'b'] },
      ],
      unitsNotReporting: ['c'],
      text: { ru: 'Доля (в. 2): 60 / 60 × 100 = 100.0' },
    });
  });

  it('gives no value with a reason for the wrong level, period type or validity', () => {
    expect(computeIndicator(share, dataset, 'a', '2019-2020')).toMatchObject({
      reason: 'level-not-allowed',
    });
    expect(computeIndicator(share, dataset, 'town', '2020')).toMatchObject({
      reason: 'period-type-mismatch',
    });
    expect(computeIndicator(share, dataset, 'town', '2010-2011')).toMatchObject({
      reason: 'not-valid-in-period',
    });
    expect(computeIndicator(share, dataset, 'nowhere', '2019-2020')).toMatchObject({
      reason: 'unknown-org-unit',
    });
  });

  it('refers to other indicators and detects cycles', () => {
    const doubled = parseIndicatorDefinition({
      ...share,
      id: 'doubled',
      unit: 'number',
      numerator: 'I{share} * 2',
      denominator: '1',
    });
    expect(
      computeIndicator(doubled, dataset, 'town', '2019-2020', { indicators: [share] }),
    ).toMatchObject({ exact: '200' });
    const loop = parseIndicatorDefinition({
      ...share,
      id: 'loop',
      numerator: 'I{loop}',
      denominator: '1',
    });
    expect(
      computeIndicator(loop, dataset, 'town', '2019-2020', { indicators: [loop] }),
    ).toMatchObject({ reason: 'indicator-cycle' });
  });

  it('validation rules flag more satisfied parents than surveyed', () => {
    const violations = checkValidationRules(
      [
        {
          id: 'satisfied-not-above-surveyed',
          name: { ru: 'Удовлетворённых не больше опрошенных', en: 'Satisfied not above surveyed' },
          left: '#{satisfied}',
          operator: '<=',
          right: '#{surveyed}',
        },
      ],
      dataset,
      { periods: ['2019-2020'] },
    );
    expect(violations).toEqual([
      {
        rule: 'satisfied-not-above-surveyed',
        importance: 'medium',
        orgUnit: 'a',
        period: '2019-2020',
        left: '52',
        right: '50',
        substituted: '52 <= 50',
        text: {
          ru: 'Удовлетворённых не больше опрошенных: 52 <= 50 не выполняется',
          en: 'Satisfied not above surveyed: 52 <= 50 does not hold',
        },
      },
    ]);
  });

  it('a formula error in a definition is reported at its field with line and column', () => {
    const issues = issuesOf(() =>
      parseIndicatorDefinition({ ...share, numerator: '#{satisfied} +' }),
    );
    expect(issues[0]?.path).toEqual(['numerator']);
    expect(issues[0]?.ru).toContain('строка 1, столбец 15');
  });

  it('runs the test cases that travel with a definition', () => {
    const outcomes = runDefinitionTests({
      ...share,
      tests: [
        { name: 'half', inputs: { satisfied: '1', surveyed: '2' }, expected: { value: '50.0' } },
        {
          name: 'zero',
          inputs: { satisfied: '0', surveyed: '0' },
          expected: { noValue: 'denominator-zero' },
        },
        {
          name: 'wrong on purpose',
          inputs: { satisfied: '1', surveyed: '3' },
          expected: { value: '33.4' },
        },
      ],
    });
    expect(outcomes.map((outcome) => [outcome.passed, outcome.actual])).toEqual([
      [true, '50.0'],
      [true, 'no value: denominator-zero'],
      [false, '33.3'],
    ]);
  });
});
