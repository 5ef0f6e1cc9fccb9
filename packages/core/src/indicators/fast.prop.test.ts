import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoundingMode } from '../common/money.js';
import {
  computeIndicators,
  computeIndicatorTable,
  createDataset,
  type IndicatorResult,
} from './index.js';
import { exactOf, type Exact } from './exact.js';
import {
  compileFormula,
  formulaNumber,
  FormulaEvaluationStop,
  type FormulaScope,
} from './evaluate.js';
import { compileFastFormula, runFast } from './fast.js';
import { exactTextWithNumbers, fixedWithNumbers, gcdNumber, integerText } from './integers.js';
import { parseFormula } from './parser.js';
import { printFormula } from './print.js';
import type { FormulaNode } from './syntax.js';
import { formulaArbitrary } from '../../test/formula-arbitraries.js';

// The safe-integer evaluator (fast.ts) and the integer helpers (integers.ts) against the exact
// evaluator and BigInt: they must agree everywhere, or the fast side must decline. Values are
// drawn around 2^53 (where doubles stop being exact), around 2^31 (where the gcd leaves
// 32-bit arithmetic), beyond 2^53 (BigInt fractions) and as short decimals.

const TWO_53 = 2 ** 53;
const integerArbitrary = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: TWO_53 - 5000, max: TWO_53 - 1 }),
  fc.integer({ min: -(TWO_53 - 1), max: -(TWO_53 - 5000) }),
  fc.integer({ min: 2 ** 26 - 100, max: 2 ** 26 + 100 }),
  fc.integer({ min: 2 ** 31 - 100, max: 2 ** 31 + 100 }),
  fc.maxSafeInteger(),
);
const valueTextArbitrary = fc.oneof(
  integerArbitrary.map(String),
  fc
    .tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.nat({ max: 999 }))
    .map(([whole, fraction]) => `${whole}.${fraction}`),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 60n }).map(String),
);
const elements = ['a', 'b', 'c'] as const;

const leafArbitrary: fc.Arbitrary<FormulaNode> = fc.oneof(
  valueTextArbitrary
    .filter((text) => !text.startsWith('-'))
    .map((value): FormulaNode => ({ type: 'number', value })),
  fc.boolean().map((value): FormulaNode => ({ type: 'boolean', value })),
  fc.constant<FormulaNode>({ type: 'null' }),
  fc.constantFrom(...elements).map((element): FormulaNode => ({ type: 'dataElement', element })),
  fc.constantFrom('k', 'half', 'none').map((id): FormulaNode => ({ type: 'constant', id })),
  fc.constantFrom(...elements).map((element): FormulaNode => ({
    type: 'aggregate',
    function: 'sum',
    argument: { type: 'dataElement', element },
  })),
);
const nodeArbitrary = formulaArbitrary(leafArbitrary, [
  '+',
  '-',
  '*',
  '/',
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'and',
  'or',
]);

const valuesArbitrary = fc.record({
  a: fc.option(valueTextArbitrary, { nil: null }),
  b: fc.option(valueTextArbitrary, { nil: null }),
  c: fc.option(valueTextArbitrary, { nil: null }),
});

function scopeOf(values: Readonly<Record<string, string | null>>): FormulaScope {
  const read = (element: string): Exact | null => {
    const text = values[element];
    return text === null || text === undefined ? null : exactOf(text);
  };
  return {
    dataElement: (ref) => read(ref.element),
    aggregate: (_fn, ref) => read(ref.element),
    constant: (id) =>
      id === 'k' ? exactOf(String(TWO_53 - 1)) : id === 'half' ? exactOf('0.5') : undefined,
    indicator: () => null,
  };
}

/** What an evaluation gave, as text: a value, null, a stop with its reason, or declined. */
function outcome(run: () => Exact | null | undefined): string {
  try {
    const value = run();
    if (value === undefined) return 'declined';
    return value === null ? 'null' : `= ${value.toString()}`;
  } catch (error) {
    if (error instanceof FormulaEvaluationStop) return `stop: ${error.reason}`;
    throw error;
  }
}

