// The worked cases of reference/schools.md, one test each (case 6 lives in ward.test.ts).
import { describe, expect, it } from 'vitest';
import {
  bottomThresholdPlace,
  computeWellbeingIndex,
  defaultIdentification,
  defaultWellbeingIndex,
  evaluateLowResults,
  identifySchools,
  linearFit,
  placesInShare,
  shrinkValueAdded,
  type SchoolProfile,
  type SocialPassport,
  type WellbeingIndexDefinition,
} from './index.js';

const fiveComponents: WellbeingIndexDefinition = {
  ...defaultWellbeingIndex,
  id: 'case-1',
  components: defaultWellbeingIndex.components.filter((c) => c.indicator !== 'disabilityShare'),
};

function passport(shares: readonly number[], extra: Partial<SocialPassport> = {}): SocialPassport {
  const [higher, single, low, registered, nonNative] = shares;
  return {
    higherEducationShare: higher ?? 0,
    singleParentShare: single ?? 0,
    lowIncomeShare: low ?? 0,
    preventionRegisterShare: registered ?? 0,
    nonNativeShare: nonNative ?? 0,
    disabilityShare: 0.02,
    enrolment: 300,
    locality: 'urban',
    distanceToCentreKm: 0,
    transport: 'regular',
    ...extra,
  };
}

describe('case 1: signed mean of population z-scores', () => {
  const schools = [
    { id: 'A', passport: passport([0.45, 0.15, 0.05, 0.01, 0.02]) },
    { id: 'B', passport: passport([0.3, 0.25, 0.15, 0.03, 0.05]) },
    { id: 'C', passport: passport([0.1, 0.4, 0.35, 0.08, 0.2]) },
    { id: 'D', passport: passport([0.25, 0.2, 0.1, 0.02, 0.3]) },
  ];
  const { entries } = computeWellbeingIndex(fiveComponents, schools);

  it('gives the index values', () => {
    const values = entries.map((e) => e.value);
    [1.093, 0.262, -1.365, 0.011].forEach((expected, i) =>
      expect(values[i]).toBeCloseTo(expected, 3),
    );
  });

  it('ranks A1, B2, D3, C4', () => {
    expect(Object.fromEntries(entries.map((e) => [e.schoolId, e.rank]))).toEqual({
      A: 1,
      B: 2,
      D: 3,
      C: 4,
    });
  });

  it('explains each value by terms that sum to it', () => {
    for (const entry of entries) {
      expect(entry.terms.reduce((s, t) => s + t.contribution, 0)).toBeCloseTo(entry.value, 12);
    }
  });
});

describe('case 2: bottom 10 % of 242 with persistence "2 of 3 years"', () => {
  const rule = { bottomShare: 0.1, years: 3, atLeast: 2 };
  const ranks = (places: number[]) =>
    places.map((rank, i) => ({ year: 2014 + i, rank, outOf: 242 }));

  it('puts the bottom 10 % at rank 218 and below', () => {
    expect(placesInShare(0.1, 242)).toBe(25);
    expect(bottomThresholdPlace(0.1, 242)).toBe(218);
  });

  it('[230, 225, 190] is low results', () => {
    const outcome = evaluateLowResults(ranks([230, 225, 190]), rule, 2016);
    expect(outcome.fires).toBe(true);
    expect(outcome.lowYears).toBe(2);
    expect(outcome.figures.map((f) => f.holds)).toEqual([true, true, false]);
  });

  it('[230, 200, 190] is not', () => {
    expect(evaluateLowResults(ranks([230, 200, 190]), rule, 2016).fires).toBe(false);
  });
});

describe('case 3: 19 schools, bottom quartile of the index', () => {
  // School i is worse off as i grows, so the index place of school i is i + 1.
  const schools: SchoolProfile[] = Array.from({ length: 19 }, (_, i) => ({
    id: `s${i + 1}`,
    name: `Школа ${i + 1}`,
    level: 'secondary',
    passport: passport([0.5 - i * 0.02, 0.1 + i * 0.01, 0.05 + i * 0.01, 0.01, 0.02], {
      // School 17 is pulled down mostly by low income, prevention registers and single parents.
      ...(i === 16
        ? {
            lowIncomeShare: 0.45,
            preventionRegisterShare: 0.09,
            singleParentShare: 0.3,
            higherEducationShare: 0.2,
          }
        : {}),
    }),
    results: [],
    regionalRanks: [],
  }));
  const result = identifySchools(schools, {
    index: defaultWellbeingIndex,
    identification: defaultIdentification,
    year: 2016,
  });
  const school17 = result.schools.find((s) => s.indexRank === 17);

  it('the bottom quartile is ceil(0.25 × 19) = 5 places', () => {
    expect(placesInShare(0.25, 19)).toBe(5);
    expect(
      result.schools
        .filter((s) => s.flags.adverseConditions)
        .map((s) => s.indexRank)
        .sort((a, b) => a - b),
    ).toEqual([15, 16, 17, 18, 19]);
  });

  it('rank 17 is adverse conditions, explained by its three most negative terms', () => {
    expect(school17?.flags.adverseConditions).toBe(true);
    const explanation = school17?.explanations.find((e) => e.subject === 'adverseConditions');
    expect(explanation?.terms).toHaveLength(3);
    const contributions = explanation?.terms.map((t) => t.contribution) ?? [];
    expect([...contributions].sort((a, b) => a - b)).toEqual(contributions);
    expect(contributions.every((c) => c < 0)).toBe(true);
    expect(explanation?.figures[0]).toMatchObject({ value: 17, threshold: 15, holds: true });
    expect(explanation?.rule.ru).toContain('5 последних мест из 19');
  });
});

describe('case 4: residuals of results on the index', () => {
  it('fits 57.726 + 11.989 × index', () => {
    const fit = linearFit([0.2, 0.5, 0.8, 0.3, 0.9], [55, 62, 70, 68, 66]);
    expect(fit.intercept).toBeCloseTo(57.726, 3);
    expect(fit.slope).toBeCloseTo(11.989, 3);
    [-5.12, -1.72, 2.68, 6.68, -2.52].forEach((r, i) => expect(fit.residuals[i]).toBeCloseTo(r, 2));
  });
});

describe('case 5: value added shrunk by school size', () => {
  const small = shrinkValueAdded({
    residual: -10,
    examinees: 5,
    schoolVariance: 9,
    pupilVariance: 100,
  });
  const large = shrinkValueAdded({
    residual: -4,
    examinees: 200,
    schoolVariance: 9,
    pupilVariance: 100,
  });

  it('shrinks a small school by k = 0.310 and a large one by k = 0.947', () => {
    expect(small.shrinkage).toBeCloseTo(0.31, 3);
    expect(small.estimate).toBeCloseTo(-3.1, 2);
    expect(large.shrinkage).toBeCloseTo(0.947, 3);
    expect(large.estimate).toBeCloseTo(-3.79, 2);
  });

  it("only the large school's 95 % interval excludes 0", () => {
    expect(small.lower < 0 && small.upper > 0).toBe(true);
    expect(large.upper).toBeLessThan(0);
  });
});
