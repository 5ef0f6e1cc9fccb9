import type { EdusetBookingDetail } from './booking-created.js';

/**
 * Fired by `<eduset-booking>` when the parent has cancelled the booking and the server
 * confirmed it (`detail.booking.status` is `cancelled-by-parent`). Bubbles and crosses
 * shadow roots (`composed`).
 *
 * @example
 * ```ts
 * document.addEventListener('eduset-booking-cancelled', (event) => {
 *   console.log(event.detail.booking.id, event.detail.booking.status);
 * });
 * ```
 */
export class EdusetBookingCancelledEvent extends CustomEvent<EdusetBookingDetail> {
  constructor(detail: EdusetBookingDetail) {
    super('eduset-booking-cancelled', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-booking-cancelled': EdusetBookingCancelledEvent;
  }
}
