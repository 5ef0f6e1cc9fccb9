// The opening day of enrolment (issue 15 §4): `eduset serve` (the built CLI) as a separate
// process on 127.0.0.1 over a throwaway PostgreSQL server holding a region's registry —
// 200 000 certificates and 5 000 programmes with limited places — and a burst of applications
// (`POST /api/enrolments`, as the family's widget sends them) from many clients, in two runs:
// - saturated: autocannon, 100 connections each sending as soon as its previous answer
//   arrives, bounded in count (20 000 applications) and time (15 s): the most a second;
// - at 500 applications a second: requests due at a steady pace over the same connections for
//   5 s, latency measured from the moment each was due (the p99 target is judged here; at
//   saturation 100 requests always wait, so latency there is 100 / throughput by Little's law).
// The applications (a seeded PRNG, the same on every run) are what an opening morning sends:
// - most come from a family applying once, to a programme chosen with a strong preference for
//   the first (popular) programmes of the registry, whose 4–12 places run out (409
//   `group-full`, `programme-full`);
// - every 25th comes from one of 300 eager families applying again and again, until their
//   certificate's nominal is spent (`empty-balance`), sometimes twice to one module
//   (`duplicate-module`);
// - one certificate in ten is a record certificate, converted to funded on its first funded
//   application while the group's funded places last (`funded-places-exhausted` after);
// - one certificate in ten counts weekly hours (4 h a week, programmes take 2 or 3): a second
//   funded programme exceeds them (`hours-exhausted`, where the weekly-hours rule is enforced);
// - one programme in ten is paid (no certificate part), one direction has a payer's limit.
// Afterwards the server is stopped and the database read directly: no group, programme or
// direction over its limit, and each counter equal to the live contracts it counts; no
// certificate over its balance (the balance law, every stored balance equal to the one core
// recomputes from the ledger, the reserve equal to its live contracts' certificate parts) or
// over its weekly hours; funded places counted once per funded certificate; every
// acknowledged application stored.
// The server's limits: the per-address rate limit is off (`--rate-limit 0`: every client here
// is 127.0.0.1, where a real morning has thousands of addresses each far under 30 a minute);
// the per-certificate attempt limit stays on and costs what it costs in production (its two
// statements per application), but never refuses: every application names the right birth date.
// Targets (issue 15): ≥ 1 000 applications/s on PostgreSQL, p99 < 100 ms at 500/s.
// BENCH_CLI names another build of the CLI; BENCH_WORKERS=2 runs `serve --workers 2`;
// BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStorage, type Storage } from '@eduset/adapters';
import {
  activateCertificate,
  balanceLawHolds,
  certificateGroupSchema,
  directions,
  issueCertificate,
  Money,
  programmeSchema,
  recomputeBalances,
  type Certificate,
  type Programme,
  type ProgrammeRegistry,
} from '@eduset/core';
import {
  startPostgresServer,
  type PostgresServer,
} from '../packages/adapters/test/postgres-server.js';
import { serverNodeArgs } from './measure.js';

// autocannon ships no type declarations; the little used here is typed by hand.
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: CannonRequest, context: Record<string, unknown>) => CannonRequest;
}
interface CannonResult {
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
}
interface CannonInstance {
  stop(): void;
  on(event: 'response', listener: (client: unknown, statusCode: number) => void): void;
}
type Autocannon = (
  options: Record<string, unknown>,
  done: (error: Error | null, result: CannonResult) => void,
) => CannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const cli = resolve(root, process.env['BENCH_CLI'] ?? 'packages/server/dist/cli.js');

const certificateCount = 200_000;
const programmeCount = 5_000;
const connections = 100;
const amount = 20_000;
const maxSeconds = 15;
const warmUp = { connections: 20, amount: 500, seconds: 5 };
const pacedRate = 500;
const pacedSeconds = 5;
const targetPerSecond = 1_000;
const targetP99Ms = 100;

const eagerFamilies = 300;
const nominal = 12_000;
const weeklyHoursCap = 4;
/** Funded places of the money group beyond its funded certificates: conversions allowed. */
const spareFundedPlaces = 1_500;
const limitedDirection = 'tourism-local-history';
const limitedDirectionMax = 600;

