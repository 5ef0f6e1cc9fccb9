/**
 * Registers `<eduset-booking-manage>` (and the `<eduset-slot-picker>` it moves a booking
 * with), guarded against double definition, and re-exports its class.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/booking-manage';
 * const manage = document.createElement('eduset-booking-manage');
 * manage.srcBase = '/api'; // reads #booking=<id>&token=<token> from the page address
 * document.body.append(manage);
 * ```
 *
 * @module booking-manage
 */
import '../slot-picker/slot-picker.define.js';
import { EdusetBookingManage } from './booking-manage.js';

export * from './booking-manage.js';
export { ManageApi, parseManagedBooking } from '../internal/manage-api.js';
export * from './booking-manage.texts.js';

EdusetBookingManage.define('eduset-booking-manage');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-booking-manage': EdusetBookingManage;
  }
}
