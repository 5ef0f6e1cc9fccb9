/**
 * Schedules and booking: instants and half-open intervals, specialists' weekly availability
 * at sites, slot generation and bookings.
 *
 * @example
 * ```ts
 * import { instant, overlaps } from '@eduset/core/schedule';
 * overlaps(
 *   { start: instant('2026-03-23T07:00:00Z'), end: instant('2026-03-23T08:00:00Z') },
 *   { start: instant('2026-03-23T07:30:00Z'), end: instant('2026-03-23T08:30:00Z') },
 * ); // true
 * ```
 *
 * @module schedule
 */
export * from './availability.js';
export * from './booking.js';
export * from './booking-options.js';
export * from './booking-guard.js';
export * from './scheduled-slot.js';
export { parseNewBooking } from './new-booking.js';
export * from './ical.js';
export * from './network-schedule.js';
export * from './instant.js';
export {
  generateSlots,
  slotBusyIntervalSchema,
  slotQuerySchema,
  onVacation,
  travelTimeSchema,
  vacationSchema,
  type Slot,
  type SlotBusyInterval,
  type SlotQuery,
  type SlotQueryInput,
  type TravelTime,
  type Vacation,
} from './slots.js';
export * from './schedule-change.js';
export * from './availability-api.js';
export * from './work-calendar.js';
export * from './working-hours.js';
export * from './calendars/ru-official.js';
export { instantsAt, localDateTime } from './zoned.js';
export * from './api.js';
export * from './manage-api.js';
export * from './staff-api.js';
export * from './survey.js';
