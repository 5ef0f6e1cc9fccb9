// Ward hierarchical clustering: eduset's wardClustering (nearest-neighbour chain on
// centroids, each scan over a k-d tree of them: O(n·d) memory, O(n²·d) time at worst)
// against ml-hclust's agnes with Ward linkage (O(n³), a full distance matrix) at n = 2 000,
// then eduset alone at n = 40 000 — every school of the country — with its wall and CPU
// time (the machine is shared: CPU time is what the run itself cost) against the 20 s goal
// of issue 16 §6, and the memory it added.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createRandom, featureMatrix, randomNormal, wardClustering } from '@eduset/core/schools';
import { agnes } from 'ml-hclust';
import { report } from './measure.js';

const d = 12;
function schools(n: number, seed: number): number[][] {
  const random = createRandom(seed);
  const centres = Array.from({ length: 8 }, () =>
    Array.from({ length: d }, () => 3 * randomNormal(random)),
  );
  return Array.from({ length: n }, (_, i) =>
    (centres[i % 8] ?? []).map((c) => c + 1.5 * randomNormal(random)),
  );
}

const small = schools(2000, 1);
const smallMatrix = featureMatrix(small);
wardClustering(smallMatrix);
let t = performance.now();
const tree = wardClustering(smallMatrix);
const oursMs = performance.now() - t;
// WARD_PEER=0 skips ml-hclust (minutes at n = 2 000) when only the large run is wanted.
const withPeer = process.env['WARD_PEER'] !== '0';
t = performance.now();
const theirs = withPeer ? agnes(small, { method: 'ward' }) : undefined;
const peerMs = performance.now() - t;
console.log(
  `n = 2 000: eduset ${oursMs.toFixed(0)} ms (top merge ${tree.merges.at(-1)?.height.toFixed(2)}), ml-hclust ${withPeer ? `${peerMs.toFixed(0)} ms (top height ${theirs?.height.toFixed(2)})` : 'skipped'}`,
);

const n = Number(process.env['WARD_N'] ?? 40_000);
const large = featureMatrix(schools(n, 2));
// Memory: collect garbage first (gc exposed through V8 flags, as the runner passes none), then
// read heap + array buffers right after the run, before any collection: the algorithm's typed
// arrays (O(n·d)) and the merges it returns.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
gc();
const before = process.memoryUsage();
const cpuBefore = process.cpuUsage();
t = performance.now();
const big = wardClustering(large);
const largeMs = performance.now() - t;
const cpu = process.cpuUsage(cpuBefore);
const largeCpuMs = (cpu.user + cpu.system) / 1000;
const after = process.memoryUsage();
const addedMb =
  (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 2 ** 20;
const inputMb = large.values.byteLength / 2 ** 20;
const targetMs = 20_000;
console.log(
  `n = ${n.toLocaleString('ru')}: ${(largeMs / 1000).toFixed(1)} s wall, ${(largeCpuMs / 1000).toFixed(1)} s CPU (goal < ${targetMs / 1000} s: ${largeMs < targetMs ? 'met' : 'NOT MET'}), memory added ${addedMb.toFixed(1)} MB for ${inputMb.toFixed(1)} MB of input (a distance matrix would need ${((((n * (n - 1)) / 2) * 8) / 2 ** 30).toFixed(1)} GB); ${big.merges.length} merges`,
);
if (withPeer) {
  report([{ name: 'Ward, 2 000 schools × 12', peer: 'ml-hclust agnes (ward)', oursMs, peerMs }]);
}
console.log(
  `BENCH-WARD ${JSON.stringify({ n, ms: largeMs, cpuMs: largeCpuMs, memoryAddedMb: addedMb, inputMb, targetMs, met: largeMs < targetMs })}`,
);
