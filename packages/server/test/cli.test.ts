import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Network } from '@eduset/core';
import { afterAll, describe, expect, test } from 'vitest';
import { main, type CliContext } from '../src/cli.js';
import { smallNetwork, smallNetworkInput } from '../../adapters/test/fixtures/network.js';

const dir = mkdtempSync(join(tmpdir(), 'eduset-cli-'));
const seed = join(dir, 'seed.json');
const invalidSeed = join(dir, 'invalid.json');
const staticRoot = join(dir, 'examples');
mkdirSync(join(staticRoot, 'test-town'), { recursive: true });
writeFileSync(join(staticRoot, 'test-town', 'index.html'), '<!doctype html><title>Тест</title>');
writeFileSync(seed, JSON.stringify(smallNetworkInput, null, 2));
writeFileSync(
  invalidSeed,
  JSON.stringify({ ...smallNetworkInput, sites: [{ id: 'bad site', kind: 'unknown' }] }),
);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `main` with captured output; `stop()` ends `serve` as SIGINT would. */
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

describe('eduset serve', () => {
  test('seeds an empty data directory, answers over HTTP on 127.0.0.1 and stops cleanly', async () => {
    const dataDir = join(dir, 'data', 'pglite');
    const args = [
      'serve',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--seed',
      seed,
      '--static',
      staticRoot,
    ];
    const first = run(args);
    const page = await Promise.race([
      first.listening,
      first.exit.then((code) =>
        Promise.reject(new Error(`exited ${code}: ${first.stderr.join('\n')}`)),
      ),
    ]);
    expect(page).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/test-town\/$/);
    expect(first.stdout.some((line) => line.includes('сервер работает'))).toBe(true);
    expect(first.stdout.some((line) => line.includes('loaded from'))).toBe(true);

    const base = new URL('/', page);
    const answer = await fetch(new URL('api/network?siteKind=lekoteka', base));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
    const network = (await answer.json()) as Network;
    expect(network.sites.map((site) => site.id)).toEqual(['lek-school-2']);
    const html = await fetch(page);
    expect(await html.text()).toContain('<title>Тест</title>');

    first.stop();
    expect(await first.exit).toBe(0);
    expect(first.stdout.at(-1)).toBe('eduset: server stopped');
    await expect(fetch(new URL('api/health', base))).rejects.toThrow();

    // Started again over the same directory: the data is there and is not seeded twice.
    const second = run(args);
    const again = await second.listening;
    const whole = await fetch(new URL('/api/network', again));
    expect(await whole.json()).toStrictEqual(JSON.parse(JSON.stringify(smallNetwork())));
    expect(second.stdout.some((line) => line.includes('loaded from'))).toBe(false);
    second.stop();
    expect(await second.exit).toBe(0);
  });

  test('an invalid seed file is reported issue by issue, exit code 1', async () => {
    const failed = run(['serve', '--port', '0', '--data-dir', 'memory://', '--seed', invalidSeed]);
    expect(await failed.exit).toBe(1);
    const output = failed.stderr.join('\n');
    expect(output).toContain('Данные не прошли проверку');
    expect(output).toContain('The data did not pass validation');
    expect(output).toContain('sites.0.kind');
  });
});

describe('bad command lines exit with code 2 and a message in Russian and English', () => {
  test.each([
    [['serve', '--port', 'abc'], '--port'],
    [['serve', '--port', '70000'], '--port'],
    [['serve', '--bogus'], 'bogus'],
    [['serve', 'extra'], 'extra'],
    [['serve', '--seed', join(dir, 'missing.json'), '--data-dir', 'memory://'], 'missing.json'],
    [['frobnicate'], 'frobnicate'],
    [[], 'Usage'],
  ])('%j', async (argv, mention) => {
    const failed = run(argv);
    expect(await failed.exit).toBe(2);
    const output = failed.stderr.join('\n');
    expect(output).toContain(mention);
    expect(output).toMatch(/[а-яё]/i);
    expect(output).toContain('Usage');
  });

  test.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TRUST_PROXY: 'banana' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ CORS_ORIGINS: 'https://ok.example,not a url' }, 'CORS_ORIGINS'],
    [{ RATE_LIMIT: '-1' }, 'RATE_LIMIT'],
    [{ DATABASE_URL: 'mysql://db/eduset' }, 'DATABASE_URL'],
  ])('the environment %j is checked like the flags', async (env, mention) => {
    const failed = run(['serve', '--data-dir', 'memory://'], env);
    expect(await failed.exit).toBe(2);
    const output = failed.stderr.join('\n');
    expect(output).toContain(mention);
    expect(output).toMatch(/[а-яё]/i);
  });

  test('flags win over the environment, which sets the rest', async () => {
    const served = run(
      ['serve', '--port', '0', '--data-dir', 'memory://', '--seed', seed, '--static', staticRoot],
      {
        PORT: 'not-a-port',
        LOG_LEVEL: 'silent',
        TRUST_PROXY: '127.0.0.1,10.0.0.0/8',
        CORS_ORIGINS: 'https://udomlya.example, https://other.example',
        RATE_LIMIT: '5',
      },
    );
    const url = await served.listening;
    const answer = await fetch(new URL('/api/health', url), {
      headers: { origin: 'https://other.example', 'x-request-id': 'probe-1' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://other.example');
    expect(answer.headers.get('x-request-id')).toBe('probe-1');
    served.stop();
    expect(await served.exit).toBe(0);
  });

  test('eduset --version prints the package version', async () => {
    const version = run(['--version']);
    expect(await version.exit).toBe(0);
    expect(version.stdout).toEqual(['0.1.0']);
  });

  test('--help prints the usage and exits 0', async () => {
    const help = run(['serve', '--help']);
    expect(await help.exit).toBe(0);
    expect(help.stdout.join('\n')).toContain('eduset serve');
  });
});
