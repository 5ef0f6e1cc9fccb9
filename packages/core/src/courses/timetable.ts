import { z } from '../common/zod.js';
import {
  addCivilDays,
  dayKind,
  emptyWorkCalendar,
  isoWeekday,
  minutesOfDay,
  schoolHolidaysOn,
  weekdaySchema,
  type WorkCalendar,
} from '../schedule/index.js';
import {
  parse,
  ValidationError,
  type IsoDate,
  type LocalizedText,
  type ValidationIssue,
} from '../common/index.js';
import type { Enrolment } from './enrolment.js';
import { travelMinutes, type CourseNetwork } from './model.js';
import { createTimetableProblem, type TimetableProblem } from './problem.js';
import {
  solveTimetable,
  type SolveResult,
  type SolverHooks,
  type SolverOptionsInput,
} from './solver.js';

/**
 * Schema of one weekly session of a course group: weekday, period of the day and room.
 *
 * @example
 * ```ts
 * import { sessionSchema } from '@eduset/core/courses';
 * sessionSchema.parse({ groupId: 'python-1', day: 2, period: 1, roomId: 'sch1-204' });
 * ```
 */
export const sessionSchema = z.object({
  groupId: z.string(),
  day: weekdaySchema,
  period: z.number().int().min(0),
  roomId: z.string(),
});

/**
 * A weekly session. @example `const session: Session = { groupId: 'python-1', day: 2, period: 1, roomId: 'sch1-204' };`
 */
export type Session = z.infer<typeof sessionSchema>;

/**
 * Schema of the network timetable (расписание занятий): the weekly sessions of every group.
 *
 * @example
 * ```ts
 * import { timetableSchema } from '@eduset/core/courses';
 * timetableSchema.parse({ sessions: [] });
 * ```
 */
export const timetableSchema = z.object({ sessions: z.array(sessionSchema) });

/**
 * A network timetable. @example `const timetable: Timetable = { sessions: [] };`
 */
export type Timetable = z.infer<typeof timetableSchema>;

/**
 * The solver's problem built from a network and its enrolment, with the maps back to ids.
 *
 * @example
 * ```ts
 * import type { NetworkProblem } from '@eduset/core/courses';
 * const groupOf = (mapped: NetworkProblem, course: number) => mapped.groupIds[course];
 * ```
 */
export interface NetworkProblem {
  readonly problem: TimetableProblem;
  /** Group id of each problem course. */
  readonly groupIds: readonly string[];
  /** Room id of each problem room. */
  readonly roomIds: readonly string[];
}

