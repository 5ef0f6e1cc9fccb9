/**
 * Registers `<eduset-provider-programmes>` (guarded against double definition) and re-exports
 * its class. Importing this module has that side effect. A staff element: it belongs to the
 * staff bundle (`eduset-staff.js`), never to the public one.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/provider-programmes';
 * const desk = document.createElement('eduset-provider-programmes');
 * desk.srcBase = '/api';
 * document.body.append(desk);
 * ```
 *
 * @module provider-programmes
 */
import { EdusetProviderProgrammes } from './provider-programmes.js';

export * from './provider-programmes.js';
export * from './provider-programmes.texts.js';

EdusetProviderProgrammes.define('eduset-provider-programmes');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-provider-programmes': EdusetProviderProgrammes;
  }
}
