import { requestIdSchema, requestTextSchema } from '../common/wire.js';
import { z } from '../common/zod-mini.js';
import { timeZoneSchema } from './time-zone.js';
import { bookingRecordSchema, bookingStatusSchema, type Booking } from './booking.js';
import type { NetworkSchedule } from './network-schedule.js';
import type { Network } from '../network/network.js';
import { instantSchema, type BusyInterval } from './instant.js';
import { localizedTextSchema } from '../common/labels.js';
import { specialistRoleLabels } from '../network/specialist.js';

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
 * Schema of what the manage page shows of a booking besides its times, so that it needs
 * neither the network nor the published schedule: the service's names (Russian, English),
 * the specialist's name and roles in words (Russian, English), the site's name, address and
 * phone, and the service's booking horizon in days (for the free times of a move). A part the network no longer holds, or a
 * horizon without a published schedule, is left out.
 *
 * @example
 * ```ts
 * import { managedBookingDetailsSchema } from '@eduset/core/schedule';
 * managedBookingDetailsSchema.parse({
 *   service: { name: 'Консультация логопеда', nameEn: 'Speech therapist consultation' },
 *   specialist: { name: 'Иванова А. А.', role: { ru: 'учитель-логопед', en: 'speech therapist' } },
 *   site: { name: 'Детский сад «Теремок»', address: 'ул. Попова, 20', phone: '+7 48251 5-00-00' },
 *   horizonDays: 28,
 * });
 * ```
 */
export const managedBookingDetailsSchema = z.object({
  service: z.optional(z.object({ name: z.string(), nameEn: z.optional(z.string()) })),
  specialist: z.optional(z.object({ name: z.string(), role: localizedTextSchema })),
  site: z.optional(
    z.object({
      name: z.string(),
      address: z.optional(z.string()),
      phone: z.optional(z.string()),
    }),
  ),
  horizonDays: z.optional(z.int().check(z.gte(0))),
});

/**
 * What the manage page shows of a booking besides its times.
 *
 * @example
 * ```ts
 * import type { ManagedBookingDetails } from '@eduset/core/schedule';
 * const details: ManagedBookingDetails = { service: { name: 'Консультация логопеда' } };
 * ```
 */
export type ManagedBookingDetails = z.output<typeof managedBookingDetailsSchema>;

/**
 * Schema of the answer of `POST /api/bookings/:id/view` and `…/move`: the booking, the
 * time zone of its site (the manage page shows the date and time in it) and what the page
 * shows of its service, specialist and site.
 *
 * @example
 * ```ts
 * import { managedBookingSchema } from '@eduset/core/schedule';
 * declare const json: unknown;
 * const { booking, timeZone, details } = managedBookingSchema.parse(json);
 * ```
 */
export const managedBookingSchema = z.object({
  booking: bookingRecordSchema,
  timeZone: timeZoneSchema,
  details: managedBookingDetailsSchema,
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
 * The answer of `POST /api/bookings/:id/view` for a booking: its site's zone (the site's
 * availability's, else the network's) and what the manage page shows of its service,
 * specialist and site, with the service's booking horizon when a schedule is published.
 *
 * @example
 * ```ts
 * import { managedBookingOf, type Booking } from '@eduset/core/schedule';
 * import type { Network } from '@eduset/core/network';
 * declare const booking: Booking;
 * declare const network: Network;
 * managedBookingOf(booking, network).details.site?.name;
 * ```
 */
export function managedBookingOf(
  booking: Booking,
  network: Network,
  schedule?: NetworkSchedule,
): ManagedBooking {
  const service = network.services.find((entry) => entry.id === booking.serviceId);
  const specialist = network.specialists.find((entry) => entry.id === booking.specialistId);
  const site = network.sites.find((entry) => entry.id === booking.siteId);
  const roles = specialist?.roles.map((role) => specialistRoleLabels[role]) ?? [];
  const horizonDays = schedule?.bookingRules.find(
    (entry) => entry.serviceId === booking.serviceId,
  )?.horizonDays;
  return {
    booking,
    timeZone:
      schedule?.availabilities.find((entry) => entry.siteId === booking.siteId)?.timeZone ??
      network.timeZone,
    details: {
      ...(service === undefined
        ? {}
        : {
            service: {
              name: service.name,
              ...(service.nameEn === undefined ? {} : { nameEn: service.nameEn }),
            },
          }),
      ...(specialist === undefined
        ? {}
        : {
            specialist: {
              name: specialist.name,
              role: {
                ru: roles.map((role) => role.ru).join(', '),
                en: roles.map((role) => role.en).join(', '),
              },
            },
          }),
      ...(site === undefined
        ? {}
        : {
            site: {
              name: site.name,
              ...(site.address === undefined ? {} : { address: site.address }),
              ...(site.phone === undefined ? {} : { phone: site.phone }),
            },
          }),
      ...(horizonDays === undefined ? {} : { horizonDays }),
    },
  };
}

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
