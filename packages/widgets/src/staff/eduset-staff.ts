/**
 * The staff bundle: one ES module that registers every staff element, for the pages of
 * signed-in staff (public pages load `eduset-widgets.js` and never this one).
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-staff.js"></script>
 * <eduset-availability-editor src-base="/api"></eduset-availability-editor>
 * <eduset-staff-agenda src-base="/api"></eduset-staff-agenda>
 * <eduset-certificate-applications src-base="/api"></eduset-certificate-applications>
 * ```
 *
 * @module eduset-staff
 */
import './availability-editor/availability-editor.define.js';
import './certificate-applications/certificate-applications.define.js';
import '../staff-agenda/staff-agenda.define.js';

export * from './index.js';
