import {
  checkPlacesTaken,
  ConflictError,
  instant,
  NotFoundError,
  programmeReviewStates,
  programmeSchema,
  ProgrammeReviewError,
  providerSchema,
  reviewOfPublished,
  reviewProgramme,
  startProgrammeReview,
  type Instant,
  type Programme,
  type ProgrammeReview,
  type ProgrammeReviewCommand,
  type ProgrammeReviewEvent,
  type ProgrammeReviewState,
  type ProgrammeReviewSummary,
  type Provider,
  type Reviewer,
} from '@eduset/core';
import type { Database, SqlSession } from './database.js';
import { heldVersion, holdProgrammeRooms } from './room-bookings.js';

/**
 * Where a programme's groups find their rooms: the network of the inventory (the instance's
 * financing network). A group naming a room is judged against that network's inventory and
 * bookings (migration 0039); with no network given, against none (an unknown room).
 *
 * @example
 * ```ts
 * import type { ProgrammeRoomOptions } from '@eduset/adapters';
 * const options: ProgrammeRoomOptions = { networkId: 'michurinsk' };
 * ```
 */
export interface ProgrammeRoomOptions {
  readonly networkId?: string;
}

/** The network bookings go to when none is given: no inventory holds its rooms. */
const NO_NETWORK = '-';

const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A programme's review as stored, with the places taken in each group of its published
 * version (group id → places, as the database counts them).
 *
 * @example
 * ```ts
 * import type { StoredProgrammeReview } from '@eduset/adapters';
 * declare const stored: StoredProgrammeReview;
 * stored.review.state;
 * stored.taken.get('g1');
 * ```
 */
export interface StoredProgrammeReview {
  readonly review: ProgrammeReview;
  readonly taken: ReadonlyMap<string, number>;
}

/**
 * Which reviews to list: of these providers (every provider when absent), in these states
 * (every state when absent).
 *
 * @example
 * ```ts
 * import type { ProgrammeReviewFilter } from '@eduset/adapters';
 * const queue: ProgrammeReviewFilter = { states: ['submitted'] };
 * ```
 */
export interface ProgrammeReviewFilter {
  readonly providerIds?: readonly string[];
  readonly states?: readonly ProgrammeReviewState[];
}

/**
 * The programme review half of the storage (migration 0022): providers' working versions,
 * the review history and the publication of approved programmes into the public registry
 * (`financing_programmes`, the only table the navigator and enrolment read). Every step is
 * taken against the revision the person saw; the database keeps a group's places at or
 * above the places taken.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await storage.programmeReviews.list({ states: ['submitted'] });
 * await storage.close();
 * ```
 */
export interface ProgrammeReviewStore {
  /**
   * A programme's review: its stored row, or — for a programme of the public registry that
   * never went through review — approved at revision 1 with no history.
   *
   * @throws NotFoundError when no programme has this id.
   */
  get(programmeId: string): Promise<StoredProgrammeReview>;
  /** The programmes in review and in the public registry, the longest unchanged first. */
  list(filter?: ProgrammeReviewFilter): Promise<ProgrammeReviewSummary[]>;
  /**
   * Starts the review of a new programme (a draft at revision 1).
   *
   * @throws ConflictError `programme-exists` when the id is taken; NotFoundError for an
   *   unknown provider.
   */
  create(
    draft: Programme,
    by: Reviewer,
    at: Instant,
    options?: ProgrammeRoomOptions,
  ): Promise<ProgrammeReview>;
  /**
   * Takes one step of the review (core's `reviewProgramme`) on the revision the person saw:
   * `revision-moved` when it moved on; an edit and an approval are checked against the places
   * taken (`places-below-taken`, `group-in-use`); an approval publishes the programme and its
   * groups in the same transaction. The rooms its groups name are judged (an edit, a
   * submission, an approval) and held by the version that runs (`holdProgrammeRooms`), in the
   * same transaction: `room-taken` (409) when another group has the room at that time.
   */
  step(
    programmeId: string,
    revision: number,
    command: ProgrammeReviewCommand,
    by: Reviewer,
    at: Instant,
    options?: ProgrammeRoomOptions,
  ): Promise<StoredProgrammeReview>;
  /** The places left (capacity − taken) of these groups, as the database counts them now. */
  placesLeft(groupIds: readonly string[]): Promise<Map<string, number>>;
  /** The providers with these ids (every provider when absent), in id order. */
  providers(ids?: readonly string[]): Promise<Provider[]>;
}

interface ReviewRow extends Record<string, unknown> {
  programme_id: string;
  provider_id: string;
  state: ProgrammeReviewState;
  revision: number;
  draft: unknown;
}

