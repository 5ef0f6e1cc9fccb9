// `eduset serve` with DATABASE_READ_URL (issue 15 §4): a second pool on a streaming replica
// for the navigator and balance checks; refused without a PostgreSQL primary.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main, type CliContext } from '../src/cli.js';
import {
  startPostgresServer,
  startStandby,
  type PostgresServer,
} from '../../adapters/test/postgres-server.js';

const dir = mkdtempSync(join(tmpdir(), 'eduset-cli-replica-'));
const empty = join(dir, 'empty');
mkdirSync(empty, { recursive: true });
let primary: PostgresServer | undefined;
let standby: PostgresServer | undefined;

beforeAll(async () => {
  primary = await startPostgresServer();
  primary.createDatabase('served');
  standby = await startStandby(primary);
}, 120_000);

afterAll(() => {
  standby?.stop();
  primary?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function run(argv: readonly string[], env: Readonly<Record<string, string>> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const controller = new AbortController();
  let announce: (url: string) => void = () => undefined;
  const listening = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const context: CliContext = {
    cwd: dir,
    env,
    signal: controller.signal,
    stdout: (line) => {
      stdout.push(line);
      const match = /server running: (\S+)/.exec(line);
      if (match?.[1] !== undefined) announce(match[1]);
    },
    stderr: (line) => stderr.push(line),
  };
  const exit = main(argv, context);
  return { exit, listening, stdout, stderr, stop: () => controller.abort() };
}

describe('eduset serve with a read replica', () => {
  test('a read replica without PostgreSQL, or not a postgres:// address, is a usage error', async () => {
    const alone = run(['serve', '--data-dir', 'memory://'], {
      DATABASE_READ_URL: 'postgres://127.0.0.1:1/replica',
    });
    expect(await alone.exit).toBe(2);
    expect(alone.stderr.join('\n')).toMatch(/DATABASE_READ_URL.*PostgreSQL/);
    const wrong = run(['serve', '--database-read-url', 'mysql://replica/eduset'], {
      DATABASE_URL: primary?.databaseUrl('served') ?? '',
    });
    expect(await wrong.exit).toBe(2);
    expect(wrong.stderr.join('\n')).toMatch(/--database-read-url/);
  });

  test('serves the navigator with DATABASE_URL and DATABASE_READ_URL', async () => {
    const served = run(
      ['serve', '--port', '0', '--static', empty, '--widgets', empty, '--log-level', 'silent'],
      {
        DATABASE_URL: primary?.databaseUrl('served') ?? '',
        DATABASE_READ_URL: standby?.databaseUrl('served') ?? '',
      },
    );
    const url = await Promise.race([
      served.listening,
      served.exit.then((code) => {
        throw new Error(`serve exited with ${String(code)}: ${served.stderr.join('\n')}`);
      }),
    ]);
    try {
      expect(served.stdout.join('\n')).toMatch(
        /navigator and balance reads: replica \(DATABASE_READ_URL\)/,
      );
      const answer = await fetch(new URL('/api/programmes?limit=1', url));
      expect(answer.status).toBe(200);
    } finally {
      served.stop();
    }
    expect(await served.exit).toBe(0);
  });
});
