import { ConflictError, instant, NotFoundError, type Instant } from '@eduset/core';
import type { IsoDate } from '@eduset/core/common';
import {
  isMeasureOverdue,
  supportProgrammeRecordSchema,
  type MeasureEvent,
  type MeasureReviewInput,
  type MeasureStatusUpdate,
  type MonitoringEntry,
  type MonitoringIndicator,
  type SupportMeasure,
  type SupportMeasureInput,
  type SupportProgrammeRecord,
  type SupportRiskProfile,
} from '@eduset/core/schools';
import type { Database, SqlSession } from './database.js';

/**
 * A new support programme: the flagged school, the identification run that flagged it, its
 * risk profile (core's `riskProfileOf`) and the indicators to monitor.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { defaultSupportIndicators, type SupportRiskProfile } from '@eduset/core/schools';
 * import type { SupportProgrammeInput } from '@eduset/adapters';
 * declare const risks: SupportRiskProfile;
 * const input: SupportProgrammeInput = {
 *   districtId: 'tutaev', schoolId: 's1', schoolName: 'СОШ № 1', year: 2016, runId: 1, risks,
 *   indicators: [...defaultSupportIndicators], createdBy: 'Координатор', createdAt: instant(new Date()),
 * };
 * ```
 */
export interface SupportProgrammeInput {
  readonly districtId: string;
  readonly schoolId: string;
  readonly schoolName: string;
  readonly year: number;
  readonly runId: number;
  readonly risks: SupportRiskProfile;
  readonly indicators: readonly MonitoringIndicator[];
  readonly createdBy: string;
  readonly createdAt: Instant;
}

/**
 * One line of the list of programmes.
 *
 * @example
 * ```ts
 * import type { SupportProgrammeSummary } from '@eduset/adapters';
 * declare const line: SupportProgrammeSummary;
 * `${line.schoolName}: ${line.done} of ${line.measures}`;
 * ```
 */
export interface SupportProgrammeSummary {
  readonly id: number;
  readonly districtId: string;
  readonly schoolId: string;
  readonly schoolName: string;
  readonly year: number;
  readonly measures: number;
  readonly done: number;
  readonly overdue: number;
  /** Measures reported done and waiting for the coordinator. */
  readonly pending: number;
}

/**
 * Who changes a measure (the name shown in its history) and when.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { SupportChange } from '@eduset/adapters';
 * const change: SupportChange = { by: 'Методист района', at: instant(new Date()) };
 * ```
 */
export interface SupportChange {
  readonly by: string;
  readonly at: Instant;
}

/**
 * Support programmes of flagged schools (migration 0035): one per district, school and year,
 * their road maps with a history of every change, and monitoring. Every change of a measure
 * names the revision it read: a stale revision is refused (`ConflictError`
 * `stale-revision`), so two updates at once never both apply and the history has one event
 * per revision. `asOf` (a day) decides which measures are overdue.
 *
 * @example
 * ```ts
 * import { isoDate } from '@eduset/core/common';
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await storage.supportProgrammes.list('tutaev', undefined, isoDate('2026-12-07'));
 * ```
 */
export interface SupportProgrammeStore {
  /**
   * Stores a new programme without measures.
   *
   * @throws ConflictError `support-programme-exists` when the school has one for the year.
   */
  create(input: SupportProgrammeInput): Promise<SupportProgrammeRecord>;
  /** A programme with its measures and their histories, if any. */
  get(id: number, asOf: IsoDate): Promise<SupportProgrammeRecord | undefined>;
  /** A district's programmes (or one school's), by school name. */
  list(
    districtId: string,
    schoolId: string | undefined,
    asOf: IsoDate,
  ): Promise<SupportProgrammeSummary[]>;
  /**
   * Adds a measure (`measureId` undefined) or edits one (its status and review kept; the
   * input's `revision` must be the current one).
   *
   * @throws NotFoundError for an unknown programme or measure; ConflictError
   *   `stale-revision` when the measure changed since `revision`.
   */
  saveMeasure(
    programmeId: number,
    measureId: string | undefined,
    input: SupportMeasureInput,
    change: SupportChange,
  ): Promise<SupportMeasure>;
  /**
   * The school's status update with its evidence; `done` waits for the coordinator's review.
   *
   * @throws ConflictError `stale-revision`, or `measure-accepted` when already accepted.
   */
  updateStatus(
    programmeId: number,
    measureId: string,
    update: MeasureStatusUpdate,
    change: SupportChange,
  ): Promise<SupportMeasure>;
  /**
   * The coordinator's review of a measure reported done: accepted, or returned (back in
   * progress) with a comment.
   *
   * @throws ConflictError `not-pending` when the measure does not wait for a review,
   *   `stale-revision` when it changed since `revision`.
   */
  review(
    programmeId: number,
    measureId: string,
    input: MeasureReviewInput,
    change: SupportChange,
  ): Promise<SupportMeasure>;
  /** Writes the input or final monitoring round (replacing it). */
  setMonitoring(programmeId: number, entry: MonitoringEntry): Promise<void>;
}

