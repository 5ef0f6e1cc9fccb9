// A tiny harness: each benchmark runs eduset and its peer in the same process, alternating
// rounds so that warm-up and machine load affect both alike, and reports the median.
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
