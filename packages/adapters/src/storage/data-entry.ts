import { ConflictError, instant, type Instant } from '@eduset/core';
import {
  emptySubmission,
  stepSubmission,
  submissionDataValues,
  SubmissionError,
  type DataEntryForm,
  type Submission,
  type SubmissionAction,
  type SubmissionKey,
  type SubmissionState,
} from '@eduset/core/indicators';
import type { Database, SqlSession } from './database.js';

/**
 * A stored submission: core's `Submission` with its id and when and by whom it last changed,
 * was submitted and was approved.
 *
 * @example
 * ```ts
 * import type { StoredSubmission } from '@eduset/adapters';
 * declare const s: StoredSubmission;
 * s.state; // 'approved'
 * ```
 */
export interface StoredSubmission extends Submission {
  readonly id: number;
  readonly updatedAt: Instant;
  readonly updatedBy: string;
  readonly submittedAt?: Instant;
  readonly approvedAt?: Instant;
  readonly approvedBy?: string;
}

/**
 * One entry of a submission's change log: a changed value with its old and new value
 * (`kind: 'value'`), or a step with its comment.
 *
 * @example
 * ```ts
 * import type { DataEntryLogEntry } from '@eduset/adapters';
 * declare const entry: DataEntryLogEntry;
 * if (entry.kind === 'value') console.log(entry.field, entry.oldValue, entry.newValue);
 * ```
 */
export interface DataEntryLogEntry {
  readonly id: number;
  readonly at: Instant;
  readonly actorAccountId: string;
  readonly actorLabel: string;
  readonly kind: 'value' | 'submit' | 'return' | 'approve' | 'unlock';
  readonly field?: string;
  /** The value before (absent: the field was empty). */
  readonly oldValue?: string;
  /** The value after (absent: the field was cleared). */
  readonly newValue?: string;
  readonly comment?: string;
}

/**
 * Who takes a step, and when.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { DataEntryStepContext } from '@eduset/adapters';
 * declare const form: import('@eduset/core/indicators').DataEntryForm;
 * const context: DataEntryStepContext = {
 *   form, actorAccountId: 'acc-1', actorLabel: 'Завуч СОШ № 1', at: instant(new Date()),
 * };
 * ```
 */
export interface DataEntryStepContext {
  /** The form of the submission's data set (its fields and rules). */
  readonly form: DataEntryForm;
  readonly actorAccountId: string;
  readonly actorLabel: string;
  readonly at: Instant;
  /** When given, the step is refused (`stale-version`) unless the stored version is this. */
  readonly expectedVersion?: number;
}

/**
 * What a step did: the submission after it, and on approval the indicator value import that
 * published its values.
 *
 * @example
 * ```ts
 * import type { DataEntryStepResult } from '@eduset/adapters';
 * declare const result: DataEntryStepResult;
 * result.published?.importId;
 * ```
 */
export interface DataEntryStepResult {
  readonly submission: StoredSubmission;
  readonly published?: { readonly importId: number; readonly values: number };
}

/**
 * Data entry by the reporting organizations (migration 0032): one submission per (network,
 * data set, period, organization), its values, and the log of every step and of every
 * changed value with its old and new value. A step runs core's `stepSubmission` on the
 * stored submission locked for update, so two steps at once are taken one after the other
 * and the second sees the first's result. The database refuses any change of the values of
 * a submitted or approved submission, and any change of an approved one but its unlock. An
 * approval publishes the values into the indicator value store (`indicator_values`, an
 * import of its own) in the same transaction.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { catalogDataElements, dataEntryForm, indicatorCatalog, udomlyaCourseDataSet } from '@eduset/core/indicators';
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const key = { networkId: 'udomlya', dataSet: 'udomlya-courses', period: '2020-2021', organizationId: 'school-1' };
 * const context = { form: dataEntryForm(udomlyaCourseDataSet, indicatorCatalog, catalogDataElements), actorAccountId: 'acc-1', actorLabel: 'Завуч', at: instant(new Date()) };
 * await storage.dataEntry.step(key, { type: 'save', values: { 'senior-students': '87' } }, context);
 * (await storage.dataEntry.get(key))?.values; // { 'senior-students': '87' }
 * ```
 */
