/**
 * Registers `<eduset-certificate-registry>` (guarded against double definition) and re-exports
 * its class. Importing this module has that side effect. A staff element: it belongs to the
 * staff bundle (`eduset-staff.js`), never to the public one.
 *
 * @example
 * ```ts
 * import { EdusetCertificateRegistry } from '@eduset/widgets/staff';
 * EdusetCertificateRegistry.define('eduset-certificate-registry');
 * const registry = document.createElement('eduset-certificate-registry');
 * registry.setAttribute('src-base', '/api');
 * document.body.append(registry);
 * ```
 *
 * @module certificate-registry
 */
import { EdusetCertificateRegistry } from './certificate-registry.js';

export * from './certificate-registry.js';
export * from './certificate-registry.styles.js';
export * from './certificate-registry.texts.js';
export * from './operator-desk-api.js';

EdusetCertificateRegistry.define('eduset-certificate-registry');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-certificate-registry': EdusetCertificateRegistry;
  }
}
