import { instant, ValidationError, type Instant, type ValidationIssue } from '@eduset/core';
import {
  parseSchoolProfiles,
  schoolMapDataSchema,
  type IdentificationResult,
  type SchoolMapData,
  type SchoolProfile,
} from '@eduset/core/schools';
import type { Database, SqlParam } from './database.js';

/**
 * One import of a district's school profiles for a year: the profiles of one file (already
 * parsed, every row accepted), replacing the district's profiles of that year.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { SchoolProfileImportInput } from '@eduset/adapters';
 * declare const schools: import('@eduset/core/schools').SchoolProfile[];
 * const input: SchoolProfileImportInput = {
 *   districtId: 'tutaev', districtName: 'Тутаевский район', year: 2016, schools,
 *   source: 'passports-2016.xlsx', importedBy: 'coordinator', importedAt: instant(new Date()),
 * };
 * ```
 */
export interface SchoolProfileImportInput {
  /** The district: its id is the network id staff grants name. */
  readonly districtId: string;
  /** The district's name as people know it (stored, or renamed, with the import). */
  readonly districtName: string;
  /** The year the profiles' figures are of (the identification year). */
  readonly year: number;
  readonly schools: readonly SchoolProfile[];
  /** The file the profiles came from (its name). */
  readonly source: string;
  /** Who imported (a staff login or `cli`). */
  readonly importedBy: string;
  readonly importedAt: Instant;
}

/**
 * The record of a stored import of school profiles.
 *
 * @example
 * ```ts
 * import type { SchoolProfileImportRecord } from '@eduset/adapters';
 * declare const record: SchoolProfileImportRecord;
 * record.schoolCount;
 * ```
 */
export interface SchoolProfileImportRecord {
  readonly id: number;
  readonly districtId: string;
  readonly year: number;
  readonly source: string;
  readonly schoolCount: number;
  readonly importedBy: string;
  readonly importedAt: Instant;
}

/**
 * A stored district: its name and the years it has profiles of (ascending).
 *
 * @example
 * ```ts
 * import type { StoredSchoolDistrict } from '@eduset/adapters';
 * declare const district: StoredSchoolDistrict;
 * district.years.at(-1); // the latest year
 * ```
 */
export interface StoredSchoolDistrict {
  readonly id: string;
  readonly name: string;
  readonly years: readonly number[];
}

/**
 * A district's profiles of one year as stored, with the import that wrote them.
 *
 * @example
 * ```ts
 * import type { StoredSchoolYear } from '@eduset/adapters';
 * declare const stored: StoredSchoolYear;
 * stored.schools.length === stored.import.schoolCount; // true
 * ```
 */
export interface StoredSchoolYear {
  readonly districtId: string;
  readonly name: string;
  readonly year: number;
  readonly schools: readonly SchoolProfile[];
  readonly import: SchoolProfileImportRecord;
}

/**
 * An identification run to store: what it read (the profiles' import), how it judged (the
 * definitions' ids and versions are in `result`) and what it found.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { IdentificationRunInput } from '@eduset/adapters';
 * declare const result: import('@eduset/core/schools').IdentificationResult;
 * declare const map: import('@eduset/core/schools').SchoolMapData;
 * const run: IdentificationRunInput = {
 *   districtId: 'tutaev', profileImportId: 1, clusters: 4, result, map,
 *   runBy: 'coordinator', runAt: instant(new Date()),
 * };
 * ```
 */
export interface IdentificationRunInput {
  readonly districtId: string;
  readonly profileImportId: number;
  /** The clusters the map was asked for (0: none). */
  readonly clusters: number;
  readonly result: IdentificationResult;
  readonly map: SchoolMapData;
  readonly runBy: string;
  readonly runAt: Instant;
}

/**
 * A stored identification run, without its result: the list a coordinator sees.
 *
 * @example
 * ```ts
 * import type { IdentificationRunRecord } from '@eduset/adapters';
 * declare const run: IdentificationRunRecord;
 * `${run.definition.id} ${run.definition.version}: ${run.flagged} of ${run.schoolCount}`;
 * ```
 */
export interface IdentificationRunRecord {
  readonly id: number;
  readonly districtId: string;
  readonly year: number;
  readonly profileImportId: number;
  /** The identification definition used. */
  readonly definition: { readonly id: string; readonly version: string };
  /** The well-being index used. */
  readonly index: { readonly id: string; readonly version: string };
  readonly clusters: number;
  /** Schools with at least one flag. */
  readonly flagged: number;
  readonly schoolCount: number;
  readonly runBy: string;
  readonly runAt: Instant;
}

