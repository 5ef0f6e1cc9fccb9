import { z } from '../common/zod.js';
import {
  isoDateSchema,
  localizedTextSchema,
  parse,
  schoolYearSchema,
  type LocalizedText,
} from '../common/index.js';
import {
  organizationIdSchema,
  organizationSchema,
  siteIdSchema,
  siteSchema,
} from '../network/index.js';
import {
  localTimeSchema,
  minutesOfDay,
  timeZoneSchema,
  weekdaySchema,
  workCalendarSchema,
} from '../schedule/index.js';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const idSchema = z.string().refine((value) => idPattern.test(value), {
  params: {
    text: {
      ru: 'Идентификатор: латинские буквы, цифры, «.», «_», «:», «-», до 128 символов',
      en: 'An id: Latin letters, digits, ".", "_", ":", "-", up to 128 characters',
    },
  },
});

/**
 * Schema of a profile (профиль): a track such as chemistry-biology or IT.
 *
 * @example
 * ```ts
 * import { profileSchema } from '@eduset/core/courses';
 * profileSchema.parse({ id: 'it', name: { ru: 'Информационно-технологический', en: 'Information technology' } });
 * ```
 */
export const profileSchema = z.object({ id: idSchema, name: localizedTextSchema });

/**
 * A profile. @example `const profile: Profile = profileSchema.parse(json);`
 */
export type Profile = z.infer<typeof profileSchema>;

/**
 * Schema of a profile course (профильный курс): its profile, total hours, lectures a week,
 * the fewest different days a week it should spread over, the group size limits and the
 * equipment a room must have for it (a chemistry lab, computers; none when absent).
 *
 * @example
 * ```ts
 * import { courseSchema } from '@eduset/core/courses';
 * courseSchema.parse({
 *   id: 'python', profileId: 'it', name: 'Программирование на Python',
 *   hours: 68, lecturesPerWeek: 2, minWorkingDays: 2, minGroupSize: 8, maxGroupSize: 15,
 * });
 * ```
 */
export const courseSchema = z
  .object({
    id: idSchema,
    profileId: idSchema,
    name: z.string().trim().min(1),
    hours: z.number().int().min(1),
    lecturesPerWeek: z.number().int().min(1).max(20),
    minWorkingDays: z.number().int().min(1).max(7).default(1),
    minGroupSize: z.number().int().min(1).default(1),
    maxGroupSize: z.number().int().min(1),
    /** Equipment (ids of the network's `equipment`) a room must have to hold this course. */
    equipment: z.array(idSchema).default([]),
  })
  .refine((course) => course.minGroupSize <= course.maxGroupSize, {
    path: ['maxGroupSize'],
    params: {
      text: {
        ru: 'Наибольший размер группы меньше наименьшего',
        en: 'The largest group size is below the smallest',
      },
    },
  });

/**
 * A profile course. @example `const course: Course = courseSchema.parse(json);`
 */
export type Course = z.infer<typeof courseSchema>;

/**
 * Schema of one period of the week grid: a weekday and the index of a period of the day.
 *
 * @example
 * ```ts
 * import { gridTimeSchema } from '@eduset/core/courses';
 * gridTimeSchema.parse({ day: 6, period: 0 }); // Saturday, first period
 * ```
 */
export const gridTimeSchema = z.object({ day: weekdaySchema, period: z.number().int().min(0) });

/**
 * A period of the week grid. @example `const when: GridTime = { day: 3, period: 1 };`
 */
export type GridTime = z.infer<typeof gridTimeSchema>;

/**
 * Schema of a teacher who teaches in the network, with the periods of the week grid when
 * they cannot (lessons at their own school, for example).
 *
 * @example
 * ```ts
 * import { teacherSchema } from '@eduset/core/courses';
 * teacherSchema.parse({ id: 't-ivanova', name: 'Иванова А. П.', unavailable: [{ day: 1, period: 0 }] });
 * ```
 */
export const teacherSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1),
  unavailable: z.array(gridTimeSchema).default([]),
});

