import { z } from '../common/zod.js';
import {
  parse,
  ValidationError,
  type LocalizedText,
  type ValidationIssue,
} from '../common/index.js';
import { createTimetableProblem, type PlacedLecture, type TimetableProblem } from './problem.js';

const itcId = z.string().regex(/^\S+$/);

/**
 * Schema of an ITC-2007 track 3 (curriculum-based course timetabling) instance, as read from
 * a `.ctt` file.
 *
 * @example
 * ```ts
 * import { itcInstanceSchema } from '@eduset/core/courses';
 * itcInstanceSchema.parse({
 *   name: 'Toy', days: 1, periodsPerDay: 2,
 *   courses: [{ id: 'c1', teacher: 't1', lectures: 1, minWorkingDays: 1, students: 10 }],
 *   rooms: [{ id: 'r1', capacity: 10 }], curricula: [], unavailability: [],
 * });
 * ```
 */
export const itcInstanceSchema = z.object({
  name: z.string(),
  days: z.number().int().min(1),
  periodsPerDay: z.number().int().min(1),
  courses: z.array(
    z.object({
      id: itcId,
      teacher: itcId,
      lectures: z.number().int().min(0),
      minWorkingDays: z.number().int().min(0),
      students: z.number().int().min(0),
    }),
  ),
  rooms: z.array(z.object({ id: itcId, capacity: z.number().int().min(0) })),
  curricula: z.array(z.object({ id: itcId, courses: z.array(itcId) })),
  unavailability: z.array(
    z.object({ course: itcId, day: z.number().int().min(0), period: z.number().int().min(0) }),
  ),
});

/**
 * An ITC-2007 instance. @example `const instance: ItcInstance = parseCtt(text);`
 */
export type ItcInstance = z.infer<typeof itcInstanceSchema>;

/**
 * One line of an ITC-2007 solution: a lecture of `course` in `room` on `day` at `period`.
 *
 * @example
 * ```ts
 * import type { ItcLecture } from '@eduset/core/courses';
 * const lecture: ItcLecture = { course: 'c0001', room: 'B', day: 0, period: 3 };
 * ```
 */
export interface ItcLecture {
  readonly course: string;
  readonly room: string;
  readonly day: number;
  readonly period: number;
}

function issue(path: (string | number)[], ru: string, en: string): ValidationIssue {
  return { path, code: 'format', message: { ru, en } };
}

/**
 * Reads an ITC-2007 `.ctt` instance. Each malformed line is reported with its line number;
 * references to unknown courses are reported too.
 *
 * @example
 * ```ts
 * import { parseCtt } from '@eduset/core/courses';
 * const instance = parseCtt(`Name: Toy
 * Courses: 1
 * Rooms: 1
 * Days: 1
 * Periods_per_day: 2
 * Curricula: 0
 * Constraints: 0
 *
 * COURSES:
 * c1 t1 1 1 10
 *
 * ROOMS:
 * r1 10
 *
 * CURRICULA:
 *
 * UNAVAILABILITY_CONSTRAINTS:
 *
 * END.
 * `);
 * instance.courses[0]?.students; // 10
 * ```
 */
