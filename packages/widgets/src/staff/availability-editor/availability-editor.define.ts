/**
 * Registers `<eduset-availability-editor>` (guarded against double definition) and re-exports
 * its class. Importing this module has that side effect. A staff element: it belongs to the
 * staff bundle (`eduset-staff.js`), never to the public one.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/availability-editor';
 * const editor = document.createElement('eduset-availability-editor');
 * editor.srcBase = '/api';
 * document.body.append(editor);
 * ```
 *
 * @module availability-editor
 */
import { EdusetAvailabilityEditor } from './availability-editor.js';

export * from './availability-editor.js';
export * from './availability-editor.styles.js';
export * from './availability-editor.texts.js';

EdusetAvailabilityEditor.define('eduset-availability-editor');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-availability-editor': EdusetAvailabilityEditor;
  }
}
