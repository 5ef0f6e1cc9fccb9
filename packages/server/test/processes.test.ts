// Two real server processes of the CLI over one throwaway PostgreSQL server: overlapping
// bookings of one specialist sent to both at once (exactly one succeeds), then a booking
// load on one of them killed with SIGKILL mid-way (every acknowledged booking is stored,
// nothing is half-written).
//
// The processes run the built CLI (`packages/server/dist/cli.js`, what `npm start` runs):
// Node cannot load the SQL migrations (`.sql?raw` imports) from the TypeScript sources, so
// `npm test` builds first. EDUSET_TEST_CLI may name another build of the CLI.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Booking, NetworkScheduleInput, Slot } from '@eduset/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { smallNetworkInput } from '../../adapters/test/fixtures/network.js';
import { startPostgresServer, type PostgresServer } from '../../adapters/test/postgres-server.js';
import { bookingBody as bookingFields } from './helpers.js';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const cli = resolve(root, process.env.EDUSET_TEST_CLI ?? 'packages/server/dist/cli.js');

/**
 * psy-ivanova gives individual speech consultations at two sites every day 08:00–20:00 (the
 * same hours at both, so the same hour at the two sites overlaps); log-petrova holds play
 * groups of 4 at rp-teremok every 15 minutes all day.
 */
const schedule: NetworkScheduleInput = {
  networkId: 'test-town',
  // Every day is a working day here (the dates are relative to today): no official calendar.
  officialCalendar: 'none',
  availabilities: [
    ...['kp-teremok', 'lek-school-2'].map((siteId) => ({
      specialistId: 'psy-ivanova',
      siteId,
      serviceId: 'speech',
      rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00' }],
    })),
    {
      specialistId: 'log-petrova',
      siteId: 'rp-teremok',
      serviceId: 'play',
      rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:45' }],
    },
  ],
  bookingRules: [
    { serviceId: 'speech', duration: 60 },
    { serviceId: 'play', duration: 15, seats: 4 },
  ],
};

interface ServerProcess {
  readonly child: ChildProcess;
  readonly base: URL;
  readonly output: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'eduset-processes-'));
const children: ChildProcess[] = [];
let postgres: PostgresServer | undefined;
let databaseUrl = '';

/** Starts `eduset serve` on a free port over the test database; resolves once it listens. */
function startProcess(
  extraArgs: readonly string[] = [],
  env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl },
): Promise<ServerProcess> {
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
      ...extraArgs,
    ],
    {
      cwd: dir,
      env,
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
        done({ child, base: new URL('/', match[1]), output });
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

function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill(signal);
  });
}

/** A civil date `days` after today (UTC), as `YYYY-MM-DD`. */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function slotsOf(base: URL, query: string): Promise<Slot[]> {
  const answer = await fetch(new URL(`/api/slots?${query}`, base));
  if (answer.status === 404) {
    throw new Error(
      `Собранный CLI (${cli}) устарел — нет /api/slots: выполните npm run build / The built CLI (${cli}) is out of date — no /api/slots: run npm run build`,
    );
  }
  expect(answer.status, await answer.clone().text()).toBe(200);
  return ((await answer.json()) as { slots: Slot[] }).slots;
}

function bookingBody(slot: Slot, parent: number): string {
  return JSON.stringify(
    bookingFields(slot, { name: `Родитель ${parent}`, email: `parent${parent}@example.org` }),
  );
}

async function book(
  base: URL,
  slot: Slot,
  parent: number,
): Promise<{ status: number; body: unknown }> {
  const answer = await fetch(new URL('/api/bookings', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: bookingBody(slot, parent),
  });
  return { status: answer.status, body: (await answer.json()) as unknown };
}

let first: ServerProcess;
let second: ServerProcess;

beforeAll(async () => {
  if (!existsSync(cli)) {
    throw new Error(
      `Нет собранного CLI (${cli}): выполните npm run build / The CLI is not built (${cli}): run npm run build`,
    );
  }
  writeFileSync(join(dir, 'network.json'), JSON.stringify(smallNetworkInput));
  writeFileSync(join(dir, 'schedule.json'), JSON.stringify(schedule));
  postgres = await startPostgresServer();
  databaseUrl = postgres.createDatabase('processes');
  // One after the other: the first applies the migrations and seeds, the second finds them.
  first = await startProcess();
  second = await startProcess();
});

