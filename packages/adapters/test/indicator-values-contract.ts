// What the indicator value storage must do (migration 0031), run against PGlite and a
// PostgreSQL server alike: values keyed as core's dataset keys them, an import replacing its
// periods in one transaction (all or nothing), who imported what, and the values read back
// being exactly what core's createDataset takes.
import { instant, ValidationError } from '@eduset/core';
import { createDataset, type DataValue } from '@eduset/core/indicators';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importIndicatorValues } from '../src/indicators/store-values.js';
import type { Database } from '../src/storage/database.js';
import type { IndicatorValueStore } from '../src/storage/indicator-values.js';
import { rejection } from './rejection.js';

/** What an indicator value contract run needs. */
export interface IndicatorValuesTestBed {
  readonly values: IndicatorValueStore;
  /** Another store over the same database (another process). */
  readonly another: IndicatorValueStore;
  readonly database: Database;
  close(): Promise<void>;
}

const at = instant(new Date('2026-12-01T09:00:00Z'));
const v = (
  dataElement: string,
  orgUnit: string,
  period: string,
  value: string,
  disaggregation?: string,
): DataValue => ({
  dataElement,
  orgUnit,
  period,
  value,
  ...(disaggregation === undefined ? {} : { disaggregation }),
});

/** The indicator value storage contract; `open` is called once for the whole suite. */
export function indicatorValuesContract(
  engine: 'pglite' | 'postgres',
  open: () => Promise<IndicatorValuesTestBed>,
): void {
  describe(`indicator value storage contract (${engine})`, () => {
    let bed: IndicatorValuesTestBed;

    beforeAll(async () => {
      bed = await open();
    });
    afterAll(async () => {
      await bed.close();
    });

    test('an import stores its values with disaggregations, in file order, and records who imported it', async () => {
      expect(await bed.values.has('town')).toBe(false);
      const values = [
        v('teachers', 'school-1', '2019-2020', '12'),
        v('parents-consulted', 'school-1', '2019-2020', '5', 'speech'),
        v('parents-consulted', 'school-1', '2019-2020', '7.5', 'psychology'),
        v('teachers', 'school-2', '2020-2021', '3'),
      ];
      const record = await bed.values.replace({
        dataSet: 'town',
        source: 'values.csv',
        values,
        importedBy: 'coordinator',
        importedAt: at,
      });
      expect(record).toMatchObject({
        dataSet: 'town',
        source: 'values.csv',
        periods: ['2019-2020', '2020-2021'],
        valueCount: 4,
        importedBy: 'coordinator',
      });
      expect(record.importedAt).toBe(at);
      expect(await bed.another.values('town')).toEqual(values);
      expect(await bed.another.has('town')).toBe(true);
      expect(await bed.values.values('elsewhere')).toEqual([]);
      expect((await bed.another.imports('town')).map((i) => i.id)).toEqual([record.id]);
      // Exactly what core's dataset is built from.
      const dataset = createDataset({
        dataElements: [
          { id: 'teachers', name: { ru: 'Педагоги', en: 'Teachers' } },
          { id: 'parents-consulted', name: { ru: 'Родители', en: 'Parents' } },
        ],
        orgUnits: [
          { id: 'school-1', name: { ru: 'Школа 1', en: 'School 1' }, level: 'organization' },
          { id: 'school-2', name: { ru: 'Школа 2', en: 'School 2' }, level: 'organization' },
        ],
        values: await bed.values.values('town'),
      });
      expect(dataset.values).toHaveLength(4);
    });

    test("a later import replaces only its periods' values; other data sets are untouched", async () => {
      await bed.values.replace({
        dataSet: 'other',
        source: 'other.csv',
        values: [v('teachers', 'school-1', '2019-2020', '99')],
        importedBy: 'cli',
        importedAt: at,
      });
      const second = await bed.another.replace({
        dataSet: 'town',
        source: 'fix.xlsx',
        values: [v('teachers', 'school-1', '2019-2020', '13')],
        importedBy: 'coordinator-2',
        importedAt: instant(new Date('2026-12-02T09:00:00Z')),
      });
      expect(await bed.values.values('town')).toEqual([
        v('teachers', 'school-2', '2020-2021', '3'),
        v('teachers', 'school-1', '2019-2020', '13'),
      ]);
      expect(await bed.values.values('other')).toEqual([
        v('teachers', 'school-1', '2019-2020', '99'),
      ]);
      const imports = await bed.values.imports('town');
      expect(imports.map((i) => i.id)[0]).toBe(second.id);
      expect(imports[0]).toMatchObject({ source: 'fix.xlsx', importedBy: 'coordinator-2' });
      expect(imports.length).toBeGreaterThan(1);
      expect(await bed.values.imports('town', 1)).toEqual([imports[0]]);
    });

    test('explicit periods empty a period the file has no value for; one key keeps every value', async () => {
      await bed.values.replace({
        dataSet: 'town',
        source: 'empty-2020.csv',
        values: [
          v('children', 'school-2', '2021-2022', 'child-1'),
          v('children', 'school-2', '2021-2022', 'child-2'),
          v('children', 'school-2', '2021-2022', 'child-1'),
        ],
        periods: ['2020-2021', '2021-2022'],
        importedBy: 'cli',
        importedAt: at,
      });
      expect(await bed.values.values('town')).toEqual([
        v('teachers', 'school-1', '2019-2020', '13'),
        v('children', 'school-2', '2021-2022', 'child-1'),
        v('children', 'school-2', '2021-2022', 'child-2'),
        v('children', 'school-2', '2021-2022', 'child-1'),
      ]);
    });

    test('an invalid value saves nothing and lists every problem', async () => {
      const before = await bed.values.values('town');
      const importsBefore = (await bed.values.imports('town')).length;
      const error = await rejection(
        bed.values.replace({
          dataSet: 'town',
          source: 'bad.csv',
          values: [
            v('teachers', 'school-1', '2019-2020', '1'),
            v('teachers', 'school-1', 'not-a-period', '2'),
            { dataElement: 'teachers', orgUnit: 'school-1', period: '2019-2020', value: '' },
          ],
          importedBy: 'cli',
          importedAt: at,
        }),
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.length).toBeGreaterThanOrEqual(2);
      expect(await bed.values.values('town')).toEqual(before);
      expect(await bed.values.imports('town')).toHaveLength(importsBefore);
    });

    test('a failure inside the transaction rolls the whole import back', async () => {
      const before = await bed.values.values('town');
      const error = await rejection(
        bed.values.replace({
          dataSet: 'town',
          source: 'huge.csv',
          // Passes core's schema, refused by the table (a value of more than 1000 characters).
          values: [
            v('teachers', 'school-1', '2019-2020', '7'),
            v('code', 'school-1', '2019-2020', 'x'.repeat(1001)),
          ],
          importedBy: 'cli',
          importedAt: at,
        }),
      );
      expect(error).toBeInstanceOf(Error);
      expect(await bed.values.values('town')).toEqual(before);
    });

    test('a file import saves nothing when a row is rejected, unless asked; reasons in ru and en', async () => {
      const file =
        'dataElement,orgUnit,period,value\nteachers,school-1,2022-2023,4\nteachers,school-1,someday,5\nteachers,school-1,2022-2023,many\n';
      const refused = await importIndicatorValues(bed.values, file, {
        dataSet: 'file-town',
        fileName: 'values.csv',
        importedBy: 'cli',
        importedAt: at,
      });
      expect(refused.saved).toBeUndefined();
      expect(refused.result.rows).toBe(3);
      expect(refused.result.accepted.length + refused.result.rejected.length).toBe(3);
      expect(refused.result.rejected.map((r) => r.row)).toEqual([3, 4]);
      for (const rejected of refused.result.rejected) {
        expect(rejected.issues.length).toBeGreaterThan(0);
        for (const issue of rejected.issues) {
          expect(issue.message.ru).not.toBe('');
          expect(issue.message.en).not.toBe('');
        }
      }
      expect(await bed.values.has('file-town')).toBe(false);
      const forced = await importIndicatorValues(bed.values, file, {
        dataSet: 'file-town',
        fileName: 'values.csv',
        importedBy: 'cli',
        importedAt: at,
        saveAccepted: true,
      });
      expect(forced.saved?.valueCount).toBe(1);
      expect(await bed.values.values('file-town')).toEqual([
        v('teachers', 'school-1', '2022-2023', '4'),
      ]);
    });

    test('two imports of one data set at once both finish; the values are one of them, never a mix', async () => {
      const a = [
        v('teachers', 'school-1', '2023-2024', '1'),
        v('teachers', 'school-2', '2023-2024', '1'),
      ];
      const b = [
        v('teachers', 'school-1', '2023-2024', '2'),
        v('teachers', 'school-2', '2023-2024', '2'),
      ];
      const input = (values: DataValue[]) => ({
        dataSet: 'race',
        source: 'race.csv',
        values,
        importedBy: 'cli',
        importedAt: at,
      });
      await Promise.all([bed.values.replace(input(a)), bed.another.replace(input(b))]);
      // Without the lock both would delete nothing and insert: four values.
      const stored = await bed.values.values('race');
      expect([a, b]).toContainEqual(stored);
    });
  });
}