/**
 * A stored identification run with what it found.
 *
 * @example
 * ```ts
 * import type { StoredIdentificationRun } from '@eduset/adapters';
 * declare const run: StoredIdentificationRun;
 * run.map.schools.length === run.result.schools.length; // true
 * ```
 */
export interface StoredIdentificationRun extends IdentificationRunRecord {
  readonly result: IdentificationResult;
  readonly map: SchoolMapData;
}

/**
 * School profiles by district and year, and identification runs, kept by the database
 * (migration 0034). An import replaces a district's profiles of its year in one transaction;
 * a run is stored once for the same inputs (the profiles' import, the definitions' versions,
 * the clusters), however many processes run it at once.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * declare const schools: import('@eduset/core/schools').SchoolProfile[];
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await storage.schools.replaceYear({
 *   districtId: 'tutaev', districtName: 'Тутаевский район', year: 2016, schools,
 *   source: 'passports.xlsx', importedBy: 'cli', importedAt: instant(new Date()),
 * });
 * (await storage.schools.districts())[0]?.years; // [2016]
 * ```
 */
export interface SchoolProfileStore {
  /**
   * Replaces, in one transaction, the district's profiles of the year with the import's,
   * stores the district (or its new name) and records the import. On any error nothing
   * changes.
   *
   * @throws ValidationError when a profile, the year or a name is not valid (every problem
   *   listed), or two profiles share an id.
   */
  replaceYear(input: SchoolProfileImportInput): Promise<SchoolProfileImportRecord>;
  /** The stored districts with the years they have profiles of, by id. */
  districts(): Promise<StoredSchoolDistrict[]>;
  /**
   * A district's profiles of a year (the latest year by default), in file order; `undefined`
   * when the district or the year has none.
   */
  year(districtId: string, year?: number): Promise<StoredSchoolYear | undefined>;
  /**
   * Stores a run, or gives the run already stored for the same inputs (the profiles'
   * import, the definition and index versions, the clusters).
   */
  saveRun(input: IdentificationRunInput): Promise<StoredIdentificationRun>;
  /** The run stored for these inputs, if any. */
  findRun(query: {
    readonly profileImportId: number;
    readonly definition: { readonly id: string; readonly version: string };
    readonly index: { readonly id: string; readonly version: string };
    readonly clusters: number;
  }): Promise<StoredIdentificationRun | undefined>;
  /** The district's latest run (of any year), if any. */
  latestRun(districtId: string): Promise<StoredIdentificationRun | undefined>;
  /** The id of the district's latest run, if any: whether a run held in memory is current. */
  latestRunId(districtId: string): Promise<number | undefined>;
  /** The district's runs, latest first, without their results. */
  runs(districtId: string, limit?: number): Promise<IdentificationRunRecord[]>;
}

interface ImportRow extends Record<string, unknown> {
  id: number | string;
  district_id: string;
  year: number;
  source: string;
  school_count: number;
  imported_by: string;
  imported_at: Date | string;
}

interface RunRow extends Record<string, unknown> {
  id: number | string;
  district_id: string;
  year: number;
  profile_import_id: number | string;
  definition_id: string;
  definition_version: string;
  index_id: string;
  index_version: string;
  clusters: number;
  flagged: number;
  school_count: number;
  run_by: string;
  run_at: Date | string;
  result?: unknown;
  map?: unknown;
}

const importColumns = 'id, district_id, year, source, school_count, imported_by, imported_at';
const runColumns = `id, district_id, year, profile_import_id, definition_id, definition_version,
  index_id, index_version, clusters, flagged, school_count, run_by, run_at`;

function importOf(row: ImportRow): SchoolProfileImportRecord {
  return {
    id: Number(row.id),
    districtId: row.district_id,
    year: Number(row.year),
    source: row.source,
    schoolCount: Number(row.school_count),
    importedBy: row.imported_by,
    importedAt: instant(row.imported_at),
  };
}

const jsonOf = (value: unknown): unknown =>
  typeof value === 'string' ? (JSON.parse(value) as unknown) : value;

