import type { Booking } from '@eduset/core';

/**
 * The detail of {@link EdusetBookingCreatedEvent} and {@link EdusetBookingCancelledEvent}:
 * the booking as the server returned it.
 *
 * @example
 * ```ts
 * import type { EdusetBookingDetail } from '@eduset/widgets';
 * declare const detail: EdusetBookingDetail;
 * detail.booking.start;
 * ```
 */
export interface EdusetBookingDetail {
  readonly booking: Booking;
}

/**
 * Fired by `<eduset-booking>` when the server has accepted a booking. Bubbles and crosses
 * shadow roots (`composed`).
 *
 * @example
 * ```ts
 * document.addEventListener('eduset-booking-created', (event) => {
 *   console.log(event.detail.booking.id, event.detail.booking.start);
 * });
 * ```
 */
export class EdusetBookingCreatedEvent extends CustomEvent<EdusetBookingDetail> {
  constructor(detail: EdusetBookingDetail) {
    super('eduset-booking-created', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-booking-created': EdusetBookingCreatedEvent;
  }
}
