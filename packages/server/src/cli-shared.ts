import { isEdusetError, type LocalizedText } from '@eduset/core';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { openStorage, type Storage } from '@eduset/adapters';

/**
 * A mistake in the command line: reported with the usage, exit code 2.
 *
 * @example
 * ```ts
 * import { UsageError } from './cli-shared.js';
 * throw new UsageError({ ru: 'нет --sites', en: 'no --sites' });
 * ```
 */
export class UsageError extends Error {
  readonly text: LocalizedText;

  constructor(text: LocalizedText) {
    super(`${text.ru} / ${text.en}`);
    this.name = 'UsageError';
    this.text = text;
  }
}

/** The `parseArgs` configuration of {@link parseCommandArgs}. */
type CommandArgsConfig<T> = {
  args: string[];
  strict: true;
  allowPositionals: false;
  options: T;
};

/**
 * Parses the flags of a command with `node:util`'s `parseArgs` (strict, no positional
 * arguments); a flag it does not know or a missing value becomes a {@link UsageError} naming
 * the command.
 *
 * @throws UsageError for a mistake in the command line (exit code 2).
 * @example
 * ```ts
 * import { parseCommandArgs } from './cli-shared.js';
 * const { values } = parseCommandArgs('serve', ['--port', '8080'], {
 *   port: { type: 'string' },
 * });
 * values.port; // '8080'
 * ```
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: readonly string[],
  options: T,
): ReturnType<typeof parseArgs<CommandArgsConfig<T>>> {
  const config: CommandArgsConfig<T> = {
    args: [...args],
    strict: true,
    allowPositionals: false,
    options,
  };
  try {
    return parseArgs(config);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError({
      ru: `неверные параметры команды ${command} (${detail})`,
      en: `invalid options of the ${command} command (${detail})`,
    });
  }
}

/**
 * The flags every command that opens the storage takes: `--data-dir` (PGlite's directory,
 * `.data/pglite` by default) and `--help`.
 *
 * @example
 * ```ts
 * import { parseCommandArgs, storageFlags } from './cli-shared.js';
 * const { values } = parseCommandArgs('users list', [], { ...storageFlags });
 * values['data-dir']; // '.data/pglite'
 * ```
 */
