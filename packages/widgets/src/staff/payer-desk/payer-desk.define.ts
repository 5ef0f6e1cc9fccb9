/**
 * Registers `<eduset-payer-desk>` (guarded against double definition) and re-exports its
 * class. Importing this module has that side effect. A staff element: it belongs to the staff
 * bundle (`eduset-staff.js`), never to the public one.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/payer-desk';
 * const desk = document.createElement('eduset-payer-desk');
 * desk.srcBase = '/api';
 * document.body.append(desk);
 * ```
 *
 * @module payer-desk
 */
import { EdusetPayerDesk } from './payer-desk.js';

export * from './payer-desk.js';
export * from './payer-desk.styles.js';
export * from './payer-desk.texts.js';
export * from './settlement-api.js';

EdusetPayerDesk.define('eduset-payer-desk');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-payer-desk': EdusetPayerDesk;
  }
}
