/**
 * Registers `<eduset-financing-parameters>` (guarded against double definition) and re-exports
 * its class. Importing this module has that side effect. A staff element: it belongs to the
 * staff bundle (`eduset-staff.js`), never to the public one.
 *
 * @example
 * ```ts
 * import { EdusetFinancingParameters } from '@eduset/widgets/staff';
 * EdusetFinancingParameters.define('eduset-financing-parameters');
 * document.body.append(document.createElement('eduset-financing-parameters'));
 * ```
 *
 * @module financing-parameters
 */
import { EdusetFinancingParameters } from './financing-parameters.js';

export * from './financing-parameters.js';
export * from './financing-parameters.styles.js';
export * from './financing-parameters.texts.js';

EdusetFinancingParameters.define('eduset-financing-parameters');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-financing-parameters': EdusetFinancingParameters;
  }
}