export const storageFlags = {
  'data-dir': { type: 'string', default: '.data/pglite' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/**
 * A flag's value, refused with a {@link UsageError} when it is empty or only spaces.
 *
 * @throws UsageError for an empty value (exit code 2).
 * @example
 * ```ts
 * import { nonEmptyFlag } from './cli-shared.js';
 * nonEmptyFlag('seed', 'examples/data/udomlya.json'); // 'examples/data/udomlya.json'
 * ```
 */
export function nonEmptyFlag(flag: string, value: string): string {
  if (value.trim() === '') {
    throw new UsageError({
      ru: `--${flag}: значение не может быть пустым`,
      en: `--${flag}: the value cannot be empty`,
    });
  }
  return value;
}

/**
 * Where a command reads and writes; the real process by default. Tests pass their own.
 *
 * @example
 * ```ts
 * import type { CommandContext } from './cli-shared.js';
 * const context: CommandContext = { cwd: '/srv/eduset', env: {} };
 * ```
 */
export interface CommandContext {
  /** The directory relative paths are resolved against (the repository root). */
  readonly cwd?: string;
  /** The environment (`DATABASE_URL`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Prints one line of normal output. */
  readonly stdout?: (line: string) => void;
  /** Prints one line of diagnostics. */
  readonly stderr?: (line: string) => void;
}

/**
 * A command's context with the real process filled in where it gives nothing.
 *
 * @example
 * ```ts
 * import { commandIO } from './cli-shared.js';
 * const { out, err, cwd, env } = commandIO({ cwd: '/srv/eduset' });
 * out('готово / done');
 * ```
 */
export function commandIO(context: CommandContext): {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
} {
  return {
    out: context.stdout ?? ((line: string) => process.stdout.write(`${line}\n`)),
    err: context.stderr ?? ((line: string) => process.stderr.write(`${line}\n`)),
    cwd: context.cwd ?? process.cwd(),
    env: context.env ?? process.env,
  };
}

/**
 * Whether the word after a command asks for its usage: nothing, `help`, `--help` or `-h`.
 *
 * @example
 * ```ts
 * import { asksForHelp } from './cli-shared.js';
 * asksForHelp('--help'); // true
 * asksForHelp('serve'); // false
 * ```
 */
export function asksForHelp(word: string | undefined): boolean {
  return word === undefined || word === 'help' || word === '--help' || word === '-h';
}

/**
 * Prints a mistake in the command line and then the usage, on `err`; returns the exit code 2.
 *
 * @example
 * ```ts
 * import { UsageError, reportUsageError } from './cli-shared.js';
 * const code = reportUsageError(new UsageError({ ru: 'нет --login', en: 'no --login' }), ['  eduset users list'], console.error);
 * code; // 2
 * ```
 */
export function reportUsageError(
  error: UsageError,
  usage: readonly string[],
  err: (line: string) => void,
): 2 {
  say(err, error.text);
  for (const line of usage) err(line);
  return 2;
}

/**
 * A failure the command has already explained line by line: exit code 1, nothing more to print.
 *
 * @example
 * ```ts
 * import { ReportedFailure } from './cli-shared.js';
 * throw new ReportedFailure();
 * ```
 */
export class ReportedFailure extends Error {
  constructor() {
    super('reported / уже сообщено');
    this.name = 'ReportedFailure';
  }
}

/**
 * Prints a message as two lines: Russian first, then English.
 *
 * @example
 * ```ts
 * import { say } from './cli-shared.js';
 * say(console.log, { ru: 'готово', en: 'done' });
 * ```
 */
export function say(print: (line: string) => void, text: LocalizedText): void {
  print(`eduset: ${text.ru}`);
  print(`eduset: ${text.en}`);
}

/**
 * A path is resolved against `cwd`; a PGlite URL such as `memory://` is kept as it is.
 *
 * @example
 * ```ts
 * import { resolveDataDir } from './cli-shared.js';
 * resolveDataDir('/srv/eduset', '.data/pglite'); // '/srv/eduset/.data/pglite'
 * resolveDataDir('/srv/eduset', 'memory://'); // 'memory://'
 * ```
 */
export function resolveDataDir(cwd: string, dataDir: string): string {
  return /^[a-z]+:\/\//.test(dataDir) ? dataDir : resolve(cwd, dataDir);
}

/**
 * Opens the storage the CLI uses: PostgreSQL when `DATABASE_URL` is set and not empty,
 * PGlite in `dataDir` otherwise; and says which one on `out`. With `options.readReplica`
 * (`serve`), `DATABASE_READ_URL` names a streaming replica for the morning's reads.
 *
 * @example
 * ```ts
 * import { openCliStorage } from './cli-shared.js';
 * const storage = await openCliStorage({}, 'memory://', console.log);
 * await storage.close();
 * ```
 */
export async function openCliStorage(
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string,
  out: (line: string) => void,
  options: { readonly readReplica?: boolean } = {},
): Promise<Storage> {
  const databaseUrl =
    env.DATABASE_URL !== undefined && env.DATABASE_URL !== '' ? env.DATABASE_URL : undefined;
  const readUrl =
    options.readReplica === true &&
    env.DATABASE_READ_URL !== undefined &&
    env.DATABASE_READ_URL !== ''
      ? env.DATABASE_READ_URL
      : undefined;
  const storage = await openStorage(
    databaseUrl !== undefined
      ? { databaseUrl, ...(readUrl !== undefined ? { readDatabaseUrl: readUrl } : {}) }
      : { dataDir, ...(readUrl !== undefined ? { readDatabaseUrl: readUrl } : {}) },
  );
  say(
    out,
    storage.engine === 'postgres'
      ? { ru: 'хранилище: PostgreSQL (DATABASE_URL)', en: 'storage: PostgreSQL (DATABASE_URL)' }
      : { ru: `хранилище: PGlite (${dataDir})`, en: `storage: PGlite (${dataDir})` },
  );
  if (storage.financingReads.replicated) {
    say(out, {
      ru: 'чтение навигатора и балансов: реплика (DATABASE_READ_URL)',
      en: 'navigator and balance reads: replica (DATABASE_READ_URL)',
    });
  }
  return storage;
}

/**
 * Prints an error for the user: an eduset error in both languages with every validation
 * issue on its own line, an address problem with a hint, anything else with its message.
 *
 * @example
 * ```ts
 * import { reportError } from './cli-shared.js';
 * reportError(new Error('disk full'), console.error);
 * ```
 */
export function reportError(error: unknown, err: (line: string) => void): void {
  if (isEdusetError(error)) {
    say(err, error.text);
    const issues = 'issues' in error && Array.isArray(error.issues) ? error.issues : [];
    for (const issue of issues as readonly { path: readonly unknown[]; message: LocalizedText }[]) {
      const path = issue.path.length > 0 ? issue.path.join('.') : '(корень / root)';
      err(`  ${path}: ${issue.message.ru} / ${issue.message.en}`);
    }
    return;
  }
  const { code, syscall } =
    typeof error === 'object' && error !== null
      ? (error as { code?: unknown; syscall?: unknown })
      : { code: undefined, syscall: undefined };
  if (code === 'EADDRINUSE' || (code === 'EACCES' && syscall === 'listen')) {
    say(err, {
      ru: `адрес недоступен или занят другой программой; выберите другой --port или --host (${String(error)})`,
      en: `the address is taken or not allowed; choose another --port or --host (${String(error)})`,
    });
    return;
  }
  err(`eduset: ошибка / error: ${error instanceof Error ? error.message : String(error)}`);
}
