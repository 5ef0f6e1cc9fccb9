/* eslint-disable @typescript-eslint/no-non-null-assertion -- numeric kernels: every typed-array index is bounded by its loop */
// References for the Ward tests: the nearest-neighbour chain as it was before the block scan
// (issue 16 §6), kept verbatim — the new scan must give its merges bit for bit — and a naive
// O(n³) Ward (Lance–Williams on a full matrix) to check both against.
import { ValidationError } from '../src/common/errors.js';
import { asFeatureMatrix, type FeatureMatrix } from '../src/schools/matrix.js';
import type { Dendrogram, Merge } from '../src/schools/ward.js';

export function chainWardReference(
  data: FeatureMatrix | readonly (readonly number[])[],
): Dendrogram {
  const matrix = asFeatureMatrix(data);
  const { rows: n, columns: d } = matrix;
  if (n < 1 || d < 1) {
    throw new ValidationError([
      {
        path: [],
        code: 'too_small',
        message: {
          ru: 'Нужна хотя бы одна строка и хотя бы один признак',
          en: 'At least one row and one feature are needed',
        },
      },
    ]);
  }
  // Clusters are kept dense by position (0 … active − 1): a scan for the nearest neighbour
  // reads memory in order. Removal moves the last cluster into the freed position.
  const centroids = Float64Array.from(matrix.values);
  const sizes = new Float64Array(n).fill(1);
  // 1/size per position: the Ward factor |A||B|/(|A|+|B|) is 1/(1/|A| + 1/|B|), no division in the scan.
  const inverse = new Float64Array(n).fill(1);
  const idAt = new Int32Array(n);
  const positionOf = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    idAt[i] = i;
    positionOf[i] = i;
  }
  let activeCount = n;
  const chain = new Int32Array(n);
  let chainLength = 0;
  // Merges in the order found: representative row ids and heights.
  const leftSlot = new Int32Array(Math.max(0, n - 1));
  const rightSlot = new Int32Array(Math.max(0, n - 1));
  const heights = new Float64Array(Math.max(0, n - 1));
  let mergeCount = 0;

  while (activeCount > 1) {
    if (chainLength === 0) chain[chainLength++] = idAt[0]!;
    for (;;) {
      const x = chain[chainLength - 1]!;
      const previous = chainLength >= 2 ? chain[chainLength - 2]! : -1;
      const px = positionOf[x]!;
      const pPrevious = previous >= 0 ? positionOf[previous]! : -1;
      const sx = sizes[px]!;
      const xo = px * d;
      // Start from the previous chain element so that ties keep the chain from cycling.
      let bestPosition = -1;
      let bestCost = Number.POSITIVE_INFINITY;
      if (pPrevious >= 0) {
        const sy = sizes[pPrevious]!;
        const yo = pPrevious * d;
        let sum = 0;
        for (let t = 0; t < d; t += 1) {
          const diff = centroids[xo + t]! - centroids[yo + t]!;
          sum += diff * diff;
        }
        bestPosition = pPrevious;
        bestCost = ((sx * sy) / (sx + sy)) * sum;
      }
      const ix = inverse[px]!;
      // The first four features of x, held in locals: most clusters are ruled out by them.
      const wide = d >= 4;
      const x0 = wide ? centroids[xo]! : 0;
      const x1 = wide ? centroids[xo + 1]! : 0;
      const x2 = wide ? centroids[xo + 2]! : 0;
      const x3 = wide ? centroids[xo + 3]! : 0;
      for (let py = 0; py < activeCount; py += 1) {
        if (py === px || py === pPrevious) continue;
        const limit = bestCost * (ix + inverse[py]!);
        const yo = py * d;
        // Four features at a time, then give up as soon as the partial sum is already worse
        // (the first four from the locals: 0 + s is s, so the sum is the same, bit for bit).
        let sum = 0;
        let t = 0;
        if (wide) {
          const a = x0 - centroids[yo]!;
          const b = x1 - centroids[yo + 1]!;
          const c = x2 - centroids[yo + 2]!;
          const e = x3 - centroids[yo + 3]!;
          sum = a * a + b * b + c * c + e * e;
          if (sum >= limit) continue;
          t = 4;
        }
        for (; t + 4 <= d; t += 4) {
          const a = centroids[xo + t]! - centroids[yo + t]!;
          const b = centroids[xo + t + 1]! - centroids[yo + t + 1]!;
          const c = centroids[xo + t + 2]! - centroids[yo + t + 2]!;
          const e = centroids[xo + t + 3]! - centroids[yo + t + 3]!;
          sum += a * a + b * b + c * c + e * e;
          if (sum >= limit) break;
        }
        if (sum >= limit) continue;
        for (; t < d; t += 1) {
          const diff = centroids[xo + t]! - centroids[yo + t]!;
          sum += diff * diff;
        }
        if (sum < limit) {
          bestCost = sum / (ix + inverse[py]!);
          bestPosition = py;
        }
      }
      if (bestPosition === pPrevious) {
        chainLength -= 2;
        // Merge x and previous into the position of the first; the last cluster fills the other.
        leftSlot[mergeCount] = x;
        rightSlot[mergeCount] = previous;
        heights[mergeCount] = Math.sqrt(2 * bestCost);
        mergeCount += 1;
        const keep = Math.min(px, pPrevious);
        const drop = Math.max(px, pPrevious);
        const sk = sizes[keep]!;
        const sd = sizes[drop]!;
        const total = sk + sd;
        for (let t = 0; t < d; t += 1) {
          centroids[keep * d + t] =
            (centroids[keep * d + t]! * sk + centroids[drop * d + t]! * sd) / total;
        }
        sizes[keep] = total;
        inverse[keep] = 1 / total;
        const last = activeCount - 1;
        if (drop !== last) {
          centroids.copyWithin(drop * d, last * d, last * d + d);
          sizes[drop] = sizes[last]!;
          inverse[drop] = inverse[last]!;
          idAt[drop] = idAt[last]!;
          positionOf[idAt[drop]!] = drop;
        }
        activeCount -= 1;
        break;
      }
      chain[chainLength++] = idAt[bestPosition]!;
    }
  }
  return { rows: n, merges: labelMerges(n, leftSlot, rightSlot, heights, mergeCount) };
}

