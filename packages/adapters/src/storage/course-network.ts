import { ConflictError, NotFoundError, instant, type Instant } from '@eduset/core';
import {
  createCourseNetwork,
  courseTimetableRecordSchema,
  solveProgressSchema,
  type SolveProgress,
  type CourseNetwork,
  type CourseTimetableRecord,
  type LecturePin,
  type Timetable,
} from '@eduset/core/courses';
import type { Database, SqlRow } from './database.js';

/**
 * A course network as stored: the validated document, its revision (1 at the first save,
 * one more at every save) and who saved it, when.
 *
 * @example
 * ```ts
 * import type { StoredCourseNetwork } from '@eduset/adapters';
 * const revision = (stored: StoredCourseNetwork) => stored.revision;
 * ```
 */
export interface StoredCourseNetwork {
  readonly networkId: string;
  readonly revision: number;
  readonly network: CourseNetwork;
  readonly updatedBy: string;
  readonly updatedAt: Instant;
}

/**
 * A new draft timetable: the sessions with their hard violations and penalty (core's
 * `validateTimetable`), the pins it kept, the network revision it was made for, how and by
 * whom.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { NewCourseDraft } from '@eduset/adapters';
 * const draft: NewCourseDraft = {
 *   networkRevision: 1, timetable: { sessions: [] }, hard: 0, penalty: 0, pins: [],
 *   origin: 'solver', createdBy: 'acc-coordinator', createdAt: instant('2026-09-01T09:00:00Z'),
 * };
 * ```
 */
export interface NewCourseDraft {
  readonly networkRevision: number;
  readonly timetable: Timetable;
  readonly hard: number;
  readonly penalty: number;
  readonly pins: readonly LecturePin[];
  readonly origin: 'solver' | 'hand';
  readonly createdBy: string;
  readonly createdAt: Instant;
}

/**
 * What identifies the current state of a network cheaply: its revision and the highest
 * published version (for caches keyed by both).
 *
 * @example
 * ```ts
 * import type { CourseNetworkHead } from '@eduset/adapters';
 * const key = (head: CourseNetworkHead) => `${head.revision}:${head.publishedVersion ?? 0}`;
 * ```
 */
export interface CourseNetworkHead {
  readonly revision: number;
  readonly publishedVersion?: number;
}

/**
 * The stored course network and its timetables (migration 0033). The network is one
 * validated document per network with a revision; timetables are drafts until the
 * coordinator publishes one, which then gets the next version.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * declare const json: unknown;
 * const { courseNetworks } = await openStorage({ dataDir: 'memory://' });
 * await courseNetworks.save('udomlya', json, 'acc-coordinator', instant('2026-09-01T09:00:00Z'));
 * (await courseNetworks.load('udomlya'))?.revision; // 1
 * ```
 */
