// The worker of the parallel k-means (parallel-kmeans.ts): it runs the starts it is given with
// core's own kMeansRuns, on the matrix the main thread shares with it, and sends each run back.
// It is a build entry of its own (rollup.config.mjs), loaded by file, never imported.
import { parentPort } from 'node:worker_threads';
import { kMeansRuns, type KMeansOptions } from '@eduset/core/schools';

/** A start to run: the shared matrix, the options of the call and the start's index. */
export interface KMeansTask {
  readonly job: number;
  readonly values: Float64Array;
  readonly rows: number;
  readonly columns: number;
  readonly options: KMeansOptions;
  readonly restart: number;
}

/** What the worker answers: the run, or the failure's message. */
export type KMeansTaskReply =
  | {
      readonly job: number;
      readonly restart: number;
      readonly labels: Int32Array;
      readonly centres: Float64Array;
      readonly inertia: number;
      readonly iterations: number;
    }
  | { readonly job: number; readonly restart: number; readonly failure: string };

parentPort?.on('message', (task: KMeansTask) => {
  const { job, restart } = task;
  try {
    const matrix = { rows: task.rows, columns: task.columns, values: task.values };
    const [run] = kMeansRuns(matrix, task.options, [restart]);
    if (run === undefined) throw new Error('no run');
    const reply: KMeansTaskReply = {
      job,
      restart,
      labels: run.labels,
      centres: run.centres,
      inertia: run.inertia,
      iterations: run.iterations,
    };
    parentPort?.postMessage(reply, [
      run.labels.buffer as ArrayBuffer,
      run.centres.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    const reply: KMeansTaskReply = {
      job,
      restart,
      failure: error instanceof Error ? error.message : String(error),
    };
    parentPort?.postMessage(reply);
  }
});
