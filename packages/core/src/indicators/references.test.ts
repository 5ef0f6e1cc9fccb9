// Long formulas and `I{…}` references: an unknown indicator is an error that names its place,
// thousands of terms compile and evaluate without a stack overflow, and chains of references
// compile and compute in linear time with cycles refused by a typed error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../common/errors.js';
import {
  compileFormula,
  compileIndicator,
  compileIndicatorSet,
  computeIndicator,
  computeIndicators,
  createDataset,
  exactOf,
  formulaNodeSchema,
  formulaReferences,
  IndicatorReferenceError,
  IndicatorSession,
  MAX_FORMULA_LENGTH,
  MAX_TREE_DEPTH,
  parseFormula,
  printFormula,
  type FormulaScope,
  type IndicatorDefinitionInput,
  type IndicatorResult,
} from './index.js';

const PERIOD = '2024-2025';

const dataset = createDataset({
  dataElements: [
    { id: 'a', name: { ru: 'А', en: 'A' } },
    { id: 'b', name: { ru: 'Б', en: 'B' } },
  ],
  orgUnits: [
    { id: 'town', name: { ru: 'Город', en: 'Town' }, level: 'municipality' },
    { id: 'school', name: { ru: 'Школа', en: 'School' }, level: 'organization', parent: 'town' },
  ],
  values: [
    { dataElement: 'a', orgUnit: 'school', period: PERIOD, value: '3' },
    { dataElement: 'b', orgUnit: 'school', period: PERIOD, value: '2' },
  ],
});

const definition = (
  id: string,
  numerator: string,
  denominator = '1',
): IndicatorDefinitionInput => ({
  id,
  version: 1,
  name: { ru: `Показатель ${id}`, en: `Indicator ${id}` },
  unit: 'number',
  numerator,
  denominator,
  decimals: 0,
  levels: ['municipality', 'organization'],
  periodType: 'school-year',
  missingValueStrategy: 'never-skip',
});

const scope: FormulaScope = {
  dataElement: (ref) => (ref.element === 'a' ? exactOf(3) : exactOf(2)),
  aggregate: () => null,
  constant: () => undefined,
  indicator: () => undefined,
};

const valueOf = (result: IndicatorResult | undefined): string =>
  result?.status === 'value' ? result.value : `no value: ${result?.reason ?? '?'}`;