interface ProgrammeRow extends Record<string, unknown> {
  id: number | string;
  district_id: string;
  school_id: string;
  school_name: string;
  year: number;
  run_id: number | string;
  risks: string;
  indicators: string;
  input_monitoring: string | null;
  final_monitoring: string | null;
  created_by: string;
  created_at: Date | string;
}

interface MeasureRow extends Record<string, unknown> {
  id: string;
  title: string;
  responsible: string;
  responsible_email: string | null;
  deadline: string;
  indicator_id: string | null;
  expected_effect: string | null;
  factor: string | null;
  status: SupportMeasure['status'];
  review: SupportMeasure['review'];
  review_comment: string | null;
  evidence: string | null;
  evidence_url: string | null;
  revision: number;
}

interface EventRow extends Record<string, unknown> {
  measure_id: string;
  revision: number;
  kind: MeasureEvent['kind'];
  status: string | null;
  review: string | null;
  evidence: string | null;
  evidence_url: string | null;
  comment: string | null;
  by_name: string;
  at: Date | string;
}

const programmeColumns = `id, district_id, school_id, school_name, year, run_id, risks::text AS risks,
  indicators::text AS indicators, input_monitoring::text AS input_monitoring,
  final_monitoring::text AS final_monitoring, created_by, created_at`;
const measureColumns = `id, title, responsible, responsible_email, deadline::text AS deadline,
  indicator_id, expected_effect, factor, status, review, review_comment, evidence, evidence_url,
  revision`;

const optional = <K extends string>(key: K, value: string | null): Partial<Record<K, string>> =>
  value === null ? {} : ({ [key]: value } as Record<K, string>);

function eventOf(row: EventRow): MeasureEvent {
  return {
    revision: Number(row.revision),
    kind: row.kind,
    ...(optional('status', row.status) as Pick<MeasureEvent, 'status'>),
    ...(optional('review', row.review) as Pick<MeasureEvent, 'review'>),
    ...optional('evidence', row.evidence),
    ...optional('evidenceUrl', row.evidence_url),
    ...optional('comment', row.comment),
    by: row.by_name,
    at: instant(row.at),
  };
}

function measureOf(
  row: MeasureRow,
  history: readonly MeasureEvent[],
  asOf: IsoDate,
): SupportMeasure {
  return {
    id: row.id,
    title: row.title,
    responsible: row.responsible,
    ...optional('responsibleEmail', row.responsible_email),
    deadline: row.deadline as IsoDate,
    ...optional('indicatorId', row.indicator_id),
    ...optional('expectedEffect', row.expected_effect),
    ...(optional('factor', row.factor) as Pick<SupportMeasure, 'factor'>),
    status: row.status,
    review: row.review,
    ...optional('reviewComment', row.review_comment),
    ...optional('evidence', row.evidence),
    ...optional('evidenceUrl', row.evidence_url),
    revision: Number(row.revision),
    overdue: isMeasureOverdue({ deadline: row.deadline, status: row.status }, asOf),
    history: [...history],
  };
}

