import {
  certificateGroupSchema,
  checkDirectionLimits,
  directionLimitsSchema,
  directionLimitsVersionSchema,
  directions,
  nextVersion,
  parametersDefinition,
  parametersVersionSchema,
  RegistryError,
  type Direction,
  type DirectionLimits,
  type DirectionLimitsVersion,
  type FinancingPeriod,
  type Instant,
  type ParametersVersion,
  type VersionAuthor,
} from '@eduset/core';
import type { Database, SqlSession } from './database.js';

/**
 * A change of a period's normative-cost parameters: the version it is based on (0 when the
 * period has none), the coefficients and municipality, a note, who and when.
 *
 * @example
 * ```ts
 * import type { ParametersInput } from '@eduset/adapters';
 * declare const coefficients: unknown;
 * const input: ParametersInput = {
 *   period: '2026-2027', basedOn: 0, coefficients,
 *   by: { accountId: 'acc-1', name: 'Оператор' }, at: '2026-09-01T09:00:00.000Z' as never,
 * };
 * ```
 */
export interface ParametersInput {
  readonly period: string;
  readonly basedOn: number;
  readonly coefficients: unknown;
  readonly municipality?: string;
  readonly note?: string;
  readonly by: VersionAuthor;
  readonly at: Instant;
}

/**
 * A change of a period's direction limits (see {@link ParametersInput}).
 *
 * @example
 * ```ts
 * import type { DirectionLimitsInput } from '@eduset/adapters';
 * const input: DirectionLimitsInput = {
 *   period: '2026-2027', basedOn: 0, limits: { technical: 200 },
 *   by: { accountId: 'acc-1', name: 'Оператор' }, at: '2026-09-01T09:00:00.000Z' as never,
 * };
 * ```
 */
export interface DirectionLimitsInput {
  readonly period: string;
  readonly basedOn: number;
  readonly limits: DirectionLimits;
  readonly note?: string;
  readonly by: VersionAuthor;
  readonly at: Instant;
}

/**
 * A direction's limit in a period (`null`: none) and the funded enrolments counted against it.
 *
 * @example
 * ```ts
 * import type { DirectionCount } from '@eduset/adapters';
 * const count: DirectionCount = { direction: 'technical', max: 200, enrolments: 12 };
 * ```
 */
export interface DirectionCount {
  readonly direction: Direction;
  readonly max: number | null;
  readonly enrolments: number;
}

/**
 * The versioned parameters of financing per period (migration 0027): normative-cost
 * coefficients and the payer's direction limits. Every change is a new version with who and
 * when; versions are never changed (the database refuses it) and stay readable; a version
 * number is taken once, so a change made from an older version is refused
 * (`RegistryError('version-moved')`). Saving limits also sets the counters enrolment checks
 * use, under the same rule as enrolments: a limit below what is counted is refused.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await storage.financingParameters.parameters('2026-2027');
 * await storage.close();
 * ```
 */
export interface FinancingParametersStore {
  /** The period as a certificate group states it, or undefined when no group has it. */
  period(id: string): Promise<FinancingPeriod | undefined>;
  /** Every version of a period's normative-cost parameters, oldest first. */
  parameters(period: string): Promise<ParametersVersion[]>;
  /** Saves a new version of a period's parameters. */
  saveParameters(input: ParametersInput): Promise<ParametersVersion>;
  /** Every version of a period's direction limits, oldest first, and the counts now. */
  directionLimits(
    period: string,
  ): Promise<{ readonly versions: DirectionLimitsVersion[]; readonly counts: DirectionCount[] }>;
  /** Saves a new version of a period's direction limits and sets the counters. */
  saveDirectionLimits(input: DirectionLimitsInput): Promise<DirectionLimitsVersion>;
  /** The versions in force when a contract was made (`null`: none saved then). */
  contractVersions(
    contractId: string,
  ): Promise<{ readonly parametersVersion: number | null; readonly limitsVersion: number | null }>;
}

const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';
const DEADLOCK = '40P01';

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

interface VersionRow extends Record<string, unknown> {
  period: string;
  version: number;
  body: unknown;
  changed_by: string;
  changed_by_name: string;
  changed_at: string;
  note: string | null;
}

