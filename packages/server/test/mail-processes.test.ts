// Messages to parents from two real server processes of the CLI over one throwaway
// PostgreSQL server, sent to a real SMTP server started here: every message arrives exactly
// once although both processes sweep and send, one of them is restarted in the middle, and a
// staff cancellation and a consultation marked as held each bring one message.
//
// The processes run the built CLI (`packages/server/dist/cli.js`): `npm run build` first
// (EDUSET_TEST_CLI may name another build).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cancelBooking,
  markAttended,
  parseBooking,
  type Booking,
  type NetworkScheduleInput,
  type Slot,
} from '@eduset/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { smallNetworkInput } from '../../adapters/test/fixtures/network.js';
import { startPostgresServer, type PostgresServer } from '../../adapters/test/postgres-server.js';
import { bookingBody } from './helpers.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const cli = resolve(root, process.env.EDUSET_TEST_CLI ?? 'packages/server/dist/cli.js');

/** Speech consultations at «Теремок» every day 08:00–20:00, an hour each. */
const schedule: NetworkScheduleInput = {
  networkId: 'test-town',
  availabilities: [
    {
      specialistId: 'psy-ivanova',
      siteId: 'kp-teremok',
      serviceId: 'speech',
      rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00' }],
    },
  ],
  bookingRules: [
    {
      serviceId: 'speech',
      duration: 60,
      whatToBring: { ru: 'Тетрадь с заданиями', en: 'The exercise notebook' },
    },
  ],
};

interface ServerProcess {
  readonly child: ChildProcess;
  readonly base: URL;
  readonly output: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'eduset-mail-processes-'));
const children: ChildProcess[] = [];
let postgres: PostgresServer | undefined;
let sink: SmtpSink;
let databaseUrl = '';

function startProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      cli,
      'serve',
      '--port',
      '0',
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
    ],
    { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] },
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

function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const mailEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  SMTP_URL: sink.url,
  MAIL_FROM: 'Служба помощи родителям <noreply@test-town.example>',
  PUBLIC_URL: 'https://eduset.test-town.example/',
});

/** Every slot of the coming days (far enough for no reminder to fall due during the test). */
async function slotsAhead(base: URL): Promise<Slot[]> {
  const answer = await fetch(
    new URL(`/api/slots?serviceId=speech&from=${dayFromToday(3)}&to=${dayFromToday(9)}`, base),
  );
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { slots: Slot[] }).slots;
}

async function book(base: URL, slot: Slot, contact: object): Promise<Booking> {
  const answer = await fetch(new URL('/api/bookings', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(bookingBody(slot, contact)),
  });
  const body = (await answer.json()) as { booking: Booking };
  expect(answer.status, JSON.stringify(body)).toBe(201);
  return body.booking;
}

/** The Message-IDs received, with how many times each arrived. */
function arrivals(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of sink.messages) {
    const id = mail.messageId ?? '';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Stores a change made by the service's staff, as the staff console's storage does. */
async function changeAsSite(bookingId: string, change: (booking: Booking) => Booking) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, unknown>>(
      `SELECT id, specialist_id, site_id, service_id, starts_at, ends_at, seats, status, child_age,
         contact_name, contact_phone, contact_email, contact_erased, personal_data_consent,
         sequence, history, created_at, updated_at
       FROM bookings WHERE id = $1`,
      [bookingId],
    );
    const row = rows[0];
    if (row === undefined) throw new Error(`no booking ${bookingId}`);
    const stored = parseBooking({
      id: row['id'],
      specialistId: row['specialist_id'],
      siteId: row['site_id'],
      serviceId: row['service_id'],
      start: (row['starts_at'] as Date).toISOString(),
      end: (row['ends_at'] as Date).toISOString(),
      seats: row['seats'],
      status: row['status'],
      childAge: row['child_age'],
      contact: {
        name: row['contact_name'],
        ...(row['contact_phone'] === null ? {} : { phone: row['contact_phone'] }),
        ...(row['contact_email'] === null ? {} : { email: row['contact_email'] }),
      },
      contactErased: row['contact_erased'],
      personalDataConsent: row['personal_data_consent'],
      sequence: row['sequence'],
      history: row['history'],
      createdAt: (row['created_at'] as Date).toISOString(),
      updatedAt: (row['updated_at'] as Date).toISOString(),
    });
    const changed = change(stored);
    await client.query(
      `UPDATE bookings SET status = $2, sequence = $3, history = $4::jsonb, updated_at = $5
       WHERE id = $1`,
      [
        changed.id,
        changed.status,
        changed.sequence,
        JSON.stringify(changed.history),
        changed.updatedAt,
      ],
    );
  } finally {
    await client.end();
  }
}

