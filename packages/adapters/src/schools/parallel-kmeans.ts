// k-means with its starts spread over worker threads. Core's kMeans stays pure and
// single-threaded; here each worker runs core's own starts (kMeansRuns) on a matrix shared
// with it, and core's kMeansFromRuns keeps the best: the result is kMeans's, bit for bit.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { ValidationError } from '@eduset/core';
import {
  asFeatureMatrix,
  kMeansFromRuns,
  kMeansRestartCount,
  kMeansRuns,
  type FeatureMatrix,
  type KMeansOptions,
  type KMeansResult,
  type KMeansRun,
} from '@eduset/core/schools';
import type { KMeansTask, KMeansTaskReply } from './kmeans-worker.js';
import { startModuleWorker } from '../internal/worker.js';

/**
 * A failure of the worker threads themselves (a worker that could not start or stopped), or
 * a call to a closed pool: never bad input, which is a core `ValidationError`. The message is
 * in Russian and English.
 *
 * @example
 * ```ts
 * import { KMeansWorkerError, parallelKMeans } from '@eduset/adapters/schools';
 * try {
 *   await parallelKMeans([[0], [1], [9]], { k: 2, seed: 1 });
 * } catch (error) {
 *   if (error instanceof KMeansWorkerError) console.error(error.text.ru);
 * }
 * ```
 */
export class KMeansWorkerError extends Error {
  readonly _tag = 'KMeansWorkerError' as const;
  /** The message in Russian and English. */
  readonly text: { readonly ru: string; readonly en: string };

  constructor(text: { readonly ru: string; readonly en: string }, cause?: unknown) {
    super(`${text.ru} / ${text.en}`, cause === undefined ? undefined : { cause });
    this.name = 'KMeansWorkerError';
    this.text = text;
  }
}

/**
 * Options of {@link createKMeansPool} and {@link parallelKMeans}.
 *
 * @example
 * ```ts
 * import type { KMeansThreads } from '@eduset/adapters/schools';
 * const threads: KMeansThreads = { threads: 2 };
 * ```
 */
export interface KMeansThreads {
  /** Worker threads, 1…256 (default: the machine's available parallelism). */
  readonly threads?: number;
}

/**
 * Worker threads that run k-means starts; reuse one for many clusterings (a worker takes tens
 * of milliseconds to start) and close it when done.
 *
 * @example
 * ```ts
 * import { createKMeansPool } from '@eduset/adapters/schools';
 * const pool = createKMeansPool({ threads: 2 });
 * try {
 *   const result = await pool.kMeans([[0], [1], [9], [10]], { k: 2, seed: 1 });
 *   Array.from(result.labels); // [0, 0, 1, 1]
 * } finally {
 *   await pool.close();
 * }
 * ```
 */
export interface KMeansPool {
  /** The number of worker threads. */
  readonly threads: number;
  /**
   * Core's `kMeans(data, options)`, its starts run on the pool's threads: the same labels,
   * centres, sizes, inertia, iterations and kept start, bit for bit.
   *
   * @throws ValidationError (rejects) on bad input, as core's `kMeans`.
   * @throws KMeansWorkerError (rejects) when a worker fails or the pool is closed.
   */
  kMeans(
    data: FeatureMatrix | readonly (readonly number[])[],
    options: KMeansOptions,
  ): Promise<KMeansResult>;
  /** Stops the workers; later calls reject with a `KMeansWorkerError`. */
  close(): Promise<void>;
}

const WORKER_FAILED = {
  ru: 'Поток k-means завершился с ошибкой',
  en: 'A k-means worker thread failed',
};
const POOL_CLOSED = {
  ru: 'Пул потоков k-means уже закрыт',
  en: 'The k-means worker pool is closed',
};

/** Starts a k-means worker (`schools/kmeans-worker`). */
function startWorker(): Worker {
  return startModuleWorker(import.meta.url, {
    built: '../schools/kmeans-worker.js',
    source: './kmeans-worker.ts',
  });
}

function checkThreads(threads: unknown): number {
  const value = threads ?? Math.max(1, availableParallelism());
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 256) {
    throw new ValidationError([
      {
        path: ['threads'],
        code: 'invalid_value',
        message: {
          ru: 'Число потоков должно быть целым от 1 до 256',
          en: 'threads must be an integer from 1 to 256',
        },
      },
    ]);
  }
  return value;
}

