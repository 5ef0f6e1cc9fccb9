import { createHash, createHmac, type KeyObject } from 'node:crypto';
import { instant, type Instant } from '@eduset/core';
import type { Database } from './database.js';
import { linkSecretKey } from './link-tokens.js';

/**
 * A personal timetable link as stored (the token itself is never stored, only its SHA-256).
 *
 * @example
 * ```ts
 * import type { CourseLink } from '@eduset/adapters';
 * const student = (link: CourseLink) => link.studentId;
 * ```
 */
export interface CourseLink {
  readonly networkId: string;
  readonly studentId: string;
  /** The account of the staff member who issued it. */
  readonly issuedBy: string;
  readonly issuedAt: Instant;
  readonly expiresAt: Instant;
  readonly revokedAt?: Instant;
}

/**
 * What {@link CourseLinkStore.issue} needs.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { NewCourseLink } from '@eduset/adapters';
 * const input: NewCourseLink = {
 *   networkId: 'udomlya', studentId: 'st-001', issuedBy: 'acc-deputy-1',
 *   now: instant('2025-09-01T09:00:00Z'), validForMs: 365 * 24 * 3600 * 1000,
 * };
 * ```
 */
export interface NewCourseLink {
  readonly networkId: string;
  readonly studentId: string;
  readonly issuedBy: string;
  readonly now: Instant;
  /** How long the link works, in milliseconds. */
  readonly validForMs: number;
}

/**
 * A working link of a student as the school lists it again: the token (derived, never
 * stored) with the stored link.
 *
 * @example
 * ```ts
 * import type { ListedCourseLink } from '@eduset/adapters';
 * const url = (listed: ListedCourseLink) => `/courses/#token=${listed.token}`;
 * ```
 */
export interface ListedCourseLink {
  readonly token: string;
  readonly link: CourseLink;
}

/**
 * Personal timetable links (migrations 0010, 0033): a school issues a student an unguessable
 * token — HMAC-SHA-256 of the network, the student and the link's serial number under the
 * instance's link secret (256 bits, base64url, 43 characters) — and the database keeps its
 * SHA-256 only; the school can list its students' working links again.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const now = instant('2025-09-01T09:00:00Z');
 * const { token } = await storage.courseLinks.issue({
 *   networkId: 'udomlya', studentId: 'st-001', issuedBy: 'acc-1', now, validForMs: 86_400_000,
 * });
 * (await storage.courseLinks.resolve(token, now))?.studentId; // 'st-001'
 * ```
 */
export interface CourseLinkStore {
  /**
   * Issues a new link for a student and revokes the student's earlier links in the same
   * transaction (a link that was lost or shared stops working once the school issues a new
   * one). Answers the token — shown once, never stored — and the stored link.
   */
  issue(input: NewCourseLink): Promise<{ readonly token: string; readonly link: CourseLink }>;
  /** The link a token names, if it exists, has not expired and was not revoked at `now`. */
  resolve(token: string, now: Instant): Promise<CourseLink | undefined>;
  /** Revokes every working link of a student; answers how many. */
  revokeStudent(networkId: string, studentId: string, now: Instant): Promise<number>;
  /**
   * The working links (not expired, not revoked at `now`) of the students given, with their
   * tokens derived again — for the school that hands them out. Links issued before tokens
   * were derived (no serial) are not listed: the school issues a new one.
   */
  list(networkId: string, studentIds: readonly string[], now: Instant): Promise<ListedCourseLink[]>;
}

/**
 * Whether a string has the shape of a link token (43 base64url characters).
 *
 * @example
 * ```ts
 * import { isCourseLinkToken } from '@eduset/adapters';
 * isCourseLinkToken('not a token'); // false
 * ```
 */
export function isCourseLinkToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

function sha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of a student's link number `serial`: 256 bits of HMAC-SHA-256, base64url. */
function derive(key: KeyObject, networkId: string, studentId: string, serial: number): string {
  return createHmac('sha256', key)
    .update(`course-timetable:${networkId}:${studentId}:${serial}`, 'utf8')
    .digest()
    .toString('base64url');
}

