import type { ValidationIssue } from '@eduset/core/common';
import {
  formatGridTimes,
  type CourseNetwork,
  type CourseNetworkTable,
  type RoomEquipment,
} from '@eduset/core/courses';
import { excelCsv, type CsvCell } from '../export/csv.js';
import type { ImportColumnDefinition } from '../import/columns.js';
import type { ImportResult, ImportSource } from '../import/types.js';
import {
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
  type CourseImportOptions,
} from './import.js';

/**
 * The columns of each uploadable table of a course network (the first Russian header of
 * each is what an export writes).
 *
 * @example
 * ```ts
 * import { courseTableColumns } from '@eduset/adapters';
 * courseTableColumns.rooms.map((column) => column.headers.ru[0]).join(';');
 * ```
 */
export const courseTableColumns: Readonly<
  Record<CourseNetworkTable, readonly ImportColumnDefinition[]>
> = {
  rooms: roomImportColumns,
  teachers: teacherImportColumns,
  courses: courseImportColumns,
  groups: groupImportColumns,
  students: studentImportColumns,
};

/**
 * Reads one table of a course network from a CSV or XLSX file: every row accepted as a
 * record of core's schema or rejected with its reasons (`accepted + rejected = rows`).
 * References to the rest of the network are checked when the records are merged (core's
 * `mergeCourseNetworkTable`).
 *
 * @example
 * ```ts
 * import { importCourseNetworkTable } from '@eduset/adapters';
 * const result = await importCourseNetworkTable('teachers', 'Код;ФИО\nt-1;Иванова А. П.');
 * result.accepted[0]?.record.id; // 't-1'
 * ```
 */
export async function importCourseNetworkTable(
  table: CourseNetworkTable,
  source: ImportSource,
  options: CourseImportOptions = {},
): Promise<ImportResult<{ readonly id: string }>> {
  switch (table) {
    case 'rooms':
      return importRooms(source, options);
    case 'teachers':
      return importTeachers(source, options);
    case 'courses':
      return importCourses(source, options);
    case 'groups':
      return importGroups(source, options);
    case 'students':
      return importStudents(source, options);
  }
}

function equipmentNames(ids: readonly string[], known: readonly RoomEquipment[]): string {
  return ids.map((id) => known.find((kind) => kind.id === id)?.name.ru ?? id).join(', ');
}

/**
 * The rows of one table of a network as cells, in the columns of
 * {@link courseTableColumns} (equipment by its Russian name, busy periods as `пн 1, 2`).
 *
 * @example
 * ```ts
 * import { courseTableRows } from '@eduset/adapters';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * courseTableRows(network, 'groups')[0];
 * ```
 */
export function courseTableRows(network: CourseNetwork, table: CourseNetworkTable): CsvCell[][] {
  const known = network.equipment;
  switch (table) {
    case 'rooms':
      return network.rooms.map((room) => [
        room.id,
        room.resourceCentreId,
        room.name,
        room.capacity,
        equipmentNames(room.equipment, known),
        formatGridTimes(room.unavailable),
      ]);
    case 'teachers':
      return network.teachers.map((teacher) => [
        teacher.id,
        teacher.name,
        formatGridTimes(teacher.unavailable),
      ]);
    case 'courses':
      return network.courses.map((course) => [
        course.id,
        course.profileId,
        course.name,
        course.hours,
        course.lecturesPerWeek,
        course.minWorkingDays,
        course.minGroupSize,
        course.maxGroupSize,
        equipmentNames(course.equipment, known),
      ]);
    case 'groups':
      return network.groups.map((group) => [
        group.id,
        group.courseId,
        group.resourceCentreId,
        group.teacherId,
        group.maxSize ?? null,
      ]);
    case 'students':
      return network.students.map((student) => [
        student.id,
        student.name,
        student.homeSchoolId,
        student.grade,
        student.studyPlan.join(', '),
      ]);
  }
}

/**
 * One table of a network as a CSV file Russian Excel opens (`;`, UTF-8 with BOM), with the
 * headers the importer reads: uploading it again gives the same table.
 *
 * @example
 * ```ts
 * import { courseTableCsv } from '@eduset/adapters';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * const text = courseTableCsv(network, 'rooms'); // 'Код;Ресурсный центр;Название;Мест;…'
 * ```
 */
export function courseTableCsv(network: CourseNetwork, table: CourseNetworkTable): string {
  const header = courseTableColumns[table].map((column) => column.headers.ru[0] ?? column.field);
  return excelCsv(courseTableRows(network, table), header);
}

/**
 * Names the column an issue of a merged row is about (`«Ресурсный центр»: …`), the way the
 * importer names it for its own issues; other issues are returned as they are.
 *
 * @example
 * ```ts
 * import { labelTableIssue } from '@eduset/adapters';
 * labelTableIssue('rooms', { path: ['resourceCentreId'], code: 'custom', message: { ru: 'Нет', en: 'No' } }).message.ru;
 * // '«Ресурсный центр»: Нет'
 * ```
 */
export function labelTableIssue(
  table: CourseNetworkTable,
  issue: ValidationIssue,
): ValidationIssue {
  const column = courseTableColumns[table].find((c) => c.field === issue.path[0]);
  if (column === undefined) return issue;
  const ru = column.headers.ru[0] ?? column.field;
  const en = column.headers.en[0] ?? column.field;
  return {
    ...issue,
    message: { ru: `«${ru}»: ${issue.message.ru}`, en: `"${en}": ${issue.message.en}` },
  };
}
