/**
 * Registers `<eduset-financing-reports>` (guarded against double definition) and re-exports
 * its class. Importing this module has that side effect. A staff element: it belongs to the
 * staff bundle (`eduset-staff.js`), never to the public one.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/financing-reports';
 * const reports = document.createElement('eduset-financing-reports');
 * reports.srcBase = '/api';
 * document.body.append(reports);
 * ```
 *
 * @module financing-reports
 */
import { EdusetFinancingReports } from './financing-reports.js';

export * from './financing-reports.js';
export * from './financing-reports.styles.js';
export * from './financing-reports.texts.js';

EdusetFinancingReports.define('eduset-financing-reports');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-financing-reports': EdusetFinancingReports;
  }
}
