/**
 * Registers `<eduset-booking>` (guarded against double definition) and re-exports its
 * class. Importing this module has that side effect; `@eduset/widgets` itself has none.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/booking';
 * const booking = document.createElement('eduset-booking');
 * booking.srcBase = '/api';
 * document.body.append(booking);
 * ```
 *
 * @module booking
 */
import '../slot-picker/slot-picker.define.js';
import { EdusetBooking } from './booking.js';

export * from './booking-api.js';
export * from './booking.js';

EdusetBooking.define('eduset-booking');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-booking': EdusetBooking;
  }
}
