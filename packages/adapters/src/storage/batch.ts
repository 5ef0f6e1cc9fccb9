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
