// Indicators: eduset's engine against evaluating the same formulas with mathjs in BigNumber
// mode. 100 indicators (ten formula shapes — ratios, sums, differences, products, max, if —
// over ten data elements) × 10 000 org units × 10 school years = 10 000 000 values.
//
// eduset does the whole job: the values of each org unit and school year aggregated by the
// data elements' aggregation types, the missing-value strategy, numerator / denominator ×
// factor on exact rationals, rounding half-up to the definition's decimals, a result object
// per value ("no value" with a reason for a zero denominator).
// The peer gets it easier: the values already in a scope object per org unit and period, as
// mathjs BigNumbers; it evaluates the compiled numerator and denominator (precision 64),
// divides, multiplies by the factor and rounds half-up (`toFixed`). Zero denominators give
// Infinity/NaN there, which we map to "no value".
//
// Both must give IDENTICAL values (checked on the org units mathjs is timed on; the run fails
// otherwise). mathjs is timed on 200 of the 10 000 org units and its time scaled ×50 (every
// value is independent, so its cost is linear in the org units); eduset is timed on all of
// them. `BENCH_ORG_UNITS=1000` makes a quick run.
import { performance } from 'node:perf_hooks';
import { all, create, type BigNumber, type EvalFunction } from 'mathjs';
import {
  computeIndicators,
  computeIndicatorTable,
  compileIndicator,
  createDataset,
  type DataValue,
  type IndicatorDefinitionInput,
  type IndicatorResult,
} from '@eduset/core/indicators';
import { report } from './measure.js';

const ORG_UNITS = Number(process.env.BENCH_ORG_UNITS ?? 10_000);
const PEER_ORG_UNITS = Math.min(200, ORG_UNITS);
const PERIODS = Array.from({ length: 10 }, (_, i) => `${2015 + i}-${2016 + i}`);
const ELEMENTS = Array.from({ length: 10 }, (_, i) => `e${i}`);
const CHUNK = 20;

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(42);

// Ten formula shapes, written in eduset's language and in mathjs's.
const shapes: {
  numerator: (e: string[]) => [string, string];
  denominator: (e: string[]) => [string, string];
  unit: 'percent' | 'number' | 'per-thousand';
  decimals: number;
}[] = [
  {
    numerator: ([a]) => [`#{${a}}`, `${a}`],
    denominator: ([, b]) => [`#{${b}}`, `${b}`],
    unit: 'percent',
    decimals: 1,
  },
  {
    numerator: ([a, b]) => [`#{${a}} + #{${b}}`, `${a} + ${b}`],
    denominator: ([, , c]) => [`#{${c}}`, `${c}`],
    unit: 'percent',
    decimals: 1,
  },
  {
    numerator: ([a, b]) => [`#{${a}} - #{${b}}`, `${a} - ${b}`],
    denominator: ([, , c, d]) => [`#{${c}} + #{${d}}`, `${c} + ${d}`],
    unit: 'percent',
    decimals: 2,
  },
  {
    numerator: ([a, b]) => [`#{${a}} * 2 + #{${b}}`, `${a} * 2 + ${b}`],
    denominator: ([, , c]) => [`#{${c}}`, `${c}`],
    unit: 'number',
    decimals: 3,
  },
  {
    numerator: ([a, b]) => [`max(#{${a}}, #{${b}})`, `max(${a}, ${b})`],
    denominator: ([, , c]) => [`#{${c}}`, `${c}`],
    unit: 'percent',
    decimals: 0,
  },
  {
    numerator: ([a, b]) => [`if(#{${a}} > #{${b}}, #{${a}}, #{${b}})`, `${a} > ${b} ? ${a} : ${b}`],
    denominator: ([, , c]) => [`#{${c}}`, `${c}`],
    unit: 'percent',
    decimals: 1,
  },
  {
    numerator: ([a]) => [`#{${a}}`, `${a}`],
    denominator: ([, b]) => [`#{${b}}`, `${b}`],
    unit: 'per-thousand',
    decimals: 2,
  },
  {
    numerator: ([a, b, c]) => [`#{${a}} + #{${b}} + #{${c}}`, `${a} + ${b} + ${c}`],
    denominator: () => ['1', '1'],
    unit: 'number',
    decimals: 0,
  },
  {
    numerator: ([a, b]) => [`(#{${a}} - #{${b}}) * #{${a}}`, `(${a} - ${b}) * ${a}`],
    denominator: ([, , c, d]) => [`#{${c}} * #{${d}}`, `${c} * ${d}`],
    unit: 'number',
    decimals: 4,
  },
  {
    numerator: ([a, b]) => [`min(#{${a}}, #{${b}}) / 2`, `min(${a}, ${b}) / 2`],
    denominator: ([, , c]) => [`#{${c}}`, `${c}`],
    unit: 'percent',
    decimals: 1,
  },
];
const FACTOR = { percent: '100', number: '1', 'per-thousand': '1000' } as const;