describe('a reference to an unknown indicator', () => {
  it('is no value with the reason unknown-indicator, naming the indicator and its place', () => {
    const result = computeIndicator(
      definition('uses-nosuch', '#{a} +\n  I{nosuch}'),
      dataset,
      'town',
      PERIOD,
    );
    expect(result).toMatchObject({ status: 'no-value', reason: 'unknown-indicator' });
    expect(result.status === 'no-value' && result.message).toEqual({
      ru: 'Формула ссылается на неизвестный показатель «nosuch» (I{nosuch}: числитель, строка 2, столбец 3)',
      en: 'The formula refers to an unknown indicator "nosuch" (I{nosuch}: numerator, line 2, column 3)',
    });
    // The same in a batch, with and without explanations, in the denominator too.
    for (const explain of [true, false]) {
      const [batch] = computeIndicators(
        [definition('uses-nosuch', '#{a}', '1 + I{nosuch}')],
        dataset,
        { orgUnits: ['town'], periods: [PERIOD] },
        { explain },
      );
      expect(batch).toMatchObject({ reason: 'unknown-indicator' });
      expect(batch?.status === 'no-value' && batch.message.en).toContain(
        'denominator, line 1, column 5',
      );
    }
  });

  it('stops the evaluator as an unknown constant does (a scope answers undefined)', () => {
    expect(() => compileFormula(parseFormula('I{nosuch} + 1'))(scope)).toThrow(
      expect.objectContaining({ reason: 'unknown-indicator', detail: 'nosuch' }),
    );
  });

  it('is refused when a set is compiled, with a typed bilingual error at its place', () => {
    try {
      compileIndicatorSet([
        definition('fine', '#{a}'),
        definition('uses-nosuch', '#{a} * 2', '#{b} +\n I{nosuch}'),
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IndicatorReferenceError);
      expect(error).toBeInstanceOf(ValidationError);
      const typed = error as IndicatorReferenceError;
      expect(typed._tag).toBe('ValidationError');
      expect([typed.code, typed.indicator, typed.reference, typed.line, typed.column]).toEqual([
        'unknown-indicator',
        'uses-nosuch',
        'nosuch',
        2,
        2,
      ]);
      expect(typed.issues[0]?.path).toEqual([1, 'denominator', 2, 2]);
      expect(typed.text.ru).toContain('неизвестный показатель «nosuch»');
      expect(typed.text.ru).toContain('знаменатель, строка 2, столбец 2');
      expect(typed.text.en).toContain('unknown indicator "nosuch"');
    }
  });

  it('a known indicator without a value stays a missing value, not an error', () => {
    const result = computeIndicator(
      definition('uses-empty', 'I{empty} + 1'),
      dataset,
      'town',
      PERIOD,
      {
        indicators: [compileIndicator(definition('empty', '#{a} / 0'))],
      },
    );
    expect(valueOf(result)).toBe('1');
  });
});

describe('cycles and repeated ids in a set', () => {
  it('a cycle is a typed error that lists it', () => {
    try {
      compileIndicatorSet([
        definition('x', '#{a}'),
        definition('p', 'I{q} + 1'),
        definition('q', 'I{x} + I{r}'),
        definition('r', '2 * I{p}'),
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IndicatorReferenceError);
      const typed = error as IndicatorReferenceError;
      expect(typed.code).toBe('indicator-cycle');
      expect(typed.cycle).toEqual(['p', 'q', 'r', 'p']);
      expect([typed.indicator, typed.reference, typed.line, typed.column]).toEqual([
        'r',
        'p',
        1,
        5,
      ]);
      expect(typed.text.ru).toContain('по кругу: p → q → r → p');
    }
    // At run time a cycle stays a no-value reason, as before.
    const loop = compileIndicator(definition('loop', 'I{loop}'));
    expect(computeIndicator(loop, dataset, 'town', PERIOD, { indicators: [loop] })).toMatchObject({
      reason: 'indicator-cycle',
    });
  });

  it('a repeated id is a typed error', () => {
    expect(() => compileIndicatorSet([definition('x', '1'), definition('x', '2')])).toThrow(
      expect.objectContaining({
        code: 'duplicate-indicator',
        issues: [expect.objectContaining({ path: [1, 'id'] })],
      }),
    );
  });

  it('an invalid definition is reported with its index', () => {
    try {
      compileIndicatorSet([definition('x', '1'), definition('y', '1 +')]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path.slice(0, 2)).toEqual([1, 'numerator']);
    }
  });
});

describe('long flat formulas', () => {
  it('5 000 + terms compile, evaluate, print and list their references without a stack overflow', () => {
    const text = Array.from({ length: 5000 }, () => '1').join('+');
    expect(text.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
    const tree = parseFormula(text);
    expect(String(compileFormula(tree)(scope))).toBe('5000');
    // (Deep equality of two 5 000-deep trees would itself recurse; their text is compared.)
    expect(printFormula(tree)).toBe(text.replaceAll('+', ' + '));
    expect(printFormula(parseFormula(printFormula(tree)))).toBe(printFormula(tree));
    const mixed = Array.from({ length: 2500 }, (_, i) =>
      i === 0 ? '#{a}' : `${['+', '-', '*'][i % 3]} ${i % 2 === 0 ? '#{a}' : '#{b}'}`,
    ).join(' ');
    const mixedTree = parseFormula(mixed);
    expect(formulaReferences(mixedTree).dataElements.map((ref) => ref.element)).toEqual(['a', 'b']);
    expect(printFormula(mixedTree)).toBe(mixed);
  });

  it('an indicator with 4 000 terms computes, with and without explanations, in a batch too', () => {
    const terms = Array.from({ length: 4000 }, (_, i) => (i % 2 === 0 ? '#{a}' : '#{b}')).join('+');
    const long = definition('long', terms);
    const explained = computeIndicator(long, dataset, 'town', PERIOD);
    expect(valueOf(explained)).toBe('10000');
    expect(explained.explanation?.numerator.substituted.startsWith('3 + 2 + 3')).toBe(true);
    const [batch] = computeIndicators(
      [long],
      dataset,
      { orgUnits: ['town'], periods: [PERIOD] },
      {
        explain: false,
      },
    );
    expect(valueOf(batch)).toBe('10000');
  });

  it('the tree schema refuses a tree deeper than its limit with a typed issue, not an overflow', () => {
    const deep = parseFormula(Array.from({ length: MAX_TREE_DEPTH + 10 }, () => '1').join('+'));
    const result = formulaNodeSchema.safeParse(deep);
    expect(result.success).toBe(false);
    const shallow = parseFormula(Array.from({ length: MAX_TREE_DEPTH - 1 }, () => '1').join('+'));
    expect(formulaNodeSchema.parse(shallow)).toEqual(shallow);
  });
});

/** I0 uses I1 uses I2 … uses I(n−1) = #{a}; each adds 1. */
const chain = (n: number): IndicatorDefinitionInput[] =>
  Array.from({ length: n }, (_, i) =>
    definition(`i${i}`, i === n - 1 ? '#{a}' : `I{i${i + 1}} + 1`),
  );

describe('chains of references', () => {
  it('2 000 deep: compiled once each, ordered, computed without a stack overflow', () => {
    const compiled = chain(2000).map((d) => compileIndicator(d));
    const started = performance.now();
    const set = compileIndicatorSet(compiled);
    // Already compiled definitions are used as they are: no recompilation per reference.
    expect(set.indicators.every((c, i) => c === compiled[i])).toBe(true);
    expect(set.order[0]?.definition.id).toBe('i1999');
    expect(set.order.at(-1)?.definition.id).toBe('i0');
    const results = computeIndicators(set.indicators, dataset, {
      orgUnits: ['town'],
      periods: [PERIOD],
    });
    expect(valueOf(results[0])).toBe(String(3 + 1999));
    expect(valueOf(results[1999])).toBe('3');
    // Linear, not quadratic: far below what 2 000² evaluations would take.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a cycle at the end of a 2 000-long chain is found without recursion', () => {
    const long = chain(2000);
    long[1999] = definition('i1999', 'I{i0}');
    expect(() => compileIndicatorSet(long)).toThrow(
      expect.objectContaining({ code: 'indicator-cycle', reference: 'i0' }),
    );
  });
});

/** A random set of indicators without cycles: each refers only to indicators after it. */
const dagArb = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record({
          base: fc.integer({ min: 0, max: 9 }),
          refs: fc.uniqueArray(fc.integer({ min: i + 1, max: Math.max(i + 1, n - 1) }), {
            maxLength: i + 1 < n ? 3 : 0,
          }),
          element: fc.constantFrom('a', 'b'),
        }),
      ),
    ),
  )
  .map((nodes) =>
    nodes.map((node, i) => ({
      ...node,
      refs: node.refs.filter((j) => j > i && j < nodes.length),
    })),
  );

