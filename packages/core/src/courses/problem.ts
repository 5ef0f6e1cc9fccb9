import { z } from '../common/zod.js';
import { parse } from '../common/index.js';
import { ValidationError, type ValidationIssue } from '../common/index.js';

/**
 * Schema of one course of a timetabling problem, in the solver's numeric form: how many
 * lectures a week, over how many different days at least, how many students attend, which
 * teacher (an index) teaches it, the rooms it may use (indices; all rooms when absent) and
 * the periods it may not use (period index = day × periods per day + period of the day).
 *
 * @example
 * ```ts
 * import { problemCourseSchema } from '@eduset/core/courses';
 * problemCourseSchema.parse({ lectures: 3, minWorkingDays: 2, students: 20, teacher: 0 });
 * ```
 */
export const problemCourseSchema = z.object({
  lectures: z.number().int().min(0),
  minWorkingDays: z.number().int().min(0),
  students: z.number().int().min(0),
  teacher: z.number().int().min(0),
  rooms: z.array(z.number().int().min(0)).optional(),
  unavailable: z.array(z.number().int().min(0)).optional(),
});

/**
 * A course of a timetabling problem. @example `const course: ProblemCourse = { lectures: 2, minWorkingDays: 2, students: 15, teacher: 0 };`
 */
export type ProblemCourse = z.infer<typeof problemCourseSchema>;

/**
 * Schema of the soft-constraint weights. The defaults are the ITC-2007 track 3 (UD2)
 * weights: room capacity 1 per student over, minimum working days 5 per missing day,
 * curriculum compactness 2 per isolated lecture, room stability 1 per extra room.
 *
 * @example
 * ```ts
 * import { penaltyWeightsSchema } from '@eduset/core/courses';
 * penaltyWeightsSchema.parse({}).minWorkingDays; // 5
 * ```
 */
export const penaltyWeightsSchema = z.object({
  roomCapacity: z.number().int().min(0).default(1),
  minWorkingDays: z.number().int().min(0).default(5),
  compactness: z.number().int().min(0).default(2),
  roomStability: z.number().int().min(0).default(1),
});

/**
 * Soft-constraint weights. @example `const weights: PenaltyWeights = { roomCapacity: 1, minWorkingDays: 5, compactness: 2, roomStability: 1 };`
 */
export type PenaltyWeights = z.infer<typeof penaltyWeightsSchema>;

/**
 * Schema of the problem the solver works on — the ITC-2007 curriculum-based course
 * timetabling problem, generalized for a network of profile courses:
 *
 * - `curricula` — sets of courses that share students; their lectures never meet in one
 *   period, and a lecture with no neighbour of its curriculum on the same day costs the
 *   compactness weight times the curriculum's `weight` (the number of students who share
 *   that set, 1 in ITC-2007);
 * - `travel` — pairs of courses held at different places: on one day their lectures must be
 *   more than `distance` periods apart, or — with `minutes` — the time between the end of
 *   the earlier lecture and the start of the later one, by the clock times of `periodTimes`
 *   (minutes of the day when each period of the day starts and ends), must be at least
 *   `minutes` (the students need the time to get there). Uneven breaks count as they are.
 *
 * @example
 * ```ts
 * import { timetableProblemSchema } from '@eduset/core/courses';
 * timetableProblemSchema.parse({
 *   days: 5, periodsPerDay: 4, rooms: [{ capacity: 30 }], teachers: 1,
 *   courses: [{ lectures: 2, minWorkingDays: 2, students: 20, teacher: 0 }],
 *   curricula: [{ courses: [0] }],
 * });
 * ```
 */
