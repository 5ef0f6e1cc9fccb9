import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { instant, type Instant, type LocalizedText, type ValidationIssue } from '@eduset/core';
import { catalogDataElements } from '@eduset/core/indicators';
import {
  importIndicatorValues,
  parseOrgUnits,
  type IndicatorValueFileImportResult,
  type Storage,
} from '@eduset/adapters';
import {
  UsageError,
  commandIO,
  openCliStorage,
  resolveDataDir,
  say,
  type CommandContext,
} from './cli-shared.js';

/**
 * Usage lines of `eduset indicators import`.
 *
 * @example
 * ```ts
 * import { indicatorValuesImportUsage } from './cli-indicator-values.js';
 * indicatorValuesImportUsage.length > 0; // true
 * ```
 */
export const indicatorValuesImportUsage = [
  '  eduset indicators import --data values.csv|.xlsx [--network udomlya]',
  '               [--org-units org-units.json] [--allow-rejected] [--data-dir .data/pglite]',
  '  indicators import   загрузить значения показателей в хранилище (заменяет значения периодов файла) /',
  '          store indicator values (replaces the values of the periods in the file)',
];

function joined(issues: readonly ValidationIssue[], language: keyof LocalizedText): string {
  return issues.map((issue) => issue.message[language]).join('; ');
}

/** The options of one file import, shared by the command and the demo seeding. */
interface ValueFileOptions {
  readonly file: string;
  readonly network: string;
  readonly orgUnitsFile?: string;
  readonly allowRejected: boolean;
  readonly importedBy: string;
  readonly now: Instant;
}

async function importFile(
  storage: Pick<Storage, 'indicatorValues'>,
  options: ValueFileOptions,
): Promise<IndicatorValueFileImportResult> {
  const orgUnits =
    options.orgUnitsFile === undefined
      ? undefined
      : parseOrgUnits(await readFile(options.orgUnitsFile, 'utf8'), options.orgUnitsFile).map(
          (unit) => unit.id,
        );
  return importIndicatorValues(storage.indicatorValues, await readFile(options.file), {
    dataSet: options.network,
    fileName: basename(options.file),
    importedBy: options.importedBy,
    importedAt: options.now,
    textElements: catalogDataElements
      .filter((element) => element.valueType === 'text')
      .map((element) => element.id),
    dataElements: catalogDataElements.map((element) => element.id),
    ...(orgUnits === undefined ? {} : { orgUnits }),
    saveAccepted: options.allowRejected,
  });
}

function printReport(
  shown: string,
  outcome: IndicatorValueFileImportResult,
  out: (line: string) => void,
): void {
  const { result, saved } = outcome;
  say(out, {
    ru: `значения показателей: ${shown} — строк ${result.rows}, принято ${result.accepted.length}, отклонено ${result.rejected.length}`,
    en: `indicator values: ${shown} — rows ${result.rows}, accepted ${result.accepted.length}, rejected ${result.rejected.length}`,
  });
  for (const { row, issues } of result.rejected) {
    out(`  строка ${row}: ${joined(issues, 'ru')} / row ${row}: ${joined(issues, 'en')}`);
  }
  say(
    out,
    saved === undefined
      ? {
          ru: 'ничего не сохранено (есть отклонённые строки; --allow-rejected сохранит принятые)',
          en: 'nothing saved (rows were rejected; --allow-rejected saves the accepted ones)',
        }
      : {
          ru: `сохранено значений: ${saved.valueCount}, периоды: ${saved.periods.join(', ')}`,
          en: `values saved: ${saved.valueCount}, periods: ${saved.periods.join(', ')}`,
        },
  );
}

/**
 * Runs `eduset indicators import --data values.csv [--network udomlya] [--org-units …]
 * [--allow-rejected] [--data-dir …]`: reads the file, prints every rejected row with its
 * reasons in Russian and English, and stores the values (replacing the network's values of
 * the file's periods) unless a row was rejected and `--allow-rejected` was not given.
 * Returns 0 when saved, 1 when nothing was saved.
 *
 * @example
 * ```ts
 * import { runIndicatorValuesImport } from './cli-indicator-values.js';
 * await runIndicatorValuesImport(['--data', 'examples/data/indicators/data-values.csv'], {});
 * ```
 */
export async function runIndicatorValuesImport(
  args: readonly string[],
  context: CommandContext,
): Promise<number> {
  const { out, cwd, env } = commandIO(context);
  const { values } = parseArgs({
    args: [...args],
    options: {
      data: { type: 'string' },
      network: { type: 'string', default: 'udomlya' },
      'org-units': { type: 'string' },
      'allow-rejected': { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: '.data/pglite' },
    },
    allowPositionals: false,
    strict: true,
  });
  if (values.data === undefined || values.data === '') {
    throw new UsageError({ ru: 'нужен --data', en: '--data is required' });
  }
  const file = resolve(cwd, values.data);
  if (!existsSync(file)) {
    throw new UsageError({ ru: `--data: файла нет: ${file}`, en: `--data: no such file: ${file}` });
  }
  const orgUnitsFile =
    values['org-units'] === undefined ? undefined : resolve(cwd, values['org-units']);
  const storage = await openCliStorage(env, resolveDataDir(cwd, values['data-dir']), out);
  try {
    const outcome = await importFile(storage, {
      file,
      network: values.network,
      ...(orgUnitsFile === undefined ? {} : { orgUnitsFile }),
      allowRejected: values['allow-rejected'],
      importedBy: 'cli',
      now: instant(new Date()),
    });
    printReport(values.data, outcome, out);
    return outcome.saved === undefined ? 1 : 0;
  } finally {
    await storage.close();
  }
}

/**
 * The demo: stores the indicator values of `file` for `network` when the storage has none
 * for it yet (so the dashboard reads them from the storage).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { seedIndicatorValuesIfEmpty } from './cli-indicator-values.js';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await seedIndicatorValuesIfEmpty(storage, 'examples/data/indicators', 'udomlya', instant(new Date()), console.log);
 * ```
 */
export async function seedIndicatorValuesIfEmpty(
  storage: Pick<Storage, 'indicatorValues'>,
  dataDir: string,
  network: string,
  now: Instant,
  out: (line: string) => void,
): Promise<void> {
  const file = resolve(dataDir, 'data-values.csv');
  const orgUnitsFile = resolve(dataDir, 'org-units.json');
  if (!existsSync(file) || !existsSync(orgUnitsFile)) return;
  if (await storage.indicatorValues.has(network)) return;
  const outcome = await importFile(storage, {
    file,
    network,
    orgUnitsFile,
    allowRejected: false,
    importedBy: 'demo',
    now,
  });
  if (outcome.saved === undefined) {
    printReport(file, outcome, out);
    return;
  }
  say(out, {
    ru: `значения показателей (${outcome.saved.valueCount}) загружены из ${file}`,
    en: `indicator values (${outcome.saved.valueCount}) loaded from ${file}`,
  });
}
