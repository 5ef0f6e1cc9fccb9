// Booking load: `eduset serve` (the built CLI) as a separate process on 127.0.0.1, driven
// from this process with 100 connections, once over PGlite (a data directory in a temporary
// folder) and once over a throwaway PostgreSQL server, in two runs:
// - saturated: autocannon, each connection sending as soon as its previous answer arrives,
//   bounded in count (5 000 requests) and time (10 s): the most bookings a second;
// - at the target rate: requests due at a steady pace (the target's bookings a second) over
//   the same 100 connections for 5 s, latency measured from the moment each was due: the
//   latency target is judged here. (At saturation 100 requests always wait, so latency there
//   is 100 / throughput by Little's law, whatever the server does.)
// Each request is a real POST /api/bookings, with an Idempotency-Key as the booking widget
// sends it, under a schedule whose rules the bookings hit (migration 0014 keeps them in the
// database): consultations of 30 minutes, 10 minutes kept free after each, 15 minutes of
// travel between a specialist's two points, at most 12 a day and 84 a week:
// - most ask for a distinct consultation (10 specialists — Udomlya's size — each at two
//   consultation points, one point a day, every 40 minutes, over the next four months) and
//   should succeed;
// - every twentieth (9 in 20) asks for the same specialist at the same time and point as a
//   request seven places earlier (often still in flight): exactly one of the two may succeed
//   (409 `overlap`);
// - every twentieth (14 in 20) asks for the same specialist the same day at the other point,
//   40 minutes after a request seven places earlier: too little for the buffer and the travel
//   (409 `too-close` for one of the two);
// - every twentieth (4 in 20) asks for a speech therapist (4 specialists, at most 6 a day and
//   36 a week) eight times a day, so that two in eight are refused for the day (409
//   `limit-per-day`) and every seventh day of a week for the week (`limit-per-week`);
// - every twentieth (19 in 20) asks for a seat in a lekoteka group of 8 that ten requests
//   compete for: eight succeed, two get 409 `no-seats`.
// Every parent has a phone of her own (the cap of 3 active bookings per parent and service is
// checked for each, and hit by none).
// Afterwards the server is stopped and the database read directly: no two active bookings
// of one specialist overlap, every session's seats taken equal its active bookings, the
// stored bookings are exactly the acknowledged ones (and what the request plan allows), and
// every stored session is one core's `offeredSlot` still offers with all the others booked
// (limits, buffers, travel: `rule violations`).
// Targets (issues 3 and 14): ≥ 1 500 bookings/s on PostgreSQL, ≥ 300/s on PGlite, p99 < 50 ms.
// BENCH_CLI names another build of the CLI (e.g. an earlier commit's, to compare in one run).
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStorage, type Storage } from '@eduset/adapters';
import {
  createNetwork,
  createNetworkSchedule,
  instant,
  offeredSlot,
  type Booking,
  type BusyInterval,
  type NetworkInput,
  type NetworkSchedule,
  type NetworkScheduleInput,
} from '@eduset/core';
import {
  startPostgresServer,
  type PostgresServer,
} from '../packages/adapters/test/postgres-server.js';
import { reportLoad, serverNodeArgs, type LoadResult } from './measure.js';

// autocannon ships no type declarations (and none are installed); the little used here is
// typed by hand.
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: CannonRequest, context: Record<string, unknown>) => CannonRequest;
}
interface CannonOptions {
  url: string;
  connections: number;
  amount: number;
  timeout: number;
  method: string;
  headers: Record<string, string>;
  requests: CannonRequest[];
}
interface CannonResult {
  latency: { p50: number; p97_5: number; p99: number; max: number; average: number };
  duration: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number } | undefined>;
}
interface CannonInstance {
  stop(): void;
  on(
    event: 'response',
    listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void,
  ): void;
}
type Autocannon = (
  options: CannonOptions,
  done: (error: Error | null, result: CannonResult) => void,
) => CannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const cli = resolve(root, process.env['BENCH_CLI'] ?? 'packages/server/dist/cli.js');
const connections = 100;
const amount = 5_000;
const maxSeconds = 10;
const warmUp = { connections: 20, amount: 200, seconds: 3 };
/** Length of the run at the target rate, in seconds. */
const rateSeconds = 5;

// ---------------------------------------------------------------------------------------
// The network (Udomlya's sites and services, 10 + 4 generated specialists) and its schedule.

