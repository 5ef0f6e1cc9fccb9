import type { ValidationIssue } from '@eduset/core/common';
import {
  courseGroupSchema,
  courseSchema,
  parseGridTimes,
  roomSchema,
  teacherSchema,
  type CourseGroup,
  type RoomEquipment,
  type Teacher,
  studentSchema,
  type Course,
  type Room,
  type Student,
} from '@eduset/core/courses';
import type { z } from 'zod';
import type { ImportColumnDefinition } from '../import/columns.js';
import { readTable } from '../import/read.js';
import {
  assign,
  assignText,
  fieldOfPath,
  importTable,
  missingRequired,
  type CellReader,
  type RecordSpec,
  type RowBuild,
} from '../import/rows.js';
import type { ImportOptions, ImportResult, ImportSource } from '../import/types.js';
import { numberCell, splitList } from '../import/values.js';

function column<F extends string>(
  field: F,
  ru: string[],
  en: string[],
  required: boolean,
  description: [string, string],
): ImportColumnDefinition<F> {
  return {
    field,
    headers: { ru, en },
    required,
    description: { ru: description[0], en: description[1] },
  };
}

/**
 * The columns of a courses file: «Код», «Профиль», «Название», «Часов», «Занятий в неделю»,
 * «Дней в неделю», «Мин. группа», «Макс. группа».
 *
 * @example
 * ```ts
 * import { courseImportColumns } from '@eduset/adapters';
 * courseImportColumns.map((c) => c.headers.ru[0]);
 * ```
 */
export const courseImportColumns = [
  column('id', ['Код', 'Код курса'], ['id', 'code'], true, ['Код курса', 'The course id']),
  column('profileId', ['Профиль'], ['profile'], true, ['Код профиля', 'The profile id']),
  column('name', ['Название', 'Наименование'], ['name'], true, [
    'Название курса',
    'The course name',
  ]),
  column('hours', ['Часов', 'Часы'], ['hours'], true, ['Часов за год', 'Hours a year']),
  column('lecturesPerWeek', ['Занятий в неделю'], ['lectures per week'], true, [
    'Занятий в неделю',
    'Lectures a week',
  ]),
  column('minWorkingDays', ['Дней в неделю'], ['min working days', 'days per week'], false, [
    'Не меньше дней в неделю',
    'At least this many days a week',
  ]),
  column('minGroupSize', ['Мин. группа', 'Минимум в группе'], ['min group size'], false, [
    'Наименьший размер группы',
    'Smallest group size',
  ]),
  column('maxGroupSize', ['Макс. группа', 'Максимум в группе'], ['max group size'], true, [
    'Наибольший размер группы',
    'Largest group size',
  ]),
  column('equipment', ['Оборудование', 'Оснащение'], ['equipment'], false, [
    'Нужное оборудование: названия или коды через запятую',
    'Equipment needed: names or ids, comma-separated',
  ]),
] as const;

/**
 * A field of the courses file. @example `const field: CourseColumnField = 'hours';`
 */
export type CourseColumnField = (typeof courseImportColumns)[number]['field'];

/**
 * The columns of a rooms file: «Код», «Ресурсный центр», «Название», «Мест», «Оборудование»,
 * «Занято».
 *
 * @example
 * ```ts
 * import { roomImportColumns } from '@eduset/adapters';
 * roomImportColumns.length; // 6
 * ```
 */
export const roomImportColumns = [
  column('id', ['Код', 'Код помещения'], ['id', 'code'], true, ['Код помещения', 'The room id']),
  column('resourceCentreId', ['Ресурсный центр', 'Площадка'], ['resource centre'], true, [
    'Код ресурсного центра',
    'The resource centre id',
  ]),
  column('name', ['Название', 'Кабинет'], ['name'], true, ['Название помещения', 'The room name']),
  column('capacity', ['Мест', 'Вместимость'], ['capacity', 'seats'], true, ['Число мест', 'Seats']),
  column('equipment', ['Оборудование', 'Оснащение'], ['equipment'], false, [
    'Оборудование: названия или коды через запятую',
    'Equipment: names or ids, comma-separated',
  ]),
  column('unavailable', ['Занято', 'Не свободно для сети'], ['unavailable', 'busy'], false, [
    'Уроки, когда помещение занято: «пн 1, 2; ср 3» (номера уроков с 1)',
    'Periods the room is busy: "Mon 1, 2; Wed 3" (periods from 1)',
  ]),
] as const;

