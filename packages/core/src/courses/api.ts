import { localizedTextSchema } from '../common/labels.js';
import { requestIdSchema } from '../common/wire.js';
import { z } from '../common/zod.js';
import { timetableViewKinds, timetableViewSchema } from './view-schema.js';

// The wire contracts of `/api/courses/…`: the server declares them on its routes, the
// course timetable widget validates the answers with them.

/**
 * Schema of the query of `GET /api/courses/timetable` (and of the path of
 * `GET /api/courses/feeds/:view/:id.ics`): whose timetable — a student, a school, a resource
 * centre or a teacher — and its id.
 *
 * @example
 * ```ts
 * import { timetableViewQuerySchema } from '@eduset/core/courses';
 * timetableViewQuerySchema.parse({ view: 'student', id: 'st-001' });
 * ```
 */
export const timetableViewQuerySchema = z.strictObject({
  view: z.enum(timetableViewKinds),
  id: requestIdSchema,
});

/**
 * The validated query of `GET /api/courses/timetable`.
 *
 * @example
 * ```ts
 * import type { TimetableViewQuery } from '@eduset/core/courses';
 * const query: TimetableViewQuery = { view: 'teacher', id: 't-01' };
 * ```
 */
export type TimetableViewQuery = z.output<typeof timetableViewQuerySchema>;

/**
 * Schema of the answer of `GET /api/courses/timetable`: the view plus the URL of its
 * iCalendar feed.
 *
 * @example
 * ```ts
 * import { timetableViewResponseSchema } from '@eduset/core/courses';
 * declare const json: unknown;
 * timetableViewResponseSchema.parse(json).icsUrl;
 * ```
 */
export const timetableViewResponseSchema = z.object({
  ...timetableViewSchema.shape,
  icsUrl: z.string().min(1),
});

/**
 * The answer of `GET /api/courses/timetable`.
 *
 * @example
 * ```ts
 * import type { TimetableViewResponse } from '@eduset/core/courses';
 * const link = (answer: TimetableViewResponse) => answer.icsUrl;
 * ```
 */
export type TimetableViewResponse = z.output<typeof timetableViewResponseSchema>;

const namedSchema = z.object({ id: z.string(), name: z.string() });

/**
 * Schema of the answer of `GET /api/courses/directory`, which anyone may read: the school
 * year, the courses (with their profile's name), the resource centres and the schools whose
 * students take courses — never a student or a teacher (a student's timetable is reached
 * through the personal link her school hands out).
 *
 * @example
 * ```ts
 * import { courseDirectorySchema } from '@eduset/core/courses';
 * courseDirectorySchema.parse({ schoolYear: '2025-2026', courses: [], centres: [], schools: [] });
 * ```
 */
export const courseDirectorySchema = z.object({
  schoolYear: z.string(),
  courses: z.array(namedSchema.extend({ profileName: z.optional(localizedTextSchema) })),
  centres: z.array(namedSchema),
  schools: z.array(namedSchema),
});

/**
 * The answer of `GET /api/courses/directory`.
 *
 * @example
 * ```ts
 * import type { CourseDirectory } from '@eduset/core/courses';
 * declare const directory: CourseDirectory;
 * directory.courses.length;
 * ```
 */
export type CourseDirectory = z.output<typeof courseDirectorySchema>;

/**
 * Schema of the query of `GET /api/courses/links`: the school whose students' links its staff
 * list.
 *
 * @example
 * ```ts
 * import { courseLinkListQuerySchema } from '@eduset/core/courses';
 * courseLinkListQuerySchema.parse({ school: 'school-1' });
 * ```
 */
export const courseLinkListQuerySchema = z.strictObject({ school: requestIdSchema });

/**
 * Schema of the answer of `GET /api/courses/links`: every student of the school in the
 * course network (name, grade), each with the working personal link, if one was issued.
 *
 * @example
 * ```ts
 * import { courseLinkListSchema } from '@eduset/core/courses';
 * courseLinkListSchema.parse({ schoolId: 'school-1', students: [] });
 * ```
 */
export const courseLinkListSchema = z.object({
  schoolId: z.string(),
  students: z.array(
    z.object({
      studentId: z.string(),
      name: z.string(),
      grade: z.number().int(),
      link: z
        .object({
          url: z.string(),
          icsUrl: z.string(),
          issuedAt: z.string(),
          expiresAt: z.string(),
        })
        .optional(),
    }),
  ),
});

/**
 * The answer of `GET /api/courses/links`.
 *
 * @example
 * ```ts
 * import type { CourseLinkList } from '@eduset/core/courses';
 * const withoutLink = (list: CourseLinkList) => list.students.filter((s) => s.link === undefined);
 * ```
 */
export type CourseLinkList = z.output<typeof courseLinkListSchema>;

/**
 * Schema of the answer of `GET /api/courses/mine`: the timetables that are the signed-in
 * staff member's own — a teacher's week, a school's students — each with its view, id and the
 * name people know it by.
 *
 * @example
 * ```ts
 * import { myTimetablesSchema } from '@eduset/core/courses';
 * myTimetablesSchema.parse({ views: [{ view: 'teacher', id: 't-1', name: 'Иванова А. П.' }] });
 * ```
 */
export const myTimetablesSchema = z.object({
  views: z.array(z.object({ view: z.enum(timetableViewKinds), id: z.string(), name: z.string() })),
});

/**
 * The answer of `GET /api/courses/mine`.
 *
 * @example
 * ```ts
 * import type { MyTimetables } from '@eduset/core/courses';
 * const first = (mine: MyTimetables) => mine.views[0]?.id;
 * ```
 */
export type MyTimetables = z.output<typeof myTimetablesSchema>;
