// The worker thread of a background course-network solve (background-solve.ts): it runs
// core's solveCourseNetwork on the network it is given, posts the best costs so far a few
// times a second, and stops early when the main thread raises the shared stop flag (the
// solver is anytime: the best timetable found by then is the answer). It is a build entry of
// its own (rollup.config.mjs), loaded by file, never imported.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import {
  createCourseNetwork,
  enrolStudents,
  solveCourseNetwork,
  validateTimetable,
  type Session,
} from '@eduset/core/courses';

/** What the worker is started with. */
export interface SolveTask {
  readonly network: unknown;
  readonly seed: number;
  readonly iterations: number;
  readonly limitMs: number;
  readonly pins: readonly Session[];
  /** Int32Array over it: [0] = 1 when the main thread asks to stop. */
  readonly stop: SharedArrayBuffer;
}

/** What the worker posts: progress, then the result or the failure. */
export type SolveMessage =
  | {
      readonly kind: 'progress';
      readonly hard: number;
      readonly soft: number;
      readonly elapsedMs: number;
      readonly accepted: number;
    }
  | {
      readonly kind: 'done';
      readonly sessions: readonly Session[];
      readonly hard: number;
      readonly penalty: number;
      readonly iterations: number;
      readonly elapsedMs: number;
      readonly stopped: boolean;
    }
  | { readonly kind: 'failed'; readonly message: string };

const task = workerData as SolveTask;
const stop = new Int32Array(task.stop);
const started = performance.now();
try {
  const network = createCourseNetwork(task.network);
  const { enrolment } = enrolStudents(network);
  let bestHard = Number.POSITIVE_INFINITY;
  let bestSoft = Number.POSITIVE_INFINITY;
  let accepted = 0;
  let lastPost = 0;
  const now = (): number =>
    Atomics.load(stop, 0) === 1 ? Number.POSITIVE_INFINITY : performance.now() - started;
  const result = solveCourseNetwork(
    network,
    enrolment,
    { seed: task.seed, iterations: task.iterations, pins: task.pins },
    {
      clock: { now, limit: task.limitMs },
      onAccept: (hard, soft) => {
        accepted += 1;
        if (hard < bestHard || (hard === bestHard && soft < bestSoft)) {
          bestHard = hard;
          bestSoft = soft;
        }
        if ((accepted & 255) !== 0) return;
        const elapsedMs = performance.now() - started;
        if (elapsedMs - lastPost < 200) return;
        lastPost = elapsedMs;
        const message: SolveMessage = {
          kind: 'progress',
          hard: bestHard,
          soft: bestSoft,
          elapsedMs,
          accepted,
        };
        parentPort?.postMessage(message);
      },
    },
  );
  const report = validateTimetable(network, enrolment, result.timetable);
  const done: SolveMessage = {
    kind: 'done',
    sessions: result.timetable.sessions,
    hard: report.hard,
    penalty: report.penalty,
    iterations: result.solver.iterations,
    elapsedMs: performance.now() - started,
    stopped: Atomics.load(stop, 0) === 1,
  };
  parentPort?.postMessage(done);
} catch (error) {
  const failed: SolveMessage = {
    kind: 'failed',
    message: error instanceof Error ? error.message : String(error),
  };
  parentPort?.postMessage(failed);
}
