// What the data entry storage must do (migration 0032), run against PGlite and a PostgreSQL
// server alike: a submission through its steps with every changed value logged with its old
// and new value, approval publishing the values into the indicator value store, the
// database itself refusing writes to a locked submission, and two steps at once leaving one
// consistent state.
import { instant, type Instant } from '@eduset/core';
import {
  catalogDataElements,
  dataEntryForm,
  indicatorCatalog,
  SubmissionError,
  udomlyaCourseDataSet,
  type SubmissionKey,
} from '@eduset/core/indicators';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../src/storage/database.js';
import type { DataEntryStepContext, DataEntryStore } from '../src/storage/data-entry.js';
import type { IndicatorValueStore } from '../src/storage/indicator-values.js';
import { rejection } from './rejection.js';

/** What a data entry contract run needs. */
export interface DataEntryTestBed {
  readonly entry: DataEntryStore;
  /** Another store over the same database (another process). */
  readonly another: DataEntryStore;
  readonly values: IndicatorValueStore;
  readonly database: Database;
  close(): Promise<void>;
}

const form = dataEntryForm(udomlyaCourseDataSet, indicatorCatalog, catalogDataElements);
const at = (minute: number): Instant => instant(new Date(Date.UTC(2026, 11, 1, 9, minute)));
const school = (minute = 0): DataEntryStepContext => ({
  form,
  actorAccountId: 'acc-school1',
  actorLabel: 'Завуч СОШ № 1',
  at: at(minute),
});
const coordinator = (minute = 0): DataEntryStepContext => ({
  form,
  actorAccountId: 'acc-coordinator',
  actorLabel: 'Координатор',
  at: at(minute),
});

