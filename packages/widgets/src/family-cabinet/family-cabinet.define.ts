/**
 * Registers `<eduset-family-cabinet>` (guarded against double definition) and re-exports its
 * class. Importing this module has that side effect; `@eduset/widgets` itself has none.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/family-cabinet';
 * document.body.append(document.createElement('eduset-family-cabinet'));
 * ```
 *
 * @module family-cabinet
 */
import { EdusetFamilyCabinet } from './family-cabinet.js';

export * from './family-cabinet.js';
export * from './family-cabinet.texts.js';

EdusetFamilyCabinet.define('eduset-family-cabinet');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-family-cabinet': EdusetFamilyCabinet;
  }
}
