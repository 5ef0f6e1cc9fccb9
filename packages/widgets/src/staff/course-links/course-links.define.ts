/**
 * Registers `<eduset-course-links>` (guarded against double definition) and re-exports its
 * class. Importing this module has that side effect. A staff element: it belongs to the staff
 * bundle (`eduset-staff.js`), never to the public one.
 *
 * @example
 * ```ts
 * import { EdusetCourseLinks } from '@eduset/widgets/staff';
 * EdusetCourseLinks.define('eduset-course-links');
 * document.body.append(document.createElement('eduset-course-links'));
 * ```
 *
 * @module course-links
 */
import { EdusetCourseLinks } from './course-links.js';

export * from './course-links.js';

EdusetCourseLinks.define('eduset-course-links');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-course-links': EdusetCourseLinks;
  }
}