const udomlya = JSON.parse(
  readFileSync(join(root, 'examples/data/udomlya.json'), 'utf8'),
) as NetworkInput;
const networkId = udomlya.id;
const points = udomlya.sites
  .filter((site) => site.kind === 'consultation-point')
  .map((site) => site.id);
const lekotekas = ['lekoteka-dyuymovochka', 'lekoteka-buratino'];
const individualService = 'psychologist-consultation';
const limitedService = 'speech-therapist-consultation';
const groupService = 'lekoteka-play-sessions';
const specialistCount = 10;
const limitedCount = 4;
const groupCount = 4;
const dayMs = 86_400_000;
/** Consultations 08:00–20:00 Moscow (UTC+3, no DST), every 40 minutes: 18 a day, the first at 05:00Z. */
const slotsPerDay = 18;
const slotMinutes = 40;
/** Distinct bookings of a specialist: a day among the next 119, then a free slot of it. */
const spreadDays = 119;
const groupCapacity = 8;
const groupRequestsPerSession = 10;
/** The speech therapists' limits, and how many of them are asked for each day. */
const limitedPerDay = 6;
const limitedPerWeek = 36;
const limitedAskedPerDay = 8;

const pad = (value: number, width = 3) => String(value).padStart(width, '0');
const psy = (index: number) => `bench-psy-${pad(index)}`;
const lim = (index: number) => `bench-lim-${pad(index)}`;
const lek = (index: number) => `bench-lek-${pad(index)}`;
const homes = (index: number): [string, string] => [
  points[index % points.length] ?? 'kp-teremok',
  points[(index + 1) % points.length] ?? 'kp-malysh',
];

const network: NetworkInput = {
  ...udomlya,
  specialists: [
    ...Array.from({ length: specialistCount }, (_, index) => ({
      id: psy(index),
      name: `Психолог ${index + 1}`,
      roles: ['psychologist' as const],
      siteIds: homes(index),
      serviceIds: [individualService],
    })),
    ...Array.from({ length: limitedCount }, (_, index) => ({
      id: lim(index),
      name: `Логопед ${index + 1}`,
      roles: ['speech-therapist' as const],
      siteIds: [homes(index)[0]],
      serviceIds: [limitedService],
    })),
    ...Array.from({ length: groupCount }, (_, index) => ({
      id: lek(index),
      name: `Педагог лекотеки ${index + 1}`,
      roles: ['special-needs-teacher' as const],
      siteIds: [lekotekas[index % lekotekas.length] ?? 'lekoteka-buratino'],
      serviceIds: [groupService],
    })),
  ],
};

const everyDay = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00' }];
const schedule: NetworkScheduleInput = {
  networkId,
  // Every day of the 150 booked is a working day: the official calendar (applied by default) is off.
  officialCalendar: 'none',
  availabilities: [
    ...Array.from({ length: specialistCount }, (_, index) =>
      homes(index).map((siteId) => ({
        specialistId: psy(index),
        siteId,
        serviceId: individualService,
        rules: everyDay,
      })),
    ).flat(),
    ...Array.from({ length: limitedCount }, (_, index) => ({
      specialistId: lim(index),
      siteId: homes(index)[0],
      serviceId: limitedService,
      rules: everyDay,
    })),
    ...Array.from({ length: groupCount }, (_, index) => ({
      specialistId: lek(index),
      siteId: lekotekas[index % lekotekas.length] ?? 'lekoteka-buratino',
      serviceId: groupService,
      rules: everyDay,
    })),
  ],
  bookingRules: [
    {
      serviceId: individualService,
      duration: 30,
      step: slotMinutes,
      bufferAfter: 10,
      horizonDays: 150,
      limits: { perDay: 12, perWeek: 84 },
    },
    {
      serviceId: limitedService,
      duration: 30,
      step: slotMinutes,
      bufferAfter: 10,
      horizonDays: 150,
      limits: { perDay: limitedPerDay, perWeek: limitedPerWeek },
    },
    { serviceId: groupService, duration: 60, step: 60, horizonDays: 150, seats: groupCapacity },
  ],
  // Each pair of neighbouring consultation points (every psychologist's two): 15 minutes.
  travel: points.map((siteId, index) => ({
    fromSiteId: siteId,
    toSiteId: points[(index + 1) % points.length] ?? 'kp-teremok',
    minutes: 15,
  })),
};

// ---------------------------------------------------------------------------------------
// The request plan: entry i is the body of the i-th request sent (warm-up included).

