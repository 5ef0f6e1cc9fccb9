import { z } from '../common/zod.js';
import type { LocalizedText } from '../common/index.js';
import { travelMinutes, type CourseNetwork } from './model.js';

/**
 * Schema of an enrolment: the students of each course group (by group id), in id order.
 *
 * @example
 * ```ts
 * import { enrolmentSchema } from '@eduset/core/courses';
 * enrolmentSchema.parse({ groups: { 'python-1': ['s-001', 's-002'] } });
 * ```
 */
export const enrolmentSchema = z.object({
  groups: z.record(z.string(), z.array(z.string())),
});

/**
 * An enrolment. @example `const enrolment: Enrolment = { groups: { 'python-1': ['s-001'] } };`
 */
export type Enrolment = z.infer<typeof enrolmentSchema>;

/**
 * A course of a student's study plan that could not be given a group, and why.
 *
 * @example
 * ```ts
 * import type { UnassignedChoice } from '@eduset/core/courses';
 * const choice: UnassignedChoice = {
 *   studentId: 's-001', courseId: 'python', reason: 'full',
 *   message: { ru: 'Все группы курса заполнены', en: 'Every group of the course is full' },
 * };
 * ```
 */
export interface UnassignedChoice {
  readonly studentId: string;
  readonly courseId: string;
  readonly reason: 'no-group' | 'full';
  readonly message: LocalizedText;
}

/**
 * The outcome of enrolment: the groups' lists, the choices that found no place, and the
 * groups left below the course's smallest size.
 *
 * @example
 * ```ts
 * import type { CourseEnrolmentResult } from '@eduset/core/courses';
 * const placedAll = (result: CourseEnrolmentResult) => result.unassigned.length === 0;
 * ```
 */
export interface CourseEnrolmentResult {
  readonly enrolment: Enrolment;
  readonly unassigned: readonly UnassignedChoice[];
  readonly undersized: readonly {
    readonly groupId: string;
    readonly size: number;
    readonly minGroupSize: number;
  }[];
}

/**
 * The largest number of students a group may take: the group's own `maxSize` if set, else
 * the course's largest group size.
 *
 * @example
 * ```ts
 * import { groupCapacity } from '@eduset/core/courses';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * groupCapacity(network, network.groups[0]!);
 * ```
 */
export function groupCapacity(
  network: CourseNetwork,
  group: CourseNetwork['groups'][number],
): number {
  const course = network.courses.find((c) => c.id === group.courseId);
  return Math.min(group.maxSize ?? Infinity, course?.maxGroupSize ?? Infinity);
}

/**
 * Enrols every student into one group of each course of their study plan, within each
 * group's capacity. Students are taken in id order; each goes to the group of the course
 * whose resource centre is nearest to their home school (shortest travel), the emptier
 * group on a tie, so schoolmates tend to study together. A choice with no group, or with
 * every group full, is reported — never dropped. Deterministic; does not change its input.
 *
 * @example
 * ```ts
 * import { enrolStudents } from '@eduset/core/courses';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * const { enrolment, unassigned } = enrolStudents(network);
 * ```
 */
export function enrolStudents(network: CourseNetwork): CourseEnrolmentResult {
  const groupsByCourse = new Map<string, CourseNetwork['groups'][number][]>();
  for (const group of network.groups) {
    const list = groupsByCourse.get(group.courseId) ?? [];
    list.push(group);
    groupsByCourse.set(group.courseId, list);
  }
  const hostOf = new Map(
    network.resourceCentres.map((centre) => [centre.id, centre.hostOrganizationId]),
  );
  const members = new Map<string, string[]>(network.groups.map((group) => [group.id, []]));
  const unassigned: UnassignedChoice[] = [];
  const students = [...network.students].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const student of students) {
    for (const courseId of student.studyPlan) {
      const groups = groupsByCourse.get(courseId) ?? [];
      if (groups.length === 0) {
        unassigned.push({
          studentId: student.id,
          courseId,
          reason: 'no-group',
          message: {
            ru: `У курса «${courseId}» нет групп`,
            en: `Course "${courseId}" has no groups`,
          },
        });
        continue;
      }
      let best: string | undefined;
      let bestKey: [number, number] = [Infinity, Infinity];
      for (const group of groups) {
        const size = members.get(group.id)?.length ?? 0;
        if (size >= groupCapacity(network, group)) continue;
        const travel = travelMinutes(
          network,
          student.homeSchoolId,
          hostOf.get(group.resourceCentreId) ?? '',
        );
        if (travel < bestKey[0] || (travel === bestKey[0] && size < bestKey[1])) {
          best = group.id;
          bestKey = [travel, size];
        }
      }
      if (best === undefined) {
        unassigned.push({
          studentId: student.id,
          courseId,
          reason: 'full',
          message: {
            ru: `Все группы курса «${courseId}» заполнены`,
            en: `Every group of course "${courseId}" is full`,
          },
        });
      } else members.get(best)?.push(student.id);
    }
  }
  const undersized: { groupId: string; size: number; minGroupSize: number }[] = [];
  for (const group of network.groups) {
    const course = network.courses.find((c) => c.id === group.courseId);
    const size = members.get(group.id)?.length ?? 0;
    if (course !== undefined && size < course.minGroupSize) {
      undersized.push({ groupId: group.id, size, minGroupSize: course.minGroupSize });
    }
  }
  return { enrolment: { groups: Object.fromEntries(members) }, unassigned, undersized };
}
