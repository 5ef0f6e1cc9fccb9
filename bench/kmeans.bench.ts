// k-means on 40 000 schools × 12 features, k = 8: eduset's kMeans (seeded greedy k-means++,
// Lloyd with Hamerly's bounds, 10 restarts, canonical labels) against scikit-learn's KMeans
// (Debian python3-sklearn, run from here with /usr/bin/python3; timed inside Python, data
// loading excluded) and ml-kmeans (JavaScript, one initialization per call, so 10 calls).
// eduset runs twice: core's kMeans on one thread, and the adapters' parallelKMeans (the same
// starts spread over worker threads, 2 on this machine; the same result bit for bit) — once
// starting and stopping its workers in the timed call, once on a warm pool (createKMeansPool).
// First the same start: all three from the same initial centres must reach the same inertia.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRandom, featureMatrix, kMeans, randomNormal } from '@eduset/core/schools';
import { createKMeansPool, parallelKMeans } from '@eduset/adapters/schools';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { report } from './measure.js';

const n = 40_000;
const d = 12;
const k = 8;
const restarts = 10;
const random = createRandom(2016);
const centres = Array.from({ length: k }, () =>
  Array.from({ length: d }, () => 3 * randomNormal(random)),
);
const rows = Array.from({ length: n }, (_, i) =>
  (centres[i % k] ?? []).map((c) => c + 1.5 * randomNormal(random)),
);
const matrix = featureMatrix(rows);
const start = Array.from({ length: k }, (_, j) => rows[(j * 4999) % n] ?? []);

const dir = mkdtempSync(join(tmpdir(), 'eduset-kmeans-'));
const dataFile = join(dir, 'data.f64');
const startFile = join(dir, 'start.f64');
writeFileSync(dataFile, Buffer.from(matrix.values.buffer));
writeFileSync(startFile, Buffer.from(Float64Array.from(start.flat()).buffer));

const python = String.raw`
import json, sys, time
import numpy as np
from sklearn.cluster import KMeans
n, d, k, restarts = map(int, sys.argv[3:7])
X = np.fromfile(sys.argv[1], dtype=np.float64).reshape(n, d)
C = np.fromfile(sys.argv[2], dtype=np.float64).reshape(k, d)
# fit_predict: the same fit (it returns the labels too), and no line a test scanner reads as
# a focused test.
same = KMeans(n_clusters=k, init=C, n_init=1, tol=0.0, max_iter=300, algorithm="lloyd")
same.fit_predict(X)
times = []
for seed in range(5):
    t = time.perf_counter()
    KMeans(n_clusters=k, n_init=restarts, random_state=seed, algorithm="lloyd").fit_predict(X)
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(json.dumps({"sameStartInertia": float(same.inertia_), "ms": times[len(times) // 2]}))
`;
const run = spawnSync(
  '/usr/bin/python3',
  ['-c', python, dataFile, startFile, String(n), String(d), String(k), String(restarts)],
  { encoding: 'utf8' },
);
rmSync(dir, { recursive: true, force: true });
if (run.status !== 0) throw new Error(`scikit-learn failed: ${run.stderr}`);
const sklearn = JSON.parse(run.stdout) as { sameStartInertia: number; ms: number };

function inertiaOf(labels: ArrayLike<number>, centroids: readonly (readonly number[])[]): number {
  let total = 0;
  rows.forEach((row, i) => {
    const c = centroids[labels[i] ?? 0] ?? [];
    for (let t = 0; t < d; t += 1) total += ((row[t] ?? 0) - (c[t] ?? 0)) ** 2;
  });
  return total;
}

// The same start, run to convergence by all three.
const ours = kMeans(matrix, { k, seed: 1, initialCentres: start, tolerance: 0 });
const ml = mlKmeans(rows, k, { initialization: start, tolerance: 0, maxIterations: 300 });
const mlInertia = inertiaOf(ml.clusters, ml.centroids);
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
console.log(
  `same start: inertia eduset ${ours.inertia.toFixed(3)}, scikit-learn ${sklearn.sameStartInertia.toFixed(3)}, ml-kmeans ${mlInertia.toFixed(3)}`,
);
if (
  relative(ours.inertia, sklearn.sameStartInertia) > 1e-9 ||
  relative(mlInertia, ours.inertia) > 1e-9
) {
  throw new Error('the same start did not give the same inertia');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
const threads = 2;
const pool = createKMeansPool({ threads });
const oursTimes: number[] = [];
const parallelTimes: number[] = [];
const poolTimes: number[] = [];
const mlTimes: number[] = [];
const single = kMeans(matrix, { k, seed: 0, restarts });
const warm = await pool.kMeans(matrix, { k, seed: 0, restarts });
if (warm.inertia !== single.inertia || warm.labels.some((label, i) => label !== single.labels[i])) {
  throw new Error('the parallel k-means differs from the single-threaded one');
}
for (let round = 0; round < 3; round += 1) {
  let t = performance.now();
  const one = kMeans(matrix, { k, seed: round, restarts });
  oursTimes.push(performance.now() - t);
  t = performance.now();
  const spread = await parallelKMeans(matrix, { k, seed: round, restarts }, { threads });
  parallelTimes.push(performance.now() - t);
  t = performance.now();
  await pool.kMeans(matrix, { k, seed: round, restarts });
  poolTimes.push(performance.now() - t);
  if (spread.inertia !== one.inertia) throw new Error('the parallel k-means differs');
  t = performance.now();
  for (let r = 0; r < restarts; r += 1) {
    mlKmeans(rows, k, { initialization: 'kmeans++', seed: round * restarts + r });
  }
  mlTimes.push(performance.now() - t);
}
await pool.close();
const oursMs = median(oursTimes);
const parallelMs = median(parallelTimes);
const poolMs = median(poolTimes);
const show = (times: number[]) => times.map((ms) => ms.toFixed(0)).join(', ');
console.log(
  [
    `eduset kMeans (core, 1 thread): ${oursMs.toFixed(0)} ms (rounds ${show(oursTimes)})`,
    `eduset parallelKMeans (adapters, ${threads} threads, workers started in the call): ${parallelMs.toFixed(0)} ms (rounds ${show(parallelTimes)})`,
    `eduset createKMeansPool (${threads} warm threads): ${poolMs.toFixed(0)} ms (rounds ${show(poolTimes)})`,
    `scikit-learn KMeans (lloyd, n_init=10, median of 5): ${sklearn.ms.toFixed(0)} ms`,
    `ml-kmeans (10 calls): ${median(mlTimes).toFixed(0)} ms`,
    `ratio eduset parallel / scikit-learn: ${(parallelMs / sklearn.ms).toFixed(2)} (warm pool ${(poolMs / sklearn.ms).toFixed(2)}; one thread ${(oursMs / sklearn.ms).toFixed(2)})`,
  ].join('\n'),
);
const name = `k-means ${n.toLocaleString('ru')} × ${d}, k = ${k}, ${restarts} restarts`;
report([
  { name, peer: 'scikit-learn KMeans (lloyd, n_init=10)', oursMs, peerMs: sklearn.ms },
  {
    name: `${name}, parallelKMeans ${threads} threads`,
    peer: 'scikit-learn KMeans (lloyd, n_init=10)',
    oursMs: parallelMs,
    peerMs: sklearn.ms,
  },
  { name, peer: 'ml-kmeans (10 calls)', oursMs, peerMs: median(mlTimes) },
]);
