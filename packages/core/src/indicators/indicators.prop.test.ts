import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  computeIndicators,
  createDataset,
  exactOf,
  FormulaSyntaxError,
  parseFormula,
  parseIndicatorDefinition,
  printFormula,
  type DataValue,
  type FormulaNode,
  type IndicatorDefinitionInput,
} from './index.js';
import { formulaArbitrary } from '../../test/formula-arbitraries.js';

const name = { ru: 'П', en: 'I' };
const idArbitrary = fc.constantFrom('a', 'b', 'parents-consulted', 'x_1');
const numberArbitrary = fc
  .tuple(fc.nat({ max: 100_000 }), fc.option(fc.nat({ max: 999 }), { nil: undefined }))
  .map(([whole, fraction]) => (fraction === undefined ? String(whole) : `${whole}.${fraction}`));

const leafArbitrary: fc.Arbitrary<FormulaNode> = fc.oneof(
  numberArbitrary.map((value): FormulaNode => ({ type: 'number', value })),
  fc.boolean().map((value): FormulaNode => ({ type: 'boolean', value })),
  fc.constant<FormulaNode>({ type: 'null' }),
  fc
    .tuple(idArbitrary, fc.option(idArbitrary, { nil: undefined }))
    .map(([element, disaggregation]): FormulaNode =>
      disaggregation === undefined
        ? { type: 'dataElement', element }
        : { type: 'dataElement', element, disaggregation },
    ),
  idArbitrary.map((id): FormulaNode => ({ type: 'constant', id })),
  idArbitrary.map((id): FormulaNode => ({ type: 'indicator', id })),
  fc
    .tuple(fc.constantFrom('sum', 'avg', 'count', 'countDistinct' as const), idArbitrary)
    .map(([fn, element]): FormulaNode => ({
      type: 'aggregate',
      function: fn,
      argument: { type: 'dataElement', element },
    })),
);
const nodeArbitrary = formulaArbitrary(leafArbitrary, [
  '+',
  '-',
  '*',
  '/',
  '%',
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'and',
  'or',
]);

