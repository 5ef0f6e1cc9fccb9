import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enrolStudents } from './enrolment.js';
import { createCourseNetwork, type CourseNetwork, type CourseNetworkInput } from './model.js';
import type { PlacedLecture } from './problem.js';
import { evaluateProblemAssignment } from './solver.js';
import {
  networkToProblem,
  solveCourseNetwork,
  validateTimetable,
  type NetworkProblem,
  type Timetable,
} from './timetable.js';

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A random network with uneven breaks: 1–3 weekdays, 2–5 periods of 40 minutes from 14:00
 * with breaks of 0–60 minutes, 2–3 schools on a road (travel minutes are the distances along
 * it), each hosting a resource centre with two rooms, 2–4 groups of one lecture a week with a
 * teacher each (some shared, some with an unavailable period), and students each taking a
 * different pair of courses — so that one student's trouble is one curriculum's, and the
 * solver's count and the validator's count the same things.
 */
const networkArbitrary: fc.Arbitrary<CourseNetwork> = fc
  .record({
    days: fc.integer({ min: 1, max: 3 }),
    breaks: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 4, maxLength: 4 }),
    periods: fc.integer({ min: 2, max: 5 }),
    places: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 2, maxLength: 3 }),
    groups: fc.array(
      fc.record({
        place: fc.nat(),
        teacher: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: 2, maxLength: 4 },
    ),
    unavailable: fc.array(fc.record({ teacher: fc.nat(2), day: fc.nat(2), period: fc.nat(4) }), {
      maxLength: 2,
    }),
    pairs: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  })
  .map(({ days, breaks, periods, places, groups, unavailable, pairs }) => {
    const site = (i: number) => ({
      id: `rc-${i}`,
      kind: 'resource-centre' as const,
      name: `РЦ ${i}`,
      hostOrganizationId: `school-${i}`,
      activeYears: ['2025-2026'],
      serviceIds: [],
      ages: { from: 15, to: 18 },
    });
    const grid: { start: string; end: string }[] = [];
    let start = 14 * 60;
    for (let s = 0; s < periods; s++) {
      grid.push({ start: hhmm(start), end: hhmm(start + 40) });
      start += 40 + (breaks[s] ?? 0);
    }
    const weekdays = [1, 2, 3].slice(0, days);
    const courseIds = groups.map((_, g) => `c${g}`);
    const allPairs: [number, number][] = [];
    for (let a = 0; a < groups.length; a++)
      for (let b = a + 1; b < groups.length; b++) allPairs.push([a, b]);
    const chosen = allPairs.filter((_, k) => pairs[k] === true);
    const travel = places.flatMap((x, i) =>
      places.slice(i + 1).map((y, k) => ({
        from: `school-${i}`,
        to: `school-${i + 1 + k}`,
        minutes: Math.abs(x - y),
      })),
    );
    const input: CourseNetworkInput = {
      schoolYear: '2025-2026',
      term: { from: '2025-11-03', to: '2025-11-09' },
      weekGrid: { days: weekdays, periods: grid },
      organizations: places.map((_, i) => ({
        id: `school-${i}`,
        name: `Школа ${i}`,
        kind: 'school' as const,
        level: 'secondary' as const,
      })),
      resourceCentres: places.map((_, i) => site(i)),
      profiles: [{ id: 'p', name: { ru: 'Профиль', en: 'Profile' } }],
      courses: courseIds.map((id) => ({
        id,
        profileId: 'p',
        name: `Курс ${id}`,
        hours: 34,
        lecturesPerWeek: 1,
        maxGroupSize: 30,
      })),
      teachers: [0, 1, 2].map((t) => ({
        id: `t${t}`,
        name: `Преподаватель ${t}`,
        unavailable: unavailable
          .filter((u) => u.teacher === t && u.day < days && u.period < periods)
          .map((u) => ({ day: weekdays[u.day] ?? 1, period: u.period })),
      })),
      rooms: places.flatMap((_, i) => [
        { id: `r${i}a`, resourceCentreId: `rc-${i}`, name: `${i}a`, capacity: 30 },
        { id: `r${i}b`, resourceCentreId: `rc-${i}`, name: `${i}b`, capacity: 30 },
      ]),
      groups: groups.map((g, i) => ({
        id: `g${i}`,
        courseId: `c${i}`,
        resourceCentreId: `rc-${g.place % places.length}`,
        teacherId: `t${g.teacher}`,
      })),
      students: chosen.map(([a, b], k) => ({
        id: `s${k}`,
        name: `Учащийся ${k}`,
        homeSchoolId: 'school-0',
        grade: 10,
        studyPlan: [`c${a}`, `c${b}`],
      })),
      travel,
    };
    return createCourseNetwork(input);
  });

/** The timetable as the solver's lectures (one lecture a week per group; −1 when absent). */
function toLectures(
  network: CourseNetwork,
  mapped: NetworkProblem,
  timetable: Timetable,
): PlacedLecture[] {
  const ppd = network.weekGrid.periods.length;
  return mapped.groupIds.map((groupId, course) => {
    const session = timetable.sessions.find((s) => s.groupId === groupId);
    return session === undefined
      ? { course, period: -1, room: -1 }
      : {
          course,
          period: network.weekGrid.days.indexOf(session.day) * ppd + session.period,
          room: mapped.roomIds.indexOf(session.roomId),
        };
  });
}

describe('solver and validator agree on travel with uneven breaks', () => {
  it("the solver's own hard count of any timetable equals validateTimetable's", () => {
    fc.assert(
      fc.property(
        networkArbitrary.chain((network) =>
          fc.tuple(
            fc.constant(network),
            fc.array(
              fc.option(
                fc.record({
                  day: fc.constantFrom(...network.weekGrid.days),
                  period: fc.nat(network.weekGrid.periods.length - 1),
                  room: fc.constantFrom(...network.rooms.map((r) => r.id)),
                }),
                { nil: undefined },
              ),
              { minLength: network.groups.length, maxLength: network.groups.length },
            ),
          ),
        ),
        ([network, placed]) => {
          const { enrolment } = enrolStudents(network);
          const timetable: Timetable = {
            sessions: network.groups.flatMap((group, g) => {
              const at = placed[g];
              return at === undefined
                ? []
                : [{ groupId: group.id, day: at.day, period: at.period, roomId: at.room }];
            }),
          };
          const mapped = networkToProblem(network, enrolment);
          const solverCount = evaluateProblemAssignment(
            mapped.problem,
            toLectures(network, mapped, timetable),
          ).hard;
          expect(solverCount).toBe(validateTimetable(network, enrolment, timetable).hard);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the solver's reported hard count of its result equals validateTimetable's", () => {
    fc.assert(
      fc.property(networkArbitrary, fc.integer(), fc.nat(300), (network, seed, iterations) => {
        const { enrolment } = enrolStudents(network);
        const { timetable, solver } = solveCourseNetwork(network, enrolment, { seed, iterations });
        const report = validateTimetable(network, enrolment, timetable);
        expect(solver.hard).toBe(report.hard);
        expect(solver.feasible).toBe(report.hard === 0);
      }),
      { numRuns: 150 },
    );
  });
});
