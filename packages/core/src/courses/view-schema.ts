import { z } from '../common/zod-mini.js';
import { localizedTextSchema } from '../common/index.js';
import { localTimeSchema, weekdaySchema } from '../schedule/index.js';

/**
 * Whose timetable a view shows: a student's, a home school's (all its students), a resource
 * centre's, or a teacher's.
 *
 * @example
 * ```ts
 * import { timetableViewKinds } from '@eduset/core/courses';
 * timetableViewKinds; // ['student', 'school', 'centre', 'teacher']
 * ```
 */
export const timetableViewKinds = ['student', 'school', 'centre', 'teacher'] as const;

/**
 * A view kind. @example `const kind: TimetableViewKind = 'student';`
 */
export type TimetableViewKind = (typeof timetableViewKinds)[number];

/**
 * Schema of one entry of a timetable view: a weekly session with everything a reader needs —
 * the course and group, when (weekday, period, local times), where (resource centre, room,
 * address), the teacher, how many of the view's students attend, and the trip before it
 * (from the home school or the previous resource centre, in minutes; for a student view).
 *
 * @example
 * ```ts
 * import { timetableEntrySchema } from '@eduset/core/courses';
 * declare const json: unknown;
 * timetableEntrySchema.parse(json);
 * ```
 */
export const timetableEntrySchema = z.object({
  groupId: z.string(),
  courseId: z.string(),
  courseName: z.string(),
  profileName: localizedTextSchema,
  day: weekdaySchema,
  period: z.int().check(z.gte(0)),
  start: localTimeSchema,
  end: localTimeSchema,
  resourceCentreId: z.string(),
  resourceCentreName: z.string(),
  roomId: z.string(),
  roomName: z.string(),
  address: z.optional(z.string()),
  teacherName: z.string(),
  students: z.int().check(z.gte(0)),
  travel: z.optional(z.object({ fromName: z.string(), minutes: z.int().check(z.gte(0)) })),
});

/**
 * An entry of a timetable view. @example `const entry: TimetableEntry = timetableEntrySchema.parse(json);`
 */
export type TimetableEntry = z.infer<typeof timetableEntrySchema>;

/**
 * Schema of a timetable view: whose it is, their name, the week grid, the entries sorted by
 * weekday and period, and the school year.
 *
 * @example
 * ```ts
 * import { timetableViewSchema } from '@eduset/core/courses';
 * declare const json: unknown;
 * const view = timetableViewSchema.parse(json);
 * ```
 */
export const timetableViewSchema = z.object({
  kind: z.enum(timetableViewKinds),
  id: z.string(),
  name: z.string(),
  schoolYear: z.string(),
  days: z.array(weekdaySchema),
  periods: z.array(z.object({ start: localTimeSchema, end: localTimeSchema })),
  entries: z.array(timetableEntrySchema),
});

/**
 * A timetable view. @example `const view: TimetableView = timetableView(network, enrolment, timetable, 'student', 'st-001');`
 */
export type TimetableView = z.infer<typeof timetableViewSchema>;