interface Lookup {
  readonly course: Map<string, CourseNetwork['courses'][number]>;
  readonly group: Map<string, CourseNetwork['groups'][number]>;
  readonly student: Map<string, CourseNetwork['students'][number]>;
  readonly room: Map<string, CourseNetwork['rooms'][number]>;
  readonly host: Map<string, string>;
  readonly studentGroups: Map<string, string[]>;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

function lookup(network: CourseNetwork, enrolment: Enrolment): Lookup {
  const studentGroups = new Map<string, string[]>();
  for (const group of network.groups) {
    for (const studentId of enrolment.groups[group.id] ?? []) {
      const list = studentGroups.get(studentId) ?? [];
      list.push(group.id);
      studentGroups.set(studentId, list);
    }
  }
  return {
    course: new Map(network.courses.map((c) => [c.id, c])),
    group: new Map(network.groups.map((g) => [g.id, g])),
    student: new Map(network.students.map((s) => [s.id, s])),
    room: new Map(network.rooms.map((r) => [r.id, r])),
    host: new Map(network.resourceCentres.map((c) => [c.id, c.hostOrganizationId])),
    studentGroups,
    starts: network.weekGrid.periods.map((p) => minutesOfDay(p.start)),
    ends: network.weekGrid.periods.map((p) => minutesOfDay(p.end)),
  };
}

/** Whether a room has all the equipment a course needs. */
function hasEquipment(
  room: CourseNetwork['rooms'][number],
  course: CourseNetwork['courses'][number] | undefined,
): boolean {
  return (course?.equipment ?? []).every((id) => room.equipment.includes(id));
}

/** Whether a busy time [from, to) keeps a student from a period [start, end) `travel` minutes away. */
function clashes(from: number, to: number, start: number, end: number, travel: number): boolean {
  return from < end + travel && to + travel > start;
}

/**
 * Builds the solver's problem for a network and its enrolment: each group becomes a course
 * (its lectures a week, its size, its teacher, the rooms of its resource centre that have
 * the equipment its course needs), each
 * distinct set of groups students share becomes a curriculum weighted by how many students
 * share it, the periods a group cannot use (its teacher unavailable, a student busy at the
 * home school counting the trip) become unavailable periods, and two groups at different
 * places with a shared student become a travel pair: on one day, the time between the end of
 * the earlier lecture and the start of the later one (the real clock times of the periods,
 * uneven breaks as they are) must be at least the trip's minutes.
 *
 * @example
 * ```ts
 * import { enrolStudents, networkToProblem } from '@eduset/core/courses';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * const { problem } = networkToProblem(network, enrolStudents(network).enrolment);
 * ```
 */
export function networkToProblem(network: CourseNetwork, enrolment: Enrolment): NetworkProblem {
  const look = lookup(network, enrolment);
  const { days } = network.weekGrid;
  const ppd = network.weekGrid.periods.length;
  const teacherIndex = new Map(network.teachers.map((t, i) => [t.id, i]));
  const roomIndex = new Map(network.rooms.map((r, i) => [r.id, i]));
  const groupIndex = new Map(network.groups.map((g, i) => [g.id, i]));
  const courses = network.groups.map((group) => {
    const course = look.course.get(group.courseId);
    const teacher = network.teachers.find((t) => t.id === group.teacherId);
    const host = look.host.get(group.resourceCentreId) ?? '';
    const unavailable = new Set<number>();
    for (const when of teacher?.unavailable ?? []) {
      const d = days.indexOf(when.day);
      if (d >= 0) unavailable.add(d * ppd + when.period);
    }
    const cohorts = new Set<string>();
    for (const studentId of enrolment.groups[group.id] ?? []) {
      const student = look.student.get(studentId);
      if (student !== undefined) cohorts.add(`${student.homeSchoolId}\u0000${student.grade}`);
    }
    for (const cohort of cohorts) {
      const [schoolId = '', gradeText = '0'] = cohort.split('\u0000');
      const grade = Number(gradeText);
      const travel = travelMinutes(network, schoolId, host);
      for (const busy of network.homeSchoolBusy) {
        if (
          busy.schoolId !== schoolId ||
          (busy.grades !== undefined && !busy.grades.includes(grade))
        )
          continue;
        const d = days.indexOf(busy.day);
        if (d < 0) continue;
        for (let s = 0; s < ppd; s++) {
          if (
            clashes(
              minutesOfDay(busy.from),
              minutesOfDay(busy.to),
              look.starts[s] ?? 0,
              look.ends[s] ?? 0,
              travel,
            )
          ) {
            unavailable.add(d * ppd + s);
          }
        }
      }
    }
    return {
      lectures: course?.lecturesPerWeek ?? 0,
      minWorkingDays: Math.min(course?.minWorkingDays ?? 1, days.length),
      students: enrolment.groups[group.id]?.length ?? 0,
      teacher: teacherIndex.get(group.teacherId) ?? 0,
      rooms: network.rooms.flatMap((room, r) =>
        room.resourceCentreId === group.resourceCentreId && hasEquipment(room, course) ? [r] : [],
      ),
      unavailable: [...unavailable].sort((a, b) => a - b),
    };
  });
  const sets = new Map<string, { courses: number[]; weight: number }>();
  for (const [, groupIds] of look.studentGroups) {
    const indices = groupIds.map((id) => groupIndex.get(id) ?? 0).sort((a, b) => a - b);
    const key = indices.join(',');
    const known = sets.get(key);
    if (known === undefined) sets.set(key, { courses: indices, weight: 1 });
    else known.weight++;
  }
  // Travel is judged by the clock: the problem carries the periods' times and, for each pair
  // of groups with a shared student at different places, the minutes the trip takes.
  const travel = new Map<string, number>();
  for (const { courses: members } of sets.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i] ?? 0;
        const b = members[j] ?? 0;
        const hostA = look.host.get(network.groups[a]?.resourceCentreId ?? '') ?? '';
        const hostB = look.host.get(network.groups[b]?.resourceCentreId ?? '') ?? '';
        const minutes = travelMinutes(network, hostA, hostB);
        if (minutes > 0) travel.set(`${a},${b}`, Math.max(travel.get(`${a},${b}`) ?? 0, minutes));
      }
    }
  }
  const problem = createTimetableProblem({
    days: days.length,
    periodsPerDay: ppd,
    rooms: network.rooms.map((room) => ({
      capacity: room.capacity,
      unavailable: room.unavailable.flatMap((when) => {
        const d = days.indexOf(when.day);
        return d < 0 || when.period >= ppd ? [] : [d * ppd + when.period];
      }),
    })),
    teachers: network.teachers.length,
    courses,
    curricula: [...sets.values()],
    periodTimes: network.weekGrid.periods.map((_, s) => ({
      start: look.starts[s] ?? 0,
      end: look.ends[s] ?? 0,
    })),
    travel: [...travel].map(([key, minutes]) => {
      const [a = 0, b = 0] = key.split(',').map(Number);
      return { a, b, minutes };
    }),
  });
  void roomIndex;
  return {
    problem,
    groupIds: network.groups.map((g) => g.id),
    roomIds: network.rooms.map((r) => r.id),
  };
}

