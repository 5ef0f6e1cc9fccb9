// `eduset users …` and `serve --demo-accounts` over a PGlite directory on disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '@eduset/adapters';
import { afterAll, describe, expect, test } from 'vitest';
import { main, type CliContext } from '../src/cli.js';
import { demoAccounts } from '../src/cli-users.js';
import { createServer } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'eduset-users-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cyrillic = /[а-яё]/i;

/** Runs `main` with captured output and the given standard input. */
async function run(argv: readonly string[], stdin = '') {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const context: CliContext = {
    cwd: dir,
    env: {},
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    readStdin: async () => stdin,
  };
  const code = await main(argv, context);
  return { code, stdout, stderr };
}

describe('eduset users', () => {
  const dataDir = join(dir, 'users-data');
  const flags = ['--data-dir', dataDir];

  test('add with a password from stdin, invite, grant, list, disable; the password signs in', async () => {
    const added = await run(
      [
        'users',
        'add',
        '--login',
        'Ivanova',
        '--name',
        'Иванова Мария Петровна',
        '--role',
        'coordinator',
        '--network',
        'udomlya',
        '--password-stdin',
        ...flags,
      ],
      'очень длинный пароль\n',
    );
    expect(added.stderr.join('\n')).not.toContain('ошибка');
    expect(added.code).toBe(0);
    expect(added.stdout.join('\n')).toContain('account "Ivanova" created');

    const invited = await run([
      'users',
      'add',
      '--login',
      'lebedeva',
      '--name',
      'Лебедева А. С.',
      '--role',
      'specialist',
      '--network',
      'udomlya',
      '--specialist',
      'speech-lebedeva',
      '--base-url',
      'https://eduset.udomlya.example/',
      ...flags,
    ]);
    expect(invited.code).toBe(0);
    const link = invited.stdout.find((line) => line.startsWith('https://'));
    expect(link).toMatch(
      /^https:\/\/eduset\.udomlya\.example\/sign-in\/#invitation=[A-Za-z0-9_-]{43}$/,
    );

    const again = await run(['users', 'invite', '--login', 'LEBEDEVA', ...flags]);
    expect(again.code).toBe(0);
    expect(
      again.stdout.find((line) => line.startsWith('http://127.0.0.1:8080/sign-in/#invitation=')),
    ).toBeDefined();

    const granted = await run([
      'users',
      'grant',
      '--login',
      'lebedeva',
      '--role',
      'organization-admin',
      '--network',
      'udomlya',
      '--organization',
      'ds-buratino',
      ...flags,
    ]);
    expect(granted.code).toBe(0);
    expect(granted.stdout.join('\n')).toContain('organization-admin@udomlya/org:ds-buratino');

    const disabled = await run(['users', 'disable', '--login', 'lebedeva', ...flags]);
    expect(disabled.code).toBe(0);

    // A work e-mail for reminders: validated, set, and cleared.
    const badEmail = await run([
      'users',
      'email',
      '--login',
      'ivanova',
      '--email',
      'nope',
      ...flags,
    ]);
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr.join('\n')).toContain('ожидается адрес электронной почты');
    const emailed = await run([
      'users',
      'email',
      '--login',
      'lebedeva',
      '--email',
      'lebedeva@udomlya.example.org',
      ...flags,
    ]);
    expect(emailed.code).toBe(0);
    expect(emailed.stdout.join('\n')).toContain('lebedeva@udomlya.example.org');
    await run(['users', 'email', '--login', 'ivanova', '--email', 'ivanova@example.org', ...flags]);
    expect((await run(['users', 'email', '--login', 'ivanova', '--clear', ...flags])).code).toBe(0);

    const listed = await run(['users', 'list', ...flags]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toEqual([
      'логин / login\tимя / name\tвход / sign-in\tроли / roles\tпочта / e-mail',
      'Ivanova\tИванова Мария Петровна\tпароль / password\tcoordinator@udomlya\t—',
      'lebedeva\tЛебедева А. С.\tотключена / disabled\tspecialist@udomlya/specialist:speech-lebedeva, organization-admin@udomlya/org:ds-buratino\tlebedeva@udomlya.example.org',
    ]);

    // The password given on stdin signs in through the server.
    const storage = await openStorage({ dataDir });
    try {
      const server = createServer({ storage, rateLimit: false });
      const answer = await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'ivanova', password: 'очень длинный пароль' },
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.json().account.displayName).toBe('Иванова Мария Петровна');
      await server.close();
    } finally {
      await storage.close();
    }
  });

  test.each([
    [['users', 'add', '--name', 'X', '--role', 'coordinator', '--network', 'udomlya'], '--login'],
    [
      ['users', 'add', '--login', 'x', '--name', 'X', '--role', 'boss', '--network', 'udomlya'],
      'boss',
    ],
    [
      [
        'users',
        'add',
        '--login',
        'x',
        '--name',
        'X',
        '--role',
        'specialist',
        '--network',
        'udomlya',
      ],
      'specialistId',
    ],
    [['users', 'grant', '--login', 'x', '--role', 'coordinator'], '--network'],
    [['users', 'invite', '--login', 'x', '--base-url', 'ftp://x'], '--base-url'],
    [['users', 'disable', '--login', 'nobody'], 'nobody'],
    [['users', 'rename'], 'rename'],
    [['users', 'list', '--verbose'], 'users list'],
  ])('%j → exit code 2, bilingual', async (argv, mentioned) => {
    const result = await run([...argv, '--data-dir', join(dir, 'errors-data')]);
    expect(result.code).toBe(2);
    const [ru = '', en = ''] = result.stderr;
    expect(ru).toMatch(cyrillic);
    expect(en).not.toMatch(cyrillic);
    expect(result.stderr.join('\n')).toContain(mentioned);
  });

  test('a password from stdin that breaks the rules → exit code 2, bilingual', async () => {
    const short = await run(
      [
        'users',
        'add',
        '--login',
        'petrova',
        '--name',
        'Петрова',
        '--role',
        'auditor',
        '--network',
        'udomlya',
        '--password-stdin',
        '--data-dir',
        join(dir, 'errors-data'),
      ],
      'короткий',
    );
    expect(short.code).toBe(2);
    expect(short.stderr.join('\n')).toContain('at least 12 characters');
    expect(short.stderr.join('\n')).toContain('не меньше 12 символов');
  });

  test('without an action: usage on stderr, exit code 2', async () => {
    const result = await run(['users']);
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toContain('eduset users add');
  });
});

