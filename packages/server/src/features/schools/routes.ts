import { readFile } from 'node:fs/promises';
import { can, type Actor, type Instant } from '@eduset/core';
import { parse } from '@eduset/core/common';
import {
  identificationRunQuerySchema,
  identificationRunsSchema,
  identificationRunSchema,
  parseSchoolProfiles,
  schoolMapDataSchema,
  schoolProfilesImportQuerySchema,
  schoolProfilesImportReportSchema,
  schoolsQuerySchema,
  type IdentificationRun,
  type SchoolMapData,
  type SchoolProfilesImportReport,
} from '@eduset/core/schools';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import { forbidden } from '../../plugins/access.js';
import { withContracts } from '../../plugins/contracts.js';
import { acceptFileBodies, fileBodyLimit, fileBodyOf } from '../../plugins/file-body.js';
import {
  identificationTableCsv,
  identificationTableXlsx,
  identifyDistrict,
  identifyStoredDistrict,
  importSchoolProfiles,
  type IdentificationRunRecord,
  type IdentifiedDistrict,
  type ImportResult,
  type SchoolDistrict,
  type Storage,
  type StoredIdentificationRun,
} from '@eduset/adapters';

/**
 * Options of {@link schoolRoutes}: the districts by id, or a JSON file of one district
 * (`{ district, year, schools }`, as `examples/data/tutaev-schools.json`) read on first use.
 *
 * @example
 * ```ts
 * import type { SchoolRoutesOptions } from '@eduset/server';
 * const options: SchoolRoutesOptions = { dataFile: 'examples/data/tutaev-schools.json' };
 * ```
 */
export interface SchoolRoutesOptions {
  readonly districts?: Readonly<Record<string, SchoolDistrict>>;
  readonly dataFile?: string;
  /** Clusters of the map (k-means, seed 2016, default 4). */
  readonly clusters?: number;
  /**
   * Stored school profiles and identification runs (migration 0034). When it holds any
   * district, the API answers from it (the districts and the file above are then unused) and
   * the staff routes import profiles and run the identification.
   */
  readonly storage?: Pick<Storage, 'schools'>;
  /** The clock of stored imports and runs (default: now). */
  readonly now?: () => Instant;
}

/** A run as the staff API answers it. */
function runOf(run: IdentificationRunRecord): IdentificationRun {
  return {
    id: run.id,
    district: run.districtId,
    year: run.year,
    profileImportId: run.profileImportId,
    definition: run.definition,
    index: run.index,
    clusters: run.clusters,
    flagged: run.flagged,
    schools: run.schoolCount,
    runBy: run.runBy,
    runAt: run.runAt,
  };
}

/** One file's part of an import report. */
function filePart<T>(result: ImportResult<T>): SchoolProfilesImportReport['passports'] {
  return {
    rows: result.rows,
    accepted: result.accepted.length,
    rejected: result.rejected.map((row) => ({
      row: row.row,
      cells: [...row.cells],
      issues: row.issues.map((issue) => ({
        path: [...issue.path],
        code: issue.code,
        message: issue.message,
      })),
    })),
  };
}

function districtNotFound(requested: string | undefined, ids: readonly string[]): HttpError {
  return new HttpError(404, 'district_not_found', {
    ru: `Район не найден${requested ? `: «${requested}»` : ''}; есть: ${ids.join(', ') || 'нет'}`,
    en: `District not found${requested ? `: "${requested}"` : ''}; available: ${ids.join(', ') || 'none'}`,
  });
}

const fileSchema = z.object({
  district: z.string().min(1),
  year: z.number().int(),
  schools: z.unknown(),
});

/**
 * The schools API:
 * - `GET /api/schools?district=id` — the school map data (`SchoolMapData` of core: index,
 *   ranks, flags, categories, explanations, clusters) of a district;
 * - `GET /api/schools/identification.csv` and `.xlsx` — the identification table in the
 *   shape of the Tutaev table (`onlyFlagged=true` keeps the flagged schools only).
 *
 * With stored profiles (`storage`), the public answers are the district's latest stored
 * identification run (one is run and stored for the latest profiles when there is none), and
 * the staff routes (`schools.data.write`, the district being the grant's network) are:
 * - `POST /api/staff/schools/profiles?district=&year=&name=&file=&resultsSheet=&saveAccepted=`
 *   — the body is the social passports file (CSV or XLSX; the results from another sheet of
 *   the same workbook); every rejected row comes back with its reasons in Russian and
 *   English; any rejected row saves nothing (422) unless `saveAccepted=true`; otherwise the
 *   profiles replace the district's profiles of the year, the identification is run and
 *   stored, and the write is audited. School staff may import only a file of their school;
 * - `POST /api/staff/schools/identification?district=&year=` — runs the identification of
 *   the stored profiles (the latest year by default) with the current definitions and stores
 *   the run (the same inputs give the run already stored);
 * - `GET /api/staff/schools/runs?district=` — the district's runs, latest first, with the
 *   definitions' versions and how many schools each flagged.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { schoolRoutes } from '@eduset/server';
 * const server = Fastify();
 * await server.register(schoolRoutes({ dataFile: 'examples/data/tutaev-schools.json' }));
 * ```
 */