/**
 * What solving a network gives: the timetable and the solver's own account of it.
 *
 * @example
 * ```ts
 * import type { NetworkSolveResult } from '@eduset/core/courses';
 * const sessions = (result: NetworkSolveResult) => result.timetable.sessions.length;
 * ```
 */
export interface NetworkSolveResult {
  readonly timetable: Timetable;
  readonly solver: SolveResult;
}

/**
 * Timetables a network of profile courses with the same engine that solves ITC-2007:
 * {@link networkToProblem}, then {@link solveTimetable}. Deterministic for a seed and an
 * iteration budget. Lectures the solver could not place are left out of the timetable
 * (validation reports them). `pins` (sessions the coordinator fixed) stay where they are;
 * a pin of an unknown group, room, weekday or period is refused with a `ValidationError`.
 *
 * @example
 * ```ts
 * import { enrolStudents, solveCourseNetwork } from '@eduset/core/courses';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * const { enrolment } = enrolStudents(network);
 * const { timetable } = solveCourseNetwork(network, enrolment, { seed: 7, iterations: 50_000 });
 * ```
 */
export function solveCourseNetwork(
  network: CourseNetwork,
  enrolment: Enrolment,
  options: SolverOptionsInput & { readonly pins?: readonly Session[] },
  hooks: SolverHooks = {},
): NetworkSolveResult {
  const mapped = networkToProblem(network, enrolment);
  const ppd = network.weekGrid.periods.length;
  const { pins = [], ...solverOptions } = options;
  const solver = solveTimetable(
    mapped.problem,
    { ...solverOptions, pinned: pinnedLectures(network, mapped, pins) },
    hooks,
  );
  const sessions: Session[] = [];
  for (const lecture of solver.lectures) {
    if (lecture.period < 0) continue;
    sessions.push({
      groupId: mapped.groupIds[lecture.course] ?? '',
      day: network.weekGrid.days[Math.floor(lecture.period / ppd)] ?? 1,
      period: lecture.period % ppd,
      roomId: mapped.roomIds[lecture.room] ?? '',
    });
  }
  return { timetable: { sessions }, solver };
}

