import { describe, expect, it } from 'vitest';
import {
  defaultIdentification,
  defaultWellbeingIndex,
  generateRegion,
  identifySchools,
  parseSchoolProfiles,
  schoolFeatures,
} from './index.js';

describe('generateRegion', () => {
  it('is seeded and valid', () => {
    const a = generateRegion({ seed: 5, schools: 60 });
    expect(generateRegion({ seed: 5, schools: 60 })).toEqual(a);
    expect(generateRegion({ seed: 6, schools: 60 })).not.toEqual(a);
    expect(parseSchoolProfiles(a)).toHaveLength(60);
  });

  it('ranks each level per year over the region, and identification runs on it', () => {
    const region = generateRegion({ seed: 1, schools: 400 });
    const secondary = region.filter((s) => s.level === 'secondary');
    const ranks2016 = secondary.map((s) => s.regionalRanks.find((r) => r.year === 2016)!.rank);
    expect([...ranks2016].sort((x, y) => x - y)).toEqual(secondary.map((_, i) => i + 1));
    const result = identifySchools(region, {
      index: defaultWellbeingIndex,
      identification: defaultIdentification,
      year: 2016,
    });
    expect(result.schools.filter((s) => s.flags.adverseConditions)).toHaveLength(100);
    expect(result.schools.some((s) => s.flags.lowResults)).toBe(true);
    expect(schoolFeatures(region, 2016)[0]).toHaveLength(9);
  });
});