async function readMeasures(
  session: SqlSession,
  programmeId: number,
  asOf: IsoDate,
  measureId?: string,
): Promise<SupportMeasure[]> {
  const filter = measureId === undefined ? '' : ' AND id = $2';
  const params = measureId === undefined ? [programmeId] : [programmeId, measureId];
  const rows = await session.query<MeasureRow>(
    `SELECT ${measureColumns} FROM support_measures WHERE programme_id = $1${filter}
      ORDER BY position`,
    params,
  );
  const events = await session.query<EventRow>(
    `SELECT measure_id, revision, kind, status, review, evidence, evidence_url, comment, by_name, at
       FROM support_measure_events WHERE programme_id = $1${filter.replace('id', 'measure_id')}
      ORDER BY revision`,
    params,
  );
  return rows.map((row) =>
    measureOf(row, events.filter((event) => event.measure_id === row.id).map(eventOf), asOf),
  );
}

const json = (value: string | null): unknown =>
  value === null ? undefined : (JSON.parse(value) as unknown);

/**
 * Changes a measure if its revision is still `revision`, and records the event of the new
 * revision, in the caller's transaction.
 */
async function bumpMeasure(
  session: SqlSession,
  programmeId: number,
  measureId: string,
  revision: number,
  set: string,
  values: readonly (string | null)[],
): Promise<number> {
  const placeholders = set.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + 3}`);
  const [row] = await session.query<{ revision: number }>(
    `UPDATE support_measures SET ${placeholders}, revision = revision + 1
      WHERE programme_id = $1 AND id = $2 AND revision = $3 RETURNING revision`,
    [programmeId, measureId, revision, ...values],
  );
  if (row !== undefined) return Number(row.revision);
  const [current] = await session.query<{ revision: number }>(
    'SELECT revision FROM support_measures WHERE programme_id = $1 AND id = $2',
    [programmeId, measureId],
  );
  if (current === undefined) throw new NotFoundError('measure', measureId);
  throw staleRevision(revision, Number(current.revision));
}

function staleRevision(read: number, current: number): ConflictError {
  return new ConflictError('stale-revision', {
    ru: `Мероприятие уже изменили (версия ${current}, а вы видели ${read}); обновите страницу и повторите`,
    en: `The measure has changed (revision ${current}, you saw ${read}); reload and try again`,
  });
}

async function recordEvent(
  session: SqlSession,
  programmeId: number,
  measureId: string,
  revision: number,
  kind: MeasureEvent['kind'],
  change: SupportChange,
  details: {
    readonly status?: string;
    readonly review?: string;
    readonly evidence?: string;
    readonly evidenceUrl?: string;
    readonly comment?: string;
  },
): Promise<void> {
  await session.query(
    `INSERT INTO support_measure_events
       (programme_id, measure_id, revision, kind, status, review, evidence, evidence_url, comment,
        by_name, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      programmeId,
      measureId,
      revision,
      kind,
      details.status ?? null,
      details.review ?? null,
      details.evidence ?? null,
      details.evidenceUrl ?? null,
      details.comment ?? null,
      change.by,
      change.at,
    ],
  );
}

