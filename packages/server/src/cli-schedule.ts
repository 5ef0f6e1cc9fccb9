import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  bookingsHitByChange,
  ConflictError,
  createNetworkSchedule,
  instant,
  localDateTime,
  NotFoundError,
  sameEntry,
  type Booking,
  type NetworkSchedule,
} from '@eduset/core';
import type { Storage } from '@eduset/adapters';
import {
  ReportedFailure,
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
 * The usage lines of `eduset schedule`, Russian and English.
 *
 * @example
 * ```ts
 * import { scheduleUsage } from './cli-schedule.js';
 * scheduleUsage.join('\n');
 * ```
 */
export const scheduleUsage: readonly string[] = [
  '  eduset schedule export [--network N] [--out файл.json] [--data-dir .data/pglite]',
  '  eduset schedule check --file файл.json [--data-dir .data/pglite]',
  '  eduset schedule replace --file файл.json [--keep-hits | --cancel-hits [--reason "…"]]',
  '',
  '  schedule  расписание сети / the network schedule',
  '          export   выгрузить хранимое расписание в JSON / write the stored schedule as JSON',
  '          check    проверить файл, ничего не сохраняя; показать, чьи записи он затронет /',
  '                   check a file without storing it; list the booked consultations it would hit',
  '          replace  заменить хранимое расписание файлом; если он затрагивает записи, нужен',
  '                   --keep-hits (оставить их) или --cancel-hits (отменить за родителя, родителю',
  '                   придёт письмо) / replace the stored schedule; when it hits booked',
  '                   consultations, --keep-hits keeps them or --cancel-hits cancels them on the',
  "                   parent's behalf (the parent is told by e-mail); --force is --keep-hits",
];

/**
 * The audit log's action of `eduset schedule replace` (and `serve --replace-schedule`).
 *
 * @example
 * ```ts
 * import { scheduleReplaceAction } from './cli-schedule.js';
 * scheduleReplaceAction; // 'CLI schedule replace'
 * ```
 */
export const scheduleReplaceAction = 'CLI schedule replace';

/** What to do with the booked consultations a replacement hits. */
export type HitChoice = 'refuse' | 'keep' | 'cancel';

/**
 * A schedule file read and validated: a `ValidationError` lists every problem; a file that
 * cannot be read or parsed is an error naming it.
 *
 * @example
 * ```ts
 * import { readScheduleFile } from './cli-schedule.js';
 * const schedule = readScheduleFile('examples/data/udomlya-schedule.json');
 * ```
 */
export function readScheduleFile(path: string): NetworkSchedule {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Не удалось прочитать ${path} / Could not read ${path}: ${detail}`);
  }
  return createNetworkSchedule(json);
}

async function storedOrNothing(
  storage: Storage,
  networkId: string,
): Promise<{ schedule: NetworkSchedule; revision: number } | undefined> {
  try {
    return await storage.loadScheduleRevision(networkId);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/** One line per hit consultation: when (in the site's zone), where, what; no contact. */
function hitLines(schedule: NetworkSchedule, hits: readonly Booking[]): string[] {
  return hits.map((booking) => {
    const zone =
      schedule.availabilities.find((entry) => entry.siteId === booking.siteId)?.timeZone ??
      'Europe/Moscow';
    const start = localDateTime(booking.start, zone);
    const end = localDateTime(booking.end, zone);
    return `  ${start.date} ${start.time}–${end.time} (${zone}) ${booking.specialistId} @ ${booking.siteId}, ${booking.serviceId} — ${booking.id}`;
  });
}

/**
 * The booked consultations a schedule would hit if it replaced the stored one (none when the
 * network has no stored schedule), with the stored revision.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { instant } from '@eduset/core';
 * import { hitsOfReplacement, readScheduleFile } from './cli-schedule.js';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const { hits } = await hitsOfReplacement(storage, readScheduleFile('schedule.json'), instant(new Date()));
 * ```
 */
export async function hitsOfReplacement(
  storage: Storage,
  proposed: NetworkSchedule,
  now: ReturnType<typeof instant>,
): Promise<{
  stored: { schedule: NetworkSchedule; revision: number } | undefined;
  hits: Booking[];
}> {
  const stored = await storedOrNothing(storage, proposed.networkId);
  if (stored === undefined) return { stored, hits: [] };
  const bookings = await storage.listBookings(proposed.networkId, { from: now });
  return { stored, hits: bookingsHitByChange(stored.schedule, proposed, bookings, now) };
}

/**
 * Replaces a network's stored schedule with `proposed`, deciding on the booked consultations it
 * hits: `refuse` lists them and throws a {@link ReportedFailure}; `keep` leaves them; `cancel`
 * cancels them on the parent's behalf (`by: 'site'`) in the same transaction. Published against
 * the stored revision, so a change made meanwhile (the editor) is not overwritten silently.
 * Returns the new revision, or `undefined` when the stored schedule is already the same.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { instant } from '@eduset/core';
 * import { readScheduleFile, replaceSchedule } from './cli-schedule.js';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await replaceSchedule(storage, readScheduleFile('schedule.json'), {
 *   choice: 'refuse', now: instant(new Date()), out: console.log, err: console.error,
 * });
 * ```
 */
export async function replaceSchedule(
  storage: Storage,
  proposed: NetworkSchedule,
  options: {
    readonly choice: HitChoice;
    readonly reason?: string;
    readonly now: ReturnType<typeof instant>;
    readonly out: (line: string) => void;
    readonly err: (line: string) => void;
  },
): Promise<number | undefined> {
  const { choice, now, out, err } = options;
  const { stored, hits } = await hitsOfReplacement(storage, proposed, now);
  if (stored !== undefined && sameEntry(stored.schedule, proposed)) {
    say(out, {
      ru: `расписание сети «${proposed.networkId}» уже такое (версия ${stored.revision}); ничего не изменено`,
      en: `the schedule of network "${proposed.networkId}" is already the same (revision ${stored.revision}); nothing changed`,
    });
    return undefined;
  }
  if (hits.length > 0) {
    say(choice === 'refuse' ? err : out, {
      ru: `новое расписание затрагивает записанные консультации (${hits.length}):`,
      en: `the new schedule hits booked consultations (${hits.length}):`,
    });
    for (const line of hitLines(stored?.schedule ?? proposed, hits)) {
      (choice === 'refuse' ? err : out)(line);
    }
    if (choice === 'refuse') {
      say(err, {
        ru: 'расписание не заменено: добавьте --keep-hits (оставить записи) или --cancel-hits (отменить их за родителя)',
        en: 'the schedule is not replaced: add --keep-hits (keep these bookings) or --cancel-hits (cancel them on the parent’s behalf)',
      });
      throw new ReportedFailure();
    }
  }
  const seen = new Set(hits.map((booking) => booking.id));
  const published = await storage.publishSchedule(proposed, {
    expectedRevision: stored?.revision ?? 0,
    now,
    cancel: choice === 'cancel' ? [...seen] : [],
    ...(options.reason === undefined ? {} : { reason: options.reason }),
    check: {
      specialistIds: [
        ...new Set([
          ...proposed.availabilities.map((entry) => entry.specialistId),
          ...(stored?.schedule.availabilities ?? []).map((entry) => entry.specialistId),
        ]),
      ],
      verify: (active) => {
        const again =
          stored === undefined ? [] : bookingsHitByChange(stored.schedule, proposed, active, now);
        if (again.some((booking) => !seen.has(booking.id))) {
          throw new ConflictError('hits-changed', {
            ru: 'пока шла проверка, появились новые записи, которые затронет расписание; запустите команду ещё раз',
            en: 'new bookings the schedule hits appeared meanwhile; run the command again',
          });
        }
      },
    },
  });
  // The operator's replacement is in the audit log like a publish in the console.
  await storage.audit.append([
    {
      at: now,
      actorAccountId: null,
      actorLabel: 'оператор (командная строка) / operator (command line)',
      action: scheduleReplaceAction,
      networkId: proposed.networkId,
      recordIds: published.cancelled.map((booking) => booking.id),
      outcome: 200,
    },
  ]);
  say(out, {
    ru: `расписание сети «${proposed.networkId}» заменено (версия ${published.revision})${
      published.cancelled.length > 0 ? `; отменено записей: ${published.cancelled.length}` : ''
    }${choice === 'keep' && hits.length > 0 ? `; оставлено записей: ${hits.length}` : ''}`,
    en: `the schedule of network "${proposed.networkId}" replaced (revision ${published.revision})${
      published.cancelled.length > 0 ? `; bookings cancelled: ${published.cancelled.length}` : ''
    }${choice === 'keep' && hits.length > 0 ? `; bookings kept: ${hits.length}` : ''}`,
  });
  return published.revision;
}

/**
 * `eduset schedule export|check|replace` (see {@link scheduleUsage}). Returns the exit code:
 * 0 done, 1 refused or failed (invalid file, hits without a decision, the revision moved on),
 * 2 a mistake in the command line.
 *
 * @example
 * ```ts
 * import { runScheduleCommand } from './cli-schedule.js';
 * await runScheduleCommand(['check', '--file', 'examples/data/udomlya-schedule.json'], { cwd: '/srv/eduset' });
 * ```
 */
export async function runScheduleCommand(
  args: readonly string[],
  context: CommandContext & { readonly now?: () => ReturnType<typeof instant> },
): Promise<number> {
  const { out, err, cwd, env } = commandIO(context);
  const now = context.now ?? (() => instant(new Date()));
  const [verb, ...rest] = args;
  try {
    if (asksForHelp(verb)) {
      for (const line of scheduleUsage) (verb === undefined ? err : out)(line);
      return verb === undefined ? 2 : 0;
    }
    if (verb === 'export') {
      const { values } = parseCommandArgs('schedule export', rest, {
        ...storageFlags,
        network: { type: 'string' },
        out: { type: 'string' },
      });
      if (values.help) {
        for (const line of scheduleUsage) out(line);
        return 0;
      }
      const target =
        values.out === undefined ? undefined : resolve(cwd, nonEmptyFlag('out', values.out));
      // With --out the JSON goes to the file, so the notes may go to standard output.
      const notes = target === undefined ? err : out;
      const storage = await openCliStorage(env, resolveDataDir(cwd, values['data-dir']), notes);
      try {
        const networks = await storage.listNetworks();
        const networkId = values.network ?? (networks.length === 1 ? networks[0]?.id : undefined);
        if (networkId === undefined) {
          throw new UsageError({
            ru: `укажите сеть параметром --network: ${networks.map((n) => n.id).join(', ') || '(сетей нет)'}`,
            en: `choose the network with --network: ${networks.map((n) => n.id).join(', ') || '(no network)'}`,
          });
        }
        const { schedule, revision } = await storage.loadScheduleRevision(networkId);
        const text = `${JSON.stringify(schedule, null, 2)}\n`;
        if (target === undefined) out(text.trimEnd());
        else writeFileSync(target, text);
        say(notes, {
          ru: `расписание сети «${networkId}» выгружено (версия ${revision})${target === undefined ? '' : `: ${target}`}`,
          en: `the schedule of network "${networkId}" exported (revision ${revision})${target === undefined ? '' : `: ${target}`}`,
        });
        return 0;
      } finally {
        await storage.close();
      }
    }
    if (verb === 'check' || verb === 'replace') {
      const { values } = parseCommandArgs(`schedule ${verb}`, rest, {
        ...storageFlags,
        file: { type: 'string' },
        ...(verb === 'replace'
          ? {
              'keep-hits': { type: 'boolean', default: false },
              force: { type: 'boolean', default: false },
              'cancel-hits': { type: 'boolean', default: false },
              reason: { type: 'string' },
            }
          : {}),
      });
      if (values.help) {
        for (const line of scheduleUsage) out(line);
        return 0;
      }
      if (values.file === undefined) {
        throw new UsageError({ ru: 'нужен параметр --file', en: '--file is required' });
      }
      const file = resolve(cwd, nonEmptyFlag('file', values.file));
      const flags = values as Record<string, unknown>;
      const keep = flags['keep-hits'] === true || flags.force === true;
      const cancel = flags['cancel-hits'] === true;
      if (keep && cancel) {
        throw new UsageError({
          ru: '--keep-hits и --cancel-hits исключают друг друга',
          en: '--keep-hits and --cancel-hits exclude each other',
        });
      }
      const proposed = readScheduleFile(file);
      say(out, {
        ru: `файл ${file}: расписание сети «${proposed.networkId}» прошло проверку (${proposed.availabilities.length} графиков, ${proposed.bookingRules.length} услуг, отпусков: ${proposed.vacations.length})`,
        en: `file ${file}: the schedule of network "${proposed.networkId}" is valid (${proposed.availabilities.length} availabilities, ${proposed.bookingRules.length} services, vacations: ${proposed.vacations.length})`,
      });
      const storage = await openCliStorage(env, resolveDataDir(cwd, values['data-dir']), out);
      try {
        if (verb === 'check') {
          const { stored, hits } = await hitsOfReplacement(storage, proposed, now());
          if (stored === undefined) {
            say(out, {
              ru: `в хранилище нет расписания сети «${proposed.networkId}»; записи не затрагиваются`,
              en: `the storage holds no schedule of network "${proposed.networkId}"; no booking is hit`,
            });
          } else {
            say(out, {
              ru: `хранимое расписание: версия ${stored.revision}; файл затронет записанных консультаций: ${hits.length}`,
              en: `stored schedule: revision ${stored.revision}; the file would hit booked consultations: ${hits.length}`,
            });
            for (const line of hitLines(stored.schedule, hits)) out(line);
          }
          say(out, { ru: 'ничего не сохранено', en: 'nothing was stored' });
          return 0;
        }
        const reason = typeof flags.reason === 'string' ? flags.reason : undefined;
        await replaceSchedule(storage, proposed, {
          choice: cancel ? 'cancel' : keep ? 'keep' : 'refuse',
          ...(reason === undefined ? {} : { reason }),
          now: now(),
          out,
          err,
        });
        return 0;
      } finally {
        await storage.close();
      }
    }
    throw new UsageError({
      ru: `неизвестная команда «schedule ${verb}»`,
      en: `unknown command "schedule ${verb}"`,
    });
  } catch (error) {
    if (error instanceof UsageError) return reportUsageError(error, scheduleUsage, err);
    if (error instanceof ReportedFailure) return 1;
    reportError(error, err);
    return 1;
  }
}
