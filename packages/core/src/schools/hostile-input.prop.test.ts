// Clustering and identification refuse bad input: every public entry either throws a typed,
// bilingual ValidationError or returns a finite, valid result — never a NaN or infinite
// inertia, height or index, never an untyped Error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEdusetError, ValidationError } from '../common/errors.js';
import {
  computeWellbeingIndex,
  cutDendrogram,
  defaultIdentification,
  defaultWellbeingIndex,
  featureMatrix,
  identifySchools,
  kMeans,
  optimalGrouping,
  passportShares,
  silhouette,
  standardizeColumns,
  validateDendrogram,
  wardClustering,
  type FeatureMatrix,
  type KMeansOptions,
  type SchoolProfile,
} from './index.js';

/** Numbers a careless caller or a broken import can produce. */
const hostileNumber = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    1e308,
    -1e308,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e100,
    1e101,
    0.5,
    3,
  ),
  fc.double(),
  fc.integer({ min: -5, max: 20 }),
);

/** Mostly sane numbers with a few hostile ones mixed in. */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -100, max: 100, noNaN: true }) },
  { weight: 1, arbitrary: hostileNumber },
);

/** Rows of numbers: sometimes empty, sometimes ragged, sometimes hostile. */
const hostileRows = fc.oneof(
  fc.constant([] as number[][]),
  fc.array(fc.array(cell, { minLength: 0, maxLength: 4 }), { minLength: 1, maxLength: 10 }),
  fc
    .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 10 }))
    .chain(([d, n]) =>
      fc.array(fc.array(cell, { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
    ),
);

/** Ready matrices whose storage may disagree with their stated shape. */
const hostileMatrix: fc.Arbitrary<FeatureMatrix> = fc.oneof(
  hostileRows.map((rows) => {
    const columns = rows[0]?.length ?? 0;
    const values = new Float64Array(rows.length * columns);
    rows.forEach((row, r) =>
      row.slice(0, columns).forEach((v, c) => (values[r * columns + c] = v)),
    );
    return { rows: rows.length, columns, values };
  }),
  fc
    .record({
      rows: fc.oneof(fc.integer({ min: -1, max: 8 }), hostileNumber),
      columns: fc.oneof(fc.integer({ min: -1, max: 3 }), hostileNumber),
      values: fc.array(cell, { maxLength: 30 }),
    })
    .map(({ rows, columns, values }) => ({ rows, columns, values: Float64Array.from(values) })),
);

const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arbitrary, { nil: undefined, freq: 2 });

const hostileOptions: fc.Arbitrary<KMeansOptions> = fc
  .record({
    k: fc.oneof(fc.integer({ min: 1, max: 4 }), hostileNumber),
    seed: fc.oneof(fc.integer({ min: 0, max: 1000 }), hostileNumber),
    restarts: maybe(fc.oneof(fc.integer({ min: 1, max: 3 }), hostileNumber)),
    maxIterations: maybe(fc.oneof(fc.integer({ min: 1, max: 50 }), hostileNumber)),
    tolerance: maybe(fc.oneof(fc.constant(1e-4), hostileNumber)),
    order: maybe(
      fc.oneof(
        fc.constantFrom('centre' as const, 'size' as const),
        fc.record({
          feature: fc.oneof(fc.integer({ min: -1, max: 3 }), hostileNumber),
          direction: fc.constantFrom('ascending' as const, 'descending' as const),
        }),
      ),
    ),
  })
  .map((options) => {
    // Leave out the options that are undefined, as a caller would.
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) if (value !== undefined) out[key] = value;
    return out as unknown as KMeansOptions;
  });

/** How often each outcome came up, so a property that only ever refuses is noticed. */
const tally = { refused: 0, finite: 0 };