export interface DataEntryStore {
  /** The submission, or `undefined` when the organization has not started it. */
  get(key: SubmissionKey): Promise<StoredSubmission | undefined>;
  /** Every submission of a data set and period in a network, by organization id. */
  list(query: Omit<SubmissionKey, 'organizationId'>): Promise<StoredSubmission[]>;
  /**
   * Takes one step (creating the draft on the first save), in one transaction with its log
   * entries and, on approval, the publication of the values.
   *
   * @throws SubmissionError when core refuses the step or the database finds it locked.
   * @throws ConflictError `stale-version` when `expectedVersion` is not the stored version.
   */
  step(
    key: SubmissionKey,
    action: SubmissionAction,
    context: DataEntryStepContext,
  ): Promise<DataEntryStepResult>;
  /** The submission's change log, oldest first (empty when it does not exist). */
  log(key: SubmissionKey): Promise<DataEntryLogEntry[]>;
  /**
   * How many submissions of the network are approved, per data set and period (the
   * figures published from approved data), by period.
   */
  approvedCounts(
    networkId: string,
  ): Promise<{ readonly dataSet: string; readonly period: string; readonly approved: number }[]>;
}

interface SubmissionRow extends Record<string, unknown> {
  id: number | string;
  network_id: string;
  data_set: string;
  period: string;
  organization_id: string;
  state: SubmissionState;
  comment: string | null;
  version: number;
  updated_at: Date | string;
  updated_by: string;
  submitted_at: Date | string | null;
  approved_at: Date | string | null;
  approved_by: string | null;
}

interface ValueRow extends Record<string, unknown> {
  submission_id: number | string;
  field: string;
  value: string;
}

interface LogRow extends Record<string, unknown> {
  id: number | string;
  at: Date | string;
  actor_account_id: string;
  actor_label: string;
  kind: DataEntryLogEntry['kind'];
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  comment: string | null;
}

const columns = `id, network_id, data_set, period, organization_id, state, comment, version,
  updated_at, updated_by, submitted_at, approved_at, approved_by`;

/** The error code of the database's lock triggers (migration 0032). */
const LOCKED = 'EDLCK';

function isLocked(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === LOCKED
  );
}

function submissionOf(
  row: SubmissionRow,
  values: Readonly<Record<string, string>>,
): StoredSubmission {
  return {
    id: Number(row.id),
    networkId: row.network_id,
    dataSet: row.data_set,
    period: row.period,
    organizationId: row.organization_id,
    state: row.state,
    values,
    ...(row.comment === null ? {} : { comment: row.comment }),
    version: Number(row.version),
    updatedAt: instant(row.updated_at),
    updatedBy: row.updated_by,
    ...(row.submitted_at === null ? {} : { submittedAt: instant(row.submitted_at) }),
    ...(row.approved_at === null ? {} : { approvedAt: instant(row.approved_at) }),
    ...(row.approved_by === null ? {} : { approvedBy: row.approved_by }),
  };
}

async function valuesOf(
  session: SqlSession,
  ids: readonly number[],
): Promise<Map<number, Record<string, string>>> {
  const byId = new Map<number, Record<string, string>>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return byId;
  const rows = await session.query<ValueRow>(
    `SELECT submission_id, field, value FROM data_entry_values
      WHERE submission_id IN (SELECT jsonb_array_elements_text($1::jsonb)::bigint)
      ORDER BY submission_id, field`,
    [JSON.stringify(ids)],
  );
  for (const row of rows) {
    const values = byId.get(Number(row.submission_id));
    if (values !== undefined) values[row.field] = row.value;
  }
  return byId;
}

async function readOne(
  session: SqlSession,
  key: SubmissionKey,
  forUpdate: boolean,
): Promise<StoredSubmission | undefined> {
  const [row] = await session.query<SubmissionRow>(
    `SELECT ${columns} FROM data_entry_submissions
      WHERE network_id = $1 AND data_set = $2 AND period = $3 AND organization_id = $4
      ${forUpdate ? 'FOR UPDATE' : ''}`,
    [key.networkId, key.dataSet, key.period, key.organizationId],
  );
  if (row === undefined) return undefined;
  const values = await valuesOf(session, [Number(row.id)]);
  return submissionOf(row, values.get(Number(row.id)) ?? {});
}

