import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildIndicatorReport,
  createDataset,
  indicatorCatalog,
  indicatorReportSchema,
  indicatorsQuerySchema,
  type IndicatorDataset,
  type IndicatorDefinition,
  type IndicatorReport,
} from '@eduset/core/indicators';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import {
  loadIndicatorFiles,
  storedIndicatorData,
  withStoredData,
  type LoadedIndicatorFiles,
  type Storage,
  type StoredIndicatorData,
} from '@eduset/adapters';
import { HttpError } from '../../errors.js';
import { withContracts } from '../../plugins/contracts.js';

/**
 * Options of {@link indicatorRoutes}: where the org units, data values and (optionally)
 * definitions are, and the storage whose rows give the figures of the parent help service.
 * With neither the route answers 404 `no_indicator_data`.
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
  /**
   * The storage: its networks' org units, and the figures counted from its rows on every
   * request — consultations held (attended bookings) and parents satisfied (survey answers),
   * with one «consultations held» indicator per service of each network.
   */
  readonly storage?: Pick<Storage, 'listNetworks' | 'loadNetwork' | 'feedback'> &
    Partial<Pick<Storage, 'indicatorValues' | 'dataEntry'>>;
  /**
   * The data set of the storage's indicator values (the network whose values are imported,
   * see `indicatorValueRoutes`). When the storage holds values for it they replace the values
   * of the data directory's files (whose org units and definitions still apply); otherwise
   * the files' values are used.
   */
  readonly valuesDataSet?: string;
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
 * The periods of a report whose figures include organizations' reports approved by the
 * coordinator (data entry), with a sentence saying so; `undefined` when there are none.
 */
async function approvedDataOf(
  { storage, valuesDataSet }: IndicatorRoutesOptions,
  periods: readonly string[],
): Promise<IndicatorReport['approvedData']> {
  const store = storage?.dataEntry;
  if (store === undefined || valuesDataSet === undefined) return undefined;
  const shown = new Set(periods);
  const byPeriod = new Map<string, number>();
  for (const row of await store.approvedCounts(valuesDataSet)) {
    if (!shown.has(row.period)) continue;
    byPeriod.set(row.period, (byPeriod.get(row.period) ?? 0) + row.approved);
  }
  if (byPeriod.size === 0) return undefined;
  const list = [...byPeriod].map(([period, organizations]) => ({ period, organizations }));
  const ru = list.map((p) => `${p.period} — ${String(p.organizations)}`).join(', ');
  const en = list.map((p) => `${p.period}: ${String(p.organizations)}`).join(', ');
  return {
    periods: list,
    text: {
      ru: `Данные организаций опубликованы только из утверждённых координатором отчётов (утверждено отчётов: ${ru})`,
      en: `Organizations' figures are published from reports approved by the coordinator only (reports approved: ${en})`,
    },
  };
}

/**
 * `GET /api/indicators?level=&period=` — computes the indicator catalog (or the definitions
 * of the data directory) over the data values of the directory and the figures counted from
 * the storage's rows (attended consultations and the parents' survey answers, read again on
 * every request, so an answer moves the figures at once), and answers with an
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
  // The files' dataset with the stored values instead of the files' values, rebuilt only
  // when a new import was stored.
  let storedBase:
    | {
        readonly importId: number;
        readonly files: LoadedIndicatorFiles;
        readonly loaded: LoadedIndicatorFiles;
      }
    | undefined;
  const withStoredValues = async (
    files: LoadedIndicatorFiles,
    { storage, valuesDataSet }: IndicatorRoutesOptions,
  ): Promise<LoadedIndicatorFiles> => {
    const store = storage?.indicatorValues;
    if (store === undefined || valuesDataSet === undefined) return files;
    // Only the latest import says whether the stored values changed since they were read.
    const [latest] = await store.imports(valuesDataSet, 1);
    if (latest === undefined) return files;
    if (storedBase?.importId === latest.id && storedBase.files === files) return storedBase.loaded;
    const values = await store.values(valuesDataSet);
    if (values.length === 0) return files;
    const base = files.dataset;
    const loaded: LoadedIndicatorFiles = {
      ...files,
      dataset: createDataset({
        dataElements: [...base.dataElements],
        orgUnits: [...base.orgUnits],
        values,
        constants: base.constants,
      }),
    };
    storedBase = { importId: latest.id, files, loaded };
    return loaded;
  };
  let loading: Promise<LoadedIndicatorFiles> | undefined;
  const loadFiles = (dir: string): Promise<LoadedIndicatorFiles> => {
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
  // The dataset is built again only when the stored figures changed since the last request.
  let last:
    | {
        readonly key: string;
        readonly base: IndicatorDataset | undefined;
        readonly dataset: IndicatorDataset;
      }
    | undefined;
  const load = async (): Promise<{
    readonly dataset: IndicatorDataset;
    readonly definitions: readonly IndicatorDefinition[];
  }> => {
    const { dataDir, storage } = options;
    if (dataDir === undefined && storage === undefined) {
      throw new HttpError(404, 'no_indicator_data', {
        ru: 'Данные для показателей не подключены к серверу',
        en: 'No indicator data is configured on this server',
      });
    }
    const loadedFiles = dataDir === undefined ? undefined : await loadFiles(dataDir);
    const files =
      loadedFiles === undefined ? undefined : await withStoredValues(loadedFiles, options);
    const definitions = files?.definitions ?? indicatorCatalog;
    if (storage === undefined && files !== undefined) return files;
    const stored: StoredIndicatorData =
      storage === undefined
        ? { orgUnits: [], values: [], definitions: [] }
        : await storedIndicatorData(storage);
    const key = JSON.stringify([stored.orgUnits, stored.values]);
    if (last === undefined || last.key !== key || last.base !== files?.dataset) {
      last = { key, base: files?.dataset, dataset: withStoredData(files?.dataset, stored) };
    }
    const known = new Set(definitions.map((definition) => definition.id));
    return {
      dataset: last.dataset,
      definitions: [
        ...definitions,
        ...stored.definitions.filter((definition) => !known.has(definition.id)),
      ],
    };
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
        const report = buildIndicatorReport(definitions, loaded.dataset, {
          ...(query.orgUnit === undefined
            ? { level: query.level ?? 'municipality' }
            : { orgUnits: query.orgUnit }),
          ...(query.period === undefined ? {} : { periods: query.period }),
          explain: query.explain !== 'false',
        });
        const approvedData = await approvedDataOf(options, report.periods);
        return approvedData === undefined ? report : { ...report, approvedData };
      },
    );
  };
}
