import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { instant } from '@eduset/core';
import {
  courseNetworkTables,
  mergeCourseNetworkTable,
  type CourseNetworkTable,
} from '@eduset/core/courses';
import { courseTableCsv, importCourseNetworkTable, labelTableIssue } from '@eduset/adapters';
import {
  UsageError,
  asksForHelp,
  commandIO,
  nonEmptyFlag,
  openCliStorage,
  parseCommandArgs,
  reportError,
  reportUsageError,
  resolveDataDir,
  say,
  storageFlags,
  type CommandContext,
} from './cli-shared.js';

/**
 * The usage lines of `eduset courses`, Russian and English.
 *
 * @example
 * ```ts
 * import { coursesUsage } from './cli-course-tables.js';
 * coursesUsage.join('\n');
 * ```
 */
export const coursesUsage: readonly string[] = [
  '  eduset courses import <файл.csv|xlsx> --table rooms|teachers|courses|groups|students',
  '               [--network udomlya] [--mode replace|merge] [--save-accepted] [--data-dir …]',
  '  eduset courses export --table rooms|… [--network udomlya] [--out файл.csv]',
  '',
  '  courses  таблицы сети профильных курсов / the tables of the course network',
  '          import   загрузить таблицу (новая редакция сети); при отклонённых строках ничего не',
  '                   сохраняется без --save-accepted / upload a table (a new revision); with',
  '                   rejected rows nothing is saved unless --save-accepted',
  '          export   выгрузить таблицу в CSV (загружается обратно без изменений) / write a table',
  '                   as CSV (it uploads back unchanged)',
];

/** The audit log's action of `eduset courses import`. */
const importAction = 'CLI courses import';

function tableOf(value: string | undefined): CourseNetworkTable {
  const table = courseNetworkTables.find((name) => name === value);
  if (table === undefined) {
    throw new UsageError({
      ru: `--table: одна из ${courseNetworkTables.join(', ')}`,
      en: `--table: one of ${courseNetworkTables.join(', ')}`,
    });
  }
  return table;
}

/**
 * `eduset courses import|export`: a table of the stored course network from or to a file.
 * Exit 0 when saved (or written), 1 when rows were rejected (nothing saved without
 * `--save-accepted`) or the network would break, 2 for a mistake in the command line.
 *
 * @example
 * ```ts
 * import { runCoursesCommand } from './cli-course-tables.js';
 * await runCoursesCommand(['import', 'rooms.csv', '--table', 'rooms', '--network', 'udomlya'], {});
 * ```
 */
export async function runCoursesCommand(
  args: readonly string[],
  context: CommandContext,
): Promise<number> {
  const { out, err, cwd, env } = commandIO(context);
  const [verb, ...rest] = args;
  try {
    if (asksForHelp(verb)) {
      for (const line of coursesUsage) (verb === undefined ? err : out)(line);
      return verb === undefined ? 2 : 0;
    }
    if (verb !== 'import' && verb !== 'export') {
      throw new UsageError({
        ru: `неизвестное действие «${verb ?? ''}»: import или export`,
        en: `unknown action "${verb ?? ''}": import or export`,
      });
    }
    const positional = rest[0] !== undefined && !rest[0].startsWith('--') ? rest[0] : undefined;
    const { values } = parseCommandArgs(
      `courses ${verb}`,
      positional === undefined ? rest : rest.slice(1),
      {
        ...storageFlags,
        table: { type: 'string' },
        network: { type: 'string', default: 'udomlya' },
        mode: { type: 'string', default: 'replace' },
        'save-accepted': { type: 'boolean', default: false },
        out: { type: 'string' },
      },
    );
    if (values.help) {
      for (const line of coursesUsage) out(line);
      return 0;
    }
    const table = tableOf(values.table);
    const networkId = nonEmptyFlag('network', values.network);
    const storage = await openCliStorage(env, resolveDataDir(cwd, values['data-dir']), err);
    try {
      const stored = await storage.courseNetworks.load(networkId);
      if (stored === undefined) {
        say(err, {
          ru: `сеть курсов «${networkId}» не сохранена`,
          en: `course network "${networkId}" is not stored`,
        });
        return 1;
      }
      if (verb === 'export') {
        const text = courseTableCsv(stored.network, table);
        if (values.out === undefined) out(text.trimEnd());
        else writeFileSync(resolve(cwd, nonEmptyFlag('out', values.out)), text);
        return 0;
      }
      if (positional === undefined) {
        throw new UsageError({ ru: 'укажите файл', en: 'name the file' });
      }
      const mode = values.mode === 'merge' ? 'merge' : 'replace';
      const file = resolve(cwd, positional);
      const result = await importCourseNetworkTable(table, readFileSync(file), {
        fileName: basename(file),
        equipment: stored.network.equipment,
      });
      const merge = mergeCourseNetworkTable(stored.network, table, result.accepted, mode);
      const rejected = [
        ...result.rejected,
        ...merge.rejected.map((row) => ({
          ...row,
          issues: row.issues.map((issue) => labelTableIssue(table, issue)),
        })),
      ].sort((a, b) => a.row - b.row);
      for (const row of rejected) {
        for (const issue of row.issues) {
          err(`  строка / row ${row.row}: ${issue.message.ru} / ${issue.message.en}`);
        }
      }
      for (const issue of merge.networkIssues) err(`  ${issue.message.ru} / ${issue.message.en}`);
      say(out, {
        ru: `строк: ${result.rows}, принято: ${merge.accepted.length}, отклонено: ${rejected.length}`,
        en: `rows: ${result.rows}, accepted: ${merge.accepted.length}, rejected: ${rejected.length}`,
      });
      if (merge.network === undefined || (rejected.length > 0 && !values['save-accepted'])) {
        say(err, { ru: 'ничего не сохранено', en: 'nothing saved' });
        return 1;
      }
      const at = instant(new Date());
      const saved = await storage.courseNetworks.save(
        networkId,
        merge.network,
        'cli',
        at,
        stored.revision,
      );
      await storage.audit.append([
        {
          at,
          actorAccountId: null,
          actorLabel: 'оператор (командная строка) / operator (command line)',
          action: importAction,
          networkId,
          recordIds: [`network:${saved.revision}`, `table:${table}`],
          outcome: 200,
        },
      ]);
      say(out, {
        ru: `сохранена редакция ${saved.revision} сети «${networkId}»`,
        en: `saved revision ${saved.revision} of network "${networkId}"`,
      });
      return 0;
    } finally {
      await storage.close();
    }
  } catch (error) {
    if (error instanceof UsageError) return reportUsageError(error, coursesUsage, err);
    reportError(error, err);
    return 1;
  }
}
