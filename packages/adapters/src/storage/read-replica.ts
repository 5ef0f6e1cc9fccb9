import {
  certificateGroupSchema,
  certificateSchema,
  instant,
  NotFoundError,
  programmeSchema,
  type Instant,
  type Programme,
  type ProgrammeRegistry,
} from '@eduset/core';
import type { Database } from './database.js';
import {
  balanceOf,
  financingStore,
  type BalanceRow,
  type CertificateWithBalance,
  type FinancingStore,
} from './financing.js';
import type { AttemptCount } from './limits.js';

/**
 * Where a routed read was served: the streaming replica (`DATABASE_READ_URL`) or the primary.
 *
 * @example
 * ```ts
 * import type { ReadSource } from '@eduset/adapters';
 * const source: ReadSource = 'replica';
 * ```
 */
export type ReadSource = 'replica' | 'primary';

/**
 * A read's answer and where it came from.
 *
 * @example
 * ```ts
 * import type { RoutedRead } from '@eduset/adapters';
 * declare const read: RoutedRead<number>;
 * read.source; // 'replica' or 'primary'
 * ```
 */
export interface RoutedRead<T> {
  readonly value: T;
  readonly source: ReadSource;
}

/**
 * A position in the primary's write-ahead log, as PostgreSQL prints a `pg_lsn`
 * (`16/B374D848`): what a reader must have seen to see a write.
 *
 * @example
 * ```ts
 * import { isWalPosition } from '@eduset/adapters';
 * isWalPosition('0/3000060'); // true
 * isWalPosition('yesterday'); // false
 * ```
 */
export function isWalPosition(text: string): boolean {
  return /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i.test(text);
}

/**
 * The attempt limit a certificate check is counted under: the bucket (e.g.
 * `certificate:6800000001`), the window, the most hits allowed in it and the moment of the
 * check.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { CertificateAttempt } from '@eduset/adapters';
 * const attempt: CertificateAttempt = {
 *   bucket: 'certificate:6800000001', windowMs: 3_600_000, max: 5, now: instant(new Date()),
 * };
 * ```
 */
export interface CertificateAttempt {
  readonly bucket: string;
  readonly windowMs: number;
  readonly max: number;
  readonly now: Instant;
}

/**
 * What a counted certificate check found: the hits in the window after it (a right pair
 * takes its own back) and, for a right pair under the limit, the certificate with its balance.
 *
 * @example
 * ```ts
 * import type { CertificateCheck } from '@eduset/adapters';
 * declare const check: CertificateCheck;
 * check.found?.balance.available.toString();
 * ```
 */
export interface CertificateCheck {
  readonly count: AttemptCount;
  /** Absent for a wrong pair, and when the bucket is over the limit. */
  readonly found?: CertificateWithBalance;
}

/**
 * The financing reads that dominate the morning enrolment opens — the navigator's registry
 * and the balance checks — routed to a PostgreSQL streaming replica when one is configured
 * (`DATABASE_READ_URL`), with read-your-writes: a read given the primary's WAL position
 * after a write (`after`, from {@link FinancingReads.writePosition}) goes to the replica only
 * once the replica has replayed that far, and to the primary otherwise. A replica that cannot
 * answer (down, or a query cancelled by a conflict with recovery) is replaced by the primary
 * for that read. Without a replica every read goes to the primary.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const { value, source } = await storage.financingReads.listProgrammes();
 * source; // 'primary' (no replica over PGlite)
 * value.programmes.length;
 * await storage.close();
 * ```
 */
export interface FinancingReads {
  /** Whether a replica is configured (reads may be served by it). */
  readonly replicated: boolean;
  /**
   * One programme by id, from the primary (enrolment checks what it names first).
   *
   * @throws NotFoundError when there is no such programme.
   */
  programme(id: string): Promise<Programme>;
  /** The whole registry, as {@link FinancingStore.listProgrammes}: the navigator's read. */
  listProgrammes(after?: string): Promise<RoutedRead<ProgrammeRegistry>>;
  /** A certificate by number and birth date with its balance, as {@link FinancingStore.findCertificate}. */
  findCertificate(
    number: string,
    birthDate: string,
    after?: string,
  ): Promise<RoutedRead<CertificateWithBalance>>;
  /**
   * The certificate check of an application in one statement on the primary: one hit counted
   * on `attempt.bucket` first, the pair looked up only under `attempt.max`, and the hit taken
   * back when the pair is right — what `limits.hit`, `findCertificate` and `limits.release`
   * do in three.
   */
  checkCertificate(
    number: string,
    birthDate: string,
    attempt: CertificateAttempt,
  ): Promise<CertificateCheck>;
  /**
   * The primary's WAL insert position now (`pg_current_wal_insert_lsn()`): it lies after every
   * transaction committed before the call, so a read given it as `after` sees them. `undefined`
   * without a replica (nothing to wait for).
   */
  writePosition(): Promise<string | undefined>;
}

