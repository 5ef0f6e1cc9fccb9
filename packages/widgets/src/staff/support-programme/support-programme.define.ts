/**
 * Registers `<eduset-support-programme>` (guarded against double definition) and re-exports
 * its class. A staff element: it belongs to the staff bundle (`eduset-staff.js`).
 *
 * @example
 * ```ts
 * import { EdusetSupportProgramme } from '@eduset/widgets/staff';
 * EdusetSupportProgramme.define('eduset-support-programme');
 * const element = document.createElement('eduset-support-programme');
 * element.setAttribute('district', 'tutaev');
 * document.body.append(element);
 * ```
 *
 * @module support-programme
 */
import { EdusetSupportProgramme } from './support-programme.js';

export * from './support-programme.js';
export * from './support-programme.texts.js';

EdusetSupportProgramme.define('eduset-support-programme');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-support-programme': EdusetSupportProgramme;
  }
}
