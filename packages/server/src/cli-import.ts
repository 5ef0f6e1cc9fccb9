import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  createNetwork,
  isEdusetError,
  parse,
  serviceSchema,
  type LocalizedText,
  type Network,
  type NetworkInput,
  type ValidationIssue,
} from '@eduset/core';
import { z } from 'zod';
import {
  ReportedFailure,
  UsageError,
  commandIO,
  nonEmptyFlag,
  openCliStorage,
  parseCommandArgs,
  reportError,
  resolveDataDir,
  say,
  storageFlags,
  type CommandContext,
} from './cli-shared.js';
import {
  importNetworkFiles,
  importOrganizations,
  type ImportResult,
  type NetworkFilesResult,
} from '@eduset/adapters';
import type { Storage } from '@eduset/adapters';

/**
 * The options of `eduset import`, as parsed from the command line (paths resolved).
 *
 * @example
 * ```ts
 * import type { ImportCommandOptions } from './cli-import.js';
 * const options: ImportCommandOptions = {
 *   organizations: '/data/организации.xlsx', sites: '/data/площадки.csv',
 *   organizationsShown: 'организации.xlsx', sitesShown: 'площадки.csv',
 *   network: 'udomlya', dataDir: '/srv/eduset/.data/pglite',
 *   dryRun: false, replace: false, allowRejected: false,
 * };
 * ```
 */
export interface ImportCommandOptions {
  /** The organizations file (absolute path). */
  readonly organizations: string;
  /** The sites file (absolute path). */
  readonly sites: string;
  /** The organizations file as the user wrote it, for the report. */
  readonly organizationsShown: string;
  /** The sites file as the user wrote it, for the report. */
  readonly sitesShown: string;
  /** A JSON file with the services (an array, or an object with `services`). */
  readonly services?: string;
  /** The network id; the only stored network when left out. */
  readonly network?: string;
  readonly name?: string;
  readonly municipality?: string;
  /** PGlite's data directory (resolved), unless `DATABASE_URL` is set. */
  readonly dataDir: string;
  /** Validate and report, save nothing. */
  readonly dryRun: boolean;
  /** Replace the organizations and sites of an existing network. */
  readonly replace: boolean;
  /** Save the accepted rows even when some rows were rejected. */
  readonly allowRejected: boolean;
}

/**
 * The usage lines of `eduset import`, appended to the CLI's usage text.
 *
 * @example
 * ```ts
 * import { importUsage } from './cli-import.js';
 * importUsage.forEach((line) => console.log(line));
 * ```
 */
export const importUsage: readonly string[] = [
  '  eduset import --organizations организации.xlsx --sites площадки.csv',
  '                [--network udomlya] [--name "…"] [--municipality "…"]',
  '                [--services услуги.json] [--data-dir .data/pglite]',
  '                [--dry-run] [--replace] [--allow-rejected]',
];

/**
 * The description lines of `eduset import` and its flags, for the CLI's usage text.
 *
 * @example
 * ```ts
 * import { importHelp } from './cli-import.js';
 * importHelp.forEach((line) => console.log(line));
 * ```
 */
export const importHelp: readonly string[] = [
  '  import  загрузить организации и площадки из Excel/CSV в хранилище /',
  '          load organizations and sites from Excel/CSV files into the storage',
  '          --network         код сети; новой сети нужны --name и --municipality /',
  '                            the network id; a new network needs --name and --municipality',
  '          --replace         заменить организации и площадки существующей сети /',
  '                            replace the organizations and sites of an existing network',
  '          --services        услуги сети из JSON (массив или сеть с полем services) /',
  '                            the services from JSON (an array or a network with services)',
  '          --dry-run         проверить и показать отчёт, ничего не сохраняя /',
  '                            validate and report without saving',
  '          --allow-rejected  сохранить принятые строки, даже если часть отклонена /',
  '                            save the accepted rows even when some were rejected',
];

