/**
 * Registers `<eduset-inventory>` (guarded against double definition) and re-exports its
 * class. Importing this module has that side effect. A staff element: it belongs to the staff
 * bundle (`eduset-staff.js`), never to the public one.
 *
 * @example
 * ```ts
 * import { EdusetInventory } from '@eduset/widgets/staff';
 * EdusetInventory.define('eduset-inventory');
 * document.body.append(document.createElement('eduset-inventory'));
 * ```
 *
 * @module inventory
 */
import { EdusetInventory } from './inventory.js';

export * from './inventory.js';
export * from './inventory-api.js';
export * from './inventory.styles.js';
export * from './inventory.texts.js';

EdusetInventory.define('eduset-inventory');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-inventory': EdusetInventory;
  }
}
