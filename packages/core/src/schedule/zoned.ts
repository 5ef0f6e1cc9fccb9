import { tzOffset } from '@date-fns/tz/tzOffset';
import type { IsoDate } from '../common/index.js';
import { instant, type Instant } from './instant.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The UTC offset of a zone at an instant, in minutes, remembered. Why: `tzOffset` asks
 * `Intl` and reads its text each time, and slot generation asks the same questions (a date's
 * midnights, a few days around it) for every request; a booking server answering hundreds a
 * second spent a tenth of its time there. The answer depends only on the zone and the
 * instant, so remembering it changes no result; the memory is bounded.
 *
 * Instants are remembered by their UTC day: when the zone has the same offset a day before
 * the day and a day after it, that is the offset of every instant of the day (as in
 * {@link steadyLocalDay}, no zone changes its offset and back within three days), so a
 * booking server asking about a new instant each request asks `Intl` once a day. Days
 * around a change of offset are answered instant by instant.
 */
const offsets = new Map<string, number>();
const steadyDays = new Map<string, number | null>();
const MAX_REMEMBERED_OFFSETS = 100_000;

function exactOffset(timeZone: string, epoch: number): number {
  const key = `${timeZone} ${epoch}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = tzOffset(timeZone, new Date(epoch));
    if (offsets.size >= MAX_REMEMBERED_OFFSETS) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

function offsetAt(timeZone: string, epoch: number): number {
  const day = Math.floor(epoch / DAY);
  const key = `${timeZone} ${day}`;
  let steady = steadyDays.get(key);
  if (steady === undefined) {
    const before = exactOffset(timeZone, (day - 1) * DAY);
    steady = exactOffset(timeZone, (day + 2) * DAY) === before ? before : null;
    if (steadyDays.size >= MAX_REMEMBERED_OFFSETS) steadyDays.clear();
    steadyDays.set(key, steady);
  }
  return steady ?? exactOffset(timeZone, epoch);
}

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
    offsetAt(timeZone, wall - DAY),
    offsetAt(timeZone, wall),
    offsetAt(timeZone, wall + DAY),
  ]);
  const found = new Set<number>();
  for (const offset of offsets) {
    const candidate = wall - offset * MINUTE;
    if (offsetAt(timeZone, candidate) === offset) found.add(candidate);
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
  const offset = offsetAt(timeZone, midnight - 2 * DAY);
  if (offsetAt(timeZone, midnight + 3 * DAY) !== offset) return undefined;
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
  return midnights.map((midnight) => {
    const offset = offsetAt(timeZone, midnight - 2 * DAY);
    return offsetAt(timeZone, midnight + 3 * DAY) === offset ? offset : undefined;
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
  return wall - offsetAt(timeZone, wall - DAY) * MINUTE;
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
  const epoch = Date.parse(value);
  // The wall clock is the instant moved by the zone's offset at that instant, read as UTC.
  const wall = new Date(epoch + offsetAt(timeZone, epoch) * MINUTE);
  const pad = (part: number, length = 2): string => String(part).padStart(length, '0');
  return {
    date: `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` as IsoDate,
    time: `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`,
  };
}
