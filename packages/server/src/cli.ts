#!/usr/bin/env node
import pino from 'pino';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNetwork, instant, isEdusetError, sameEntry, type Instant } from '@eduset/core';
import { seedConsultationHistoryIfEmpty } from './cli-consultations.js';
import { seedFinancingIfEmpty } from './cli-financing.js';
import { seedInventoryIfEmpty } from './cli-inventory.js';
import { seedRoomDemoIfEmpty } from './cli-rooms.js';
import { seedSettlementDemoIfEmpty } from './cli-settlement.js';
import { seedOperatorIfEmpty } from './cli-operator.js';
import { importHelp, importUsage, parseImportOptions, runImport } from './cli-import.js';
import { indicatorsUsage, runIndicatorsCommand } from './cli-indicators.js';
import { seedIndicatorValuesIfEmpty } from './cli-indicator-values.js';
import { runSchoolsCommand, schoolsUsage, seedSchoolsIfEmpty } from './cli-schools.js';
import { seedSupportDemoIfEmpty } from './cli-support.js';
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
import { isFirstWorker, isServeWorker, leaveCluster, runWorkers } from './cli-workers.js';
import {
  mailEnvUsage,
  mailFlags,
  mailUsage,
  parseMailSettings,
  startMailSending,
  type MailCliSettings,
} from './cli-mail.js';
import { serverVersion, startServer } from './index.js';
import { demoCourseRoutes, seedCoursesIfEmpty } from './cli-courses.js';
import { runUsersCommand, seedDemoAccountsIfEmpty, usersUsage } from './cli-users.js';
import { coursesUsage, runCoursesCommand } from './cli-course-tables.js';
import { financingUsage, runFinancingCommand } from './cli-financing-rules.js';
import {
  readScheduleFile,
  replaceSchedule,
  runScheduleCommand,
  scheduleUsage,
} from './cli-schedule.js';
import { oidcOptionsFromEnv } from './features/auth/oidc.js';
import type { Storage } from '@eduset/adapters';

/**
 * Where the CLI reads and writes; the real process by default. Tests pass their own.
 *
 * @example
 * ```ts
 * import type { CliContext } from './cli.js';
 * const controller = new AbortController();
 * const context: CliContext = { cwd: '/srv/eduset', signal: controller.signal };
 * ```
 */
export interface CliContext extends CommandContext {
  /** Stops `serve` like SIGINT does, when aborted. */
  readonly signal?: AbortSignal;
  /** Reads all of standard input (`users add --password-stdin`). */
  readonly readStdin?: () => Promise<string>;
}

