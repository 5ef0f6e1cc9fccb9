/**
 * Registers `<eduset-program-navigator>` (guarded against double definition) and re-exports
 * its class. Importing this module has that side effect; `@eduset/widgets` itself has none.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/program-navigator';
 * document.body.append(document.createElement('eduset-program-navigator'));
 * ```
 *
 * @module program-navigator
 */
import { EdusetProgramNavigator } from './program-navigator.js';

export * from './program-navigator.js';
export * from './program-navigator.i18n.js';

EdusetProgramNavigator.define('eduset-program-navigator');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-program-navigator': EdusetProgramNavigator;
  }
}