export const timetableProblemSchema = z
  .object({
    days: z.number().int().min(1).max(14),
    periodsPerDay: z.number().int().min(1).max(48),
    rooms: z.array(
      z.object({
        capacity: z.number().int().min(0),
        unavailable: z.array(z.number().int().min(0)).optional(),
      }),
    ),
    teachers: z.number().int().min(0),
    courses: z.array(problemCourseSchema),
    curricula: z.array(
      z.object({
        courses: z.array(z.number().int().min(0)),
        weight: z.number().int().min(0).default(1),
      }),
    ),
    periodTimes: z
      .array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }))
      .optional(),
    travel: z
      .array(
        z.object({
          a: z.number().int().min(0),
          b: z.number().int().min(0),
          distance: z.number().int().min(1).optional(),
          minutes: z.number().int().min(1).optional(),
        }),
      )
      .default([]),
    weights: penaltyWeightsSchema.default({
      roomCapacity: 1,
      minWorkingDays: 5,
      compactness: 2,
      roomStability: 1,
    }),
  })
  .superRefine((problem, context) => {
    const periods = problem.days * problem.periodsPerDay;
    const bad = (path: (string | number)[], ru: string, en: string): void => {
      context.addIssue({ code: 'custom', path, params: { text: { ru, en } } });
    };
    problem.courses.forEach((course, index) => {
      if (course.teacher >= problem.teachers) {
        bad(['courses', index, 'teacher'], 'Нет такого преподавателя', 'No such teacher');
      }
      course.rooms?.forEach((room, at) => {
        if (room >= problem.rooms.length) {
          bad(['courses', index, 'rooms', at], 'Нет такого помещения', 'No such room');
        }
      });
      course.unavailable?.forEach((period, at) => {
        if (period >= periods) {
          bad(['courses', index, 'unavailable', at], 'Нет такого периода', 'No such period');
        }
      });
    });
    problem.rooms.forEach((room, index) => {
      room.unavailable?.forEach((period, at) => {
        if (period >= periods) {
          bad(['rooms', index, 'unavailable', at], 'Нет такого периода', 'No such period');
        }
      });
    });
    problem.curricula.forEach((curriculum, index) => {
      curriculum.courses.forEach((course, at) => {
        if (course >= problem.courses.length) {
          bad(['curricula', index, 'courses', at], 'Нет такого курса', 'No such course');
        }
      });
    });
    if (problem.periodTimes !== undefined && problem.periodTimes.length !== problem.periodsPerDay) {
      bad(
        ['periodTimes'],
        'Время начала и конца нужно для каждого периода дня',
        'Start and end times are needed for every period of the day',
      );
    }
    problem.travel.forEach((pair, index) => {
      for (const key of ['a', 'b'] as const) {
        if (pair[key] >= problem.courses.length) {
          bad(['travel', index, key], 'Нет такого курса', 'No such course');
        }
      }
      if ((pair.distance === undefined) === (pair.minutes === undefined)) {
        bad(
          ['travel', index],
          'Нужно одно из двух: расстояние в периодах или минуты на дорогу',
          'Give one of the two: a distance in periods or minutes to travel',
        );
      }
      if (pair.minutes !== undefined && problem.periodTimes === undefined) {
        bad(
          ['travel', index, 'minutes'],
          'Минуты на дорогу требуют времени периодов (periodTimes)',
          'Minutes to travel need the times of the periods (periodTimes)',
        );
      }
    });
  });

/**
 * Whether lectures of the two courses of a travel pair, course `a` at period `slotA` of a day
 * and course `b` at period `slotB` of the same day, are too close for the students to get
 * from one place to the other. Lectures in the same period are not a travel matter (they
 * clash). With `minutes`, the gap between the end of the earlier period and the start of the
 * later one, by `periodTimes`, must be at least `minutes`; with `distance`, the periods must
 * be more than `distance` apart.
 *
 * @example
 * ```ts
 * import { createTimetableProblem, tooCloseToTravel } from '@eduset/core/courses';
 * const problem = createTimetableProblem({
 *   days: 1, periodsPerDay: 3, rooms: [{ capacity: 10 }], teachers: 2,
 *   courses: [
 *     { lectures: 1, minWorkingDays: 1, students: 5, teacher: 0 },
 *     { lectures: 1, minWorkingDays: 1, students: 5, teacher: 1 },
 *   ],
 *   curricula: [{ courses: [0, 1] }],
 *   periodTimes: [{ start: 540, end: 585 }, { start: 595, end: 640 }, { start: 670, end: 715 }],
 *   travel: [{ a: 0, b: 1, minutes: 20 }],
 * });
 * const pair = problem.travel[0]!;
 * tooCloseToTravel(problem, pair, 0, 1); // true: a 10-minute break
 * tooCloseToTravel(problem, pair, 1, 2); // false: a 30-minute break
 * ```
 */