function runRecordOf(row: RunRow): IdentificationRunRecord {
  return {
    id: Number(row.id),
    districtId: row.district_id,
    year: Number(row.year),
    profileImportId: Number(row.profile_import_id),
    definition: { id: row.definition_id, version: row.definition_version },
    index: { id: row.index_id, version: row.index_version },
    clusters: Number(row.clusters),
    flagged: Number(row.flagged),
    schoolCount: Number(row.school_count),
    runBy: row.run_by,
    runAt: instant(row.run_at),
  };
}

function storedRunOf(row: RunRow): StoredIdentificationRun {
  return {
    ...runRecordOf(row),
    // Written by saveRun from core's identification: its own output, read back as written.
    result: jsonOf(row.result) as IdentificationResult,
    // The map is what the public API answers: validated on the way out as on the way in.
    map: schoolMapDataSchema.parse(jsonOf(row.map)),
  };
}

function textIssue(value: string, field: string, max: number): ValidationIssue[] {
  if (value.length >= 1 && value.length <= max) return [];
  return [
    {
      path: [field],
      code: 'invalid_length',
      message: { ru: `${field}: от 1 до ${max} символов`, en: `${field}: 1 to ${max} characters` },
    },
  ];
}

function yearIssue(year: number): ValidationIssue[] {
  if (Number.isInteger(year) && year >= 1900 && year <= 2200) return [];
  return [
    {
      path: ['year'],
      code: 'invalid_year',
      message: {
        ru: `Год должен быть целым числом от 1900 до 2200, а не ${year}`,
        en: `The year must be a whole number from 1900 to 2200, not ${year}`,
      },
    },
  ];
}