describe('references (property)', () => {
  it('values through references equal a direct recursive sum, in any order, memoised or not', () => {
    fc.assert(
      fc.property(dagArb, fc.boolean(), (nodes, explain) => {
        const definitions = nodes.map((node, i) =>
          definition(
            `n${i}`,
            [`#{${node.element}} + ${node.base}`, ...node.refs.map((j) => `I{n${j}}`)].join(' + '),
          ),
        );
        const expected: number[] = [];
        for (let i = nodes.length - 1; i >= 0; i -= 1) {
          const node = nodes[i]!;
          expected[i] =
            (node.element === 'a' ? 3 : 2) +
            node.base +
            node.refs.reduce((sum, j) => sum + expected[j]!, 0);
        }
        const set = compileIndicatorSet(definitions);
        // Dependencies come first in the order.
        const position = new Map(set.order.map((c, index) => [c.definition.id, index]));
        nodes.forEach((node, i) => {
          for (const j of node.refs)
            expect(position.get(`n${j}`)!).toBeLessThan(position.get(`n${i}`)!);
        });
        const batch = computeIndicators(
          set.indicators,
          dataset,
          {
            orgUnits: ['town', 'school'],
            periods: [PERIOD],
          },
          { explain },
        );
        const perUnit = (unit: number) => batch.filter((_, index) => index % 2 === unit);
        expect(perUnit(0).map(valueOf)).toEqual(expected.map(String));
        // Each alone, in a fresh session, gives the same result objects as the shared one.
        nodes.forEach((_, i) => {
          const alone = new IndicatorSession(dataset, { explain, indicators: set.indicators });
          expect(alone.compute(set.indicators[i]!, 'town', PERIOD)).toEqual(perUnit(0)[i]);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('a back edge anywhere makes compilation refuse the set as a cycle', () => {
    fc.assert(
      fc.property(
        dagArb.filter((nodes) => nodes.length >= 2),
        fc.nat(),
        fc.nat(),
        (nodes, a, b) => {
          const from = (a % (nodes.length - 1)) + 1;
          const to = b % from;
          // Two edges to → from and from → to: a cycle, wherever it sits in the set.
          const definitions = nodes.map((node, i) =>
            definition(
              `n${i}`,
              [
                `#{a} + ${node.base}`,
                ...node.refs.map((j) => `I{n${j}}`),
                ...(i === to ? [`I{n${from}}`] : []),
                ...(i === from ? [`I{n${to}}`] : []),
              ].join(' + '),
            ),
          );
          expect(() => compileIndicatorSet(definitions)).toThrow(IndicatorReferenceError);
          // At run time both ends of the cycle have no value, with the reason indicator-cycle.
          const results = computeIndicators(definitions, dataset, {
            orgUnits: ['town'],
            periods: [PERIOD],
          });
          expect(results[to]).toMatchObject({ reason: 'indicator-cycle' });
          expect(results[from]).toMatchObject({ reason: 'indicator-cycle' });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a long flat chain of + − × evaluates as the fold from the left', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('+', '-', '*'), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 1500,
        }),
        (steps) => {
          // Precedence makes × bind first: fold additive groups of multiplicative runs.
          const text = ['1', ...steps.map(([op, n]) => `${op} ${n}`)].join(' ');
          let sum = 0n;
          let sign = 1n;
          let product = 1n; // the leading 1
          for (const [op, n] of steps) {
            if (op === '*') product *= BigInt(n);
            else {
              sum += sign * product;
              sign = op === '-' ? -1n : 1n;
              product = BigInt(n);
            }
          }
          sum += sign * product;
          const tree = parseFormula(text);
          expect(String(compileFormula(tree)(scope))).toBe(String(sum));
          expect(parseFormula(printFormula(tree))).toEqual(tree);
        },
      ),
      { numRuns: 100 },
    );
  });
});
