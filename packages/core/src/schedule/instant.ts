import { hasSaneYear, saneYearText } from '../common/wire.js';
import { z } from '../common/zod-mini.js';

/** An instant as requests write it: UTC, seconds, optional milliseconds, field ranges checked. */
const INSTANT =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{3})?Z$/;

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether a text is an instant of a real calendar day (`2027-02-30T…` is not). */
function isRealInstant(value: string): boolean {
  const match = INSTANT.exec(value);
  return match !== null && Number(match[3]) <= daysInMonth(Number(match[1]), Number(match[2]));
}

/**
 * Schema of an instant: a moment in time written in UTC, `2026-03-23T07:00:00.000Z`.
 * Schedules are computed in a site's zone and stored as instants. A day that does not exist
 * (`2027-02-30T08:00:00Z`, which `Date` would silently read as 2 March) is refused, and so
 * is a year outside 1900–2200 (`saneYears`).
 *
 * @example
 * ```ts
 * import { instantSchema } from '@eduset/core/schedule';
 * instantSchema.parse('2026-03-23T07:00:00.000Z');
 * instantSchema.safeParse('2027-02-30T08:00:00.000Z').success; // false
 * ```
 */
export const instantSchema = z
  .pipe(
    z.string().check(
      z.refine(isRealInstant, {
        params: {
          text: {
            ru: 'Ожидается момент времени в UTC, например 2026-03-23T07:00:00.000Z',
            en: 'Expected a UTC instant such as 2026-03-23T07:00:00.000Z',
          },
        },
      }),
      z.refine((value) => !isRealInstant(value) || hasSaneYear(value), {
        params: { text: saneYearText },
      }),
    ),
    z.transform((value: string) => new Date(value).toISOString()),
  )
  .brand<'Instant'>();

/**
 * An instant in UTC, normalized to `YYYY-MM-DDTHH:mm:ss.sssZ` (so strings compare in time order).
 *
 * @example
 * ```ts
 * import { instant, type Instant } from '@eduset/core/schedule';
 * const start: Instant = instant('2026-03-23T07:00:00Z');
 * ```
 */
export type Instant = z.infer<typeof instantSchema>;

/** The canonical text of an instant, as `instantSchema` outputs it (field ranges checked). */
const CANONICAL_INSTANT =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * Whether a value is an instant exactly as {@link instantSchema} outputs it
 * (`YYYY-MM-DDTHH:mm:ss.sssZ`, a real date, a year within 1900–2200): such a value needs no parsing, so code that
 * reads many instants (busy time, bookings) can check them cheaply and leave everything
 * else to the schema, which normalizes it or reports the problem.
 *
 * @example
 * ```ts
 * import { isCanonicalInstant } from '@eduset/core/schedule';
 * isCanonicalInstant('2026-03-23T07:00:00.000Z'); // true
 * isCanonicalInstant('2026-03-23T07:00:00Z'); // false: the schema would add the milliseconds
 * ```
 */
export function isCanonicalInstant(value: unknown): value is Instant {
  if (typeof value !== 'string') return false;
  const match = CANONICAL_INSTANT.exec(value);
  return (
    match !== null &&
    Number(match[3]) <= daysInMonth(Number(match[1]), Number(match[2])) &&
    hasSaneYear(value)
  );
}

/**
 * Makes an {@link Instant} from a `Date` or an ISO string with a zone designator.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core/schedule';
 * instant(new Date(Date.UTC(2026, 2, 23, 7))); // '2026-03-23T07:00:00.000Z'
 * ```
 */
export function instant(value: Date | string): Instant {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(
      `Неверный момент времени «${String(value)}» / Invalid instant "${String(value)}"`,
    );
  }
  return date.toISOString() as Instant;
}

/**
 * A half-open interval of time `[start, end)`: it contains `start` and not `end`, so two
 * back-to-back consultations 09:00–10:00 and 10:00–11:00 do not overlap.
 *
 * @example
 * ```ts
 * import { instant, type Interval } from '@eduset/core/schedule';
 * const hour: Interval = { start: instant('2026-03-23T07:00:00Z'), end: instant('2026-03-23T08:00:00Z') };
 * ```
 */
export interface Interval {
  readonly start: Instant;
  readonly end: Instant;
}

/**
 * Whether two half-open intervals share a moment.
 *
 * @example
 * ```ts
 * import { instant, overlaps } from '@eduset/core/schedule';
 * const a = { start: instant('2026-03-23T07:00:00Z'), end: instant('2026-03-23T08:00:00Z') };
 * const b = { start: instant('2026-03-23T08:00:00Z'), end: instant('2026-03-23T09:00:00Z') };
 * overlaps(a, b); // false: they only touch
 * ```
 */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Time a specialist is taken at a site (a booking with an active status, a meeting), as
 * slot generation sees it. `seats` counts the places it takes in a group session.
 *
 * @example
 * ```ts
 * import { instant, type BusyInterval } from '@eduset/core/schedule';
 * const busy: BusyInterval = {
 *   specialistId: 'psy-1', siteId: 'kp-teremok',
 *   start: instant('2026-03-23T07:00:00Z'), end: instant('2026-03-23T07:45:00Z'), seats: 1,
 * };
 * ```
 */
export interface BusyInterval extends Interval {
  readonly specialistId: string;
  readonly siteId: string;
  /** The service of the session, when known: a group session is joined only for the same service. */
  readonly serviceId?: string;
  /** Places taken (1 for an individual consultation). */
  readonly seats: number;
}
