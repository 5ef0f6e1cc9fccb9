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
 * memory O(n·d) (the rows, one centroid per cluster, a k-d tree of them and a chain — never an
 * n × n distance matrix), time O(n²·d) at worst. Each nearest-neighbour scan walks the tree and
 * skips subtrees that cannot hold a better neighbour; what it finds is judged in the order of a
 * plain scan, so ties are broken as before (the first cluster by position wins). The merge heights are Ward's distances
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
  // Positions (0 … active − 1) fix the order of the scan, hence how ties are broken: the chain
  // starts at position 0 and, of equal costs, the first position wins. Removal moves the last
  // cluster into the freed position. The data itself is kept by cluster id (the id of a merged
  // cluster is that of the one at the lower position) and never moves.
  const centroids = Float64Array.from(matrix.values);
  const sizes = new Float64Array(n).fill(1);
  // 1/size per id: the Ward factor |A||B|/(|A|+|B|) is 1/(1/|A| + 1/|B|), no division in the scan.
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
  const blocks = new WardBlocks(centroids, inverse, d, n);
  blocks.build(idAt, activeCount);
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
      // Start from the previous chain element so that ties keep the chain from cycling.
      let best = previous;
      let bestCost = Number.POSITIVE_INFINITY;
      if (previous >= 0) {
        const sx = sizes[x]!;
        const sy = sizes[previous]!;
        const xo = x * d;
        const yo = previous * d;
        let sum = 0;
        for (let t = 0; t < d; t += 1) {
          const diff = centroids[xo + t]! - centroids[yo + t]!;
          sum += diff * diff;
        }
        bestCost = ((sx * sy) / (sx + sy)) * sum;
      }
      // The tree scan finds every cluster that could win, in any order; judged here in
      // position order with the comparisons of a plain scan, they give its winner.
      // A cost of 0 to the previous element (a duplicate) cannot be beaten: nothing to scan.
      const count = bestCost === 0 ? 0 : blocks.candidates(x, previous, bestCost, positionOf);
      const { found, sumAt } = blocks;
      const ix = inverse[x]!;
      for (let c = 0; c < count; c += 1) {
        const position = found[c]!;
        const y = idAt[position]!;
        const sum = sumAt[position]!;
        if (sum < bestCost * (ix + inverse[y]!)) {
          bestCost = sum / (ix + inverse[y]!);
          best = y;
        }
      }
      if (best === previous) {
        chainLength -= 2;
        // Merge x and previous into the position of the first; the last cluster fills the other.
        leftSlot[mergeCount] = x;
        rightSlot[mergeCount] = previous;
        heights[mergeCount] = Math.sqrt(2 * bestCost);
        mergeCount += 1;
        const px = positionOf[x]!;
        const pPrevious = positionOf[previous]!;
        const keep = Math.min(px, pPrevious);
        const drop = Math.max(px, pPrevious);
        const keepId = idAt[keep]!;
        const dropId = idAt[drop]!;
        const sk = sizes[keepId]!;
        const sd = sizes[dropId]!;
        const total = sk + sd;
        const ko = keepId * d;
        const dO = dropId * d;
        for (let t = 0; t < d; t += 1) {
          centroids[ko + t] = (centroids[ko + t]! * sk + centroids[dO + t]! * sd) / total;
        }
        sizes[keepId] = total;
        inverse[keepId] = 1 / total;
        blocks.moved(keepId);
        blocks.removed(dropId);
        const last = activeCount - 1;
        if (drop !== last) {
          idAt[drop] = idAt[last]!;
          positionOf[idAt[drop]!] = drop;
        }
        activeCount -= 1;
        blocks.maybeRebuild(idAt, activeCount);
        break;
      }
      chain[chainLength++] = best;
    }
  }
  return { rows: n, merges: labelMerges(n, leftSlot, rightSlot, heights, mergeCount) };
}