/**
 * Sorts merges by height (stable) and names clusters as scipy does: each merge joins the
 * current clusters of its two slots, the smaller id first, and makes cluster `n + i`.
 */
function labelMerges(
  n: number,
  leftSlot: Int32Array,
  rightSlot: Int32Array,
  heights: Float64Array,
  count: number,
): Merge[] {
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => heights[a]! - heights[b]! || a - b,
  );
  const parent = new Int32Array(2 * n);
  const size = new Float64Array(2 * n);
  for (let i = 0; i < 2 * n; i += 1) {
    parent[i] = i;
    size[i] = i < n ? 1 : 0;
  }
  const find = (x: number): number => {
    let root = x;
    while (parent[root]! !== root) root = parent[root]!;
    while (parent[x]! !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  return order.map((m, i) => {
    const a = find(leftSlot[m]!);
    const b = find(rightSlot[m]!);
    const id = n + i;
    parent[a] = id;
    parent[b] = id;
    size[id] = size[a]! + size[b]!;
    return { left: Math.min(a, b), right: Math.max(a, b), height: heights[m]!, size: size[id]! };
  });
}

/**
 * Ward by brute force: a full matrix of Ward costs |A||B|/(|A|+|B|)·‖cA − cB‖², the cheapest
 * pair merged each time (the first in row order on ties). Heights only: the caller compares
 * them, sorted, with the chain's.
 */
export function naiveWardHeights(rows: readonly (readonly number[])[]): number[] {
  const d = rows[0]?.length ?? 0;
  const centroids = rows.map((row) => [...row]);
  const sizes = rows.map(() => 1);
  const alive = rows.map(() => true);
  const heights: number[] = [];
  for (let step = 1; step < rows.length; step += 1) {
    let best = Number.POSITIVE_INFINITY;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < rows.length; i += 1) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < rows.length; j += 1) {
        if (!alive[j]) continue;
        let sum = 0;
        for (let t = 0; t < d; t += 1) sum += (centroids[i]![t]! - centroids[j]![t]!) ** 2;
        const cost = ((sizes[i]! * sizes[j]!) / (sizes[i]! + sizes[j]!)) * sum;
        if (cost < best) {
          best = cost;
          bi = i;
          bj = j;
        }
      }
    }
    heights.push(Math.sqrt(2 * best));
    const total = sizes[bi]! + sizes[bj]!;
    centroids[bi] = centroids[bi]!.map(
      (c, t) => (c * sizes[bi]! + centroids[bj]![t]! * sizes[bj]!) / total,
    );
    sizes[bi] = total;
    alive[bj] = false;
  }
  return heights.sort((a, b) => a - b);
}
