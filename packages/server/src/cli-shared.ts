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

/**
 * Parses the flags of a command with `node:util`'s `parseArgs`; a flag it does not know or
 * a missing value becomes a {@link UsageError} naming the command.
 *
 * @throws UsageError for a mistake in the command line (exit code 2).
 * @example
 * ```ts
 * import { parseCommandArgs } from './cli-shared.js';
 * const { values } = parseCommandArgs('serve', {
 *   args: ['--port', '8080'],
 *   strict: true,
 *   options: { port: { type: 'string' } },
 * });
 * values.port; // '8080'
 * ```
 */
export function parseCommandArgs<T extends ParseArgsConfig>(
  command: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
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
 * PGlite in `dataDir` otherwise; and says which one on `out`.
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
): Promise<Storage> {
  const databaseUrl =
    env.DATABASE_URL !== undefined && env.DATABASE_URL !== '' ? env.DATABASE_URL : undefined;
  const storage = await openStorage(databaseUrl !== undefined ? { databaseUrl } : { dataDir });
  say(
    out,
    storage.engine === 'postgres'
      ? { ru: 'хранилище: PostgreSQL (DATABASE_URL)', en: 'storage: PostgreSQL (DATABASE_URL)' }
      : { ru: `хранилище: PGlite (${dataDir})`, en: `storage: PGlite (${dataDir})` },
  );
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
