import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The process's export conditions (`--conditions x`, `-C x`), the only Node flags a built
 * worker is given: others could stop it or slow it (`--input-type` refuses a file, a preloaded
 * TypeScript loader adds ~0.1 s to each start), and the worker needs none of them.
 */
function conditionFlags(): string[] {
  const kept: string[] = [];
  const flags = process.execArgv;
  for (let i = 0; i < flags.length; i += 1) {
    const flag = flags[i] ?? '';
    const next = flags[i + 1];
    if ((flag === '--conditions' || flag === '-C') && next !== undefined) {
      kept.push(flag, next);
      i += 1;
    } else if (flag.startsWith('--conditions=') || flag.startsWith('-C=')) {
      kept.push(flag);
    }
  }
  return kept;
}

/**
 * Starts a worker thread of the adapters: the build's file (`built`, relative to the calling
 * module `here`, which sits in `dist/chunks/` or a subpath folder of `dist/`), or, when
 * running from the TypeScript sources (tests, tsx), the `source` file loaded through tsx with
 * the sources' export condition.
 *
 * @example
 * ```ts
 * import { startModuleWorker } from './worker.js';
 * const worker = startModuleWorker(import.meta.url, {
 *   built: '../schools/kmeans-worker.js',
 *   source: './kmeans-worker.ts',
 * });
 * ```
 */
export function startModuleWorker(
  here: string,
  files: { readonly built: string; readonly source: string },
  workerData?: unknown,
): Worker {
  const data = workerData === undefined ? {} : { workerData };
  if (!here.endsWith('.ts')) {
    return new Worker(new URL(files.built, here), { execArgv: conditionFlags(), ...data });
  }
  const worker = new URL(files.source, here).href;
  // tsx's ESM API (require.resolve finds its CommonJS twin next to it).
  const api = createRequire(here)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const tsx = pathToFileURL(api).href;
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(code, { eval: true, execArgv: ['--conditions=@eduset/source'], ...data });
}