async function waitUntil(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
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
  databaseUrl = postgres.createDatabase('mail_processes');
  sink = await startSmtpSink();
});

afterAll(async () => {
  await Promise.all(children.map((child) => stopProcess(child, 'SIGKILL')));
  await sink?.close();
  postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('messages to parents from two server processes over one PostgreSQL', () => {
  test('each message exactly once, across a restart; a staff cancellation and a held consultation bring one each', async () => {
    let first = await startProcess(mailEnv());
    const second = await startProcess(mailEnv());
    expect(first.output.join('')).toContain(
      'messages to parents are sent through SMTP smtp://127.0.0.1:',
    );
    const slots = await slotsAhead(first.base);
    expect(slots.length).toBeGreaterThan(60);
    let next = 0;
    const bookMany = async (count: number, servers: readonly ServerProcess[]) => {
      const made: Booking[] = [];
      await Promise.all(
        Array.from({ length: count }, async (_, index) => {
          const slot = slots[next++];
          const server = servers[index % servers.length];
          if (slot === undefined || server === undefined) throw new Error('no slot left');
          made.push(
            await book(server.base, slot, {
              name: `Родитель ${next}`,
              email: `parent${next}@example.org`,
            }),
          );
        }),
      );
      return made;
    };

    // Bookings through both processes; a few without an e-mail get nothing.
    const early = await bookMany(24, [first, second]);
    for (let index = 0; index < 4; index += 1) {
      const slot = slots[next++];
      if (slot === undefined) throw new Error('no slot left');
      // Each its own phone: one parent holds at most 3 active bookings of a service.
      await book(second.base, slot, { name: 'Без почты', phone: `+7912345678${index}` });
    }
    // Restart the first process while the messages are on their way.
    await stopProcess(first.child, 'SIGTERM');
    const during = await bookMany(12, [second]);
    first = await startProcess(mailEnv());
    const late = await bookMany(12, [first, second]);
    const all = [...early, ...during, ...late];
    await waitUntil(`${all.length} confirmations`, () => sink.messages.length >= all.length);

    // The service cancels one, and one consultation is marked as held.
    const [cancelled, held] = all;
    if (cancelled === undefined || held === undefined) throw new Error('no bookings');
    await changeAsSite(cancelled.id, (booking) =>
      cancelBooking(booking, 'site', booking.updatedAt, 'Специалист заболела'),
    );
    await changeAsSite(held.id, (booking) => markAttended(booking, booking.start));
    await waitUntil(
      'the cancellation and the survey',
      () => sink.messages.length >= all.length + 2,
    );
    // A few more passes of both processes: nothing else arrives.
    await new Promise((done) => setTimeout(done, 6_000));

    const counts = arrivals();
    const twice = [...counts].filter(([, count]) => count > 1);
    expect(twice).toEqual([]);
    expect(sink.messages).toHaveLength(all.length + 2);
    const subjects = sink.messages.map((mail) => mail.subject ?? '');
    expect(subjects.filter((subject) => subject.startsWith('Вы записаны'))).toHaveLength(
      all.length,
    );
    expect(subjects.filter((subject) => subject.startsWith('Консультация отменена'))).toHaveLength(
      1,
    );
    expect(subjects.filter((subject) => subject.startsWith('Как прошла'))).toHaveLength(1);
    // Each booking with an e-mail got its confirmation, to its own address.
    const recipients = new Set(
      sink.messages.map((mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text),
    );
    for (const booking of all) expect(recipients.has(booking.contact.email)).toBe(true);
    expect(recipients.size).toBe(all.length);
    // With an SMTP server, no mail folder is written.
    expect(
      existsSync(join(dir, '.data', 'mail')) ? readdirSync(join(dir, '.data', 'mail')) : [],
    ).toEqual([]);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ kind: string; state: string; count: string }>(
        `SELECT kind, state, count(*) FROM mail_outbox GROUP BY kind, state ORDER BY kind, state`,
      );
      expect(rows.map((row) => [row.kind, row.state, Number(row.count)])).toEqual([
        ['change', 'sent', 1],
        ['confirmation', 'sent', all.length],
        // Due the evening before each consultation, days from now.
        ['reminder', 'pending', all.length],
        ['survey', 'sent', 1],
      ]);
    } finally {
      await client.end();
    }
    await stopProcess(first.child);
    await stopProcess(second.child);
    expect(first.output.join('')).not.toMatch(/messages to parents: error/);
  }, 180_000);
});