/**
 * A teacher. @example `const teacher: Teacher = teacherSchema.parse(json);`
 */
export type Teacher = z.infer<typeof teacherSchema>;

/**
 * Schema of a room at a resource centre, with its number of seats and its equipment.
 *
 * @example
 * ```ts
 * import { roomSchema } from '@eduset/core/courses';
 * roomSchema.parse({ id: 'sch1-204', resourceCentreId: 'rc-school-1', name: 'Кабинет 204', capacity: 25 });
 * ```
 */
export const roomSchema = z.object({
  id: idSchema,
  resourceCentreId: siteIdSchema,
  name: z.string().trim().min(1),
  capacity: z.number().int().min(1),
  /** The equipment the room has (ids of the network's `equipment`). */
  equipment: z.array(idSchema).default([]),
  /**
   * The periods of the week grid the room is not free for the network (its own lessons, a
   * club): from the inventory's free hours (`withInventoryFreeHours`), or by hand.
   */
  unavailable: z.array(gridTimeSchema).default([]),
});

/**
 * A room. @example `const room: Room = roomSchema.parse(json);`
 */
export type Room = z.infer<typeof roomSchema>;

/**
 * Schema of a kind of room equipment (оборудование): an id rooms and courses refer to and
 * its name in Russian and English, as people call it.
 *
 * @example
 * ```ts
 * import { roomEquipmentSchema } from '@eduset/core/courses';
 * roomEquipmentSchema.parse({ id: 'chemistry-lab', name: { ru: 'химическая лаборатория', en: 'chemistry lab' } });
 * ```
 */
export const roomEquipmentSchema = z.object({ id: idSchema, name: localizedTextSchema });

/**
 * A kind of room equipment. @example `const computers: RoomEquipment = { id: 'computers', name: { ru: 'компьютеры', en: 'computers' } };`
 */
export type RoomEquipment = z.infer<typeof roomEquipmentSchema>;

/**
 * Schema of a course group (группа): one course taught by one teacher at one resource
 * centre; `maxSize` narrows the course's largest group size.
 *
 * @example
 * ```ts
 * import { courseGroupSchema } from '@eduset/core/courses';
 * courseGroupSchema.parse({ id: 'python-1', courseId: 'python', resourceCentreId: 'rc-school-1', teacherId: 't-ivanova' });
 * ```
 */
export const courseGroupSchema = z.object({
  id: idSchema,
  courseId: idSchema,
  resourceCentreId: siteIdSchema,
  teacherId: idSchema,
  maxSize: z.number().int().min(1).optional(),
});

/**
 * A course group. @example `const group: CourseGroup = courseGroupSchema.parse(json);`
 */
export type CourseGroup = z.infer<typeof courseGroupSchema>;

/**
 * Schema of a senior student (старшеклассник, or a college student): home school, grade
 * and individual study plan (индивидуальный учебный план) — the courses chosen.
 *
 * @example
 * ```ts
 * import { studentSchema } from '@eduset/core/courses';
 * studentSchema.parse({ id: 's-001', name: 'Петров Иван', homeSchoolId: 'school-1', grade: 10, studyPlan: ['python'] });
 * ```
 */
export const studentSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1),
  homeSchoolId: organizationIdSchema,
  grade: z.number().int().min(1).max(12),
  studyPlan: z
    .array(idSchema)
    .min(1)
    .refine((plan) => new Set(plan).size === plan.length, {
      params: { text: { ru: 'Курс выбран дважды', en: 'A course is chosen twice' } },
    }),
});

/**
 * A student. @example `const student: Student = studentSchema.parse(json);`
 */
export type Student = z.infer<typeof studentSchema>;

/**
 * Schema of a time the home school keeps its students busy (its own lessons): a weekday and
 * local times, for the listed grades (all grades when absent).
 *
 * @example
 * ```ts
 * import { homeSchoolBusySchema } from '@eduset/core/courses';
 * homeSchoolBusySchema.parse({ schoolId: 'school-1', grades: [10, 11], day: 1, from: '08:30', to: '14:10' });
 * ```
 */
