/**
 * Registers `<eduset-provider-desk>` (guarded against double definition) and re-exports its
 * class. Importing this module has that side effect. A staff element: it belongs to the staff
 * bundle (`eduset-staff.js`), never to the public one.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/provider-desk';
 * const desk = document.createElement('eduset-provider-desk');
 * desk.srcBase = '/api';
 * document.body.append(desk);
 * ```
 *
 * @module provider-desk
 */
import { EdusetProviderDesk } from './provider-desk.js';

export * from './provider-desk.js';
export * from './provider-desk-api.js';
export * from './provider-desk.styles.js';
export * from './provider-desk.texts.js';

EdusetProviderDesk.define('eduset-provider-desk');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-provider-desk': EdusetProviderDesk;
  }
}
