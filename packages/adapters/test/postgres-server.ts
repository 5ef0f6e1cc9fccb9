// A throwaway PostgreSQL server for tests: a fresh cluster from Debian's server binaries in a
// temporary directory, on a free loopback port, removed afterwards. Start it once per test
// file (`beforeAll`), stop it in `afterAll` — `usePostgresServer()` registers both.
import { afterAll, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running throwaway PostgreSQL server. */
export interface PostgresServer {
  /** A connection string for the superuser `postgres` and the database `postgres`. */
  readonly url: string;
  /** The port it listens on (127.0.0.1 only). */
  readonly port: number;
  /** The server version directory used, e.g. `15`. */
  readonly binDir: string;
  /** The data directory (its `postmaster.pid` names the server process). */
  readonly dataDir: string;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name: string): string;
  /** The connection string of a database of this server by name (on a standby: replicated). */
  databaseUrl(name: string): string;
  /** Stops the server (`pg_ctl stop -m fast`) and removes its directory. */
  stop(): void;
}

const installHint = [
  'Для тестов PostgreSQL нужны серверные программы PostgreSQL (initdb, pg_ctl). Установите пакет Debian «postgresql»: apt-get install -y postgresql (это делает шаг pretest: npm test или node scripts/setup-machine.mjs).',
  'The PostgreSQL tests need the PostgreSQL server binaries (initdb, pg_ctl). Install Debian\'s "postgresql" package: apt-get install -y postgresql (the pretest step does it: npm test or node scripts/setup-machine.mjs).',
].join('\n');

/** The bin directory of the highest PostgreSQL installed under /usr/lib/postgresql, or pg_config's. */
function findBinDir(): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(root, versions[0], 'bin');
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const fromConfig = pgConfig.status === 0 ? pgConfig.stdout.trim() : '';
  if (fromConfig !== '' && existsSync(join(fromConfig, 'initdb'))) return fromConfig;
  throw new Error(installHint);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** How to run a server program: as-is, or as the `postgres` user when we are root. */
function runner(): { run: (program: string, args: readonly string[]) => void; owner?: string } {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const run = (command: string, args: readonly string[]) => {
    execFileSync(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  if (!isRoot) return { run };
  if (spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(
      `PostgreSQL не запускается от root, а пользователя postgres нет.\n${installHint}`,
    );
  }
  return {
    run: (program, args) => run('runuser', ['-u', 'postgres', '--', program, ...args]),
    owner: 'postgres',
  };
}

function describeFailure(error: unknown, logFile: string): Error {
  const stderr =
    typeof error === 'object' && error !== null && 'stderr' in error
      ? String((error as { stderr: unknown }).stderr)
      : '';
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
  return new Error(
    `Не удалось запустить PostgreSQL / Could not start PostgreSQL: ${String(error)}\n${stderr}\n${log}`,
  );
}

/**
 * Starts a throwaway PostgreSQL server: `initdb` into a temporary directory, then `pg_ctl
 * start` on a free port of 127.0.0.1 with its unix socket in that directory. Fails with an
 * installation hint when the server binaries are missing; never skips. `settings` adds
 * server settings (`name=value`, e.g. `shared_preload_libraries=pg_stat_statements`).
 */
export async function startPostgresServer(
  options: { readonly settings?: readonly string[] } = {},
): Promise<PostgresServer> {
  return startCluster(options, (run, binDir, dataDir) => {
    run(join(binDir, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync',
    ]);
  });
}

/**
 * Starts a hot standby of a running throwaway server: `pg_basebackup -R` (streaming the WAL,
 * writing `standby.signal` and the connection to the primary) into a temporary directory, then
 * `pg_ctl start` on another free port of 127.0.0.1. It follows the primary by streaming
 * replication and answers read-only queries; `stop()` stops it and removes its directory. The
 * primary's default `pg_hba.conf` (initdb with `--auth=trust`) already lets 127.0.0.1 replicate.
 */
export async function startStandby(
  primary: PostgresServer,
  options: { readonly settings?: readonly string[] } = {},
): Promise<PostgresServer> {
  return startCluster(
    { settings: ['hot_standby=on', ...(options.settings ?? [])] },
    (run, binDir, dataDir) => {
      run(join(binDir, 'pg_basebackup'), [
        '-h',
        '127.0.0.1',
        '-p',
        String(primary.port),
        '-U',
        'postgres',
        '-D',
        dataDir,
        '-R',
        '-X',
        'stream',
        '--checkpoint=fast',
        '--no-sync',
      ]);
    },
  );
}

async function startCluster(
  options: { readonly settings?: readonly string[] },
  create: (
    run: (program: string, args: readonly string[]) => void,
    binDir: string,
    dataDir: string,
  ) => void,
): Promise<PostgresServer> {
  const binDir = findBinDir();
  const { run, owner } = runner();
  const root = mkdtempSync(join(tmpdir(), 'eduset-pg-'));
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  if (owner !== undefined) execFileSync('chown', ['-R', `${owner}:`, root]);
  const pgCtl = join(binDir, 'pg_ctl');

  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        run(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w']);
      } catch {
        // Already stopped; removing the directory below is what is left to do.
      }
    }
    rmSync(root, { recursive: true, force: true });
    process.off('exit', stop);
  };
  // If a test run dies before afterAll, do not leave a server behind.
  process.on('exit', stop);

  try {
    create(run, binDir, dataDir);
    let port = 0;
    for (let attempt = 1; ; attempt += 1) {
      port = await freePort();
      const settings = [
        '-c listen_addresses=127.0.0.1',
        `-c port=${port}`,
        `-c unix_socket_directories=${root}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=50',
        ...(options.settings ?? []).map((setting) => `-c ${setting}`),
      ].join(' ');
      try {
        run(pgCtl, ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', settings]);
        started = true;
        break;
      } catch (error) {
        // Another process may have taken the port between the probe and the start.
        if (attempt >= 3) throw error;
      }
    }
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      url,
      port,
      binDir,
      dataDir,
      createDatabase(name) {
        run(join(binDir, 'createdb'), [
          '-h',
          '127.0.0.1',
          '-p',
          String(port),
          '-U',
          'postgres',
          name,
        ]);
        return `postgres://postgres@127.0.0.1:${port}/${name}`;
      },
      databaseUrl: (name) => `postgres://postgres@127.0.0.1:${port}/${name}`,
      stop,
    };
  } catch (error) {
    stop();
    throw describeFailure(error, logFile);
  }
}

/** The throwaway server of one test file, as `usePostgresServer()` hands it out. */
export interface PostgresForTests {
  /** The running server (only inside tests and hooks: it starts in `beforeAll`). */
  readonly server: PostgresServer;
  /**
   * Creates an empty database and returns its connection string. The name gets a counter
   * suffix (`name_1`, `name_2`, …), so one name may be asked for again.
   */
  createDatabase(name: string): string;
}

/**
 * One throwaway PostgreSQL server for the calling test file: started in `beforeAll`, stopped
 * in `afterAll`. Call it at the top of the file (or of a `describe`).
 */
export function usePostgresServer(
  options: { readonly settings?: readonly string[] } = {},
): PostgresForTests {
  let started: PostgresServer | undefined;
  let databases = 0;
  beforeAll(async () => {
    started = await startPostgresServer(options);
  });
  afterAll(() => {
    started?.stop();
  });
  const running = (): PostgresServer => {
    if (started === undefined) throw new Error('The PostgreSQL server starts in beforeAll');
    return started;
  };
  return {
    get server() {
      return running();
    },
    createDatabase(name) {
      databases += 1;
      return running().createDatabase(`${name}_${databases}`);
    },
  };
}
