/* eslint-disable @typescript-eslint/no-non-null-assertion -- numeric kernels: every typed-array index is bounded by its loop */
import { ValidationError } from '../common/errors.js';
import { asFeatureMatrix, type FeatureMatrix } from './matrix.js';

/**
 * One merge of a hierarchical clustering, in scipy's `linkage` shape: clusters `left` and
 * `right` (ids below n are rows; id `n + i` is the cluster made by merge `i`) joined at
 * `height`, making a cluster of `size` rows.
 *
 * @example
 * ```ts
 * import type { Merge } from '@eduset/core/schools';
 * const merge: Merge = { left: 0, right: 1, height: 1.5, size: 2 };
 * ```
 */
export interface Merge {
  readonly left: number;
  readonly right: number;
  readonly height: number;
  readonly size: number;
}

/**
 * A Ward dendrogram: `n − 1` merges in ascending height, as scipy's `linkage(X, 'ward')`.
 *
 * @example
 * ```ts
 * import type { Dendrogram } from '@eduset/core/schools';
 * declare const tree: Dendrogram;
 * tree.merges.at(-1)?.height; // the height of the last merge
 * ```
 */
export interface Dendrogram {
  readonly rows: number;
  readonly merges: readonly Merge[];
}

/**
 * Ward's hierarchical clustering by the nearest-neighbour-chain algorithm on centroids:
 * memory O(n·d) (the rows, one centroid per cluster and a chain — never an n × n distance
 * matrix), time O(n²·d). The merge heights are Ward's distances
 * `√(2·|A||B|/(|A|+|B|)) · ‖cA − cB‖`, the same as scipy's `ward` and R's `ward.D2`.
 *
 * The input is checked first, a ready {@link FeatureMatrix} too: NaN, infinite or huge
 * values, ragged storage or an empty matrix throw a `ValidationError` in Russian and English,
 * so every height is finite.
 *
 * @throws ValidationError on any bad input.
 * @example
 * ```ts
 * import { wardClustering } from '@eduset/core/schools';
 * const tree = wardClustering([[0], [1], [5]]);
 * tree.merges.map((m) => m.height); // [1, ≈ 5.196]
 * ```
 */
export function wardClustering(data: FeatureMatrix | readonly (readonly number[])[]): Dendrogram {
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
 * Cuts a dendrogram into flat clusters: into `k` clusters, or wherever merges are higher
 * than `height`. Labels are numbered in the order of each cluster's first row, so the same
 * tree always gives the same labels.
 *
 * @throws ValidationError when `k` is not a whole number from 1 to the number of rows (it is
 * not clamped), when `height` is NaN, or when the tree is not a dendrogram (see
 * {@link validateDendrogram}).
 *
 * @example
 * ```ts
 * import { wardClustering, cutDendrogram } from '@eduset/core/schools';
 * const tree = wardClustering([[0], [1], [5], [6]]);
 * Array.from(cutDendrogram(tree, { k: 2 })); // [0, 0, 1, 1]
 * Array.from(cutDendrogram(tree, { height: 0.5 })); // [0, 1, 2, 3]
 * ```
 */
export function cutDendrogram(
  tree: Dendrogram,
  cut: { readonly k: number } | { readonly height: number },
): Int32Array {
  validateDendrogram(tree);
  const n = tree.rows;
  let applied: number;
  if ('k' in cut) {
    const k: unknown = cut.k;
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > n) {
      throw new ValidationError([
        {
          path: ['k'],
          code: 'invalid_k',
          message: {
            ru: `Число кластеров должно быть целым от 1 до ${n}`,
            en: `k must be an integer from 1 to ${n}`,
          },
        },
      ]);
    }
    applied = n - k;
  } else {
    const height: unknown = (cut as { height?: unknown }).height;
    if (typeof height !== 'number' || Number.isNaN(height)) {
      throw new ValidationError([
        {
          path: ['height'],
          code: 'invalid_value',
          message: {
            ru: 'Высота разреза должна быть числом',
            en: 'The cut height must be a number',
          },
        },
      ]);
    }
    applied = tree.merges.filter((merge) => merge.height <= height).length;
  }
  const parent = new Int32Array(2 * n);
  for (let i = 0; i < 2 * n; i += 1) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x]! !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let i = 0; i < applied; i += 1) {
    const merge = tree.merges[i]!;
    parent[find(merge.left)] = n + i;
    parent[find(merge.right)] = n + i;
  }
  const labels = new Int32Array(n);
  const names = new Map<number, number>();
  for (let i = 0; i < n; i += 1) {
    const root = find(i);
    let label = names.get(root);
    if (label === undefined) {
      label = names.size;
      names.set(root, label);
    }
    labels[i] = label;
  }
  return labels;
}

/**
 * Checks that a tree is a dendrogram of `rows` rows: `rows − 1` merges with finite,
 * non-negative, non-decreasing heights, each joining two clusters that exist and are not yet
 * merged (ids below `rows` are rows, `rows + i` the cluster of merge `i`), with the sizes
 * that follow. Returns the tree.
 *
 * @throws ValidationError listing the problems, in Russian and English.
 * @example
 * ```ts
 * import { validateDendrogram } from '@eduset/core/schools';
 * validateDendrogram({ rows: 2, merges: [{ left: 0, right: 1, height: 1, size: 2 }] });
 * ```
 */
export function validateDendrogram(tree: Dendrogram): Dendrogram {
  const n: unknown = tree.rows;
  const issue = (path: (string | number)[], ru: string, en: string): never => {
    throw new ValidationError([{ path, code: 'invalid_tree', message: { ru, en } }]);
  };
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    return issue(
      ['rows'],
      'Число строк дерева должно быть целым положительным',
      'The number of rows must be a positive integer',
    );
  }
  if (!Array.isArray(tree.merges) || tree.merges.length !== n - 1) {
    return issue(['merges'], `Ожидается ${n - 1} слияний`, `Expected ${n - 1} merges`);
  }
  const size = new Float64Array(2 * n - 1);
  for (let i = 0; i < n; i += 1) size[i] = 1;
  const used = new Uint8Array(2 * n - 1);
  let previous = 0;
  tree.merges.forEach((merge, i) => {
    const { left, right, height } = merge;
    const exists = (id: unknown): id is number =>
      typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < n + i && used[id] === 0;
    if (!exists(left) || !exists(right) || left === right) {
      issue(
        ['merges', i],
        'Слияние ссылается на несуществующий или уже объединённый кластер',
        'A merge refers to a cluster that does not exist or is already merged',
      );
      return;
    }
    if (typeof height !== 'number' || !Number.isFinite(height) || height < previous) {
      issue(
        ['merges', i, 'height'],
        'Высоты слияний должны быть конечными, неотрицательными и неубывающими',
        'Merge heights must be finite, non-negative and non-decreasing',
      );
    }
    previous = height;
    used[left] = 1;
    used[right] = 1;
    size[n + i] = size[left]! + size[right]!;
    if (merge.size !== size[n + i]) {
      issue(
        ['merges', i, 'size'],
        `Размер кластера должен быть ${size[n + i]!}`,
        `The cluster size must be ${size[n + i]!}`,
      );
    }
  });
  return tree;
}