interface LinkRow extends Record<string, unknown> {
  network_id: string;
  student_id: string;
  issued_by: string;
  issued_at: Date | string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
}

function linkOf(row: LinkRow): CourseLink {
  return {
    networkId: row.network_id,
    studentId: row.student_id,
    issuedBy: row.issued_by,
    issuedAt: instant(row.issued_at),
    expiresAt: instant(row.expires_at),
    ...(row.revoked_at === null ? {} : { revokedAt: instant(row.revoked_at) }),
  };
}

const revokeSql = `UPDATE course_timetable_links SET revoked_at = $3
  WHERE network_id = $1 AND student_id = $2 AND revoked_at IS NULL AND expires_at > $3
  RETURNING token_sha256`;

/** The personal timetable links over a database. */
export function courseLinkStore(database: Database): CourseLinkStore {
  const key = linkSecretKey(database);
  return {
    async issue(input) {
      if (!Number.isSafeInteger(input.validForMs) || input.validForMs < 1) {
        throw new RangeError(`a link valid for ${input.validForMs} ms`);
      }
      const secret = await key();
      const expiresAt = instant(new Date(Date.parse(input.now) + input.validForMs));
      const issued = await database.transaction(async (session) => {
        // One issue of a student's link at a time: the serial numbers never collide.
        await session.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `course-link:${input.networkId}:${input.studentId}`,
        ]);
        await session.query(revokeSql, [input.networkId, input.studentId, input.now]);
        const [last] = await session.query<{ serial: number | null }>(
          `SELECT max(serial) AS serial FROM course_timetable_links
            WHERE network_id = $1 AND student_id = $2`,
          [input.networkId, input.studentId],
        );
        const serial = Number(last?.serial ?? 0) + 1;
        const token = derive(secret, input.networkId, input.studentId, serial);
        const [inserted] = await session.query<LinkRow>(
          `INSERT INTO course_timetable_links
             (token_sha256, network_id, student_id, issued_by, issued_at, expires_at, serial)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           RETURNING network_id, student_id, issued_by, issued_at, expires_at, revoked_at`,
          [
            sha256(token),
            input.networkId,
            input.studentId,
            input.issuedBy,
            input.now,
            expiresAt,
            serial,
          ],
        );
        return inserted === undefined ? undefined : { token, row: inserted };
      });
      if (issued === undefined) throw new Error('the link was not stored');
      return { token: issued.token, link: linkOf(issued.row) };
    },
    async list(networkId, studentIds, now) {
      if (studentIds.length === 0) return [];
      const secret = await key();
      const rows = await database.query<LinkRow & { serial: number; token_sha256: string }>(
        `SELECT network_id, student_id, issued_by, issued_at, expires_at, revoked_at, serial,
                token_sha256
           FROM course_timetable_links
          WHERE network_id = $1 AND serial IS NOT NULL
            AND student_id IN (SELECT jsonb_array_elements_text($2::jsonb))
            AND revoked_at IS NULL AND expires_at > $3
          ORDER BY student_id, serial`,
        [networkId, JSON.stringify(studentIds), now],
      );
      return rows.flatMap((row) => {
        const token = derive(secret, row.network_id, row.student_id, Number(row.serial));
        // A secret replaced since: the stored hash no longer matches, the link is dead.
        return sha256(token) === row.token_sha256 ? [{ token, link: linkOf(row) }] : [];
      });
    },
    async resolve(token, now) {
      if (!isCourseLinkToken(token)) return undefined;
      const [row] = await database.query<LinkRow>(
        `SELECT network_id, student_id, issued_by, issued_at, expires_at, revoked_at
           FROM course_timetable_links
          WHERE token_sha256 = $1 AND revoked_at IS NULL AND expires_at > $2`,
        [sha256(token), now],
      );
      return row === undefined ? undefined : linkOf(row);
    },
    async revokeStudent(networkId, studentId, now) {
      const rows = await database.query(revokeSql, [networkId, studentId, now]);
      return rows.length;
    },
  };
}
