// Reminders: 10 000 reminders due at the same minute, sent by two `eduset serve` processes
// (the built CLI) over one throwaway PostgreSQL server to a real SMTP server (smtp-server)
// running in this process, which counts every message by its Message-ID.
//
// 1. The Udomlya network with 100 generated psychologists; 10 000 bookings for tomorrow
//    (in Udomlya's zone), each with its own e-mail, stored two days ago (so no confirmation
//    is due: only reminders), through the storage's own booking path.
// 2. REMINDER_TIME is set to a whole minute T about two minutes ahead: every reminder falls
//    due at T. Both processes sweep the bookings into the outbox before T (checked).
// 3. From T on, the time until the SMTP server has received all 10 000 is measured; then the
//    bench waits 5 s more and counts: every reminder exactly once (none missing, none twice),
//    as the outbox also says.
// Target (issue 14): all sent within 60 s, none twice. Bounded: 10 000 messages, at most
// 5 minutes in all.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { openStorage } from '@eduset/adapters';
import {
  createNetwork,
  createNetworkSchedule,
  instant,
  localDateTime,
  instantsAt,
  type NetworkInput,
  type NetworkScheduleInput,
} from '@eduset/core';
import {
  startPostgresServer,
  type PostgresServer,
} from '../packages/adapters/test/postgres-server.js';
import { serverNodeArgs } from './measure.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const cli = join(root, 'packages/server/dist/cli.js');
const total = Number(process.env['BENCH_REMINDERS'] ?? 10_000);
const specialistCount = 100;
const perSpecialist = Math.ceil(total / specialistCount);
const targetSeconds = 60;
const zone = 'Europe/Moscow';
const minuteMs = 60_000;
const service = 'psychologist-consultation';
const site = 'kp-teremok';

const udomlya = JSON.parse(
  readFileSync(join(root, 'examples/data/udomlya.json'), 'utf8'),
) as NetworkInput;
const psy = (index: number) => `bench-psy-${String(index).padStart(3, '0')}`;
const network: NetworkInput = {
  ...udomlya,
  sites: udomlya.sites.map((entry) =>
    entry.id === site ? { ...entry, phone: '+7 (48255) 5-55-55' } : entry,
  ),
  specialists: Array.from({ length: specialistCount }, (_, index) => ({
    id: psy(index),
    name: `Психолог ${index + 1}`,
    roles: ['psychologist' as const],
    siteIds: [site],
    serviceIds: [service],
  })),
};
const schedule: NetworkScheduleInput = {
  networkId: udomlya.id,
  availabilities: [
    {
      specialistId: psy(0),
      siteId: site,
      serviceId: service,
      timeZone: zone,
      rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00' }],
    },
  ],
  bookingRules: [
    {
      serviceId: service,
      duration: 5,
      whatToBring: { ru: 'Свидетельство о рождении ребёнка', en: "The child's birth certificate" },
    },
  ],
};