const usage = [
  'Использование / Usage:',
  '  eduset --version',
  '  eduset serve [--port 8080] [--host 127.0.0.1] [--data-dir .data/pglite]',
  '               [--seed examples/data/udomlya.json] [--static examples]',
  '               [--widgets packages/widgets/dist]',
  '               [--schedule examples/data/udomlya-schedule.json]',
  '               [--cors-origin https://site.example …] [--rate-limit 30]',
  '               [--erase-after-days 30] [--workers 1] [--database-url postgres://…]',
  '               [--database-read-url postgres://…]',
  '               [--log-level info] [--trust-proxy 1] [--demo-accounts] [--replace-schedule]',
  '               [--smtp-url smtp://…] [--mail-from …] [--public-url https://…]',
  '               [--reminder-time 18:00] [--booking-email-confirmation on|off]',
  ...importUsage,
  ...usersUsage,
  ...scheduleUsage,
  ...coursesUsage,
  '',
  ...financingUsage,
  '',
  '  serve   запустить справочный сервер / start the reference server',
  '          --schedule          расписание для пустого хранилища; если в хранилище уже есть другое, сервер',
  '                              скажет об этом и не заменит его / the schedule seeded into an empty storage;',
  '                              when the storage holds another one, the server says so and keeps it',
  '          --replace-schedule  заменить хранимое расписание файлом --schedule (если оно не затрагивает',
  '                              записи; иначе — eduset schedule replace) / replace the stored schedule with',
  '                              the --schedule file (unless it hits bookings; then use eduset schedule replace)',
  '          --cors-origin       сайт, которому разрешено обращаться к API (можно повторять) /',
  '                              a site allowed to call the API from its pages (repeatable)',
  '          --rate-limit        POST-запросов в минуту с одного адреса, 0 — без ограничения /',
  '                              POST requests per minute per client IP, 0 for no limit',
  '          --erase-after-days  через сколько дней после консультации стирать имя, телефон, e-mail /',
  '                              days after a consultation when name, phone and e-mail are erased',
  '          --workers           число процессов сервера на одном порту (только с DATABASE_URL) /',
  '                              server processes sharing the port (only with DATABASE_URL)',
  '          --database-read-url реплика PostgreSQL (hot standby) для навигатора и проверок баланса /',
  '                              a PostgreSQL replica (hot standby) for the navigator and balance checks',
  '          --demo-accounts     завести демо-учётные записи с известными паролями, если учётных записей нет /',
  '                              create demo accounts with known passwords when there is no account',
  '          --log-level         fatal|error|warn|info|debug|trace|silent; info — строка JSON на запрос /',
  '                              info writes one JSON line per request (no personal data)',
  '          --trust-proxy       доверять X-Forwarded-For/-Proto: true, число прокси или адреса/CIDR через запятую /',
  '                              trust X-Forwarded-For/-Proto: true, a hop count, or addresses/CIDRs, comma-separated',
  ...mailUsage,
  ...importHelp,
  ...indicatorsUsage,
  ...schoolsUsage,
  '',
  'DATABASE_URL=postgres://… — хранить данные в PostgreSQL вместо PGlite (важнее --data-dir) /',
  '                            store data in a PostgreSQL server instead of PGlite (wins over --data-dir)',
  'Переменные окружения / environment: PORT, HOST, DATABASE_URL, DATABASE_READ_URL, LOG_LEVEL, TRUST_PROXY,',
  '  CORS_ORIGINS (через запятую / comma-separated), RATE_LIMIT; флаги важнее / flags win.',
  'OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI, OIDC_GRANTS_CLAIM —',
  '                            вход через Keycloak (OpenID Connect) / sign-in through Keycloak (OpenID Connect)',
  ...mailEnvUsage,
];

type Environment = Readonly<Record<string, string | undefined>>;

/** The log levels of `--log-level` / `LOG_LEVEL`. */
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof logLevels)[number];

/** A setting from its flag, else from the environment (empty counts as unset), with its name. */
function setting(
  flag: string | undefined,
  flagName: string,
  env: Environment,
  envName: string,
): { readonly value: string; readonly source: string } | undefined {
  if (flag !== undefined) return { value: flag, source: `--${flagName}` };
  const fromEnv = env[envName];
  if (fromEnv !== undefined && fromEnv.trim() !== '')
    return { value: fromEnv.trim(), source: envName };
  return undefined;
}

function parseLogLevel(text: string, source: string): LogLevel {
  const level = logLevels.find((candidate) => candidate === text.toLowerCase());
  if (level === undefined) {
    throw new UsageError({
      ru: `${source}: ожидается один из уровней ${logLevels.join(', ')}, получено «${text}»`,
      en: `${source}: expected one of ${logLevels.join(', ')}, got "${text}"`,
    });
  }
  return level;
}

const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/(3[0-2]|[12]?\d))?$/;
const ipv6 = /^[0-9a-f:]*:[0-9a-f:.]*(\/(12[0-8]|1[01]\d|[1-9]?\d))?$/i;

