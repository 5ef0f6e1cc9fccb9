import cluster, { type Worker } from 'node:cluster';
import { say } from './cli-shared.js';

/**
 * Whether this process is one of the workers `eduset serve --workers N` started.
 *
 * @example
 * ```ts
 * import { isServeWorker } from './cli-workers.js';
 * isServeWorker(); // false in the process you started
 * ```
 */
export function isServeWorker(): boolean {
  return cluster.isWorker;
}

/**
 * Whether this worker does the once-per-server chores (the periodic erasure of personal
 * data): the first worker, or the only process.
 *
 * @example
 * ```ts
 * import { isFirstWorker } from './cli-workers.js';
 * isFirstWorker(); // true outside a cluster
 * ```
 */
export function isFirstWorker(): boolean {
  return !cluster.isWorker || cluster.worker?.id === 1;
}

/**
 * Lets a stopped worker end: its channel to the process that started it would keep it alive.
 *
 * @example
 * ```ts
 * import { leaveCluster } from './cli-workers.js';
 * leaveCluster(); // nothing outside a cluster
 * ```
 */
export function leaveCluster(): void {
  if (cluster.isWorker) process.disconnect();
}

/** What {@link runWorkers} needs from the command. */
export interface WorkersOptions {
  readonly count: number;
  /** Prints the address once the workers listen. */
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Stops the workers like SIGINT does, when aborted. */
  readonly signal?: AbortSignal;
}

/**
 * Runs `count` copies of this `serve` command as workers sharing one port (node:cluster):
 * PostgreSQL keeps them consistent (constraints and transactions, not a lock in one
 * process), and they use every core. A worker that dies is replaced; SIGINT or SIGTERM
 * stops them all. Resolves with 0 once every worker has exited.
 *
 * @example
 * ```ts
 * import { runWorkers } from './cli-workers.js';
 * await runWorkers({ count: 2, out: console.log, err: console.error });
 * ```
 */
export function runWorkers(options: WorkersOptions): Promise<number> {
  const { count, out, err, signal } = options;
  let stopping = false;
  let announced = false;
  const workers = new Set<Worker>();
  const start = (): void => {
    const worker = cluster.fork();
    workers.add(worker);
    worker.on('listening', (address) => {
      if (announced) return;
      announced = true;
      const host = address.address ?? '127.0.0.1';
      say(out, {
        ru: `сервер работает: http://${host}:${address.port}/ (процессов: ${count}; остановить — Ctrl+C)`,
        en: `server running: http://${host}:${address.port}/ (${count} processes; Ctrl+C to stop)`,
      });
    });
  };
  return new Promise((done) => {
    cluster.on('exit', (worker, code, signalName) => {
      workers.delete(worker);
      if (stopping) {
        if (workers.size === 0) {
          say(out, { ru: 'сервер остановлен', en: 'server stopped' });
          // The port the workers shared is held here; let it go so this process can end.
          done(0);
        }
        return;
      }
      say(err, {
        ru: `процесс сервера ${worker.process.pid ?? '?'} завершился (${signalName ?? code}); запускается новый`,
        en: `server process ${worker.process.pid ?? '?'} exited (${signalName ?? code}); starting another`,
      });
      start();
    });
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      if (workers.size === 0) done(0);
      for (const worker of workers) worker.process.kill('SIGTERM');
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop);
    for (let index = 0; index < count; index += 1) start();
  });
}