export const homeSchoolBusySchema = z
  .object({
    schoolId: organizationIdSchema,
    grades: z.array(z.number().int().min(1).max(12)).optional(),
    day: weekdaySchema,
    from: localTimeSchema,
    to: localTimeSchema,
  })
  .refine((busy) => minutesOfDay(busy.from) < minutesOfDay(busy.to), {
    path: ['to'],
    params: { text: { ru: 'Конец раньше начала', en: 'The end is before the start' } },
  });

/**
 * A home-school busy time. @example `const busy: HomeSchoolBusy = homeSchoolBusySchema.parse(json);`
 */
export type HomeSchoolBusy = z.infer<typeof homeSchoolBusySchema>;

/**
 * Schema of a travel time between two organizations (schools, the college, the hosts of
 * resource centres), in minutes, the same both ways.
 *
 * @example
 * ```ts
 * import { courseTravelSchema } from '@eduset/core/courses';
 * courseTravelSchema.parse({ from: 'school-1', to: 'school-4', minutes: 20 });
 * ```
 */
export const courseTravelSchema = z.object({
  from: organizationIdSchema,
  to: organizationIdSchema,
  minutes: z.number().int().min(0).max(600),
});

/**
 * A travel time. @example `const travel: CourseTravel = { from: a, to: b, minutes: 15 };`
 */
export type CourseTravel = z.infer<typeof courseTravelSchema>;

/**
 * Schema of the agreement (договор о сетевой форме) between a home school and a resource
 * centre for a school year.
 *
 * @example
 * ```ts
 * import { networkAgreementSchema } from '@eduset/core/courses';
 * networkAgreementSchema.parse({
 *   number: '12/2024', homeSchoolId: 'school-2', resourceCentreId: 'rc-school-1',
 *   schoolYear: '2024-2025', signedOn: '2024-08-30',
 * });
 * ```
 */
export const networkAgreementSchema = z.object({
  number: z.string().trim().min(1),
  homeSchoolId: organizationIdSchema,
  resourceCentreId: siteIdSchema,
  schoolYear: schoolYearSchema,
  signedOn: isoDateSchema,
});

/**
 * A network agreement. @example `const agreement: NetworkAgreement = networkAgreementSchema.parse(json);`
 */
export type NetworkAgreement = z.infer<typeof networkAgreementSchema>;

/**
 * Schema of the week grid of the network: the weekdays classes are held and the periods of
 * a day with their local start and end times (in order, not overlapping).
 *
 * @example
 * ```ts
 * import { weekGridSchema } from '@eduset/core/courses';
 * weekGridSchema.parse({ days: [1, 2, 3, 4, 5, 6], periods: [{ start: '14:30', end: '15:15' }, { start: '15:25', end: '16:10' }] });
 * ```
 */
export const weekGridSchema = z
  .object({
    days: z.array(weekdaySchema).min(1),
    periods: z.array(z.object({ start: localTimeSchema, end: localTimeSchema })).min(1),
  })
  .superRefine((grid, context) => {
    if (new Set(grid.days).size !== grid.days.length) {
      context.addIssue({
        code: 'custom',
        path: ['days'],
        params: { text: { ru: 'Дни повторяются', en: 'Days are repeated' } },
      });
    }
    grid.periods.forEach((period, index) => {
      const previous = grid.periods[index - 1];
      if (
        minutesOfDay(period.start) >= minutesOfDay(period.end) ||
        (previous !== undefined && minutesOfDay(previous.end) > minutesOfDay(period.start))
      ) {
        context.addIssue({
          code: 'custom',
          path: ['periods', index],
          params: {
            text: {
              ru: 'Периоды не по порядку или пересекаются',
              en: 'Periods out of order or overlapping',
            },
          },
        });
      }
    });
  });

/**
 * The week grid. @example `const grid: WeekGrid = weekGridSchema.parse(json);`
 */
export type WeekGrid = z.infer<typeof weekGridSchema>;