interface EventRow extends Record<string, unknown> {
  revision: number;
  action: ProgrammeReviewEvent['action'];
  from_state: ProgrammeReviewState | null;
  to_state: ProgrammeReviewState;
  actor_account_id: string | null;
  actor_name: string;
  at: unknown;
  remarks: string | null;
}

function instantOf(value: unknown): Instant {
  if (value instanceof Date || typeof value === 'string') return instant(value);
  throw new TypeError('not a timestamp');
}

function toEvent(row: EventRow): ProgrammeReviewEvent {
  return {
    revision: Number(row.revision),
    action: row.action,
    ...(row.from_state === null ? {} : { from: row.from_state }),
    to: row.to_state,
    by: {
      ...(row.actor_account_id === null ? {} : { accountId: row.actor_account_id }),
      name: row.actor_name,
    },
    at: instantOf(row.at),
    ...(row.remarks === null ? {} : { remarks: row.remarks }),
  };
}

async function readPublished(
  session: SqlSession,
  programmeId: string,
): Promise<Programme | undefined> {
  const [row] = await session.query<{ document: unknown }>(
    'SELECT document FROM financing_programmes WHERE id = $1',
    [programmeId],
  );
  return row === undefined ? undefined : programmeSchema.parse(row.document);
}

async function readTaken(
  session: SqlSession,
  programmeId: string,
  lock: boolean,
): Promise<Map<string, number>> {
  const rows = await session.query<{ id: string; taken: number }>(
    `SELECT id, taken FROM financing_groups WHERE programme_id = $1 ORDER BY id${lock ? ' FOR UPDATE' : ''}`,
    [programmeId],
  );
  return new Map(rows.map((row) => [row.id, Number(row.taken)]));
}

