// The booking rules that involve other bookings with two real server processes of the CLI
// over one throwaway PostgreSQL server, requests sent to both at once: a specialist's limit
// per day and per week, a buffer, and travel between two sites (issue 14: 10 accepted where 6
// were allowed, travel broken in 20 of 20 rounds, before migration 0014).
//
// The processes run the built CLI (`packages/server/dist/cli.js`): `npm test` builds first.
// EDUSET_TEST_CLI may name another build of the CLI.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NetworkScheduleInput } from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { smallNetworkInput } from '../../adapters/test/fixtures/network.js';
import { startPostgresServer, type PostgresServer } from '../../adapters/test/postgres-server.js';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const cli = resolve(root, process.env.EDUSET_TEST_CLI ?? 'packages/server/dist/cli.js');
const everyDay = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00' }];

/**
 * lim-psy: 30-minute consultations, at most 6 a day and 10 a week; gap-psy: 45 minutes with
 * 15 minutes kept free after each, at two sites 20 minutes of travel apart.
 */
const schedule: NetworkScheduleInput = {
  networkId: 'test-town',
  availabilities: [
    { specialistId: 'lim-psy', siteId: 'kp-teremok', serviceId: 'limited', rules: everyDay },
    ...['kp-teremok', 'lek-school-2'].map((siteId) => ({
      specialistId: 'gap-psy',
      siteId,
      serviceId: 'spaced',
      rules: everyDay,
    })),
  ],
  bookingRules: [
    {
      serviceId: 'limited',
      duration: 30,
      horizonDays: 60,
      limits: { perDay: 6, perWeek: 10, perContact: 1000 },
    },
    {
      serviceId: 'spaced',
      duration: 45,
      step: 5,
      bufferAfter: 15,
      horizonDays: 60,
      limits: { perContact: 1000 },
    },
  ],
  travel: [{ fromSiteId: 'kp-teremok', toSiteId: 'lek-school-2', minutes: 20 }],
};

const dir = mkdtempSync(join(tmpdir(), 'eduset-processes-rules-'));
const children: ChildProcess[] = [];
let postgres: PostgresServer | undefined;
let databaseUrl = '';

/** Starts `eduset serve` on a free port over the test database; resolves with its address. */
function startProcess(): Promise<URL> {
  const child = spawn(
    process.execPath,
    [
      cli,
      'serve',
      ...['--port', '0', '--host', '127.0.0.1', '--rate-limit', '0'],
      ...['--seed', join(dir, 'network.json'), '--schedule', join(dir, 'schedule.json')],
      ...['--static', join(dir, 'no-pages'), '--widgets', join(dir, 'no-widgets')],
    ],
    {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  const output: string[] = [];
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      fail(new Error(`the server did not start in 30 s:\n${output.join('')}`));
    }, 30_000);
    const collect = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      const match = /server running: (\S+)/.exec(output.join(''));
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        done(new URL('/', match[1]));
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${String(code)}):\n${output.join('')}`));
    });
  });
}

/** The civil date `days` after today in Moscow, as `YYYY-MM-DD`. */
function moscowDate(days: number): string {
  return new Date(Date.now() + 3 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday at least a week ahead (Moscow), as `YYYY-MM-DD`. */
function nextMonday(): string {
  const today = new Date(Date.now() + 3 * 3_600_000);
  const weekday = today.getUTCDay() === 0 ? 7 : today.getUTCDay();
  return moscowDate(8 - weekday + 7);
}

function at(
  specialistId: string,
  serviceId: string,
  siteId: string,
  date: string,
  time: string,
  minutes: number,
) {
  const start = Date.parse(`${date}T${time}:00+03:00`);
  return {
    specialistId,
    serviceId,
    siteId,
    start: new Date(start).toISOString(),
    end: new Date(start + minutes * 60_000).toISOString(),
  };
}

const hour = (n: number) =>
  `${String(8 + Math.floor(n / 2)).padStart(2, '0')}:${n % 2 ? '30' : '00'}`;

let servers: URL[] = [];

/** Sends each request to one of the two processes in turn, all at once; statuses and codes. */
async function allAtOnce(slots: readonly ReturnType<typeof at>[]) {
  const answers = await Promise.all(
    slots.map(async (slot, n) => {
      const answer = await fetch(new URL('/api/bookings', servers[n % 2]), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...slot,
          childAge: 4,
          contact: {
            name: `Родитель ${n}`,
            email: `parent-${n}-${Date.parse(slot.start)}@example.org`,
          },
          personalDataConsent: true,
        }),
      });
      const body = (await answer.json()) as { error?: { code: string } };
      return { status: answer.status, code: body.error?.code };
    }),
  );
  for (const answer of answers) expect([201, 409]).toContain(answer.status);
  return {
    created: answers.filter((answer) => answer.status === 201).length,
    codes: answers.flatMap((answer) => (answer.code === undefined ? [] : [answer.code])),
  };
}

beforeAll(async () => {
  if (!existsSync(cli)) {
    throw new Error(
      `Нет собранного CLI (${cli}): выполните npm run build / The CLI is not built (${cli}): run npm run build`,
    );
  }
  writeFileSync(join(dir, 'network.json'), JSON.stringify(smallNetworkInput));
  writeFileSync(join(dir, 'schedule.json'), JSON.stringify(schedule));
  postgres = await startPostgresServer();
  databaseUrl = postgres.createDatabase('processes_rules');
  // One after the other: the first applies the migrations and seeds, the second finds them.
  servers = [await startProcess()];
  servers.push(await startProcess());
});

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            done();
            return;
          }
          child.once('exit', () => done());
          child.kill('SIGKILL');
        }),
    ),
  );
  postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('two server processes over one PostgreSQL: the rules hold', () => {
  test('6 a day: 20 requests at once to both, 6 booked; 10 a week: 20 more that week, 4 booked', async () => {
    const monday = nextMonday();
    const day = await allAtOnce(
      Array.from({ length: 20 }, (_, n) =>
        at('lim-psy', 'limited', 'kp-teremok', monday, hour(n), 30),
      ),
    );
    expect(day.created).toBe(6);
    expect(day.codes).toEqual(Array.from({ length: 14 }, () => 'limit-per-day'));
    // Tuesday to Friday, five a day: four more make ten that week.
    const week = await allAtOnce(
      Array.from({ length: 20 }, (_, n) =>
        at('lim-psy', 'limited', 'kp-teremok', shift(monday, 1 + (n % 4)), hour(n), 30),
      ),
    );
    expect(week.created).toBe(4);
    expect(week.codes).toEqual(Array.from({ length: 16 }, () => 'limit-per-week'));
  }, 120_000);

  test('a buffer and travel: 20 rounds of two close times at once, one booked in each', async () => {
    for (let round = 0; round < 20; round += 1) {
      const date = moscowDate(3 + round);
      const [first, second] =
        round % 2 === 0
          ? [
              at('gap-psy', 'spaced', 'kp-teremok', date, '09:00', 45),
              at('gap-psy', 'spaced', 'kp-teremok', date, '09:50', 45),
            ]
          : [
              at('gap-psy', 'spaced', 'kp-teremok', date, '12:00', 45),
              at('gap-psy', 'spaced', 'lek-school-2', date, '13:10', 45),
            ];
      const { created, codes } = await allAtOnce(
        Array.from({ length: 10 }, (_, n) => (n % 4 < 2 ? first : second)),
      );
      expect(created, `round ${round}`).toBe(1);
      for (const code of codes) expect(['overlap', 'too-close']).toContain(code);
    }
  }, 120_000);
});

/** `date` plus `days`, as `YYYY-MM-DD`. */
function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
