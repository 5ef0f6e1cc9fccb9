/**
 * Registers `<eduset-data-entry>` (guarded against double definition) and re-exports its
 * class. Importing this module has that side effect. A staff element: it belongs to the staff
 * bundle (`eduset-staff.js`), never to the public one.
 *
 * @example
 * ```ts
 * import { EdusetDataEntry } from '@eduset/widgets/staff';
 * EdusetDataEntry.define('eduset-data-entry');
 * document.body.append(document.createElement('eduset-data-entry'));
 * ```
 *
 * @module data-entry
 */
import { EdusetDataEntry } from './data-entry.js';

export * from './data-entry.js';
export * from './data-entry-api.js';
export * from './data-entry.styles.js';
export * from './data-entry.texts.js';

EdusetDataEntry.define('eduset-data-entry');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-data-entry': EdusetDataEntry;
  }
}
