import { describe, expect, it } from 'vitest';
import { ValidationError } from '../common/index.js';
import {
  computeWellbeingIndex,
  defaultWellbeingIndex,
  parseWellbeingIndexDefinition,
  type SocialPassport,
  type WellbeingIndexDefinition,
} from './index.js';

const passport = (lowIncomeShare: number, higherEducationShare: number): SocialPassport => ({
  higherEducationShare,
  singleParentShare: 0.2,
  lowIncomeShare,
  preventionRegisterShare: 0.02,
  nonNativeShare: 0.02,
  disabilityShare: 0.03,
  enrolment: 200,
  locality: 'urban',
  distanceToCentreKm: 0,
  transport: 'regular',
});
const schools = [
  { id: 'a', passport: passport(0.1, 0.4) },
  { id: 'b', passport: passport(0.3, 0.2) },
  { id: 'c', passport: passport(0.3, 0.3) },
  { id: 'd', passport: passport(0.5, 0.1) },
];
const two = (
  normalization: WellbeingIndexDefinition['normalization'],
): WellbeingIndexDefinition => ({
  ...defaultWellbeingIndex,
  id: 'two',
  components: [
    { indicator: 'lowIncomeShare', sign: -1, weight: 1 },
    { indicator: 'higherEducationShare', sign: 1, weight: 3 },
  ],
  normalization,
});

describe('computeWellbeingIndex normalizations', () => {
  it('min-max puts each component on [0, 1] and weighs it', () => {
    const { entries } = computeWellbeingIndex(two('minMax'), schools);
    expect(entries[0]!.terms.map((t) => t.normalized)).toEqual([0, 1]);
    // a: (−1·0 + 3·1) / 4 = 0.75; d: (−1·1 + 3·0) / 4 = −0.25.
    expect(entries[0]!.value).toBeCloseTo(0.75, 12);
    expect(entries[3]!.value).toBeCloseTo(-0.25, 12);
    expect(entries.map((e) => e.rank)).toEqual([1, 3, 2, 4]);
  });

  it('rank normalization averages tied places', () => {
    const { entries } = computeWellbeingIndex(two('rank'), schools);
    // lowIncome ranks ascending: a 1, b 2.5, c 2.5, d 4 → (r − 1)/3.
    expect(entries.map((e) => e.terms[0]!.normalized)).toEqual([0, 0.5, 0.5, 1]);
  });

  it('a fixed reference population keeps the index comparable between years', () => {
    const fixed = parseWellbeingIndexDefinition({
      ...two('zScore'),
      reference: {
        kind: 'fixed',
        description: { ru: 'Школы области, 2016', en: 'Regional schools, 2016' },
        statistics: {
          lowIncomeShare: { mean: 0.2, standardDeviation: 0.1, min: 0, max: 0.6 },
          higherEducationShare: { mean: 0.25, standardDeviation: 0.1, min: 0, max: 0.6 },
        },
      },
    });
    const alone = computeWellbeingIndex(fixed, [schools[0]!]).entries[0]!;
    const together = computeWellbeingIndex(fixed, schools).entries[0]!;
    expect(alone.value).toBeCloseTo(together.value, 12);
    expect(alone.terms[0]!.normalized).toBeCloseTo(-1, 12);
  });

  it('rejects rank normalization against fixed statistics, and missing statistics', () => {
    try {
      parseWellbeingIndexDefinition({
        ...two('rank'),
        reference: {
          kind: 'fixed',
          description: { ru: 'Область', en: 'Region' },
          statistics: { lowIncomeShare: { mean: 0.2, standardDeviation: 0.1, min: 0, max: 1 } },
        },
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const paths = (error as ValidationError).issues.map((i) => i.path.join('.'));
      expect(paths).toContain('normalization');
      expect(paths).toContain('reference.statistics.higherEducationShare');
    }
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(schools);
    computeWellbeingIndex(defaultWellbeingIndex, schools);
    expect(schools).toEqual(copy);
  });
});