// ---------------------------------------------------------------------------------------
// The region: this school year's period, its programmes and certificates.

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const today = new Date();
const schoolYear = today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
const period = {
  id: `${String(schoolYear)}-${String(schoolYear + 1)}`,
  start: `${String(schoolYear)}-09-01`,
  end: `${String(schoolYear + 1)}-08-31`,
};
const groupStart = `${String(schoolYear)}-09-01`;
const groupEnd = `${String(schoolYear + 1)}-05-31`;
const pad = (value: number, width: number) => String(value).padStart(width, '0');
const programmeId = (index: number) => `surge-p${pad(index, 4)}`;

function makeRegistry(): ProgrammeRegistry {
  const random = prng(15);
  const providers = Array.from({ length: 200 }, (_, index) => ({
    id: `surge-provider-${pad(index, 3)}`,
    name: `Организация дополнительного образования № ${String(index + 1)}`,
    kind: index % 5 === 0 ? ('private' as const) : ('municipal' as const),
  }));
  const programmes: Programme[] = [];
  for (let index = 0; index < programmeCount; index += 1) {
    const id = programmeId(index);
    const paid = index % 10 === 9;
    const normative = 2_500 + Math.floor(random() * 40) * 100;
    const ageFrom = index % 7 === 0 ? 10 : 5;
    programmes.push(
      programmeSchema.parse({
        id,
        name: `Программа ${String(index + 1)}`,
        providerId: providers[index % providers.length]?.id,
        fundingKind: paid ? 'paid' : 'funded',
        direction: directions[index % directions.length],
        ageFrom,
        ageTo: 17,
        hours: 72,
        hoursPerWeek: index % 2 === 0 ? 2 : 3,
        groupSize: { min: 4, max: 12 },
        certification: 'certified',
        ...(index % 3 === 0 ? { maxEnrolments: 6 } : {}),
        modules: [
          {
            id: `${id}-m1`,
            name: 'Модуль',
            hours: 72,
            price: String(normative + (index % 4 === 0 ? 1_000 : 0)),
            normativeCost: String(normative),
            groups: [
              {
                id: `${id}-g1`,
                name: 'Группа',
                start: groupStart,
                end: groupEnd,
                capacity: 4 + Math.floor(random() * 9),
                weekdays: [1 + (index % 6)],
              },
            ],
          },
        ],
      }),
    );
  }
  return { providers, programmes };
}

/** Certificate i: its group, kind and the child's birth date (5–17 years old this year). */
function certificateOf(index: number): Certificate {
  const age = 6 + (index % 11);
  const birthDate = `${String(schoolYear - age)}-${pad(1 + (index % 12), 2)}-${pad(1 + (index % 28), 2)}`;
  const issued = issueCertificate(
    {
      id: `surge-c${pad(index, 6)}`,
      number: String(7_000_000_000 + index),
      birthDate,
      groupId: index % 10 === 3 ? 'surge-hours' : 'surge-money',
    },
    period.start,
  );
  const active = activateCertificate(issued, period.start);
  return index % 10 === 7 ? active : { ...active, kind: 'funded' };
}

const moneyGroup = certificateGroupSchema.parse({
  id: 'surge-money',
  name: 'Дети 5–18 лет',
  period,
  nominal: String(nominal),
  // Every funded certificate of the group, and a few conversions of record ones.
  fundedPlaces: certificateCount * 0.8 + spareFundedPlaces,
});
const hoursGroup = certificateGroupSchema.parse({
  id: 'surge-hours',
  name: 'Дети 5–18 лет (часы в неделю)',
  period,
  nominal: String(nominal),
  fundedPlaces: certificateCount * 0.1,
  unit: 'weekly-hours',
  weeklyHours: weeklyHoursCap,
});

