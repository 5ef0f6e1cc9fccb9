// What the school profile storage must do (migration 0034), run against PGlite and a
// PostgreSQL server alike: a district's profiles of a year replaced in one transaction (all
// or nothing, two imports at once never doubled), read back exactly, and identification runs
// stored once for the same inputs with the definitions' versions they used.
import { readFileSync } from 'node:fs';
import { instant, ValidationError } from '@eduset/core';
import { parseSchoolProfiles, type SchoolProfile } from '@eduset/core/schools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { identifyDistrict } from '../src/schools/district.js';
import type { SchoolProfileStore } from '../src/storage/school-profiles.js';
import { rejection } from './rejection.js';

/** What a school profile contract run needs. */
export interface SchoolProfilesTestBed {
  readonly schools: SchoolProfileStore;
  /** Another store over the same database (another process). */
  readonly another: SchoolProfileStore;
  close(): Promise<void>;
}

const at = instant(new Date('2026-12-01T09:00:00Z'));
const file = JSON.parse(
  readFileSync(new URL('../../../examples/data/tutaev-schools.json', import.meta.url), 'utf8'),
) as { district: string; year: number; schools: unknown };
const tutaev: SchoolProfile[] = parseSchoolProfiles(file.schools);

/** The school profile storage contract; `open` is called once for the whole suite. */
export function schoolProfilesContract(
  engine: 'pglite' | 'postgres',
  open: () => Promise<SchoolProfilesTestBed>,
): void {
  describe(`school profile storage contract (${engine})`, () => {
    let bed: SchoolProfilesTestBed;
    beforeAll(async () => {
      bed = await open();
    });
    afterAll(async () => {
      await bed.close();
    });

    const input = (districtId: string, year: number, schools: readonly SchoolProfile[]) => ({
      districtId,
      districtName: `Район ${districtId}`,
      year,
      schools,
      source: `passports-${year}.xlsx`,
      importedBy: 'coordinator',
      importedAt: at,
    });

    test('an import stores a year of profiles, read back exactly and in file order', async () => {
      const record = await bed.schools.replaceYear(input('tutaev', 2016, tutaev));
      expect(record).toMatchObject({
        districtId: 'tutaev',
        year: 2016,
        schoolCount: tutaev.length,
        source: 'passports-2016.xlsx',
        importedBy: 'coordinator',
      });
      const stored = await bed.another.year('tutaev');
      expect(stored?.year).toBe(2016);
      expect(stored?.name).toBe('Район tutaev');
      expect(stored?.schools).toEqual(tutaev);
      expect(stored?.import.id).toBe(record.id);
      expect(await bed.schools.districts()).toContainEqual({
        id: 'tutaev',
        name: 'Район tutaev',
        years: [2016],
      });
    });

    test('a new import of a year replaces it; other years stay; the latest year is the default', async () => {
      await bed.schools.replaceYear(input('replace', 2015, tutaev.slice(0, 5)));
      await bed.schools.replaceYear(input('replace', 2016, tutaev.slice(0, 3)));
      await bed.schools.replaceYear(input('replace', 2016, tutaev.slice(3, 7)));
      expect((await bed.schools.year('replace'))?.schools).toEqual(tutaev.slice(3, 7));
      expect((await bed.schools.year('replace', 2015))?.schools).toEqual(tutaev.slice(0, 5));
      expect(await bed.schools.year('replace', 2014)).toBeUndefined();
      expect(await bed.schools.year('nosuch')).toBeUndefined();
      const district = (await bed.schools.districts()).find((entry) => entry.id === 'replace');
      expect(district?.years).toEqual([2015, 2016]);
    });

    test('a bad profile, a repeated id or a bad year is refused and nothing changes', async () => {
      await bed.schools.replaceYear(input('bad', 2016, tutaev.slice(0, 2)));
      const broken = { ...tutaev[2], passport: { enrolment: -1 } } as unknown as SchoolProfile;
      for (const attempt of [
        input('bad', 2016, [tutaev[0] as SchoolProfile, broken]),
        input('bad', 2016, [tutaev[0] as SchoolProfile, tutaev[0] as SchoolProfile]),
        input('bad', 1066, tutaev.slice(0, 1)),
        { ...input('bad', 2016, tutaev.slice(0, 1)), source: '' },
      ]) {
        expect(await rejection(bed.schools.replaceYear(attempt))).toBeInstanceOf(ValidationError);
      }
      expect((await bed.schools.year('bad'))?.schools).toEqual(tutaev.slice(0, 2));
    });

    test('two imports of one year at once: the year holds one of them, never both', async () => {
      const first = tutaev.slice(0, 6);
      const second = tutaev.slice(6, 15);
      await Promise.all([
        bed.schools.replaceYear(input('race', 2016, first)),
        bed.another.replaceYear(input('race', 2016, second)),
      ]);
      const stored = await bed.schools.year('race');
      expect([first, second]).toContainEqual(stored?.schools);
      expect(stored?.import.schoolCount).toBe(stored?.schools.length);
    });

    test('a run is stored with the definitions it used, once for the same inputs even at once', async () => {
      const record = await bed.schools.replaceYear(input('runs', 2016, tutaev));
      const { result, map } = identifyDistrict(
        { name: 'Район runs', year: 2016, schools: tutaev },
        4,
      );
      const run = {
        districtId: 'runs',
        profileImportId: record.id,
        clusters: 4,
        result,
        map,
        runBy: 'coordinator',
        runAt: at,
      };
      const [one, two] = await Promise.all([bed.schools.saveRun(run), bed.another.saveRun(run)]);
      expect(one.id).toBe(two.id);
      expect(one.definition).toEqual(result.definition);
      expect(one.index).toEqual(result.index.definition);
      expect(one.schoolCount).toBe(tutaev.length);
      expect(one.flagged).toBe(
        result.schools.filter((school) => Object.values(school.flags).some(Boolean)).length,
      );
      expect(one.map).toEqual(map);
      expect(one.result).toEqual(result);
      const runs = await bed.schools.runs('runs');
      expect(runs).toHaveLength(1);
      expect(runs[0]).not.toHaveProperty('result');
      expect((await bed.another.latestRun('runs'))?.id).toBe(one.id);
      // Another clustering of the same profiles is another run, listed first.
      const other = await bed.schools.saveRun({
        ...run,
        clusters: 3,
        map: identifyDistrict({ name: 'Район runs', year: 2016, schools: tutaev }, 3).map,
      });
      expect((await bed.schools.runs('runs')).map((entry) => entry.id)).toEqual([other.id, one.id]);
      expect(
        await bed.schools.findRun({
          profileImportId: record.id,
          definition: result.definition,
          index: result.index.definition,
          clusters: 4,
        }),
      ).toMatchObject({ id: one.id });
      expect(await bed.schools.latestRun('nosuch')).toBeUndefined();
    });
  });
}