/** The data entry storage contract; `open` is called once for the whole suite. */
export function dataEntryContract(
  engine: 'pglite' | 'postgres',
  open: () => Promise<DataEntryTestBed>,
): void {
  describe(`data entry storage contract (${engine})`, () => {
    let bed: DataEntryTestBed;
    let n = 0;
    /** A fresh submission key per test. */
    const keyOf = (organizationId = 'school-1'): SubmissionKey => {
      n += 1;
      return {
        networkId: 'udomlya',
        dataSet: 'udomlya-courses',
        period: `${2000 + n}-${2001 + n}`,
        organizationId,
      };
    };

    beforeAll(async () => {
      bed = await open();
    });
    afterAll(async () => {
      await bed.close();
    });

    test('a draft is saved, each changed value logged with its old and new value', async () => {
      const key = keyOf();
      expect(await bed.entry.get(key)).toBeUndefined();
      await bed.entry.step(
        key,
        { type: 'save', values: { 'senior-students': '90', 'course-certificates': '20' } },
        school(1),
      );
      const { submission } = await bed.entry.step(
        key,
        { type: 'save', values: { 'senior-students': '92', 'course-certificates': '' } },
        school(2),
      );
      expect(submission).toMatchObject({ state: 'draft', version: 2, updatedBy: 'acc-school1' });
      expect(submission.values).toEqual({ 'senior-students': '92' });
      expect((await bed.another.get(key))?.values).toEqual({ 'senior-students': '92' });
      const log = await bed.another.log(key);
      expect(log.map((entry) => [entry.kind, entry.field, entry.oldValue, entry.newValue])).toEqual(
        [
          ['value', 'course-certificates', undefined, '20'],
          ['value', 'senior-students', undefined, '90'],
          ['value', 'course-certificates', '20', undefined],
          ['value', 'senior-students', '90', '92'],
        ],
      );
      expect(log[0]?.actorLabel).toBe('Завуч СОШ № 1');
    });

    test('submit, return with a comment, resubmit, approve: the values are published', async () => {
      const key = keyOf('school-2');
      await bed.entry.step(
        key,
        {
          type: 'save',
          values: { 'senior-students': '80', 'senior-students-in-network': '95' },
        },
        school(1),
      );
      const refused = await rejection(bed.entry.step(key, { type: 'submit' }, school(2)));
      expect(refused).toBeInstanceOf(SubmissionError);
      expect((refused as SubmissionError).reason).toBe('invalid-values');
      await bed.entry.step(
        key,
        { type: 'save', values: { 'senior-students-in-network': '20' } },
        school(3),
      );
      const submitted = await bed.entry.step(key, { type: 'submit' }, school(4));
      expect(submitted.submission.state).toBe('submitted');
      expect(submitted.submission.submittedAt).toBe(at(4));
      const returned = await bed.entry.step(
        key,
        { type: 'return', comment: 'Проверьте число старшеклассников' },
        coordinator(5),
      );
      expect(returned.submission).toMatchObject({
        state: 'returned',
        comment: 'Проверьте число старшеклассников',
      });
      await bed.entry.step(key, { type: 'save', values: { 'senior-students': '82' } }, school(6));
      await bed.entry.step(key, { type: 'submit' }, school(7));
      const approved = await bed.entry.step(key, { type: 'approve' }, coordinator(8));
      expect(approved.submission).toMatchObject({
        state: 'approved',
        approvedBy: 'acc-coordinator',
      });
      expect(approved.published?.values).toBe(2);
      const published = (await bed.values.values('udomlya')).filter(
        (value) => value.period === key.period,
      );
      expect(published).toEqual([
        {
          dataElement: 'senior-students-in-network',
          orgUnit: 'school-2',
          period: key.period,
          value: '20',
        },
        { dataElement: 'senior-students', orgUnit: 'school-2', period: key.period, value: '82' },
      ]);
      const [latest] = await bed.values.imports('udomlya', 1);
      expect(latest).toMatchObject({ id: approved.published?.importId, valueCount: 2 });
      expect(latest?.source).toContain('data-entry');
      expect((await bed.entry.log(key)).map((entry) => entry.kind)).toEqual([
        'value',
        'value',
        'value',
        'submit',
        'return',
        'value',
        'submit',
        'approve',
      ]);
      const list = await bed.another.list({
        networkId: 'udomlya',
        dataSet: 'udomlya-courses',
        period: key.period,
      });
      expect(list.map((s) => [s.organizationId, s.state])).toEqual([['school-2', 'approved']]);
    });

    test('an approved submission refuses changes; an unlock needs a reason', async () => {
      const key = keyOf();
      await bed.entry.step(key, { type: 'save', values: { 'senior-students': '50' } }, school());
      await bed.entry.step(key, { type: 'submit' }, school());
      await bed.entry.step(key, { type: 'approve' }, coordinator());
      const locked = await rejection(
        bed.entry.step(key, { type: 'save', values: { 'senior-students': '51' } }, school()),
      );
      expect((locked as SubmissionError).reason).toBe('locked');
      expect((locked as SubmissionError).text.ru).toContain('утверждён');
      const unlocked = await bed.entry.step(
        key,
        { type: 'unlock', reason: 'Школа нашла ошибку' },
        coordinator(9),
      );
      expect(unlocked.submission).toMatchObject({
        state: 'returned',
        comment: 'Школа нашла ошибку',
      });
      const log = await bed.entry.log(key);
      expect(log.at(-1)).toMatchObject({ kind: 'unlock', comment: 'Школа нашла ошибку' });
    });

    test('the database itself refuses writes to the values of a locked submission', async () => {
      const key = keyOf();
      const { submission } = await bed.entry.step(
        key,
        { type: 'save', values: { 'senior-students': '60' } },
        school(),
      );
      await bed.entry.step(key, { type: 'submit' }, school());
      await bed.entry.step(key, { type: 'approve' }, coordinator());
      const id = submission.id;
      for (const sql of [
        `UPDATE data_entry_values SET value = '61' WHERE submission_id = ${id}`,
        `DELETE FROM data_entry_values WHERE submission_id = ${id}`,
        `INSERT INTO data_entry_values (submission_id, field, value) VALUES (${id}, 'course-certificates', '1')`,
        `UPDATE data_entry_submissions SET state = 'draft' WHERE id = ${id}`,
        `UPDATE data_entry_log SET new_value = 'x' WHERE submission_id = ${id}`,
      ]) {
        const error = await rejection(bed.database.query(sql));
        expect(String((error as Error).message)).toMatch(/не меняются|открывается|пополняется/);
      }
      expect((await bed.entry.get(key))?.values).toEqual({ 'senior-students': '60' });
    });

    test('two approvals at once: one approves and publishes once, the other is refused', async () => {
      const key = keyOf('gymnasium-3');
      await bed.entry.step(key, { type: 'save', values: { 'senior-students': '70' } }, school());
      await bed.entry.step(key, { type: 'submit' }, school());
      const importsBefore = (await bed.values.imports('udomlya')).length;
      const outcomes = await Promise.allSettled([
        bed.entry.step(key, { type: 'approve' }, coordinator(1)),
        bed.another.step(key, { type: 'approve' }, coordinator(2)),
      ]);
      const fulfilled = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const rejected = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(SubmissionError);
      expect((await bed.values.imports('udomlya')).length).toBe(importsBefore + 1);
      expect((await bed.entry.log(key)).filter((entry) => entry.kind === 'approve')).toHaveLength(
        1,
      );
      expect((await bed.entry.get(key))?.state).toBe('approved');
    });

    test('an edit and an approval at once: whichever comes second sees the first', async () => {
      const key = keyOf('school-4');
      await bed.entry.step(key, { type: 'save', values: { 'senior-students': '40' } }, school());
      await bed.entry.step(key, { type: 'submit' }, school());
      await bed.entry.step(key, { type: 'return', comment: 'Уточните' }, coordinator());
      await bed.entry.step(key, { type: 'save', values: { 'senior-students': '41' } }, school());
      // Approve (needs a submitted one) and a resubmission race; then a save and an approval.
      const outcomes = await Promise.allSettled([
        bed.entry.step(key, { type: 'submit' }, school(3)),
        bed.another.step(key, { type: 'save', values: { 'senior-students': '42' } }, school(3)),
      ]);
      const final = await bed.entry.get(key);
      if (outcomes[0].status === 'fulfilled' && outcomes[1].status === 'rejected') {
        expect(final).toMatchObject({ state: 'submitted', values: { 'senior-students': '41' } });
      } else {
        // The save came first: both succeeded, the submission holds the saved value.
        expect(outcomes.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
        expect(final).toMatchObject({ state: 'submitted', values: { 'senior-students': '42' } });
      }
      // The log replays to the stored values: every old value is the previous new value.
      const seen = new Map<string, string | undefined>();
      for (const entry of await bed.entry.log(key)) {
        if (entry.kind !== 'value' || entry.field === undefined) continue;
        expect(entry.oldValue).toBe(seen.get(entry.field));
        seen.set(entry.field, entry.newValue);
      }
      expect(Object.fromEntries([...seen].filter(([, value]) => value !== undefined))).toEqual(
        final?.values,
      );
    });

    test('a stale version is refused and changes nothing', async () => {
      const key = keyOf();
      const first = await bed.entry.step(
        key,
        { type: 'save', values: { 'senior-students': '30' } },
        school(),
      );
      const results = await Promise.allSettled([
        bed.entry.step(
          key,
          { type: 'save', values: { 'senior-students': '31' } },
          { ...school(), expectedVersion: first.submission.version },
        ),
        bed.another.step(
          key,
          { type: 'save', values: { 'senior-students': '32' } },
          { ...school(), expectedVersion: first.submission.version },
        ),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refusal = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((refusal.reason as { reason: string }).reason).toBe('stale-version');
      expect((await bed.entry.get(key))?.version).toBe(2);
    });
  });
}
