import type { Enrolment } from './enrolment.js';
import type { CourseNetwork } from './model.js';
import type { LectureMove } from './plan-schema.js';
import { validateTimetable, type CourseViolation, type Timetable } from './timetable.js';

// Planning a course network by people: a hand move checked before it is saved (the wire
// contracts of `/api/courses/plan/…` are in plan-schema.ts, light enough for the staff
// bundle).

/**
 * What a hand move would do: the timetable after it, the hard violations and penalty before
 * and after, and the violations it adds (those the timetable did not have before).
 *
 * @example
 * ```ts
 * import type { MoveCheck } from '@eduset/core/courses';
 * const safe = (check: MoveCheck) => check.added.every((violation) => !violation.hard);
 * ```
 */
export interface MoveCheck {
  readonly timetable: Timetable;
  readonly before: { readonly hard: number; readonly penalty: number };
  readonly after: { readonly hard: number; readonly penalty: number };
  readonly added: readonly CourseViolation[];
}

const violationKey = (violation: CourseViolation): string =>
  [
    violation.kind,
    violation.groupId ?? '',
    violation.studentId ?? '',
    violation.teacherId ?? '',
    violation.roomId ?? '',
    violation.day ?? '',
    violation.period ?? '',
  ].join('\u0000');

/**
 * Checks a hand move of one lecture before it is saved: the timetable after the move,
 * validated with {@link validateTimetable}, and the violations the move adds. Answers
 * `undefined` when the group has no session at `from`.
 *
 * @example
 * ```ts
 * import { checkLectureMove, enrolStudents } from '@eduset/core/courses';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * declare const timetable: import('@eduset/core/courses').Timetable;
 * const check = checkLectureMove(network, enrolStudents(network).enrolment, timetable, {
 *   groupId: 'python-1', from: { day: 2, period: 1 }, to: { day: 3, period: 0, roomId: 'sch1-204' },
 * });
 * check?.added.filter((violation) => violation.hard);
 * ```
 */
export function checkLectureMove(
  network: CourseNetwork,
  enrolment: Enrolment,
  timetable: Timetable,
  move: LectureMove,
): MoveCheck | undefined {
  const index = timetable.sessions.findIndex(
    (session) =>
      session.groupId === move.groupId &&
      session.day === move.from.day &&
      session.period === move.from.period,
  );
  if (index < 0) return undefined;
  const sessions = timetable.sessions.map((session, i) =>
    i === index ? { groupId: move.groupId, ...move.to } : session,
  );
  const moved: Timetable = { sessions };
  const before = validateTimetable(network, enrolment, timetable);
  const after = validateTimetable(network, enrolment, moved);
  const known = new Map<string, number>();
  for (const violation of before.violations) {
    const key = violationKey(violation);
    known.set(key, (known.get(key) ?? 0) + 1);
  }
  const added: CourseViolation[] = [];
  for (const violation of after.violations) {
    const key = violationKey(violation);
    const left = known.get(key) ?? 0;
    if (left > 0) known.set(key, left - 1);
    else added.push(violation);
  }
  return {
    timetable: moved,
    before: { hard: before.hard, penalty: before.penalty },
    after: { hard: after.hard, penalty: after.penalty },
    added,
  };
}
