/**
 * The staff bundle: one ES module that registers the staff elements (for signed-in people who
 * run the network), kept apart from the public `eduset-widgets.js` so public pages never load
 * them.
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-staff.js"></script>
 * <eduset-availability-editor src-base="/api"></eduset-availability-editor>
 * ```
 *
 * @module eduset-staff
 */
import './availability-editor/availability-editor.define.js';

export * from './availability-editor/availability-editor.define.js';
