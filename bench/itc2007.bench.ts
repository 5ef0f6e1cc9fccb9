// ITC-2007 track 3 (curriculum-based course timetabling): eduset's solver on all 21 public
// instances (bench/data/itc2007/), each with a wall-clock limit (ITC_SECONDS, default 60 s,
// the competition's own budget was of that order on its machines). A portfolio uses the
// machine's cores: ITC_WORKERS independent searches (default 2, one per core here), each in a
// worker thread with its own seed (ITC_SEED, ITC_SEED + 1, …); the better timetable counts.
// For each instance it prints whether the timetable is feasible, its UD2 penalty computed by
// eduset's evaluator (re-evaluated from the written solution, as the official validator
// would, not taken from the solver), the best known penalty (bench/data/itc2007/README.md,
// with the source of each figure) and the ratio, then the mean ratio over all 21 instances.
//   ITC_SECONDS=10 node --import tsx bench/itc2007.bench.ts       (after npm run build)
//   ITC_INSTANCES=comp01,comp05 … to run a few
//   ITC_ITERATIONS=20000000 … a fixed iteration budget instead of the clock: reproducible
//   (same seed and budget, same timetable and penalty on any machine).
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { evaluateItc, parseCtt, parseItcSolution } from '@eduset/core/courses';

const dataDir = new URL('./data/itc2007/', import.meta.url);
const seconds = Number(process.env.ITC_SECONDS ?? 60);
const seed = Number(process.env.ITC_SEED ?? 1);
const only = process.env.ITC_INSTANCES?.split(',');
const workers = Math.max(1, Number(process.env.ITC_WORKERS ?? 2));
const optionalNumber = (value: string | undefined): number | undefined =>
  value === undefined ? undefined : Number(value);
const iterations = optionalNumber(process.env.ITC_ITERATIONS);

/** One search's answer (bench/itc2007.worker.mjs). */
interface SearchResult {
  readonly seed: number;
  readonly iterations: number;
  readonly solution: string;
}

/** Runs one search in a worker thread. */
function search(ctt: string, searchSeed: number): Promise<SearchResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./itc2007.worker.mjs', import.meta.url), {
      workerData: {
        ctt,
        seed: searchSeed,
        seconds,
        iterations,
        initialTemperature: optionalNumber(process.env.ITC_T0),
        finalTemperature: optionalNumber(process.env.ITC_T1),
      },
    });
    worker.once('message', (message: SearchResult) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker exited with ${code}`));
    });
  });
}

/** Best known UD2 penalties as listed, with their sources, in bench/data/itc2007/README.md. */
const bestKnown: Readonly<Record<string, number>> = {
  comp01: 5,
  comp02: 24,
  comp03: 64,
  comp04: 35,
  comp05: 284,
  comp06: 27,
  comp07: 6,
  comp08: 37,
  comp09: 96,
  comp10: 4,
  comp11: 0,
  comp12: 294,
  comp13: 59,
  comp14: 51,
  comp15: 66,
  comp16: 18,
  comp17: 56,
  comp18: 62,
  comp19: 57,
  comp20: 4,
  comp21: 74,
};

/** Penalty over best known; with a best known of 0, (penalty + 1) / 1 so that 0 scores 1. */
function ratioOf(penalty: number, best: number): number {
  return best === 0 ? penalty + 1 : penalty / best;
}

const files = readdirSync(dataDir)
  .filter((name) => name.endsWith('.ctt'))
  .filter((name) => only === undefined || only.includes(name.replace('.ctt', '')))
  .sort();
const rows: Record<string, string | number>[] = [];
const ratios: number[] = [];
let feasibleCount = 0;
for (const file of files) {
  const name = file.replace('.ctt', '');
  const ctt = readFileSync(new URL(file, dataDir), 'utf8');
  const instance = parseCtt(ctt);
  const started = performance.now();
  const searches = await Promise.all(
    Array.from({ length: workers }, (_, k) => search(ctt, seed + k)),
  );
  const elapsed = (performance.now() - started) / 1000;
  // Evaluate what each search wrote, as the official validator would; the better one counts
  // (fewer hard violations first, then the lower penalty).
  const judged = searches
    .map((found) => ({
      found,
      evaluation: evaluateItc(instance, parseItcSolution(instance, found.solution)),
    }))
    .sort(
      (a, b) =>
        a.evaluation.hard - b.evaluation.hard || a.evaluation.penalty - b.evaluation.penalty,
    );
  const winner = judged[0];
  if (winner === undefined) throw new Error('no search ran');
  const { found, evaluation } = winner;
  const feasible = evaluation.hard === 0;
  if (feasible) feasibleCount++;
  const best = bestKnown[name];
  const ratio = best === undefined || !feasible ? undefined : ratioOf(evaluation.penalty, best);
  if (ratio !== undefined) ratios.push(ratio);
  const row = {
    instance: name,
    feasible: feasible ? 'yes' : `NO (${evaluation.hard})`,
    penalty: evaluation.penalty,
    'best known': best ?? '—',
    ratio: ratio === undefined ? '—' : ratio.toFixed(2),
    'all searches': judged.map((j) => j.evaluation.penalty).join(' / '),
    'best seed': found.seed,
    'moves, M': (searches.reduce((sum, s) => sum + s.iterations, 0) / 1e6).toFixed(1),
    s: elapsed.toFixed(1),
  };
  rows.push(row);
  console.log(`BENCH-ITC ${JSON.stringify({ ...row, hard: evaluation.hard })}`);
}
console.table(rows);
const mean = ratios.reduce((a, b) => a + b, 0) / Math.max(1, ratios.length);
console.log(
  `ITC-2007: feasible ${feasibleCount}/${files.length}; mean ratio to best known over ${ratios.length} instances: ${mean.toFixed(2)}, worst ${Math.max(0, ...ratios).toFixed(2)} (goal ≤ 1.3, none worse than 2.0); ${iterations === undefined ? `${seconds} s` : `${iterations} moves`} each, ${workers} searches from seed ${seed}`,
);
