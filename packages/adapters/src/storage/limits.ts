import { instant, type Instant } from '@eduset/core';
import type { Database } from './database.js';

/**
 * The answer to one hit on a counter: how many hits the bucket has in its current window
 * (this one included) and when that window ends.
 *
 * @example
 * ```ts
 * import type { AttemptCount } from '@eduset/adapters';
 * const count: AttemptCount = { hits: 3, windowEnd: '2026-12-06T16:01:00.000Z' as never };
 * ```
 */
export interface AttemptCount {
  readonly hits: number;
  readonly windowEnd: Instant;
}

/**
 * Counters of attempts kept by the database (migration 0008), shared by every server
 * process over one PostgreSQL: rate limits per client address, sign-in throttling, wrong
 * certificate checks. Each bucket counts hits in a fixed window that starts at its first
 * hit; concurrent hits are each counted once.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const { hits } = await storage.limits.hit('login:address:203.0.113.7', 60_000, instant(new Date()));
 * ```
 */
export interface AttemptLimits {
  /** Counts one hit on `bucket` at `now` in a window of `windowMs` milliseconds. */
  hit(bucket: string, windowMs: number, now: Instant): Promise<AttemptCount>;
  /** The hits of `bucket` in its window at `now` without adding one (0 when none). */
  peek(bucket: string, now: Instant): Promise<AttemptCount>;
  /** Forgets a bucket, e.g. an account's failed sign-ins after a successful one. */
  reset(bucket: string): Promise<void>;
  /** Deletes the buckets whose window ended before `now`; returns how many. */
  prune(now: Instant): Promise<number>;
  /**
   * Takes back one hit of `bucket` in its window at `now` (never below 0): an attempt counted
   * before it was judged (so concurrent attempts cannot slip past the limit) that turned out
   * to be right, e.g. a certificate checked with the right birth date.
   */
  release(bucket: string, now: Instant): Promise<void>;
}

interface CountRow extends Record<string, unknown> {
  hits: number;
  window_end: Date | string;
}

/** The counters over a database. */
export function attemptLimits(database: Database): AttemptLimits {
  return {
    async hit(bucket, windowMs, now) {
      if (!Number.isSafeInteger(windowMs) || windowMs < 1 || windowMs > 2 ** 31 - 1) {
        throw new RangeError(`window of ${windowMs} ms`);
      }
      const [row] = await database.query<CountRow>(
        'SELECT hits, window_end FROM eduset_hit($1, $2, $3)',
        [bucket, windowMs, now],
        { prepared: 'eduset_hit' },
      );
      if (row === undefined) throw new Error('eduset_hit returned no row');
      return { hits: Number(row.hits), windowEnd: instant(row.window_end) };
    },
    async peek(bucket, now) {
      const [row] = await database.query<CountRow>(
        'SELECT hits, window_end FROM attempt_counters WHERE bucket = $1 AND window_end > $2',
        [bucket, now],
      );
      return row === undefined
        ? { hits: 0, windowEnd: now }
        : { hits: Number(row.hits), windowEnd: instant(row.window_end) };
    },
    async reset(bucket) {
      await database.query('DELETE FROM attempt_counters WHERE bucket = $1', [bucket]);
    },
    async prune(now) {
      const rows = await database.query(
        'DELETE FROM attempt_counters WHERE window_end <= $1 RETURNING bucket',
        [now],
      );
      return rows.length;
    },
    async release(bucket, now) {
      await database.query(
        'UPDATE attempt_counters SET hits = hits - 1 WHERE bucket = $1 AND window_end > $2 AND hits > 0',
        [bucket, now],
      );
    },
  };
}
