// One search of the ITC-2007 bench's portfolio (bench/itc2007.bench.ts), in a worker thread:
// solves the instance it is given with its own seed and returns the solution as the
// competition's text, which the main thread evaluates as the official validator would.
// Plain JavaScript on the built package: a worker thread does not get the bench's TypeScript
// loader.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import {
  itcLecturesFromSolution,
  itcToProblem,
  parseCtt,
  solveTimetable,
  writeItcSolution,
} from '@eduset/core/courses';

/** @type {{ ctt: string, seed: number, seconds: number, iterations?: number, initialTemperature?: number, finalTemperature?: number }} */
const job = workerData;
const instance = parseCtt(job.ctt);
const result = solveTimetable(
  itcToProblem(instance),
  {
    seed: job.seed,
    iterations: job.iterations ?? Number.MAX_SAFE_INTEGER,
    ...(job.initialTemperature === undefined ? {} : { initialTemperature: job.initialTemperature }),
    ...(job.finalTemperature === undefined ? {} : { finalTemperature: job.finalTemperature }),
  },
  // With an iteration budget the run is reproducible: no clock.
  job.iterations === undefined
    ? { clock: { now: () => performance.now(), limit: job.seconds * 1000 } }
    : {},
);
parentPort?.postMessage({
  seed: job.seed,
  iterations: result.iterations,
  solution: writeItcSolution(itcLecturesFromSolution(instance, result.lectures)),
});
