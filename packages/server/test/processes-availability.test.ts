// Publishing working hours with two real server processes of the built CLI over one
// throwaway PostgreSQL: a change published on one process changes `/api/slots` on the other
// at once (the schedule's revision), a publish against a revision that moved on is refused on
// either, and a booking taken on one process is listed as hit by a preview on the other.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  instant,
  type NetworkScheduleInput,
  type Slot,
  type StaffAvailability,
} from '@eduset/core';
import { openStorage } from '@eduset/adapters';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { smallNetworkInput } from '../../adapters/test/fixtures/network.js';
import { startPostgresServer, type PostgresServer } from '../../adapters/test/postgres-server.js';
import { hashPassword } from '../src/index.js';
import { bookingBody } from './helpers.js';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const cli = resolve(root, process.env.EDUSET_TEST_CLI ?? 'packages/server/dist/cli.js');

/** psy-ivanova every day 08:00–20:00 at kp-teremok; no official calendar, so any day works. */
const schedule: NetworkScheduleInput = {
  networkId: 'test-town',
  officialCalendar: 'none',
  availabilities: [
    {
      specialistId: 'psy-ivanova',
      siteId: 'kp-teremok',
      serviceId: 'speech',
      rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00' }],
    },
  ],
  bookingRules: [{ serviceId: 'speech', duration: 60 }],
};

const dir = mkdtempSync(join(tmpdir(), 'eduset-hours-'));
const children: ChildProcess[] = [];
let postgres: PostgresServer | undefined;
let databaseUrl = '';
const password = 'два процесса, одно расписание';

interface ServerProcess {
  readonly child: ChildProcess;
  readonly base: URL;
}

function startProcess(): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      cli,
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--seed',
      join(dir, 'network.json'),
      '--schedule',
      join(dir, 'schedule.json'),
      '--static',
      join(dir, 'no-pages'),
      '--widgets',
      join(dir, 'no-widgets'),
      '--rate-limit',
      '0',
      '--log-level',
      'warn',
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
    const timer = setTimeout(
      () => fail(new Error(`no start in 30 s:\n${output.join('')}`)),
      30_000,
    );
    const collect = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      const match = /server running: (\S+)/.exec(output.join(''));
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        done({ child, base: new URL('/', match[1]) });
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

function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

let first: ServerProcess;
let second: ServerProcess;
/** The coordinator's session on each process (a session lives in the shared database). */
let headers: Record<string, string> = {};

async function slotsOn(server: ServerProcess, day: string): Promise<Slot[]> {
  const answer = await fetch(
    new URL(`/api/slots?serviceId=speech&from=${day}&to=${day}`, server.base),
  );
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { slots: Slot[] }).slots;
}

async function send(server: ServerProcess, method: string, path: string, body?: object) {
  const answer = await fetch(new URL(path, server.base), {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  if (!existsSync(cli)) {
    throw new Error(
      `Нет собранного CLI (${cli}): выполните npm run build / No built CLI: run npm run build`,
    );
  }
  writeFileSync(join(dir, 'network.json'), JSON.stringify(smallNetworkInput));
  writeFileSync(join(dir, 'schedule.json'), JSON.stringify(schedule));
  postgres = await startPostgresServer();
  databaseUrl = postgres.createDatabase('hours');
  first = await startProcess();
  second = await startProcess();
  const storage = await openStorage({ databaseUrl });
  try {
    await storage.identity.createAccount(
      {
        login: 'coordinator',
        displayName: 'Координатор',
        passwordHash: await hashPassword(password),
        grants: [{ role: 'coordinator', networkId: 'test-town' }],
      },
      instant(new Date()),
    );
  } finally {
    await storage.close();
  }
  const signedIn = await fetch(new URL('/api/auth/login', first.base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'coordinator', password }),
  });
  expect(signedIn.status).toBe(200);
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  headers = { cookie, 'x-csrf-token': csrfToken };
}, 120_000);

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGKILL');
        }),
    ),
  );
  postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('publishing working hours with two server processes over one PostgreSQL', () => {
  test('a one-day closure published on one process changes /api/slots on the other at once', async () => {
    const day = dayFromToday(4);
    expect((await slotsOn(second, day)).length).toBe(12);
    const read = await send(first, 'GET', '/api/staff/availability?specialistId=psy-ivanova');
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    const part = read.body as unknown as StaffAvailability;
    const closed = {
      specialistId: 'psy-ivanova',
      revision: part.revision,
      availabilities: part.availabilities.map((entry) => ({
        ...entry,
        overrides: [{ date: day, kind: 'closed' }],
      })),
      vacations: part.vacations,
    };
    const published = await send(first, 'PUT', '/api/staff/availability', closed);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.revision).toBe(part.revision + 1);
    // The very next request to the other process: no slots that day; the day after as before.
    expect(await slotsOn(second, day)).toEqual([]);
    expect(await slotsOn(first, day)).toEqual([]);
    expect((await slotsOn(second, dayFromToday(5))).length).toBe(12);

    // The same stale change sent to the other process is refused: the revision moved on.
    const stale = await send(second, 'PUT', '/api/staff/availability', closed);
    expect(stale.status).toBe(409);
    expect((stale.body.error as { code: string }).code).toBe('revision-moved');
  }, 60_000);

  test('a booking taken on one process is a hit in a preview on the other, and cancelled on publish', async () => {
    const day = dayFromToday(6);
    const [slot] = await slotsOn(second, day);
    if (slot === undefined) throw new Error('no slot');
    const booked = await fetch(new URL('/api/bookings', second.base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bookingBody(slot)),
    });
    expect(booked.status).toBe(201);
    const { booking } = (await booked.json()) as { booking: { id: string } };
    const part = (await send(first, 'GET', '/api/staff/availability?specialistId=psy-ivanova'))
      .body as unknown as StaffAvailability;
    const change = {
      specialistId: 'psy-ivanova',
      revision: part.revision,
      availabilities: part.availabilities,
      vacations: [{ specialistId: 'psy-ivanova', from: day, to: day }],
    };
    const preview = await send(first, 'POST', '/api/staff/availability/preview', change);
    expect(preview.status).toBe(200);
    expect((preview.body.hits as { id: string }[]).map((hit) => hit.id)).toEqual([booking.id]);
    const published = await send(first, 'PUT', '/api/staff/availability', {
      ...change,
      decision: 'cancel',
      hits: [booking.id],
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.cancelled).toEqual([booking.id]);
    expect(await slotsOn(second, day)).toEqual([]);
  }, 60_000);
});
