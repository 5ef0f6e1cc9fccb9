import { compileIndicator, IndicatorSession, type CompiledIndicator } from './compute.js';
import type { IndicatorResult } from './result.js';
import { createDataset } from './dataset.js';
import type { IndicatorDefinition, IndicatorTestCase } from './definition.js';
import type { PeriodType } from './vocabulary.js';
import { formulaReferences } from './syntax.js';

const DEFAULT_PERIOD: Record<PeriodType, string> = {
  'school-year': '2024-2025',
  'calendar-year': '2024',
  quarter: '2024Q1',
  month: '2024-01',
  'as-of-date': '2024-09-01',
};

/**
 * The outcome of one definition test case.
 *
 * @example
 * ```ts
 * import type { DefinitionTestOutcome } from '@eduset/core/indicators';
 * declare const outcome: DefinitionTestOutcome;
 * if (!outcome.passed) console.log(outcome.name, outcome.actual);
 * ```
 */
export interface DefinitionTestOutcome {
  readonly indicator: string;
  readonly name: string;
  readonly passed: boolean;
  readonly expected: IndicatorTestCase['expected'];
  /** What the engine gave: the presented value or `no value: reason`. */
  readonly actual: string;
  readonly result: IndicatorResult;
}

/**
 * Runs the test cases that travel with a definition: each builds a one-unit dataset from its
 * inputs (`element` or `element.disaggregation` → value, summed) and compares the presented
 * value (and `partial`/`capped` flags when given) or the no-value reason. Another region that
 * loads the definition file runs the same cases and must get the same numbers.
 *
 * @example
 * ```ts
 * import { runDefinitionTests } from '@eduset/core/indicators';
 * const outcomes = runDefinitionTests({
 *   id: 'share', version: 1, name: { ru: 'Доля', en: 'Share' }, unit: 'percent',
 *   numerator: '#{a}', denominator: '#{b}', levels: ['municipality'], periodType: 'school-year',
 *   tests: [{ name: '57 of 100', inputs: { a: '57', b: '100' }, expected: { value: '57.0' } }],
 * });
 * outcomes.every((o) => o.passed); // true
 * ```
 */
export function runDefinitionTests(
  definition: IndicatorDefinition | CompiledIndicator | unknown,
  others: readonly (IndicatorDefinition | CompiledIndicator)[] = [],
): DefinitionTestOutcome[] {
  const compiled =
    typeof definition === 'object' && definition !== null && 'numeratorTree' in definition
      ? (definition as CompiledIndicator)
      : compileIndicator(definition);
  const { definition: valid } = compiled;
  const elements = new Set<string>();
  for (const tree of [compiled.numeratorTree, compiled.denominatorTree]) {
    for (const ref of formulaReferences(tree).dataElements) elements.add(ref.element);
  }
  for (const other of others) {
    const otherCompiled = 'numeratorTree' in other ? other : compileIndicator(other);
    for (const tree of [otherCompiled.numeratorTree, otherCompiled.denominatorTree]) {
      for (const ref of formulaReferences(tree).dataElements) elements.add(ref.element);
    }
  }
  const level = valid.levels[0] ?? 'municipality';
  return valid.tests.map((test) => {
    const period = test.period ?? DEFAULT_PERIOD[valid.periodType];
    for (const key of Object.keys(test.inputs)) elements.add(key.split('.')[0] ?? key);
    const dataset = createDataset({
      dataElements: [...elements].map((id) => ({ id, name: { ru: id, en: id } })),
      orgUnits: [{ id: 'test', name: { ru: 'Тест', en: 'Test' }, level }],
      values: Object.entries(test.inputs).map(([key, value]) => {
        const [dataElement = '', disaggregation] = key.split('.');
        return disaggregation === undefined
          ? { dataElement, orgUnit: 'test', period, value }
          : { dataElement, orgUnit: 'test', period, disaggregation, value };
      }),
      constants: test.constants ?? {},
    });
    const session = new IndicatorSession(dataset, { explain: false, indicators: others });
    const result = session.compute(compiled, 'test', period);
    const expected = test.expected;
    let passed: boolean;
    if ('noValue' in expected) {
      passed = result.status === 'no-value' && result.reason === expected.noValue;
    } else {
      passed =
        result.status === 'value' &&
        result.value === expected.value &&
        (expected.partial === undefined || result.partial === expected.partial) &&
        (expected.capped === undefined || result.capped === expected.capped);
    }
    const actual =
      result.status === 'value'
        ? `${result.value}${result.partial ? ' (partial)' : ''}${result.capped ? ' (capped)' : ''}`
        : `no value: ${result.reason}`;
    return { indicator: valid.id, name: test.name, passed, expected, actual, result };
  });
}
