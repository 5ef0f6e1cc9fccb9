/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../common/index.js';
import { evaluateItc, parseCtt, parseItcSolution, writeCtt, writeItcSolution } from './itc2007.js';

// The 21 competition instances (bench/data/itc2007), bundled by the test runner as text: the
// core stays free of node:fs, even in its tests.
const instances: Record<string, string> = import.meta.glob('../../../../bench/data/itc2007/*.ctt', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const instanceText = (name: string): string => {
  const text = Object.entries(instances).find(([path]) => path.endsWith(`/${name}`))?.[1];
  if (text === undefined) throw new Error(`no ITC-2007 instance ${name}`);
  return text;
};

// A toy instance small enough to check by hand: 2 days × 2 periods, rooms A (10 seats) and
// B (30), course c1 (teacher t1, 2 lectures over ≥ 2 days, 20 students), course c2 (t2,
// 1 lecture, 5 students), both in curriculum q1; c2 cannot be taught on day 1, period 0.
const toy = `Name: Toy
Courses: 2
Rooms: 2
Days: 2
Periods_per_day: 2
Curricula: 1
Constraints: 1

COURSES:
c1 t1 2 2 20
c2 t2 1 1 5

ROOMS:
A 10
B 30

CURRICULA:
q1 2 c1 c2

UNAVAILABILITY_CONSTRAINTS:
c2 1 0

END.
`;

describe('parseCtt / writeCtt', () => {
  it('reads the toy instance', () => {
    const instance = parseCtt(toy);
    expect(instance.name).toBe('Toy');
    expect(instance.courses).toEqual([
      { id: 'c1', teacher: 't1', lectures: 2, minWorkingDays: 2, students: 20 },
      { id: 'c2', teacher: 't2', lectures: 1, minWorkingDays: 1, students: 5 },
    ]);
    expect(instance.curricula).toEqual([{ id: 'q1', courses: ['c1', 'c2'] }]);
    expect(instance.unavailability).toEqual([{ course: 'c2', day: 1, period: 0 }]);
  });

  it('round-trips', () => {
    const instance = parseCtt(toy);
    expect(parseCtt(writeCtt(instance))).toEqual(instance);
  });

  it('reports each malformed line with its number, in Russian and English', () => {
    const broken = toy.replace('c2 t2 1 1 5', 'c2 t2 one 1 5').replace('q1 2 c1 c2', 'q1 2 c1 c9');
    try {
      parseCtt(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const issues = (error as ValidationError).issues;
      expect(issues.some((i) => i.path[0] === 'line' && i.path[1] === 11)).toBe(true);
      expect(issues.some((i) => i.message.en.includes('c9') && i.message.ru.includes('c9'))).toBe(
        true,
      );
    }
  });

  it('reads all 21 competition instances and round-trips them', () => {
    const texts = Object.values(instances);
    expect(texts).toHaveLength(21);
    for (const text of texts) {
      const instance = parseCtt(text);
      expect(parseCtt(writeCtt(instance))).toEqual(instance);
    }
    const comp01 = parseCtt(instanceText('comp01.ctt'));
    expect([comp01.courses.length, comp01.rooms.length, comp01.days, comp01.periodsPerDay]).toEqual(
      [30, 6, 5, 6],
    );
    expect([comp01.curricula.length, comp01.unavailability.length]).toEqual([14, 53]);
  });
});

describe('evaluateItc (UD2), hand-checked', () => {
  const instance = parseCtt(toy);

  it('solution 1: capacity 10 + working days 5 + compactness 2 + stability 1 = 18; one unavailable lecture', () => {
    const lectures = parseItcSolution(instance, 'c1 A 0 0\nc1 B 0 1\nc2 A 1 0\n');
    const evaluation = evaluateItc(instance, lectures);
    expect(evaluation.roomCapacity).toBe(10); // c1 (20) in A (10)
    expect(evaluation.minWorkingDays).toBe(5); // c1 on one day, needs two
    expect(evaluation.curriculumCompactness).toBe(2); // c2 alone on day 1
    expect(evaluation.roomStability).toBe(1); // c1 in A and B
    expect(evaluation.penalty).toBe(18);
    expect(evaluation.hardByKind).toEqual({
      lectures: 0,
      conflicts: 0,
      availability: 1,
      'room-occupancy': 0,
    });
    expect(evaluation.hard).toBe(1);
    const unavailable = evaluation.violations.find((v) => v.kind === 'availability');
    expect(unavailable).toMatchObject({ course: 'c2', day: 1, period: 0 });
    expect(unavailable?.message.ru).toContain('недоступное');
  });

  it('solution 2: a curriculum conflict; two isolated lectures at once count twice', () => {
    const lectures = parseItcSolution(instance, 'c1 A 0 0\nc2 B 0 0\nc1 A 1 1\n');
    const evaluation = evaluateItc(instance, lectures);
    expect(evaluation.hardByKind.conflicts).toBe(1);
    expect(evaluation.roomCapacity).toBe(20);
    expect(evaluation.minWorkingDays).toBe(0);
    expect(evaluation.curriculumCompactness).toBe(6); // day 0: 2 lectures isolated (4), day 1: 1 (2)
    expect(evaluation.roomStability).toBe(0);
    expect(evaluation.penalty).toBe(26);
  });

  it('counts missing lectures and room occupancy', () => {
    const lectures = parseItcSolution(instance, 'c1 B 0 0\nc2 B 0 0\n');
    const evaluation = evaluateItc(instance, lectures);
    expect(evaluation.hardByKind.lectures).toBe(1);
    expect(evaluation.hardByKind['room-occupancy']).toBe(1);
    expect(evaluation.hardByKind.conflicts).toBe(1);
    expect(evaluation.minWorkingDays).toBe(5);
  });

  it('a feasible, perfect timetable costs nothing', () => {
    const lectures = parseItcSolution(instance, 'c1 B 0 0\nc2 A 0 1\nc1 B 1 1\n');
    const evaluation = evaluateItc(instance, lectures);
    // c1 alone on day 1 is isolated in q1: 2.
    expect(evaluation.hard).toBe(0);
    expect(evaluation.penalty).toBe(2);
  });

  it('one course twice in one period: keeps the first line, drops the second everywhere, warns', () => {
    // c1 in A, then again in B at the same time (day 0, period 0), and c2 in B then.
    const lectures = parseItcSolution(instance, 'c1 A 0 0\nc1 B 0 0\nc2 B 0 0\n');
    const evaluation = evaluateItc(instance, lectures);
    // The dropped line's room B is not counted: c2 alone in B, no room occupancy.
    expect(evaluation.hardByKind['room-occupancy']).toBe(0);
    // c1 has one lecture of two: one is missing.
    expect(evaluation.hardByKind.lectures).toBe(1);
    // c1 (20 students) counted in A (10 seats), the first line; not in B.
    expect(evaluation.roomCapacity).toBe(10);
    expect(evaluation.roomStability).toBe(0);
    expect(evaluation.warnings).toHaveLength(1);
    expect(evaluation.warnings[0]).toMatchObject({ course: 'c1', room: 'B', day: 0, period: 0 });
    expect(evaluation.warnings[0]?.message.ru).toContain('первая строка');
    expect(evaluation.warnings[0]?.message.en).toContain('first line (room A) is kept');
    expect(evaluateItc(instance, parseItcSolution(instance, 'c1 A 0 0\n')).warnings).toEqual([]);
  });

  it('rejects solution lines that name unknown courses or rooms, or leave the grid', () => {
    expect(() => parseItcSolution(instance, 'c1 Z 0 0\nc3 A 0 0\nc1 A 2 0\n')).toThrow(
      ValidationError,
    );
    expect(writeItcSolution(parseItcSolution(instance, 'c1 A 0 0'))).toBe('c1 A 0 0\n');
  });
});