/** Seeds the region: the registry, both groups, 200 000 certificates and their issue. */
async function seed(storage: Storage, databaseUrl: string): Promise<number> {
  const started = performance.now();
  await storage.financing.saveRegistry(makeRegistry());
  await storage.financing.saveCertificateGroup(moneyGroup);
  await storage.financing.saveCertificateGroup(hoursGroup);
  await storage.financing.setDirectionLimits({
    ...Object.fromEntries(directions.map((direction) => [direction, 1_000_000])),
    [limitedDirection]: limitedDirectionMax,
  });
  const batch = 20_000;
  for (let from = 0; from < certificateCount; from += batch) {
    const certificates = Array.from({ length: Math.min(batch, certificateCount - from) }, (_, k) =>
      certificateOf(from + k),
    );
    await storage.financing.saveCertificates(certificates);
  }
  // The nominal issued to each certificate: one movement each in the ledger and its balance,
  // in batches of one statement (the store's postEntries goes movement by movement).
  // Three connections at once: the batches are independent.
  const clients = Array.from({ length: 3 }, () => new pg.Client({ connectionString: databaseUrl }));
  await Promise.all(clients.map((client) => client.connect()));
  const issue = async (client: pg.Client, from: number): Promise<void> => {
    const rows = Array.from({ length: Math.min(batch, certificateCount - from) }, (_, k) => {
      const id = `surge-c${pad(from + k, 6)}`;
      return { id: `issue:${id}:${period.id}`, certificate_id: id, period: period.id };
    });
    await client.query(
      `WITH r AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id text, certificate_id text, period text)),
         registered AS (
           INSERT INTO financing_ledger_ids (id, period, certificate_id)
           SELECT id, period, certificate_id FROM r),
         posted AS (
           INSERT INTO financing_ledger (id, certificate_id, period, kind, amount)
           SELECT id, certificate_id, period, 'issue', $2::numeric FROM r)
         INSERT INTO certificate_balances (certificate_id, period, issued, available)
         SELECT certificate_id, period, $2::numeric, $2::numeric FROM r`,
      [JSON.stringify(rows), String(nominal)],
    );
  };
  try {
    const starts = Array.from({ length: Math.ceil(certificateCount / batch) }, (_, i) => i * batch);
    await Promise.all(
      clients.map(async (client, lane) => {
        for (const from of starts.filter((_, i) => i % clients.length === lane)) {
          await issue(client, from);
        }
      }),
    );
    // As a region's database is before the morning: vacuumed, analysed, checkpointed (no
    // autovacuum of the fresh rows during the measured runs).
    await clients[0]?.query('VACUUM (ANALYZE)');
    await clients[0]?.query('CHECKPOINT');
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
  return (performance.now() - started) / 1000;
}

// ---------------------------------------------------------------------------------------
// The applications: entry i is the body of the i-th request sent (warm-up included).

interface Application {
  readonly certificateNumber: string;
  readonly birthDate: string;
  readonly programmeId: string;
}

function makePlan(length: number): string[] {
  const random = prng(2026);
  const plan: string[] = [];
  const eager = Array.from({ length: eagerFamilies }, () =>
    Math.floor(random() * certificateCount),
  );
  for (let index = 0; index < length; index += 1) {
    const certificate =
      index % 25 === 24
        ? (eager[Math.floor(random() * eager.length)] ?? 0)
        : Math.floor(random() * certificateCount);
    // A strong preference for the first programmes: P(index < k) = (k / n)^(2/3).
    const programme = Math.min(programmeCount - 1, Math.floor(programmeCount * random() ** 1.5));
    const holder = certificateOf(certificate);
    const body: Application = {
      certificateNumber: holder.number,
      birthDate: holder.birthDate,
      programmeId: programmeId(programme),
    };
    plan.push(JSON.stringify(body));
  }
  return plan;
}

// ---------------------------------------------------------------------------------------
// The server process (as in bench/booking-load.bench.ts).

interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: string[];
}

function startServer(args: readonly string[], env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      ...serverNodeArgs(cli),
      cli,
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--rate-limit',
      '0',
      ...args,
    ],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the server did not start in 60 s:\n${output.join('')}`));
    }, 60_000);
    let started = false;
    const collect = (chunk: Buffer) => {
      if (started) return;
      if (output.length < 200) output.push(chunk.toString('utf8'));
      const match = /server running: (\S+)/.exec(output.join(''));
      if (match?.[1] !== undefined) {
        started = true;
        clearTimeout(timer);
        done({ child, url: new URL('/', match[1]).href, output });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${String(code)}):\n${output.join('')}`));
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

// ---------------------------------------------------------------------------------------
// The load.