describe('fast evaluator agrees with the exact one (property)', () => {
  it('gives the exact value, the same stop, or declines — including near 2^53', () => {
    let agreed = 0;
    fc.assert(
      fc.property(nodeArbitrary, valuesArbitrary, (tree, values) => {
        const fast = compileFastFormula(tree);
        if (fast === undefined) return;
        const scope = scopeOf(values);
        const exact = outcome(() => formulaNumber(compileFormula(tree)(scope)));
        const quick = outcome(() => runFast(fast, scope));
        if (quick !== 'declined') {
          expect(quick).toBe(exact);
          agreed += 1;
        }
      }),
      { numRuns: 500 },
    );
    // The fast side is not a path that always declines.
    expect(agreed).toBeGreaterThan(100);
  });

  it('does each operation exactly or declines, on operands around 2^53 and 2^31', () => {
    const operandArbitrary = fc.oneof(
      integerArbitrary.map(String),
      fc
        .tuple(integerArbitrary, fc.constantFrom(2, 3, 10, 1000, 2 ** 26 + 1))
        .map(([n, d]) => `${n}/${d}`),
    );
    const operatorArbitrary = fc.constantFrom(
      '+',
      '-',
      '*',
      '/',
      '==',
      '!=',
      '<',
      '<=',
      '>',
      '>=',
      'and',
      'or' as const,
    );
    fc.assert(
      fc.property(
        operatorArbitrary,
        operandArbitrary,
        operandArbitrary,
        fc.constantFrom('binary', 'min', 'max' as const),
        (operator, left, right, shape) => {
          const a: FormulaNode = { type: 'dataElement', element: 'a' };
          const b: FormulaNode = { type: 'dataElement', element: 'b' };
          const tree: FormulaNode =
            shape === 'binary'
              ? { type: 'binary', operator, left: a, right: b }
              : { type: 'call', name: shape, args: [a, b] };
          const scope = scopeOf({ a: left, b: right, c: null });
          const exact = outcome(() => formulaNumber(compileFormula(tree)(scope)));
          const quick = outcome(() => runFast(compileFastFormula(tree)!, scope));
          if (quick !== 'declined') expect(quick).toBe(exact);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('takes small integers and short decimals without declining', () => {
    const scope = scopeOf({ a: '47', b: '60', c: '12.5' });
    for (const [text, expected] of [
      ['#{a} / #{b} * 100', '235/3'],
      ['(#{a} - #{b}) * #{c}', '-162.5'],
      ['max(#{a}, #{b}) / 2 + min(#{c}, 1)', '31'],
      ['if(#{a} > #{b}, #{a}, -#{b})', '-60'],
      ['coalesce(null, #{c}) * 2', '25'],
    ] as const) {
      expect(runFast(compileFastFormula(parseFormula(text))!, scope)?.toString()).toBe(expected);
    }
  });

  it('declines where a product passes 2^53 and leaves it to the exact evaluator', () => {
    const scope = scopeOf({ a: String(2 ** 27), b: String(2 ** 26 + 1), c: '3' });
    const tree = parseFormula('#{a} * #{b}');
    expect(runFast(compileFastFormula(tree)!, scope)).toBeUndefined();
    expect(String(compileFormula(tree)(scope))).toBe(String(2n ** 27n * (2n ** 26n + 1n)));
  });
});

describe('computeIndicators and computeIndicatorTable on safe integers agree with the general path (property)', () => {
  const unitArbitrary = fc.constantFrom('percent', 'number', 'per-thousand' as const);
  const roundingArbitrary = fc.constantFrom('half-up', 'half-even', 'down', 'up' as const);
  it('gives the same result objects as with explanations (which take the general path), and so does the table', () => {
    fc.assert(
      fc.property(
        nodeArbitrary,
        nodeArbitrary,
        fc.array(valuesArbitrary, { minLength: 2, maxLength: 2 }),
        unitArbitrary,
        fc.nat({ max: 5 }),
        roundingArbitrary,
        fc.constantFrom('skip-if-any-missing', 'skip-if-all-missing', 'never-skip' as const),
        (numerator, denominator, schools, unit, decimals, rounding, missingValueStrategy) => {
          const values = schools.flatMap((school, s) =>
            elements.flatMap((element) => {
              const value = school[element];
              return value === null
                ? []
                : [{ dataElement: element, orgUnit: `s${s}`, period: '2024-2025', value }];
            }),
          );
          const dataset = createDataset({
            dataElements: elements.map((id) => ({ id, name: { ru: id, en: id } })),
            orgUnits: [
              { id: 'town', name: { ru: 'Г', en: 'T' }, level: 'municipality' },
              { id: 's0', name: { ru: 'Ш', en: 'S' }, level: 'organization', parent: 'town' },
              { id: 's1', name: { ru: 'Ш', en: 'S' }, level: 'organization', parent: 'town' },
            ],
            values,
            constants: { k: String(TWO_53 - 1), half: '0.5' },
          });
          const definition = {
            id: 'i',
            version: 1,
            name: { ru: 'П', en: 'I' },
            unit,
            numerator: printFormula(numerator),
            denominator: printFormula(denominator),
            decimals,
            rounding,
            levels: ['organization', 'municipality'],
            periodType: 'school-year',
            missingValueStrategy,
          };
          const query = {
            orgUnits: ['s0', 's1', 'town', 'nowhere'],
            periods: ['2024-2025', '2024', 'not-a-period'],
          };
          const strip = (result: IndicatorResult): IndicatorResult => {
            const copy = { ...result };
            delete copy.explanation;
            return copy;
          };
          const fast = computeIndicators([definition], dataset, query, { explain: false });
          const explained = computeIndicators([definition], dataset, query);
          const general = explained.map(strip);
          expect(fast).toEqual(general);
          // The table gives the same results, with and without explanations, and its
          // per-cell answers agree with them.
          const table = computeIndicatorTable([definition], dataset, query, { explain: false });
          expect(table.results()).toEqual(fast);
          expect(computeIndicatorTable([definition], dataset, query).results()).toEqual(explained);
          const answers = [];
          for (let cell = 0; cell < table.size; cell += 1) {
            const result = table.result(cell);
            expect(table.status(cell)).toBe(result?.status);
            expect(table.value(cell)).toBe(result?.status === 'value' ? result.value : undefined);
            expect(table.reason(cell)).toBe(
              result?.status === 'no-value' ? result.reason : undefined,
            );
            if (result === undefined) continue;
            const { orgUnit, period } = table.coordinates(cell);
            expect([result.orgUnit, result.period]).toEqual([orgUnit, period]);
            expect(table.cellOf('i', orgUnit, period)).toBe(cell);
            answers.push(result);
          }
          expect(answers).toEqual(fast);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** Rounding on BigInt, the oracle for {@link fixedWithNumbers}. */
function referenceFixed(n: bigint, d: bigint, decimals: number, mode: RoundingMode): string {
  let scaled = n * 10n ** BigInt(decimals);
  const negative = scaled < 0n;
  if (negative) scaled = -scaled;
  let q = scaled / d;
  const r = scaled - q * d;
  if (r !== 0n) {
    const twice = r * 2n;
    const up =
      mode === 'up' ||
      (mode === 'half-up' && twice >= d) ||
      (mode === 'half-even' && (twice > d || (twice === d && q % 2n === 1n)));
    if (up) q += 1n;
  }
  let digits = q.toString();
  if (decimals > 0) {
    digits = digits.padStart(decimals + 1, '0');
    digits = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  }
  return negative && q !== 0n ? `-${digits}` : digits;
}

/** The exact text on BigInt as `Exact.toString` wrote it before integers.ts existed. */
function referenceText(n: bigint, d: bigint): string {
  if (d === 1n) return n.toString();
  let rest = d;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos += 1;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives += 1;
  }
  if (rest !== 1n) return `${n}/${d}`;
  const text = referenceFixed(n, d, Math.max(twos, fives), 'half-even');
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

describe('integer helpers against BigInt (property)', () => {
  const denominatorArbitrary = fc.oneof(
    fc.integer({ min: 1, max: 1000 }),
    fc.integer({ min: TWO_53 - 5000, max: TWO_53 - 1 }),
    fc.integer({ min: 2 ** 31 - 100, max: 2 ** 31 + 100 }),
    fc.constantFrom(2, 4, 5, 8, 16, 25, 125, 1024, 3125, 2 ** 40, 5 ** 20),
  );
  const modeArbitrary = fc.constantFrom('half-up', 'half-even', 'down', 'up' as const);

  it('rounds like BigInt, also on a second call (from the table of texts)', () => {
    fc.assert(
      fc.property(
        integerArbitrary,
        denominatorArbitrary,
        fc.nat({ max: 15 }),
        modeArbitrary,
        (n, d, decimals, mode) => {
          // n and -n alternately, twice: the second round reads the table of texts.
          for (let call = 0; call < 4; call += 1) {
            const signed = call % 2 === 0 ? n : -n;
            const text = fixedWithNumbers(signed, d, decimals, mode);
            const expected = referenceFixed(BigInt(signed), BigInt(d), decimals, mode);
            if (text !== undefined) expect(text).toBe(expected);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('writes integers as String does, from its table too', () => {
    fc.assert(
      fc.property(integerArbitrary, (n) => {
        expect(integerText(n)).toBe(String(n));
        expect(integerText(n)).toBe(String(n));
      }),
      { numRuns: 500 },
    );
    expect(integerText(-0)).toBe('0');
  });

  it('finds the gcd of BigInt, in 32 bits and beyond', () => {
    fc.assert(
      fc.property(integerArbitrary, denominatorArbitrary, (a, b) => {
        expect(BigInt(gcdNumber(a, b))).toBe(gcdBig(BigInt(a), BigInt(b)));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes a reduced fraction as Exact does on BigInt', () => {
    fc.assert(
      fc.property(integerArbitrary, denominatorArbitrary, (a, b) => {
        const divisor = gcdBig(BigInt(a), BigInt(b));
        const n = BigInt(a) / (divisor === 0n ? 1n : divisor);
        const d = BigInt(b) / (divisor === 0n ? 1n : divisor);
        const text = exactTextWithNumbers(Number(n), Number(d));
        if (text !== undefined) expect(text).toBe(referenceText(n, d));
      }),
      { numRuns: 1000 },
    );
  });
});