const versionColumns = `period, version, changed_by, changed_by_name,
  to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS changed_at, note`;

function common(row: VersionRow) {
  return {
    period: row.period,
    version: Number(row.version),
    changedBy: { accountId: row.changed_by, name: row.changed_by_name },
    changedAt: row.changed_at,
    ...(row.note === null ? {} : { note: row.note }),
  };
}

async function readParameters(session: SqlSession, period: string): Promise<ParametersVersion[]> {
  const rows = await session.query<VersionRow>(
    `SELECT ${versionColumns}, definition AS body FROM financing_parameter_versions
     WHERE period = $1 ORDER BY version`,
    [period],
  );
  return rows.map((row) => parametersVersionSchema.parse({ ...common(row), definition: row.body }));
}

async function readLimitVersions(
  session: SqlSession,
  period: string,
): Promise<DirectionLimitsVersion[]> {
  const rows = await session.query<VersionRow>(
    `SELECT ${versionColumns}, limits AS body FROM financing_direction_limit_versions
     WHERE period = $1 ORDER BY version`,
    [period],
  );
  return rows.map((row) =>
    directionLimitsVersionSchema.parse({ ...common(row), limits: row.body }),
  );
}

/**
 * Funded enrolments of a period per direction, counted from the contracts as enrolment counts
 * them: a contract whose certificate pays a part, requested, accepted or active, or closed at
 * its end (a refusal, a lapse and a termination give the place back).
 */
async function countedFromContracts(
  session: SqlSession,
  period: string,
): Promise<Map<string, number>> {
  const rows = await session.query<{ direction: string; enrolments: number }>(
    `SELECT direction, count(*)::int AS enrolments FROM financing_contracts
     WHERE period = $1 AND (document->>'certificate')::numeric > 0
       AND (status IN ('requested', 'accepted', 'active')
            OR (status = 'closed' AND document->>'closedBy' = 'end'))
     GROUP BY direction`,
    [period],
  );
  return new Map(rows.map((row) => [row.direction, Number(row.enrolments)]));
}

async function insertVersion<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) throw new RegistryError('version-moved');
    throw error;
  }
}

/**
 * The versioned financing parameters over one database (see {@link FinancingParametersStore}).
 *
 * @example
 * ```ts
 * import { financingParametersStore } from './financing-parameters.js';
 * declare const database: Parameters<typeof financingParametersStore>[0];
 * const parameters = financingParametersStore(database);
 * ```
 */
