import { requestIdSchema, requestTextSchema } from '../common/wire.js';
import { z } from '../common/zod-mini.js';
import { timeZoneSchema } from './time-zone.js';
import { bookingSchema, bookingStatusSchema } from './booking.js';
import { instantSchema, type BusyInterval } from './instant.js';

// The wire contracts of changing a booking after it was made: the parent's manage link
// (`POST /api/bookings/:id/view`, `…/move`; `…/cancel` is in api.ts) and the staff's cancel and
// move on the parent's behalf (`POST /api/staff/bookings/:id/cancel`, `…/move`).

/**
 * Schema of the body of `POST /api/bookings/:id/view`: the token of the parent's manage link
 * (in the body, so it never lands in a URL log) and the network, when several are stored.
 *
 * @example
 * ```ts
 * import { viewBookingBodySchema } from '@eduset/core/schedule';
 * viewBookingBodySchema.parse({ token: 'k3cP…' });
 * ```
 */
export const viewBookingBodySchema = z.strictObject({
  network: z.optional(requestIdSchema),
  token: requestTextSchema(256),
});

/**
 * Schema of the answer of `POST /api/bookings/:id/view` and `…/move`: the booking and the
 * time zone of its site (the manage page shows the date and time in it).
 *
 * @example
 * ```ts
 * import { managedBookingSchema } from '@eduset/core/schedule';
 * declare const json: unknown;
 * const { booking, timeZone } = managedBookingSchema.parse(json);
 * ```
 */
export const managedBookingSchema = z.object({
  booking: bookingSchema,
  timeZone: timeZoneSchema,
});

/**
 * The answer of `POST /api/bookings/:id/view`.
 *
 * @example
 * ```ts
 * import type { ManagedBooking } from '@eduset/core/schedule';
 * declare const answer: ManagedBooking;
 * answer.booking.status;
 * ```
 */
export type ManagedBooking = z.output<typeof managedBookingSchema>;

/**
 * Schema of the body of `POST /api/bookings/:id/move`: the manage token and the new time
 * (an offered slot of the same specialist, site and service).
 *
 * @example
 * ```ts
 * import { moveBookingBodySchema } from '@eduset/core/schedule';
 * moveBookingBodySchema.parse({
 *   token: 'k3cP…', start: '2026-12-02T06:00:00Z', end: '2026-12-02T06:45:00Z',
 * });
 * ```
 */
export const moveBookingBodySchema = z.strictObject({
  network: z.optional(requestIdSchema),
  token: requestTextSchema(256),
  start: instantSchema,
  end: instantSchema,
});

/**
 * The validated body of `POST /api/bookings/:id/move`.
 *
 * @example
 * ```ts
 * import type { MoveBookingBody } from '@eduset/core/schedule';
 * declare const body: MoveBookingBody;
 * body.start;
 * ```
 */
export type MoveBookingBody = z.output<typeof moveBookingBodySchema>;

/**
 * Schema of the body of `POST /api/staff/bookings/:id/cancel`: why the site cancels (required:
 * kept in the booking's history and told to the parent) and the network, when several are
 * stored.
 *
 * @example
 * ```ts
 * import { staffCancelBookingBodySchema } from '@eduset/core/schedule';
 * staffCancelBookingBodySchema.parse({ reason: 'Специалист заболел' });
 * ```
 */
export const staffCancelBookingBodySchema = z.strictObject({
  network: z.optional(requestIdSchema),
  reason: requestTextSchema(1000),
});

/**
 * The validated body of `POST /api/staff/bookings/:id/cancel`.
 *
 * @example
 * ```ts
 * import type { StaffCancelBookingBody } from '@eduset/core/schedule';
 * const body: StaffCancelBookingBody = { reason: 'Специалист заболел' };
 * ```
 */
export type StaffCancelBookingBody = z.output<typeof staffCancelBookingBodySchema>;

