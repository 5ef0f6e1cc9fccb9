/**
 * Registers `<eduset-site-directory>` (guarded against double definition) and re-exports
 * its class. Importing this module has that side effect; `@eduset/widgets` itself has none.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/site-directory';
 * document.body.append(document.createElement('eduset-site-directory'));
 * ```
 *
 * @module site-directory
 */
import { EdusetSiteDirectory } from './site-directory.js';

export * from './site-directory.js';
export * from './site-filter.js';

EdusetSiteDirectory.define('eduset-site-directory');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-site-directory': EdusetSiteDirectory;
  }
}
