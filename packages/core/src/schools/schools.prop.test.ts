import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeWellbeingIndex,
  cutDendrogram,
  defaultIdentification,
  defaultWellbeingIndex,
  identifySchools,
  kMeans,
  optimalGrouping,
  passportShares,
  wardClustering,
  type SchoolProfile,
  type SocialPassport,
} from './index.js';

// Passports report shares to a tenth of a percent.
const shareArb = fc.integer({ min: 0, max: 1000 }).map((permille) => permille / 1000);
const passportArb: fc.Arbitrary<SocialPassport> = fc.record({
  higherEducationShare: shareArb,
  singleParentShare: shareArb,
  lowIncomeShare: shareArb,
  preventionRegisterShare: shareArb,
  nonNativeShare: shareArb,
  disabilityShare: shareArb,
  enrolment: fc.integer({ min: 0, max: 2000 }),
  locality: fc.constantFrom('urban' as const, 'rural' as const),
  distanceToCentreKm: fc.double({ min: 0, max: 200, noNaN: true }),
  transport: fc.constantFrom('regular' as const, 'irregular' as const, 'none' as const),
});

const rowsArb = fc.array(
  fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 }),
  {
    minLength: 6,
    maxLength: 60,
  },
);

/** Well-separated blobs: the true partition is the only sensible one. */
const blobsArb = fc
  .record({
    k: fc.integer({ min: 2, max: 4 }),
    perBlob: fc.integer({ min: 3, max: 12 }),
    noise: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
      minLength: 200,
      maxLength: 200,
    }),
  })
  .map(({ k, perBlob, noise }) => {
    const rows: number[][] = [];
    for (let j = 0; j < k; j += 1) {
      for (let p = 0; p < perBlob; p += 1) {
        const e = (t: number) => noise[(j * perBlob + p) * 2 + t] ?? 0;
        rows.push([j * 50 + e(0), (j % 2) * 80 + e(1)]);
      }
    }
    return { k, rows };
  });

const permutationOf = (n: number) =>
  fc
    .array(fc.nat(), { minLength: n, maxLength: n })
    .map((keys) =>
      Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b),
    );

/** Two labelings describe the same partition when they pair up one to one. */
function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const forward = new Map<number, number>();
  const backward = new Map<number, number>();
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if ((forward.get(x) ?? y) !== y || (backward.get(y) ?? x) !== x) return false;
    forward.set(x, y);
    backward.set(y, x);
  }
  return true;
}

describe('clustering laws', () => {
  it('same seed → same labels', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer(), fc.integer({ min: 1, max: 5 }), (rows, seed, k) => {
        const kk = Math.min(k, rows.length);
        const a = kMeans(rows, { k: kk, seed, restarts: 3 });
        const b = kMeans(rows, { k: kk, seed, restarts: 3 });
        expect(a.labels).toEqual(b.labels);
        expect(a.inertia).toBe(b.inertia);
      }),
      { numRuns: 60 },
    );
  });

  it('shuffled rows → same canonical labels (k-means) and same partition (Ward)', () => {
    fc.assert(
      fc.property(
        blobsArb.chain((blobs) =>
          fc.tuple(fc.constant(blobs), permutationOf(blobs.rows.length), fc.integer()),
        ),
        ([{ k, rows }, permutation, seed]) => {
          const shuffled = permutation.map((i) => rows[i]!);
          const a = kMeans(rows, { k, seed, restarts: 5 });
          const b = kMeans(shuffled, { k, seed: seed + 1, restarts: 5 });
          permutation.forEach((from, to) => expect(b.labels[to]).toBe(a.labels[from]));
          const wardA = cutDendrogram(wardClustering(rows), { k });
          const wardB = cutDendrogram(wardClustering(shuffled), { k });
          expect(
            samePartition(
              permutation.map((i) => wardA[i]!),
              wardB,
            ),
          ).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the exact 1-D grouping is never worse than k-means on the same values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 4, maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        (values, k) => {
          const optimal = optimalGrouping(values, k);
          const heuristic = kMeans(
            values.map((v) => [v]),
            { k, seed: 1, restarts: 2 },
          );
          expect(optimal.withinSumOfSquares).toBeLessThanOrEqual(heuristic.inertia + 1e-9);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('index and identification laws', () => {
  it('the z-score index is invariant to a common shift and scale of a component', () => {
    fc.assert(
      fc.property(
        fc.array(passportArb, { minLength: 2, maxLength: 25 }),
        fc.constantFrom(...passportShares),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (passports, indicator, scale, position) => {
          const shift = position * (1 - scale);
          const schools = passports.map((passport, i) => ({ id: `s${i}`, passport }));
          const moved = schools.map((s) => ({
            ...s,
            passport: { ...s.passport, [indicator]: shift + scale * s.passport[indicator] },
          }));
          const a = computeWellbeingIndex(defaultWellbeingIndex, schools).entries;
          const b = computeWellbeingIndex(defaultWellbeingIndex, moved).entries;
          a.forEach((entry, i) => expect(b[i]!.value).toBeCloseTo(entry.value, 7));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('no school is both resilient and low-results', () => {
    const rankArb = fc.integer({ min: 1, max: 242 });
    const schoolArb = fc.record({
      passport: passportArb,
      ranks: fc.array(fc.option(rankArb, { nil: undefined }), { minLength: 3, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(schoolArb, { minLength: 4, maxLength: 40 }), (items) => {
        const schools: SchoolProfile[] = items.map((item, i) => ({
          id: `s${i}`,
          name: `Школа ${i}`,
          level: 'secondary',
          passport: item.passport,
          results: [],
          regionalRanks: item.ranks.flatMap((rank, y) =>
            rank === undefined ? [] : [{ year: 2014 + y, rank, outOf: 242 }],
          ),
        }));
        const result = identifySchools(schools, {
          index: defaultWellbeingIndex,
          identification: defaultIdentification,
          year: 2016,
        });
        for (const school of result.schools) {
          expect(school.flags.resilient && school.flags.lowResults).toBe(false);
          const set = [
            ...Object.entries(school.flags).filter(([, on]) => on),
            ...Object.entries(school.categories).filter(([, on]) => on),
          ].map(([name]) => name);
          expect(school.explanations.map((e) => e.subject).sort()).toEqual(set.sort());
        }
      }),
      { numRuns: 80 },
    );
  });
});