/** `TRUST_PROXY`: `true`/`false`, a hop count, or addresses and CIDR ranges (or proxy-addr names). */
function parseTrustProxy(text: string, source: string): boolean | number | string[] {
  const value = text.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const parts = text.split(',').map((part) => part.trim());
  const named = new Set(['loopback', 'linklocal', 'uniquelocal']);
  if (
    parts.length > 0 &&
    parts.every((part) => ipv4.test(part) || ipv6.test(part) || named.has(part))
  ) {
    return parts;
  }
  throw new UsageError({
    ru: `${source}: ожидается true, false, число прокси или адреса/CIDR через запятую (например 127.0.0.1,10.0.0.0/8), получено «${text}»`,
    en: `${source}: expected true, false, a hop count or comma-separated addresses/CIDRs (e.g. 127.0.0.1,10.0.0.0/8), got "${text}"`,
  });
}

function parseDatabaseUrl(text: string, source: string): string {
  let protocol: string | undefined;
  try {
    protocol = new URL(text).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new UsageError({
      ru: `${source}: ожидается адрес вида postgres://пользователь@сервер/база`,
      en: `${source}: expected an address such as postgres://user@host/database`,
    });
  }
  return text;
}

interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly seed: string;
  readonly staticRoot: string;
  readonly widgetsRoot: string;
  readonly schedule: string;
  /** Whether `--schedule` was given (not the default file). */
  readonly scheduleGiven: boolean;
  /** `--replace-schedule`: the file replaces a stored schedule that differs. */
  readonly replaceSchedule: boolean;
  readonly corsOrigins: readonly string[];
  /** POST requests per minute per client IP; 0 for no limit. */
  readonly rateLimit: number;
  readonly eraseAfterDays: number;
  /** Server processes sharing the port (node:cluster); more than 1 needs PostgreSQL. */
  readonly workers: number;
  /** Seed the demo accounts (fixed, printed passwords) into a storage without accounts. */
  readonly demoAccounts: boolean;
  /** `--database-url` or `DATABASE_URL`; PGlite in `dataDir` without it. */
  readonly databaseUrl: string | undefined;
  /** `--database-read-url` or `DATABASE_READ_URL`: a streaming replica for the morning's reads. */
  readonly databaseReadUrl: string | undefined;
  readonly logLevel: LogLevel;
  readonly trustProxy: boolean | number | string[] | undefined;
  /** Messages to parents: SMTP or the mail folder, sender, links, reminder time. */
  readonly mail: MailCliSettings;
}

function parseCount(name: string, text: string, max: number, source = `--${name}`): number {
  const value = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value > max) {
    throw new UsageError({
      ru: `${source}: ожидается целое число от 0 до ${max}, получено «${text}»`,
      en: `${source}: expected a whole number from 0 to ${max}, got "${text}"`,
    });
  }
  return value;
}

/** An origin as browsers send it: scheme, host and port, no path (`https://udomlya.ru`). */
function parseOrigin(text: string, source = '--cors-origin'): string {
  let origin: string | undefined;
  try {
    const url = new URL(text);
    origin = url.origin;
  } catch {
    origin = undefined;
  }
  const given = text.replace(/\/+$/, '');
  if (origin === undefined || origin === 'null' || origin !== given) {
    throw new UsageError({
      ru: `${source}: ожидается адрес сайта вида https://udomlya.ru (без пути), получено «${text}»`,
      en: `${source}: expected a site address such as https://udomlya.ru (no path), got "${text}"`,
    });
  }
  return origin;
}

function parsePort(text: string, source = '--port'): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) {
    throw new UsageError({
      ru: `${source}: ожидается номер порта от 0 до 65535, получено «${text}»`,
      en: `${source}: expected a port number from 0 to 65535, got "${text}"`,
    });
  }
  return port;
}