/** Clusters a leaf of the tree holds: small enough to skip often, large enough that its box is cheap. */
const BLOCK = 128;
/**
 * How much looser than the running best a candidate may be and still be reported (relative).
 * The block scan meets clusters out of position order, so it cannot know the running best a
 * plain scan would have at each one; but a plain scan's running best is never below the
 * lowest cost there is (up to rounding, a few units in the last place), so whatever costs more
 * than the lowest found by far more than rounding can never win nor change what wins.
 */
const SLACK = 1 + 1e-9;

/**
 * The active clusters in a k-d tree of their centroids (halve along the widest feature,
 * recursively, down to blocks of {@link BLOCK}), each node with a bounding box and the largest
 * 1/size below it: a scan skips a whole subtree when even the closest point of its box costs
 * more than the best found so far. Rebuilt as clusters merge; between rebuilds a box only
 * grows (a merged centroid is added to its leaf's box and up, a removed cluster stays in it),
 * so it always holds its clusters. The centroids are copied in tree order, so a leaf's
 * clusters are read in memory order. O(n·d) memory.
 *
 * Measured at 40 000 × 12 (issue 16 §6): a plain scan over all positions, whose first four
 * features already rule out ~89 % of pairs, did ~1.5 n² pair tests; here subtrees far from the
 * chain top are skipped at once.
 */
class WardBlocks {
  /** Cluster id at each slot (tree order); `slotOf` the other way. */
  private readonly order: Int32Array;
  private readonly slotOf: Int32Array;
  /** Centroids, 1/size and liveness by slot. */
  private readonly data: Float64Array;
  private readonly slotInverse: Float64Array;
  private readonly alive: Uint8Array;
  /** Node i covers slots [start, end); a leaf has no children (−1). */
  private readonly nodeStart: Int32Array;
  private readonly nodeEnd: Int32Array;
  private readonly nodeLeft: Int32Array;
  private readonly nodeRight: Int32Array;
  private readonly nodeParent: Int32Array;
  /** The leaf holding slots [k·BLOCK, (k + 1)·BLOCK). */
  private readonly leafOf: Int32Array;
  private readonly low: Float64Array;
  private readonly high: Float64Array;
  private readonly maxInverse: Float64Array;
  private readonly stack: Int32Array;
  private builtFor = 0;
  /** Positions of the last scan's candidates, ascending; `sumAt[position]` their sums. */
  readonly found: Float64Array;
  readonly sumAt: Float64Array;

  constructor(
    private readonly centroids: Float64Array,
    private readonly inverse: Float64Array,
    private readonly d: number,
    n: number,
  ) {
    this.order = new Int32Array(n);
    this.slotOf = new Int32Array(n);
    this.data = new Float64Array(n * d);
    this.slotInverse = new Float64Array(n);
    this.alive = new Uint8Array(n);
    const leaves = Math.ceil(n / BLOCK);
    const nodes = 2 * leaves;
    this.nodeStart = new Int32Array(nodes);
    this.nodeEnd = new Int32Array(nodes);
    this.nodeLeft = new Int32Array(nodes);
    this.nodeRight = new Int32Array(nodes);
    this.nodeParent = new Int32Array(nodes);
    this.leafOf = new Int32Array(leaves);
    this.low = new Float64Array(nodes * d);
    this.high = new Float64Array(nodes * d);
    this.maxInverse = new Float64Array(nodes);
    this.stack = new Int32Array(nodes + 1);
    this.found = new Float64Array(n);
    this.sumAt = new Float64Array(n);
  }

