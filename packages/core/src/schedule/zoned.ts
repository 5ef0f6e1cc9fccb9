import { TZDate, tzOffset } from '@date-fns/tz';
import type { IsoDate } from '../common/index.js';
import { instant, type Instant } from './instant.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The epoch milliseconds at which the clock of `timeZone` shows `date` at `minutes` after
 * midnight, earliest first: none in a spring-forward gap, two in a fall-back overlap, one
 * otherwise. The machine's own zone plays no part. Internal: not exported from the package.
 *
 * @internal
 */
export function epochsAtLocal(date: string, minutes: number, timeZone: string): number[] {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  // The wall-clock reading written as if it were UTC; the real instant is this minus the offset.
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  const offsets = new Set([
    tzOffset(timeZone, new Date(wall - DAY)),
    tzOffset(timeZone, new Date(wall)),
    tzOffset(timeZone, new Date(wall + DAY)),
  ]);
  const found = new Set<number>();
  for (const offset of offsets) {
    const candidate = wall - offset * MINUTE;
    if (tzOffset(timeZone, new Date(candidate)) === offset) found.add(candidate);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * The civil date's wall-clock midnight written as if it were UTC, as {@link epochsAtLocal}
 * reads it (`Date.UTC` of its fields).
 *
 * @internal
 */
export function wallMidnight(date: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

/**
 * For a civil date on which `timeZone` keeps one UTC offset from the day before to the day
 * after, a function from local minutes to epoch milliseconds (a fast path for
 * {@link epochsAtLocal}); `undefined` on and around a change of offset.
 *
 * @internal
 */
export function steadyLocalDay(
  date: string,
  timeZone: string,
): ((minutes: number) => number) | undefined {
  const midnight = wallMidnight(date);
  const offset = tzOffset(timeZone, new Date(midnight - 2 * DAY));
  if (tzOffset(timeZone, new Date(midnight + 3 * DAY)) !== offset) return undefined;
  return (minutes) => midnight + (minutes - offset) * MINUTE;
}

/**
 * The steady offsets of a zone over many dates at once: for each wall midnight (see
 * {@link wallMidnight}), the offset in minutes that {@link steadyLocalDay} would use, or
 * `undefined` where it gives none (on and around a change of offset, where the exact
 * {@link epochsAtLocal} must be used). A local time `minutes` on a steady date is then
 * `midnight + (minutes - offset) * 60 000`.
 *
 * Why: asking the zone for its offset (`Intl` underneath) is the costly part of turning
 * local times into instants. Slot generation needs it for every availability on every date,
 * yet the answer depends on the zone and the date only; this asks once per instant probed
 * (about one per date, since neighbouring dates share their probes) and the caller keeps the
 * table for the whole query.
 *
 * @internal
 */
export function steadyOffsets(
  midnights: readonly number[],
  timeZone: string,
): (number | undefined)[] {
  const probed = new Map<number, number>();
  const offsetAt = (epoch: number): number => {
    let offset = probed.get(epoch);
    if (offset === undefined) {
      offset = tzOffset(timeZone, new Date(epoch));
      probed.set(epoch, offset);
    }
    return offset;
  };
  return midnights.map((midnight) => {
    const offset = offsetAt(midnight - 2 * DAY);
    return offsetAt(midnight + 3 * DAY) === offset ? offset : undefined;
  });
}

/**
 * The epoch milliseconds that end a local range at `minutes` on `date`: in a fall-back
 * overlap the later occurrence (the range covers the repeated hour), in a spring-forward gap
 * the moment the clock jumps past it (the range loses the missing hour).
 *
 * @internal
 */
export function epochEndingLocal(date: string, minutes: number, timeZone: string): number {
  const found = epochsAtLocal(date, minutes, timeZone);
  const last = found[found.length - 1];
  if (last !== undefined) return last;
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  // In a gap: read the time with the offset in force before the jump.
  return wall - tzOffset(timeZone, new Date(wall - DAY)) * MINUTE;
}

/**
 * The instants at which the clock of a time zone shows a civil date and time `HH:mm`,
 * earliest first: none when that local time does not exist (the spring-forward gap), two
 * when it happens twice (the fall-back overlap), one otherwise. Computed with the zone's
 * rules, never the machine's zone.
 *
 * @example
 * ```ts
 * import { instantsAt } from '@eduset/core/schedule';
 * instantsAt('2026-03-23', '08:00', 'Europe/Warsaw'); // ['2026-03-23T07:00:00.000Z']
 * instantsAt('2026-03-29', '02:30', 'Europe/Warsaw'); // [] — the clock jumps 02:00 → 03:00
 * instantsAt('2026-10-25', '02:30', 'Europe/Warsaw').length; // 2
 * ```
 */
export function instantsAt(date: IsoDate | string, time: string, timeZone: string): Instant[] {
  const [hours = '0', minutes = '0'] = time.split(':');
  return epochsAtLocal(date, Number(hours) * 60 + Number(minutes), timeZone).map((epoch) =>
    instant(new Date(epoch)),
  );
}

/**
 * The civil date and local time `HH:mm` an instant shows on the clock of a time zone.
 *
 * @example
 * ```ts
 * import { instant, localDateTime } from '@eduset/core/schedule';
 * localDateTime(instant('2026-03-30T06:00:00Z'), 'Europe/Warsaw');
 * // { date: '2026-03-30', time: '08:00' }
 * ```
 */
export function localDateTime(
  value: Instant | string,
  timeZone: string,
): { date: IsoDate; time: string } {
  const zoned = new TZDate(Date.parse(value), timeZone);
  const pad = (part: number, length = 2): string => String(part).padStart(length, '0');
  return {
    date: `${pad(zoned.getFullYear(), 4)}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}` as IsoDate,
    time: `${pad(zoned.getHours())}:${pad(zoned.getMinutes())}`,
  };
}