interface Job {
  readonly runs: KMeansRun[];
  readonly expected: number;
  readonly resolve: (runs: KMeansRun[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Starts a pool of worker threads for k-means (see {@link KMeansPool}).
 *
 * @throws ValidationError when `threads` is not a whole number from 1 to 256.
 * @example
 * ```ts
 * import { createKMeansPool } from '@eduset/adapters/schools';
 * const pool = createKMeansPool();
 * const result = await pool.kMeans([[0, 0], [0, 1], [10, 10], [10, 11]], { k: 2, seed: 1 });
 * result.inertia; // 1
 * await pool.close();
 * ```
 */
export function createKMeansPool(options: KMeansThreads = {}): KMeansPool {
  return makePool(checkThreads(options.threads), false);
}

/**
 * A pool of `threads` workers; with `helpHere`, the calling thread takes starts from the same
 * queue too (one at a time, yielding to the event loop between them).
 */
function makePool(threads: number, helpHere: boolean): KMeansPool {
  const queue: KMeansTask[] = [];
  const jobs = new Map<number, Job>();
  const idle: Worker[] = [];
  const busy = new Map<Worker, KMeansTask>();
  let nextJob = 0;
  let closed = false;

  const fail = (job: number, error: unknown): void => {
    const pending = jobs.get(job);
    if (pending === undefined) return;
    jobs.delete(job);
    for (let i = queue.length - 1; i >= 0; i -= 1) if (queue[i]?.job === job) queue.splice(i, 1);
    pending.reject(error);
  };

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const task = queue.shift() as KMeansTask;
      busy.set(worker, task);
      worker.ref();
      worker.postMessage(task);
    }
  };

  const onReply = (worker: Worker, reply: KMeansTaskReply): void => {
    busy.delete(worker);
    worker.unref();
    idle.push(worker);
    if ('failure' in reply) {
      fail(reply.job, new KMeansWorkerError(WORKER_FAILED, new Error(reply.failure)));
    } else {
      accept(reply.job, reply);
    }
    dispatch();
  };

  const accept = (id: number, run: KMeansRun): void => {
    const job = jobs.get(id);
    if (job === undefined) return;
    job.runs.push(run);
    if (job.runs.length === job.expected) {
      jobs.delete(id);
      job.resolve(job.runs);
    }
  };

  /** The calling thread's share: starts of the job still queued, run here one by one. */
  const help = async (id: number, matrix: FeatureMatrix, options: KMeansOptions): Promise<void> => {
    while (jobs.has(id)) {
      const at = queue.findIndex((task) => task.job === id);
      if (at < 0) return;
      const [task] = queue.splice(at, 1);
      if (task === undefined) return;
      const [run] = kMeansRuns(matrix, options, [task.restart]);
      if (run !== undefined) accept(id, run);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  const workers: Worker[] = [];
  const addWorker = (): void => {
    const worker = startWorker();
    worker.unref();
    worker.on('message', (reply: KMeansTaskReply) => onReply(worker, reply));
    worker.on('error', (error) => {
      const task = busy.get(worker);
      busy.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      if (task !== undefined) fail(task.job, new KMeansWorkerError(WORKER_FAILED, error));
      // A worker that could not start fails every job: no thread is left to run them.
      if (idle.length === 0 && busy.size === 0) {
        for (const job of [...jobs.keys()]) fail(job, new KMeansWorkerError(WORKER_FAILED, error));
      }
    });
    workers.push(worker);
    idle.push(worker);
  };
  for (let i = 0; i < threads; i += 1) addWorker();

  const run = (matrix: FeatureMatrix, options: KMeansOptions): Promise<KMeansRun[]> => {
    const expected = kMeansRestartCount(options);
    // One copy of the rows in shared memory, read by every worker (none if already shared).
    let values = matrix.values;
    if (!(values.buffer instanceof SharedArrayBuffer)) {
      values = new Float64Array(new SharedArrayBuffer(matrix.values.byteLength));
      values.set(matrix.values);
    }
    const job = nextJob;
    nextJob += 1;
    return new Promise<KMeansRun[]>((resolve, reject) => {
      jobs.set(job, { runs: [], expected, resolve, reject });
      for (let restart = 0; restart < expected; restart += 1) {
        queue.push({ job, values, rows: matrix.rows, columns: matrix.columns, options, restart });
      }
      dispatch();
      if (helpHere) help(job, matrix, options).catch((error: unknown) => fail(job, error));
    });
  };

  return {
    threads,
    async kMeans(data, options) {
      if (closed) throw new KMeansWorkerError(POOL_CLOSED);
      const matrix = asFeatureMatrix(data);
      // Bad input is refused here, in this thread, with core's own errors.
      kMeansRuns(matrix, options, []);
      const runs = await run(matrix, options);
      return kMeansFromRuns(matrix, options, runs);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const job of [...jobs.keys()]) fail(job, new KMeansWorkerError(POOL_CLOSED));
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * Core's `kMeans`, its starts spread over `threads` threads (default: the machine's available
 * parallelism, 2 on a 2-core machine): the calling thread and `threads − 1` workers take starts
 * from one queue (the calling thread yields to the event loop between its starts). The same
 * result bit for bit, in about 1/threads of the time for 10 starts on idle cores. Starts and
 * stops its own workers; for many clusterings, or to keep the calling thread free, use a
 * {@link createKMeansPool}.
 *
 * @throws ValidationError (rejects) on bad input, as core's `kMeans`, or bad `threads`.
 * @throws KMeansWorkerError (rejects) when a worker thread fails.
 * @example
 * ```ts
 * import { parallelKMeans } from '@eduset/adapters/schools';
 * const result = await parallelKMeans(
 *   [[0, 0], [0, 1], [10, 10], [10, 11]],
 *   { k: 2, seed: 1, restarts: 10 },
 *   { threads: 2 },
 * );
 * Array.from(result.labels); // [0, 0, 1, 1]
 * ```
 */
export async function parallelKMeans(
  data: FeatureMatrix | readonly (readonly number[])[],
  options: KMeansOptions,
  threads: KMeansThreads = {},
): Promise<KMeansResult> {
  const matrix = asFeatureMatrix(data);
  kMeansRuns(matrix, options, []);
  const count = Math.min(checkThreads(threads.threads), kMeansRestartCount(options));
  // The calling thread is one of the threads: its compiled code is warm, a new worker's is not.
  const pool = makePool(count - 1, true);
  try {
    return await pool.kMeans(matrix, options);
  } finally {
    await pool.close();
  }
}