/**
 * Schema of the body of `POST /api/staff/bookings/:id/move`: the new time (same specialist,
 * site and service), why (required: kept in the history and told to the parent), and the
 * network when several are stored.
 *
 * @example
 * ```ts
 * import { staffMoveBookingBodySchema } from '@eduset/core/schedule';
 * staffMoveBookingBodySchema.parse({
 *   start: '2026-12-02T06:00:00Z', end: '2026-12-02T06:45:00Z', reason: 'По просьбе мамы',
 * });
 * ```
 */
export const staffMoveBookingBodySchema = z.strictObject({
  network: z.optional(requestIdSchema),
  start: instantSchema,
  end: instantSchema,
  reason: requestTextSchema(1000),
});

/**
 * The validated body of `POST /api/staff/bookings/:id/move`.
 *
 * @example
 * ```ts
 * import type { StaffMoveBookingBody } from '@eduset/core/schedule';
 * declare const body: StaffMoveBookingBody;
 * body.reason;
 * ```
 */
export type StaffMoveBookingBody = z.output<typeof staffMoveBookingBodySchema>;

/**
 * Schema of the answer of `POST /api/staff/bookings/:id/cancel` and `…/move`: the booking
 * after the change, without the parent's contact (the staff list shows it to whom may see it),
 * its status in people's words.
 *
 * @example
 * ```ts
 * import { staffBookingChangeSchema } from '@eduset/core/schedule';
 * declare const json: unknown;
 * staffBookingChangeSchema.parse(json).booking.statusName.ru; // 'отменена площадкой'
 * ```
 */
export const staffBookingChangeSchema = z.object({
  booking: z.object({
    id: z.string(),
    specialistId: z.string(),
    siteId: z.string(),
    serviceId: z.string(),
    start: instantSchema,
    end: instantSchema,
    status: bookingStatusSchema,
    statusName: z.object({ ru: z.string(), en: z.string() }),
    sequence: z.int().check(z.gte(0)),
    updatedAt: instantSchema,
  }),
});

/**
 * The answer of `POST /api/staff/bookings/:id/cancel` and `…/move`.
 *
 * @example
 * ```ts
 * import type { StaffBookingChange } from '@eduset/core/schedule';
 * declare const answer: StaffBookingChange;
 * answer.booking.status;
 * ```
 */
export type StaffBookingChange = z.output<typeof staffBookingChangeSchema>;

/**
 * The busy time as it would be without one booking: its seats are taken off its session (the
 * interval with its specialist, site, service, start and end), and a session left with no
 * seat is dropped. What a move asks of slot generation: the booking's own time, limits per
 * day and week and buffers must not count against its new time. The input is not changed.
 *
 * @example
 * ```ts
 * import { busyWithoutBooking, instant, offeredSlot, type Booking, type BusyInterval, type NetworkSchedule } from '@eduset/core/schedule';
 * declare const schedule: NetworkSchedule;
 * declare const booking: Booking;
 * declare const busy: BusyInterval[];
 * const newTime = { start: instant('2026-12-02T06:00:00Z'), end: instant('2026-12-02T06:45:00Z') };
 * offeredSlot(schedule, { ...booking, ...newTime }, instant(new Date()), busyWithoutBooking(busy, booking));
 * ```
 */
export function busyWithoutBooking(
  busy: readonly BusyInterval[],
  booking: Pick<BusyInterval, 'specialistId' | 'siteId' | 'start' | 'end' | 'seats'> & {
    readonly serviceId: string;
  },
): BusyInterval[] {
  let left = booking.seats;
  const result: BusyInterval[] = [];
  for (const interval of busy) {
    const same =
      left > 0 &&
      interval.specialistId === booking.specialistId &&
      interval.siteId === booking.siteId &&
      interval.serviceId === booking.serviceId &&
      interval.start === booking.start &&
      interval.end === booking.end;
    if (!same) {
      result.push(interval);
      continue;
    }
    const seats = interval.seats;
    const taken = Math.min(seats, left);
    left -= taken;
    if (seats - taken > 0) result.push({ ...interval, seats: seats - taken });
  }
  return result;
}
