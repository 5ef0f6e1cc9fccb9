import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@eduset/core/common';
import {
  buildIndicatorReport,
  orgUnitLevelSchema,
  periodIdSchema,
  type IndicatorReport,
} from '@eduset/core/indicators';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { loadIndicatorFiles, type LoadedIndicatorFiles } from '@eduset/adapters';
import { HttpError } from '../../errors.js';

const oneOrMany = z.union([z.string(), z.array(z.string())]);
const list = oneOrMany.transform((value) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== ''),
);

/**
 * Schema of the query of `GET /api/indicators`:
 * - `level` — `site`, `organization`, `municipality` (default) or `region`;
 * - `orgUnit` — instead of a level, these org units (repeated or comma-separated);
 * - `period` — periods (`2019-2020`, `2020-09-01`…; repeated or comma-separated); every
 *   period in the data by default;
 * - `indicator` — only these indicator ids;
 * - `explain` — `false` to leave explanations out (smaller answers).
 * Unknown parameters are reported.
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core';
 * import { indicatorsQuerySchema } from '@eduset/server';
 * parse(indicatorsQuerySchema, { level: 'municipality', period: '2018-2019,2019-2020' });
 * ```
 */
export const indicatorsQuerySchema = z.strictObject({
  level: orgUnitLevelSchema.optional(),
  orgUnit: list.optional(),
  period: list.pipe(z.array(periodIdSchema)).optional(),
  indicator: list.optional(),
  explain: z.enum(['true', 'false']).optional(),
});

/**
 * The validated query of `GET /api/indicators`.
 *
 * @example
 * ```ts
 * import type { IndicatorsQuery } from '@eduset/server';
 * const query: IndicatorsQuery = { level: 'municipality', period: ['2019-2020'] };
 * ```
 */
export type IndicatorsQuery = z.output<typeof indicatorsQuerySchema>;

/**
 * Options of {@link indicatorRoutes}: where the org units, data values and (optionally)
 * definitions are. Without a directory the route answers 404 `no_indicator_data`.
 *
 * @example
 * ```ts
 * import type { IndicatorRoutesOptions } from '@eduset/server';
 * const options: IndicatorRoutesOptions = { dataDir: 'examples/data/indicators' };
 * ```
 */
export interface IndicatorRoutesOptions {
  /**
   * A directory with `org-units.json`, `data-values.csv` (or `.xlsx`) and optionally
   * `catalog.json` (definitions; the built-in catalog otherwise).
   */
  readonly dataDir?: string;
}

/**
 * The indicator data directory of the demo: `data/indicators` under the static root, when it
 * exists (the example pages and their data are served from one place).
 *
 * @example
 * ```ts
 * import { demoIndicatorDataDir } from '@eduset/server';
 * demoIndicatorDataDir('examples'); // 'examples/data/indicators'
 * ```
 */
export function demoIndicatorDataDir(staticRoot: string | undefined): string | undefined {
  if (staticRoot === undefined) return undefined;
  const dir = join(staticRoot, 'data', 'indicators');
  return existsSync(join(dir, 'org-units.json')) ? dir : undefined;
}

/**
 * `GET /api/indicators?level=&period=` — computes the indicator catalog (or the definitions
 * of the data directory) over the data values of the directory and answers with an
 * `IndicatorReport` (core's `indicatorReportSchema`): indicator summaries, org units, periods
 * and every result with its explanation. Files are read once, on the first request.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { indicatorRoutes } from '@eduset/server';
 * const server = Fastify();
 * await server.register(indicatorRoutes({ dataDir: 'examples/data/indicators' }));
 * const answer = await server.inject({ method: 'GET', url: '/api/indicators?level=municipality&period=2019-2020' });
 * ```
 */
export function indicatorRoutes(options: IndicatorRoutesOptions): FastifyPluginAsync {
  let loading: Promise<LoadedIndicatorFiles> | undefined;
  const load = (): Promise<LoadedIndicatorFiles> => {
    const dir = options.dataDir;
    if (dir === undefined) {
      throw new HttpError(404, 'no_indicator_data', {
        ru: 'Данные для показателей не подключены к серверу',
        en: 'No indicator data is configured on this server',
      });
    }
    loading ??= (async () => {
      const values = ['data-values.csv', 'data-values.xlsx']
        .map((file) => join(dir, file))
        .filter((file) => existsSync(file));
      const catalog = join(dir, 'catalog.json');
      return loadIndicatorFiles({
        orgUnits: join(dir, 'org-units.json'),
        values,
        ...(existsSync(catalog) ? { definitions: catalog } : {}),
      });
    })();
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
  return async (api: FastifyInstance) => {
    api.get(
      '/api/indicators',
      { config: { access: { public: true } } },
      async (request): Promise<IndicatorReport> => {
        const query = parse(indicatorsQuerySchema, request.query);
        const loaded = await load();
        const wanted = query.indicator === undefined ? undefined : new Set(query.indicator);
        const definitions =
          wanted === undefined
            ? loaded.definitions
            : loaded.definitions.filter((definition) => wanted.has(definition.id));
        for (const id of query.orgUnit ?? []) {
          if (loaded.dataset.orgUnit(id) === undefined) {
            throw new HttpError(404, 'not_found', {
              ru: `Нет подразделения «${id}»`,
              en: `No org unit "${id}"`,
            });
          }
        }
        return buildIndicatorReport(definitions, loaded.dataset, {
          ...(query.orgUnit === undefined
            ? { level: query.level ?? 'municipality' }
            : { orgUnits: query.orgUnit }),
          ...(query.period === undefined ? {} : { periods: query.period }),
          explain: query.explain !== 'false',
        });
      },
    );
  };
}
