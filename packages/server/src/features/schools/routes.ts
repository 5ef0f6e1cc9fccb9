import { readFile } from 'node:fs/promises';
import { parse } from '@eduset/core/common';
import {
  parseSchoolProfiles,
  schoolMapDataSchema,
  schoolsQuerySchema,
  type SchoolMapData,
} from '@eduset/core/schools';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import { withContracts } from '../../plugins/contracts.js';
import {
  identificationTableCsv,
  identificationTableXlsx,
  identifyDistrict,
  type IdentifiedDistrict,
  type SchoolDistrict,
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
  const computed = async (requested: string | undefined): Promise<IdentifiedDistrict> => {
    districts ??= load();
    const all = await districts;
    const ids = [...all.keys()];
    const id = requested ?? (ids.length === 1 ? ids[0] : undefined);
    const district = id === undefined ? undefined : all.get(id);
    if (id === undefined || district === undefined) {
      throw new HttpError(404, 'district_not_found', {
        ru: `Район не найден${requested ? `: «${requested}»` : ''}; есть: ${ids.join(', ') || 'нет'}`,
        en: `District not found${requested ? `: "${requested}"` : ''}; available: ${ids.join(', ') || 'none'}`,
      });
    }
    let value = cache.get(id);
    if (value === undefined) {
      value = identifyDistrict(district, options.clusters ?? 4);
      cache.set(id, value);
    }
    return value;
  };
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
  };
}