afterAll(async () => {
  await Promise.all(children.map((child) => stopProcess(child, 'SIGKILL')));
  postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('two server processes over one PostgreSQL', () => {
  test('overlapping bookings of one specialist sent to both at once: exactly one succeeds', async () => {
    const day = dayFromToday(3);
    const at = (siteId: string) =>
      slotsOf(first.base, `serviceId=speech&siteId=${siteId}&from=${day}&to=${day}`);
    const here = await at('kp-teremok');
    const there = await at('lek-school-2');
    expect(here.length).toBeGreaterThanOrEqual(6);
    for (let round = 0; round < 6; round += 1) {
      const a = here[round];
      const b = there.find((slot) => slot.start === a?.start);
      if (a === undefined || b === undefined) throw new Error('no overlapping slots');
      const answers = await Promise.all([book(first.base, a, round), book(second.base, b, round)]);
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses, JSON.stringify(answers)).toStrictEqual([201, 409]);
      const refused = answers.find((answer) => answer.status === 409)?.body as {
        error: { code: string };
      };
      expect(['overlap', 'slot-unavailable']).toContain(refused.error.code);
    }
    // Both processes now see every hour as taken at either site.
    for (const server of [first, second]) {
      const left = await slotsOf(server.base, `serviceId=speech&from=${day}&to=${day}`);
      const taken = here.slice(0, 6).map((slot) => slot.start);
      expect(left.filter((slot) => taken.includes(slot.start))).toStrictEqual([]);
    }
  }, 120_000);

  test('SIGKILL during a load: every acknowledged booking is stored, none half-written', async () => {
    const from = dayFromToday(5);
    const to = dayFromToday(14);
    const slots = await slotsOf(second.base, `serviceId=play&from=${from}&to=${to}`);
    expect(slots.length).toBeGreaterThan(200);

    const acknowledged: Booking[] = [];
    const failures: string[] = [];
    const total = 800;
    const inFlight = 16;
    const deadline = Date.now() + 30_000;
    let next = 0;
    let killed = false;
    let sentAtKill = 0;
    const killing = new Promise<void>((done) => {
      const check = setInterval(() => {
        if (acknowledged.length >= 60 || Date.now() > deadline - 20_000) {
          clearInterval(check);
          killed = true;
          sentAtKill = next;
          void stopProcess(second.child, 'SIGKILL').then(done);
        }
      }, 5);
    });
    const worker = async () => {
      while (next < total && Date.now() < deadline) {
        const index = next;
        next += 1;
        // Four parents per group session, so seats are shared and counted.
        const slot = slots[Math.floor(index / 4)];
        if (slot === undefined) return;
        try {
          const answer = await book(second.base, slot, 1000 + index);
          if (answer.status === 201) {
            acknowledged.push((answer.body as { booking: Booking }).booking);
          } else {
            failures.push(`${answer.status} ${JSON.stringify(answer.body)}`);
          }
        } catch {
          // The connection died with the process: not acknowledged, may or may not be stored.
          if (!killed) failures.push('connection failed before the kill');
          if (killed) return;
        }
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    await killing;
    expect(second.child.signalCode).toBe('SIGKILL');
    // Killed mid-load: some bookings acknowledged, more requests still to be sent.
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(sentAtKill).toBeLessThan(total);
    expect(failures).toStrictEqual([]);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const ids = acknowledged.map((booking) => booking.id);
      const stored = await client.query<{ id: string; status: string }>(
        'SELECT id, status FROM bookings WHERE id = ANY($1::text[])',
        [ids],
      );
      expect(stored.rows.length).toBe(ids.length);
      expect(new Set(stored.rows.map((row) => row.status))).toStrictEqual(new Set(['confirmed']));

      const mismatched = await client.query(
        `SELECT s.id, s.seats_taken, s.capacity,
                COALESCE(SUM(b.seats) FILTER (WHERE b.status IN ('requested', 'confirmed')), 0)::int AS active
           FROM booking_sessions s LEFT JOIN bookings b ON b.session_id = s.id
          GROUP BY s.id
         HAVING s.seats_taken <> COALESCE(SUM(b.seats) FILTER (WHERE b.status IN ('requested', 'confirmed')), 0)`,
      );
      expect(mismatched.rows).toStrictEqual([]);
      const full = await client.query<{ count: string }>(
        "SELECT count(*) FROM booking_sessions WHERE service_id = 'play' AND seats_taken = capacity",
      );
      expect(Number(full.rows[0]?.count)).toBeGreaterThan(0);
      const orphans = await client.query(
        `SELECT b.id FROM bookings b JOIN booking_sessions s ON s.id = b.session_id
          WHERE b.starts_at <> s.starts_at OR b.ends_at <> s.ends_at OR b.specialist_id <> s.specialist_id`,
      );
      expect(orphans.rows).toStrictEqual([]);
    } finally {
      await client.end();
    }

    // The surviving process still books, and sees what the killed one stored.
    const left = await slotsOf(first.base, `serviceId=play&from=${from}&to=${to}`);
    const firstAcked = acknowledged[0];
    const session = left.find((slot) => slot.start === firstAcked?.start);
    expect(session === undefined || session.seatsLeft < 4).toBe(true);
    const [free] = left.filter((slot) => slot.seatsLeft === 4).slice(-1);
    if (free === undefined) throw new Error('no free session left');
    expect((await book(first.base, free, 9999)).status).toBe(201);
  }, 120_000);
});

describe('serve --workers', () => {
  test('two processes on one port over PostgreSQL: both serve, SIGTERM stops all', async () => {
    const served = await startProcess(['--workers', '2']);
    const pid = served.child.pid ?? 0;
    const workerPids = () =>
      new Promise<number[]>((done) => {
        const ps = spawn('pgrep', ['-P', String(pid)], { stdio: ['ignore', 'pipe', 'ignore'] });
        let text = '';
        ps.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        ps.on('exit', () => done(text.split(/\s+/).filter(Boolean).map(Number)));
      });
    expect(await workerPids()).toHaveLength(2);
    expect(served.output.join('')).toContain('2 processes');
    // Booking through the shared port works, whichever worker answers.
    const day = dayFromToday(5);
    const [slot] = await slotsOf(
      served.base,
      `serviceId=speech&siteId=kp-teremok&from=${day}&to=${day}`,
    );
    if (slot === undefined) throw new Error('no slot');
    expect((await book(served.base, slot, 7001)).status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fetch(new URL('/api/health', served.base))),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const exit = new Promise<number | null>((done) =>
      served.child.once('exit', (code) => done(code)),
    );
    served.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(await workerPids()).toEqual([]);
  }, 60_000);

  test('with PGlite: refused with a message in both languages', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_URL;
    const failed = startProcess(['--workers', '2', '--data-dir', join(dir, 'pglite')], env);
    const error = await failed.then(
      () => new Error('started'),
      (reason: unknown) => reason as Error,
    );
    expect(error.message).toContain('exited (2)');
    expect(error.message).toContain('только с PostgreSQL');
    expect(error.message).toContain('needs PostgreSQL');
  }, 60_000);
});
