import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang } from '@eduset/core/common';
import {
  computeIndicators,
  orgUnitLevelSchema,
  parsePeriod,
  runDefinitionTests,
  type OrgUnitLevel,
} from '@eduset/core/indicators';
import { ReportedFailure, UsageError, commandIO, say, type CommandContext } from './cli-shared.js';
import { indicatorValuesImportUsage, runIndicatorValuesImport } from './cli-indicator-values.js';
import {
  indicatorExportRows,
  indicatorsToCsv,
  indicatorsToXlsx,
  loadIndicatorFiles,
  parseIndicatorDefinitions,
} from '@eduset/adapters';

/**
 * Usage lines of `eduset indicators`, shown with the other commands.
 *
 * @example
 * ```ts
 * import { indicatorsUsage } from './cli-indicators.js';
 * indicatorsUsage.length > 0; // true
 * ```
 */
export const indicatorsUsage = [
  '  eduset indicators compute --org-units org-units.json --data values.csv [--data …]',
  '               [--definitions catalog.json] [--elements data-elements.json]',
  '               [--level municipality] [--org-unit id …] [--period 2019-2020 …]',
  '               [--lang ru|en] [--allow-rejected] --out results.csv|.xlsx|.json',
  '  eduset indicators test [--definitions catalog.json]',
  '',
  '  indicators compute  рассчитать показатели по файлам данных / compute indicators from data files',
  '          без --definitions — встроенный каталог; без --period — все периоды данных /',
  '          without --definitions the built-in catalog; without --period every period in the data',
  '  indicators test     проверить тестовые примеры определений / run the definitions’ test cases',
  ...indicatorValuesImportUsage,
];

interface ComputeOptions {
  readonly orgUnits: string;
  readonly data: readonly string[];
  readonly definitions?: string;
  readonly elements?: string;
  readonly level?: OrgUnitLevel;
  readonly orgUnitIds?: readonly string[];
  readonly periods?: readonly string[];
  readonly lang: Lang;
  readonly allowRejected: boolean;
  readonly out: string;
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') {
    throw new UsageError({ ru: `нужен ${flag}`, en: `${flag} is required` });
  }
  return value;
}

function parseCompute(args: readonly string[], cwd: string): ComputeOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      'org-units': { type: 'string' },
      data: { type: 'string', multiple: true },
      definitions: { type: 'string' },
      elements: { type: 'string' },
      level: { type: 'string' },
      'org-unit': { type: 'string', multiple: true },
      period: { type: 'string', multiple: true },
      lang: { type: 'string', default: 'ru' },
      'allow-rejected': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
    strict: true,
  });
  const data = values.data ?? [];
  if (data.length === 0)
    throw new UsageError({
      ru: 'нужен хотя бы один --data',
      en: 'at least one --data is required',
    });
  const level = values.level === undefined ? undefined : orgUnitLevelSchema.safeParse(values.level);
  if (level !== undefined && !level.success) {
    throw new UsageError({
      ru: `--level: site, organization, municipality или region, получено «${values.level ?? ''}»`,
      en: `--level: site, organization, municipality or region, got "${values.level ?? ''}"`,
    });
  }
  for (const period of values.period ?? []) {
    if (parsePeriod(period) === undefined) {
      throw new UsageError({
        ru: `--period: «${period}» — не период`,
        en: `--period: "${period}" is not a period`,
      });
    }
  }
  if (values.lang !== 'ru' && values.lang !== 'en') {
    throw new UsageError({ ru: '--lang: ru или en', en: '--lang: ru or en' });
  }
  const out = required(values.out, '--out');
  if (!['.csv', '.xlsx', '.json'].includes(extname(out).toLowerCase())) {
    throw new UsageError({
      ru: '--out: файл .csv, .xlsx или .json',
      en: '--out: a .csv, .xlsx or .json file',
    });
  }
  return {
    orgUnits: resolve(cwd, required(values['org-units'], '--org-units')),
    data: data.map((file) => resolve(cwd, file)),
    ...(values.definitions === undefined ? {} : { definitions: resolve(cwd, values.definitions) }),
    ...(values.elements === undefined ? {} : { elements: resolve(cwd, values.elements) }),
    ...(level === undefined ? {} : { level: level.data }),
    ...(values['org-unit'] === undefined ? {} : { orgUnitIds: values['org-unit'] }),
    ...(values.period === undefined ? {} : { periods: values.period }),
    lang: values.lang,
    allowRejected: values['allow-rejected'] ?? false,
    out: resolve(cwd, out),
  };
}

