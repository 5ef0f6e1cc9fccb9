/**
 * The staff bundle: one ES module that registers every staff element, for the pages of
 * signed-in staff (public pages load `eduset-widgets.js` and never this one).
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-staff.js"></script>
 * <eduset-availability-editor src-base="/api"></eduset-availability-editor>
 * <eduset-staff-agenda src-base="/api"></eduset-staff-agenda>
 * <eduset-provider-desk src-base="/api"></eduset-provider-desk>
 * <eduset-provider-programmes src-base="/api"></eduset-provider-programmes>
 * <eduset-programme-review src-base="/api"></eduset-programme-review>
 * <eduset-payer-desk src-base="/api"></eduset-payer-desk>
 * <eduset-financing-reports src-base="/api"></eduset-financing-reports>
 * <eduset-certificate-registry src-base="/api"></eduset-certificate-registry>
 * <eduset-financing-parameters src-base="/api"></eduset-financing-parameters>
 * <eduset-certificate-applications src-base="/api"></eduset-certificate-applications>
 * <eduset-inventory src-base="/api"></eduset-inventory>
 * <eduset-data-entry src-base="/api"></eduset-data-entry>
 * <eduset-course-planner src-base="/api"></eduset-course-planner>
 * <eduset-course-links src-base="/api"></eduset-course-links>
 * <eduset-support-programme src-base="/api" district="tutaev"></eduset-support-programme>
 * ```
 *
 * @module eduset-staff
 */
import './availability-editor/availability-editor.define.js';
import './certificate-applications/certificate-applications.define.js';
import '../staff-agenda/staff-agenda.define.js';
import './provider-desk/provider-desk.define.js';
import './provider-programmes/provider-programmes.define.js';
import './programme-review/programme-review.define.js';
import './payer-desk/payer-desk.define.js';
import './financing-reports/financing-reports.define.js';
import './certificate-registry/certificate-registry.define.js';
import './financing-parameters/financing-parameters.define.js';
import './inventory/inventory.define.js';
import './data-entry/data-entry.define.js';
import './course-planner/course-planner.define.js';
import './course-links/course-links.define.js';
import './support-programme/support-programme.define.js';

export * from './index.js';
