import { describe, expect, it } from 'vitest';
import {
  defaultIdentification,
  defaultWellbeingIndex,
  identifySchools,
  parseSchoolProfiles,
  schoolCategories,
  type SchoolCategory,
} from '@eduset/core/schools';
import data from './tutaev-schools.json' with { type: 'json' };

/** The table «Результаты идентификации школ» of seeds/tutaev-school-support.txt. */
const seedTable: {
  name: string;
  regionalRank: number;
  outOf: number;
  indexRank: number;
  categories: SchoolCategory[];
}[] = [
  {
    name: 'МОУ Ченцевская СШ',
    regionalRank: 217,
    outOf: 242,
    indexRank: 18,
    categories: ['deprivedRural', 'smallRural', 'hardToReach', 'highDeviance'],
  },
  {
    name: 'МОУ Чебаковская СШ',
    regionalRank: 222,
    outOf: 242,
    indexRank: 17,
    categories: ['deprivedRural', 'smallRural', 'hardToReach', 'highDeviance'],
  },
  {
    name: 'МОУ Павловская ОШ имени А.К. Васильева',
    regionalRank: 74,
    outOf: 96,
    indexRank: 13,
    categories: ['deprivedRural', 'smallRural', 'hardToReach', 'highDeviance'],
  },
  {
    name: 'МОУ Столбищенская ОШ',
    regionalRank: 95,
    outOf: 96,
    indexRank: 10,
    categories: ['deprivedRural', 'smallRural', 'hardToReach', 'highDeviance'],
  },
];

describe('the Tutaev-like district reproduces the seed table', () => {
  const schools = parseSchoolProfiles(data.schools);
  const result = identifySchools(schools, {
    index: defaultWellbeingIndex,
    identification: defaultIdentification,
    year: data.year,
  });

  it('has 19 schools, indexed out of 19', () => {
    expect(schools).toHaveLength(19);
    expect(result.schools.every((s) => s.indexOutOf === 19)).toBe(true);
  });

  for (const row of seedTable) {
    it(`${row.name}: ${row.regionalRank} из ${row.outOf}, ${row.indexRank} из 19, its categories`, () => {
      const school = result.schools.find((s) => s.name === row.name);
      expect(school?.resultsRank).toEqual({ year: 2016, rank: row.regionalRank, outOf: row.outOf });
      expect(school?.indexRank).toBe(row.indexRank);
      const set = schoolCategories.filter((category) => school?.categories[category]);
      expect(set).toEqual(row.categories);
      for (const category of row.categories) {
        const explanation = school?.explanations.find((e) => e.subject === category);
        expect(explanation?.figures.every((f) => f.holds || category === 'hardToReach')).toBe(true);
      }
    });
  }

  it('the schools with a context category are exactly the four of the seed', () => {
    const withCategory = result.schools
      .filter((s) => schoolCategories.some((category) => s.categories[category]))
      .map((s) => s.name);
    expect(withCategory.sort()).toEqual(seedTable.map((row) => row.name).sort());
  });

  it('flags low results by persistence: Ченцевская (217 in 2016, but 219 and 225 before) is low-results, Павловская is not', () => {
    const byName = new Map(result.schools.map((s) => [s.name, s]));
    expect(byName.get('МОУ Ченцевская СШ')?.flags.lowResults).toBe(true);
    expect(byName.get('МОУ Чебаковская СШ')?.flags.lowResults).toBe(true);
    expect(byName.get('МОУ Столбищенская ОШ')?.flags.lowResults).toBe(true);
    expect(byName.get('МОУ Павловская ОШ имени А.К. Васильева')?.flags.lowResults).toBe(false);
    expect(result.schools.filter((s) => s.flags.lowResults)).toHaveLength(3);
  });

  it('puts five schools in adverse conditions (index places 15–19)', () => {
    expect(
      result.schools
        .filter((s) => s.flags.adverseConditions)
        .map((s) => s.indexRank)
        .sort((a, b) => a - b),
    ).toEqual([15, 16, 17, 18, 19]);
  });
});