async function compute(
  options: ComputeOptions,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const loaded = await loadIndicatorFiles({
    orgUnits: options.orgUnits,
    values: options.data,
    ...(options.definitions === undefined ? {} : { definitions: options.definitions }),
    ...(options.elements === undefined ? {} : { dataElements: options.elements }),
  });
  let rejected = 0;
  for (const { file, result } of loaded.imports) {
    say(out, {
      ru: `${file}: строк ${result.rows}, принято ${result.accepted.length}, отклонено ${result.rejected.length}, значений ${result.values.length}`,
      en: `${file}: ${result.rows} rows, ${result.accepted.length} accepted, ${result.rejected.length} rejected, ${result.values.length} values`,
    });
    for (const row of result.rejected) {
      rejected += 1;
      err(`  строка ${row.row}: ${row.issues.map((issue) => issue.message.ru).join('; ')}`);
      err(`  row ${row.row}: ${row.issues.map((issue) => issue.message.en).join('; ')}`);
    }
  }
  if (rejected > 0 && !options.allowRejected) {
    say(err, {
      ru: 'есть отклонённые строки — ничего не рассчитано (--allow-rejected, чтобы считать по принятым)',
      en: 'some rows were rejected — nothing computed (--allow-rejected to compute from the accepted ones)',
    });
    throw new ReportedFailure();
  }
  const results = computeIndicators(loaded.definitions, loaded.dataset, {
    periods: options.periods ?? loaded.dataset.periods(),
    ...(options.level === undefined ? {} : { level: options.level }),
    ...(options.orgUnitIds === undefined ? {} : { orgUnits: options.orgUnitIds }),
  });
  const names = new Map(loaded.dataset.orgUnits.map((unit) => [unit.id, unit.name[options.lang]]));
  const rows = indicatorExportRows(results, loaded.definitions, {
    lang: options.lang,
    orgUnitNames: names,
  });
  const extension = extname(options.out).toLowerCase();
  if (extension === '.csv') await writeFile(options.out, indicatorsToCsv(rows, options.lang));
  else if (extension === '.xlsx')
    await writeFile(options.out, await indicatorsToXlsx(rows, options.lang));
  else await writeFile(options.out, `${JSON.stringify(results, null, 2)}\n`);
  const withValue = results.filter((result) => result.status === 'value').length;
  say(out, {
    ru: `рассчитано: ${results.length} (со значением ${withValue}, без значения ${results.length - withValue}) → ${options.out}`,
    en: `computed: ${results.length} (${withValue} with a value, ${results.length - withValue} without) → ${options.out}`,
  });
  return 0;
}

async function test(
  args: readonly string[],
  cwd: string,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { definitions: { type: 'string' } },
    strict: true,
  });
  const { indicatorCatalog } = await import('@eduset/core/indicators');
  const definitions =
    values.definitions === undefined
      ? [...indicatorCatalog]
      : parseIndicatorDefinitions(
          await readFile(resolve(cwd, values.definitions), 'utf8'),
          values.definitions,
        );
  let failed = 0;
  let total = 0;
  for (const definition of definitions) {
    for (const outcome of runDefinitionTests(definition, definitions)) {
      total += 1;
      if (outcome.passed) continue;
      failed += 1;
      const expected =
        'noValue' in outcome.expected
          ? `no value: ${outcome.expected.noValue}`
          : outcome.expected.value;
      err(
        `  ${definition.id} «${outcome.name}»: ожидалось / expected ${expected}, получено / got ${outcome.actual}`,
      );
    }
  }
  say(failed === 0 ? out : err, {
    ru: `тестовых примеров: ${total}, не прошли: ${failed}`,
    en: `test cases: ${total}, failed: ${failed}`,
  });
  return failed === 0 ? 0 : 1;
}

/**
 * Runs `eduset indicators <compute|test|import> …`; returns the exit code (0 done, 1 rejected rows
 * or failed tests, usage mistakes are thrown as `UsageError` for the caller's exit code 2).
 *
 * @example
 * ```ts
 * import { runIndicatorsCommand } from './cli-indicators.js';
 * await runIndicatorsCommand(
 *   ['compute', '--org-units', 'examples/data/indicators/org-units.json',
 *    '--data', 'examples/data/indicators/data-values.csv', '--level', 'municipality', '--out', 'indicators.csv'],
 *   { cwd: process.cwd() },
 * );
 * ```
 */
export async function runIndicatorsCommand(
  args: readonly string[],
  context: CommandContext = {},
): Promise<number> {
  const { out, err, cwd } = commandIO(context);
  const [subcommand, ...rest] = args;
  try {
    if (subcommand === 'compute') return await compute(parseCompute(rest, cwd), out, err);
    if (subcommand === 'test') return await test(rest, cwd, out, err);
    if (subcommand === 'import') return await runIndicatorValuesImport(rest, context);
  } catch (error) {
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      throw new UsageError({ ru: error.message, en: error.message });
    }
    throw error;
  }
  throw new UsageError({
    ru: `eduset indicators: ожидается compute, test или import, получено «${subcommand ?? ''}»`,
    en: `eduset indicators: expected compute, test or import, got "${subcommand ?? ''}"`,
  });
}
