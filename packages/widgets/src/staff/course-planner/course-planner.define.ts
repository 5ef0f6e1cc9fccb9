/**
 * Registers `<eduset-course-planner>` (guarded against double definition) and re-exports its
 * class. Importing this module has that side effect. A staff element: it belongs to the staff
 * bundle (`eduset-staff.js`), never to the public one.
 *
 * @example
 * ```ts
 * import { EdusetCoursePlanner } from '@eduset/widgets/staff';
 * EdusetCoursePlanner.define('eduset-course-planner');
 * document.body.append(document.createElement('eduset-course-planner'));
 * ```
 *
 * @module course-planner
 */
import { EdusetCoursePlanner } from './course-planner.js';

export * from './course-planner.js';
export * from './course-planner-api.js';
export * from './course-planner.styles.js';
export * from './course-planner.texts.js';

EdusetCoursePlanner.define('eduset-course-planner');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-course-planner': EdusetCoursePlanner;
  }
}
