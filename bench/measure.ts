// A tiny harness: each benchmark runs eduset and its peer in the same process, alternating
// rounds so that warm-up and machine load affect both alike, and reports the median.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface BenchResult {
  /** What is measured, e.g. "CSV import, 10 000 rows". */
  readonly name: string;
  /** The peer eduset is compared with, e.g. "papaparse (parse only)". */
  readonly peer: string;
  /** Median milliseconds per run for eduset. */
  readonly oursMs: number;
  /** Median milliseconds per run for the peer. */
  readonly peerMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Runs both functions `rounds` times, alternating, after one warm-up each. */
export async function compare(
  name: string,
  peer: string,
  ours: () => unknown,
  theirs: () => unknown,
  rounds = 15,
): Promise<BenchResult> {
  await ours();
  await theirs();
  const oursTimes: number[] = [];
  const peerTimes: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    let start = performance.now();
    await ours();
    oursTimes.push(performance.now() - start);
    start = performance.now();
    await theirs();
    peerTimes.push(performance.now() - start);
  }
  return { name, peer, oursMs: median(oursTimes), peerMs: median(peerTimes) };
}

/** Prints results in the line format scripts/bench.mjs collects. */
export function report(results: readonly BenchResult[]): void {
  for (const result of results) console.log(`BENCH ${JSON.stringify(result)}`);
}

/** A load test of a server (bench/booking-load.bench.ts): throughput, latency, integrity. */
export interface LoadResult {
  /** What is measured, e.g. "POST /api/bookings, 100 connections". */
  readonly name: string;
  /** The storage engine behind the server, e.g. "PGlite". */
  readonly engine: string;
  /** Requests answered in the measured run. */
  readonly requests: number;
  /** Length of the measured run in seconds. */
  readonly seconds: number;
  /** Answers 201 (bookings made), 409 (refused: taken, overlapping, full) and any other. */
  readonly created: number;
  readonly conflicts: number;
  readonly other: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  /** Bookings made per second (201 answers / seconds). */
  readonly bookingsPerSecond: number;
  /** Latency percentiles of all answers, in milliseconds. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly targetPerSecond: number;
  readonly targetP99Ms: number;
  readonly throughputMet: boolean;
  /**
   * The second run: the same 100 connections sending together at the target rate (not as
   * fast as they can), its bookings per second and latency. A closed loop of 100 clients
   * always has 100 requests waiting, so its latency is 100 / throughput (Little's law): a
   * p99 under 50 ms at saturation would need over 2 000 answers a second. The latency target
   * is judged here, at the load the target names.
   */
  readonly atRate: {
    readonly requestsPerSecond: number;
    readonly bookingsPerSecond: number;
    readonly p50Ms: number;
    readonly p99Ms: number;
    readonly maxMs: number;
    readonly errors: number;
  };
  readonly p99Met: boolean;
  /** Active bookings found in the database afterwards, warm-up included. */
  readonly storedBookings: number;
  /** 201 answers, warm-up included. */
  readonly acknowledgedBookings: number;
  /** The most bookings the requests sent could make. */
  readonly possibleBookings: number;
  /** Overlapping active bookings of one specialist, or sessions over capacity. */
  readonly doubleBookings: number;
  /** Sessions whose seats taken differ from their active bookings. */
  readonly seatMismatches: number;
  /**
   * Stored sessions that break a rule involving other bookings (a limit per day or week, a
   * buffer, travel between sites), as core's `offeredSlot` reads the rules; 0 when not checked.
   */
  readonly ruleViolations?: number;
  /** No double booking, no mismatch, no rule broken, and stored bookings = acknowledged ones. */
  readonly consistent: boolean;
}

/** Prints load results in the line format scripts/bench.mjs collects (`BENCH-LOAD {json}`). */
export function reportLoad(results: readonly LoadResult[]): void {
  for (const result of results) console.log(`BENCH-LOAD ${JSON.stringify(result)}`);
}

/**
 * The Node arguments to start a built CLI with as `eduset` would start: the flags of its own
 * `#!` line, if it has any (`#!/usr/bin/env -S node --flag`), then the extra ones in
 * `BENCH_SERVER_NODE_ARGS` (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the server).
 */
export function serverNodeArgs(cli: string): string[] {
  const [first = ''] = readFileSync(cli, 'utf8').split('\n', 1);
  const own = first.startsWith('#!')
    ? first.split(' ').filter((word) => word.startsWith('--'))
    : [];
  return [...own, ...(process.env['BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter(Boolean)];
}