export function tooCloseToTravel(
  problem: Pick<TimetableProblem, 'periodTimes'>,
  pair: TimetableProblem['travel'][number],
  slotA: number,
  slotB: number,
): boolean {
  if (slotA === slotB) return false;
  const earlier = Math.min(slotA, slotB);
  const later = Math.max(slotA, slotB);
  if (pair.minutes !== undefined) {
    const end = problem.periodTimes?.[earlier]?.end;
    const start = problem.periodTimes?.[later]?.start;
    if (end === undefined || start === undefined) return false;
    return start - end < pair.minutes;
  }
  return later - earlier <= (pair.distance ?? 0);
}

/**
 * A validated timetabling problem. @example `const problem: TimetableProblem = createTimetableProblem(json);`
 */
export type TimetableProblem = z.infer<typeof timetableProblemSchema>;

/**
 * A timetabling problem as outside data may give it (defaults not yet applied).
 * @example `const input: TimetableProblemInput = { days: 1, periodsPerDay: 1, rooms: [], teachers: 0, courses: [], curricula: [] };`
 */
export type TimetableProblemInput = z.input<typeof timetableProblemSchema>;

/**
 * Validates a timetabling problem (indices in range), or throws a `ValidationError`.
 *
 * @example
 * ```ts
 * import { createTimetableProblem } from '@eduset/core/courses';
 * const problem = createTimetableProblem({
 *   days: 1, periodsPerDay: 2, rooms: [{ capacity: 10 }], teachers: 1,
 *   courses: [{ lectures: 1, minWorkingDays: 1, students: 5, teacher: 0 }], curricula: [],
 * });
 * problem.weights.compactness; // 2
 * ```
 */
export function createTimetableProblem(input: unknown): TimetableProblem {
  return parse(timetableProblemSchema, input);
}

/**
 * One lecture's place in a timetable: its course (index), its period (−1 when not
 * placed) and its room (index, −1 when not placed).
 *
 * @example
 * ```ts
 * import type { PlacedLecture } from '@eduset/core/courses';
 * const lecture: PlacedLecture = { course: 0, period: 7, room: 2 };
 * ```
 */
export interface PlacedLecture {
  readonly course: number;
  readonly period: number;
  readonly room: number;
}

/**
 * Checks that a list of placed lectures fits a problem: as many lectures of each course as
 * it has, periods and rooms in range. Throws a `ValidationError` listing each problem.
 *
 * @example
 * ```ts
 * import { assertAssignmentShape, createTimetableProblem } from '@eduset/core/courses';
 * const problem = createTimetableProblem({
 *   days: 1, periodsPerDay: 2, rooms: [{ capacity: 10 }], teachers: 1,
 *   courses: [{ lectures: 1, minWorkingDays: 1, students: 5, teacher: 0 }], curricula: [],
 * });
 * assertAssignmentShape(problem, [{ course: 0, period: 1, room: 0 }]);
 * ```
 */
export function assertAssignmentShape(
  problem: TimetableProblem,
  lectures: readonly PlacedLecture[],
): void {
  const issues: ValidationIssue[] = [];
  const periods = problem.days * problem.periodsPerDay;
  const counts = new Array<number>(problem.courses.length).fill(0);
  lectures.forEach((lecture, index) => {
    if (
      !Number.isInteger(lecture.course) ||
      lecture.course < 0 ||
      lecture.course >= counts.length
    ) {
      issues.push({
        path: [index, 'course'],
        code: 'out_of_range',
        message: { ru: 'Нет такого курса', en: 'No such course' },
      });
      return;
    }
    counts[lecture.course] = (counts[lecture.course] ?? 0) + 1;
    const placed = lecture.period >= 0;
    if (
      placed &&
      (lecture.period >= periods || lecture.room < 0 || lecture.room >= problem.rooms.length)
    ) {
      issues.push({
        path: [index],
        code: 'out_of_range',
        message: { ru: 'Период или помещение вне задачи', en: 'Period or room out of range' },
      });
    }
  });
  problem.courses.forEach((course, index) => {
    if (counts[index] !== course.lectures) {
      issues.push({
        path: ['course', index],
        code: 'lecture_count',
        message: {
          ru: `У курса ${index} должно быть занятий: ${course.lectures}, дано: ${counts[index] ?? 0}`,
          en: `Course ${index} needs ${course.lectures} lectures, ${counts[index] ?? 0} given`,
        },
      });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
}