/**
 * A field of the rooms file. @example `const field: RoomColumnField = 'capacity';`
 */
export type RoomColumnField = (typeof roomImportColumns)[number]['field'];

/**
 * The columns of a teachers file: «Код», «ФИО», «Занят» (the periods of the week grid the
 * teacher cannot teach: «пн 1, 2; ср 3», periods from 1).
 *
 * @example
 * ```ts
 * import { teacherImportColumns } from '@eduset/adapters';
 * teacherImportColumns[1].headers.ru[0]; // 'ФИО'
 * ```
 */
export const teacherImportColumns = [
  column('id', ['Код', 'Код преподавателя'], ['id', 'code'], true, [
    'Код преподавателя',
    'The teacher id',
  ]),
  column('name', ['ФИО', 'Преподаватель'], ['name', 'teacher'], true, [
    'Фамилия и инициалы',
    'Full name',
  ]),
  column('unavailable', ['Занят', 'Не может'], ['unavailable', 'busy'], false, [
    'Уроки, когда занят: «пн 1, 2; ср 3» (номера уроков с 1)',
    'Periods busy: "Mon 1, 2; Wed 3" (periods from 1)',
  ]),
] as const;

/**
 * A field of the teachers file. @example `const field: TeacherColumnField = 'unavailable';`
 */
export type TeacherColumnField = (typeof teacherImportColumns)[number]['field'];

/**
 * The columns of a groups file: «Код», «Курс», «Ресурсный центр», «Преподаватель»,
 * «Макс. группа».
 *
 * @example
 * ```ts
 * import { groupImportColumns } from '@eduset/adapters';
 * groupImportColumns.map((c) => c.headers.ru[0]).join(';');
 * ```
 */
export const groupImportColumns = [
  column('id', ['Код', 'Код группы'], ['id', 'code'], true, ['Код группы', 'The group id']),
  column('courseId', ['Курс', 'Код курса'], ['course'], true, ['Код курса', 'The course id']),
  column('resourceCentreId', ['Ресурсный центр', 'Площадка'], ['resource centre'], true, [
    'Код ресурсного центра',
    'The resource centre id',
  ]),
  column('teacherId', ['Преподаватель', 'Код преподавателя'], ['teacher'], true, [
    'Код преподавателя',
    'The teacher id',
  ]),
  column('maxSize', ['Макс. группа', 'Максимум в группе'], ['max size'], false, [
    'Наибольший размер этой группы',
    'Largest size of this group',
  ]),
] as const;

/**
 * A field of the groups file. @example `const field: GroupColumnField = 'teacherId';`
 */
export type GroupColumnField = (typeof groupImportColumns)[number]['field'];

/**
 * The columns of a students file: «Код», «ФИО», «Школа», «Класс», «Курсы» (the individual
 * study plan: course ids separated by commas or semicolons).
 *
 * @example
 * ```ts
 * import { studentImportColumns } from '@eduset/adapters';
 * studentImportColumns.find((c) => c.field === 'studyPlan')?.headers.ru[0]; // 'Курсы'
 * ```
 */
export const studentImportColumns = [
  column('id', ['Код', 'Код учащегося'], ['id', 'code'], true, ['Код учащегося', 'The student id']),
  column('name', ['ФИО', 'Учащийся'], ['name', 'student'], true, ['Фамилия и имя', 'Full name']),
  column(
    'homeSchoolId',
    ['Школа', 'Образовательная организация'],
    ['school', 'home school'],
    true,
    ['Код своей школы', 'The home school id'],
  ),
  column('grade', ['Класс'], ['grade'], true, ['Класс (10, 11)', 'Grade (10, 11)']),
  column(
    'studyPlan',
    ['Курсы', 'Учебный план', 'Индивидуальный учебный план'],
    ['courses', 'study plan'],
    true,
    ['Коды выбранных курсов', 'Ids of the chosen courses'],
  ),
] as const;

/**
 * A field of the students file. @example `const field: StudentColumnField = 'studyPlan';`
 */