describe('eduset serve --demo-accounts', () => {
  async function serve(args: readonly string[]) {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const controller = new AbortController();
    let announce: (url: string) => void = () => undefined;
    const listening = new Promise<string>((resolve) => {
      announce = resolve;
    });
    const exit = main(['serve', '--port', '0', '--static', join(dir, 'no-pages'), ...args], {
      cwd: dir,
      env: {},
      signal: controller.signal,
      stdout: (line) => {
        stdout.push(line);
        const match = /server running: (\S+)/.exec(line);
        if (match?.[1] !== undefined) announce(match[1]);
      },
      stderr: (line) => stderr.push(line),
    });
    const url = await Promise.race([
      listening,
      exit.then((code) => Promise.reject(new Error(`exited ${code}: ${stderr.join('\n')}`))),
    ]);
    return { url, stdout, stop: async () => (controller.abort(), exit) };
  }

  test('seeds one account per role into an empty storage, prints the table, and they sign in', async () => {
    const dataDir = join(dir, 'demo-data');
    const first = await serve(['--data-dir', dataDir, '--demo-accounts']);
    const text = first.stdout.join('\n');
    for (const demo of demoAccounts) {
      expect(text).toContain(demo.login);
      expect(text).toContain(demo.password);
    }
    expect(text).toContain('Специалист / Specialist');
    const answer = await fetch(new URL('/api/auth/login', first.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'lebedeva', password: 'demo-lebedeva-2026' }),
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { account: { grants: unknown[] } };
    expect(body.account.grants).toEqual([
      { role: 'specialist', networkId: 'udomlya', specialistId: 'speech-lebedeva' },
    ]);
    expect(await first.stop()).toBe(0);

    // Started again: accounts exist, nothing is seeded or printed twice.
    const second = await serve(['--data-dir', dataDir, '--demo-accounts']);
    expect(second.stdout.join('\n')).not.toContain('demo-lebedeva-2026');
    expect(await second.stop()).toBe(0);
  });

  test('without the flag no demo account is created', async () => {
    const dataDir = join(dir, 'plain-data');
    const plain = await serve(['--data-dir', dataDir]);
    expect(plain.stdout.join('\n')).not.toContain('demo-');
    expect(await plain.stop()).toBe(0);
    const storage = await openStorage({ dataDir });
    try {
      expect(await storage.identity.hasAccounts()).toBe(false);
    } finally {
      await storage.close();
    }
  });
});