/**
 * Parses the flags of `eduset import`; `'help'` for `--help`.
 *
 * @throws UsageError for a mistake in the command line (exit code 2).
 * @example
 * ```ts
 * import { parseImportOptions } from './cli-import.js';
 * const options = parseImportOptions(
 *   ['--organizations', 'o.csv', '--sites', 's.csv', '--network', 'town', '--dry-run'],
 *   '/srv/eduset',
 * );
 * ```
 */
export function parseImportOptions(
  args: readonly string[],
  cwd: string,
): ImportCommandOptions | 'help' {
  const { values } = parseCommandArgs('import', args, {
    ...storageFlags,
    organizations: { type: 'string', short: 'o' },
    sites: { type: 'string', short: 's' },
    services: { type: 'string' },
    network: { type: 'string', short: 'n' },
    name: { type: 'string' },
    municipality: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    replace: { type: 'boolean', default: false },
    'allow-rejected': { type: 'boolean', default: false },
  });
  if (values.help) return 'help';
  const nonEmpty = (flag: string, value: string | undefined): string | undefined =>
    value === undefined ? undefined : nonEmptyFlag(flag, value).trim();
  const existingFile = (flag: string, value: string | undefined): string | undefined => {
    const given = nonEmpty(flag, value);
    if (given === undefined) return undefined;
    const path = resolve(cwd, given);
    if (!existsSync(path)) {
      throw new UsageError({
        ru: `--${flag}: файла нет: ${path}`,
        en: `--${flag}: no such file: ${path}`,
      });
    }
    return path;
  };
  const organizations = existingFile('organizations', values.organizations);
  const sites = existingFile('sites', values.sites);
  if (organizations === undefined || sites === undefined) {
    const missing = [
      organizations === undefined ? '--organizations' : '',
      sites === undefined ? '--sites' : '',
    ]
      .filter((flag) => flag !== '')
      .join(', ');
    throw new UsageError({
      ru: `команде import нужны оба файла: --organizations и --sites (нет ${missing})`,
      en: `the import command needs both files: --organizations and --sites (missing ${missing})`,
    });
  }
  const services = existingFile('services', values.services);
  const network = nonEmpty('network', values.network);
  const name = nonEmpty('name', values.name);
  const municipality = nonEmpty('municipality', values.municipality);
  return {
    organizations,
    sites,
    organizationsShown: values.organizations ?? organizations,
    sitesShown: values.sites ?? sites,
    ...(services !== undefined ? { services } : {}),
    ...(network !== undefined ? { network } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(municipality !== undefined ? { municipality } : {}),
    dataDir: resolveDataDir(cwd, nonEmpty('data-dir', values['data-dir']) ?? '.data/pglite'),
    dryRun: values['dry-run'],
    replace: values.replace,
    allowRejected: values['allow-rejected'],
  };
}

type Services = NonNullable<NetworkInput['services']>;

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`не удалось прочитать ${path} / could not read ${path}: ${detail}`);
  }
}

/** Reads `--services`: a JSON array of services, or an object (a network) with `services`. */
function readServices(path: string, err: (line: string) => void): Services {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`не удалось прочитать ${path} / could not read ${path}: ${detail}`);
  }
  const list =
    typeof json === 'object' && json !== null && !Array.isArray(json) && 'services' in json
      ? json.services
      : json;
  try {
    return parse(z.array(serviceSchema), list);
  } catch (error) {
    if (!isEdusetError(error)) throw error;
    say(err, {
      ru: `файл услуг ${path} не прошёл проверку (ожидается массив услуг или сеть с полем services)`,
      en: `the services file ${path} did not pass validation (expected an array of services or a network with services)`,
    });
    reportError(error, err);
    throw new ReportedFailure();
  }
}