export function parseCtt(text: string): ItcInstance {
  const issues: ValidationIssue[] = [];
  const header = new Map<string, string>();
  const courses: ItcInstance['courses'] = [];
  const rooms: ItcInstance['rooms'] = [];
  const curricula: ItcInstance['curricula'] = [];
  const unavailability: ItcInstance['unavailability'] = [];
  let section = '';
  const lines = text.split(/\r?\n/);
  const int = (value: string | undefined): number =>
    value !== undefined && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const at = ['line', index + 1];
    if (line === '' || line === 'END.') return;
    if (line.endsWith(':') && /^[A-Z_]+:$/.test(line)) {
      section = line.slice(0, -1);
      return;
    }
    const fields = line.split(/\s+/);
    if (section === '') {
      const match = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
      if (match === null)
        issues.push(
          issue(at, `Непонятная строка заголовка: ${line}`, `Unreadable header line: ${line}`),
        );
      else header.set(match[1] ?? '', (match[2] ?? '').trim());
      return;
    }
    const bad = (): void => {
      issues.push(
        issue(
          at,
          `Неверная строка в разделе ${section}: ${line}`,
          `Malformed line in ${section}: ${line}`,
        ),
      );
    };
    switch (section) {
      case 'COURSES': {
        const [id, teacher, lectures, mwd, students] = fields;
        const values = [int(lectures), int(mwd), int(students)];
        if (
          fields.length !== 5 ||
          id === undefined ||
          teacher === undefined ||
          values.some(Number.isNaN)
        )
          bad();
        else
          courses.push({
            id,
            teacher,
            lectures: values[0] ?? 0,
            minWorkingDays: values[1] ?? 0,
            students: values[2] ?? 0,
          });
        break;
      }
      case 'ROOMS': {
        const [id, capacity] = fields;
        if (fields.length !== 2 || id === undefined || Number.isNaN(int(capacity))) bad();
        else rooms.push({ id, capacity: int(capacity) });
        break;
      }
      case 'CURRICULA': {
        const [id, count, ...members] = fields;
        if (id === undefined || int(count) !== members.length) bad();
        else curricula.push({ id, courses: members });
        break;
      }
      case 'UNAVAILABILITY_CONSTRAINTS': {
        const [course, day, period] = fields;
        if (
          fields.length !== 3 ||
          course === undefined ||
          Number.isNaN(int(day)) ||
          Number.isNaN(int(period))
        )
          bad();
        else unavailability.push({ course, day: int(day), period: int(period) });
        break;
      }
      default:
        issues.push(issue(at, `Неизвестный раздел ${section}`, `Unknown section ${section}`));
    }
  });
  const days = int(header.get('Days'));
  const periodsPerDay = int(header.get('Periods_per_day'));
  if (Number.isNaN(days) || Number.isNaN(periodsPerDay)) {
    issues.push(
      issue(['header'], 'Нет числа дней или периодов в день', 'Days or Periods_per_day missing'),
    );
  }
  const expect = (key: string, actual: number): void => {
    const declared = header.get(key);
    if (declared !== undefined && int(declared) !== actual) {
      issues.push(
        issue(
          ['header', key],
          `${key}: объявлено ${declared}, найдено ${actual}`,
          `${key}: ${declared} declared, ${actual} found`,
        ),
      );
    }
  };
  expect('Courses', courses.length);
  expect('Rooms', rooms.length);
  expect('Curricula', curricula.length);
  expect('Constraints', unavailability.length);
  const known = new Set(courses.map((course) => course.id));
  curricula.forEach((curriculum, index) => {
    curriculum.courses.forEach((course, at) => {
      if (!known.has(course))
        issues.push(
          issue(['curricula', index, 'courses', at], `Нет курса ${course}`, `No course ${course}`),
        );
    });
  });
  unavailability.forEach((entry, index) => {
    if (!known.has(entry.course))
      issues.push(
        issue(['unavailability', index], `Нет курса ${entry.course}`, `No course ${entry.course}`),
      );
    if (entry.day >= days || entry.period >= periodsPerDay) {
      issues.push(
        issue(
          ['unavailability', index],
          'День или период вне расписания',
          'Day or period out of range',
        ),
      );
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return parse(itcInstanceSchema, {
    name: header.get('Name') ?? '',
    days,
    periodsPerDay,
    courses,
    rooms,
    curricula,
    unavailability,
  });
}

/**
 * Writes an instance in the `.ctt` format (`parseCtt(writeCtt(x))` equals `x`).
 *
 * @example
 * ```ts
 * import { writeCtt } from '@eduset/core/courses';
 * writeCtt({
 *   name: 'Toy', days: 1, periodsPerDay: 2,
 *   courses: [{ id: 'c1', teacher: 't1', lectures: 1, minWorkingDays: 1, students: 10 }],
 *   rooms: [{ id: 'r1', capacity: 10 }], curricula: [], unavailability: [],
 * }).startsWith('Name: Toy'); // true
 * ```
 */
export function writeCtt(instance: ItcInstance): string {
  const lines = [
    `Name: ${instance.name}`,
    `Courses: ${instance.courses.length}`,
    `Rooms: ${instance.rooms.length}`,
    `Days: ${instance.days}`,
    `Periods_per_day: ${instance.periodsPerDay}`,
    `Curricula: ${instance.curricula.length}`,
    `Constraints: ${instance.unavailability.length}`,
    '',
    'COURSES:',
    ...instance.courses.map(
      (c) => `${c.id} ${c.teacher} ${c.lectures} ${c.minWorkingDays} ${c.students}`,
    ),
    '',
    'ROOMS:',
    ...instance.rooms.map((r) => `${r.id}\t${r.capacity}`),
    '',
    'CURRICULA:',
    ...instance.curricula.map((q) => [q.id, q.courses.length, ...q.courses].join(' ')),
    '',
    'UNAVAILABILITY_CONSTRAINTS:',
    ...instance.unavailability.map((u) => `${u.course} ${u.day} ${u.period}`),
    '',
    'END.',
    '',
  ];
  return lines.join('\n');
}

/**
 * Reads an ITC-2007 solution (one `course room day period` line per lecture), checking each
 * line against the instance. Every bad line is reported with its number.
 *
 * @example
 * ```ts
 * import { parseItcSolution } from '@eduset/core/courses';
 * declare const instance: import('@eduset/core/courses').ItcInstance;
 * parseItcSolution(instance, 'c1 r1 0 1\n');
 * ```
 */
export function parseItcSolution(instance: ItcInstance, text: string): ItcLecture[] {
  const issues: ValidationIssue[] = [];
  const courses = new Set(instance.courses.map((course) => course.id));
  const rooms = new Set(instance.rooms.map((room) => room.id));
  const lectures: ItcLecture[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const fields = line.split(/\s+/);
    const [course = '', room = '', dayText = '', periodText = ''] = fields;
    const at = ['line', index + 1];
    const day = /^\d+$/.test(dayText) ? Number(dayText) : -1;
    const period = /^\d+$/.test(periodText) ? Number(periodText) : -1;
    if (fields.length !== 4)
      issues.push(
        issue(
          at,
          `Ожидается «курс помещение день период»: ${line}`,
          `Expected "course room day period": ${line}`,
        ),
      );
    else if (!courses.has(course))
      issues.push(issue(at, `Нет курса ${course}`, `No course ${course}`));
    else if (!rooms.has(room)) issues.push(issue(at, `Нет помещения ${room}`, `No room ${room}`));
    else if (day < 0 || day >= instance.days || period < 0 || period >= instance.periodsPerDay) {
      issues.push(
        issue(at, `День или период вне расписания: ${line}`, `Day or period out of range: ${line}`),
      );
    } else lectures.push({ course, room, day, period });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return lectures;
}

/**
 * Writes a solution in the ITC-2007 format, one `course room day period` line per lecture.
 *
 * @example
 * ```ts
 * import { writeItcSolution } from '@eduset/core/courses';
 * writeItcSolution([{ course: 'c1', room: 'r1', day: 0, period: 1 }]); // 'c1 r1 0 1\n'
 * ```
 */
export function writeItcSolution(lectures: readonly ItcLecture[]): string {
  return lectures.map((l) => `${l.course} ${l.room} ${l.day} ${l.period}\n`).join('');
}

/**
 * The kinds of ITC-2007 violations: four hard (`lectures` — a course has more or fewer
 * lectures than required; `conflicts` — two courses of one curriculum or one teacher in the
 * same period; `availability` — a lecture at an unavailable period; `room-occupancy` — two
 * lectures in one room and period) and the four UD2 soft ones.
 *
 * @example
 * ```ts
 * import { itcViolationKinds } from '@eduset/core/courses';
 * itcViolationKinds.length; // 8
 * ```
 */
export const itcViolationKinds = [
  'lectures',
  'conflicts',
  'availability',
  'room-occupancy',
  'room-capacity',
  'min-working-days',
  'curriculum-compactness',
  'room-stability',
] as const;

/**
 * An ITC-2007 violation kind. @example `const kind: ItcViolationKind = 'room-capacity';`
 */
export type ItcViolationKind = (typeof itcViolationKinds)[number];

/**
 * One violation found by the evaluator: its kind, whether it is hard, what it costs (1 per
 * hard violation; the UD2 weighted penalty for a soft one), who (course, curriculum, room)
 * and when (day, period), and a message in Russian and English.
 *
 * @example
 * ```ts
 * import type { ItcViolation } from '@eduset/core/courses';
 * const violation: ItcViolation = {
 *   kind: 'room-stability', hard: false, cost: 1, course: 'c0001',
 *   message: { ru: 'Курс c0001 занимает 2 помещения', en: 'Course c0001 uses 2 rooms' },
 * };
 * ```
 */
export interface ItcViolation {
  readonly kind: ItcViolationKind;
  readonly hard: boolean;
  readonly cost: number;
  readonly course?: string;
  readonly otherCourse?: string;
  readonly curriculum?: string;
  readonly room?: string;
  readonly day?: number;
  readonly period?: number;
  readonly message: LocalizedText;
}

/**
 * The evaluation of an ITC-2007 solution: hard violation counts, the UD2 penalty by
 * component and every violation. `penalty` is the sum of the soft violations' costs and
 * `hard` the sum of the hard ones'.
 *
 * @example
 * ```ts
 * import type { ItcEvaluation } from '@eduset/core/courses';
 * const feasible = (evaluation: ItcEvaluation) => evaluation.hard === 0;
 * ```
 */
export interface ItcEvaluation {
  readonly hard: number;
  readonly hardByKind: Readonly<
    Record<'lectures' | 'conflicts' | 'availability' | 'room-occupancy', number>
  >;
  readonly penalty: number;
  readonly roomCapacity: number;
  readonly minWorkingDays: number;
  readonly curriculumCompactness: number;
  readonly roomStability: number;
  readonly violations: readonly ItcViolation[];
  /** Lines the official validator would warn about and drop (a course twice in one period). */
  readonly warnings: readonly ItcWarning[];
}

/**
 * A warning of {@link evaluateItc}: a solution line that was dropped (its course already has
 * a lecture in that period; the first line is kept, as the official validator keeps it).
 *
 * @example
 * ```ts
 * import type { ItcWarning } from '@eduset/core/courses';
 * const text = (warning: ItcWarning) => warning.message.en;
 * ```
 */
export interface ItcWarning {
  readonly course: string;
  readonly room: string;
  readonly day: number;
  readonly period: number;
  readonly message: LocalizedText;
}

/**
 * Evaluates an ITC-2007 solution as the competition's validator does: hard violations
 * (missing or extra lectures, conflicts, unavailable periods, room occupancy) and the UD2
 * penalty — room capacity 1 per student over, minimum working days 5 per missing day,
 * curriculum compactness 2 per isolated lecture, room stability 1 per extra room. Two
 * lines of one course in one period: the first is kept, the later one is dropped (its room
 * counted nowhere, so one lecture is missing) and reported in `warnings`, as the official
 * validator does.
 *
 * @example
 * ```ts
 * import { evaluateItc, parseCtt, parseItcSolution } from '@eduset/core/courses';
 * declare const cttText: string, solutionText: string;
 * const instance = parseCtt(cttText);
 * const evaluation = evaluateItc(instance, parseItcSolution(instance, solutionText));
 * evaluation.penalty; // the UD2 penalty
 * ```
 */
export function evaluateItc(instance: ItcInstance, lectures: readonly ItcLecture[]): ItcEvaluation {
  const P = instance.days * instance.periodsPerDay;
  const ppd = instance.periodsPerDay;
  const courseIndex = new Map(instance.courses.map((course, i) => [course.id, i]));
  const roomIndex = new Map(instance.rooms.map((room, i) => [room.id, i]));
  // room per (course, period); -1 when free. As the official validator does, the first line
  // of a course in a period is kept; a later line of the same course and period is dropped
  // (counted nowhere) with a warning.
  const table = instance.courses.map(() => new Array<number>(P).fill(-1));
  const roomLoad = instance.rooms.map(() => new Array<number>(P).fill(0));
  const warnings: ItcWarning[] = [];
  for (const lecture of lectures) {
    const c = courseIndex.get(lecture.course);
    const r = roomIndex.get(lecture.room);
    if (c === undefined || r === undefined) continue;
    const p = lecture.day * ppd + lecture.period;
    const row = table[c];
    if (row === undefined || p < 0 || p >= P) continue;
    const kept = row[p] ?? -1;
    if (kept >= 0) {
      const keptRoom = instance.rooms[kept]?.id ?? '';
      warnings.push({
        course: lecture.course,
        room: lecture.room,
        day: lecture.day,
        period: lecture.period,
        message: {
          ru: `Курс ${lecture.course} дважды в одно время (день ${lecture.day}, период ${lecture.period}): учтена первая строка (помещение ${keptRoom}), строка с помещением ${lecture.room} отброшена`,
          en: `Course ${lecture.course} appears twice at the same time (day ${lecture.day}, period ${lecture.period}): the first line (room ${keptRoom}) is kept, the line with room ${lecture.room} is dropped`,
        },
      });
      continue;
    }
    row[p] = r;
    const load = roomLoad[r];
    if (load !== undefined) load[p] = (load[p] ?? 0) + 1;
  }
  const violations: ItcViolation[] = [];
  const when = (p: number) => ({ day: Math.floor(p / ppd), period: p % ppd });
  const whenText = (p: number): LocalizedText => ({
    ru: `день ${Math.floor(p / ppd)}, период ${p % ppd}`,
    en: `day ${Math.floor(p / ppd)}, period ${p % ppd}`,
  });
  // Hard: lectures.
  instance.courses.forEach((course, c) => {
    const scheduled = (table[c] ?? []).filter((r) => r >= 0).length;
    const diff = scheduled - course.lectures;
    for (let k = 0; k < Math.abs(diff); k++) {
      violations.push({
        kind: 'lectures',
        hard: true,
        cost: 1,
        course: course.id,
        message:
          diff < 0
            ? {
                ru: `Курс ${course.id}: не назначено занятие (${scheduled} из ${course.lectures})`,
                en: `Course ${course.id}: a lecture is not scheduled (${scheduled} of ${course.lectures})`,
              }
            : {
                ru: `Курс ${course.id}: лишнее занятие (${scheduled} при ${course.lectures})`,
                en: `Course ${course.id}: an extra lecture (${scheduled} for ${course.lectures})`,
              },
      });
    }
  });
  // Hard: conflicts (pairs of courses with a shared teacher or curriculum in one period).
  const curriculaOf = instance.courses.map(() => new Set<number>());
  instance.curricula.forEach((curriculum, q) => {
    for (const id of curriculum.courses) {
      const c = courseIndex.get(id);
      if (c !== undefined) curriculaOf[c]?.add(q);
    }
  });
  for (let p = 0; p < P; p++) {
    const here: number[] = [];
    instance.courses.forEach((_, c) => {
      if ((table[c]?.[p] ?? -1) >= 0) here.push(c);
    });
    for (let i = 0; i < here.length; i++) {
      for (let j = i + 1; j < here.length; j++) {
        const a = here[i] ?? 0;
        const b = here[j] ?? 0;
        const ca = instance.courses[a];
        const cb = instance.courses[b];
        if (ca === undefined || cb === undefined) continue;
        const sameTeacher = ca.teacher === cb.teacher;
        const shared = [...(curriculaOf[a] ?? [])].some((q) => curriculaOf[b]?.has(q));
        if (sameTeacher || shared) {
          const why: LocalizedText = sameTeacher
            ? { ru: `общий преподаватель ${ca.teacher}`, en: `same teacher ${ca.teacher}` }
            : { ru: 'общий учебный план', en: 'shared curriculum' };
          violations.push({
            kind: 'conflicts',
            hard: true,
            cost: 1,
            course: ca.id,
            otherCourse: cb.id,
            ...when(p),
            message: {
              ru: `Курсы ${ca.id} и ${cb.id} в одно время (${whenText(p).ru}): ${why.ru}`,
              en: `Courses ${ca.id} and ${cb.id} at the same time (${whenText(p).en}): ${why.en}`,
            },
          });
        }
      }
    }
  }
  // Hard: availability.
  for (const entry of instance.unavailability) {
    const c = courseIndex.get(entry.course);
    const p = entry.day * ppd + entry.period;
    if (c !== undefined && (table[c]?.[p] ?? -1) >= 0) {
      violations.push({
        kind: 'availability',
        hard: true,
        cost: 1,
        course: entry.course,
        ...when(p),
        message: {
          ru: `Курс ${entry.course} поставлен в недоступное время (${whenText(p).ru})`,
          en: `Course ${entry.course} is scheduled at an unavailable time (${whenText(p).en})`,
        },
      });
    }
  }
  // Hard: room occupancy.
  instance.rooms.forEach((room, r) => {
    for (let p = 0; p < P; p++) {
      const n = roomLoad[r]?.[p] ?? 0;
      if (n > 1) {
        violations.push({
          kind: 'room-occupancy',
          hard: true,
          cost: n - 1,
          room: room.id,
          ...when(p),
          message: {
            ru: `В помещении ${room.id} ${n} занятия одновременно (${whenText(p).ru})`,
            en: `Room ${room.id} holds ${n} lectures at once (${whenText(p).en})`,
          },
        });
      }
    }
  });
  // Soft: room capacity, minimum working days, room stability.
  instance.courses.forEach((course, c) => {
    const row = table[c] ?? [];
    const days = new Set<number>();
    const rooms = new Set<number>();
    row.forEach((r, p) => {
      if (r < 0) return;
      days.add(Math.floor(p / ppd));
      rooms.add(r);
      const room = instance.rooms[r];
      if (room !== undefined && course.students > room.capacity) {
        const over = course.students - room.capacity;
        violations.push({
          kind: 'room-capacity',
          hard: false,
          cost: over,
          course: course.id,
          room: room.id,
          ...when(p),
          message: {
            ru: `Курс ${course.id}: ${course.students} студентов в помещении ${room.id} на ${room.capacity} мест (${whenText(p).ru})`,
            en: `Course ${course.id}: ${course.students} students in room ${room.id} seating ${room.capacity} (${whenText(p).en})`,
          },
        });
      }
    });
    if (days.size < course.minWorkingDays) {
      const missing = course.minWorkingDays - days.size;
      violations.push({
        kind: 'min-working-days',
        hard: false,
        cost: 5 * missing,
        course: course.id,
        message: {
          ru: `Курс ${course.id} идёт ${days.size} дн. вместо минимум ${course.minWorkingDays}`,
          en: `Course ${course.id} is spread over ${days.size} days instead of at least ${course.minWorkingDays}`,
        },
      });
    }
    if (rooms.size > 1) {
      violations.push({
        kind: 'room-stability',
        hard: false,
        cost: rooms.size - 1,
        course: course.id,
        message: {
          ru: `Курс ${course.id} занимает ${rooms.size} помещения вместо одного`,
          en: `Course ${course.id} uses ${rooms.size} rooms instead of one`,
        },
      });
    }
  });
  // Soft: curriculum compactness.
  instance.curricula.forEach((curriculum) => {
    const members = curriculum.courses
      .map((id) => courseIndex.get(id))
      .filter((c): c is number => c !== undefined);
    const count = (p: number): number =>
      members.reduce((n, c) => n + ((table[c]?.[p] ?? -1) >= 0 ? 1 : 0), 0);
    for (let p = 0; p < P; p++) {
      const n = count(p);
      if (n === 0) continue;
      const s = p % ppd;
      const before = s > 0 ? count(p - 1) : 0;
      const after = s < ppd - 1 ? count(p + 1) : 0;
      if (before === 0 && after === 0) {
        violations.push({
          kind: 'curriculum-compactness',
          hard: false,
          cost: 2 * n,
          curriculum: curriculum.id,
          ...when(p),
          message: {
            ru: `Учебный план ${curriculum.id}: одиночное занятие (${whenText(p).ru})`,
            en: `Curriculum ${curriculum.id}: an isolated lecture (${whenText(p).en})`,
          },
        });
      }
    }
  });
  const sum = (kind: ItcViolationKind): number =>
    violations.filter((v) => v.kind === kind).reduce((total, v) => total + v.cost, 0);
  const hardByKind = {
    lectures: sum('lectures'),
    conflicts: sum('conflicts'),
    availability: sum('availability'),
    'room-occupancy': sum('room-occupancy'),
  };
  const roomCapacity = sum('room-capacity');
  const minWorkingDays = sum('min-working-days');
  const curriculumCompactness = sum('curriculum-compactness');
  const roomStability = sum('room-stability');
  return {
    hard:
      hardByKind.lectures +
      hardByKind.conflicts +
      hardByKind.availability +
      hardByKind['room-occupancy'],
    hardByKind,
    penalty: roomCapacity + minWorkingDays + curriculumCompactness + roomStability,
    roomCapacity,
    minWorkingDays,
    curriculumCompactness,
    roomStability,
    violations,
    warnings,
  };
}

/**
 * Turns an ITC-2007 instance into the solver's problem (courses, rooms, teachers and
 * curricula become indices in instance order; UD2 weights).
 *
 * @example
 * ```ts
 * import { itcToProblem, parseCtt } from '@eduset/core/courses';
 * declare const cttText: string;
 * const problem = itcToProblem(parseCtt(cttText));
 * ```
 */
export function itcToProblem(instance: ItcInstance): TimetableProblem {
  const courseIndex = new Map(instance.courses.map((course, i) => [course.id, i]));
  const teachers = new Map<string, number>();
  for (const course of instance.courses)
    if (!teachers.has(course.teacher)) teachers.set(course.teacher, teachers.size);
  const unavailable = instance.courses.map(() => [] as number[]);
  for (const entry of instance.unavailability) {
    const c = courseIndex.get(entry.course);
    if (c !== undefined) unavailable[c]?.push(entry.day * instance.periodsPerDay + entry.period);
  }
  return createTimetableProblem({
    days: instance.days,
    periodsPerDay: instance.periodsPerDay,
    rooms: instance.rooms.map((room) => ({ capacity: room.capacity })),
    teachers: teachers.size,
    courses: instance.courses.map((course, c) => ({
      lectures: course.lectures,
      minWorkingDays: course.minWorkingDays,
      students: course.students,
      teacher: teachers.get(course.teacher) ?? 0,
      unavailable: unavailable[c],
    })),
    curricula: instance.curricula.map((curriculum) => ({
      courses: curriculum.courses.map((id) => courseIndex.get(id) ?? 0),
    })),
  });
}

/**
 * Turns the solver's placed lectures back into ITC-2007 solution lines (unplaced lectures
 * are left out, as the format has no way to say "not placed").
 *
 * @example
 * ```ts
 * import { itcLecturesFromSolution } from '@eduset/core/courses';
 * declare const instance: import('@eduset/core/courses').ItcInstance;
 * itcLecturesFromSolution(instance, [{ course: 0, period: 3, room: 0 }]);
 * ```
 */
export function itcLecturesFromSolution(
  instance: ItcInstance,
  lectures: readonly PlacedLecture[],
): ItcLecture[] {
  const result: ItcLecture[] = [];
  for (const lecture of lectures) {
    const course = instance.courses[lecture.course];
    const room = instance.rooms[lecture.room];
    if (lecture.period < 0 || course === undefined || room === undefined) continue;
    result.push({
      course: course.id,
      room: room.id,
      day: Math.floor(lecture.period / instance.periodsPerDay),
      period: lecture.period % instance.periodsPerDay,
    });
  }
  return result;
}
