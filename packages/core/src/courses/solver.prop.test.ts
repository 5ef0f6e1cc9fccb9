import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimetableProblem, type TimetableProblem } from './problem.js';
import { evaluateProblemAssignment, solveTimetable } from './solver.js';

/** Periods of 45 minutes from 14:00 with the given breaks between them. */
function periodTimes(count: number, breaks: readonly number[]): { start: number; end: number }[] {
  const times: { start: number; end: number }[] = [];
  let start = 14 * 60;
  for (let s = 0; s < count; s++) {
    times.push({ start, end: start + 45 });
    start += 45 + (breaks[s] ?? 0);
  }
  return times;
}

const problemArbitrary: fc.Arbitrary<TimetableProblem> = fc
  .record({
    days: fc.integer({ min: 1, max: 3 }),
    periodsPerDay: fc.integer({ min: 2, max: 4 }),
    rooms: fc.array(fc.integer({ min: 5, max: 40 }), { minLength: 1, maxLength: 3 }),
    courses: fc.array(
      fc.record({
        lectures: fc.integer({ min: 1, max: 3 }),
        minWorkingDays: fc.integer({ min: 1, max: 3 }),
        students: fc.integer({ min: 1, max: 40 }),
        teacher: fc.integer({ min: 0, max: 2 }),
        unavailable: fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    curricula: fc.array(
      fc.record({
        courses: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
        weight: fc.integer({ min: 1, max: 3 }),
      }),
      { maxLength: 3 },
    ),
    travel: fc.array(
      fc.record({
        a: fc.integer({ min: 0, max: 5 }),
        b: fc.integer({ min: 0, max: 5 }),
        distance: fc.integer({ min: 1, max: 2 }),
        minutes: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    // Uneven breaks: each period 45 minutes, each break 0–60 minutes.
    breaks: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 3, maxLength: 3 }),
  })
  .map((raw) => {
    const periods = raw.days * raw.periodsPerDay;
    const n = raw.courses.length;
    return createTimetableProblem({
      days: raw.days,
      periodsPerDay: raw.periodsPerDay,
      rooms: raw.rooms.map((capacity) => ({ capacity })),
      teachers: 3,
      courses: raw.courses.map((c) => ({
        ...c,
        unavailable: c.unavailable.filter((p) => p < periods),
      })),
      curricula: raw.curricula
        .map((q) => ({ courses: q.courses.filter((c) => c < n), weight: q.weight }))
        .filter((q) => q.courses.length > 0),
      periodTimes: periodTimes(raw.periodsPerDay, raw.breaks),
      travel: raw.travel
        .filter((t) => t.a < n && t.b < n && t.a !== t.b)
        .map((t) =>
          t.minutes === undefined
            ? { a: t.a, b: t.b, distance: t.distance }
            : { a: t.a, b: t.b, minutes: t.minutes },
        ),
    });
  });

describe('solveTimetable laws', () => {
  it('the same seed and budget give the same timetable', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.integer(), (problem, seed) => {
        const a = solveTimetable(problem, { seed, iterations: 1_500 });
        const b = solveTimetable(problem, { seed, iterations: 1_500 });
        expect(b.lectures).toEqual(a.lectures);
        expect([b.hard, b.soft]).toEqual([a.hard, a.soft]);
      }),
      { numRuns: 40 },
    );
  });

  it('once feasible, no accepted move creates a hard violation', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.integer(), (problem, seed) => {
        const hards: number[] = [];
        const result = solveTimetable(
          problem,
          { seed, iterations: 1_500 },
          { onAccept: (hard) => hards.push(hard) },
        );
        const first = result.feasibleAt === 0 ? 0 : hards.indexOf(0);
        if (first >= 0) expect(hards.slice(first).every((hard) => hard === 0)).toBe(true);
        if (result.feasibleAt >= 0) expect(result.feasible).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("the solver's own account of its result equals the from-scratch evaluation", () => {
    fc.assert(
      fc.property(problemArbitrary, fc.integer(), (problem, seed) => {
        const result = solveTimetable(problem, { seed, iterations: 1_000 });
        const costs = evaluateProblemAssignment(problem, result.lectures);
        expect([costs.hard, costs.soft]).toEqual([result.hard, result.soft]);
      }),
      { numRuns: 40 },
    );
  });
});