interface PlannedBooking {
  readonly kind: 'distinct' | 'collision' | 'close' | 'limited' | 'group';
  readonly specialistId: string;
  readonly siteId: string;
  readonly serviceId: string;
  readonly start: string;
  readonly end: string;
}

const today = Date.UTC(
  new Date().getUTCFullYear(),
  new Date().getUTCMonth(),
  new Date().getUTCDate(),
);
function at(dayOffset: number, minutesAfter5Z: number, minutes: number): [string, string] {
  const start = today + dayOffset * dayMs + (5 * 60 + minutesAfter5Z) * 60_000;
  return [new Date(start).toISOString(), new Date(start + minutes * 60_000).toISOString()];
}

function makePlan(length: number): PlannedBooking[] {
  const plan: PlannedBooking[] = [];
  let distinct = 0;
  let group = 0;
  let limited = 0;
  for (let index = 0; index < length; index += 1) {
    if (index % 20 === 19) {
      const session = Math.floor(group / groupRequestsPerSession);
      group += 1;
      const specialist = session % groupCount;
      const slot = Math.floor(session / groupCount);
      const [start, end] = at(
        1 + (slot % spreadDays),
        60 * (Math.floor(slot / spreadDays) % 12),
        60,
      );
      plan.push({
        kind: 'group',
        specialistId: lek(specialist),
        siteId: lekotekas[specialist % lekotekas.length] ?? 'lekoteka-buratino',
        serviceId: groupService,
        start,
        end,
      });
    } else if (index % 20 === 9 || index % 20 === 14) {
      // index - 7 is 2 or 7 modulo 20: always a distinct request.
      const earlier = plan[index - 7];
      if (earlier === undefined) throw new Error('plan');
      if (index % 20 === 9) {
        plan.push({ ...earlier, kind: 'collision' });
      } else {
        // The next time of that day at the specialist's other point: 10 minutes after the
        // earlier one ends, less than its buffer and the travel between the points.
        const specialist = Number(earlier.specialistId.slice(-3));
        const [home, other] = homes(specialist);
        const shift = slotMinutes * 60_000;
        plan.push({
          ...earlier,
          kind: 'close',
          siteId: earlier.siteId === home ? other : home,
          start: new Date(Date.parse(earlier.start) + shift).toISOString(),
          end: new Date(Date.parse(earlier.end) + shift).toISOString(),
        });
      }
    } else if (index % 20 === 4) {
      // Eight a day for each speech therapist, at every other time of the day.
      const specialist = limited % limitedCount;
      const round = Math.floor(limited / limitedCount);
      limited += 1;
      const day = 1 + Math.floor(round / limitedAskedPerDay);
      const [start, end] = at(day, 2 * slotMinutes * (round % limitedAskedPerDay), 30);
      plan.push({
        kind: 'limited',
        specialistId: lim(specialist),
        siteId: homes(specialist)[0],
        serviceId: limitedService,
        start,
        end,
      });
    } else {
      const specialist = distinct % specialistCount;
      const round = Math.floor(distinct / specialistCount);
      distinct += 1;
      const lap = Math.floor(round / spreadDays);
      if (lap >= slotsPerDay) throw new Error('the plan needs more slots');
      const day = 1 + ((round * 37 + specialist) % spreadDays);
      // 7 is prime to 18: each lap over the days takes another time of them. A specialist
      // works at one of her two points a day.
      const slot = (lap * 7 + specialist * 3) % slotsPerDay;
      const [start, end] = at(day, slotMinutes * slot, 30);
      const [home, other] = homes(specialist);
      plan.push({
        kind: 'distinct',
        specialistId: psy(specialist),
        siteId: day % 2 === 0 ? home : other,
        serviceId: individualService,
        start,
        end,
      });
    }
  }
  return plan;
}

/**
 * How many of the first `sent` planned requests can succeed, whatever the order (an upper
 * bound: each distinct time once, each group up to its seats, a speech therapist's day up to
 * its limit).
 */
function possibleSuccesses(plan: readonly PlannedBooking[], sent: number): number {
  const individual = new Set<string>();
  const groups = new Map<string, number>();
  const limitedDays = new Map<string, number>();
  for (const entry of plan.slice(0, sent)) {
    const key = `${entry.specialistId} ${entry.start}`;
    if (entry.kind === 'group') groups.set(key, (groups.get(key) ?? 0) + 1);
    else if (entry.kind === 'limited') {
      const day = `${entry.specialistId} ${entry.start.slice(0, 10)}`;
      limitedDays.set(day, (limitedDays.get(day) ?? 0) + 1);
    } else individual.add(key);
  }
  let total = individual.size;
  for (const count of groups.values()) total += Math.min(count, groupCapacity);
  for (const count of limitedDays.values()) total += Math.min(count, limitedPerDay);
  return total;
}

