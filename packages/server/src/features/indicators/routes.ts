import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildIndicatorReport,
  indicatorReportSchema,
  indicatorsQuerySchema,
  type IndicatorReport,
} from '@eduset/core/indicators';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { loadIndicatorFiles, type LoadedIndicatorFiles } from '@eduset/adapters';
import { HttpError } from '../../errors.js';
import { withContracts } from '../../plugins/contracts.js';

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
  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);
    api.get(
      '/api/indicators',
      {
        config: { access: { public: true } },
        schema: { querystring: indicatorsQuerySchema, response: { 200: indicatorReportSchema } },
      },
      async (request): Promise<IndicatorReport> => {
        const query = request.query;
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
