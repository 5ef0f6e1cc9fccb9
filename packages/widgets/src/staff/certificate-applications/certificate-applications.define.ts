/**
 * Registers `<eduset-certificate-applications>` (guarded against double definition) and
 * re-exports its class. Importing this module has that side effect; `@eduset/widgets/staff`
 * itself has none.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/certificate-applications';
 * document.body.append(document.createElement('eduset-certificate-applications'));
 * ```
 *
 * @module certificate-applications
 */
import { EdusetCertificateApplications } from './certificate-applications.js';

export * from './certificate-applications.js';
export * from './certificate-applications.texts.js';

EdusetCertificateApplications.define('eduset-certificate-applications');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-certificate-applications': EdusetCertificateApplications;
  }
}