  /** Builds the tree over the `active` clusters of `idAt`. */
  build(idAt: Int32Array, active: number): void {
    const { order, centroids, d, nodeStart, nodeEnd, nodeLeft, nodeRight, nodeParent } = this;
    order.set(idAt.subarray(0, active));
    this.builtFor = active;
    let nodeCount = 1;
    nodeStart[0] = 0;
    nodeEnd[0] = active;
    nodeParent[0] = -1;
    const work: number[] = [0];
    while (work.length > 0) {
      const node = work.pop()!;
      const start = nodeStart[node]!;
      const end = nodeEnd[node]!;
      if (end - start <= BLOCK) {
        nodeLeft[node] = -1;
        nodeRight[node] = -1;
        this.leafOf[Math.floor(start / BLOCK)] = node;
        continue;
      }
      let widest = 0;
      let spread = -1;
      for (let t = 0; t < d; t += 1) {
        let lo = Number.POSITIVE_INFINITY;
        let hi = Number.NEGATIVE_INFINITY;
        for (let k = start; k < end; k += 1) {
          const v = centroids[order[k]! * d + t]!;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
        if (hi - lo > spread) {
          spread = hi - lo;
          widest = t;
        }
      }
      order
        .subarray(start, end)
        .sort((a, b) => centroids[a * d + widest]! - centroids[b * d + widest]!);
      // Split at a multiple of BLOCK, so every leaf but the last holds exactly BLOCK slots.
      const middle = start + Math.ceil((end - start) / (2 * BLOCK)) * BLOCK;
      const left = nodeCount++;
      const right = nodeCount++;
      nodeStart[left] = start;
      nodeEnd[left] = middle;
      nodeStart[right] = middle;
      nodeEnd[right] = end;
      nodeParent[left] = node;
      nodeParent[right] = node;
      nodeLeft[node] = left;
      nodeRight[node] = right;
      work.push(right, left);
    }
    this.low.fill(Number.POSITIVE_INFINITY, 0, nodeCount * d);
    this.high.fill(Number.NEGATIVE_INFINITY, 0, nodeCount * d);
    this.maxInverse.fill(0, 0, nodeCount);
    this.alive.fill(0);
    for (let k = 0; k < active; k += 1) {
      const id = order[k]!;
      this.slotOf[id] = k;
      this.alive[k] = 1;
      this.moved(id);
    }
  }

  /** Rebuilds once a quarter of the clusters since the last build have merged away. */
  maybeRebuild(idAt: Int32Array, active: number): void {
    if (active >= 2 * BLOCK && active * 4 < this.builtFor * 3) this.build(idAt, active);
  }

  /** Cluster `id` has a new centroid or size: its leaf's box and those above take it in. */
  moved(id: number): void {
    const { centroids, data, d, low, high, maxInverse } = this;
    const slot = this.slotOf[id]!;
    const io = id * d;
    const so = slot * d;
    for (let t = 0; t < d; t += 1) data[so + t] = centroids[io + t]!;
    const inverse = this.inverse[id]!;
    this.slotInverse[slot] = inverse;
    for (let node = this.leafOf[Math.floor(slot / BLOCK)]!; node >= 0;) {
      const bo = node * d;
      let changed = false;
      for (let t = 0; t < d; t += 1) {
        const v = data[so + t]!;
        if (v < low[bo + t]!) {
          low[bo + t] = v;
          changed = true;
        }
        if (v > high[bo + t]!) {
          high[bo + t] = v;
          changed = true;
        }
      }
      if (inverse > maxInverse[node]!) {
        maxInverse[node] = inverse;
        changed = true;
      }
      // A box that did not grow is held by its parent's already.
      if (!changed) break;
      node = this.nodeParent[node]!;
    }
  }

  /** Cluster `id` has merged away. */
  removed(id: number): void {
    this.alive[this.slotOf[id]!] = 0;
  }

  /**
   * Every active cluster other than `x` and `previous` whose squared distance to `x`, `sum`,
   * is at most `best · (1/|x| + 1/|y|) · SLACK` (at most: with a best of 0, every duplicate), `best` being the lowest cost met so far
   * (starting at `bestCost`): their positions into `found`, ascending, their sums into
   * `sumAt` by position.
   * Sums are added up four features at a time, then one by one (as the plain scan did), so
   * they are the same, bit for bit, whatever the order of the scan. Returns their number.
   */
  candidates(x: number, previous: number, bestCost: number, positionOf: Int32Array): number {
    const { data, d, alive, low, high, maxInverse, found, sumAt, stack, nodeLeft, nodeRight } =
      this;
    const inverse = this.slotInverse;
    const xs = this.slotOf[x]!;
    const ps = previous >= 0 ? this.slotOf[previous]! : -1;
    const xo = xs * d;
    const ix = inverse[xs]!;
    const wide = d >= 4;
    const x0 = wide ? data[xo]! : 0;
    const x1 = wide ? data[xo + 1]! : 0;
    const x2 = wide ? data[xo + 2]! : 0;
    const x3 = wide ? data[xo + 3]! : 0;
    let best = bestCost;
    let count = 0;
    let zeroAt = -1;
    const home = this.leafOf[Math.floor(xs / BLOCK)]!;
    // x's own leaf first (its neighbours make the bound tight early), then the tree.
    stack[0] = 0;
    stack[1] = home;
    let top = 2;
    let homeDone = false;
    while (top > 0) {
      const node = stack[--top]!;
      if (node === home) {
        if (homeDone) continue;
        homeDone = true;
      }
      if (best < Number.POSITIVE_INFINITY) {
        // The box's closest point: no cluster below the node is nearer than it.
        const limit = best * (ix + maxInverse[node]!) * SLACK;
        const bo = node * d;
        let gap = 0;
        for (let t = 0; t < d; t += 1) {
          const v = data[xo + t]!;
          const below = low[bo + t]! - v;
          const above = v - high[bo + t]!;
          const g = below > above ? below : above;
          if (g > 0) gap += g * g;
        }
        // The box bound has other roundings than the sums: compare with a margin.
        if (gap * (1 - 1e-12) > limit) continue;
      }
      const left = nodeLeft[node]!;
      if (left >= 0) {
        stack[top++] = nodeRight[node]!;
        stack[top++] = left;
        continue;
      }
      const to = this.nodeEnd[node]!;
      for (let k = this.nodeStart[node]!; k < to; k += 1) {
        if (alive[k] === 0 || k === xs || k === ps) continue;
        const q = ix + inverse[k]!;
        const limit = best * q * SLACK;
        const yo = k * d;
        // The first four features from locals, then four at a time (0 + s is s: the same sum).
        let sum = 0;
        let t = 0;
        if (wide) {
          const a = x0 - data[yo]!;
          const b = x1 - data[yo + 1]!;
          const c = x2 - data[yo + 2]!;
          const e = x3 - data[yo + 3]!;
          sum = a * a + b * b + c * c + e * e;
          if (sum > limit) continue;
          t = 4;
        }
        for (; t + 4 <= d; t += 4) {
          const a = data[xo + t]! - data[yo + t]!;
          const b = data[xo + t + 1]! - data[yo + t + 1]!;
          const c = data[xo + t + 2]! - data[yo + t + 2]!;
          const e = data[xo + t + 3]! - data[yo + t + 3]!;
          sum += a * a + b * b + c * c + e * e;
          if (sum > limit) break;
        }
        if (sum > limit) continue;
        for (; t < d; t += 1) {
          const diff = data[xo + t]! - data[yo + t]!;
          sum += diff * diff;
        }
        if (sum <= limit) {
          const position = positionOf[this.order[k]!]!;
          if (sum === 0 && zeroAt >= 0) {
            // A plain scan takes the first duplicate of x and no other: keep the first only
            // (many duplicates would otherwise all be candidates of every scan).
            if (position < found[zeroAt]!) {
              found[zeroAt] = position;
              sumAt[position] = 0;
            }
            continue;
          }
          if (sum === 0) zeroAt = count;
          found[count] = position;
          sumAt[position] = sum;
          count += 1;
          const cost = sum / q;
          if (cost < best) best = cost;
        }
      }
    }
    // Usually a handful; all of them when the data has many duplicates (a best of 0).
    found.subarray(0, count).sort();
    return count;
  }
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
