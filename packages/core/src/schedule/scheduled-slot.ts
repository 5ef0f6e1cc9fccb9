import { addCivilDays } from './work-calendar.js';
import { instant, isCanonicalInstant, type Instant } from './instant.js';
import {
  freeSlots,
  offeredSlot,
  type NetworkSchedule,
  type SlotChoice,
} from './network-schedule.js';
import { parseSlotSearch, type Slot } from './slots.js';
import { localDateTime } from './zoned.js';

/**
 * An instant far enough in the past that no slot is before it (a year the schemas accept).
 */
const LONG_AGO = instant('1900-01-01T00:00:00.000Z');

/** A horizon in days beyond the last year the schemas accept (2200) from {@link LONG_AGO}. */
const TIMELESS_HORIZON_DAYS = 120_000;

/** The most places remembered per schedule (a place's slots of one day each). */
const MAX_REMEMBERED_DAYS = 20_000;

/** Per schedule (validated schedules are not changed), the slots of each place and day. */
const remembered = new WeakMap<NetworkSchedule, Map<string, readonly Slot[]>>();

/**
 * The slots of one place (specialist, site, service) on one civil date, as the schedule alone
 * offers them — before any booking, whenever asked (no notice, no horizon).
 */
function slotsOfDay(schedule: NetworkSchedule, choice: SlotChoice, date: string): readonly Slot[] {
  let days = remembered.get(schedule);
  if (days === undefined) {
    days = new Map();
    remembered.set(schedule, days);
  }
  const key = `${choice.specialistId}\u0000${choice.siteId}\u0000${choice.serviceId}\u0000${date}`;
  const known = days.get(key);
  if (known !== undefined) return known;
  // The schedule's own generation (hours, calendar, vacations, session length per site), asked
  // from long ago with no notice and a horizon past any date the schemas accept: what the
  // time asked changes is checked by the caller.
  const timeless: NetworkSchedule = {
    ...schedule,
    bookingRules: schedule.bookingRules.map((rules) => ({
      ...rules,
      minimumNotice: 0,
      horizonDays: TIMELESS_HORIZON_DAYS,
    })),
  };
  const slots = freeSlots(
    timeless,
    {
      serviceId: choice.serviceId,
      siteId: choice.siteId,
      specialistId: choice.specialistId,
      from: date,
      to: date,
    },
    LONG_AGO,
    [],
  );
  if (days.size >= MAX_REMEMBERED_DAYS) days.clear();
  days.set(key, slots);
  return slots;
}

/**
 * The slot a booking asks for if the schedule alone offers it now — its hours, calendar,
 * minimum notice, horizon, the child's age and the limits (a limit of 0) — before any other
 * booking: the same answer as `offeredSlot(schedule, choice, now, [])`, remembered per place
 * and day, so a server checking hundreds of bookings a second does not generate the day's
 * slots for each. The rules that involve other bookings are then the database's (see
 * `bookingGuardFor`).
 *
 * @example
 * ```ts
 * import { scheduledSlot, instant, type NetworkSchedule } from '@eduset/core/schedule';
 * declare const schedule: NetworkSchedule;
 * const slot = scheduledSlot(schedule, {
 *   serviceId: 'speech', siteId: 'kp-a', specialistId: 'speech-1', childAge: 4,
 *   start: instant('2026-05-12T06:00:00Z'), end: instant('2026-05-12T06:45:00Z'),
 * }, instant('2026-05-11T06:00:00Z'));
 * slot?.seatsLeft; // the session's places when offered
 * ```
 */
export function scheduledSlot(
  schedule: NetworkSchedule,
  choice: SlotChoice,
  now: Instant,
): Slot | undefined {
  const availability = schedule.availabilities.find(
    (entry) =>
      entry.serviceId === choice.serviceId &&
      entry.siteId === choice.siteId &&
      entry.specialistId === choice.specialistId,
  );
  const rules = schedule.bookingRules.find((entry) => entry.serviceId === choice.serviceId);
  if (availability === undefined || rules === undefined) return undefined;
  if (
    choice.childAge !== undefined &&
    rules.ages !== undefined &&
    (choice.childAge < rules.ages.from || choice.childAge > rules.ages.to)
  ) {
    return undefined;
  }
  const start = Date.parse(choice.start);
  if (Number.isNaN(start) || Number.isNaN(Date.parse(choice.end))) return undefined;
  // A place whose availabilities lie in several zones (unusual) is asked the long way.
  if (
    schedule.availabilities.some(
      (entry) =>
        entry.serviceId === choice.serviceId &&
        entry.siteId === choice.siteId &&
        entry.specialistId === choice.specialistId &&
        entry.timeZone !== availability.timeZone,
    )
  ) {
    return offeredSlot(schedule, choice, now, []);
  }
  // Checked as `offeredSlot` checks a search (an invalid clock is a ValidationError).
  if (!isCanonicalInstant(now))
    parseSlotSearch({ from: '2000-01-01', to: '2000-01-01', now, busy: [] });
  const { date } = localDateTime(choice.start, availability.timeZone);
  const slot = slotsOfDay(schedule, choice, date).find(
    (entry) => entry.start === choice.start && entry.end === choice.end,
  );
  if (slot === undefined) return undefined;
  // What depends on the time asked: the notice before the slot, and how far ahead.
  if (start < Date.parse(now) + rules.minimumNotice * 60_000) return undefined;
  const lastDate = addCivilDays(localDateTime(now, availability.timeZone).date, rules.horizonDays);
  if (date > lastDate) return undefined;
  return slot;
}
