#!/usr/bin/env node
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createNetwork } from '@eduset/core';
import { importHelp, importUsage, parseImportOptions, runImport } from './cli-import.js';
import { UsageError, openCliStorage, reportError, resolveDataDir, say } from './cli-shared.js';
import { startServer } from './server/index.js';
import type { Storage } from './storage/index.js';

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
export interface CliContext {
  /** The directory relative paths are resolved against (the repository root). */
  readonly cwd?: string;
  /** The environment (`DATABASE_URL`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Prints one line of normal output. */
  readonly stdout?: (line: string) => void;
  /** Prints one line of diagnostics. */
  readonly stderr?: (line: string) => void;
  /** Stops `serve` like SIGINT does, when aborted. */
  readonly signal?: AbortSignal;
}

const usage = [
  'Использование / Usage:',
  '  eduset serve [--port 8080] [--host 127.0.0.1] [--data-dir .data/pglite]',
  '               [--seed examples/data/udomlya.json] [--static examples]',
  '               [--widgets packages/widgets/dist]',
  ...importUsage,
  '',
  '  serve   запустить справочный сервер / start the reference server',
  ...importHelp,
  '',
  'DATABASE_URL=postgres://… — хранить данные в PostgreSQL вместо PGlite (важнее --data-dir) /',
  '                            store data in a PostgreSQL server instead of PGlite (wins over --data-dir)',
];

interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly seed: string;
  readonly staticRoot: string;
  readonly widgetsRoot: string;
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) {
    throw new UsageError({
      ru: `--port: ожидается номер порта от 0 до 65535, получено «${text}»`,
      en: `--port: expected a port number from 0 to 65535, got "${text}"`,
    });
  }
  return port;
}

function parseServeOptions(args: readonly string[], cwd: string): ServeOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string', short: 'p', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        'data-dir': { type: 'string', default: '.data/pglite' },
        seed: { type: 'string' },
        static: { type: 'string', default: 'examples' },
        widgets: { type: 'string', default: 'packages/widgets/dist' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError({
      ru: `неверные параметры команды serve (${detail})`,
      en: `invalid options of the serve command (${detail})`,
    });
  }
  const { values } = parsed;
  if (values.help) return 'help';
  const nonEmpty = (name: string, value: string): string => {
    if (value.trim() === '') {
      throw new UsageError({
        ru: `--${name}: значение не может быть пустым`,
        en: `--${name}: the value cannot be empty`,
      });
    }
    return value;
  };
  const seed = resolve(cwd, nonEmpty('seed', values.seed ?? 'examples/data/udomlya.json'));
  if (values.seed !== undefined && !existsSync(seed)) {
    throw new UsageError({
      ru: `--seed: файла нет: ${seed}`,
      en: `--seed: no such file: ${seed}`,
    });
  }
  return {
    port: parsePort(values.port),
    host: nonEmpty('host', values.host),
    dataDir: resolveDataDir(cwd, nonEmpty('data-dir', values['data-dir'])),
    seed,
    staticRoot: resolve(cwd, nonEmpty('static', values.static)),
    widgetsRoot: resolve(cwd, nonEmpty('widgets', values.widgets)),
  };
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
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(options.seed, 'utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Не удалось прочитать ${options.seed} / Could not read ${options.seed}: ${detail}`,
    );
  }
  const network = createNetwork(json);
  await storage.saveNetwork(network);
  say(out, {
    ru: `сеть «${network.id}» загружена из ${options.seed}`,
    en: `network "${network.id}" loaded from ${options.seed}`,
  });
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

async function serve(options: ServeOptions, context: CliContext): Promise<number> {
  const out = context.stdout ?? ((line: string) => process.stdout.write(`${line}\n`));
  const storage = await openCliStorage(context.env ?? process.env, options.dataDir, out);
  try {
    await seedIfEmpty(storage, options, out);
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
    const running = await startServer(
      {
        storage,
        staticRoot: options.staticRoot,
        widgetsRoot: options.widgetsRoot,
        // Warnings and internal errors (with their details, which answers never carry).
        logger: { level: 'warn' },
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
    say(out, {
      ru: `сервер работает: ${page} (остановить — Ctrl+C)`,
      en: `server running: ${page} (Ctrl+C to stop)`,
    });
    await untilStopped(context.signal);
    await running.close();
    say(out, { ru: 'сервер остановлен', en: 'server stopped' });
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
  const out = context.stdout ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = context.stderr ?? ((line: string) => process.stderr.write(`${line}\n`));
  const cwd = context.cwd ?? process.cwd();
  const [command, ...args] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      for (const line of usage) (command === undefined ? err : out)(line);
      return command === undefined ? 2 : 0;
    }
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
    const options = parseServeOptions(args, cwd);
    if (options === 'help') {
      for (const line of usage) out(line);
      return 0;
    }
    return await serve(options, context);
  } catch (error) {
    if (error instanceof UsageError) {
      say(err, error.text);
      for (const line of usage) err(line);
      return 2;
    }
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