/** The law: a typed bilingual ValidationError, or a result that passes `check`. */
function refusesOrIsFinite<T>(run: () => T, check: (result: T) => void): void {
  let result: T;
  try {
    result = run();
  } catch (error) {
    tally.refused += 1;
    expect(error).toBeInstanceOf(ValidationError);
    expect(isEdusetError(error)).toBe(true);
    const validation = error as ValidationError;
    expect(validation._tag).toBe('ValidationError');
    expect(validation.issues.length).toBeGreaterThan(0);
    for (const issue of validation.issues) {
      expect(issue.message.ru.length).toBeGreaterThan(0);
      expect(issue.message.en.length).toBeGreaterThan(0);
    }
    return;
  }
  tally.finite += 1;
  check(result);
}

/** Runs a property and checks that both outcomes of the law were exercised. */
function assertBoth(property: () => void): void {
  tally.refused = 0;
  tally.finite = 0;
  property();
  // Each outcome a few times at least (a random run once gave exactly 10 finite ones: a bar of
  // "more than 10" made the law's coverage check itself flaky).
  expect(tally.refused).toBeGreaterThan(2);
  expect(tally.finite).toBeGreaterThan(2);
}

const allFinite = (values: ArrayLike<number>): boolean =>
  Array.from(values).every((v) => Number.isFinite(v));

describe('clustering refuses hostile numbers (property)', () => {
  it('kMeans: a ValidationError or a finite clustering, for rows and for ready matrices', () => {
    assertBoth(() =>
      fc.assert(
        fc.property(fc.oneof(hostileRows, hostileMatrix), hostileOptions, (data, options) => {
          refusesOrIsFinite(
            () => kMeans(data, options),
            (result) => {
              const n = result.labels.length;
              expect(Number.isFinite(result.inertia)).toBe(true);
              expect(result.inertia).toBeGreaterThanOrEqual(0);
              expect(allFinite(result.centres.values)).toBe(true);
              expect(result.sizes.reduce((a, b) => a + b, 0)).toBe(n);
              for (const label of result.labels) {
                expect(label).toBeGreaterThanOrEqual(0);
                expect(label).toBeLessThan(options.k);
              }
            },
          );
        }),
        { numRuns: 400 },
      ),
    );
  });

  it('wardClustering and cutDendrogram: a ValidationError or finite heights and k clusters', () => {
    assertBoth(() =>
      fc.assert(
        fc.property(
          fc.oneof(hostileRows, hostileMatrix),
          fc.oneof(fc.integer({ min: 0, max: 12 }), hostileNumber),
          hostileNumber,
          (data, k, height) => {
            refusesOrIsFinite(
              () => wardClustering(data),
              (tree) => {
                expect(tree.merges).toHaveLength(tree.rows - 1);
                expect(tree.merges.every((m) => Number.isFinite(m.height) && m.height >= 0)).toBe(
                  true,
                );
                expect(validateDendrogram(tree)).toBe(tree);
                refusesOrIsFinite(
                  () => cutDendrogram(tree, { k }),
                  (labels) => {
                    expect(Number.isInteger(k) && k >= 1 && k <= tree.rows).toBe(true);
                    expect(new Set(labels).size).toBe(k);
                  },
                );
                refusesOrIsFinite(
                  () => cutDendrogram(tree, { height }),
                  (labels) => {
                    expect(Number.isNaN(height)).toBe(false);
                    expect(labels).toHaveLength(tree.rows);
                  },
                );
              },
            );
          },
        ),
        { numRuns: 300 },
      ),
    );
  });

  it('silhouette, standardizeColumns and optimalGrouping: a ValidationError or finite numbers', () => {
    assertBoth(() =>
      fc.assert(
        fc.property(
          fc.oneof(hostileRows, hostileMatrix),
          fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), hostileNumber), { maxLength: 12 }),
          fc.array(cell, { maxLength: 12 }),
          fc.oneof(fc.integer({ min: 1, max: 4 }), hostileNumber),
          (data, labels, values, k) => {
            refusesOrIsFinite(
              () => silhouette(data, labels),
              (result) => {
                expect(Number.isFinite(result.mean)).toBe(true);
                expect(Math.abs(result.mean)).toBeLessThanOrEqual(1);
                expect(allFinite(result.values)).toBe(true);
              },
            );
            refusesOrIsFinite(
              () => standardizeColumns(data),
              (result) => expect(allFinite(result.values)).toBe(true),
            );
            refusesOrIsFinite(
              () => optimalGrouping(values, k),
              (result) => {
                expect(Number.isFinite(result.withinSumOfSquares)).toBe(true);
                expect(result.groups).toHaveLength(k);
              },
            );
          },
        ),
        { numRuns: 300 },
      ),
    );
  });
});

