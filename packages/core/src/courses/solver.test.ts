/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
// Bundled by the test runner as text: the core stays free of node:fs, even in its tests.
import comp01Text from '../../../../bench/data/itc2007/comp01.ctt?raw';
import { EngineState } from './engine.js';
import { evaluateItc, itcLecturesFromSolution, itcToProblem, parseCtt } from './itc2007.js';
import { createTimetableProblem } from './problem.js';
import { evaluateProblemAssignment, solveTimetable } from './solver.js';

const comp01 = parseCtt(comp01Text);

describe('solveTimetable on ITC-2007 comp01', () => {
  const problem = itcToProblem(comp01);
  const result = solveTimetable(problem, { seed: 11, iterations: 60_000 });

  it('finds a feasible timetable whose UD2 penalty the official evaluator confirms', () => {
    expect(result.feasible).toBe(true);
    const evaluation = evaluateItc(comp01, itcLecturesFromSolution(comp01, result.lectures));
    expect(evaluation.hard).toBe(0);
    expect(evaluation.penalty).toBe(result.soft);
    expect(evaluateProblemAssignment(problem, result.lectures)).toMatchObject({
      hard: 0,
      soft: result.soft,
    });
  });

  it('gives the same timetable for the same seed and budget', () => {
    const again = solveTimetable(problem, { seed: 11, iterations: 60_000 });
    expect(again.lectures).toEqual(result.lectures);
    expect(again.soft).toBe(result.soft);
  });

  it('improves with a larger budget', () => {
    const short = solveTimetable(problem, { seed: 11, iterations: 2_000 });
    expect(result.soft).toBeLessThanOrEqual(short.soft);
  });

  it('never accepts a move that creates a hard violation once feasible', () => {
    const hards: number[] = [];
    const run = solveTimetable(
      problem,
      { seed: 3, iterations: 30_000 },
      { onAccept: (hard) => hards.push(hard) },
    );
    const first = run.feasibleAt === 0 ? 0 : hards.indexOf(0);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(hards.slice(first).every((hard) => hard === 0)).toBe(true);
  });

  it('stops at a clock limit and returns the best so far', () => {
    let ticks = 0;
    const run = solveTimetable(
      problem,
      { seed: 1, iterations: 10_000_000 },
      { clock: { now: () => ticks++, limit: 5 } },
    );
    expect(run.iterations).toBeLessThan(10_000);
    expect(run.lectures).toHaveLength(160);
  });

  it('stops at once on a clock that reads infinity from the start (a stop asked before it began)', () => {
    const run = solveTimetable(
      problem,
      { seed: 1, iterations: 10_000_000 },
      { clock: { now: () => Number.POSITIVE_INFINITY, limit: 60_000 } },
    );
    expect(run.iterations).toBeLessThan(10_000);
    expect(run.lectures).toHaveLength(160);
  });
});

describe('incremental evaluation', () => {
  it('agrees with the from-scratch evaluation after any sequence of moves', () => {
    const problem = createTimetableProblem({
      days: 2,
      periodsPerDay: 3,
      rooms: [{ capacity: 10 }, { capacity: 25 }],
      teachers: 2,
      courses: [
        { lectures: 2, minWorkingDays: 2, students: 20, teacher: 0 },
        { lectures: 2, minWorkingDays: 1, students: 8, teacher: 1 },
        { lectures: 1, minWorkingDays: 1, students: 12, teacher: 0 },
      ],
      curricula: [{ courses: [0, 1], weight: 3 }, { courses: [1, 2] }],
      travel: [{ a: 0, b: 2, distance: 1 }],
    });
    const state = new EngineState(problem);
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let step = 0; step < 400; step++) {
      const l = next(state.L);
      state.remove(l);
      const p = next(state.P);
      const r = next(state.R);
      if ((state.slot[p * state.R + r] ?? -1) < 0 && next(4) > 0) state.insert(l, p, r);
      const reference = evaluateProblemAssignment(problem, state.lectures());
      expect(state.hard).toBe(reference.hard);
      expect(state.soft).toBe(reference.soft);
    }
  });
});

describe('solveTimetable on a problem with no feasible timetable', () => {
  it('stops at its budget: two lectures, one allowed period, one room', () => {
    const problem = createTimetableProblem({
      days: 1,
      periodsPerDay: 2,
      rooms: [{ capacity: 10 }],
      teachers: 1,
      courses: [{ lectures: 2, minWorkingDays: 1, students: 5, teacher: 0, unavailable: [1] }],
      curricula: [],
      travel: [],
    });
    const result = solveTimetable(problem, { seed: 1, iterations: 1_000 });
    expect(result.feasible).toBe(false);
    expect(result.hard).toBeGreaterThan(0);
  });
});