interface Run {
  readonly statuses: Map<number, number>;
  readonly seconds: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly errors: number;
}

const answered = (run: Run) => [...run.statuses.values()].reduce((sum, n) => sum + n, 0);
const count = (run: Run, status: number) => run.statuses.get(status) ?? 0;

function runSaturated(
  url: string,
  options: { connections: number; amount: number; seconds: number },
  next: () => string,
): Promise<Run> {
  const statuses = new Map<number, number>();
  const started = performance.now();
  let lastAnswer = started;
  return new Promise((done, fail) => {
    const instance = autocannon(
      {
        url: new URL('/api/enrolments', url).href,
        connections: options.connections,
        amount: options.amount,
        timeout: 10,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request: CannonRequest) => ({
              ...request,
              method: 'POST',
              path: '/api/enrolments',
              headers: { 'content-type': 'application/json' },
              body: next(),
            }),
          },
        ],
      },
      (error, result) => {
        clearTimeout(timer);
        if (error !== null) fail(error);
        else
          done({
            statuses,
            seconds: (lastAnswer - started) / 1000,
            p50Ms: result.latency.p50,
            p99Ms: result.latency.p99,
            maxMs: result.latency.max,
            errors: result.errors + result.timeouts,
          });
      },
    );
    // autocannon ignores `duration` when `amount` is set: bound the time here.
    const timer = setTimeout(() => instance.stop(), options.seconds * 1000);
    instance.on('response', (_client, statusCode) => {
      lastAnswer = performance.now();
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return Math.round(sorted[index] ?? Number.NaN);
}

/** Requests due at a steady pace (open loop), latency from the moment each was due. */
function runPaced(
  url: string,
  options: { connections: number; ratePerSecond: number; seconds: number },
  next: () => string,
): Promise<Run> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL('/api/enrolments', url);
  const total = Math.round(options.ratePerSecond * options.seconds);
  const latencies: number[] = [];
  /** When the answers slower than the target were due, in ms from the start. */
  const slowDue: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  let sent = 0;
  let finished = 0;
  const started = performance.now();
  return new Promise((done) => {
    const finish = () => {
      finished += 1;
      if (finished === total) {
        agent.destroy();
        if (slowDue.length > 0) {
          // Whether the slow answers are spread out or one stall: when they were due.
          console.error(
            `at ${String(options.ratePerSecond)}/s: ${String(slowDue.length)} of ${String(total)} answers over ${String(targetP99Ms)} ms, due from ${(Math.min(...slowDue) / 1000).toFixed(2)} s to ${(Math.max(...slowDue) / 1000).toFixed(2)} s`,
          );
        }
        done({
          statuses,
          seconds: (performance.now() - started) / 1000,
          p50Ms: percentile(latencies, 0.5),
          p99Ms: percentile(latencies, 0.99),
          maxMs: percentile(latencies, 1),
          errors,
        });
      }
    };
    const send = (dueAt: number) => {
      const body = next();
      const request = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
          timeout: 10_000,
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            const latency = performance.now() - dueAt;
            latencies.push(latency);
            if (latency > targetP99Ms) slowDue.push(dueAt - started);
            const status = response.statusCode ?? 0;
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            finish();
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        errors += 1;
        finish();
      });
      request.end(body);
    };
    const interval = 1000 / options.ratePerSecond;
    const tick = () => {
      const now = performance.now();
      while (sent < total && started + sent * interval <= now) {
        send(started + sent * interval);
        sent += 1;
      }
      if (sent < total)
        setTimeout(tick, Math.max(0, started + sent * interval - performance.now()));
    };
    tick();
  });
}

// ---------------------------------------------------------------------------------------
// Where the time goes: CPU seconds of the server process, of PostgreSQL (the postmaster and
// its backends) and of this load generator over the saturated run, per application; with
// BENCH_PG_STATS=1 also PostgreSQL's own statement timings (pg_stat_statements).
const pgStats = process.env['BENCH_PG_STATS'] === '1';
const ticksPerSecond = 100; // USER_HZ on Linux

function processTicks(pid: number, withChildren: boolean): number {
  try {
    // Fields after the command name: utime, stime, cutime, cstime are fields 14–17.
    const text = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const at = (field: number) => Number(fields[field - 3] ?? 0);
    return at(14) + at(15) + (withChildren ? at(16) + at(17) : 0);
  } catch {
    return 0;
  }
}

