/**
 * The staff's lazy loader: one small ES module that defines each staff element only when its
 * tag appears on the page, so a desk page downloads its own element and what it needs, not
 * every desk of the staff bundle (`eduset-staff.js`, which stays for pages that want one file).
 * The modules it loads lie beside it (`lazy-staff/…`), with the chunks they share (Lit, core's
 * schemas, the staff transport) loaded once. Public pages never load it.
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-staff-loader.js"></script>
 * <eduset-course-links src-base="/api"></eduset-course-links>
 * ```
 *
 * @module eduset-staff-loader
 */
import { defineOnDemand, type LazyModule } from '../internal/lazy-define.js';

/** Each staff tag and the module that defines it (the bundler makes each a chunk). */
const modules: readonly LazyModule[] = [
  ['eduset-staff-agenda', () => import('../staff-agenda/staff-agenda.define.js')],
  [
    'eduset-availability-editor',
    () => import('./availability-editor/availability-editor.define.js'),
  ],
  [
    'eduset-certificate-applications',
    () => import('./certificate-applications/certificate-applications.define.js'),
  ],
  [
    'eduset-certificate-registry',
    () => import('./certificate-registry/certificate-registry.define.js'),
  ],
  ['eduset-course-links', () => import('./course-links/course-links.define.js')],
  ['eduset-course-planner', () => import('./course-planner/course-planner.define.js')],
  ['eduset-data-entry', () => import('./data-entry/data-entry.define.js')],
  [
    'eduset-financing-parameters',
    () => import('./financing-parameters/financing-parameters.define.js'),
  ],
  ['eduset-financing-reports', () => import('./financing-reports/financing-reports.define.js')],
  ['eduset-inventory', () => import('./inventory/inventory.define.js')],
  ['eduset-payer-desk', () => import('./payer-desk/payer-desk.define.js')],
  ['eduset-programme-review', () => import('./programme-review/programme-review.define.js')],
  ['eduset-provider-desk', () => import('./provider-desk/provider-desk.define.js')],
  [
    'eduset-provider-programmes',
    () => import('./provider-programmes/provider-programmes.define.js'),
  ],
  ['eduset-support-programme', () => import('./support-programme/support-programme.define.js')],
];

defineOnDemand(modules);