/** The support programme store over a database. */
export function supportProgrammeStore(database: Database): SupportProgrammeStore {
  const today = (at: Instant): IsoDate => at.slice(0, 10) as IsoDate;
  const requireProgramme = async (session: SqlSession, id: number): Promise<void> => {
    const [row] = await session.query('SELECT id FROM support_programmes WHERE id = $1', [id]);
    if (row === undefined) throw new NotFoundError('support programme', String(id));
  };
  const readOne = async (
    session: SqlSession,
    programmeId: number,
    measureId: string,
    asOf: IsoDate,
  ): Promise<SupportMeasure> => {
    const [measure] = await readMeasures(session, programmeId, asOf, measureId);
    if (measure === undefined) throw new NotFoundError('measure', measureId);
    return measure;
  };
  const store: SupportProgrammeStore = {
    async create(input) {
      const [row] = await database.query<{ id: number | string }>(
        `INSERT INTO support_programmes
           (district_id, school_id, school_name, year, run_id, risks, indicators, created_by,
            created_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)
         ON CONFLICT (district_id, school_id, year) DO NOTHING RETURNING id`,
        [
          input.districtId,
          input.schoolId,
          input.schoolName,
          input.year,
          input.runId,
          JSON.stringify(input.risks),
          JSON.stringify(input.indicators),
          input.createdBy,
          input.createdAt,
        ],
      );
      if (row === undefined) {
        throw new ConflictError('support-programme-exists', {
          ru: `У школы «${input.schoolName}» уже есть программа поддержки на ${input.year} год`,
          en: `School "${input.schoolName}" already has a support programme for ${input.year}`,
        });
      }
      const created = await store.get(Number(row.id), today(input.createdAt));
      if (created === undefined) throw new Error('support_programmes: the row was not stored');
      return created;
    },

    async get(id, asOf) {
      return database.transaction(async (session) => {
        await session.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const [row] = await session.query<ProgrammeRow>(
          `SELECT ${programmeColumns} FROM support_programmes WHERE id = $1`,
          [id],
        );
        if (row === undefined) return undefined;
        const measures = await readMeasures(session, id, asOf);
        return supportProgrammeRecordSchema.parse({
          id: Number(row.id),
          districtId: row.district_id,
          schoolId: row.school_id,
          schoolName: row.school_name,
          year: Number(row.year),
          runId: Number(row.run_id),
          risks: json(row.risks),
          indicators: json(row.indicators),
          ...(row.input_monitoring === null ? {} : { inputMonitoring: json(row.input_monitoring) }),
          ...(row.final_monitoring === null ? {} : { finalMonitoring: json(row.final_monitoring) }),
          measures,
          createdBy: row.created_by,
          createdAt: instant(row.created_at),
        });
      });
    },

    async list(districtId, schoolId, asOf) {
      const rows = await database.query<{
        id: number | string;
        district_id: string;
        school_id: string;
        school_name: string;
        year: number;
        measures: number | string;
        done: number | string;
        overdue: number | string;
        pending: number | string;
      }>(
        `SELECT p.id, p.district_id, p.school_id, p.school_name, p.year,
                count(m.id) AS measures,
                count(m.id) FILTER (WHERE m.status = 'done') AS done,
                count(m.id) FILTER (WHERE m.status IN ('planned', 'inProgress') AND m.deadline < $3::date) AS overdue,
                count(m.id) FILTER (WHERE m.review = 'pending') AS pending
           FROM support_programmes p LEFT JOIN support_measures m ON m.programme_id = p.id
          WHERE p.district_id = $1 AND ($2::text IS NULL OR p.school_id = $2)
          GROUP BY p.id ORDER BY p.school_name, p.year`,
        [districtId, schoolId ?? null, asOf],
      );
      return rows.map((row) => ({
        id: Number(row.id),
        districtId: row.district_id,
        schoolId: row.school_id,
        schoolName: row.school_name,
        year: Number(row.year),
        measures: Number(row.measures),
        done: Number(row.done),
        overdue: Number(row.overdue),
        pending: Number(row.pending),
      }));
    },

    async saveMeasure(programmeId, measureId, input, change) {
      return database.transaction(async (session) => {
        await requireProgramme(session, programmeId);
        const fields = [
          input.title,
          input.responsible,
          input.responsibleEmail ?? null,
          input.deadline,
          input.indicatorId ?? null,
          input.expectedEffect ?? null,
          input.factor ?? null,
        ];
        if (measureId === undefined) {
          // Measures of one programme are numbered in turn: the programme row is the lock.
          await session.query('SELECT id FROM support_programmes WHERE id = $1 FOR UPDATE', [
            programmeId,
          ]);
          const [next] = await session.query<{ n: number | string }>(
            'SELECT count(*) AS n FROM support_measures WHERE programme_id = $1',
            [programmeId],
          );
          const position = Number(next?.n ?? 0);
          const id = `m${position + 1}`;
          await session.query(
            `INSERT INTO support_measures
               (programme_id, id, position, title, responsible, responsible_email, deadline,
                indicator_id, expected_effect, factor, status, review, revision)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'planned', 'none', 1)`,
            [programmeId, id, position, ...fields],
          );
          await recordEvent(session, programmeId, id, 1, 'created', change, { status: 'planned' });
          return readOne(session, programmeId, id, today(change.at));
        }
        const [current] = await session.query<{ revision: number }>(
          'SELECT revision FROM support_measures WHERE programme_id = $1 AND id = $2',
          [programmeId, measureId],
        );
        if (current === undefined) throw new NotFoundError('measure', measureId);
        const revision = await bumpMeasure(
          session,
          programmeId,
          measureId,
          input.revision ?? Number(current.revision),
          `title = $1, responsible = $2, responsible_email = $3, deadline = $4::date,
           indicator_id = $5, expected_effect = $6, factor = $7`,
          fields,
        );
        await recordEvent(session, programmeId, measureId, revision, 'edited', change, {});
        return readOne(session, programmeId, measureId, today(change.at));
      });
    },

    async updateStatus(programmeId, measureId, update, change) {
      return database.transaction(async (session) => {
        const [current] = await session.query<{ review: string; revision: number }>(
          'SELECT review, revision FROM support_measures WHERE programme_id = $1 AND id = $2',
          [programmeId, measureId],
        );
        if (current === undefined) throw new NotFoundError('measure', measureId);
        if (current.review === 'accepted') {
          throw new ConflictError('measure-accepted', {
            ru: 'Мероприятие уже принято координатором; его статус больше не меняется',
            en: 'The measure was accepted by the coordinator; its status no longer changes',
          });
        }
        const review =
          update.status === 'done'
            ? 'pending'
            : current.review === 'returned'
              ? 'returned'
              : 'none';
        // The review read above is the one of `update.revision`, or the update is refused.
        const revision = await bumpMeasure(
          session,
          programmeId,
          measureId,
          update.revision,
          'status = $1, review = $2, evidence = $3, evidence_url = $4',
          [update.status, review, update.evidence ?? null, update.evidenceUrl ?? null],
        );
        await recordEvent(session, programmeId, measureId, revision, 'status', change, {
          status: update.status,
          review,
          ...(update.evidence === undefined ? {} : { evidence: update.evidence }),
          ...(update.evidenceUrl === undefined ? {} : { evidenceUrl: update.evidenceUrl }),
        });
        return readOne(session, programmeId, measureId, today(change.at));
      });
    },

    async review(programmeId, measureId, input, change) {
      return database.transaction(async (session) => {
        const [current] = await session.query<{ review: string; revision: number }>(
          'SELECT review, revision FROM support_measures WHERE programme_id = $1 AND id = $2',
          [programmeId, measureId],
        );
        if (current === undefined) throw new NotFoundError('measure', measureId);
        if (Number(current.revision) !== input.revision) {
          throw staleRevision(input.revision, Number(current.revision));
        }
        if (current.review !== 'pending') {
          throw new ConflictError('not-pending', {
            ru: 'Школа ещё не отметила это мероприятие выполненным: принимать нечего',
            en: 'The school has not reported this measure done: there is nothing to review',
          });
        }
        const accepted = input.decision === 'accept';
        const review = accepted ? 'accepted' : 'returned';
        const status = accepted ? 'done' : 'inProgress';
        const revision = await bumpMeasure(
          session,
          programmeId,
          measureId,
          input.revision,
          'review = $1, status = $2, review_comment = $3',
          [review, status, input.comment ?? null],
        );
        await recordEvent(session, programmeId, measureId, revision, 'review', change, {
          review,
          status,
          ...(input.comment === undefined ? {} : { comment: input.comment }),
        });
        return readOne(session, programmeId, measureId, today(change.at));
      });
    },

    async setMonitoring(programmeId, entry) {
      const column = entry.round === 'input' ? 'input_monitoring' : 'final_monitoring';
      const [row] = await database.query(
        `UPDATE support_programmes SET ${column} = $2::jsonb WHERE id = $1 RETURNING id`,
        [programmeId, JSON.stringify({ date: entry.date, values: entry.values })],
      );
      if (row === undefined) throw new NotFoundError('support programme', String(programmeId));
    },
  };
  return store;
}
