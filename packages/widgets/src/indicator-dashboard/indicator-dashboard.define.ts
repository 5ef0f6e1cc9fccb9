/**
 * Registers `<eduset-indicator-dashboard>` (guarded against double definition) and re-exports
 * its class. Importing this module has that side effect; `@eduset/widgets` itself has none.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/indicator-dashboard';
 * const dashboard = document.createElement('eduset-indicator-dashboard');
 * dashboard.src = '/api/indicators?level=municipality';
 * document.body.append(dashboard);
 * ```
 *
 * @module indicator-dashboard
 */
import { EdusetIndicatorDashboard } from './indicator-dashboard.js';

export * from './indicator-dashboard.js';

EdusetIndicatorDashboard.define('eduset-indicator-dashboard');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-indicator-dashboard': EdusetIndicatorDashboard;
  }
}