export interface CourseNetworkStore {
  /** The stored network, or `undefined` before the first save. */
  load(networkId: string): Promise<StoredCourseNetwork | undefined>;
  /** One revision of the network as it was saved, or `undefined`. */
  loadRevision(networkId: string, revision: number): Promise<StoredCourseNetwork | undefined>;
  /** The revision and the highest published version, without reading the document. */
  head(networkId: string): Promise<CourseNetworkHead | undefined>;
  /**
   * Validates the document with core's `createCourseNetwork` and stores it as the next
   * revision. With `expectedRevision`, refuses (`ConflictError` `network-changed`) when
   * someone saved another revision meanwhile.
   *
   * @throws ValidationError when the document does not pass core's schema.
   */
  save(
    networkId: string,
    document: unknown,
    by: string,
    at: Instant,
    expectedRevision?: number,
  ): Promise<StoredCourseNetwork>;
  /**
   * Stores a draft timetable.
   *
   * @throws NotFoundError when the network was never saved.
   */
  addDraft(networkId: string, draft: NewCourseDraft): Promise<CourseTimetableRecord>;
  /** One stored timetable of the network, or `undefined`. */
  timetable(networkId: string, id: string): Promise<CourseTimetableRecord | undefined>;
  /** The network's timetables, newest first, without their sessions' weight (up to `limit`). */
  list(networkId: string, limit?: number): Promise<CourseTimetableRecord[]>;
  /**
   * Publishes a draft: it gets the next version of the network, under the lock of the
   * network's row (two publishes at once get consecutive versions).
   *
   * @throws NotFoundError for an unknown draft; ConflictError `already-published` for a
   *   timetable published before, `draft-outdated` for a draft made for an older revision.
   */
  publish(networkId: string, id: string, by: string, at: Instant): Promise<CourseTimetableRecord>;
  /** The published timetable with the highest version, or `undefined`. */
  published(networkId: string): Promise<CourseTimetableRecord | undefined>;
  /**
   * Claims the network's background solve for a process: `true` when no solve runs, or the
   * running one's process has not reported for `staleAfterMs` (it stopped); `false` when
   * another solve runs. The claim writes `progress` as the first report.
   */
  claimSolve(
    networkId: string,
    by: string,
    progress: SolveProgress,
    at: Instant,
    staleAfterMs: number,
  ): Promise<boolean>;
  /**
   * Writes the running solve's progress (its heartbeat) and answers whether someone asked
   * it to stop. A final state (`finished`, `stopped`, `failed`) ends the claim.
   */
  reportSolve(networkId: string, progress: SolveProgress, at: Instant): Promise<boolean>;
  /** Asks the running solve to stop (seen by its process at its next report). */
  requestStop(networkId: string): Promise<void>;
  /**
   * The last progress written with when it was written (the heartbeat), or `undefined` when
   * no solve ever ran.
   */
  solveProgress(
    networkId: string,
  ): Promise<{ readonly progress: SolveProgress; readonly reportedAt: Instant } | undefined>;
}

interface NetworkRow extends SqlRow {
  network_id: string;
  revision: number;
  document: unknown;
  updated_by: string;
  updated_at: Date | string;
}

interface TimetableRow extends SqlRow {
  id: string | number | bigint;
  network_id: string;
  status: string;
  version: number | null;
  network_revision: number;
  origin: string;
  sessions: unknown;
  pins: unknown;
  hard: number;
  penalty: number;
  created_by: string;
  created_at: Date | string;
  published_by: string | null;
  published_at: Date | string | null;
}

const parsed = (value: unknown): unknown =>
  typeof value === 'string' ? (JSON.parse(value) as unknown) : value;

const networkOf = (row: NetworkRow): StoredCourseNetwork => ({
  networkId: row.network_id,
  revision: Number(row.revision),
  network: createCourseNetwork(parsed(row.document)),
  updatedBy: row.updated_by,
  updatedAt: instant(row.updated_at),
});

const timetableOf = (row: TimetableRow): CourseTimetableRecord =>
  courseTimetableRecordSchema.parse({
    id: String(row.id),
    networkId: row.network_id,
    status: row.status,
    ...(row.version === null ? {} : { version: Number(row.version) }),
    networkRevision: Number(row.network_revision),
    timetable: { sessions: parsed(row.sessions) },
    hard: Number(row.hard),
    penalty: Number(row.penalty),
    pins: parsed(row.pins),
    origin: row.origin,
    createdBy: row.created_by,
    createdAt: instant(row.created_at),
    ...(row.published_by === null ? {} : { publishedBy: row.published_by }),
    ...(row.published_at === null ? {} : { publishedAt: instant(row.published_at) }),
  });

const columns = `id, network_id, status, version, network_revision, origin, sessions, pins,
  hard, penalty, created_by, created_at, published_by, published_at`;

const isId = (id: string): boolean => /^[1-9][0-9]{0,17}$/.test(id);

const noNetwork = (networkId: string): NotFoundError =>
  new NotFoundError('course-network', networkId);

/**
 * The course network store over a database.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await storage.courseNetworks.published('udomlya'); // undefined before the first publish
 * ```
 */