interface Pair {
  readonly definition: IndicatorDefinitionInput;
  readonly numerator: string;
  readonly denominator: string;
}
const pairs: Pair[] = [];
for (let rotation = 0; rotation < 10; rotation += 1) {
  const elements = ELEMENTS.map((_, i) => ELEMENTS[(i + rotation) % ELEMENTS.length] ?? 'e0');
  shapes.forEach((shape, s) => {
    const [numerator, mathNumerator] = shape.numerator(elements);
    const [denominator, mathDenominator] = shape.denominator(elements);
    pairs.push({
      definition: {
        id: `i${rotation}-${s}`,
        version: 1,
        name: { ru: `Показатель ${rotation}-${s}`, en: `Indicator ${rotation}-${s}` },
        unit: shape.unit,
        numerator,
        denominator,
        decimals: shape.decimals,
        levels: ['organization'],
        periodType: 'school-year',
        missingValueStrategy: 'skip-if-any-missing',
      },
      numerator: mathNumerator,
      denominator: mathDenominator,
    });
  });
}

// Data: every org unit reports every element every year; about 1 value in 200 is zero.
const units = Array.from({ length: ORG_UNITS }, (_, i) => `school-${i}`);
const raw: number[][][] = units.map(() =>
  PERIODS.map(() => ELEMENTS.map(() => (random() < 0.005 ? 0 : Math.floor(random() * 1000)))),
);
const cell = (u: number, p: number, e: number): number => raw[u]?.[p]?.[e] ?? 0;
const values: DataValue[] = [];
units.forEach((unit, u) =>
  PERIODS.forEach((period, p) =>
    ELEMENTS.forEach((element, e) =>
      values.push({ dataElement: element, orgUnit: unit, period, value: String(cell(u, p, e)) }),
    ),
  ),
);
let started = performance.now();
const dataset = createDataset({
  dataElements: ELEMENTS.map((id) => ({ id, name: { ru: id, en: id } })),
  orgUnits: [
    { id: 'town', name: { ru: 'Город', en: 'Town' }, level: 'municipality' },
    ...units.map((id) => ({
      id,
      name: { ru: id, en: id },
      level: 'organization' as const,
      parent: 'town',
    })),
  ],
  values,
});
values.length = 0;
const compiled = pairs.map((pair) => compileIndicator(pair.definition));
console.error(
  `dataset: ${ORG_UNITS * PERIODS.length * ELEMENTS.length} values in ${(performance.now() - started).toFixed(0)} ms`,
);

// ---- eduset: every org unit, in chunks (results of the peer's org units kept for the check).
const ours = new Map<string, string>();
function runOurs(record: boolean): number {
  let count = 0;
  for (let start = 0; start < units.length; start += CHUNK) {
    const chunk = units.slice(start, start + CHUNK);
    const results: IndicatorResult[] = computeIndicators(
      compiled,
      dataset,
      { orgUnits: chunk, periods: PERIODS },
      { explain: false },
    );
    count += results.length;
    if (record && start < PEER_ORG_UNITS) {
      for (const result of results) {
        if (Number(result.orgUnit.slice(7)) < PEER_ORG_UNITS) {
          ours.set(
            `${result.indicator} ${result.orgUnit} ${result.period}`,
            result.status === 'value' ? result.value : 'none',
          );
        }
      }
    }
  }
  return count;
}

// ---- eduset's table (computeIndicatorTable): the same values without a result object per
// value; the rounded text of every value is still made (`table.value`), as mathjs makes its
// `toFixed` text, so both sides end with the same thing: every value's presentation text.
const oursTable = new Map<string, string>();
function runTable(record: boolean): number {
  let count = 0;
  for (let start = 0; start < units.length; start += CHUNK) {
    const chunk = units.slice(start, start + CHUNK);
    const table = computeIndicatorTable(
      compiled,
      dataset,
      { orgUnits: chunk, periods: PERIODS },
      { explain: false },
    );
    for (let cell = 0; cell < table.size; cell += 1) {
      const text = table.value(cell) ?? 'none';
      count += 1;
      if (record && start < PEER_ORG_UNITS) {
        const { indicator, orgUnit, period } = table.coordinates(cell);
        if (Number(orgUnit.slice(7)) < PEER_ORG_UNITS) {
          oursTable.set(`${indicator} ${orgUnit} ${period}`, text);
        }
      }
    }
  }
  return count;
}