const share = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 1000 }).map((p) => p / 1000) },
  { weight: 1, arbitrary: hostileNumber },
);

const schoolArb = (i: number): fc.Arbitrary<SchoolProfile> =>
  fc
    .record({
      shares: fc.array(share, { minLength: 6, maxLength: 6 }),
      enrolment: fc.oneof(fc.integer({ min: 0, max: 900 }), hostileNumber),
      distance: fc.oneof(fc.double({ min: 0, max: 90, noNaN: true }), hostileNumber),
      meanScore: fc.oneof(fc.double({ min: 20, max: 90, noNaN: true }), hostileNumber),
      examinees: fc.oneof(fc.integer({ min: 1, max: 60 }), hostileNumber),
      rank: fc.oneof(fc.integer({ min: 1, max: 50 }), hostileNumber),
    })
    .map(({ shares, enrolment, distance, meanScore, examinees, rank }) => ({
      id: `s${i}`,
      name: `Школа ${i}`,
      level: 'secondary' as const,
      passport: {
        ...(Object.fromEntries(passportShares.map((name, j) => [name, shares[j]])) as Record<
          (typeof passportShares)[number],
          number
        >),
        enrolment,
        locality: 'rural' as const,
        distanceToCentreKm: distance,
        transport: 'regular' as const,
      },
      results: [{ year: 2016, subject: 'russian', meanScore, examinees }],
      regionalRanks: [{ year: 2016, rank, outOf: 50 }],
    }));

const schoolsArb = fc
  .integer({ min: 0, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => schoolArb(i))));

describe('identification refuses hostile numbers (property)', () => {
  it('identifySchools and computeWellbeingIndex: a ValidationError or finite indices', () => {
    assertBoth(() =>
      fc.assert(
        fc.property(
          schoolsArb,
          fc.oneof(fc.constant(2016), hostileNumber),
          (schools: SchoolProfile[], year) => {
            refusesOrIsFinite(
              () => computeWellbeingIndex(defaultWellbeingIndex, schools),
              (result) => {
                expect(result.entries.every((e) => Number.isFinite(e.value))).toBe(true);
                for (const entry of result.entries)
                  expect(entry.terms.every((t) => Number.isFinite(t.raw))).toBe(true);
              },
            );
            refusesOrIsFinite(
              () =>
                identifySchools(schools, {
                  index: defaultWellbeingIndex,
                  identification: defaultIdentification,
                  year,
                }),
              (result) => {
                for (const school of result.schools) {
                  expect(Number.isFinite(school.indexValue)).toBe(true);
                  if (school.meanScore !== null)
                    expect(Number.isFinite(school.meanScore)).toBe(true);
                  if (school.valueAdded !== null)
                    expect(Number.isFinite(school.valueAdded.estimate)).toBe(true);
                }
              },
            );
          },
        ),
        { numRuns: 300 },
      ),
    );
  });
});