/** Publishes an approved submission's values into the indicator value store. */
async function publish(
  session: SqlSession,
  form: DataEntryForm,
  submission: Submission,
  context: DataEntryStepContext,
): Promise<{ importId: number; values: number }> {
  const values = submissionDataValues(form, submission);
  // Waits for imports of the same data set, as the indicator value store's own imports do.
  await session.query("SELECT pg_advisory_xact_lock(hashtext('indicator_values:' || $1))", [
    submission.networkId,
  ]);
  const [row] = await session.query<{ id: number | string }>(
    `INSERT INTO indicator_value_imports
       (data_set, source, periods, value_count, imported_by, imported_at)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6) RETURNING id`,
    [
      submission.networkId,
      `data-entry:${submission.dataSet}:${submission.organizationId}:${submission.period}`,
      JSON.stringify([submission.period]),
      values.length,
      context.actorAccountId,
      context.at,
    ],
  );
  if (row === undefined) throw new Error('indicator_value_imports: no row returned');
  const importId = Number(row.id);
  // The organization's earlier figures of these elements for the period give way.
  await session.query(
    `DELETE FROM indicator_values
      WHERE data_set = $1 AND period = $2 AND org_unit = $3
        AND data_element IN (SELECT jsonb_array_elements_text($4::jsonb))`,
    [
      submission.networkId,
      submission.period,
      submission.organizationId,
      JSON.stringify(form.dataElements.map((element) => element.id)),
    ],
  );
  if (values.length > 0) {
    await session.query(
      `INSERT INTO indicator_values
         (data_set, data_element, org_unit, period, disaggregation, value, import_id, position)
       SELECT $1, v.e, v.o, v.p, v.d, v.v, $2, v.n
         FROM jsonb_to_recordset($3::jsonb) AS v(e text, o text, p text, d text, v text, n integer)`,
      [
        submission.networkId,
        importId,
        JSON.stringify(
          values.map((value, n) => ({
            e: value.dataElement,
            o: value.orgUnit,
            p: value.period,
            d: value.disaggregation ?? '',
            v: value.value,
            n,
          })),
        ),
      ],
    );
  }
  return { importId, values: values.length };
}