async function readReview(
  session: SqlSession,
  programmeId: string,
  lock: boolean,
): Promise<ProgrammeReview> {
  const [row] = await session.query<ReviewRow>(
    `SELECT programme_id, provider_id, state, revision, draft FROM financing_programme_reviews
     WHERE programme_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [programmeId],
  );
  const published = await readPublished(session, programmeId);
  if (row === undefined) {
    if (published === undefined) throw new NotFoundError('programme', programmeId);
    return reviewOfPublished(published);
  }
  const events = await session.query<EventRow>(
    `SELECT revision, action, from_state, to_state, actor_account_id, actor_name, at, remarks
     FROM financing_programme_review_events WHERE programme_id = $1 ORDER BY revision`,
    [programmeId],
  );
  return {
    programmeId: row.programme_id,
    providerId: row.provider_id,
    state: row.state,
    revision: Number(row.revision),
    draft: programmeSchema.parse(row.draft),
    ...(published === undefined ? {} : { published }),
    history: events.map(toEvent),
  };
}

async function appendEvent(
  session: SqlSession,
  programmeId: string,
  event: ProgrammeReviewEvent,
): Promise<void> {
  await session.query(
    `INSERT INTO financing_programme_review_events
       (programme_id, revision, action, from_state, to_state, actor_account_id, actor_name, at, remarks)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9)`,
    [
      programmeId,
      event.revision,
      event.action,
      event.from ?? null,
      event.to,
      event.by.accountId ?? null,
      event.by.name,
      event.at,
      event.remarks ?? null,
    ],
  );
}

/**
 * Writes an approved programme into the public registry, in the caller's transaction (its
 * groups are locked already): the programme row, its groups (places changed only where the
 * database's `taken <= capacity` allows), and the groups it no longer has, removed when no
 * contract names them.
 */
async function publish(session: SqlSession, programme: Programme): Promise<void> {
  await session.query(
    `INSERT INTO financing_programmes
       (id, provider_id, name, funding_kind, direction, age_from, age_to, max_enrolments, document)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, funding_kind = excluded.funding_kind,
       direction = excluded.direction, age_from = excluded.age_from, age_to = excluded.age_to,
       max_enrolments = excluded.max_enrolments, document = excluded.document
     WHERE financing_programmes.provider_id = excluded.provider_id`,
    [
      programme.id,
      programme.providerId,
      programme.name,
      programme.fundingKind,
      programme.direction,
      programme.ageFrom,
      programme.ageTo,
      programme.maxEnrolments ?? null,
      JSON.stringify(programme),
    ],
  );
  const groups = programme.modules.flatMap((module) =>
    module.groups.map((group) => ({
      id: group.id,
      programme_id: programme.id,
      module_id: module.id,
      capacity: group.capacity,
    })),
  );
  const written = await session.query<{ id: string }>(
    `INSERT INTO financing_groups (id, programme_id, module_id, capacity)
     SELECT id, programme_id, module_id, capacity FROM jsonb_to_recordset($1::jsonb)
       AS r(id text, programme_id text, module_id text, capacity integer)
     ON CONFLICT (id) DO UPDATE SET module_id = excluded.module_id, capacity = excluded.capacity
     WHERE financing_groups.programme_id = excluded.programme_id
     RETURNING id`,
    [JSON.stringify(groups)],
  );
  if (written.length !== groups.length) {
    // A group id of another programme: never happens through core's draft builder.
    throw new ConflictError('group-of-another-programme', {
      ru: 'Код группы уже занят другой программой',
      en: 'A group id belongs to another programme',
    });
  }
  await session.query(
    `DELETE FROM financing_groups g WHERE g.programme_id = $1
       AND g.id NOT IN (SELECT jsonb_array_elements_text($2::jsonb))
       AND g.taken = 0
       AND NOT EXISTS (SELECT 1 FROM financing_contracts c WHERE c.group_id = g.id)`,
    [programme.id, JSON.stringify(groups.map((group) => group.id))],
  );
}

interface SummaryRow extends Record<string, unknown> {
  programme_id: string;
  provider_id: string;
  provider_name: string;
  name: string;
  funding_kind: ProgrammeReviewSummary['fundingKind'];
  direction: ProgrammeReviewSummary['direction'];
  state: ProgrammeReviewState;
  revision: number;
  published: boolean;
  updated_at: unknown;
  remarks: string | null;
}

/**
 * The programme review store over one database (see {@link ProgrammeReviewStore}).
 *
 * @example
 * ```ts
 * import { programmeReviewStore } from './programme-reviews.js';
 * declare const database: Parameters<typeof programmeReviewStore>[0];
 * const store = programmeReviewStore(database);
 * ```
 */
export function programmeReviewStore(database: Database): ProgrammeReviewStore {
  return {
    get(programmeId) {
      return database.transaction(async (session) => {
        await session.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const review = await readReview(session, programmeId, false);
        return { review, taken: await readTaken(session, programmeId, false) };
      });
    },

    async list(filter = {}) {
      const states = filter.states ?? programmeReviewStates;
      const providers = filter.providerIds === undefined ? null : [...filter.providerIds];
      const rows = await database.query<SummaryRow>(
        `SELECT r.programme_id, r.provider_id, p.name AS provider_name, r.draft ->> 'name' AS name,
           r.draft ->> 'fundingKind' AS funding_kind, r.draft ->> 'direction' AS direction,
           r.state, r.revision, (fp.id IS NOT NULL) AS published, r.updated_at,
           CASE WHEN r.state = 'returned' THEN (
             SELECT e.remarks FROM financing_programme_review_events e
             WHERE e.programme_id = r.programme_id AND e.action = 'return'
             ORDER BY e.revision DESC LIMIT 1) END AS remarks
         FROM financing_programme_reviews r
         JOIN financing_providers p ON p.id = r.provider_id
         LEFT JOIN financing_programmes fp ON fp.id = r.programme_id
         WHERE ($1::jsonb IS NULL OR r.provider_id IN (SELECT jsonb_array_elements_text($1::jsonb)))
           AND r.state IN (SELECT jsonb_array_elements_text($2::jsonb))
         UNION ALL
         SELECT fp.id, fp.provider_id, p.name, fp.name, fp.funding_kind, fp.direction,
           'approved', 1, true, NULL, NULL
         FROM financing_programmes fp
         JOIN financing_providers p ON p.id = fp.provider_id
         WHERE ($1::jsonb IS NULL OR fp.provider_id IN (SELECT jsonb_array_elements_text($1::jsonb)))
           AND $2::jsonb ? 'approved'
           AND NOT EXISTS (SELECT 1 FROM financing_programme_reviews r WHERE r.programme_id = fp.id)
         ORDER BY updated_at ASC NULLS LAST, name, programme_id`,
        [providers === null ? null : JSON.stringify(providers), JSON.stringify(states)],
      );
      return rows.map((row) => ({
        programmeId: row.programme_id,
        providerId: row.provider_id,
        providerName: row.provider_name,
        name: row.name,
        fundingKind: row.funding_kind,
        direction: row.direction,
        state: row.state,
        revision: Number(row.revision),
        published: Boolean(row.published),
        ...(row.updated_at === null ? {} : { updatedAt: instantOf(row.updated_at) }),
        ...(row.remarks === null ? {} : { remarks: row.remarks }),
      }));
    },

    async create(input, by, at, options = {}) {
      const review = startProgrammeReview(
        programmeSchema.parse(JSON.parse(JSON.stringify(input))),
        {
          by,
          at,
        },
      );
      const [event] = review.history;
      if (event === undefined) throw new Error('a new review has its first step');
      try {
        await database.transaction(async (session) => {
          const provider = await session.query('SELECT 1 FROM financing_providers WHERE id = $1', [
            review.providerId,
          ]);
          if (provider.length === 0) throw new NotFoundError('provider', review.providerId);
          const inserted = await session.query(
            `INSERT INTO financing_programme_reviews (programme_id, provider_id, state, revision, draft, updated_at)
             SELECT $1, $2, $3, $4, $5::jsonb, $6::timestamptz
             WHERE NOT EXISTS (SELECT 1 FROM financing_programmes WHERE id = $1)
             RETURNING programme_id`,
            [
              review.programmeId,
              review.providerId,
              review.state,
              review.revision,
              JSON.stringify(review.draft),
              at,
            ],
          );
          if (inserted.length === 0) throw new Error('exists');
          await appendEvent(session, review.programmeId, event);
          // A new draft holds no room, but a room that does not fit is refused at once.
          await holdProgrammeRooms(
            session,
            options.networkId ?? NO_NETWORK,
            review.programmeId,
            review.draft,
            undefined,
          );
        });
      } catch (error) {
        if (
          sqlState(error) === UNIQUE_VIOLATION ||
          (error instanceof Error && error.message === 'exists')
        ) {
          throw new ConflictError('programme-exists', {
            ru: `Программа с кодом «${review.programmeId}» уже есть`,
            en: `A programme with the id "${review.programmeId}" exists already`,
          });
        }
        throw error;
      }
      return review;
    },

    async step(programmeId, revision, command, by, at, options = {}) {
      try {
        return await database.transaction(async (session) => {
          // A reviewed programme's row, created for one of the public registry on its first step.
          await session.query(
            `INSERT INTO financing_programme_reviews (programme_id, provider_id, state, revision, draft, updated_at)
             SELECT id, provider_id, 'approved', 1, document, $2::timestamptz FROM financing_programmes
             WHERE id = $1 ON CONFLICT (programme_id) DO NOTHING`,
            [programmeId, at],
          );
          const review = await readReview(session, programmeId, true);
          if (review.revision !== revision) {
            throw new ProgrammeReviewError('revision-moved', {
              ru: `версия ${String(revision)}, теперь ${String(review.revision)}`,
              en: `revision ${String(revision)}, now ${String(review.revision)}`,
            });
          }
          const next = reviewProgramme(review, command, { by, at });
          // Groups locked: enrolments into them wait until this step is done.
          const taken = await readTaken(session, programmeId, true);
          if (command.action === 'edit' || command.action === 'approve') {
            checkPlacesTaken(next.review.draft, review.published, taken);
          }
          const updated = await session.query(
            `UPDATE financing_programme_reviews SET state = $3, revision = $4, draft = $5::jsonb,
               updated_at = $6::timestamptz
             WHERE programme_id = $1 AND revision = $2 RETURNING programme_id`,
            [
              programmeId,
              revision,
              next.review.state,
              next.review.revision,
              JSON.stringify(next.review.draft),
              at,
            ],
          );
          if (updated.length === 0) throw new ProgrammeReviewError('revision-moved');
          await appendEvent(session, programmeId, next.event);
          const judges =
            command.action === 'edit' ||
            command.action === 'submit' ||
            command.action === 'approve';
          await holdProgrammeRooms(
            session,
            options.networkId ?? NO_NETWORK,
            programmeId,
            judges ? next.review.draft : undefined,
            heldVersion(next.review),
          );
          if (next.publish !== undefined) await publish(session, next.publish);
          return {
            review: next.review,
            taken:
              next.publish === undefined ? taken : await readTaken(session, programmeId, false),
          };
        });
      } catch (error) {
        const state = sqlState(error);
        if (state === UNIQUE_VIOLATION) throw new ProgrammeReviewError('revision-moved');
        if (state === CHECK_VIOLATION) throw new ProgrammeReviewError('places-below-taken');
        throw error;
      }
    },

    async placesLeft(groupIds) {
      if (groupIds.length === 0) return new Map();
      const rows = await database.query<{ id: string; places_left: number }>(
        `SELECT id, capacity - taken AS places_left FROM financing_groups
         WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
        [JSON.stringify(groupIds)],
      );
      return new Map(rows.map((row) => [row.id, Math.max(0, Number(row.places_left))]));
    },

    async providers(ids) {
      const rows = await database.query<{
        id: string;
        name: string;
        kind: string;
        district: string | null;
      }>(
        `SELECT id, name, kind, district FROM financing_providers
         WHERE $1::jsonb IS NULL OR id IN (SELECT jsonb_array_elements_text($1::jsonb))
         ORDER BY id`,
        [ids === undefined ? null : JSON.stringify(ids)],
      );
      return rows.map((row) =>
        providerSchema.parse({
          id: row.id,
          name: row.name,
          kind: row.kind,
          ...(row.district === null ? {} : { district: row.district }),
        }),
      );
    },
  };
}