describe('formula language laws (property)', () => {
  it('a syntax tree printed and parsed again is the same tree; its JSON round-trips', () => {
    fc.assert(
      fc.property(nodeArbitrary, (tree) => {
        expect(parseFormula(printFormula(tree))).toEqual(tree);
        expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
      }),
      { numRuns: 300 },
    );
  });

  it('the parser throws nothing but FormulaSyntaxError on arbitrary text', () => {
    const formulaish = fc
      .array(
        fc.constantFrom(
          '#{',
          '}',
          'C{',
          'I{',
          'a',
          '.',
          '1',
          '(',
          ')',
          ',',
          '+',
          '-',
          '*',
          '/',
          '%',
          '=',
          '<',
          '>',
          '!',
          ' ',
          '\n',
          'and',
          'or',
          'not',
          'if',
          'sum',
          'min',
          '__proto__',
          'é',
          '😀',
        ),
        {
          maxLength: 40,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.string({ unit: 'binary', maxLength: 60 }),
          formulaish,
        ),
        (text) => {
          try {
            parseFormula(text);
          } catch (error) {
            expect(error).toBeInstanceOf(FormulaSyntaxError);
            const syntax = error as FormulaSyntaxError;
            expect(syntax.line).toBeGreaterThanOrEqual(1);
            expect(syntax.column).toBeGreaterThanOrEqual(1);
            expect(syntax.text.ru.length).toBeGreaterThan(0);
            expect(syntax.text.en.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a definition serialized to JSON and read back is the same definition', () => {
    fc.assert(
      fc.property(
        nodeArbitrary,
        nodeArbitrary,
        fc.integer({ min: 0, max: 6 }),
        (numerator, denominator, decimals) => {
          const definition = parseIndicatorDefinition({
            id: 'generated',
            version: 3,
            name,
            unit: 'percent',
            numerator: printFormula(numerator),
            denominator: printFormula(denominator),
            decimals,
            levels: ['municipality'],
            periodType: 'school-year',
          });
          const again = parseIndicatorDefinition(JSON.parse(JSON.stringify(definition)));
          expect(again).toEqual(definition);
          expect(parseFormula(again.numerator)).toEqual(numerator);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('exact arithmetic agrees with decimal.js on sums, products and rounding', () => {
    const decimalText = fc
      .tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.nat({ max: 6 }))
      .map(([units, scale]) => new Decimal(units).dividedBy(new Decimal(10).pow(scale)).toFixed());
    // decimal.js keeps a negative zero ('-0.0'); eduset prints zero without a sign.
    const unsignedZero = (text: string): string =>
      /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        expect(exactOf(a).add(exactOf(b)).toString()).toBe(new Decimal(a).plus(b).toFixed());
        expect(exactOf(a).multiply(exactOf(b)).toString()).toBe(new Decimal(a).times(b).toFixed());
        expect(exactOf(a).toFixed(2, 'half-up')).toBe(
          unsignedZero(new Decimal(a).toFixed(2, Decimal.ROUND_HALF_UP)),
        );
        expect(exactOf(a).toFixed(1, 'half-even')).toBe(
          unsignedZero(new Decimal(a).toFixed(1, Decimal.ROUND_HALF_EVEN)),
        );
      }),
      { numRuns: 300 },
    );
  });
});

interface Tree {
  units: {
    id: string;
    name: typeof name;
    level: 'site' | 'organization' | 'municipality' | 'region';
    parent?: string;
  }[];
  leaves: string[];
}

/** A region → municipalities → organizations → sites tree of random shape. */
const treeArbitrary = fc
  .array(fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 4 }), {
    minLength: 1,
    maxLength: 3,
  })
  .map((municipalities): Tree => {
    const units: Tree['units'] = [{ id: 'region', name, level: 'region' }];
    const leaves: string[] = [];
    municipalities.forEach((organizations, m) => {
      const municipality = `m${m}`;
      units.push({ id: municipality, name, level: 'municipality', parent: 'region' });
      organizations.forEach((sites, o) => {
        const organization = `${municipality}-o${o}`;
        units.push({ id: organization, name, level: 'organization', parent: municipality });
        if (sites === 0) leaves.push(organization);
        for (let s = 0; s < sites; s += 1) {
          const site = `${organization}-s${s}`;
          units.push({ id: site, name, level: 'site', parent: organization });
          leaves.push(site);
        }
      });
    });
    return { units, leaves };
  });

const levels = ['site', 'organization', 'municipality', 'region'] as const;
const sumDefinition: IndicatorDefinitionInput = {
  id: 'consulted',
  version: 1,
  name,
  unit: 'number',
  numerator: '#{consulted}',
  decimals: 0,
  levels: [...levels],
  periodType: 'school-year',
};
const shareDefinition: IndicatorDefinitionInput = {
  ...sumDefinition,
  id: 'share',
  unit: 'percent',
  numerator: '#{satisfied}',
  denominator: '#{surveyed}',
  decimals: 3,
};

describe('aggregation laws (property)', () => {
  const valuesArbitrary = treeArbitrary.chain((tree) =>
    fc
      .array(
        fc.record({
          leaf: fc.constantFrom(...tree.leaves),
          period: fc.constantFrom('2018-2019', '2019-2020', '2019-10', '2020-03-15'),
          consulted: fc.nat({ max: 500 }),
          surveyed: fc.nat({ max: 50 }),
          satisfiedShare: fc.nat({ max: 100 }),
        }),
        { maxLength: 30 },
      )
      .map((rows) => ({ tree, rows })),
  );

  it('a sum indicator at any unit equals the sum over the leaves below it', () => {
    fc.assert(
      fc.property(valuesArbitrary, ({ tree, rows }) => {
        const values: DataValue[] = rows.map((row) => ({
          dataElement: 'consulted',
          orgUnit: row.leaf,
          period: row.period,
          value: String(row.consulted),
        }));
        const dataset = createDataset({
          dataElements: [{ id: 'consulted', name }],
          orgUnits: tree.units,
          values,
        });
        for (const result of computeIndicators([sumDefinition], dataset, {
          periods: ['2019-2020'],
        })) {
          const below = new Set(dataset.subtree(result.orgUnit));
          const expected = rows
            .filter((row) => below.has(row.leaf) && row.period !== '2018-2019')
            .reduce((total, row) => total + row.consulted, 0);
          if (
            expected === 0 &&
            !rows.some((row) => below.has(row.leaf) && row.period !== '2018-2019')
          ) {
            expect(result.status === 'no-value' && result.reason).toBe('missing-data');
          } else {
            expect(result.status === 'value' && result.value).toBe(String(expected));
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('results do not depend on the order of data values, units or elements', () => {
    fc.assert(
      fc.property(
        valuesArbitrary.chain(({ tree, rows }) => {
          const values: DataValue[] = rows.flatMap((row) => {
            const satisfied = Math.floor((row.surveyed * row.satisfiedShare) / 100);
            return [
              {
                dataElement: 'consulted',
                orgUnit: row.leaf,
                period: row.period,
                value: String(row.consulted),
              },
              {
                dataElement: 'surveyed',
                orgUnit: row.leaf,
                period: row.period,
                value: String(row.surveyed),
              },
              {
                dataElement: 'satisfied',
                orgUnit: row.leaf,
                period: row.period,
                value: String(satisfied),
              },
            ];
          });
          return fc.tuple(
            fc.constant(tree),
            fc.constant(values),
            fc.shuffledSubarray(values, { minLength: values.length, maxLength: values.length }),
            fc.shuffledSubarray(tree.units, {
              minLength: tree.units.length,
              maxLength: tree.units.length,
            }),
          );
        }),
        ([tree, values, shuffledValues, shuffledUnits]) => {
          const elements = ['consulted', 'surveyed', 'satisfied'].map((id) => ({ id, name }));
          const query = {
            orgUnits: tree.units.map((unit) => unit.id),
            periods: ['2018-2019', '2019-2020'],
          };
          const strip = (results: ReturnType<typeof computeIndicators>) =>
            results.map((result) =>
              result.status === 'value'
                ? [
                    result.orgUnit,
                    result.period,
                    result.value,
                    result.numerator,
                    result.denominator,
                  ]
                : [result.orgUnit, result.period, result.reason],
            );
          const one = computeIndicators(
            [sumDefinition, shareDefinition],
            createDataset({ dataElements: elements, orgUnits: tree.units, values }),
            query,
          );
          const two = computeIndicators(
            [sumDefinition, shareDefinition],
            createDataset({
              dataElements: [...elements].reverse(),
              orgUnits: shuffledUnits,
              values: shuffledValues,
            }),
            query,
          );
          expect(strip(two)).toEqual(strip(one));
        },
      ),
      { numRuns: 60 },
    );
  });
});
