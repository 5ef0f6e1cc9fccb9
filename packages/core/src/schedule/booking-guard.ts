import type { IsoDate } from '../common/index.js';
import { instant, type Instant } from './instant.js';
import type { NetworkSchedule, SlotChoice } from './network-schedule.js';
import { addCivilDays, isoWeekday } from './work-calendar.js';
import { epochEndingLocal, epochsAtLocal, localDateTime } from './zoned.js';

/**
 * How many active bookings (to come, not cancelled) one parent — one phone or e-mail — may
 * hold for one service at once when the service's rules say nothing (`limits.perContact`).
 *
 * @example
 * ```ts
 * import { defaultActivePerContact } from '@eduset/core/schedule';
 * defaultActivePerContact; // 3
 * ```
 */
export const defaultActivePerContact = 3;

/**
 * A half-open range of instants `[from, to)`.
 *
 * @example
 * ```ts
 * import { instant, type InstantRange } from '@eduset/core/schedule';
 * const day: InstantRange = { from: instant('2026-05-11T21:00:00Z'), to: instant('2026-05-12T21:00:00Z') };
 * ```
 */
export interface InstantRange {
  readonly from: Instant;
  readonly to: Instant;
}

/**
 * The booking rules of one slot that involve other bookings, resolved for the database to
 * check under the specialist's lock (storage migration 0014), with the same meaning as
 * `freeSlots` gives them:
 *
 * - `day`, `week` — the slot's civil day and ISO week (Monday–Sunday) in the site's zone, as
 *   instants: a session counts on the day (week) its start falls in;
 * - `perDay`, `perWeek` — at most this many sessions of the specialist that day / week, at
 *   any site and for any service; joining a group session that holds seats adds none;
 * - `bufferBefore`, `bufferAfter` — minutes kept free before and after the slot and every
 *   other session of the specialist (the slot's service's buffers, on both);
 * - `travel` — per other site of the network, the minutes from there to the slot's site and
 *   back (`[to, from]`; sites without travel time are left out);
 * - `perContact` — active bookings one parent may hold for the service at once (slot
 *   hoarding: `limits.perContact`, {@link defaultActivePerContact} by default).
 *
 * @example
 * ```ts
 * import type { BookingGuard } from '@eduset/core/schedule';
 * declare const guard: BookingGuard;
 * guard.travel['lekoteka-1']; // [20, 20]: 20 minutes there and back
 * ```
 */
export interface BookingGuard {
  readonly day: InstantRange;
  readonly week: InstantRange;
  readonly perDay?: number;
  readonly perWeek?: number;
  readonly bufferBefore: number;
  readonly bufferAfter: number;
  readonly travel: Readonly<Record<string, readonly [to: number, from: number]>>;
  readonly perContact: number;
}

/**
 * The first instant whose civil date in `timeZone` is `date`: local midnight, or the moment
 * the clock jumps past it where midnight is skipped.
 */
function startOfLocalDate(date: IsoDate, timeZone: string): number {
  return epochsAtLocal(date, 0, timeZone)[0] ?? epochEndingLocal(date, 0, timeZone);
}

/** `[start of date, start of date + days)` in `timeZone`, as instants. */
function localDays(date: IsoDate, days: number, timeZone: string): InstantRange {
  return {
    from: instant(new Date(startOfLocalDate(date, timeZone))),
    to: instant(new Date(startOfLocalDate(addCivilDays(date, days), timeZone))),
  };
}

/**
 * The civil day and ISO week of an instant in a time zone, as half-open ranges of instants:
 * an instant `t` lies in `day` exactly when `localDateTime(t, timeZone).date` is the date of
 * `start`, and in `week` when that date is in the same Monday–Sunday week.
 *
 * @example
 * ```ts
 * import { instant, localDayAndWeek } from '@eduset/core/schedule';
 * const { day, week } = localDayAndWeek(instant('2026-05-12T06:00:00Z'), 'Europe/Moscow');
 * day.from; // '2026-05-11T21:00:00.000Z' — Tuesday 12 May, 00:00 in Moscow
 * week.from; // '2026-05-10T21:00:00.000Z' — Monday 11 May, 00:00 in Moscow
 * ```
 */
export function localDayAndWeek(
  start: Instant,
  timeZone: string,
): { readonly day: InstantRange; readonly week: InstantRange } {
  const { date } = localDateTime(start, timeZone);
  const monday = addCivilDays(date, 1 - isoWeekday(date));
  return { day: localDays(date, 1, timeZone), week: localDays(monday, 7, timeZone) };
}

