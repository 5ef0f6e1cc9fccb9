/**
 * The network of profile courses in the outside world: import of courses, rooms and
 * students with their study plans from CSV/XLSX, export of the timetable as XLSX and as
 * iCalendar feeds, certificates as printable HTML. The HTTP routes the `<eduset-course-timetable>` widget
 * reads are in `@eduset/server`.
 *
 * @example
 * ```ts
 * import { importStudents, timetableFeed } from '@eduset/adapters';
 * declare const csv: string;
 * const { accepted, rejected } = await importStudents(csv);
 * ```
 *
 * @module courses
 */
export {
  courseImportColumns,
  groupImportColumns,
  importCourses,
  importGroups,
  importRooms,
  importStudents,
  importTeachers,
  roomImportColumns,
  studentImportColumns,
  teacherImportColumns,
  type CourseColumnField,
  type CourseImportOptions,
  type GroupColumnField,
  type RoomColumnField,
  type StudentColumnField,
  type TeacherColumnField,
} from './import.js';
export {
  courseTableColumns,
  courseTableCsv,
  courseTableRows,
  importCourseNetworkTable,
  labelTableIssue,
} from './tables.js';
export { certificatesHtml, timetableFeed, timetableXlsx } from './export.js';
export {
  solveInBackground,
  type BackgroundSolve,
  type BackgroundSolveOptions,
  type BackgroundSolveProgress,
  type BackgroundSolveResult,
} from './background-solve.js';
