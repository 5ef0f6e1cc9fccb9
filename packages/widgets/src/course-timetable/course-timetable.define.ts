/**
 * Registers `<eduset-course-timetable>` (guarded against double definition) and re-exports
 * its class. Importing this module has that side effect; `@eduset/widgets` itself has none.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/course-timetable';
 * const timetable = document.createElement('eduset-course-timetable');
 * timetable.srcBase = '/api';
 * timetable.view = 'student';
 * timetable.entity = 'st-001';
 * document.body.append(timetable);
 * ```
 *
 * @module course-timetable
 */
import { EdusetCourseTimetable } from './course-timetable.js';

export * from './course-timetable.js';

EdusetCourseTimetable.define('eduset-course-timetable');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-course-timetable': EdusetCourseTimetable;
  }
}
