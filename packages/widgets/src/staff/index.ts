/**
 * `@eduset/widgets/staff`: the staff elements — for signed-in people of the network, never on
 * a public page — and the pieces they share. Importing this module registers nothing; import
 * a define module (`@eduset/widgets/staff-agenda`) or the staff bundle (`eduset-staff.js`) for
 * that.
 *
 * @example
 * ```ts
 * import { EdusetStaffAgenda } from '@eduset/widgets/staff';
 * EdusetStaffAgenda.define('eduset-staff-agenda');
 * ```
 *
 * @module staff
 */
export * from '../staff-agenda/consultation-change.js';
export * from '../staff-agenda/staff-agenda-api.js';
export * from '../staff-agenda/staff-agenda.js';
export * from '../staff-agenda/staff-agenda.styles.js';
export * from '../staff-agenda/staff-agenda.texts.js';
export * from './availability-editor/availability-editor.js';
export * from './availability-editor/availability-editor.styles.js';
export * from './availability-editor/availability-editor.texts.js';
export * from './provider-desk/provider-desk.js';
export * from './provider-desk/provider-desk-api.js';
export * from './provider-desk/provider-desk.styles.js';
export * from './provider-desk/provider-desk.texts.js';
export * from './programme-desk/programme-desk.js';
export * from './programme-desk/programme-desk.styles.js';
export * from './programme-desk/programme-desk.texts.js';
export * from './provider-programmes/provider-programmes.js';
export * from './provider-programmes/provider-programmes.texts.js';
export * from './programme-review/programme-review.js';
export * from './programme-review/programme-review.texts.js';
export * from './payer-desk/payer-desk.js';
export * from './payer-desk/payer-desk.styles.js';
export * from './payer-desk/payer-desk.texts.js';
export * from './payer-desk/settlement-api.js';
export * from './financing-reports/financing-reports.js';
export * from './financing-reports/financing-reports.styles.js';
export * from './financing-reports/financing-reports.texts.js';
export * from './certificate-registry/certificate-registry.js';
export * from './certificate-registry/certificate-registry.styles.js';
export * from './certificate-registry/certificate-registry.texts.js';
export * from './certificate-registry/operator-desk-api.js';
export * from './financing-parameters/financing-parameters.js';
export * from './financing-parameters/financing-parameters.styles.js';
export * from './financing-parameters/financing-parameters.texts.js';
export * from './certificate-applications/certificate-applications.js';
export * from './certificate-applications/certificate-applications.styles.js';
export * from './certificate-applications/certificate-applications.texts.js';
export * from './inventory/inventory.js';
export * from './inventory/inventory-api.js';
export * from './inventory/inventory.styles.js';
export * from './inventory/inventory.texts.js';
export * from './data-entry/data-entry.js';
export * from './data-entry/data-entry-api.js';
export * from './data-entry/data-entry.styles.js';
export * from './data-entry/data-entry.texts.js';
export * from './course-planner/course-planner.js';
export * from './course-planner/course-planner-api.js';
export * from './course-planner/course-planner.styles.js';
export * from './course-planner/course-planner.texts.js';
export * from './course-links/course-links.js';
export * from './support-programme/support-programme.js';
export * from './support-programme/support-programme.texts.js';