/** The school profile store over a database. */
export function schoolProfileStore(database: Database): SchoolProfileStore {
  async function readRun(
    where: string,
    params: readonly SqlParam[],
  ): Promise<StoredIdentificationRun | undefined> {
    const [row] = await database.query<RunRow>(
      `SELECT ${runColumns}, result::text AS result, map::text AS map
         FROM identification_runs WHERE ${where} ORDER BY id DESC LIMIT 1`,
      params,
    );
    return row === undefined ? undefined : storedRunOf(row);
  }
  const findRun: SchoolProfileStore['findRun'] = (query) =>
    readRun(
      `profile_import_id = $1 AND definition_id = $2 AND definition_version = $3
         AND index_id = $4 AND index_version = $5 AND clusters = $6`,
      [
        query.profileImportId,
        query.definition.id,
        query.definition.version,
        query.index.id,
        query.index.version,
        query.clusters,
      ],
    );
  return {
    async replaceYear(input) {
      const issues = [
        ...textIssue(input.districtId, 'districtId', 100),
        ...textIssue(input.districtName, 'districtName', 300),
        ...textIssue(input.source, 'source', 300),
        ...textIssue(input.importedBy, 'importedBy', 200),
        ...yearIssue(input.year),
      ];
      if (issues.length > 0) throw new ValidationError(issues);
      // Core's schema: every profile valid, ids unique (a ValidationError otherwise).
      const schools = parseSchoolProfiles(input.schools);
      return database.transaction(async (session) => {
        await session.query(
          `INSERT INTO school_districts (id, name) VALUES ($1, $2)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name`,
          [input.districtId, input.districtName],
        );
        // Imports of one district's year take turns: two at once would both delete the same
        // rows (seeing neither's new ones) and then both insert.
        await session.query('SELECT id FROM school_districts WHERE id = $1 FOR UPDATE', [
          input.districtId,
        ]);
        const [row] = await session.query<ImportRow>(
          `INSERT INTO school_profile_imports
             (district_id, year, source, school_count, imported_by, imported_at)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${importColumns}`,
          [
            input.districtId,
            input.year,
            input.source,
            schools.length,
            input.importedBy,
            input.importedAt,
          ],
        );
        if (row === undefined) throw new Error('school_profile_imports: no row returned');
        await session.query('DELETE FROM school_profiles WHERE district_id = $1 AND year = $2', [
          input.districtId,
          input.year,
        ]);
        if (schools.length > 0) {
          await session.query(
            `INSERT INTO school_profiles (district_id, year, school_id, position, profile, import_id)
             SELECT $1, $2, p.profile ->> 'id', p.n, p.profile, $3
               FROM jsonb_to_recordset($4::jsonb) AS p(n integer, profile jsonb)`,
            [
              input.districtId,
              input.year,
              Number(row.id),
              JSON.stringify(schools.map((profile, n) => ({ n, profile }))),
            ],
          );
        }
        return importOf(row);
      });
    },

    async districts() {
      const rows = await database.query<{ id: string; name: string; years: string | null }>(
        // A year has profiles when its latest import had schools: read from the imports (a
        // few rows a district), not from every school's row.
        `SELECT d.id, d.name,
                (SELECT string_agg(i.year::text, ',')
                   FROM (SELECT DISTINCT ON (year) year, school_count
                           FROM school_profile_imports
                          WHERE district_id = d.id
                          ORDER BY year, id DESC) i
                  WHERE i.school_count > 0) AS years
           FROM school_districts d ORDER BY d.id`,
      );
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        years: (row.years ?? '')
          .split(',')
          .filter((year) => year !== '')
          .map(Number)
          .sort((a, b) => a - b),
      }));
    },

    async year(districtId, year) {
      return database.transaction(async (session) => {
        // One snapshot: the profiles and their import, even while another import replaces them.
        await session.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const [district] = await session.query<{ name: string; year: number | null }>(
          `SELECT name, (SELECT max(year) FROM school_profiles WHERE district_id = $1) AS year
             FROM school_districts WHERE id = $1`,
          [districtId],
        );
        const chosen = year ?? (district?.year === null ? undefined : district?.year);
        if (district === undefined || chosen === undefined) return undefined;
        const rows = await session.query<{ profile: string; import_id: number | string }>(
          `SELECT profile::text AS profile, import_id FROM school_profiles
            WHERE district_id = $1 AND year = $2 ORDER BY position`,
          [districtId, chosen],
        );
        const first = rows[0];
        if (first === undefined) return undefined;
        const [imported] = await session.query<ImportRow>(
          `SELECT ${importColumns} FROM school_profile_imports WHERE id = $1`,
          [first.import_id],
        );
        if (imported === undefined) return undefined;
        return {
          districtId,
          name: district.name,
          year: Number(chosen),
          schools: parseSchoolProfiles(rows.map((row) => JSON.parse(row.profile) as unknown)),
          import: importOf(imported),
        };
      });
    },

    async saveRun(input) {
      const issues = [
        ...textIssue(input.runBy, 'runBy', 200),
        ...(Number.isInteger(input.clusters) && input.clusters >= 0 && input.clusters <= 100
          ? []
          : [
              {
                path: ['clusters'],
                code: 'invalid_clusters',
                message: {
                  ru: 'Число кластеров — целое от 0 до 100',
                  en: 'The number of clusters is a whole number from 0 to 100',
                },
              },
            ]),
      ];
      if (issues.length > 0) throw new ValidationError(issues);
      const map = schoolMapDataSchema.parse(input.map);
      const { result } = input;
      const flagged = result.schools.filter((school) =>
        Object.values(school.flags).some(Boolean),
      ).length;
      await database.query(
        `INSERT INTO identification_runs
           (district_id, year, profile_import_id, definition_id, definition_version, index_id,
            index_version, clusters, flagged, school_count, result, map, run_by, run_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14)
         ON CONFLICT (profile_import_id, definition_id, definition_version, index_id,
                      index_version, clusters) DO NOTHING`,
        [
          input.districtId,
          result.year,
          input.profileImportId,
          result.definition.id,
          result.definition.version,
          result.index.definition.id,
          result.index.definition.version,
          input.clusters,
          flagged,
          result.schools.length,
          JSON.stringify(result),
          JSON.stringify(map),
          input.runBy,
          input.runAt,
        ],
      );
      const stored = await findRun({
        profileImportId: input.profileImportId,
        definition: result.definition,
        index: result.index.definition,
        clusters: input.clusters,
      });
      if (stored === undefined) throw new Error('identification_runs: the run was not stored');
      return stored;
    },

    findRun,

    latestRun: (districtId) => readRun('district_id = $1', [districtId]),

    async latestRunId(districtId) {
      const [row] = await database.query<{ id: number | string }>(
        'SELECT max(id) AS id FROM identification_runs WHERE district_id = $1',
        [districtId],
      );
      return row?.id === null || row?.id === undefined ? undefined : Number(row.id);
    },

    async runs(districtId, limit) {
      const rows = await database.query<RunRow>(
        `SELECT ${runColumns} FROM identification_runs WHERE district_id = $1
          ORDER BY id DESC LIMIT $2`,
        [districtId, limit ?? null],
      );
      return rows.map(runRecordOf);
    },
  };
}