/** The i-th request: its body (every parent with a phone of her own) and idempotency key. */
function body(entry: PlannedBooking, index: number): string {
  return JSON.stringify({
    specialistId: entry.specialistId,
    siteId: entry.siteId,
    serviceId: entry.serviceId,
    start: entry.start,
    end: entry.end,
    childAge: 4,
    contact: {
      name: `Родитель ${index}`,
      phone: `+7 9${pad(Math.floor(index / 10_000) % 100, 2)} ${pad(Math.floor(index / 10) % 1000)}-${pad(index % 10, 1)}0-00`,
    },
    personalDataConsent: true,
  });
}

/** A run's key prefix and the request's index: unique in the database, like a widget's UUID. */
const keyPrefix = `bench-${process.pid}-${Date.now()}`;
const idempotencyKey = (index: number) => `${keyPrefix}-${index}`;

/** What the load sends next: the body and the idempotency key of one request. */
interface NextRequest {
  readonly body: string;
  readonly key: string;
}

// ---------------------------------------------------------------------------------------
// The server process.

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
      fail(new Error(`the server did not start in 30 s:\n${output.join('')}`));
    }, 30_000);
    let started = false;
    const collect = (chunk: Buffer) => {
      // Once started, the server's output (its access log) is only drained: joining and
      // searching it on every chunk cost the load generator CPU on the server's two cores.
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

interface LoadRun {
  readonly result: CannonResult;
  readonly statuses: Map<number, number>;
  /**
   * From the first request to the last answer (autocannon's own `duration`, and the moment
   * it reports, move in whole seconds).
   */
  readonly seconds: number;
}

function runLoad(
  url: string,
  options: { connections: number; amount: number; seconds: number },
  nextBody: () => NextRequest,
): Promise<LoadRun> {
  const statuses = new Map<number, number>();
  const started = performance.now();
  let lastAnswer = started;
  return new Promise((done, fail) => {
    const instance = autocannon(
      {
        url: new URL('/api/bookings', url).href,
        connections: options.connections,
        amount: options.amount,
        timeout: 10,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request) => {
              const next = nextBody();
              return {
                ...request,
                method: 'POST',
                path: '/api/bookings',
                headers: { 'content-type': 'application/json', 'idempotency-key': next.key },
                body: next.body,
              };
            },
          },
        ],
      },
      (error, result) => {
        clearTimeout(timer);
        if (error !== null) fail(error);
        else done({ result, statuses, seconds: (lastAnswer - started) / 1000 });
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

/** What a paced run measured: latency of each answer from the moment it was due. */
interface PacedRun {
  readonly latencies: number[];
  readonly statuses: Map<number, number>;
  readonly errors: number;
  readonly seconds: number;
}

/**
 * Sends requests at a steady rate, spread evenly over time (open loop), over at most
 * `connections` keep-alive connections, and measures each answer from the moment its request
 * was due — so time spent waiting for a free connection counts too. (autocannon's
 * `overallRate` sends each second's share in a burst at the start of the second, which
 * measures the burst, not the rate.)
 */
function runPaced(
  url: string,
  options: { connections: number; ratePerSecond: number; seconds: number },
  nextBody: () => NextRequest,
): Promise<PacedRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL('/api/bookings', url);
  const total = Math.round(options.ratePerSecond * options.seconds);
  const latencies: number[] = [];
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
        done({ latencies, statuses, errors, seconds: (performance.now() - started) / 1000 });
      }
    };
    const send = (dueAt: number) => {
      const { body, key } = nextBody();
      const request = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'idempotency-key': key,
          },
          timeout: 10_000,
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - dueAt);
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

/** The `share` percentile (0–1) of a list of milliseconds, rounded to a millisecond. */
function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return Math.round(sorted[index] ?? Number.NaN);
}

// ---------------------------------------------------------------------------------------
// The integrity check, on the stored data.

interface Integrity {
  readonly activeBookings: number;
  readonly doubleBookings: number;
  readonly seatMismatches: number;
  /** Sessions core would not offer with the specialist's other sessions booked. */
  readonly ruleViolations: number;
}

