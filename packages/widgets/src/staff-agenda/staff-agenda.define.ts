/**
 * Registers `<eduset-staff-agenda>` (guarded against double definition) and re-exports its
 * class. Importing this module has that side effect; `@eduset/widgets` itself has none, and
 * the public bundle (`eduset-widgets.js`) never includes it.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/staff-agenda';
 * const agenda = document.createElement('eduset-staff-agenda');
 * agenda.srcBase = '/api';
 * document.body.append(agenda);
 * ```
 *
 * @module staff-agenda
 */
import { EdusetStaffAgenda } from './staff-agenda.js';

export * from './consultation-change.js';
export * from './staff-agenda-api.js';
export * from './staff-agenda.js';
export * from './staff-agenda.styles.js';
export * from './staff-agenda.texts.js';

EdusetStaffAgenda.define('eduset-staff-agenda');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-staff-agenda': EdusetStaffAgenda;
  }
}
