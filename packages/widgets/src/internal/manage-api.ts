import {
  bookingAnswerSchema,
  managedBookingSchema,
  parse,
  type Booking,
  type ManagedBooking,
} from '@eduset/core';
import { postJson } from './booking-request.js';
import { SlotsApi } from './slots-api.js';

// The part of the booking API that a parent's manage link opens — reading, cancelling and
// moving one booking with the link's token — apart from booking (`BookingApi`), so that the
// manage page does not load the booking request, its idempotency and the parser of its answer.

/**
 * Validates the answer of `POST /api/bookings/:id/cancel` (`{ booking }`, core's
 * `bookingAnswerSchema`) and returns the booking.
 *
 * @example
 * ```ts
 * import { parseBookingAnswer } from '@eduset/widgets';
 * declare const json: unknown;
 * parseBookingAnswer(json).status; // 'cancelled-by-parent'
 * ```
 */
export function parseBookingAnswer(input: unknown): Booking {
  return parse(bookingAnswerSchema, input).booking;
}

/**
 * Validates the answer of `POST /api/bookings/:id/view` and `…/move` (`{ booking, timeZone }`,
 * core's `managedBookingSchema`).
 *
 * @example
 * ```ts
 * import { parseManagedBooking } from '@eduset/widgets';
 * declare const json: unknown;
 * parseManagedBooking(json).timeZone; // 'Europe/Moscow'
 * ```
 */
export function parseManagedBooking(input: unknown): ManagedBooking {
  return parse(managedBookingSchema, input);
}

/**
 * A small typed client of what a parent's manage link opens, under a base address (`/api`):
 * reading, cancelling and moving one booking with the link's token (the reading answers the
 * names, address and booking horizon the page shows), plus free slots for a new time
 * ({@link SlotsApi}); every answer is validated with core's schemas before a widget sees it.
 * `<eduset-booking-manage>` uses it: it loads neither the network nor the published schedule.
 *
 * @example
 * ```ts
 * import { ManageApi } from '@eduset/widgets';
 * const api = new ManageApi('/api', 'udomlya');
 * const { booking, timeZone } = await api.view('b-1', 'k3cP…');
 * const cancelled = await api.cancelWithToken('b-1', 'k3cP…');
 * ```
 */
export class ManageApi extends SlotsApi {
  /** `/bookings/:id/<action>` under the base, with the network when one is set. */
  private bookingUrl(bookingId: string, action: string): string {
    return this.url(`/bookings/${encodeURIComponent(bookingId)}/${action}`);
  }

  /**
   * Reads a booking with the token of its manage link (`POST /bookings/:id/view`, the token in
   * the body): the booking and its site's time zone; rejects with a {@link BookingRequestError}
   * (`not-found` for an unknown booking or a wrong token alike).
   *
   * @example
   * ```ts
   * import { ManageApi } from '@eduset/widgets';
   * const { booking, timeZone } = await new ManageApi('/api').view('b-1', 'k3cP…');
   * ```
   */
  view(bookingId: string, token: string, signal?: AbortSignal): Promise<ManagedBooking> {
    return postJson(this.bookingUrl(bookingId, 'view'), { token }, parseManagedBooking, signal);
  }

  /**
   * Cancels a booking with the token of its manage link (`POST /bookings/:id/cancel`).
   *
   * @example
   * ```ts
   * import { ManageApi } from '@eduset/widgets';
   * const booking = await new ManageApi('/api').cancelWithToken('b-1', 'k3cP…');
   * booking.status; // 'cancelled-by-parent'
   * ```
   */
  cancelWithToken(bookingId: string, token: string, signal?: AbortSignal): Promise<Booking> {
    return postJson(this.bookingUrl(bookingId, 'cancel'), { token }, parseBookingAnswer, signal);
  }

  /**
   * Moves a booking to another free time of the same specialist, site and service
   * (`POST /bookings/:id/move`); rejects with a {@link BookingRequestError} (`slot-unavailable`,
   * `overlap`, `no-seats` when the time is gone).
   *
   * @example
   * ```ts
   * import { ManageApi } from '@eduset/widgets';
   * import type { Slot } from '@eduset/core';
   * declare const slot: Slot;
   * const { booking } = await new ManageApi('/api').move('b-1', 'k3cP…', slot);
   * ```
   */
  move(
    bookingId: string,
    token: string,
    time: { readonly start: string; readonly end: string },
    signal?: AbortSignal,
  ): Promise<ManagedBooking> {
    return postJson(
      this.bookingUrl(bookingId, 'move'),
      { token, start: time.start, end: time.end },
      parseManagedBooking,
      signal,
    );
  }
}
