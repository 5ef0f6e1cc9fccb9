import type { Worker } from 'node:worker_threads';
import type { Session } from '@eduset/core/courses';
import type { SolveMessage, SolveTask } from './solve-worker.js';
import { startModuleWorker } from '../internal/worker.js';

/**
 * What a background solve needs: the network (as stored or as outside data; the worker
 * validates it again), the seed, the move budget, the time limit in milliseconds (the search
 * stops at whichever comes first) and the pins to keep.
 *
 * @example
 * ```ts
 * import type { BackgroundSolveOptions } from '@eduset/adapters';
 * declare const network: unknown;
 * const options: BackgroundSolveOptions = { network, seed: 2025, iterations: 5_000_000, limitMs: 30_000, pins: [] };
 * ```
 */
export interface BackgroundSolveOptions {
  readonly network: unknown;
  readonly seed: number;
  readonly iterations: number;
  /** The time limit in milliseconds; `Infinity` for the budget only (reproducible). */
  readonly limitMs: number;
  readonly pins?: readonly Session[];
}

/**
 * A background solve's progress as the worker last posted it.
 *
 * @example
 * ```ts
 * import type { BackgroundSolveProgress } from '@eduset/adapters';
 * const text = (p: BackgroundSolveProgress) => `${p.hard} hard, penalty ${p.soft}`;
 * ```
 */
export interface BackgroundSolveProgress {
  /** Best hard violations so far (the solver's count); `undefined` before the first report. */
  readonly hard?: number;
  /** Best soft penalty so far (the solver's weighted count). */
  readonly soft?: number;
  readonly elapsedMs: number;
  /** Accepted moves so far. */
  readonly accepted: number;
}

/**
 * What a background solve found: the sessions, their hard violations and penalty by core's
 * `validateTimetable`, the moves tried, the time used, and whether it was stopped early.
 *
 * @example
 * ```ts
 * import type { BackgroundSolveResult } from '@eduset/adapters';
 * const feasible = (result: BackgroundSolveResult) => result.hard === 0;
 * ```
 */
export interface BackgroundSolveResult {
  readonly sessions: readonly Session[];
  readonly hard: number;
  readonly penalty: number;
  readonly iterations: number;
  readonly elapsedMs: number;
  readonly stopped: boolean;
}

/**
 * A running background solve: its result (rejects when the worker fails), its progress,
 * and `stop()` — the worker returns the best timetable found so far.
 *
 * @example
 * ```ts
 * import type { BackgroundSolve } from '@eduset/adapters';
 * const halt = async (solve: BackgroundSolve) => {
 *   solve.stop();
 *   return (await solve.result).stopped; // true
 * };
 * ```
 */
export interface BackgroundSolve {
  readonly result: Promise<BackgroundSolveResult>;
  progress(): BackgroundSolveProgress;
  stop(): void;
}

/** Starts the solver's worker (`courses/solve-worker`). */
function startWorker(task: SolveTask): Worker {
  return startModuleWorker(
    import.meta.url,
    { built: '../courses/solve-worker.js', source: './solve-worker.ts' },
    task,
  );
}

/**
 * Solves a course network in a worker thread, off the server's event loop: the result is
 * core's `solveCourseNetwork` (with the pins kept), progress is posted a few times a second,
 * and `stop()` ends the search early with the best timetable so far.
 *
 * @example
 * ```ts
 * import { solveInBackground } from '@eduset/adapters';
 * declare const network: unknown;
 * const solve = solveInBackground({ network, seed: 1, iterations: 1_000_000, limitMs: 10_000 });
 * const { sessions, hard } = await solve.result;
 * ```
 */
export function solveInBackground(options: BackgroundSolveOptions): BackgroundSolve {
  const stopFlag = new SharedArrayBuffer(4);
  let progress: BackgroundSolveProgress = { elapsedMs: 0, accepted: 0 };
  const started = Date.now();
  const worker = startWorker({
    network: options.network,
    seed: options.seed,
    iterations: options.iterations,
    limitMs: options.limitMs,
    pins: options.pins ?? [],
    stop: stopFlag,
  });
  const result = new Promise<BackgroundSolveResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: SolveMessage) => {
      if (message.kind === 'progress') {
        progress = {
          hard: message.hard,
          soft: message.soft,
          elapsedMs: message.elapsedMs,
          accepted: message.accepted,
        };
      } else if (message.kind === 'done') {
        settled = true;
        // The last progress is the result's, also when the search stopped before posting any.
        progress = {
          hard: message.hard,
          soft: message.penalty,
          elapsedMs: message.elapsedMs,
          accepted: progress.accepted,
        };
        const { kind, ...rest } = message;
        void kind;
        resolve(rest);
        void worker.terminate();
      } else {
        settled = true;
        reject(new Error(message.message));
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the solver's worker exited with code ${code}`));
    });
  });
  return {
    result,
    progress: () => ({
      ...progress,
      elapsedMs: Math.max(progress.elapsedMs, Date.now() - started),
    }),
    stop: () => {
      Atomics.store(new Int32Array(stopFlag), 0, 1);
    },
  };
}