/**
 * Schema of a network of profile courses (сеть профильных курсов) for one school year:
 * the organizations (home schools, the college, the hosts of resource centres), resource
 * centres (sites of kind `resource-centre`), profiles, courses, teachers, rooms, groups,
 * students with study plans, home-school busy times, travel times, agreements, the kinds of
 * room equipment, the week grid
 * and the term with its working-day calendar. Every reference is checked.
 *
 * @example
 * ```ts
 * import { courseNetworkSchema } from '@eduset/core/courses';
 * declare const json: unknown;
 * const network = courseNetworkSchema.parse(json);
 * ```
 */
export const courseNetworkSchema = z
  .object({
    schoolYear: schoolYearSchema,
    timeZone: z._default(timeZoneSchema, 'Europe/Moscow'),
    term: z.object({ from: isoDateSchema, to: isoDateSchema }),
    calendar: z.optional(workCalendarSchema),
    weekGrid: weekGridSchema,
    organizations: z.array(organizationSchema),
    resourceCentres: z.array(siteSchema),
    profiles: z.array(profileSchema),
    courses: z.array(courseSchema),
    teachers: z.array(teacherSchema),
    rooms: z.array(roomSchema),
    groups: z.array(courseGroupSchema),
    students: z.array(studentSchema),
    homeSchoolBusy: z.array(homeSchoolBusySchema).default([]),
    travel: z.array(courseTravelSchema).default([]),
    equipment: z.array(roomEquipmentSchema).default([]),
    agreements: z.array(networkAgreementSchema).default([]),
  })
  .superRefine((network, context) => {
    const bad = (path: (string | number)[], text: LocalizedText): void => {
      context.addIssue({ code: 'custom', path, params: { text } });
    };
    /** What a reference names, in both languages (never a code in the Russian text). */
    const kinds = {
      organization: { ru: 'организации', en: 'organization' },
      equipment: { ru: 'оборудования', en: 'equipment' },
      profile: { ru: 'профиля', en: 'profile' },
      'resource centre': { ru: 'ресурсного центра', en: 'resource centre' },
      course: { ru: 'курса', en: 'course' },
      teacher: { ru: 'преподавателя', en: 'teacher' },
    } as const;
    const missing = (what: keyof typeof kinds, id: string): LocalizedText => ({
      ru: `Нет такого ${kinds[what].ru}: «${id}»`,
      en: `No such ${kinds[what].en}: "${id}"`,
    });
    const unique = (key: string, items: readonly { id: string }[]): Set<string> => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.id))
          bad([key, index, 'id'], {
            ru: `Повтор идентификатора «${item.id}»`,
            en: `Duplicate id "${item.id}"`,
          });
        seen.add(item.id);
      });
      return seen;
    };
    const organizations = unique('organizations', network.organizations);
    const centres = unique('resourceCentres', network.resourceCentres);
    const profiles = unique('profiles', network.profiles);
    const courses = unique('courses', network.courses);
    const teachers = unique('teachers', network.teachers);
    const equipment = unique('equipment', network.equipment);
    unique('rooms', network.rooms);
    unique('groups', network.groups);
    unique('students', network.students);
    if (network.term.from > network.term.to)
      bad(['term', 'to'], { ru: 'Конец раньше начала', en: 'The end is before the start' });
    network.resourceCentres.forEach((centre, index) => {
      if (centre.kind !== 'resource-centre') {
        bad(['resourceCentres', index, 'kind'], {
          ru: 'Ожидается площадка вида resource-centre',
          en: 'Expected a site of kind resource-centre',
        });
      }
      if (!organizations.has(centre.hostOrganizationId))
        bad(
          ['resourceCentres', index, 'hostOrganizationId'],
          missing('organization', centre.hostOrganizationId),
        );
    });
    network.courses.forEach((course, index) => {
      course.equipment.forEach((id, at) => {
        if (!equipment.has(id)) bad(['courses', index, 'equipment', at], missing('equipment', id));
      });
      if (!profiles.has(course.profileId))
        bad(['courses', index, 'profileId'], missing('profile', course.profileId));
    });
    network.rooms.forEach((room, index) => {
      room.equipment.forEach((id, at) => {
        if (!equipment.has(id)) bad(['rooms', index, 'equipment', at], missing('equipment', id));
      });
      if (!centres.has(room.resourceCentreId))
        bad(
          ['rooms', index, 'resourceCentreId'],
          missing('resource centre', room.resourceCentreId),
        );
    });
    network.groups.forEach((group, index) => {
      if (!courses.has(group.courseId))
        bad(['groups', index, 'courseId'], missing('course', group.courseId));
      if (!centres.has(group.resourceCentreId))
        bad(
          ['groups', index, 'resourceCentreId'],
          missing('resource centre', group.resourceCentreId),
        );
      if (!teachers.has(group.teacherId))
        bad(['groups', index, 'teacherId'], missing('teacher', group.teacherId));
    });
    const periods = network.weekGrid.periods.length;
    network.teachers.forEach((teacher, index) => {
      teacher.unavailable.forEach((when, at) => {
        if (when.period >= periods)
          bad(['teachers', index, 'unavailable', at, 'period'], {
            ru: 'Нет такого периода',
            en: 'No such period',
          });
      });
    });
    network.students.forEach((student, index) => {
      if (!organizations.has(student.homeSchoolId))
        bad(['students', index, 'homeSchoolId'], missing('organization', student.homeSchoolId));
      student.studyPlan.forEach((courseId, at) => {
        if (!courses.has(courseId))
          bad(['students', index, 'studyPlan', at], missing('course', courseId));
      });
    });
    network.homeSchoolBusy.forEach((busy, index) => {
      if (!organizations.has(busy.schoolId))
        bad(['homeSchoolBusy', index, 'schoolId'], missing('organization', busy.schoolId));
    });
    network.travel.forEach((travel, index) => {
      if (!organizations.has(travel.from))
        bad(['travel', index, 'from'], missing('organization', travel.from));
      if (!organizations.has(travel.to))
        bad(['travel', index, 'to'], missing('organization', travel.to));
    });
    network.agreements.forEach((agreement, index) => {
      if (!organizations.has(agreement.homeSchoolId))
        bad(['agreements', index, 'homeSchoolId'], missing('organization', agreement.homeSchoolId));
      if (!centres.has(agreement.resourceCentreId))
        bad(
          ['agreements', index, 'resourceCentreId'],
          missing('resource centre', agreement.resourceCentreId),
        );
    });
  });