describe('the cases of the issue', () => {
  const paths = (run: () => unknown): string[] => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues.map((issue) => issue.path.join('.'));
    }
    return expect.unreachable('expected a ValidationError');
  };

  it('a ready matrix with NaN is refused by kMeans and Ward (it used to give an infinite inertia)', () => {
    const matrix = { rows: 2, columns: 1, values: new Float64Array([0, Number.NaN]) };
    expect(paths(() => kMeans(matrix, { k: 1, seed: 1 }))).toEqual(['1.0']);
    expect(paths(() => wardClustering(matrix))).toEqual(['1.0']);
    const short = { rows: 3, columns: 2, values: new Float64Array(5) };
    expect(paths(() => kMeans(short, { k: 1, seed: 1 }))).toEqual(['values']);
    expect(
      paths(() => wardClustering({ rows: 0, columns: 0, values: new Float64Array() })),
    ).toEqual(['']);
  });

  it('huge values are refused before their squares overflow', () => {
    expect(paths(() => kMeans([[1e200], [-1e200]], { k: 1, seed: 1 }))).toEqual(['0.0', '1.0']);
    expect(paths(() => optimalGrouping([1, 1e300], 1))).toEqual(['values.1']);
    expect(featureMatrix([[1e100], [-1e100]]).rows).toBe(2);
  });

  it('bad k-means options throw a typed error naming the option', () => {
    const data = [[0], [1], [5]];
    expect(paths(() => kMeans(data, { k: 2, seed: 1, restarts: Number.NaN }))).toEqual([
      'restarts',
    ]);
    expect(paths(() => kMeans(data, { k: 1.5, seed: Number.NaN }))).toEqual(['k', 'seed']);
    expect(
      paths(() =>
        kMeans(data, {
          k: 2,
          seed: 1,
          maxIterations: 0,
          tolerance: -1,
          order: { feature: 1, direction: 'ascending' },
        }),
      ),
    ).toEqual(['maxIterations', 'tolerance', 'order']);
    const error = (() => {
      try {
        kMeans(data, { k: 2, seed: 1, restarts: Number.NaN });
      } catch (caught) {
        return caught as ValidationError;
      }
      return undefined;
    })();
    expect(error?.issues[0]?.message).toEqual({
      ru: 'Число запусков должно быть целым от 1 до 10 000',
      en: 'restarts must be an integer from 1 to 10 000',
    });
  });

  it('cutDendrogram refuses a k out of range instead of clamping it', () => {
    const tree = wardClustering([[0], [1], [5]]);
    expect(paths(() => cutDendrogram(tree, { k: 0 }))).toEqual(['k']);
    expect(paths(() => cutDendrogram(tree, { k: 4 }))).toEqual(['k']);
    expect(paths(() => cutDendrogram(tree, { k: 1.5 }))).toEqual(['k']);
    expect(paths(() => cutDendrogram(tree, { height: Number.NaN }))).toEqual(['height']);
    expect(Array.from(cutDendrogram(tree, { height: Number.POSITIVE_INFINITY }))).toEqual([
      0, 0, 0,
    ]);
    const broken = { rows: 3, merges: [{ left: 0, right: 0, height: 1, size: 2 }] };
    expect(paths(() => cutDendrogram(broken, { k: 1 }))).toEqual(['merges']);
  });

  it('identifySchools refuses a NaN share instead of counting it as zero', () => {
    const school = (id: string, lowIncomeShare: number): SchoolProfile => ({
      id,
      name: id,
      level: 'secondary',
      passport: {
        higherEducationShare: 0.2,
        singleParentShare: 0.2,
        lowIncomeShare,
        preventionRegisterShare: 0.01,
        nonNativeShare: 0.01,
        disabilityShare: 0.01,
        enrolment: 100,
        locality: 'urban',
        distanceToCentreKm: 0,
        transport: 'regular',
      },
      results: [],
      regionalRanks: [],
    });
    const schools = [school('a', 0.1), school('b', Number.NaN), school('c', Infinity)];
    const options = {
      index: defaultWellbeingIndex,
      identification: defaultIdentification,
      year: 2016,
    };
    expect(paths(() => identifySchools(schools, options))).toEqual([
      'schools.1.passport.lowIncomeShare',
      'schools.2.passport.lowIncomeShare',
    ]);
    expect(paths(() => computeWellbeingIndex(defaultWellbeingIndex, schools))).toEqual([
      'schools.1.passport.lowIncomeShare',
      'schools.2.passport.lowIncomeShare',
    ]);
    expect(paths(() => identifySchools([school('a', 0.1)], { ...options, year: 2016.5 }))).toEqual([
      'year',
    ]);
  });
});