/** The data entry store over a database. */
export function dataEntryStore(database: Database): DataEntryStore {
  return {
    get(key) {
      return readOne(database, key, false);
    },
    async list(query) {
      const rows = await database.query<SubmissionRow>(
        `SELECT ${columns} FROM data_entry_submissions
          WHERE network_id = $1 AND data_set = $2 AND period = $3 ORDER BY organization_id`,
        [query.networkId, query.dataSet, query.period],
      );
      const values = await valuesOf(
        database,
        rows.map((row) => Number(row.id)),
      );
      return rows.map((row) => submissionOf(row, values.get(Number(row.id)) ?? {}));
    },
    async step(key, action, context) {
      try {
        return await database.transaction(async (session) => {
          // The row exists before it is locked: two first saves at once meet on it.
          await session.query(
            `INSERT INTO data_entry_submissions
               (network_id, data_set, period, organization_id, state, version, updated_at, updated_by)
             VALUES ($1, $2, $3, $4, 'draft', 0, $5, $6)
             ON CONFLICT (network_id, data_set, period, organization_id) DO NOTHING`,
            [
              key.networkId,
              key.dataSet,
              key.period,
              key.organizationId,
              context.at,
              context.actorAccountId,
            ],
          );
          const current = await readOne(session, key, true);
          if (current === undefined) throw new Error('data_entry_submissions: row vanished');
          if (
            context.expectedVersion !== undefined &&
            context.expectedVersion !== current.version
          ) {
            throw new ConflictError('stale-version', {
              ru: 'Отчёт уже изменён в другом окне или другим сотрудником; обновите страницу',
              en: 'The report was changed meanwhile (another window or colleague); reload the page',
            });
          }
          const next = stepSubmission(
            { ...emptySubmission(key), ...current },
            action,
            context.form,
          );
          const log = (
            kind: DataEntryLogEntry['kind'],
            field: string | null,
            oldValue: string | null,
            newValue: string | null,
            comment: string | null,
          ) =>
            session.query(
              `INSERT INTO data_entry_log
                 (submission_id, at, actor_account_id, actor_label, kind, field, old_value, new_value, comment)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
              [
                current.id,
                context.at,
                context.actorAccountId,
                context.actorLabel,
                kind,
                field,
                oldValue,
                newValue,
                comment,
              ],
            );
          if (action.type === 'save') {
            const fields = new Set([...Object.keys(current.values), ...Object.keys(next.values)]);
            for (const field of [...fields].sort()) {
              const before = current.values[field];
              const after = next.values[field];
              if (before === after) continue;
              if (after === undefined) {
                await session.query(
                  'DELETE FROM data_entry_values WHERE submission_id = $1 AND field = $2',
                  [current.id, field],
                );
              } else {
                await session.query(
                  `INSERT INTO data_entry_values (submission_id, field, value) VALUES ($1, $2, $3)
                   ON CONFLICT (submission_id, field) DO UPDATE SET value = EXCLUDED.value`,
                  [current.id, field, after],
                );
              }
              await log('value', field, before ?? null, after ?? null, null);
            }
          } else {
            const comment =
              action.type === 'return'
                ? action.comment.trim()
                : action.type === 'unlock'
                  ? action.reason.trim()
                  : null;
            await log(action.type, null, null, null, comment);
          }
          const [row] = await session.query<SubmissionRow>(
            `UPDATE data_entry_submissions
                SET state = $2, comment = $3, version = $4, updated_at = $5, updated_by = $6,
                    submitted_at = CASE WHEN $7 THEN $5::timestamptz ELSE submitted_at END,
                    approved_at = CASE WHEN $8 THEN $5::timestamptz ELSE approved_at END,
                    approved_by = CASE WHEN $8 THEN $6 ELSE approved_by END
              WHERE id = $1
              RETURNING ${columns}`,
            [
              current.id,
              next.state,
              next.comment ?? null,
              next.version,
              context.at,
              context.actorAccountId,
              action.type === 'submit',
              action.type === 'approve',
            ],
          );
          if (row === undefined) throw new Error('data_entry_submissions: no row returned');
          const submission = submissionOf(row, next.values);
          if (action.type !== 'approve') return { submission };
          const published = await publish(session, context.form, submission, context);
          return { submission, published };
        });
      } catch (error) {
        if (isLocked(error)) throw new SubmissionError('locked');
        throw error;
      }
    },
    async approvedCounts(networkId) {
      const rows = await database.query<{
        data_set: string;
        period: string;
        approved: number | string;
      }>(
        `SELECT data_set, period, count(*) AS approved FROM data_entry_submissions
          WHERE network_id = $1 AND state = 'approved'
          GROUP BY data_set, period ORDER BY period, data_set`,
        [networkId],
      );
      return rows.map((row) => ({
        dataSet: row.data_set,
        period: row.period,
        approved: Number(row.approved),
      }));
    },
    async log(key) {
      const rows = await database.query<LogRow>(
        `SELECT l.id, l.at, l.actor_account_id, l.actor_label, l.kind, l.field, l.old_value,
                l.new_value, l.comment
           FROM data_entry_log l JOIN data_entry_submissions s ON s.id = l.submission_id
          WHERE s.network_id = $1 AND s.data_set = $2 AND s.period = $3 AND s.organization_id = $4
          ORDER BY l.id`,
        [key.networkId, key.dataSet, key.period, key.organizationId],
      );
      return rows.map((row) => ({
        id: Number(row.id),
        at: instant(row.at),
        actorAccountId: row.actor_account_id,
        actorLabel: row.actor_label,
        kind: row.kind,
        ...(row.field === null ? {} : { field: row.field }),
        ...(row.old_value === null ? {} : { oldValue: row.old_value }),
        ...(row.new_value === null ? {} : { newValue: row.new_value }),
        ...(row.comment === null ? {} : { comment: row.comment }),
      }));
    },
  };
}