export type StudentColumnField = (typeof studentImportColumns)[number]['field'];

function spec<S extends z.ZodType, F extends string>(
  columns: readonly ImportColumnDefinition<F>[],
  schema: S,
  build: (cells: CellReader<F>) => RowBuild,
): RecordSpec<S, F> {
  return {
    definitions: columns,
    schema,
    idField: 'id' as F,
    missingColumns: missingRequired(columns),
    build,
    fieldOf: fieldOfPath(columns),
  };
}

/**
 * Options of the course network importers: the network's kinds of equipment, so an
 * «Оборудование» cell may name them as people do (in Russian or English) as well as by id.
 *
 * @example
 * ```ts
 * import type { CourseImportOptions } from '@eduset/adapters';
 * const options: CourseImportOptions = { equipment: [{ id: 'computers', name: { ru: 'компьютеры', en: 'computers' } }] };
 * ```
 */
export interface CourseImportOptions extends ImportOptions {
  readonly equipment?: readonly RoomEquipment[];
}

const fold = (text: string): string => text.trim().toLowerCase().replace(/ё/g, 'е');

function equipmentInto(
  input: Record<string, unknown>,
  text: string,
  known: readonly RoomEquipment[] | undefined,
  issues: ValidationIssue[],
): void {
  const ids: string[] = [];
  for (const word of splitList(text)) {
    if (known === undefined) {
      ids.push(word);
      continue;
    }
    const found = known.find(
      (kind) =>
        kind.id === word || fold(kind.name.ru) === fold(word) || fold(kind.name.en) === fold(word),
    );
    if (found === undefined) {
      issues.push({
        path: ['equipment'],
        code: 'unknown_equipment',
        message: {
          ru: `Нет такого оборудования «${word}»; есть: ${known.map((kind) => kind.name.ru).join(', ')}`,
          en: `No such equipment "${word}"; known: ${known.map((kind) => kind.name.en).join(', ')}`,
        },
      });
    } else if (!ids.includes(found.id)) ids.push(found.id);
  }
  input.equipment = ids;
}

function gridTimesInto(
  input: Record<string, unknown>,
  text: string,
  issues: ValidationIssue[],
): void {
  const times = parseGridTimes(text);
  if (times === undefined) {
    issues.push({
      path: ['unavailable'],
      code: 'invalid_periods',
      message: {
        ru: `Не понятно «${text}»; пример: пн 1, 2; ср 3-5 (дни недели и номера уроков с 1)`,
        en: `Cannot read "${text}"; for example: Mon 1, 2; Wed 3-5 (weekdays and periods from 1)`,
      },
    });
  } else input.unavailable = times;
}

const courseSpec = (equipment?: readonly RoomEquipment[]) =>
  spec(courseImportColumns, courseSchema, (cells) => {
    const input: Record<string, unknown> = {};
    const issues: ValidationIssue[] = [];
    equipmentInto(input, cells.get('equipment'), equipment, issues);
    assignText(input, 'id', cells.get('id'));
    assignText(input, 'profileId', cells.get('profileId'));
    assignText(input, 'name', cells.get('name'));
    for (const field of [
      'hours',
      'lecturesPerWeek',
      'minWorkingDays',
      'minGroupSize',
      'maxGroupSize',
    ] as const) {
      assign(input, field, numberCell(cells.get(field), [field]), issues);
    }
    return { input, issues };
  });

const roomSpec = (equipment?: readonly RoomEquipment[]) =>
  spec(roomImportColumns, roomSchema, (cells) => {
    const input: Record<string, unknown> = {};
    const issues: ValidationIssue[] = [];
    assignText(input, 'id', cells.get('id'));
    assignText(input, 'resourceCentreId', cells.get('resourceCentreId'));
    assignText(input, 'name', cells.get('name'));
    assign(input, 'capacity', numberCell(cells.get('capacity'), ['capacity']), issues);
    equipmentInto(input, cells.get('equipment'), equipment, issues);
    gridTimesInto(input, cells.get('unavailable'), issues);
    return { input, issues };
  });