function parseServeOptions(
  args: readonly string[],
  cwd: string,
  env: Environment,
): ServeOptions | 'help' {
  const { values } = parseCommandArgs('serve', args, {
    ...storageFlags,
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    seed: { type: 'string' },
    static: { type: 'string', default: 'examples' },
    widgets: { type: 'string', default: 'packages/widgets/dist' },
    schedule: { type: 'string' },
    'cors-origin': { type: 'string', multiple: true },
    'rate-limit': { type: 'string' },
    'database-url': { type: 'string' },
    'database-read-url': { type: 'string' },
    'log-level': { type: 'string' },
    'trust-proxy': { type: 'string' },
    'erase-after-days': { type: 'string', default: '30' },
    workers: { type: 'string', default: '1' },
    'demo-accounts': { type: 'boolean', default: false },
    'replace-schedule': { type: 'boolean', default: false },
    ...mailFlags,
  });
  if (values.help) return 'help';
  const seed = resolve(cwd, nonEmptyFlag('seed', values.seed ?? 'examples/data/udomlya.json'));
  if (values.seed !== undefined && !existsSync(seed)) {
    throw new UsageError({
      ru: `--seed: файла нет: ${seed}`,
      en: `--seed: no such file: ${seed}`,
    });
  }
  const schedule = resolve(
    cwd,
    nonEmptyFlag('schedule', values.schedule ?? 'examples/data/udomlya-schedule.json'),
  );
  if (values.schedule !== undefined && !existsSync(schedule)) {
    throw new UsageError({
      ru: `--schedule: файла нет: ${schedule}`,
      en: `--schedule: no such file: ${schedule}`,
    });
  }
  const port = setting(values.port, 'port', env, 'PORT');
  const host = setting(values.host, 'host', env, 'HOST');
  const rateLimit = setting(values['rate-limit'], 'rate-limit', env, 'RATE_LIMIT');
  const databaseUrl = setting(values['database-url'], 'database-url', env, 'DATABASE_URL');
  const databaseReadUrl = setting(
    values['database-read-url'],
    'database-read-url',
    env,
    'DATABASE_READ_URL',
  );
  if (databaseReadUrl !== undefined && databaseUrl === undefined) {
    throw new UsageError({
      ru: `${databaseReadUrl.source}: реплика для чтения нужна только вместе с PostgreSQL (--database-url или DATABASE_URL)`,
      en: `${databaseReadUrl.source}: a read replica goes only with PostgreSQL (--database-url or DATABASE_URL)`,
    });
  }
  const logLevel = setting(values['log-level'], 'log-level', env, 'LOG_LEVEL');
  const trustProxy = setting(values['trust-proxy'], 'trust-proxy', env, 'TRUST_PROXY');
  const corsFlags = values['cors-origin'];
  const corsEnv = env['CORS_ORIGINS'];
  const corsOrigins =
    corsFlags !== undefined && corsFlags.length > 0
      ? corsFlags.map((origin) => parseOrigin(origin))
      : (corsEnv ?? '')
          .split(',')
          .map((origin) => origin.trim())
          .filter((origin) => origin !== '')
          .map((origin) => parseOrigin(origin, 'CORS_ORIGINS'));
  return {
    mail: parseMailSettings(values, cwd, env),
    schedule,
    scheduleGiven: values.schedule !== undefined,
    replaceSchedule: values['replace-schedule'],
    corsOrigins,
    rateLimit:
      rateLimit === undefined
        ? 30
        : parseCount('rate-limit', rateLimit.value, 1_000_000, rateLimit.source),
    databaseUrl:
      databaseUrl === undefined
        ? undefined
        : parseDatabaseUrl(databaseUrl.value, databaseUrl.source),
    databaseReadUrl:
      databaseReadUrl === undefined
        ? undefined
        : parseDatabaseUrl(databaseReadUrl.value, databaseReadUrl.source),
    logLevel: logLevel === undefined ? 'info' : parseLogLevel(logLevel.value, logLevel.source),
    trustProxy:
      trustProxy === undefined ? undefined : parseTrustProxy(trustProxy.value, trustProxy.source),
    eraseAfterDays: parseCount('erase-after-days', values['erase-after-days'], 36_500),
    workers: Math.max(1, parseCount('workers', values.workers, 64)),
    demoAccounts: values['demo-accounts'],
    port: port === undefined ? 8080 : parsePort(port.value, port.source),
    host: host === undefined ? '127.0.0.1' : nonEmptyFlag('host', host.value),
    dataDir: resolveDataDir(cwd, nonEmptyFlag('data-dir', values['data-dir'])),
    seed,
    staticRoot: resolve(cwd, nonEmptyFlag('static', values.static)),
    widgetsRoot: resolve(cwd, nonEmptyFlag('widgets', values.widgets)),
  };
}