/**
 * The stored sessions that break a rule involving other bookings, as core reads the rules:
 * each session must be one `offeredSlot` offers at `now` (when the load began) with all the
 * specialist's other sessions booked — its day and week within the limits, the buffers and
 * the travel to the others kept.
 */
function ruleViolations(
  rules: NetworkSchedule,
  busy: readonly BusyInterval[],
  now: string,
): number {
  const bySpecialist = new Map<string, BusyInterval[]>();
  for (const interval of busy) {
    bySpecialist.set(interval.specialistId, [
      ...(bySpecialist.get(interval.specialistId) ?? []),
      interval,
    ]);
  }
  let violations = 0;
  for (const sessions of bySpecialist.values()) {
    for (const session of sessions) {
      const others = sessions.filter((other) => other !== session);
      if (
        offeredSlot(
          rules,
          { ...session, serviceId: session.serviceId ?? '', childAge: 4 },
          instant(now),
          others,
        ) === undefined
      ) {
        violations += 1;
      }
    }
  }
  return violations;
}

const isActive = (booking: Booking) =>
  booking.status === 'requested' || booking.status === 'confirmed';

/** Through the storage API (both engines): overlaps per specialist, seats per session. */
async function checkStorage(storage: Storage, startedAt: string): Promise<Integrity> {
  const active = (await storage.listBookings(networkId)).filter(isActive);
  const sessions = new Map<string, Booking[]>();
  for (const booking of active) {
    const key = [
      booking.specialistId,
      booking.siteId,
      booking.serviceId,
      booking.start,
      booking.end,
    ].join(' ');
    sessions.set(key, [...(sessions.get(key) ?? []), booking]);
  }
  // Two different sessions of one specialist overlapping in time, or one individual session
  // holding two bookings, is a double booking.
  let doubleBookings = 0;
  const bySpecialist = new Map<string, { start: number; end: number }[]>();
  for (const [, bookings] of sessions) {
    const first = bookings[0];
    if (first === undefined) continue;
    const seats = bookings.reduce((sum, booking) => sum + booking.seats, 0);
    const capacity = first.serviceId === groupService ? groupCapacity : 1;
    if (seats > capacity) doubleBookings += 1;
    const list = bySpecialist.get(first.specialistId) ?? [];
    list.push({ start: Date.parse(first.start), end: Date.parse(first.end) });
    bySpecialist.set(first.specialistId, list);
  }
  for (const list of bySpecialist.values()) {
    list.sort((a, b) => a.start - b.start);
    for (let index = 1; index < list.length; index += 1) {
      const previous = list[index - 1];
      const current = list[index];
      if (previous !== undefined && current !== undefined && current.start < previous.end) {
        doubleBookings += 1;
      }
    }
  }
  // Seats taken per session (the busy intervals) against the active bookings.
  const busy = await storage.busyIntervals(networkId, { from: undefined, to: undefined });
  let seatMismatches = 0;
  const seen = new Set<string>();
  for (const interval of busy) {
    const key = [
      interval.specialistId,
      interval.siteId,
      interval.serviceId,
      interval.start,
      interval.end,
    ].join(' ');
    seen.add(key);
    const seats = (sessions.get(key) ?? []).reduce((sum, booking) => sum + booking.seats, 0);
    if (seats !== interval.seats) seatMismatches += 1;
  }
  for (const key of sessions.keys()) if (!seen.has(key)) seatMismatches += 1;
  return {
    activeBookings: active.length,
    doubleBookings,
    seatMismatches,
    ruleViolations: ruleViolations(createNetworkSchedule(schedule), busy, startedAt),
  };
}