export function financingParametersStore(database: Database): FinancingParametersStore {
  return {
    async period(id) {
      const [row] = await database.query<{ document: unknown }>(
        'SELECT document FROM certificate_groups WHERE period = $1 ORDER BY id LIMIT 1',
        [id],
      );
      return row === undefined ? undefined : certificateGroupSchema.parse(row.document).period;
    },

    parameters(period) {
      return readParameters(database, period);
    },

    saveParameters(input) {
      return database.transaction(async (session) => {
        const history = await readParameters(session, input.period);
        const version = nextVersion(history, input.basedOn);
        const definition = parametersDefinition(input.period, version, {
          coefficients: input.coefficients,
          ...(input.municipality === undefined ? {} : { municipality: input.municipality }),
        });
        const saved = parametersVersionSchema.parse({
          period: input.period,
          version,
          definition: JSON.parse(JSON.stringify(definition)) as unknown,
          changedBy: input.by,
          changedAt: input.at,
          ...(input.note === undefined ? {} : { note: input.note }),
        });
        await insertVersion(() =>
          session.query(
            `INSERT INTO financing_parameter_versions
               (period, version, definition, changed_by, changed_by_name, changed_at, note)
             VALUES ($1, $2, $3::jsonb, $4, $5, $6::timestamptz, $7)`,
            [
              saved.period,
              saved.version,
              JSON.stringify(saved.definition),
              saved.changedBy.accountId,
              saved.changedBy.name,
              saved.changedAt,
              saved.note ?? null,
            ],
          ),
        );
        return saved;
      });
    },

    async directionLimits(period) {
      return database.transaction(async (session) => {
        await session.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const versions = await readLimitVersions(session, period);
        const rows = await session.query<{
          direction: string;
          max_enrolments: number | null;
          enrolments: number;
        }>(
          'SELECT direction, max_enrolments, enrolments FROM financing_direction_limits WHERE period = $1',
          [period],
        );
        const counted = await countedFromContracts(session, period);
        const counts = directions.map((direction): DirectionCount => {
          const row = rows.find((candidate) => candidate.direction === direction);
          return row === undefined
            ? { direction, max: null, enrolments: counted.get(direction) ?? 0 }
            : {
                direction,
                max: row.max_enrolments === null ? null : Number(row.max_enrolments),
                enrolments: Number(row.enrolments),
              };
        });
        return { versions, counts };
      });
    },

    async saveDirectionLimits(input) {
      const limits = directionLimitsSchema.parse(input.limits);
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await database.transaction(async (session) => {
            // The counters first (an enrolment holding one finishes), then no contract is
            // added or freed until this change is stored: the counts below are exact.
            const rows = await session.query<{
              period: string;
              direction: string;
              enrolments: number;
            }>(
              `SELECT period, direction, enrolments FROM financing_direction_limits
               WHERE period IN ($1, '') ORDER BY period, direction FOR UPDATE`,
              [input.period],
            );
            await session.query('LOCK TABLE financing_contracts IN SHARE MODE');
            const history = await readLimitVersions(session, input.period);
            const version = nextVersion(history, input.basedOn);
            const counted = await countedFromContracts(session, input.period);
            const own = new Map(
              rows
                .filter((row) => row.period === input.period)
                .map((row) => [row.direction, Number(row.enrolments)]),
            );
            const legacy = new Set(
              rows.filter((row) => row.period === '').map((row) => row.direction),
            );
            const enrolments = Object.fromEntries(
              directions.map((direction) => [
                direction,
                own.get(direction) ?? counted.get(direction) ?? 0,
              ]),
            ) as Record<Direction, number>;
            checkDirectionLimits(limits, enrolments);
            for (const direction of directions) {
              const max = limits[direction] ?? null;
              if (own.has(direction)) {
                await session.query(
                  `UPDATE financing_direction_limits SET max_enrolments = $3
                   WHERE period = $1 AND direction = $2`,
                  [input.period, direction, max],
                );
              } else if (max !== null) {
                // The period's own counter from now on: its enrolments leave the counter set
                // without a period.
                const taken = counted.get(direction) ?? 0;
                await session.query(
                  `INSERT INTO financing_direction_limits (period, direction, max_enrolments, enrolments)
                   VALUES ($1, $2, $3, $4)`,
                  [input.period, direction, max, taken],
                );
                if (legacy.has(direction) && taken > 0) {
                  await session.query(
                    `UPDATE financing_direction_limits SET enrolments = greatest(0, enrolments - $2)
                     WHERE period = '' AND direction = $1`,
                    [direction, taken],
                  );
                }
              }
            }
            const saved = directionLimitsVersionSchema.parse({
              period: input.period,
              version,
              limits,
              changedBy: input.by,
              changedAt: input.at,
              ...(input.note === undefined ? {} : { note: input.note }),
            });
            await insertVersion(() =>
              session.query(
                `INSERT INTO financing_direction_limit_versions
                   (period, version, limits, changed_by, changed_by_name, changed_at, note)
                 VALUES ($1, $2, $3::jsonb, $4, $5, $6::timestamptz, $7)`,
                [
                  saved.period,
                  saved.version,
                  JSON.stringify(saved.limits),
                  saved.changedBy.accountId,
                  saved.changedBy.name,
                  saved.changedAt,
                  saved.note ?? null,
                ],
              ),
            );
            return saved;
          });
        } catch (error) {
          if (sqlState(error) === CHECK_VIOLATION) {
            throw new RegistryError('limit-below-enrolments');
          }
          if (sqlState(error) !== DEADLOCK || attempt >= 20) throw error;
        }
      }
    },

    async contractVersions(contractId) {
      const [row] = await database.query<{
        parameters_version: number | null;
        limits_version: number | null;
      }>(
        'SELECT parameters_version, limits_version FROM financing_contract_versions WHERE contract_id = $1',
        [contractId],
      );
      return {
        parametersVersion: row?.parameters_version ?? null,
        limitsVersion: row?.limits_version ?? null,
      };
    },
  };
}
