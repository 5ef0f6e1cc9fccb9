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
export * from './certificate-applications/certificate-applications.js';
export * from './certificate-applications/certificate-applications.styles.js';
export * from './certificate-applications/certificate-applications.texts.js';
