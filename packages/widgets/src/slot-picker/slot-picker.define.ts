/**
 * Registers `<eduset-slot-picker>` (guarded against double definition) and re-exports its
 * class. `<eduset-booking>` and `<eduset-booking-manage>` register it themselves.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/slot-picker';
 * const picker = document.createElement('eduset-slot-picker');
 * picker.srcBase = '/api';
 * picker.service = 'psychologist-consultation';
 * document.body.append(picker);
 * ```
 *
 * @module slot-picker
 */
import { EdusetSlotPicker } from './slot-picker.js';

export * from './slot-picker.js';
export * from './slot-picker.texts.js';

EdusetSlotPicker.define('eduset-slot-picker');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-slot-picker': EdusetSlotPicker;
  }
}