/** The JSON in a file; a file that cannot be read or parsed is an error naming it. */
function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Не удалось прочитать ${path} / Could not read ${path}: ${detail}`);
  }
}

/** Seeds the storage from a JSON file when it holds no network yet. */
async function seedIfEmpty(
  storage: Storage,
  options: ServeOptions,
  out: (line: string) => void,
): Promise<void> {
  if ((await storage.listNetworks()).length > 0) return;
  if (!existsSync(options.seed)) {
    // Only the default seed can be missing here; a given --seed was checked with the flags.
    say(out, {
      ru: `файла с начальными данными нет (${options.seed}); сервер запускается без сетей`,
      en: `no seed file (${options.seed}); the server starts with no network`,
    });
    return;
  }
  const json = readJsonFile(options.seed);
  const network = createNetwork(json);
  await storage.saveNetwork(network);
  say(out, {
    ru: `сеть «${network.id}» загружена из ${options.seed}`,
    en: `network "${network.id}" loaded from ${options.seed}`,
  });
}

function isNotFound(error: unknown): boolean {
  return isEdusetError(error) && error._tag === 'NotFoundError';
}

/**
 * Seeds the network's schedule from a JSON file when the storage has none for it yet. When it
 * holds one that differs from the file: with `--replace-schedule` the file replaces it (refused,
 * with the list, when it hits booked consultations); otherwise, when `--schedule` was given, the
 * server says clearly that the stored schedule stays and how to replace it.
 */
async function seedScheduleIfEmpty(
  storage: Storage,
  options: ServeOptions,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<void> {
  if (!existsSync(options.schedule)) {
    // Only the default file can be missing here; a given --schedule was checked with the flags.
    say(out, {
      ru: `файла с расписанием нет (${options.schedule}); расписание не загружается`,
      en: `no schedule file (${options.schedule}); no schedule is seeded`,
    });
    return;
  }
  const schedule = readScheduleFile(options.schedule);
  let stored: Awaited<ReturnType<Storage['loadScheduleRevision']>> | undefined;
  try {
    stored = await storage.loadScheduleRevision(schedule.networkId);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  if (stored !== undefined) {
    if (options.replaceSchedule) {
      await replaceSchedule(storage, schedule, {
        choice: 'refuse',
        now: instant(new Date()),
        out,
        err,
      });
      return;
    }
    if (options.scheduleGiven && !sameEntry(stored.schedule, schedule)) {
      say(err, {
        ru: `в хранилище уже есть другое расписание сети «${schedule.networkId}» (версия ${stored.revision}); файл ${options.schedule} НЕ загружен — работает хранимое. Заменить: eduset serve … --replace-schedule или eduset schedule replace --file ${options.schedule}`,
        en: `the storage already holds another schedule of network "${schedule.networkId}" (revision ${stored.revision}); the file ${options.schedule} is NOT loaded — the stored one is used. To replace it: eduset serve … --replace-schedule, or eduset schedule replace --file ${options.schedule}`,
      });
    }
    return;
  }
  try {
    await storage.saveSchedule(schedule);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    say(out, {
      ru: `расписание из ${options.schedule} не загружено: в хранилище нет сети «${schedule.networkId}»`,
      en: `the schedule of ${options.schedule} is not loaded: the storage has no network "${schedule.networkId}"`,
    });
    return;
  }
  say(out, {
    ru: `расписание сети «${schedule.networkId}» загружено из ${options.schedule}`,
    en: `the schedule of network "${schedule.networkId}" loaded from ${options.schedule}`,
  });
}

const hourMs = 60 * 60 * 1000;

/**
 * Erases the personal data of consultations that ended more than `days` ago, now and then
 * every hour; after a pass that erased something, runs the maintenance step
 * (`compactAfterErasure`) so the erased contacts leave the table's files. The timer does not keep the process alive; the returned function stops it and
 * waits for a pass under way.
 */
function startErasure(
  storage: Storage,
  days: number,
  now: () => Instant,
  out: (line: string) => void,
  err: (line: string) => void,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const erase = () => {
    if (running !== undefined) return;
    const at = now();
    const before = instant(new Date(Date.parse(at) - days * 24 * hourMs));
    running = storage
      .erasePersonalData(before, at)
      .then(async (count) => {
        if (count > 0) {
          // The maintenance step: the erased contacts leave the table's files too.
          await storage.compactAfterErasure();
          say(out, {
            ru: `стёрты персональные данные ${count} записей (консультации до ${before}); таблица записей перезаписана`,
            en: `personal data of ${count} bookings erased (consultations before ${before}); the bookings table rewritten`,
          });
        }
      })
      .catch((error: unknown) => {
        err(
          `eduset: не удалось стереть персональные данные / could not erase personal data: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      })
      .finally(() => {
        running = undefined;
      });
  };
  erase();
  const timer = setInterval(erase, hourMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * Deletes ended sessions and expired attempt counters every hour (and now); the timer does
 * not keep the process alive. Returns the function that stops it.
 */
function startPruning(
  storage: Storage,
  now: () => Instant,
  err: (line: string) => void,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const prune = () => {
    if (running !== undefined) return;
    const at = now();
    running = Promise.all([storage.identity.pruneSessions(at), storage.limits.prune(at)])
      .then(() => undefined)
      .catch((error: unknown) => {
        err(
          `eduset: не удалось удалить завершённые сеансы / could not delete ended sessions: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      })
      .finally(() => {
        running = undefined;
      });
  };
  prune();
  const timer = setInterval(prune, hourMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** Resolves when SIGINT or SIGTERM arrives, or the context's signal aborts. */
function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop);
  });
}

/**
 * Fills an empty storage with the demo data: the network and its schedule (`--seed`,
 * `--schedule`), the past consultations of the parent help service with the parents' survey
 * answers, and the Michurinsk-like programme registry served under `--static`.
 */
async function seedDemo(
  storage: Storage,
  options: ServeOptions,
  now: Instant,
  out: (line: string) => void,
  err: (line: string) => void = out,
): Promise<void> {
  await seedIfEmpty(storage, options, out);
  await seedScheduleIfEmpty(storage, options, out, err);
  // Past years of the parent help service: the dashboard's figures come from these rows.
  await seedConsultationHistoryIfEmpty(
    storage,
    join(options.staticRoot, 'data', 'udomlya-consultations.csv'),
    out,
  );
  await seedFinancingIfEmpty(
    storage,
    join(options.staticRoot, 'data', 'michurinsk-financing.json'),
    now,
    out,
  );
  // The inventory of shared rooms and staff of the financing network (issue 17 §1).
  await seedInventoryIfEmpty(storage, join(options.staticRoot, 'data'), 'michurinsk', out);
  // A demo programme of `cdt` whose group meets in an inventory room (operator's review).
  await seedRoomDemoIfEmpty(storage, 'michurinsk', now, out);
  // Demo contracts for the payer's desk and the coverage report (September settled).
  await seedSettlementDemoIfEmpty(storage, now, out);
  await seedOperatorIfEmpty(
    storage,
    join(options.staticRoot, 'data', 'michurinsk-financing.json'),
    now,
    out,
  );
  // The dashboard's indicator values, read from the storage (the demo's network).
  await seedIndicatorValuesIfEmpty(
    storage,
    join(options.staticRoot, 'data', 'indicators'),
    'udomlya',
    now,
    out,
  );
  // The school map's district (Tutaev), its profiles and identification from the storage.
  await seedSchoolsIfEmpty(
    storage,
    join(options.staticRoot, 'data', 'tutaev-schools.json'),
    'tutaev',
    now,
    out,
  );
  // The course network of the Udomlya demo, solved once and published (issue 17 §2).
  await seedCoursesIfEmpty(storage, options.staticRoot, out);
  // A support programme of a flagged Tutaev school, for the coordinator and the school.
  await seedSupportDemoIfEmpty(storage, 'tutaev', now, out);
  // Only with --demo-accounts: the fixed passwords are never used otherwise.
  if (options.demoAccounts) await seedDemoAccountsIfEmpty(storage, out);
}

/**
 * `serve --workers N`: seeds the storage once here, then runs N server processes on one port.
 * Only over PostgreSQL: a PGlite data directory belongs to one process.
 */
async function serveWithWorkers(options: ServeOptions, context: CliContext): Promise<number> {
  const out = context.stdout ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = context.stderr ?? ((line: string) => process.stderr.write(`${line}\n`));
  const storage = await openCliStorage(storageEnv(options, context), options.dataDir, out);
  try {
    if (storage.engine !== 'postgres') {
      throw new UsageError({
        ru: '--workers больше 1 работает только с PostgreSQL (DATABASE_URL): каталог PGlite открывает один процесс',
        en: '--workers above 1 needs PostgreSQL (DATABASE_URL): a PGlite directory is opened by one process only',
      });
    }
    await seedDemo(storage, options, instant(new Date()), out, err);
  } finally {
    await storage.close();
  }
  return runWorkers({
    count: options.workers,
    out,
    err,
    ...(context.signal !== undefined ? { signal: context.signal } : {}),
  });
}

/** The environment the storage is opened with: `--database-url` wins over `DATABASE_URL`. */
function storageEnv(options: ServeOptions, context: CliContext): Environment {
  const env = context.env ?? process.env;
  return {
    ...env,
    DATABASE_URL: options.databaseUrl ?? '',
    DATABASE_READ_URL: options.databaseReadUrl ?? '',
  };
}

async function serve(options: ServeOptions, context: CliContext): Promise<number> {
  const out = context.stdout ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = context.stderr ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = (): Instant => instant(new Date());
  if (options.workers > 1 && !isServeWorker()) return serveWithWorkers(options, context);
  // A worker of `--workers` finds the storage seeded by the process that started it.
  const worker = isServeWorker();
  const oidc = oidcOptionsFromEnv(context.env ?? process.env);
  const storage = await openCliStorage(
    storageEnv(options, context),
    options.dataDir,
    worker ? () => undefined : out,
    { readReplica: true },
  );
  try {
    if (!worker) await seedDemo(storage, options, now(), out, err);
    if (!existsSync(options.staticRoot)) {
      say(out, {
        ru: `нет каталога страниц ${options.staticRoot}; работает только API`,
        en: `no pages directory ${options.staticRoot}; only the API is served`,
      });
    }
    if (!existsSync(options.widgetsRoot)) {
      say(out, {
        ru: `виджеты не собраны (${options.widgetsRoot}); выполните npm run build`,
        en: `the widgets are not built (${options.widgetsRoot}); run npm run build`,
      });
    }
    // The access log is written in blocks of 4 KiB instead of one write per request: the
    // synchronous line per request was a measured ~5 % of the server's time under booking
    // load. Flushed when the server stops.
    const accessLog = pino.destination({ dest: 1, minLength: 4096, sync: false });
    const running = await startServer(
      {
        storage,
        staticRoot: options.staticRoot,
        widgetsRoot: options.widgetsRoot,
        ...demoCourseRoutes(options.staticRoot),
        // At `info` one access line per request (no personal data); internal errors with
        // their details (which answers never carry) at `error`.
        logger: { level: options.logLevel, stream: accessLog },
        ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
        now,
        corsOrigins: options.corsOrigins,
        rateLimit:
          options.rateLimit === 0 ? false : { max: options.rateLimit, timeWindowMs: 60_000 },
        ...(oidc !== undefined ? { oidc } : {}),
        ...(options.mail.bookingEmailConfirmation ? { bookingEmailConfirmation: true } : {}),
      },
      { port: options.port, host: options.host },
    );
    const [first, ...others] = await storage.listNetworks();
    const page =
      first !== undefined &&
      others.length === 0 &&
      existsSync(join(options.staticRoot, first.id, 'index.html'))
        ? `${running.url}${first.id}/`
        : running.url;
    if (!worker) {
      say(out, {
        ru: `сервер работает: ${page} (остановить — Ctrl+C)`,
        en: `server running: ${page} (Ctrl+C to stop)`,
      });
    }
    const stopErasure = isFirstWorker()
      ? startErasure(storage, options.eraseAfterDays, now, out, err)
      : () => Promise.resolve();
    const stopPruning = isFirstWorker() ? startPruning(storage, now, err) : () => Promise.resolve();
    // Every process sends: they share the outbox (FOR UPDATE SKIP LOCKED), each message once.
    const stopMail = startMailSending({
      storage,
      settings: options.mail,
      serverUrl: running.url,
      now,
      out,
      err,
      announce: isFirstWorker(),
    });
    await untilStopped(context.signal);
    await stopMail();
    await stopPruning();
    await stopErasure();
    await running.close();
    accessLog.flushSync();
    if (worker) leaveCluster();
    else say(out, { ru: 'сервер остановлен', en: 'server stopped' });
    return 0;
  } finally {
    await storage.close();
  }
}

/**
 * The `eduset` command. Returns the exit code: 0 when the server stopped cleanly or the
 * import saved (or a dry run passed), 2 for a mistake in the command line, 1 for any other
 * failure (rejected rows, validation errors, files that cannot be read). `serve` runs until
 * SIGINT or SIGTERM (or `context.signal`), then closes the server and the storage; `import`
 * loads organizations and sites from Excel/CSV files into the storage.
 *
 * @example
 * ```ts
 * import { main } from './cli.js';
 * const controller = new AbortController();
 * const exit = main(['serve', '--port', '0', '--data-dir', '.data/test'], {
 *   signal: controller.signal,
 * });
 * controller.abort();
 * await exit; // 0
 *
 * await main([
 *   'import', '--organizations', 'организации.xlsx', '--sites', 'площадки.csv',
 *   '--network', 'udomlya', '--name', 'Служба помощи родителям', '--municipality', 'Удомля',
 * ]); // 0 when every row was accepted and saved
 * ```
 */
export async function main(argv: readonly string[], context: CliContext = {}): Promise<number> {
  const { out, err, cwd, env } = commandIO(context);
  const [command, ...args] = argv;
  try {
    if (asksForHelp(command)) {
      for (const line of usage) (command === undefined ? err : out)(line);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v' || command === 'version') {
      out(serverVersion);
      return 0;
    }
    if (command === 'indicators') return await runIndicatorsCommand(args, context);
    if (command === 'users') return await runUsersCommand(args, context);
    if (command === 'schools') return await runSchoolsCommand(args, context);
    if (command === 'schedule') return await runScheduleCommand(args, context);
    if (command === 'courses') return await runCoursesCommand(args, context);
    if (command === 'financing') return await runFinancingCommand(args, context);
    if (command === 'import') {
      const options = parseImportOptions(args, cwd);
      if (options === 'help') {
        for (const line of usage) out(line);
        return 0;
      }
      return await runImport(options, context);
    }
    if (command !== 'serve') {
      throw new UsageError({
        ru: `неизвестная команда «${command}»`,
        en: `unknown command "${command}"`,
      });
    }
    const options = parseServeOptions(args, cwd, env);
    if (options === 'help') {
      for (const line of usage) out(line);
      return 0;
    }
    return await serve(options, context);
  } catch (error) {
    if (error instanceof UsageError) return reportUsageError(error, usage, err);
    if (error instanceof ReportedFailure) return 1;
    reportError(error, err);
    return 1;
  }
}

/** Whether this module is the program node was asked to run (not imported by a test). */
function isScript(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isScript()) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