/** In SQL (PostgreSQL): the same rules over the tables themselves. */
async function checkSql(databaseUrl: string): Promise<Omit<Integrity, 'ruleViolations'>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const active = `status IN ('requested', 'confirmed')`;
    const overlapping = await client.query<{ count: string }>(
      `SELECT count(*) FROM bookings a JOIN bookings b
         ON a.network_id = b.network_id AND a.specialist_id = b.specialist_id AND a.id < b.id
        AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')
        AND (a.session_id <> b.session_id OR a.service_id <> $1)
      WHERE a.${active} AND b.${active}`,
      [groupService],
    );
    const overfull = await client.query<{ count: string }>(
      `SELECT count(*) FROM booking_sessions WHERE seats_taken > capacity`,
    );
    const mismatched = await client.query<{ count: string }>(
      `SELECT count(*) FROM (
         SELECT s.id FROM booking_sessions s LEFT JOIN bookings b ON b.session_id = s.id
          GROUP BY s.id
         HAVING s.seats_taken <> COALESCE(SUM(b.seats) FILTER (WHERE b.${active}), 0)) m`,
    );
    const count = await client.query<{ count: string }>(
      `SELECT count(*) FROM bookings WHERE ${active}`,
    );
    return {
      activeBookings: Number(count.rows[0]?.count),
      doubleBookings: Number(overlapping.rows[0]?.count) + Number(overfull.rows[0]?.count),
      seatMismatches: Number(mismatched.rows[0]?.count),
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------

interface Engine {
  readonly name: 'PGlite' | 'PostgreSQL';
  readonly targetPerSecond: number;
  readonly serverArgs: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly storage: () => Promise<Storage>;
  readonly databaseUrl?: string;
  readonly postgres?: PostgresServer;
}

const targetP99Ms = 50;

// ---------------------------------------------------------------------------------------
// BENCH_PG_STATS=1: where the time goes. CPU seconds of the server process, of PostgreSQL
// (the postmaster and its backends) and of this load generator over the saturated run, per
// request; and PostgreSQL's own statement and function timings (pg_stat_statements).
const pgStats = process.env['BENCH_PG_STATS'] === '1';
const ticksPerSecond = 100; // USER_HZ on Linux

function processTicks(pid: number, withChildren: boolean, only?: 'system'): number {
  try {
    // Fields after the command name: state is field 3; utime, stime, cutime, cstime are 14–17.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const at = (field: number) => Number(fields[field - 3] ?? 0);
    if (only === 'system') return at(15) + (withChildren ? at(17) : 0);
    return at(14) + at(15) + (withChildren ? at(16) + at(17) : 0);
  } catch {
    return 0;
  }
}

function postgresTicks(server: PostgresServer): number {
  const postmaster = Number(
    readFileSync(join(server.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  let ticks = processTicks(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === postmaster) ticks += processTicks(Number(entry), false);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks;
}

interface CpuSample {
  readonly server: number;
  /** Of which in the kernel (system time: mostly the loopback network). */
  readonly serverSystem: number;
  readonly postgres: number;
  readonly generator: number;
}

function sampleCpu(serverPid: number | undefined, postgres: PostgresServer | undefined): CpuSample {
  const usage = process.cpuUsage();
  return {
    server: serverPid === undefined ? 0 : processTicks(serverPid, true) / ticksPerSecond,
    serverSystem:
      serverPid === undefined ? 0 : processTicks(serverPid, true, 'system') / ticksPerSecond,
    postgres: postgres === undefined ? 0 : postgresTicks(postgres) / ticksPerSecond,
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
         FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 12`,
    );
    console.error('PostgreSQL statements by total time (ms):');
    for (const row of statements.rows) {
      console.error(
        `  ${row.total.toFixed(0).padStart(7)} ${row.calls.padStart(7)} calls ${row.mean.toFixed(3)} ms  ${row.query}`,
      );
    }
    const functions = await client.query<{
      funcname: string;
      calls: string;
      total: number;
      self: number;
    }>(
      `SELECT funcname, calls, total_time AS total, self_time AS self FROM pg_stat_user_functions`,
    );
    for (const row of functions.rows) {
      console.error(
        `  function ${row.funcname}: ${row.calls} calls, total ${row.total.toFixed(0)} ms, self ${row.self.toFixed(0)} ms`,
      );
    }
  } finally {
    await client.end();
  }
}

async function bench(engine: Engine, files: string): Promise<LoadResult> {
  // The run at the target rate: requests offered so that about the target's bookings are
  // made (about one request in eight is refused by design: see the plan), for `rateSeconds`.
  const ratePerSecond = Math.ceil(engine.targetPerSecond * 1.16);
  const plan = makePlan(warmUp.amount + amount + ratePerSecond * rateSeconds + connections);
  let sent = 0;
  const nextBody = () => {
    const index = sent;
    sent += 1;
    const entry = plan[index];
    if (entry === undefined) throw new Error('the request plan is too short');
    return { body: body(entry, index), key: idempotencyKey(index) };
  };
  // The clock when the load began: every stored session must be one core offered then.
  const startedAt = new Date().toISOString();
  const server = await startServer(
    [
      '--seed',
      join(files, 'network.json'),
      '--schedule',
      join(files, 'schedule.json'),
      '--static',
      join(files, 'no-pages'),
      '--widgets',
      join(files, 'no-widgets'),
      ...engine.serverArgs,
    ],
    engine.env,
  );
  let warm: LoadRun;
  let load: LoadRun;
  let atRate: PacedRun;
  try {
    warm = await runLoad(server.url, warmUp, nextBody);
    const before = pgStats ? sampleCpu(server.child.pid, engine.postgres) : undefined;
    const monotonicStart = process.hrtime.bigint();
    load = await runLoad(server.url, { connections, amount, seconds: maxSeconds }, nextBody);
    if (before !== undefined) {
      // CLOCK_MONOTONIC seconds, as `perf record -k CLOCK_MONOTONIC` stamps its samples: a
      // profile of the whole run can be cut to the saturated part with `perf report --time`.
      const seconds = (at: bigint) => (Number(at / 1000n) / 1e6).toFixed(6);
      console.error(
        `${engine.name}: saturated run from ${seconds(monotonicStart)} to ${seconds(process.hrtime.bigint())} (CLOCK_MONOTONIC)`,
      );
      const after = sampleCpu(server.child.pid, engine.postgres);
      const requests = [...load.statuses.values()].reduce((sum, n) => sum + n, 0);
      const perRequest = (key: keyof CpuSample) =>
        (((after[key] - before[key]) * 1000) / requests).toFixed(2);
      console.error(
        `${engine.name}: CPU per request over the saturated run: server ${perRequest('server')} ms (kernel ${perRequest('serverSystem')} ms), ` +
          `PostgreSQL ${perRequest('postgres')} ms, load generator ${perRequest('generator')} ms`,
      );
    }
    atRate = await runPaced(
      server.url,
      { connections, ratePerSecond, seconds: rateSeconds },
      nextBody,
    );
  } finally {
    await stopServer(server.child);
  }
  const storage = await engine.storage();
  let integrity: Integrity;
  try {
    integrity = await checkStorage(storage, startedAt);
  } finally {
    await storage.close();
  }
  if (engine.databaseUrl !== undefined) {
    if (pgStats) await printStatements(engine.databaseUrl);
    const sql = await checkSql(engine.databaseUrl);
    integrity = {
      activeBookings: Math.max(integrity.activeBookings, sql.activeBookings),
      doubleBookings: integrity.doubleBookings + sql.doubleBookings,
      seatMismatches: integrity.seatMismatches + sql.seatMismatches,
      ruleViolations: integrity.ruleViolations,
    };
  }
  const count = (run: LoadRun, status: number) => run.statuses.get(status) ?? 0;
  const answered = (run: LoadRun) => [...run.statuses.values()].reduce((sum, n) => sum + n, 0);
  const created = count(load, 201);
  const conflicts = count(load, 409);
  const other = answered(load) - created - conflicts;
  const paced = (status: number) => atRate.statuses.get(status) ?? 0;
  const pacedAnswers = [...atRate.statuses.values()].reduce((sum, n) => sum + n, 0);
  const acknowledged = created + count(warm, 201) + paced(201);
  const unanswered = sent - answered(warm) - answered(load) - pacedAnswers;
  const otherAtRate = pacedAnswers - paced(201) - paced(409);
  const possible = possibleSuccesses(plan, sent);
  const bookingsPerSecond = created / load.seconds;
  // Every acknowledged booking is stored; a request left unanswered when the time bound
  // stopped the load may or may not be.
  const storedAsAcknowledged =
    integrity.activeBookings >= acknowledged &&
    integrity.activeBookings <= acknowledged + unanswered &&
    integrity.activeBookings <= possible;
  if (other > 0 || otherAtRate > 0 || warm.result.errors > 0) {
    console.error(`${engine.name}: server output:\n${server.output.join('').slice(-4000)}`);
  }
  return {
    name: `POST /api/bookings, ${connections} connections, ≤ ${amount.toLocaleString('ru')} requests, ≤ ${maxSeconds} s`,
    engine: engine.name,
    requests: answered(load),
    seconds: load.seconds,
    created,
    conflicts,
    other,
    errors: load.result.errors,
    bookingsPerSecond,
    p50Ms: load.result.latency.p50,
    p99Ms: load.result.latency.p99,
    maxMs: load.result.latency.max,
    targetPerSecond: engine.targetPerSecond,
    targetP99Ms,
    throughputMet: bookingsPerSecond >= engine.targetPerSecond,
    atRate: {
      requestsPerSecond: pacedAnswers / atRate.seconds,
      bookingsPerSecond: paced(201) / atRate.seconds,
      p50Ms: percentile(atRate.latencies, 0.5),
      p99Ms: percentile(atRate.latencies, 0.99),
      maxMs: percentile(atRate.latencies, 1),
      errors: atRate.errors,
    },
    p99Met:
      percentile(atRate.latencies, 0.99) < targetP99Ms &&
      atRate.errors === 0 &&
      otherAtRate === 0 &&
      paced(201) / atRate.seconds >= engine.targetPerSecond * 0.95,
    storedBookings: integrity.activeBookings,
    acknowledgedBookings: acknowledged,
    possibleBookings: possible,
    doubleBookings: integrity.doubleBookings,
    seatMismatches: integrity.seatMismatches,
    ruleViolations: integrity.ruleViolations,
    consistent:
      integrity.doubleBookings === 0 &&
      integrity.seatMismatches === 0 &&
      integrity.ruleViolations === 0 &&
      storedAsAcknowledged,
  };
}

if (!existsSync(cli)) {
  throw new Error(
    `Нет собранного CLI (${cli}): выполните npm run build / The CLI is not built (${cli}): run npm run build`,
  );
}
const files = mkdtempSync(join(tmpdir(), 'eduset-booking-load-'));
let postgres: PostgresServer | undefined;
const results: LoadResult[] = [];
try {
  // Validated here so that a mistake in the generated data fails before any server starts.
  writeFileSync(join(files, 'network.json'), JSON.stringify(createNetwork(network)));
  writeFileSync(join(files, 'schedule.json'), JSON.stringify(createNetworkSchedule(schedule)));
  const withoutDatabaseUrl: NodeJS.ProcessEnv = { ...process.env };
  delete withoutDatabaseUrl.DATABASE_URL;
  const dataDir = join(files, 'pglite');
  // BENCH_ENGINES=postgres (or pglite) runs one engine only.
  const engines = (process.env['BENCH_ENGINES'] ?? 'pglite,postgres').toLowerCase().split(',');
  if (engines.includes('pglite')) {
    results.push(
      await bench(
        {
          name: 'PGlite',
          targetPerSecond: 300,
          serverArgs: ['--data-dir', dataDir],
          env: withoutDatabaseUrl,
          storage: () => openStorage({ dataDir, env: {} }),
        },
        files,
      ),
    );
  }
  if (engines.includes('postgres')) {
    postgres = await startPostgresServer({
      settings: pgStats
        ? [
            'shared_preload_libraries=pg_stat_statements',
            'pg_stat_statements.track=all',
            'track_functions=all',
          ]
        : [],
    });
    const databaseUrl = postgres.createDatabase('booking_load');
    results.push(
      await bench(
        {
          name: 'PostgreSQL',
          targetPerSecond: 1500,
          // BENCH_WORKERS=2 runs the server as two processes (serve --workers 2).
          serverArgs: process.env['BENCH_WORKERS']
            ? ['--workers', process.env['BENCH_WORKERS']]
            : [],
          env: { ...process.env, DATABASE_URL: databaseUrl },
          storage: () => openStorage({ databaseUrl }),
          databaseUrl,
          postgres,
        },
        files,
      ),
    );
  }
} finally {
  postgres?.stop();
  rmSync(files, { recursive: true, force: true });
}
reportLoad(results);
for (const result of results) {
  const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  console.log(
    `${result.engine}: ${result.bookingsPerSecond.toFixed(0)} bookings/s (target ≥ ${result.targetPerSecond}: ${met(result.throughputMet)}), ` +
      `p99 ${result.p99Ms} ms saturated; at the target rate ${result.atRate.bookingsPerSecond.toFixed(0)} bookings/s, ` +
      `p50 ${result.atRate.p50Ms} ms, p99 ${result.atRate.p99Ms} ms (target < ${result.targetP99Ms} ms: ${met(result.p99Met)}), ` +
      `201/409/other ${result.created}/${result.conflicts}/${result.other}, ` +
      `double bookings ${result.doubleBookings}, seat mismatches ${result.seatMismatches}, ` +
      `rule violations ${result.ruleViolations ?? 0}, ` +
      `stored ${result.storedBookings} of ${result.acknowledgedBookings} acknowledged: ${result.consistent ? 'consistent' : 'INCONSISTENT'}`,
  );
}
if (results.some((result) => !result.consistent)) {
  console.error('Целостность нарушена / integrity check failed');
  process.exitCode = 1;
}