export function courseNetworkStore(database: Database): CourseNetworkStore {
  const timetable = async (networkId: string, id: string) => {
    if (!isId(id)) return undefined;
    const [row] = await database.query<TimetableRow>(
      `SELECT ${columns} FROM course_timetables WHERE network_id = $1 AND id = $2`,
      [networkId, id],
    );
    return row === undefined ? undefined : timetableOf(row);
  };
  return {
    async load(networkId) {
      const [row] = await database.query<NetworkRow>(
        'SELECT * FROM course_networks WHERE network_id = $1',
        [networkId],
      );
      return row === undefined ? undefined : networkOf(row);
    },
    async loadRevision(networkId, revision) {
      if (!Number.isSafeInteger(revision) || revision < 1) return undefined;
      const [row] = await database.query<NetworkRow>(
        `SELECT network_id, revision, document, saved_by AS updated_by, saved_at AS updated_at
           FROM course_network_revisions WHERE network_id = $1 AND revision = $2`,
        [networkId, revision],
      );
      return row === undefined ? undefined : networkOf(row);
    },
    async head(networkId) {
      const [row] = await database.query<{ revision: number; version: number | null }>(
        `SELECT n.revision,
                (SELECT max(version) FROM course_timetables t WHERE t.network_id = n.network_id) AS version
           FROM course_networks n WHERE n.network_id = $1`,
        [networkId],
      );
      if (row === undefined) return undefined;
      return {
        revision: Number(row.revision),
        ...(row.version === null ? {} : { publishedVersion: Number(row.version) }),
      };
    },
    async save(networkId, document, by, at, expectedRevision) {
      const network = createCourseNetwork(document);
      const row = await database.transaction(async (session) => {
        const [known] = await session.query<{ revision: number }>(
          'SELECT revision FROM course_networks WHERE network_id = $1 FOR UPDATE',
          [networkId],
        );
        const current = known === undefined ? 0 : Number(known.revision);
        if (expectedRevision !== undefined && expectedRevision !== current) {
          throw new ConflictError('network-changed', {
            ru: `Сеть курсов изменилась (сохранена версия ${current}); откройте её заново`,
            en: `The course network changed (revision ${current} is saved); reload it`,
          });
        }
        const [saved] = await session.query<NetworkRow>(
          `INSERT INTO course_networks (network_id, revision, document, updated_by, updated_at)
           VALUES ($1, $2, $3::jsonb, $4, $5)
           ON CONFLICT (network_id) DO UPDATE SET revision = EXCLUDED.revision,
             document = EXCLUDED.document, updated_by = EXCLUDED.updated_by,
             updated_at = EXCLUDED.updated_at
           RETURNING *`,
          [networkId, current + 1, JSON.stringify(network), by, at],
        );
        await session.query(
          `INSERT INTO course_network_revisions (network_id, revision, document, saved_by, saved_at)
           VALUES ($1, $2, $3::jsonb, $4, $5)`,
          [networkId, current + 1, JSON.stringify(network), by, at],
        );
        return saved;
      });
      if (row === undefined) throw new Error('the course network was not stored');
      return { ...networkOf(row), network };
    },
    async addDraft(networkId, draft) {
      const [known] = await database.query<{ revision: number }>(
        'SELECT revision FROM course_networks WHERE network_id = $1',
        [networkId],
      );
      if (known === undefined) throw noNetwork(networkId);
      const [row] = await database.query<TimetableRow>(
        `INSERT INTO course_timetables (network_id, status, network_revision, origin, sessions,
           pins, hard, penalty, created_by, created_at)
         VALUES ($1, 'draft', $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9)
         RETURNING ${columns}`,
        [
          networkId,
          draft.networkRevision,
          draft.origin,
          JSON.stringify(draft.timetable.sessions),
          JSON.stringify(draft.pins),
          draft.hard,
          draft.penalty,
          draft.createdBy,
          draft.createdAt,
        ],
      );
      if (row === undefined) throw new Error('the draft was not stored');
      return timetableOf(row);
    },
    timetable,
    async list(networkId, limit = 50) {
      const rows = await database.query<TimetableRow>(
        `SELECT ${columns} FROM course_timetables WHERE network_id = $1
          ORDER BY id DESC LIMIT $2`,
        [networkId, Math.max(1, Math.min(500, Math.floor(limit)))],
      );
      return rows.map(timetableOf);
    },
    async publish(networkId, id, by, at) {
      if (!isId(id)) throw new NotFoundError('course-timetable', id);
      const row = await database.transaction(async (session) => {
        // The network's row is the lock every publish of this network takes.
        const [network] = await session.query<{ revision: number }>(
          'SELECT revision FROM course_networks WHERE network_id = $1 FOR UPDATE',
          [networkId],
        );
        if (network === undefined) throw noNetwork(networkId);
        const [draft] = await session.query<TimetableRow>(
          `SELECT ${columns} FROM course_timetables WHERE network_id = $1 AND id = $2`,
          [networkId, id],
        );
        if (draft === undefined) throw new NotFoundError('course-timetable', id);
        if (draft.status !== 'draft') {
          throw new ConflictError('already-published', {
            ru: `Это расписание уже опубликовано (версия ${draft.version ?? '?'})`,
            en: `This timetable is already published (version ${draft.version ?? '?'})`,
          });
        }
        if (Number(draft.network_revision) !== Number(network.revision)) {
          throw new ConflictError('draft-outdated', {
            ru: 'Черновик составлен для прежних данных сети; составьте расписание заново',
            en: 'The draft was made for earlier network data; solve again',
          });
        }
        const [published] = await session.query<TimetableRow>(
          `UPDATE course_timetables SET status = 'published',
             version = (SELECT coalesce(max(version), 0) + 1 FROM course_timetables
                         WHERE network_id = $1),
             published_by = $3, published_at = $4
           WHERE network_id = $1 AND id = $2
           RETURNING ${columns}`,
          [networkId, id, by, at],
        );
        return published;
      });
      if (row === undefined) throw new NotFoundError('course-timetable', id);
      return timetableOf(row);
    },
    async claimSolve(networkId, by, progress, at, staleAfterMs) {
      return database.transaction(async (session) => {
        const [network] = await session.query(
          'SELECT 1 FROM course_networks WHERE network_id = $1 FOR UPDATE',
          [networkId],
        );
        if (network === undefined) throw noNetwork(networkId);
        const [job] = await session.query<{ state: string; heartbeat_at: Date | string }>(
          'SELECT state, heartbeat_at FROM course_solve_jobs WHERE network_id = $1',
          [networkId],
        );
        if (
          job !== undefined &&
          job.state === 'running' &&
          Date.parse(at) - Date.parse(instant(job.heartbeat_at)) < staleAfterMs
        ) {
          return false;
        }
        await session.query(
          `INSERT INTO course_solve_jobs (network_id, state, started_by, started_at, progress,
             stop_requested, heartbeat_at)
           VALUES ($1, 'running', $2, $3, $4::jsonb, false, $3)
           ON CONFLICT (network_id) DO UPDATE SET state = 'running',
             started_by = EXCLUDED.started_by, started_at = EXCLUDED.started_at,
             progress = EXCLUDED.progress, stop_requested = false,
             heartbeat_at = EXCLUDED.heartbeat_at`,
          [networkId, by, at, JSON.stringify(progress)],
        );
        return true;
      });
    },
    async reportSolve(networkId, progress, at) {
      const [row] = await database.query<{ stop_requested: boolean }>(
        `UPDATE course_solve_jobs SET state = $2, progress = $3::jsonb, heartbeat_at = $4
          WHERE network_id = $1 RETURNING stop_requested`,
        [networkId, progress.state, JSON.stringify(progress), at],
      );
      return row?.stop_requested === true;
    },
    async requestStop(networkId) {
      await database.query(
        `UPDATE course_solve_jobs SET stop_requested = true
          WHERE network_id = $1 AND state = 'running'`,
        [networkId],
      );
    },
    async solveProgress(networkId) {
      const [row] = await database.query<{ progress: unknown; heartbeat_at: Date | string }>(
        'SELECT progress, heartbeat_at FROM course_solve_jobs WHERE network_id = $1',
        [networkId],
      );
      return row === undefined
        ? undefined
        : {
            progress: solveProgressSchema.parse(parsed(row.progress)),
            reportedAt: instant(row.heartbeat_at),
          };
    },
    async published(networkId) {
      const [row] = await database.query<TimetableRow>(
        `SELECT ${columns} FROM course_timetables
          WHERE network_id = $1 AND status = 'published'
          ORDER BY version DESC LIMIT 1`,
        [networkId],
      );
      return row === undefined ? undefined : timetableOf(row);
    },
  };
}