export function schoolRoutes(options: SchoolRoutesOptions = {}): FastifyPluginAsync {
  let districts: Promise<Map<string, SchoolDistrict>> | undefined;
  const cache = new Map<string, IdentifiedDistrict>();
  // A Map, not a plain object: a district named `__proto__` or `constructor` is not found,
  // instead of reaching Object.prototype.
  const load = async (): Promise<Map<string, SchoolDistrict>> => {
    const given = new Map<string, SchoolDistrict>(
      Object.entries(options.districts ?? {}).filter(([id]) =>
        Object.hasOwn(options.districts ?? {}, id),
      ),
    );
    if (options.dataFile !== undefined) {
      try {
        const json = parse(fileSchema, JSON.parse(await readFile(options.dataFile, 'utf8')));
        given.set('demo', {
          name: json.district,
          year: json.year,
          schools: parseSchoolProfiles(json.schools),
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return given;
  };
  const fromFiles = async (requested: string | undefined): Promise<IdentifiedDistrict> => {
    districts ??= load();
    const all = await districts;
    const ids = [...all.keys()];
    const id = requested ?? (ids.length === 1 ? ids[0] : undefined);
    const district = id === undefined ? undefined : all.get(id);
    if (id === undefined || district === undefined) throw districtNotFound(requested, ids);
    let value = cache.get(id);
    if (value === undefined) {
      value = identifyDistrict(district, options.clusters ?? 4);
      cache.set(id, value);
    }
    return value;
  };
  const clusters = options.clusters ?? 4;
  const now = options.now ?? (() => new Date().toISOString() as Instant);
  const schools = options.storage?.schools;
  /** The latest run read from storage, per district, kept while it is the latest. */
  const stored = new Map<string, { readonly runId: number; readonly value: IdentifiedDistrict }>();
  /**
   * Runs the identification of a district's stored profiles (the latest year by default) and
   * stores it, or gives the run already stored for the same inputs.
   */
  const runStored = async (
    districtId: string,
    year: number | undefined,
    runBy: string,
  ): Promise<StoredIdentificationRun> => {
    const run =
      schools === undefined
        ? undefined
        : await identifyStoredDistrict(schools, districtId, {
            ...(year === undefined ? {} : { year }),
            clusters,
            runBy,
            runAt: now(),
          });
    if (run === undefined) {
      throw new HttpError(404, 'school_profiles_not_found', {
        ru: `Нет данных школ района «${districtId}»${year === undefined ? '' : ` за ${year} год`}`,
        en: `No school data of district "${districtId}"${year === undefined ? '' : ` for ${year}`}`,
      });
    }
    return run;
  };
  const computed = async (requested: string | undefined): Promise<IdentifiedDistrict> => {
    const held = schools === undefined ? [] : await schools.districts();
    if (schools === undefined || held.length === 0) return fromFiles(requested);
    const ids = held.map((district) => district.id);
    const id = requested ?? (ids.length === 1 ? ids[0] : undefined);
    if (id === undefined || !ids.includes(id)) throw districtNotFound(requested, ids);
    const latestId = await schools.latestRunId(id);
    const kept = stored.get(id);
    if (kept !== undefined && kept.runId === latestId) return kept.value;
    const run =
      (latestId === undefined ? undefined : await schools.latestRun(id)) ??
      (await runStored(id, undefined, 'eduset'));
    const value = { result: run.result, map: run.map };
    stored.set(id, { runId: run.id, value });
    return value;
  };
  /** The staff member's name, for the record of who imported or ran (shown to people). */
  const loginOf = (actor: Actor): string =>
    actor.kind === 'staff' ? actor.displayName : 'anonymous';
  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);
    api.get(
      '/api/schools',
      {
        config: { access: { public: true } },
        schema: { querystring: schoolsQuerySchema, response: { 200: schoolMapDataSchema } },
      },
      async (request): Promise<SchoolMapData> => {
        const query = request.query;
        return (await computed(query.district)).map;
      },
    );
    api.get(
      '/api/schools/identification.csv',
      { config: { access: { public: true } }, schema: { querystring: schoolsQuerySchema } },
      async (request, reply) => {
        const query = request.query;
        const { result } = await computed(query.district);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="identification.csv"')
          .send(identificationTableCsv(result, { onlyFlagged: query.onlyFlagged === 'true' }));
      },
    );
    api.get(
      '/api/schools/identification.xlsx',
      { config: { access: { public: true } }, schema: { querystring: schoolsQuerySchema } },
      async (request, reply) => {
        const query = request.query;
        const { result } = await computed(query.district);
        const bytes = await identificationTableXlsx(result, {
          onlyFlagged: query.onlyFlagged === 'true',
        });
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="identification.xlsx"')
          .send(Buffer.from(bytes));
      },
    );

    if (schools === undefined) return;
    acceptFileBodies(plain);
    api.post(
      '/api/staff/schools/profiles',
      {
        config: { access: { action: 'schools.data.write' } },
        bodyLimit: fileBodyLimit,
        schema: {
          querystring: schoolProfilesImportQuerySchema,
          response: {
            200: schoolProfilesImportReportSchema,
            422: schoolProfilesImportReportSchema,
          },
        },
      },
      async (request, reply) => {
        const body = fileBodyOf(request.body, {
          ru: 'Ожидается файл CSV или XLSX с социальными паспортами школ в теле запроса',
          en: "Expected a CSV or XLSX file of the schools' social passports as the request body",
        });
        const query = request.query;
        const networkId = query.district;
        const wholeDistrict = can(request.actor, 'schools.data.write', { networkId });
        if (
          !wholeDistrict &&
          !(
            request.actor.kind === 'staff' &&
            request.actor.grants.some((grant) => grant.networkId === networkId)
          )
        ) {
          throw forbidden();
        }
        const fileName = query.file ?? 'upload';
        const imported = await importSchoolProfiles(
          {
            passports: body,
            ...(query.resultsSheet === undefined ? {} : { results: body }),
          },
          {
            passports: { fileName },
            ...(query.resultsSheet === undefined
              ? {}
              : {
                  results: {
                    fileName,
                    sheet: /^\d+$/.test(query.resultsSheet)
                      ? Number(query.resultsSheet)
                      : query.resultsSheet,
                  },
                }),
          },
        );
        // Every school within the asker's grants (school staff: their own school), or nothing
        // is saved.
        const outside = imported.profiles.some(
          (profile) =>
            !can(request.actor, 'schools.data.write', { networkId, organizationId: profile.id }),
        );
        if (outside) throw forbidden();
        const rejected = imported.passports.rejected.length + imported.results.rejected.length > 0;
        const report = (saved: number | undefined): SchoolProfilesImportReport => ({
          saved: saved !== undefined,
          ...(saved === undefined ? {} : { importId: saved }),
          district: networkId,
          year: query.year,
          schools: saved === undefined ? 0 : imported.profiles.length,
          passports: filePart(imported.passports),
          results: filePart(imported.results),
        });
        if ((rejected && query.saveAccepted !== 'true') || imported.profiles.length === 0) {
          return reply.code(422).send(report(undefined));
        }
        const known = (await schools.districts()).find((district) => district.id === networkId);
        const name = query.name ?? known?.name;
        if (name === undefined) {
          throw new HttpError(400, 'district_name_expected', {
            ru: `Район «${networkId}» новый: укажите его название (name)`,
            en: `District "${networkId}" is new: give its name (name)`,
          });
        }
        // A school's staff importing their own school keeps the district's other schools.
        const others = wholeDistrict
          ? []
          : ((await schools.year(networkId, query.year))?.schools ?? []).filter(
              (school) => !imported.profiles.some((profile) => profile.id === school.id),
            );
        const login = loginOf(request.actor);
        const saved = await schools.replaceYear({
          districtId: networkId,
          districtName: name,
          year: query.year,
          schools: [...others, ...imported.profiles],
          source: fileName,
          importedBy: login,
          importedAt: now(),
        });
        request.auditWrite({ networkId, recordIds: [`school-import-${saved.id}`] });
        // The map follows the new profiles when they are the latest year: their identification
        // is run and stored now.
        if (query.year >= Math.max(0, ...(known?.years ?? []))) {
          await runStored(networkId, query.year, login);
        }
        return report(saved.id);
      },
    );
    api.post(
      '/api/staff/schools/identification',
      {
        config: { access: { action: 'schools.identification.run' } },
        schema: {
          querystring: identificationRunQuerySchema,
          response: { 200: identificationRunSchema },
        },
      },
      async (request) => {
        const { district, year } = request.query;
        if (!can(request.actor, 'schools.identification.run', { networkId: district })) {
          throw forbidden();
        }
        const run = await runStored(district, year, loginOf(request.actor));
        request.auditWrite({ networkId: district, recordIds: [`identification-run-${run.id}`] });
        return runOf(run);
      },
    );
    api.get(
      '/api/staff/schools/runs',
      {
        config: { access: { action: 'schools.identification.run' } },
        schema: {
          querystring: identificationRunQuerySchema,
          response: { 200: identificationRunsSchema },
        },
      },
      async (request) => {
        const { district } = request.query;
        if (!can(request.actor, 'schools.identification.run', { networkId: district })) {
          throw forbidden();
        }
        return { runs: (await schools.runs(district)).map(runOf) };
      },
    );
  };
}
