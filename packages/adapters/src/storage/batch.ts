/**
 * Gathers the calls that arrive together (in the same turn of the event loop) and runs them
 * as one: `run` receives the items in arrival order and answers one result per item.
 *
 * Why: every statement costs a round trip to PostgreSQL and every transaction a commit, and
 * with PGlite every query passes through one single-threaded engine; a hundred parents
 * booking at once cost a hundred of each. Sent together, they cost one. Nothing waits on a
 * timer: a batch leaves as soon as the current turn ends, so a lone call is not delayed.
 * A failure of `run` itself fails every call of its batch.
 *
 * @example
 * ```ts
 * const double = batched<number, number>(async (items) => items.map((n) => n * 2));
 * await Promise.all([double(1), double(2)]); // [2, 4], in one call of `run`
 * ```
 */
export function batched<Item, Result>(
  run: (items: readonly Item[]) => Promise<readonly Result[]>,
  maxItems = 64,
): (item: Item) => Promise<Result> {
  interface Waiting {
    readonly item: Item;
    readonly resolve: (result: Result) => void;
    readonly reject: (error: unknown) => void;
  }
  let queue: Waiting[] = [];

  async function runBatch(batch: readonly Waiting[]): Promise<void> {
    try {
      const results = await run(batch.map((waiting) => waiting.item));
      batch.forEach((waiting, index) => {
        if (index < results.length) waiting.resolve(results[index] as Result);
        else waiting.reject(new Error('batch answered fewer results than items'));
      });
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }

  /** Sends what arrived in this turn, in batches of at most `maxItems` (side by side). */
  function flush(): void {
    const arrived = queue;
    queue = [];
    for (let from = 0; from < arrived.length; from += maxItems) {
      void runBatch(arrived.slice(from, from + maxItems));
    }
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (queue.length === 1) setImmediate(flush);
    });
}

/**
 * Like {@link batched}, but with at most one batch running per lane: `laneOf` puts each call
 * in one of `lanes` lanes, and the calls that arrive while their lane's batch runs wait and
 * go together in its next batch (at most `maxItems`). A lane's batches run one after another;
 * different lanes run side by side.
 *
 * Why: under load the calls pile up while a batch runs, so each statement carries as many as
 * have come (the per-statement work of the database is paid once for all of them), while a
 * lone call still leaves at once. And two batches of one lane never run at the same time, so
 * calls that would wait for each other in the database (the same specialist's locks) are put
 * in one lane and never hold up a whole batch of other calls.
 *
 * @example
 * ```ts
 * const double = lanes<number, number>(async (items) => items.map((n) => n * 2), {
 *   lanes: 2,
 *   laneOf: (n) => n % 2,
 *   maxItems: 32,
 * });
 * await Promise.all([double(1), double(2), double(3)]); // [2, 4, 6]: odd and even side by side
 * ```
 */
export function lanes<Item, Result>(
  run: (items: readonly Item[]) => Promise<readonly Result[]>,
  options: {
    readonly lanes: number;
    readonly laneOf: (item: Item) => number;
    readonly maxItems: number;
  },
): (item: Item) => Promise<Result> {
  interface Waiting {
    readonly item: Item;
    readonly resolve: (result: Result) => void;
    readonly reject: (error: unknown) => void;
  }
  interface Lane {
    queue: Waiting[];
    /** A batch of this lane runs, or is about to start in this turn's end. */
    busy: boolean;
  }
  const all: Lane[] = Array.from({ length: Math.max(1, options.lanes) }, () => ({
    queue: [],
    busy: false,
  }));

  /** Runs the lane's next batch, then the one after it, while calls wait. */
  function start(lane: Lane): void {
    const batch = lane.queue.splice(0, options.maxItems);
    if (batch.length === 0) {
      lane.busy = false;
      return;
    }
    run(batch.map((waiting) => waiting.item)).then(
      (results) => {
        batch.forEach((waiting, index) => {
          if (index < results.length) waiting.resolve(results[index] as Result);
          else waiting.reject(new Error('batch answered fewer results than items'));
        });
        // The calls that came meanwhile, and those their answers bring in this turn.
        setImmediate(start, lane);
      },
      (error: unknown) => {
        for (const waiting of batch) waiting.reject(error);
        setImmediate(start, lane);
      },
    );
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      const index = Math.abs(Math.trunc(options.laneOf(item))) % all.length;
      const lane = all[index] as Lane;
      lane.queue.push({ item, resolve, reject });
      if (!lane.busy) {
        lane.busy = true;
        // The calls of this turn go together.
        setImmediate(start, lane);
      }
    });
}

/**
 * A lane key for {@link lanes} from texts: a 31-multiplier string hash (stable across
 * processes), the same texts always giving the same lane.
 *
 * @example
 * ```ts
 * laneKey('network', 'specialist') === laneKey('network', 'specialist'); // true
 * ```
 */
export function laneKey(...texts: readonly string[]): number {
  let hash = 0;
  for (const text of texts) {
    for (let index = 0; index < text.length; index += 1) {
      hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0;
    }
  }
  return hash >>> 0;
}
