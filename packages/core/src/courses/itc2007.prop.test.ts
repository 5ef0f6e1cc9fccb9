import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateItc, type ItcInstance, type ItcLecture } from './itc2007.js';

const instanceArbitrary = fc
  .record({
    days: fc.integer({ min: 1, max: 3 }),
    periodsPerDay: fc.integer({ min: 1, max: 4 }),
    rooms: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 3 }),
    courses: fc.array(
      fc.record({
        teacher: fc.integer({ min: 0, max: 2 }),
        lectures: fc.integer({ min: 1, max: 3 }),
        minWorkingDays: fc.integer({ min: 1, max: 3 }),
        students: fc.integer({ min: 1, max: 50 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    curricula: fc.array(
      fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }),
      { maxLength: 3 },
    ),
  })
  .map((raw): ItcInstance => ({
    name: 'random',
    days: raw.days,
    periodsPerDay: raw.periodsPerDay,
    rooms: raw.rooms.map((capacity, i) => ({ id: `r${i}`, capacity })),
    courses: raw.courses.map((c, i) => ({
      id: `c${i}`,
      teacher: `t${c.teacher}`,
      lectures: c.lectures,
      minWorkingDays: c.minWorkingDays,
      students: c.students,
    })),
    curricula: raw.curricula.map((members, q) => ({
      id: `q${q}`,
      courses: members.filter((m) => m < raw.courses.length).map((m) => `c${m}`),
    })),
    unavailability: [],
  }));

describe('evaluateItc laws', () => {
  it('the penalty is the sum of the soft violations, the hard count the sum of the hard ones', () => {
    fc.assert(
      fc.property(
        instanceArbitrary.chain((instance) =>
          fc.tuple(
            fc.constant(instance),
            fc.array(
              fc.record({
                course: fc.integer({ min: 0, max: instance.courses.length - 1 }),
                room: fc.integer({ min: 0, max: instance.rooms.length - 1 }),
                day: fc.integer({ min: 0, max: instance.days - 1 }),
                period: fc.integer({ min: 0, max: instance.periodsPerDay - 1 }),
              }),
              { maxLength: 12 },
            ),
          ),
        ),
        ([instance, raw]) => {
          const lectures: ItcLecture[] = raw.map((l) => ({
            course: `c${l.course}`,
            room: `r${l.room}`,
            day: l.day,
            period: l.period,
          }));
          const evaluation = evaluateItc(instance, lectures);
          const soft = evaluation.violations.filter((v) => !v.hard).reduce((n, v) => n + v.cost, 0);
          const hard = evaluation.violations.filter((v) => v.hard).reduce((n, v) => n + v.cost, 0);
          expect(evaluation.penalty).toBe(soft);
          expect(evaluation.hard).toBe(hard);
          expect(evaluation.penalty).toBe(
            evaluation.roomCapacity +
              evaluation.minWorkingDays +
              evaluation.curriculumCompactness +
              evaluation.roomStability,
          );
          for (const v of evaluation.violations) {
            expect(v.message.ru.length).toBeGreaterThan(0);
            expect(v.message.en.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a line repeating a course and period changes nothing but a warning (the first line is kept)', () => {
    fc.assert(
      fc.property(
        instanceArbitrary.chain((instance) =>
          fc.tuple(
            fc.constant(instance),
            fc.array(
              fc.record({
                course: fc.integer({ min: 0, max: instance.courses.length - 1 }),
                room: fc.integer({ min: 0, max: instance.rooms.length - 1 }),
                day: fc.integer({ min: 0, max: instance.days - 1 }),
                period: fc.integer({ min: 0, max: instance.periodsPerDay - 1 }),
              }),
              { minLength: 1, maxLength: 12 },
            ),
            fc.nat(),
            fc.integer({ min: 0, max: instance.rooms.length - 1 }),
          ),
        ),
        ([instance, raw, pick, room]) => {
          const lectures: ItcLecture[] = raw.map((l) => ({
            course: `c${l.course}`,
            room: `r${l.room}`,
            day: l.day,
            period: l.period,
          }));
          const first = lectures[pick % lectures.length];
          if (first === undefined) return;
          const before = evaluateItc(instance, lectures);
          const after = evaluateItc(instance, [...lectures, { ...first, room: `r${room}` }]);
          expect(after.warnings).toHaveLength(before.warnings.length + 1);
          expect({ ...after, warnings: [] }).toEqual({ ...before, warnings: [] });
        },
      ),
      { numRuns: 200 },
    );
  });
});