/** A whole minute at least `leadMs` from now, and its local time `HH:mm` and date in Udomlya. */
function reminderMinute(leadMs: number): { at: number; time: string; date: string } {
  const at = Math.ceil((Date.now() + leadMs) / minuteMs) * minuteMs;
  const local = localDateTime(instant(new Date(at)), zone);
  return { at, time: local.time, date: local.date };
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

interface Counter {
  readonly url: string;
  readonly received: Map<string, number>;
  count: number;
  lastAt: number;
  close(): Promise<void>;
}

/** An SMTP server that counts messages by their Message-ID (read from the headers only). */
async function startCounter(): Promise<Counter> {
  const counter = {
    received: new Map<string, number>(),
    count: 0,
    lastAt: 0,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 1024 * 1024,
    onData(stream, _session, callback) {
      let head = '';
      let done = false;
      stream.on('data', (chunk: Buffer) => {
        if (done) return;
        head += chunk.toString('latin1');
        if (head.includes('\r\n\r\n')) done = true;
      });
      stream.on('end', () => {
        const id = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(head)?.[1] ?? 'missing';
        counter.received.set(id, (counter.received.get(id) ?? 0) + 1);
        counter.count += 1;
        counter.lastAt = Date.now();
        callback();
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return Object.assign(counter, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  });
}

interface ServerProcess {
  readonly child: ChildProcess;
  readonly output: string[];
}

function startServer(files: string, env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      ...serverNodeArgs(cli),
      cli,
      'serve',
      '--port',
      '0',
      '--seed',
      join(files, 'network.json'),
      '--schedule',
      join(files, 'schedule.json'),
      '--static',
      join(files, 'no-pages'),
      '--log-level',
      'warn',
    ],
    { cwd: files, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the server did not start in 30 s:\n${output.join('')}`));
    }, 30_000);
    let started = false;
    const collect = (chunk: Buffer) => {
      if (output.length < 200) output.push(chunk.toString('utf8'));
      if (!started && /server running: (\S+)/.test(output.join(''))) {
        started = true;
        clearTimeout(timer);
        done({ child, output });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!started) fail(new Error(`the server exited (${String(code)}):\n${output.join('')}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, untilAt: number) {
  while (!(await check())) {
    if (Date.now() > untilAt) throw new Error(`timed out: ${what}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

if (!existsSync(cli)) {
  throw new Error(
    `Нет собранного CLI (${cli}): выполните npm run build / The CLI is not built (${cli}): run npm run build`,
  );
}

const benchDeadline = Date.now() + 5 * minuteMs;
const files = mkdtempSync(join(tmpdir(), 'eduset-reminders-'));
let postgres: PostgresServer | undefined;
let counter: Counter | undefined;
const servers: ServerProcess[] = [];
let failed = false;
try {
  writeFileSync(join(files, 'network.json'), JSON.stringify(createNetwork(network)));
  writeFileSync(join(files, 'schedule.json'), JSON.stringify(createNetworkSchedule(schedule)));
  postgres = await startPostgresServer();
  const databaseUrl = postgres.createDatabase('reminders');
  counter = await startCounter();

  // The minute every reminder falls due, and the day of the consultations (the day after it).
  const due = reminderMinute(150_000);
  const day = nextDate(due.date);
  const [morning] = instantsAt(day, '08:00', zone);
  if (morning === undefined) throw new Error('no 08:00 that day');
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SMTP_URL: counter.url,
    MAIL_FROM: 'Служба помощи родителям <noreply@udomlya.example>',
    PUBLIC_URL: 'https://eduset.udomlya.example/',
    REMINDER_TIME: due.time,
  };
  // The first process seeds the network and applies the migrations; then the second.
  servers.push(await startServer(files, env));
  servers.push(await startServer(files, env));

  // 10 000 bookings, stored two days ago (no confirmation is due any more).
  const storage = await openStorage({ databaseUrl });
  const storedAt = instant(new Date(Date.now() - 2 * 86_400_000));
  const started = Date.now();
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < total; index = next++) {
      const specialist = index % specialistCount;
      const slot = Math.floor(index / specialistCount);
      const start = Date.parse(morning) + slot * 5 * minuteMs;
      await storage.createBooking(
        udomlya.id,
        {
          specialistId: psy(specialist),
          siteId: site,
          serviceId: service,
          start: instant(new Date(start)),
          end: instant(new Date(start + 5 * minuteMs)),
          seats: 1,
          capacity: 1,
          childAge: 4,
          contact: { name: `Родитель ${index + 1}`, email: `parent-${index + 1}@example.org` },
          personalDataConsent: true,
        },
        storedAt,
      );
    }
  };
  await Promise.all(Array.from({ length: 32 }, lane));
  await storage.close();
  console.log(
    `${total} bookings of ${perSpecialist} per specialist for ${day} stored in ${((Date.now() - started) / 1000).toFixed(1)} s; reminders due at ${due.time} on ${due.date} (${zone})`,
  );

  // Both processes sweep them into the outbox before the minute.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const reminders = async () => {
    const { rows } = await client.query<{ count: string }>(
      "SELECT count(*) FROM mail_outbox WHERE kind = 'reminder'",
    );
    return Number(rows[0]?.count ?? 0);
  };
  await waitFor('the reminders enqueued', async () => (await reminders()) >= total, benchDeadline);
  const enqueuedAt = Date.now();
  const early = enqueuedAt < due.at;
  console.log(
    `${total} reminders in the outbox ${((due.at - enqueuedAt) / 1000).toFixed(1)} s before they fall due${early ? '' : ' (LATE: the time below includes the sweep)'}`,
  );
  if (counter.count > 0) throw new Error(`${counter.count} messages arrived before the minute`);

  // From the minute on: the time until all have arrived.
  await waitFor('the minute', () => Date.now() >= due.at, benchDeadline);
  const sink = counter;
  await waitFor(
    `${total} reminders received`,
    () => sink.count >= total,
    Math.min(benchDeadline, due.at + 3 * minuteMs),
  );
  const seconds = (sink.lastAt - due.at) / 1000;
  await new Promise((done) => setTimeout(done, 5_000));
  const twice = [...sink.received.values()].filter((count) => count > 1).length;
  const unique = sink.received.size;
  const { rows: states } = await client.query<{ state: string; count: string }>(
    "SELECT state, count(*) FROM mail_outbox WHERE kind = 'reminder' GROUP BY state ORDER BY state",
  );
  await client.end();
  const perSecond = total / seconds;
  const met = seconds <= targetSeconds && twice === 0 && unique === total && sink.count === total;
  console.log(
    `Reminders: ${sink.count} messages received (${unique} distinct, ${twice} twice) in ${seconds.toFixed(1)} s from the minute they fell due — ${perSecond.toFixed(0)}/s; target ≤ ${targetSeconds} s, none twice: ${met ? 'met' : 'NOT MET'}`,
  );
  console.log(`Outbox: ${states.map((row) => `${row.state} ${row.count}`).join(', ')}`);
  console.log(
    `BENCH-MAIL ${JSON.stringify({
      name: 'reminders due at one minute, 2 server processes, 1 PostgreSQL',
      messages: total,
      received: sink.count,
      distinct: unique,
      twice,
      seconds,
      perSecond,
      targetSeconds,
      met,
    })}`,
  );
  if (twice > 0 || unique !== total) failed = true;
} finally {
  await Promise.all(servers.map((server) => stop(server.child)));
  await counter?.close();
  postgres?.stop();
  rmSync(files, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