/** The solver's form of the pins: group → course index, weekday and period → period index. */
function pinnedLectures(
  network: CourseNetwork,
  mapped: NetworkProblem,
  pins: readonly Session[],
): { course: number; period: number; room: number }[] {
  const ppd = network.weekGrid.periods.length;
  const issues: ValidationIssue[] = [];
  const result = pins.flatMap((pin, index) => {
    const course = mapped.groupIds.indexOf(pin.groupId);
    const room = mapped.roomIds.indexOf(pin.roomId);
    const day = network.weekGrid.days.indexOf(pin.day);
    if (course < 0 || room < 0 || day < 0 || pin.period >= ppd) {
      issues.push({
        path: ['pins', index],
        code: 'custom',
        message: {
          ru: `Закрепление не подходит к сети: группа «${pin.groupId}», помещение «${pin.roomId}», день ${pin.day}, урок ${pin.period + 1}`,
          en: `The pin does not fit the network: group "${pin.groupId}", room "${pin.roomId}", day ${pin.day}, period ${pin.period + 1}`,
        },
      });
      return [];
    }
    return [{ course, period: day * ppd + pin.period, room }];
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return result;
}

/**
 * The kinds of timetable violations. Hard: `unplaced` (a lecture of a group has no time),
 * `extra-session` (more sessions than the course's lectures a week), `unknown-group` (a
 * session of a group the network does not have), `day-off-grid` (a session on a weekday the
 * week grid does not have), `period-off-grid` (a session at a period the day does not have;
 * such sessions are not checked further — no clash or travel is computed from them),
 * `room-clash`, `teacher-clash`, `student-clash` (somebody in two places at once),
 * `room-elsewhere` (a room not at the group's resource centre), `room-equipment` (the room
 * lacks equipment the course needs), `teacher-unavailable`,
 * `home-school-busy` (the student has lessons at the home school then, counting the trip),
 * `travel` (not enough time to get from one resource centre to the next). Soft:
 * `room-capacity` (1 per student over the seats), `course-spread` (5 per day short of the
 * course's minimum), `student-day` (2 per lesson a student has alone in a day, with no
 * network lesson right before or after), `room-stability` (1 per extra room a group uses).
 *
 * @example
 * ```ts
 * import { courseViolationKinds } from '@eduset/core/courses';
 * courseViolationKinds.includes('travel'); // true
 * ```
 */
export const courseViolationKinds = [
  'unplaced',
  'extra-session',
  'unknown-group',
  'day-off-grid',
  'period-off-grid',
  'room-clash',
  'teacher-clash',
  'student-clash',
  'room-elsewhere',
  'room-equipment',
  'teacher-unavailable',
  'room-unavailable',
  'home-school-busy',
  'travel',
  'room-capacity',
  'course-spread',
  'student-day',
  'room-stability',
] as const;

/**
 * A violation kind. @example `const kind: CourseViolationKind = 'home-school-busy';`
 */
export type CourseViolationKind = (typeof courseViolationKinds)[number];

/**
 * One violation: kind, hard or soft, what it costs (1 per hard violation), who (group,
 * student, teacher, room) and when (weekday, period), and a Russian and English message.
 *
 * @example
 * ```ts
 * import type { CourseViolation } from '@eduset/core/courses';
 * const text = (violation: CourseViolation) => violation.message.ru;
 * ```
 */
export interface CourseViolation {
  readonly kind: CourseViolationKind;
  readonly hard: boolean;
  readonly cost: number;
  readonly groupId?: string;
  readonly studentId?: string;
  readonly teacherId?: string;
  readonly roomId?: string;
  readonly day?: number;
  readonly period?: number;
  readonly message: LocalizedText;
}

/**
 * The report of {@link validateTimetable}: the number of hard violations, the soft penalty
 * (the sum of the soft violations' costs) and every violation.
 *
 * @example
 * ```ts
 * import type { TimetableReport } from '@eduset/core/courses';
 * const approvable = (report: TimetableReport) => report.hard === 0;
 * ```
 */
export interface TimetableReport {
  readonly hard: number;
  readonly penalty: number;
  readonly violations: readonly CourseViolation[];
}

const dayNames: Readonly<Record<number, LocalizedText>> = {
  1: { ru: 'понедельник', en: 'Monday' },
  2: { ru: 'вторник', en: 'Tuesday' },
  3: { ru: 'среда', en: 'Wednesday' },
  4: { ru: 'четверг', en: 'Thursday' },
  5: { ru: 'пятница', en: 'Friday' },
  6: { ru: 'суббота', en: 'Saturday' },
  7: { ru: 'воскресенье', en: 'Sunday' },
};

/**
 * Checks a timetable against its network and enrolment, in real clock times: every hard
 * constraint and soft penalty of {@link courseViolationKinds}, each violation with who and
 * when in Russian and English. Independent of the solver, so it checks the solver too.
 *
 * @example
 * ```ts
 * import { enrolStudents, solveCourseNetwork, validateTimetable } from '@eduset/core/courses';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * const { enrolment } = enrolStudents(network);
 * const { timetable } = solveCourseNetwork(network, enrolment, { seed: 1, iterations: 20_000 });
 * validateTimetable(network, enrolment, timetable).hard; // 0 when approvable
 * ```
 */
export function validateTimetable(
  network: CourseNetwork,
  enrolment: Enrolment,
  timetableInput: Timetable,
): TimetableReport {
  const timetable = parse(timetableSchema, timetableInput);
  const look = lookup(network, enrolment);
  const violations: CourseViolation[] = [];
  const ppd = network.weekGrid.periods.length;
  const at = (day: number, period: number): LocalizedText => {
    const p = network.weekGrid.periods[period];
    const time = p === undefined ? `#${period}` : `${p.start}–${p.end}`;
    return {
      ru: `${dayNames[day]?.ru ?? day}, ${time}`,
      en: `${dayNames[day]?.en ?? day}, ${time}`,
    };
  };
  // People's words in messages, never ids: a group as its course and number («Экономика,
  // группа 2»), a room and a teacher by their names.
  const groupNumber = new Map<string, number>();
  const perCourse = new Map<string, number>();
  for (const group of network.groups) {
    const n = (perCourse.get(group.courseId) ?? 0) + 1;
    perCourse.set(group.courseId, n);
    groupNumber.set(group.id, n);
  }
  const groupName = (groupId: string): LocalizedText => {
    const name = look.course.get(look.group.get(groupId)?.courseId ?? '')?.name;
    const n = groupNumber.get(groupId);
    return name === undefined || n === undefined
      ? { ru: `Группа ${groupId}`, en: `Group ${groupId}` }
      : { ru: `${name}, группа ${n}`, en: `${name}, group ${n}` };
  };
  const roomName = (roomId: string): string => look.room.get(roomId)?.name ?? roomId;
  const teacherNames = new Map(network.teachers.map((teacher) => [teacher.id, teacher.name]));
  const teacherName = (teacherId: string): string => teacherNames.get(teacherId) ?? teacherId;
  const both = (a: string, b: string): LocalizedText => ({
    ru: `${groupName(a).ru}; ${groupName(b).ru}`,
    en: `${groupName(a).en}; ${groupName(b).en}`,
  });
  // Sessions that cannot be put on the grid: a group the network does not have, a weekday or
  // a period the week grid does not have. Each is reported; none is checked any further.
  const countOf = new Map<string, number>();
  const onGrid: Session[] = [];
  for (const session of timetable.sessions) {
    if (!look.group.has(session.groupId)) {
      violations.push({
        kind: 'unknown-group',
        hard: true,
        cost: 1,
        groupId: session.groupId,
        roomId: session.roomId,
        day: session.day,
        period: session.period,
        message: {
          ru: `Занятие группы «${session.groupId}», которой нет в сети: ${dayNames[session.day]?.ru ?? session.day}`,
          en: `A session of group "${session.groupId}", which the network does not have: ${dayNames[session.day]?.en ?? session.day}`,
        },
      });
      continue;
    }
    countOf.set(session.groupId, (countOf.get(session.groupId) ?? 0) + 1);
    let fits = true;
    if (!network.weekGrid.days.includes(session.day)) {
      fits = false;
      violations.push({
        kind: 'day-off-grid',
        hard: true,
        cost: 1,
        groupId: session.groupId,
        roomId: session.roomId,
        day: session.day,
        period: session.period,
        message: {
          ru: `${groupName(session.groupId).ru}: занятие в ${dayNames[session.day]?.ru ?? session.day} — в этот день занятий в сети нет`,
          en: `${groupName(session.groupId).en}: a session on ${dayNames[session.day]?.en ?? session.day}, a day the network has no classes`,
        },
      });
    }
    if (session.period >= ppd) {
      fits = false;
      violations.push({
        kind: 'period-off-grid',
        hard: true,
        cost: 1,
        groupId: session.groupId,
        roomId: session.roomId,
        day: session.day,
        period: session.period,
        message: {
          ru: `${groupName(session.groupId).ru}: занятие в период №${session.period + 1} (${dayNames[session.day]?.ru ?? session.day}), а в сетке дня ${ppd} пер. — такого периода нет`,
          en: `${groupName(session.groupId).en}: a session in period ${session.period + 1} (${dayNames[session.day]?.en ?? session.day}), but the day's grid has ${ppd} periods — there is no such period`,
        },
      });
    }
    if (fits) onGrid.push(session);
  }
  const sessionsOf = new Map<string, Session[]>();
  for (const session of onGrid) {
    const list = sessionsOf.get(session.groupId) ?? [];
    list.push(session);
    sessionsOf.set(session.groupId, list);
  }
  // Unplaced and extra lectures, rooms elsewhere or without the equipment, teacher availability.
  for (const group of network.groups) {
    const course = look.course.get(group.courseId);
    const mine = sessionsOf.get(group.id) ?? [];
    const need = course?.lecturesPerWeek ?? 0;
    const given = countOf.get(group.id) ?? 0;
    for (let k = given; k < need; k++) {
      violations.push({
        kind: 'unplaced',
        hard: true,
        cost: 1,
        groupId: group.id,
        message: {
          ru: `${groupName(group.id).ru}: занятие не поставлено (${given} из ${need})`,
          en: `${groupName(group.id).en}: a lecture is not placed (${given} of ${need})`,
        },
      });
    }
    for (let k = need; k < given; k++) {
      violations.push({
        kind: 'extra-session',
        hard: true,
        cost: 1,
        groupId: group.id,
        message: {
          ru: `${groupName(group.id).ru}: занятий в неделю ${given}, а по курсу ${need} — одно лишнее`,
          en: `${groupName(group.id).en}: ${given} sessions a week, but the course has ${need} — one too many`,
        },
      });
    }
    const teacher = network.teachers.find((t) => t.id === group.teacherId);
    for (const session of mine) {
      const room = look.room.get(session.roomId);
      const lacking = (course?.equipment ?? []).filter((id) => !room?.equipment.includes(id));
      if (
        room !== undefined &&
        room.resourceCentreId === group.resourceCentreId &&
        lacking.length > 0
      ) {
        const names = lacking.map(
          (id) => network.equipment.find((e) => e.id === id)?.name ?? { ru: id, en: id },
        );
        violations.push({
          kind: 'room-equipment',
          hard: true,
          cost: 1,
          groupId: group.id,
          roomId: room.id,
          day: session.day,
          period: session.period,
          message: {
            ru: `${groupName(group.id).ru}: в помещении «${room.name}» нет нужного оборудования (${names.map((n) => n.ru).join(', ')}): ${at(session.day, session.period).ru}`,
            en: `${groupName(group.id).en}: room "${room.name}" lacks the equipment the course needs (${names.map((n) => n.en).join(', ')}): ${at(session.day, session.period).en}`,
          },
        });
      }
      if (room === undefined || room.resourceCentreId !== group.resourceCentreId) {
        violations.push({
          kind: 'room-elsewhere',
          hard: true,
          cost: 1,
          groupId: group.id,
          roomId: session.roomId,
          day: session.day,
          period: session.period,
          message: {
            ru: `${groupName(group.id).ru}: помещение «${roomName(session.roomId)}» не в её ресурсном центре`,
            en: `${groupName(group.id).en}: room "${roomName(session.roomId)}" is not at its resource centre`,
          },
        });
      }
      if (room?.unavailable.some((w) => w.day === session.day && w.period === session.period)) {
        violations.push({
          kind: 'room-unavailable',
          hard: true,
          cost: 1,
          groupId: group.id,
          roomId: room.id,
          day: session.day,
          period: session.period,
          message: {
            ru: `Помещение ${room.name} не свободно для сети: ${at(session.day, session.period).ru}`,
            en: `Room ${room.name} is not free for the network: ${at(session.day, session.period).en}`,
          },
        });
      }
      if (teacher?.unavailable.some((w) => w.day === session.day && w.period === session.period)) {
        violations.push({
          kind: 'teacher-unavailable',
          hard: true,
          cost: 1,
          groupId: group.id,
          teacherId: group.teacherId,
          day: session.day,
          period: session.period,
          message: {
            ru: `${teacher.name} не может вести занятие: ${at(session.day, session.period).ru}`,
            en: `${teacher.name} is unavailable: ${at(session.day, session.period).en}`,
          },
        });
      }
    }
  }
  // Room and teacher clashes.
  const byTime = new Map<string, Session[]>();
  for (const session of onGrid) {
    const key = `${session.day}:${session.period}`;
    const list = byTime.get(key) ?? [];
    list.push(session);
    byTime.set(key, list);
  }
  for (const list of byTime.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a === undefined || b === undefined) continue;
        if (a.roomId === b.roomId) {
          violations.push({
            kind: 'room-clash',
            hard: true,
            cost: 1,
            groupId: a.groupId,
            roomId: a.roomId,
            day: a.day,
            period: a.period,
            message: {
              ru: `Помещение «${roomName(a.roomId)}» занято дважды (${both(a.groupId, b.groupId).ru}): ${at(a.day, a.period).ru}`,
              en: `Room "${roomName(a.roomId)}" is used twice (${both(a.groupId, b.groupId).en}): ${at(a.day, a.period).en}`,
            },
          });
        }
        const ta = look.group.get(a.groupId)?.teacherId;
        if (ta !== undefined && ta === look.group.get(b.groupId)?.teacherId) {
          violations.push({
            kind: 'teacher-clash',
            hard: true,
            cost: 1,
            teacherId: ta,
            groupId: a.groupId,
            day: a.day,
            period: a.period,
            message: {
              ru: `${teacherName(ta)}: две группы сразу (${both(a.groupId, b.groupId).ru}): ${at(a.day, a.period).ru}`,
              en: `${teacherName(ta)} has two groups at once (${both(a.groupId, b.groupId).en}): ${at(a.day, a.period).en}`,
            },
          });
        }
      }
    }
  }
  // Students: clashes, home-school busy times, travel, compactness of the day.
  const students = [...look.studentGroups.keys()].sort();
  for (const studentId of students) {
    const student = look.student.get(studentId);
    if (student === undefined) continue;
    const mine = (look.studentGroups.get(studentId) ?? []).flatMap(
      (groupId) => sessionsOf.get(groupId) ?? [],
    );
    for (const day of network.weekGrid.days) {
      const today = mine.filter((s) => s.day === day).sort((a, b) => a.period - b.period);
      for (let i = 0; i + 1 < today.length; i++) {
        const a = today[i];
        const b = today[i + 1];
        if (a === undefined || b === undefined) continue;
        if (a.period === b.period) {
          violations.push({
            kind: 'student-clash',
            hard: true,
            cost: 1,
            studentId,
            groupId: a.groupId,
            day,
            period: a.period,
            message: {
              ru: `${student.name}: два занятия сразу (${both(a.groupId, b.groupId).ru}): ${at(day, a.period).ru}`,
              en: `${student.name}: two lectures at once (${both(a.groupId, b.groupId).en}): ${at(day, a.period).en}`,
            },
          });
          continue;
        }
        const hostA = look.host.get(look.group.get(a.groupId)?.resourceCentreId ?? '') ?? '';
        const hostB = look.host.get(look.group.get(b.groupId)?.resourceCentreId ?? '') ?? '';
        const gap = (look.starts[b.period] ?? 0) - (look.ends[a.period] ?? 0);
        const need = travelMinutes(network, hostA, hostB);
        if (gap < need) {
          violations.push({
            kind: 'travel',
            hard: true,
            cost: 1,
            studentId,
            groupId: b.groupId,
            day,
            period: b.period,
            message: {
              ru: `${student.name}: ${gap} мин на дорогу вместо ${need} (${groupName(a.groupId).ru} → ${groupName(b.groupId).ru}): ${at(day, b.period).ru}`,
              en: `${student.name}: ${gap} min to travel instead of ${need} (${groupName(a.groupId).en} → ${groupName(b.groupId).en}): ${at(day, b.period).en}`,
            },
          });
        }
      }
      for (const session of today) {
        const host = look.host.get(look.group.get(session.groupId)?.resourceCentreId ?? '') ?? '';
        const travel = travelMinutes(network, student.homeSchoolId, host);
        const busy = network.homeSchoolBusy.find(
          (b) =>
            b.schoolId === student.homeSchoolId &&
            b.day === day &&
            (b.grades === undefined || b.grades.includes(student.grade)) &&
            clashes(
              minutesOfDay(b.from),
              minutesOfDay(b.to),
              look.starts[session.period] ?? 0,
              look.ends[session.period] ?? 0,
              travel,
            ),
        );
        if (busy !== undefined) {
          violations.push({
            kind: 'home-school-busy',
            hard: true,
            cost: 1,
            studentId,
            groupId: session.groupId,
            day,
            period: session.period,
            message: {
              ru: `${student.name}: уроки в своей школе ${busy.from}–${busy.to} (дорога ${travel} мин): ${at(day, session.period).ru}`,
              en: `${student.name}: lessons at the home school ${busy.from}–${busy.to} (travel ${travel} min): ${at(day, session.period).en}`,
            },
          });
        }
      }
      const count = new Array<number>(ppd).fill(0);
      for (const session of today) count[session.period] = (count[session.period] ?? 0) + 1;
      for (let s = 0; s < ppd; s++) {
        const n = count[s] ?? 0;
        if (n > 0 && (s === 0 || count[s - 1] === 0) && (s === ppd - 1 || count[s + 1] === 0)) {
          violations.push({
            kind: 'student-day',
            hard: false,
            cost: 2 * n,
            studentId,
            day,
            period: s,
            message: {
              ru: `${student.name}: одиночное занятие в день: ${at(day, s).ru}`,
              en: `${student.name}: a lone lecture that day: ${at(day, s).en}`,
            },
          });
        }
      }
    }
  }
  // Groups: room capacity, spread over the week, room stability.
  for (const group of network.groups) {
    const course = look.course.get(group.courseId);
    const mine = sessionsOf.get(group.id) ?? [];
    const size = enrolment.groups[group.id]?.length ?? 0;
    for (const session of mine) {
      const room = look.room.get(session.roomId);
      if (room !== undefined && size > room.capacity) {
        violations.push({
          kind: 'room-capacity',
          hard: false,
          cost: size - room.capacity,
          groupId: group.id,
          roomId: room.id,
          day: session.day,
          period: session.period,
          message: {
            ru: `${groupName(group.id).ru}: ${size} учащихся в помещении на ${room.capacity} мест: ${at(session.day, session.period).ru}`,
            en: `${groupName(group.id).en}: ${size} students in a room seating ${room.capacity}: ${at(session.day, session.period).en}`,
          },
        });
      }
    }
    const minDays = Math.min(course?.minWorkingDays ?? 1, network.weekGrid.days.length);
    const usedDays = new Set(mine.map((s) => s.day)).size;
    if (usedDays < minDays) {
      violations.push({
        kind: 'course-spread',
        hard: false,
        cost: 5 * (minDays - usedDays),
        groupId: group.id,
        message: {
          ru: `${groupName(group.id).ru}: занятия в ${usedDays} дн. вместо не менее ${minDays}`,
          en: `${groupName(group.id).en}: lectures on ${usedDays} days instead of at least ${minDays}`,
        },
      });
    }
    const rooms = new Set(mine.map((s) => s.roomId)).size;
    if (rooms > 1) {
      violations.push({
        kind: 'room-stability',
        hard: false,
        cost: rooms - 1,
        groupId: group.id,
        message: {
          ru: `${groupName(group.id).ru}: занятия в ${rooms} помещениях`,
          en: `${groupName(group.id).en} uses ${rooms} rooms`,
        },
      });
    }
  }
  const hard = violations.filter((v) => v.hard).reduce((n, v) => n + v.cost, 0);
  const penalty = violations.filter((v) => !v.hard).reduce((n, v) => n + v.cost, 0);
  return { hard, penalty, violations };
}