/** What `financing_check_certificate` (migration 0026) answers. */
interface CheckedRow {
  readonly hits: number;
  readonly window_end: string;
  readonly certificate?: unknown;
  readonly group?: unknown;
  readonly balance?: Partial<BalanceRow> | null;
}

/**
 * The routed financing reads over a primary and, optionally, its streaming replica (see
 * {@link FinancingReads}).
 *
 * @example
 * ```ts
 * import { financingReads } from './read-replica.js';
 * declare const primary: Parameters<typeof financingReads>[0];
 * const reads = financingReads(primary, undefined);
 * ```
 */
export function financingReads(
  primary: Database,
  replica: Database | undefined,
  primaryStore: FinancingStore = financingStore(primary),
): FinancingReads {
  const replicaStore = replica === undefined ? undefined : financingStore(replica);

  /** The replica when it may serve a read that must see `after`. */
  async function replicaFor(after: string | undefined): Promise<boolean> {
    if (replica === undefined) return false;
    if (after === undefined || !isWalPosition(after)) return true;
    const [row] = await replica.query<{ caught_up: boolean | null }>(
      // Not a standby (promoted, or the primary itself): it has every write there is.
      `SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() >= $1::pg_lsn
              ELSE true END AS caught_up`,
      [after],
      { prepared: 'eduset-replica-caught-up' },
    );
    return row?.caught_up === true;
  }

  async function routed<T>(
    after: string | undefined,
    read: (store: FinancingStore) => Promise<T>,
  ): Promise<RoutedRead<T>> {
    if (replicaStore !== undefined) {
      let useReplica = false;
      try {
        useReplica = await replicaFor(after);
        if (useReplica) return { value: await read(replicaStore), source: 'replica' };
      } catch (error) {
        // An answer of the data (not found) is the answer; only the replica's failure is not.
        if (useReplica && error instanceof NotFoundError) throw error;
      }
    }
    return { value: await read(primaryStore), source: 'primary' };
  }

  return {
    replicated: replica !== undefined,
    async programme(id) {
      const [row] = await primary.query<{ document: unknown }>(
        'SELECT document FROM financing_programmes WHERE id = $1',
        [id],
        { prepared: 'eduset-programme-by-id' },
      );
      if (!row) throw new NotFoundError('programme', id);
      return programmeSchema.parse(row.document);
    },
    listProgrammes(after) {
      return routed(after, (store) => store.listProgrammes());
    },
    findCertificate(number, birthDate, after) {
      return routed(after, (store) => store.findCertificate(number, birthDate));
    },
    async checkCertificate(number, birthDate, attempt) {
      if (
        !Number.isSafeInteger(attempt.windowMs) ||
        attempt.windowMs < 1 ||
        attempt.windowMs > 2 ** 31 - 1
      ) {
        throw new RangeError(`window of ${String(attempt.windowMs)} ms`);
      }
      const [row] = await primary.query<{ checked: CheckedRow }>(
        'SELECT financing_check_certificate($1, $2, $3, $4, $5, $6::date) AS checked',
        [attempt.bucket, attempt.windowMs, attempt.now, attempt.max, number, birthDate],
        { prepared: 'financing-check-certificate' },
      );
      if (row === undefined) throw new Error('financing_check_certificate returned no row');
      const checked = row.checked;
      const count = { hits: Number(checked.hits), windowEnd: instant(checked.window_end) };
      if (checked.certificate === undefined || checked.certificate === null) return { count };
      const certificate = certificateSchema.parse(checked.certificate);
      const group = certificateGroupSchema.parse(checked.group);
      return {
        count,
        found: {
          certificate,
          group,
          balance: balanceOf(checked.balance ?? {}, certificate.id, group.period.id),
        },
      };
    },
    async writePosition() {
      if (replica === undefined) return undefined;
      const [row] = await primary.query<{ lsn: string }>(
        'SELECT pg_current_wal_insert_lsn()::text AS lsn',
        [],
        { prepared: 'eduset-write-position' },
      );
      return row?.lsn;
    },
  };
}
