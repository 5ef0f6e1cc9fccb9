/**
 * Registers `<eduset-school-map>` (guarded against double definition) and re-exports its
 * class. Importing this module has that side effect; `@eduset/widgets` itself has none.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/school-map';
 * const map = document.createElement('eduset-school-map');
 * map.src = '/api/schools';
 * document.body.append(map);
 * ```
 *
 * @module school-map
 */
import { EdusetSchoolMap } from './school-map.js';

export * from './school-map.js';

EdusetSchoolMap.define('eduset-school-map');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-school-map': EdusetSchoolMap;
  }
}