/**
 * A dated session: a weekly session on one civil date of the term.
 *
 * @example
 * ```ts
 * import type { DatedSession } from '@eduset/core/courses';
 * const label = (s: DatedSession) => `${s.date} ${s.start}`;
 * ```
 */
export interface DatedSession extends Session {
  readonly date: IsoDate;
  /** Local start time `HH:mm`. */
  readonly start: string;
  /** Local end time `HH:mm`. */
  readonly end: string;
}

/**
 * Lays the weekly timetable over the term: every date from `term.from` to `term.to` that is
 * a working day of the network's calendar (holidays, school holidays and closures skipped;
 * the plain Monday–Friday calendar when none is given, Saturdays kept when the week grid has
 * them) gets the sessions of its weekday. Sorted by date, time and group.
 *
 * @example
 * ```ts
 * import { datedSessions } from '@eduset/core/courses';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * declare const timetable: import('@eduset/core/courses').Timetable;
 * datedSessions(network, timetable).length;
 * ```
 */
export function datedSessions(network: CourseNetwork, timetable: Timetable): DatedSession[] {
  const calendar = network.calendar ?? emptyWorkCalendar;
  const result: DatedSession[] = [];
  const byDay = new Map<number, Session[]>();
  for (const session of timetable.sessions) {
    const list = byDay.get(session.day) ?? [];
    list.push(session);
    byDay.set(session.day, list);
  }
  for (
    let date = network.term.from as string;
    date <= network.term.to;
    date = addCivilDays(date, 1)
  ) {
    const weekday = isoWeekday(date);
    const sessions = byDay.get(weekday);
    if (sessions === undefined) continue;
    const working = classesHeldOn(calendar, date);
    if (!working) continue;
    for (const session of sessions) {
      const period = network.weekGrid.periods[session.period];
      if (period === undefined) continue;
      result.push({ ...session, date: date as IsoDate, start: period.start, end: period.end });
    }
  }
  return result.sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? -1
        : 1
      : a.start !== b.start
        ? a.start < b.start
          ? -1
          : 1
        : a.groupId < b.groupId
          ? -1
          : 1,
  );
}

/**
 * Whether network classes are held on a date: not a public holiday, not a transferred day
 * off, not in school holidays, not closed. A Saturday or Sunday of the week grid is a class
 * day unless one of these applies.
 */
function classesHeldOn(calendar: WorkCalendar, date: string): boolean {
  if (schoolHolidaysOn(calendar, date) !== undefined) return false;
  const kind = dayKind(calendar, date);
  return (
    kind === 'working' ||
    kind === 'shortened' ||
    (kind === 'weekend' &&
      isoWeekday(date) >= 6 &&
      !calendar.transferredDaysOff.some((d) => d.date === date))
  );
}