/** The network to import into: its id and, when it is stored, its current version. */
async function findTarget(
  storage: Storage,
  options: ImportCommandOptions,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<{ id: string; existing: Network | undefined }> {
  const fail = (text: LocalizedText): never => {
    say(err, text);
    throw new ReportedFailure();
  };
  const stored = await storage.listNetworks();
  let id = options.network;
  if (id === undefined) {
    const [only, ...others] = stored;
    if (only === undefined) {
      return fail({
        ru: 'в хранилище нет сетей: укажите код новой сети --network, а также --name и --municipality',
        en: 'the storage holds no network: give the new network an id with --network, and --name and --municipality',
      });
    }
    if (others.length > 0) {
      const ids = stored.map((network) => network.id).join(', ');
      return fail({
        ru: `в хранилище несколько сетей (${ids}): укажите одну из них --network`,
        en: `the storage holds several networks (${ids}): choose one with --network`,
      });
    }
    id = only.id;
    say(out, {
      ru: `сеть: «${id}» (единственная в хранилище)`,
      en: `network: "${id}" (the only one stored)`,
    });
  }
  const existing = stored.some((network) => network.id === id)
    ? await storage.loadNetwork(id)
    : undefined;
  if (existing !== undefined && !options.replace) {
    return fail({
      ru: `сеть «${id}» уже есть в хранилище; ничего не сохранено. Чтобы заменить её организации и площадки, добавьте --replace`,
      en: `network "${id}" already exists in the storage; nothing was saved. Add --replace to replace its organizations and sites`,
    });
  }
  if (existing === undefined) {
    const missing = [
      options.name === undefined ? '--name' : '',
      options.municipality === undefined ? '--municipality' : '',
    ].filter((flag) => flag !== '');
    if (missing.length > 0) {
      return fail({
        ru: `сети «${id}» нет в хранилище; для новой сети укажите ${missing.join(' и ')}`,
        en: `there is no network "${id}" in the storage; a new network needs ${missing.join(' and ')}`,
      });
    }
  }
  return { id, existing };
}

function formatName(result: ImportResult<unknown>): string {
  const { source } = result;
  if (source.format === 'xlsx')
    return `XLSX${source.sheet !== undefined ? `, «${source.sheet}»` : ''}`;
  const delimiter = source.delimiter === '\t' ? 'TAB' : source.delimiter;
  return `CSV${source.encoding !== undefined ? `, ${source.encoding}` : ''}${delimiter !== undefined ? `, «${delimiter}»` : ''}`;
}

function joined(issues: readonly ValidationIssue[], language: keyof LocalizedText): string {
  return issues.map((issue) => issue.message[language]).join('; ');
}

/** Prints, per file, rows read, accepted and rejected, then every rejected row. */
function printReport(
  imported: NetworkFilesResult,
  options: ImportCommandOptions,
  out: (line: string) => void,
): void {
  const files = [
    {
      what: { ru: 'организации', en: 'organizations' },
      shown: options.organizationsShown,
      result: imported.organizations,
    },
    { what: { ru: 'площадки', en: 'sites' }, shown: options.sitesShown, result: imported.sites },
  ] as const;
  for (const { what, shown, result } of files) {
    const format = formatName(result);
    say(out, {
      ru: `${what.ru}: ${shown} (${format}) — строк ${result.rows}, принято ${result.accepted.length}, отклонено ${result.rejected.length}`,
      en: `${what.en}: ${shown} (${format}) — rows ${result.rows}, accepted ${result.accepted.length}, rejected ${result.rejected.length}`,
    });
  }
  for (const { shown, result } of files) {
    if (result.rejected.length === 0) continue;
    out(`eduset: отклонённые строки ${shown} / rejected rows of ${shown}:`);
    for (const { row, issues } of result.rejected) {
      out(`  строка ${row}: ${joined(issues, 'ru')} / row ${row}: ${joined(issues, 'en')}`);
    }
  }
}

/** The specialists of an existing network that would point at something no longer there. */
function brokenSpecialists(
  existing: Network,
  siteIds: ReadonlySet<string>,
  serviceIds: ReadonlySet<string>,
): LocalizedText[] {
  const problems: LocalizedText[] = [];
  for (const specialist of existing.specialists) {
    const sites = specialist.siteIds.filter((id) => !siteIds.has(id));
    const services = specialist.serviceIds.filter((id) => !serviceIds.has(id));
    if (sites.length > 0) {
      problems.push({
        ru: `специалист «${specialist.id}» работает на площадках, которых нет среди импортированных: ${sites.join(', ')}`,
        en: `specialist "${specialist.id}" works at sites that are not among the imported ones: ${sites.join(', ')}`,
      });
    }
    if (services.length > 0) {
      problems.push({
        ru: `специалист «${specialist.id}» оказывает услуги, которых нет в сети: ${services.join(', ')}`,
        en: `specialist "${specialist.id}" provides services the network does not have: ${services.join(', ')}`,
      });
    }
  }
  return problems;
}

/** For an issue of the final network, the file row its organization or site came from. */
function rowOf(issue: ValidationIssue, imported: NetworkFilesResult): LocalizedText | undefined {
  const [list, index] = issue.path;
  if (typeof index !== 'number') return undefined;
  if (list === 'organizations') {
    const row = imported.organizations.accepted[index]?.row;
    return row === undefined
      ? undefined
      : { ru: `строка ${row} файла организаций`, en: `row ${row} of the organizations file` };
  }
  if (list === 'sites') {
    const row = imported.sites.accepted[index]?.row;
    return row === undefined
      ? undefined
      : { ru: `строка ${row} файла площадок`, en: `row ${row} of the sites file` };
  }
  return undefined;
}

async function importInto(
  storage: Storage,
  options: ImportCommandOptions,
  services: Services | undefined,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const organizationBytes = readBytes(options.organizations);
  const siteBytes = readBytes(options.sites);
  const { id, existing } = await findTarget(storage, options, out, err);
  const networkServices = services ?? existing?.services ?? [];

  let imported: NetworkFilesResult;
  try {
    imported = await importNetworkFiles({
      organizations: organizationBytes,
      sites: siteBytes,
      organizationsOptions: { fileName: options.organizations },
      sitesOptions: { fileName: options.sites },
      services: networkServices,
    });
  } catch (error) {
    if (!isEdusetError(error)) throw error;
    // Tell which file could not be read: the organizations file is read first.
    const organizationsReadable = await importOrganizations(organizationBytes, {
      fileName: options.organizations,
    }).then(
      () => true,
      () => false,
    );
    const shown = organizationsReadable ? options.sitesShown : options.organizationsShown;
    say(err, {
      ru: `файл ${shown} не прочитан; ничего не сохранено`,
      en: `could not read ${shown}; nothing was saved`,
    });
    reportError(error, err);
    return 1;
  }

  printReport(imported, options, out);
  const rejected = imported.organizations.rejected.length + imported.sites.rejected.length;
  const unknownService = imported.sites.rejected.some(({ issues }) =>
    issues.some((issue) => issue.code === 'unknown_service'),
  );
  if (unknownService && services === undefined) {
    say(err, {
      ru:
        existing === undefined
          ? 'в новой сети ещё нет услуг: передайте их файлом --services или оставьте столбец «Услуги» пустым'
          : `в сети «${id}» нет некоторых услуг из файла площадок: передайте полный список файлом --services`,
      en:
        existing === undefined
          ? 'a new network has no services yet: give them with --services or leave the services column empty'
          : `network "${id}" lacks some services named in the sites file: give the full list with --services`,
    });
  }
  if (rejected > 0 && !options.allowRejected) {
    say(err, {
      ru: `отклонено строк: ${rejected}; ничего не сохранено. Исправьте файлы или добавьте --allow-rejected, чтобы сохранить только принятые строки`,
      en: `${rejected} row(s) rejected; nothing was saved. Fix the files, or add --allow-rejected to save only the accepted rows`,
    });
    return 1;
  }

  const { organizations, sites } = imported.network;
  if (existing !== undefined) {
    const problems = brokenSpecialists(
      existing,
      new Set(sites.map((site) => site.id)),
      new Set(networkServices.map((service) => service.id)),
    );
    if (problems.length > 0) {
      say(err, {
        ru: `специалисты сети «${id}» ссылаются на то, чего после замены не будет; ничего не сохранено`,
        en: `the specialists of network "${id}" refer to what the replacement removes; nothing was saved`,
      });
      for (const problem of problems) err(`  ${problem.ru} / ${problem.en}`);
      return 1;
    }
  }
  const input: NetworkInput = {
    ...(existing ?? {}),
    id,
    name: options.name ?? existing?.name ?? '',
    municipality: options.municipality ?? existing?.municipality ?? '',
    organizations,
    sites,
    services: networkServices,
  };
  let network: Network;
  try {
    network = createNetwork(input);
  } catch (error) {
    if (!isEdusetError(error)) throw error;
    say(err, {
      ru: `сеть «${id}» не прошла проверку; ничего не сохранено`,
      en: `network "${id}" did not pass validation; nothing was saved`,
    });
    const issues =
      'issues' in error && Array.isArray(error.issues)
        ? (error.issues as readonly ValidationIssue[])
        : [];
    for (const issue of issues) {
      const path = issue.path.length > 0 ? issue.path.join('.') : '(корень / root)';
      const row = rowOf(issue, imported);
      err(
        `  ${path}: ${issue.message.ru}${row !== undefined ? ` (${row.ru})` : ''} / ` +
          `${issue.message.en}${row !== undefined ? ` (${row.en})` : ''}`,
      );
    }
    if (issues.length === 0) reportError(error, err);
    return 1;
  }

  const counts = {
    ru: `организаций ${network.organizations.length}, площадок ${network.sites.length}`,
    en: `${network.organizations.length} organizations, ${network.sites.length} sites`,
  };
  const skipped: LocalizedText =
    rejected > 0
      ? {
          ru: `; отклонённые строки (${rejected}) не сохраняются`,
          en: `; the ${rejected} rejected row(s) are not saved`,
        }
      : { ru: '', en: '' };
  if (options.dryRun) {
    say(out, {
      ru: `проверка пройдена: сеть «${id}» — ${counts.ru}${skipped.ru}; ничего не сохранено (--dry-run)`,
      en: `validation passed: network "${id}" — ${counts.en}${skipped.en}; nothing was saved (--dry-run)`,
    });
    return 0;
  }
  await storage.saveNetwork(network);
  say(out, {
    ru: `сеть «${id}» ${existing === undefined ? 'создана' : 'обновлена (организации и площадки заменены)'}: ${counts.ru}${skipped.ru}`,
    en: `network "${id}" ${existing === undefined ? 'created' : 'updated (organizations and sites replaced)'}: ${counts.en}${skipped.en}`,
  });
  return 0;
}

/**
 * Runs `eduset import`: reads both files, reports every row, and saves the network unless
 * a row was rejected (without `--allow-rejected`), validation failed or `--dry-run` was
 * given. Returns the exit code: 0 saved (or a clean dry run), 1 otherwise.
 *
 * @example
 * ```ts
 * import { parseImportOptions, runImport } from './cli-import.js';
 * const options = parseImportOptions(
 *   ['--organizations', 'o.csv', '--sites', 's.csv', '--network', 'town',
 *    '--name', 'Служба', '--municipality', 'Город', '--dry-run'],
 *   process.cwd(),
 * );
 * if (options !== 'help') await runImport(options, { env: {} }); // 0
 * ```
 */
export async function runImport(
  options: ImportCommandOptions,
  context: Omit<CommandContext, 'cwd'>,
): Promise<number> {
  const { out, err, env } = commandIO(context);
  try {
    const services =
      options.services === undefined ? undefined : readServices(options.services, err);
    const storage = await openCliStorage(env, options.dataDir, out);
    try {
      return await importInto(storage, options, services, out, err);
    } finally {
      await storage.close();
    }
  } catch (error) {
    if (!(error instanceof ReportedFailure)) reportError(error, err);
    return 1;
  }
}