/**
 * The longest travel time of each ordered pair of sites, as `freeSlots` reads the schedule's
 * travel entries (each holds both ways; of several for one pair, the longest).
 */
function travelTable(schedule: NetworkSchedule): Map<string, Map<string, number>> {
  const known = travelTables.get(schedule);
  if (known !== undefined) return known;
  const table = new Map<string, Map<string, number>>();
  const put = (from: string, to: string, minutes: number): void => {
    if (from === to) return;
    const row = table.get(from) ?? new Map<string, number>();
    row.set(to, Math.max(row.get(to) ?? 0, minutes));
    table.set(from, row);
  };
  for (const entry of schedule.travel) {
    put(entry.fromSiteId, entry.toSiteId, entry.minutes);
    put(entry.toSiteId, entry.fromSiteId, entry.minutes);
  }
  travelTables.set(schedule, table);
  return table;
}

/** Per schedule (a validated schedule is not changed), its travel table: read once. */
const travelTables = new WeakMap<NetworkSchedule, Map<string, Map<string, number>>>();

/**
 * The {@link BookingGuard} of one slot under a schedule: what the database checks, against
 * the specialist's other sessions and the parent's other bookings, when it stores a booking
 * of that slot. `undefined` when the schedule does not offer that place at all (no
 * availability of the specialist at the site for the service). The rules that depend on the
 * schedule alone — hours, calendar, notice, horizon, ages — are `offeredSlot`'s, checked
 * before; together the two give exactly `offeredSlot`'s verdict over the stored busy time.
 *
 * @example
 * ```ts
 * import { bookingGuardFor, instant, type NetworkSchedule } from '@eduset/core/schedule';
 * declare const schedule: NetworkSchedule;
 * const guard = bookingGuardFor(schedule, {
 *   serviceId: 'speech', siteId: 'kp-a', specialistId: 'speech-1',
 *   start: instant('2026-05-12T06:00:00Z'), end: instant('2026-05-12T06:45:00Z'),
 * });
 * guard?.perDay; // the service's limit per day, if any
 * ```
 */
export function bookingGuardFor(
  schedule: NetworkSchedule,
  choice: SlotChoice,
): BookingGuard | undefined {
  const availability = schedule.availabilities.find(
    (entry) =>
      entry.serviceId === choice.serviceId &&
      entry.siteId === choice.siteId &&
      entry.specialistId === choice.specialistId,
  );
  const rules = schedule.bookingRules.find((entry) => entry.serviceId === choice.serviceId);
  if (availability === undefined || rules === undefined) return undefined;
  // The guard depends on the place and the civil date only: remembered per schedule.
  const { date } = localDateTime(choice.start, availability.timeZone);
  let known = guards.get(schedule);
  if (known === undefined) {
    known = new Map();
    guards.set(schedule, known);
  }
  const key = `${choice.specialistId}\u0000${choice.siteId}\u0000${choice.serviceId}\u0000${date}`;
  const remembered = known.get(key);
  if (remembered !== undefined) return remembered;
  const { day, week } = localDayAndWeek(choice.start, availability.timeZone);
  const table = travelTable(schedule);
  const travel: Record<string, readonly [number, number]> = {};
  const sites = new Set<string>([
    ...(table.get(choice.siteId)?.keys() ?? []),
    ...[...table].filter(([, row]) => row.has(choice.siteId)).map(([siteId]) => siteId),
  ]);
  for (const siteId of [...sites].sort()) {
    const to = table.get(siteId)?.get(choice.siteId) ?? 0;
    const from = table.get(choice.siteId)?.get(siteId) ?? 0;
    if (to > 0 || from > 0) travel[siteId] = [to, from];
  }
  const guard: BookingGuard = {
    day,
    week,
    ...(rules.limits.perDay !== undefined ? { perDay: rules.limits.perDay } : {}),
    ...(rules.limits.perWeek !== undefined ? { perWeek: rules.limits.perWeek } : {}),
    bufferBefore: rules.bufferBefore,
    bufferAfter: rules.bufferAfter,
    travel,
    perContact: rules.limits.perContact ?? defaultActivePerContact,
  };
  if (known.size >= MAX_REMEMBERED_GUARDS) known.clear();
  known.set(key, guard);
  return guard;
}

/** The most guards remembered per schedule (one per place and day). */
const MAX_REMEMBERED_GUARDS = 20_000;

/** Per schedule (a validated schedule is not changed), the guard of each place and day. */
const guards = new WeakMap<NetworkSchedule, Map<string, BookingGuard>>();