/** The ticks of a process and its live children (a cluster's workers, PostgreSQL's backends). */
function treeTicks(pid: number): number {
  let ticks = processTicks(pid, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) ticks += processTicks(Number(entry), false);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks;
}

interface CpuSample {
  readonly server: number;
  readonly postgres: number;
  readonly generator: number;
}

function sampleCpu(serverPid: number | undefined, postgres: PostgresServer): CpuSample {
  const postmaster = Number(
    readFileSync(join(postgres.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  const usage = process.cpuUsage();
  return {
    server: serverPid === undefined ? 0 : treeTicks(serverPid) / ticksPerSecond,
    postgres: treeTicks(postmaster) / ticksPerSecond,
    generator: (usage.user + usage.system) / 1e6,
  };
}

async function printStatements(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const statements = await client.query<{
      calls: string;
      total: number;
      mean: number;
      query: string;
    }>(
      `SELECT calls, total_exec_time AS total, mean_exec_time AS mean,
              left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
         FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15`,
    );
    console.error('PostgreSQL statements by total time (ms):');
    for (const row of statements.rows) {
      console.error(
        `  ${row.total.toFixed(0).padStart(7)} ${row.calls.padStart(7)} calls ${row.mean.toFixed(3)} ms  ${row.query}`,
      );
    }
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------
// The checks, on the stored data.

interface Integrity {
  /** Live contracts (requested, accepted, active) stored. */
  readonly liveContracts: number;
  /** Groups, programmes and directions over their limit or whose counter differs from the contracts. */
  readonly oversold: number;
  /** Balances breaking the law, differing from core's recomputation from the ledger, or whose reserve differs from the live contracts' certificate parts. */
  readonly balanceViolations: number;
  /** Certificates of the weekly-hours group whose live funded programmes exceed the cap. */
  readonly hoursViolations: number;
  /** Certificate groups whose funded count differs from their funded certificates, or exceeds the places. */
  readonly fundedPlaceMismatches: number;
  /** Balances checked against the ledger. */
  readonly balancesChecked: number;
  /** Deadlocks PostgreSQL broke during the run (each costs its victim `deadlock_timeout`). */
  readonly deadlocks: number;
}

async function check(storage: Storage, databaseUrl: string): Promise<Integrity> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const one = async (sql: string): Promise<number> =>
    Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? Number.NaN);
  try {
    const live = `status IN ('requested', 'accepted', 'active')`;
    const liveContracts = await one(`SELECT count(*) AS n FROM financing_contracts WHERE ${live}`);
    const oversold =
      (await one(`SELECT count(*) AS n FROM financing_groups g
         LEFT JOIN (SELECT group_id, count(*) AS c FROM financing_contracts WHERE ${live} GROUP BY group_id) k
           ON k.group_id = g.id
        WHERE g.taken > g.capacity OR g.taken <> coalesce(k.c, 0)`)) +
      (await one(`SELECT count(*) AS n FROM financing_programmes p
         LEFT JOIN (SELECT programme_id, count(*) AS c FROM financing_contracts WHERE ${live} GROUP BY programme_id) k
           ON k.programme_id = p.id
        WHERE (p.max_enrolments IS NOT NULL AND p.enrolments > p.max_enrolments)
           OR p.enrolments <> coalesce(k.c, 0)`)) +
      (await one(`SELECT count(*) AS n FROM financing_direction_limits d
         LEFT JOIN (SELECT direction, count(*) AS c FROM financing_contracts
                     WHERE ${live} AND (document ->> 'certificate')::numeric > 0 GROUP BY direction) k
           ON k.direction = d.direction
        WHERE d.enrolments > d.max_enrolments OR d.enrolments <> coalesce(k.c, 0)`));
    // The reserve of each certificate is its live contracts' certificate parts (nothing is
    // billed during the surge).
    const reserveMismatches = await one(`SELECT count(*) AS n FROM certificate_balances b
       LEFT JOIN (SELECT certificate_id, period, sum((document ->> 'certificate')::numeric) AS s
                    FROM financing_contracts WHERE ${live} GROUP BY certificate_id, period) k
         ON k.certificate_id = b.certificate_id AND k.period = b.period
      WHERE b.reserved <> coalesce(k.s, 0)
         OR b.issued - b.lapsed <> b.available + b.reserved + b.spent
         OR b.available < 0 OR b.reserved < 0 OR b.spent < 0`);
    // Every balance as core recomputes it from the ledger, against the stored one.
    const recomputed = recomputeBalances(await storage.financing.ledgerEntries());
    const stored = await client.query<{
      certificate_id: string;
      period: string;
      available: string;
      reserved: string;
      spent: string;
      issued: string;
    }>(
      `SELECT certificate_id, period, available::text, reserved::text, spent::text, issued::text
         FROM certificate_balances`,
    );
    const storedByKey = new Map(
      stored.rows.map((row) => [`${row.certificate_id} ${row.period}`, row]),
    );
    let ledgerMismatches = Math.abs(stored.rows.length - recomputed.size);
    for (const balance of recomputed.values()) {
      const row = storedByKey.get(`${balance.certificateId} ${balance.period}`);
      if (
        !balanceLawHolds(balance) ||
        row === undefined ||
        !balance.available.equals(Money.of(row.available)) ||
        !balance.reserved.equals(Money.of(row.reserved)) ||
        !balance.spent.equals(Money.of(row.spent)) ||
        !balance.issued.equals(Money.of(row.issued))
      ) {
        ledgerMismatches += 1;
      }
    }
    const hoursViolations = await one(`SELECT count(*) AS n FROM (
        SELECT k.certificate_id FROM financing_contracts k
          JOIN certificates c ON c.id = k.certificate_id
          JOIN certificate_groups g ON g.id = c.group_id
          JOIN financing_programmes p ON p.id = k.programme_id
         WHERE k.${live} AND g.document ->> 'unit' = 'weekly-hours' AND p.funding_kind = 'funded'
         GROUP BY k.certificate_id, g.document
        HAVING sum((p.document ->> 'hoursPerWeek')::numeric) > (g.document ->> 'weeklyHours')::numeric) v`);
    const fundedPlaceMismatches = await one(`SELECT count(*) AS n FROM certificate_groups g
        LEFT JOIN (SELECT group_id, count(*) AS c FROM certificates WHERE kind = 'funded' GROUP BY group_id) f
          ON f.group_id = g.id
       WHERE g.funded_count <> coalesce(f.c, 0) OR g.funded_count > g.funded_places`);
    return {
      liveContracts,
      oversold,
      balanceViolations: reserveMismatches + ledgerMismatches,
      hoursViolations,
      fundedPlaceMismatches,
      balancesChecked: recomputed.size,
      deadlocks: await one(
        'SELECT deadlocks AS n FROM pg_stat_database WHERE datname = current_database()',
      ),
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------

/** What the surge bench reports (`BENCH-SURGE {json}`). */
interface SurgeResult {
  readonly name: string;
  readonly engine: 'PostgreSQL';
  readonly certificates: number;
  readonly programmes: number;
  readonly seedSeconds: number;
  /** The machine's load average (1 min) before and after the measured runs. */
  readonly loadAverage: readonly [number, number];
  /** CPU milliseconds per application over the saturated run: server, PostgreSQL, load generator. */
  readonly cpuPerApplication: {
    readonly server: number;
    readonly postgres: number;
    readonly generator: number;
  };
  readonly requests: number;
  readonly seconds: number;
  /** Applications answered a second (201 accepted + 409 refused by a limit). */
  readonly applicationsPerSecond: number;
  readonly acceptedPerSecond: number;
  readonly created: number;
  readonly refused: number;
  readonly other: number;
  readonly errors: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly atRate: {
    readonly requestsPerSecond: number;
    readonly p50Ms: number;
    readonly p99Ms: number;
    readonly maxMs: number;
    readonly errors: number;
    readonly other: number;
  };
  readonly targetPerSecond: number;
  readonly targetP99Ms: number;
  readonly throughputMet: boolean;
  readonly p99Met: boolean;
  readonly acknowledged: number;
  /** Requests sent but not answered when a run's time bound stopped it (stored or not). */
  readonly unanswered: number;
  /** Every acknowledged application stored, and no more than the unanswered ones besides. */
  readonly storedAsAcknowledged: boolean;
  readonly integrity: Integrity;
  readonly consistent: boolean;
}

async function bench(postgres: PostgresServer, files: string): Promise<SurgeResult> {
  const databaseUrl = postgres.createDatabase('enrolment_surge');
  const storage = await openStorage({ databaseUrl });
  let seedSeconds: number;
  try {
    seedSeconds = await seed(storage, databaseUrl);
  } finally {
    await storage.close();
  }
  console.error(
    `seeded ${certificateCount.toLocaleString('en')} certificates and ${programmeCount.toLocaleString('en')} programmes in ${seedSeconds.toFixed(1)} s`,
  );
  const plan = makePlan(warmUp.amount + amount + pacedRate * pacedSeconds + connections);
  let sent = 0;
  const next = () => {
    const body = plan[sent];
    sent += 1;
    if (body === undefined) throw new Error('the application plan is too short');
    return body;
  };
  const empty = join(files, 'empty');
  mkdirSync(empty, { recursive: true });
  const server = await startServer(
    [
      '--static',
      empty,
      '--widgets',
      empty,
      ...(process.env['BENCH_WORKERS'] ? ['--workers', process.env['BENCH_WORKERS']] : []),
    ],
    { ...process.env, DATABASE_URL: databaseUrl },
  );
  let warm: Run;
  let load: Run;
  let paced: Run;
  let cpuPerApplication = { server: 0, postgres: 0, generator: 0 };
  const loadBefore = loadavg()[0] ?? 0;
  try {
    warm = await runSaturated(server.url, warmUp, next);
    const before = sampleCpu(server.child.pid, postgres);
    load = await runSaturated(server.url, { connections, amount, seconds: maxSeconds }, next);
    const after = sampleCpu(server.child.pid, postgres);
    const applications = Math.max(1, answered(load));
    const perApplication = (key: keyof CpuSample) =>
      (((after[key] - before[key]) * 1000) / applications).toFixed(2);
    cpuPerApplication = {
      server: Number(perApplication('server')),
      postgres: Number(perApplication('postgres')),
      generator: Number(perApplication('generator')),
    };
    console.error(
      `CPU per application over the saturated run: server ${perApplication('server')} ms, ` +
        `PostgreSQL ${perApplication('postgres')} ms, load generator ${perApplication('generator')} ms`,
    );
    paced = await runPaced(
      server.url,
      { connections, ratePerSecond: pacedRate, seconds: pacedSeconds },
      next,
    );
  } finally {
    await stopServer(server.child);
  }
  const loadAfter = loadavg()[0] ?? 0;
  if (pgStats) await printStatements(databaseUrl);
  const reopened = await openStorage({ databaseUrl });
  let integrity: Integrity;
  try {
    integrity = await check(reopened, databaseUrl);
  } finally {
    await reopened.close();
  }
  const created = count(load, 201);
  const refused = count(load, 409);
  const other = answered(load) - created - refused;
  const pacedOther = answered(paced) - count(paced, 201) - count(paced, 409);
  const acknowledged = count(warm, 201) + created + count(paced, 201);
  const unanswered = sent - answered(warm) - answered(load) - answered(paced);
  const applicationsPerSecond = (created + refused) / load.seconds;
  if (other > 0 || pacedOther > 0 || warm.errors > 0) {
    console.error(`server output:\n${server.output.join('').slice(-4000)}`);
    console.error(
      `statuses: warm-up ${JSON.stringify([...warm.statuses])}, saturated ${JSON.stringify([...load.statuses])}, paced ${JSON.stringify([...paced.statuses])}`,
    );
  }
  const storedAsAcknowledged =
    integrity.liveContracts >= acknowledged && integrity.liveContracts <= acknowledged + unanswered;
  return {
    name: `POST /api/enrolments, ${String(connections)} connections, ≤ ${amount.toLocaleString('ru')} applications, ≤ ${String(maxSeconds)} s`,
    engine: 'PostgreSQL',
    certificates: certificateCount,
    programmes: programmeCount,
    seedSeconds,
    loadAverage: [loadBefore, loadAfter],
    cpuPerApplication,
    requests: answered(load),
    seconds: load.seconds,
    applicationsPerSecond,
    acceptedPerSecond: created / load.seconds,
    created,
    refused,
    other,
    errors: load.errors,
    p50Ms: load.p50Ms,
    p99Ms: load.p99Ms,
    maxMs: load.maxMs,
    atRate: {
      requestsPerSecond: answered(paced) / paced.seconds,
      p50Ms: paced.p50Ms,
      p99Ms: paced.p99Ms,
      maxMs: paced.maxMs,
      errors: paced.errors,
      other: pacedOther,
    },
    targetPerSecond,
    targetP99Ms,
    throughputMet: applicationsPerSecond >= targetPerSecond && other === 0,
    p99Met:
      paced.p99Ms < targetP99Ms &&
      paced.errors === 0 &&
      pacedOther === 0 &&
      answered(paced) / paced.seconds >= pacedRate * 0.95,
    acknowledged,
    unanswered,
    storedAsAcknowledged,
    integrity,
    consistent:
      integrity.oversold === 0 &&
      integrity.balanceViolations === 0 &&
      integrity.hoursViolations === 0 &&
      integrity.fundedPlaceMismatches === 0 &&
      storedAsAcknowledged,
  };
}

if (!existsSync(cli)) {
  throw new Error(
    `Нет собранного CLI (${cli}): выполните npm run build / The CLI is not built (${cli}): run npm run build`,
  );
}
const files = mkdtempSync(join(tmpdir(), 'eduset-enrolment-surge-'));
let postgres: PostgresServer | undefined;
let result: SurgeResult;
try {
  postgres = await startPostgresServer({
    settings: [
      'max_connections=100',
      ...(pgStats
        ? ['shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track=all']
        : []),
    ],
  });
  result = await bench(postgres, files);
} finally {
  postgres?.stop();
  rmSync(files, { recursive: true, force: true });
}
const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');
console.table([
  {
    'applications/s': result.applicationsPerSecond.toFixed(0),
    'accepted/s': result.acceptedPerSecond.toFixed(0),
    [`target ≥ ${String(targetPerSecond)}/s`]: met(result.throughputMet),
    'p99 saturated, ms': result.p99Ms,
    [`p99 at ${String(pacedRate)}/s, ms`]: result.atRate.p99Ms,
    [`target p99 < ${String(targetP99Ms)} ms`]: met(result.p99Met),
    '201/409/other': `${String(result.created)}/${String(result.refused)}/${String(result.other)}`,
    'load average': result.loadAverage.map((value) => value.toFixed(1)).join(' → '),
  },
]);
console.table([
  {
    'live contracts': result.integrity.liveContracts,
    'acknowledged (+ unanswered)': `${String(result.acknowledged)} (+ ${String(result.unanswered)})`,
    stored: result.storedAsAcknowledged ? 'as acknowledged' : 'MISMATCH',
    oversold: result.integrity.oversold,
    'balance violations': `${String(result.integrity.balanceViolations)} of ${String(result.integrity.balancesChecked)}`,
    deadlocks: result.integrity.deadlocks,
    'over weekly hours': result.integrity.hoursViolations,
    'funded places': result.integrity.fundedPlaceMismatches === 0 ? 'exact' : 'MISMATCH',
    consistent: result.consistent ? 'yes' : 'NO',
  },
]);
console.log(`BENCH-SURGE ${JSON.stringify(result)}`);
console.log(
  `PostgreSQL: ${result.applicationsPerSecond.toFixed(0)} applications/s (${result.acceptedPerSecond.toFixed(0)} accepted/s; target ≥ ${String(targetPerSecond)}: ${met(result.throughputMet)}), ` +
    `p99 ${String(result.p99Ms)} ms saturated; at ${String(pacedRate)}/s p50 ${String(result.atRate.p50Ms)} ms, p99 ${String(result.atRate.p99Ms)} ms (target < ${String(targetP99Ms)} ms: ${met(result.p99Met)}); ` +
    `load average ${result.loadAverage.map((value) => value.toFixed(1)).join(' → ')}; ` +
    `${result.consistent ? 'consistent' : 'INCONSISTENT'}`,
);
if (!result.consistent) {
  console.error('Целостность нарушена / integrity check failed');
  process.exitCode = 1;
}