const teacherSpec = spec(teacherImportColumns, teacherSchema, (cells) => {
  const input: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  assignText(input, 'id', cells.get('id'));
  assignText(input, 'name', cells.get('name'));
  gridTimesInto(input, cells.get('unavailable'), issues);
  return { input, issues };
});

const groupSpec = spec(groupImportColumns, courseGroupSchema, (cells) => {
  const input: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  for (const field of ['id', 'courseId', 'resourceCentreId', 'teacherId'] as const) {
    assignText(input, field, cells.get(field));
  }
  assign(input, 'maxSize', numberCell(cells.get('maxSize'), ['maxSize']), issues);
  return { input, issues };
});

const studentSpec = spec(studentImportColumns, studentSchema, (cells) => {
  const input: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  assignText(input, 'id', cells.get('id'));
  assignText(input, 'name', cells.get('name'));
  assignText(input, 'homeSchoolId', cells.get('homeSchoolId'));
  assign(
    input,
    'grade',
    numberCell(cells.get('grade').replace(/[^\d.,-]/g, ''), ['grade']),
    issues,
  );
  input.studyPlan = splitList(cells.get('studyPlan'));
  return { input, issues };
});

/**
 * Imports profile courses from CSV or XLSX (columns {@link courseImportColumns}). Every row
 * is accepted as a core `Course` or rejected with its number, cells and reasons.
 *
 * @example
 * ```ts
 * import { importCourses } from '@eduset/adapters';
 * const csv = 'Код;Профиль;Название;Часов;Занятий в неделю;Макс. группа\npython;it;Python;68;2;15';
 * (await importCourses(csv)).accepted[0]?.record.lecturesPerWeek; // 2
 * ```
 */
export async function importCourses(
  source: ImportSource,
  options: CourseImportOptions = {},
): Promise<ImportResult<Course>> {
  return importTable(await readTable(source, options), courseSpec(options.equipment)).result;
}

/**
 * Imports rooms of resource centres from CSV or XLSX (columns {@link roomImportColumns}).
 *
 * @example
 * ```ts
 * import { importRooms } from '@eduset/adapters';
 * const csv = 'Код;Ресурсный центр;Название;Мест\nsch1-201;rc-school-1;Кабинет 201;15';
 * (await importRooms(csv)).accepted[0]?.record.capacity; // 15
 * ```
 */
export async function importRooms(
  source: ImportSource,
  options: CourseImportOptions = {},
): Promise<ImportResult<Room>> {
  return importTable(await readTable(source, options), roomSpec(options.equipment)).result;
}

/**
 * Imports teachers with the periods they cannot teach from CSV or XLSX (columns
 * {@link teacherImportColumns}).
 *
 * @example
 * ```ts
 * import { importTeachers } from '@eduset/adapters';
 * const csv = 'Код;ФИО;Занят\nt-ivanova;Иванова А. П.;пн 1, 2';
 * (await importTeachers(csv)).accepted[0]?.record.unavailable.length; // 2
 * ```
 */
export async function importTeachers(
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult<Teacher>> {
  return importTable(await readTable(source, options), teacherSpec).result;
}

/**
 * Imports course groups (a course, its resource centre and teacher) from CSV or XLSX
 * (columns {@link groupImportColumns}).
 *
 * @example
 * ```ts
 * import { importGroups } from '@eduset/adapters';
 * const csv = 'Код;Курс;Ресурсный центр;Преподаватель\npython-1;python;rc-school-1;t-ivanova';
 * (await importGroups(csv)).accepted[0]?.record.teacherId; // 't-ivanova'
 * ```
 */
export async function importGroups(
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult<CourseGroup>> {
  return importTable(await readTable(source, options), groupSpec).result;
}

/**
 * Imports students with their home school, grade and individual study plan from CSV or XLSX
 * (columns {@link studentImportColumns}); the «Курсы» cell lists course ids.
 *
 * @example
 * ```ts
 * import { importStudents } from '@eduset/adapters';
 * const csv = 'Код;ФИО;Школа;Класс;Курсы\nst-001;Петров Иван;school-2;10;python, economics';
 * (await importStudents(csv)).accepted[0]?.record.studyPlan; // ['python', 'economics']
 * ```
 */
export async function importStudents(
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult<Student>> {
  return importTable(await readTable(source, options), studentSpec).result;
}