// ---- mathjs BigNumber: the same formulas on prepared scopes.
if (all === undefined) throw new Error('mathjs: no factories');
const math = create(all, { number: 'BigNumber', precision: 64 });
const mathCompiled = pairs.map((pair) => ({
  numerator: math.compile(pair.numerator),
  denominator: math.compile(pair.denominator),
  factor: math.bignumber(FACTOR[pair.definition.unit]),
  decimals: pair.definition.decimals ?? 1,
  id: pair.definition.id,
}));
const theirs = new Map<string, string>();
function runTheirs(record: boolean): number {
  let count = 0;
  for (let u = 0; u < PEER_ORG_UNITS; u += 1) {
    for (let p = 0; p < PERIODS.length; p += 1) {
      const scope: Record<string, BigNumber> = {};
      ELEMENTS.forEach((element, e) => (scope[element] = math.bignumber(cell(u, p, e))));
      for (const formula of mathCompiled) {
        const numerator = (formula.numerator as EvalFunction).evaluate(scope) as BigNumber;
        const denominator = (formula.denominator as EvalFunction).evaluate(scope) as BigNumber;
        const ratio = numerator.div(denominator).times(formula.factor);
        const text = ratio.isFinite()
          ? ratio.toDecimalPlaces(formula.decimals, 4 /* ROUND_HALF_UP */).toFixed(formula.decimals)
          : 'none';
        if (record) theirs.set(`${formula.id} ${units[u]} ${PERIODS[p]}`, text);
        count += 1;
      }
    }
  }
  return count;
}

// Warm-up and the identity check: result objects, table and mathjs give the same texts.
runOurs(true);
runTable(true);
runTheirs(true);
let mismatches = 0;
for (const [key, value] of theirs) {
  for (const [name, mine] of [
    ['objects', ours],
    ['table', oursTable],
  ] as const) {
    if (mine.get(key) !== value) {
      mismatches += 1;
      if (mismatches <= 5)
        console.error(`mismatch ${key}: eduset ${name} ${mine.get(key) ?? '—'}, mathjs ${value}`);
    }
  }
}
if (mismatches > 0 || theirs.size !== PEER_ORG_UNITS * PERIODS.length * pairs.length) {
  console.error(`значения расходятся / values differ: ${mismatches} of ${theirs.size}`);
  process.exit(1);
}
console.error(`identical: ${theirs.size} values compared (result objects and table)`);

const oursTimes: number[] = [];
const tableTimes: number[] = [];
const peerTimes: number[] = [];
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
for (let round = 0; round < rounds; round += 1) {
  started = performance.now();
  const computed = runOurs(false);
  oursTimes.push(performance.now() - started);
  started = performance.now();
  runTable(false);
  tableTimes.push(performance.now() - started);
  started = performance.now();
  runTheirs(false);
  peerTimes.push(((performance.now() - started) * ORG_UNITS) / PEER_ORG_UNITS);
  console.error(
    `round ${round + 1}: ${computed} values: eduset objects ${(oursTimes.at(-1) ?? 0).toFixed(0)} ms, table ${(tableTimes.at(-1) ?? 0).toFixed(0)} ms; mathjs ${(peerTimes.at(-1) ?? 0).toFixed(0)} ms (scaled)`,
  );
}
const median = (list: number[]): number =>
  [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;
const oursMs = median(oursTimes);
const tableMs = median(tableTimes);
const peerMs = median(peerTimes);
for (const [name, ms] of [
  ['computeIndicators (a result object per value)', oursMs],
  ['computeIndicatorTable', tableMs],
] as const) {
  console.error(
    `eduset ${name} is ${(peerMs / ms).toFixed(1)}× faster (target ≥ 10×: ${peerMs / ms >= 10 ? 'met' : 'NOT MET'})`,
  );
}
const peer = `mathjs BigNumber (timed on ${PEER_ORG_UNITS} org units, scaled)`;
const name = `indicators: 100 × ${ORG_UNITS.toLocaleString('ru')} org units × 10 years`;
report([
  { name: `${name}, computeIndicatorTable`, peer, oursMs: tableMs, peerMs },
  { name: `${name}, computeIndicators`, peer, oursMs, peerMs },
]);