/**
 * A validated network of profile courses. @example `const network: CourseNetwork = createCourseNetwork(json);`
 */
export type CourseNetwork = z.infer<typeof courseNetworkSchema>;

/**
 * A network of profile courses as outside data gives it. @example `const input: CourseNetworkInput = JSON.parse(text);`
 */
export type CourseNetworkInput = z.input<typeof courseNetworkSchema>;

/**
 * Validates a network of profile courses, or throws a `ValidationError` listing every
 * problem (unknown references, duplicate ids, sites that are not resource centres…) with
 * its path and a Russian and English message.
 *
 * @example
 * ```ts
 * import { createCourseNetwork } from '@eduset/core/courses';
 * declare const json: unknown;
 * const network = createCourseNetwork(json);
 * network.students.length;
 * ```
 */
export function createCourseNetwork(input: unknown): CourseNetwork {
  return parse(courseNetworkSchema, input);
}

/**
 * The travel time in minutes between two organizations (0 for the same one; a missing pair
 * counts as 0 — list every pair that takes time).
 *
 * @example
 * ```ts
 * import { travelMinutes } from '@eduset/core/courses';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * travelMinutes(network, 'school-1', 'school-4');
 * ```
 */
export function travelMinutes(network: CourseNetwork, from: string, to: string): number {
  if (from === to) return 0;
  let minutes = 0;
  for (const travel of network.travel) {
    if ((travel.from === from && travel.to === to) || (travel.from === to && travel.to === from)) {
      minutes = Math.max(minutes, travel.minutes);
    }
  }
  return minutes;
}
