import { z } from '../common/zod.js';
import { parse } from '../common/index.js';
import { BLOCKED, EngineState } from './engine.js';
import { SeededRandom } from './prng.js';
import {
  assertAssignmentShape,
  tooCloseToTravel,
  type PlacedLecture,
  type TimetableProblem,
} from './problem.js';

/**
 * Schema of the solver's options:
 *
 * - `seed` — the seed of the pseudo-random generator;
 * - `iterations` — the budget of local-search moves; with the same seed and budget (and no
 *   clock) the result is always the same timetable;
 * - `initialTemperature`, `finalTemperature` — the simulated-annealing schedule (geometric
 *   cooling from the first to the second over the budget);
 * - `hardWeight` — what one hard violation costs while the timetable is not yet feasible;
 * - `pinned` — lectures fixed by people (a course at a period in a room): placed first and
 *   never moved; a pin of a course with no lecture left, or on a place another pin took, is
 *   ignored.
 *
 * @example
 * ```ts
 * import { solverOptionsSchema } from '@eduset/core/courses';
 * solverOptionsSchema.parse({ seed: 1, iterations: 100_000 });
 * ```
 */
export const solverOptionsSchema = z.object({
  seed: z.number().int(),
  iterations: z.number().int().min(0),
  initialTemperature: z.number().positive().default(3),
  finalTemperature: z.number().positive().default(0.05),
  hardWeight: z.number().positive().default(30),
  pinned: z
    .array(
      z.object({
        course: z.number().int().min(0),
        period: z.number().int().min(0),
        room: z.number().int().min(0),
      }),
    )
    .default([]),
});

/**
 * Solver options as given. @example `const options: SolverOptionsInput = { seed: 1, iterations: 10_000 };`
 */
export type SolverOptionsInput = z.input<typeof solverOptionsSchema>;

/**
 * A time source for an anytime run: core has no clock, so the caller passes one (for
 * example `() => performance.now()`) with the limit in the same unit. With a clock the
 * search stops at whichever comes first, the budget or the limit, and the cooling follows
 * the larger of the two fractions used — so the result is the best found by then, but no
 * longer reproducible.
 *
 * @example
 * ```ts
 * import type { SolverClock } from '@eduset/core/courses';
 * const clock: SolverClock = { now: () => performance.now(), limit: 60_000 };
 * ```
 */
export interface SolverClock {
  /** The current time, in any unit. */
  readonly now: () => number;
  /** How much of that unit the search may use. */
  readonly limit: number;
}

/**
 * Optional hooks of a solver run: a `clock` for a time limit, and `onAccept`, called after
 * every accepted move with the new hard and soft costs (for tests and progress displays).
 *
 * @example
 * ```ts
 * import type { SolverHooks } from '@eduset/core/courses';
 * const hooks: SolverHooks = { clock: { now: () => performance.now(), limit: 5_000 } };
 * ```
 */
export interface SolverHooks {
  readonly clock?: SolverClock;
  readonly onAccept?: (hard: number, soft: number) => void;
}

/**
 * What the solver found: the best timetable seen (fewest hard violations, then lowest soft
 * penalty), its costs and how much work it took.
 *
 * @example
 * ```ts
 * import type { SolveResult } from '@eduset/core/courses';
 * function summary(result: SolveResult): string {
 *   return `${result.feasible ? 'feasible' : 'infeasible'}, penalty ${result.soft}`;
 * }
 * ```
 */
export interface SolveResult {
  /** Every lecture with its period and room (−1 when it could not be placed). */
  readonly lectures: readonly PlacedLecture[];
  /** Hard violations of the best timetable (0 = feasible). */
  readonly hard: number;
  /** Weighted soft penalty of the best timetable. */
  readonly soft: number;
  /** Whether the best timetable has no hard violation. */
  readonly feasible: boolean;
  /** Local-search moves tried. */
  readonly iterations: number;
  /** The move at which the search first became feasible (−1 if never; 0 when the construction was). */
  readonly feasibleAt: number;
}

/**
 * Timetables a problem: a greedy construction (the most constrained courses first, each
 * lecture at its cheapest free period and room), then simulated annealing over moves and
 * swaps of lectures (a lecture goes to another period and/or room; if that place is taken
 * the two lectures exchange places). Every move is evaluated incrementally. Once the
 * timetable is feasible no move that would create a hard violation is accepted, so the
 * result never loses feasibility. Deterministic for a seed and an iteration budget; pass a
 * `hooks.clock` to stop earlier at a time limit (anytime: the best so far is returned).
 *
 * @example
 * ```ts
 * import { createTimetableProblem, solveTimetable } from '@eduset/core/courses';
 * const problem = createTimetableProblem({
 *   days: 2, periodsPerDay: 2, rooms: [{ capacity: 30 }], teachers: 1,
 *   courses: [
 *     { lectures: 2, minWorkingDays: 2, students: 20, teacher: 0 },
 *     { lectures: 1, minWorkingDays: 1, students: 20, teacher: 0 },
 *   ],
 *   curricula: [{ courses: [0, 1] }],
 * });
 * const result = solveTimetable(problem, { seed: 1, iterations: 1000 });
 * result.feasible; // true
 * ```
 */
export function solveTimetable(
  problem: TimetableProblem,
  options: SolverOptionsInput,
  hooks: SolverHooks = {},
): SolveResult {
  const { clock, onAccept } = hooks;
  const settings = parse(solverOptionsSchema, options);
  const state = new EngineState(problem);
  const random = new SeededRandom(settings.seed);
  const fixed = pin(state, settings.pinned);
  construct(state, settings.hardWeight);
  const L = state.L;
  const bestPeriod = Int32Array.from(state.lecPeriod);
  const bestRoom = Int32Array.from(state.lecRoom);
  let bestHard = state.hard;
  let bestSoft = state.soft;
  let feasibleAt = state.hard === 0 ? 0 : -1;
  let locked = state.hard === 0;
  const budget = settings.iterations;
  const t0 = settings.initialTemperature;
  const ratio = settings.finalTemperature / t0;
  const W = settings.hardWeight;
  const started = clock?.now() ?? 0;
  const {
    availStart,
    availData,
    roomStart,
    roomData,
    slot,
    lecPeriod,
    lecRoom,
    lecCourse,
    available,
    allowed,
    R,
    P,
  } = state;
  let temperature = t0;
  let iteration = 0;
  if (!locked && L > 0) {
    // Repair to feasibility first (at most half the budget), then anneal.
    const timeLeft = (): boolean => clock === undefined || clock.now() - started < clock.limit / 2;
    iteration = repair(state, random, Math.floor(budget / 2), timeLeft, fixed);
    onAccept?.(state.hard, state.soft);
    if (state.hard === 0) {
      locked = true;
      feasibleAt = iteration;
    }
    if (state.hard < bestHard || (state.hard === bestHard && state.soft < bestSoft)) {
      bestHard = state.hard;
      bestSoft = state.soft;
      bestPeriod.set(lecPeriod);
      bestRoom.set(lecRoom);
    }
  }
  for (; iteration < budget && L > 0; iteration++) {
    if ((iteration & 1023) === 0) {
      let progress = iteration / budget;
      if (clock !== undefined) {
        progress = Math.max(progress, (clock.now() - started) / clock.limit);
        // NaN counts as done: a clock that reads infinity from the start (a stop asked
        // before the search began) gives infinity minus infinity.
        if (!(progress < 1)) break;
      }
      temperature = t0 * Math.pow(ratio, progress);
    }
    let l = random.nextInt(L);
    if (!locked && random.nextFloat() < 0.5) {
      for (let k = 0; k < 8 && !state.inConflict(l); k++) l = random.nextInt(L);
    }
    if (fixed[l] === 1) continue;
    const c = lecCourse[l] ?? 0;
    const p0 = lecPeriod[l] ?? -1;
    const r0 = lecRoom[l] ?? -1;
    const roomsFrom = roomStart[c] ?? 0;
    const roomsCount = (roomStart[c + 1] ?? 0) - roomsFrom;
    if (roomsCount === 0) continue;
    let p: number;
    let r: number;
    const kind = random.nextFloat();
    if (p0 >= 0 && kind < 0.2) {
      p = p0;
      r = roomData[roomsFrom + random.nextInt(roomsCount)] ?? 0;
    } else {
      const periodsFrom = availStart[c] ?? 0;
      const periodsCount = (availStart[c + 1] ?? 0) - periodsFrom;
      if (periodsCount === 0) continue;
      p = availData[periodsFrom + random.nextInt(periodsCount)] ?? 0;
      r = p0 >= 0 && kind < 0.6 ? r0 : (roomData[roomsFrom + random.nextInt(roomsCount)] ?? 0);
    }
    if (p === p0 && r === r0) continue;
    const o = slot[p * R + r] ?? -1;
    if (o === BLOCKED) continue;
    if (o >= 0) {
      const co = lecCourse[o] ?? 0;
      if (co === c || fixed[o] === 1) continue;
      if (p0 >= 0 && (available[co * P + p0] === 0 || allowed[co * R + r0] === 0)) continue;
    }
    if (locked && p !== p0 && !state.hasTravel(c)) {
      // Feasible: a move that would create a conflict is refused before touching the state.
      const co = o >= 0 ? (lecCourse[o] ?? 0) : -1;
      if (state.wouldConflict(c, p, co)) continue;
      if (o >= 0 && (state.hasTravel(co) || state.wouldConflict(co, p0, c))) {
        if (!state.hasTravel(co)) continue;
      }
    }
    const h0 = state.hard;
    const s0 = state.soft;
    state.remove(l);
    if (o >= 0) state.remove(o);
    state.insert(l, p, r);
    if (o >= 0 && p0 >= 0) state.insert(o, p0, r0);
    const dh = state.hard - h0;
    const ds = state.soft - s0;
    let accept: boolean;
    if (locked && dh > 0) accept = false;
    else {
      const delta = dh * W + ds;
      accept = delta <= 0 || random.nextFloat() < Math.exp(-delta / temperature);
    }
    if (!accept) {
      state.remove(l);
      if (o >= 0) state.remove(o);
      if (p0 >= 0) state.insert(l, p0, r0);
      if (o >= 0) state.insert(o, p, r);
      continue;
    }
    onAccept?.(state.hard, state.soft);
    if (!locked && state.hard === 0) {
      locked = true;
      feasibleAt = iteration + 1;
    }
    if (state.hard < bestHard || (state.hard === bestHard && state.soft < bestSoft)) {
      bestHard = state.hard;
      bestSoft = state.soft;
      bestPeriod.set(lecPeriod);
      bestRoom.set(lecRoom);
    }
  }
  return {
    lectures: state.lectures(bestPeriod, bestRoom),
    hard: bestHard,
    soft: bestSoft,
    feasible: bestHard === 0,
    iterations: iteration,
    feasibleAt,
  };
}

/**
 * Min-conflicts tabu search towards feasibility: take a lecture in conflict (or not placed),
 * try it at every period it may use — in a free room if there is one, else exchanging places
 * with the lecture in one of its rooms — and make the best move whose destination is not
 * tabu (a move that beats the best hard cost so far is always allowed); the period it left
 * becomes tabu for it for a while. Each step counts as many iterations as periods it tried.
 * Returns the iterations used.
 */
function repair(
  state: EngineState,
  random: SeededRandom,
  budget: number,
  timeLeft: () => boolean,
  fixed: Uint8Array,
): number {
  const {
    L,
    P,
    R,
    lecCourse,
    lecPeriod,
    lecRoom,
    slot,
    availStart,
    availData,
    roomStart,
    roomData,
    available,
    allowed,
  } = state;
  const tabu = new Int32Array(L * P);
  let used = 0;
  let step = 0;
  let bestHard = state.hard;
  const apply = (l: number, p: number, r: number, o: number, p0: number, r0: number): void => {
    state.remove(l);
    if (o >= 0) state.remove(o);
    state.insert(l, p, r);
    if (o >= 0 && p0 >= 0) state.insert(o, p0, r0);
  };
  const undo = (l: number, p: number, r: number, o: number, p0: number, r0: number): void => {
    state.remove(l);
    if (o >= 0) state.remove(o);
    if (p0 >= 0) state.insert(l, p0, r0);
    if (o >= 0) state.insert(o, p, r);
  };
  while (state.hard > 0 && used < budget) {
    if ((step & 15) === 0 && !timeLeft()) break;
    step++;
    const movable = (k: number): boolean => fixed[k] !== 1 && state.inConflict(k);
    let l = random.nextInt(L);
    for (let k = 0; k < 64 && !movable(l); k++) l = random.nextInt(L);
    if (!movable(l)) {
      for (let k = 0; k < L; k++) {
        if (movable(k)) {
          l = k;
          break;
        }
      }
    }
    const c = lecCourse[l] ?? 0;
    const p0 = lecPeriod[l] ?? -1;
    const r0 = lecRoom[l] ?? -1;
    const roomsFrom = roomStart[c] ?? 0;
    const roomsTo = roomStart[c + 1] ?? 0;
    if (roomsTo === roomsFrom) {
      used++;
      continue;
    }
    let bestCost = Infinity;
    let bestP = -1;
    let bestR = -1;
    let bestO = -1;
    let ties = 0;
    for (let k = availStart[c] ?? 0; k < (availStart[c + 1] ?? 0); k++) {
      const p = availData[k] ?? 0;
      if (p === p0) continue;
      used++;
      let r = -1;
      for (let m = roomsFrom; m < roomsTo; m++) {
        const room = roomData[m] ?? 0;
        if (
          (slot[p * R + room] ?? -1) === -1 &&
          (r < 0 || (state.capPenalty[c * R + room] ?? 0) < (state.capPenalty[c * R + r] ?? 0))
        )
          r = room;
      }
      let o = -1;
      if (r < 0) {
        r = roomData[roomsFrom + random.nextInt(roomsTo - roomsFrom)] ?? 0;
        o = slot[p * R + r] ?? -1;
        if (o === BLOCKED) continue;
        const co = lecCourse[o] ?? 0;
        if (co === c || (o >= 0 && fixed[o] === 1)) continue;
        if (p0 >= 0 && (available[co * P + p0] === 0 || allowed[co * R + r0] === 0)) continue;
      }
      const h0 = state.hard;
      const s0 = state.soft;
      apply(l, p, r, o, p0, r0);
      const hard = state.hard;
      const cost = (hard - h0) * 10000 + (state.soft - s0);
      undo(l, p, r, o, p0, r0);
      const isTabu = (tabu[l * P + p] ?? 0) > step && hard >= bestHard;
      if (isTabu) continue;
      if (cost < bestCost) {
        bestCost = cost;
        bestP = p;
        bestR = r;
        bestO = o;
        ties = 1;
      } else if (cost === bestCost && random.nextInt(++ties) === 0) {
        bestP = p;
        bestR = r;
        bestO = o;
      }
    }
    // A step that found no move (a lecture whose only allowed period is its own, or every
    // candidate tabu) still spends budget, or the loop would never end.
    if (bestP < 0) {
      used++;
      continue;
    }
    apply(l, bestP, bestR, bestO, p0, r0);
    if (p0 >= 0) tabu[l * P + p0] = step + 10 + random.nextInt(10);
    if (bestO >= 0) tabu[bestO * P + bestP] = step + 10 + random.nextInt(10);
    if (state.hard < bestHard) bestHard = state.hard;
  }
  return used;
}

/**
 * Places the pinned lectures before anything else: each pin takes the next lecture of its
 * course not yet placed, if its place is free and inside the problem. Answers which lectures
 * are fixed (1) — the search never moves them.
 */
function pin(
  state: EngineState,
  pinned: readonly { course: number; period: number; room: number }[],
): Uint8Array {
  const fixed = new Uint8Array(state.L);
  for (const { course, period, room } of pinned) {
    if (course >= state.C || period >= state.P || room >= state.R) continue;
    if ((state.slot[period * state.R + room] ?? -1) !== -1) continue;
    const first = state.courseFirstLecture[course] ?? 0;
    const last = state.courseFirstLecture[course + 1] ?? 0;
    for (let l = first; l < last; l++) {
      if ((state.lecPeriod[l] ?? -1) >= 0) continue;
      state.insert(l, period, room);
      fixed[l] = 1;
      break;
    }
  }
  return fixed;
}

/**
 * The greedy construction: courses with the fewest free places per lecture first; each
 * lecture goes to the free (period, room) whose insertion costs least (hard violations
 * weighted by `hardWeight`, plus the soft penalty). A lecture with no free place stays
 * unplaced for the local search to fix.
 */
function construct(state: EngineState, hardWeight: number): void {
  const { C, R, P } = state;
  const order = Array.from({ length: C }, (_, c) => c);
  const degree = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    const periods = (state.availStart[c + 1] ?? 0) - (state.availStart[c] ?? 0);
    const rooms = (state.roomStart[c + 1] ?? 0) - (state.roomStart[c] ?? 0);
    const lectures = (state.courseFirstLecture[c + 1] ?? 0) - (state.courseFirstLecture[c] ?? 0);
    degree[c] = (periods * Math.max(1, rooms)) / Math.max(1, lectures);
  }
  // Courses that share curricula or a teacher with many others are harder: weigh that in.
  const neighbours = new Float64Array(C);
  const teacherLoad = new Map<number, number>();
  for (let c = 0; c < C; c++) {
    const lectures = (state.courseFirstLecture[c + 1] ?? 0) - (state.courseFirstLecture[c] ?? 0);
    const t = state.courseTeacher[c] ?? 0;
    teacherLoad.set(t, (teacherLoad.get(t) ?? 0) + lectures);
  }
  for (let c = 0; c < C; c++) {
    let n = teacherLoad.get(state.courseTeacher[c] ?? 0) ?? 0;
    for (let k = state.ccStart[c] ?? 0; k < (state.ccStart[c + 1] ?? 0); k++) {
      n += state.currWeight[state.ccData[k] ?? 0] === undefined ? 0 : 1;
    }
    neighbours[c] = n;
  }
  order.sort(
    (x, y) =>
      (degree[x] ?? 0) / (1 + (neighbours[x] ?? 0)) -
        (degree[y] ?? 0) / (1 + (neighbours[y] ?? 0)) || x - y,
  );
  for (const c of order) {
    const first = state.courseFirstLecture[c] ?? 0;
    const last = state.courseFirstLecture[c + 1] ?? 0;
    for (let l = first; l < last; l++) {
      if ((state.lecPeriod[l] ?? -1) >= 0) continue;
      let bestCost = Infinity;
      let bestP = -1;
      let bestR = -1;
      for (let k = state.availStart[c] ?? 0; k < (state.availStart[c + 1] ?? 0); k++) {
        const p = state.availData[k] ?? 0;
        for (let m = state.roomStart[c] ?? 0; m < (state.roomStart[c + 1] ?? 0); m++) {
          const r = state.roomData[m] ?? 0;
          if ((state.slot[p * R + r] ?? -1) !== -1) continue;
          const h0 = state.hard;
          const s0 = state.soft;
          state.insert(l, p, r);
          const cost = (state.hard - h0) * hardWeight + (state.soft - s0);
          state.remove(l);
          if (cost < bestCost) {
            bestCost = cost;
            bestP = p;
            bestR = r;
          }
        }
      }
      if (bestP >= 0) state.insert(l, bestP, bestR);
    }
  }
  void P;
}

/**
 * The costs of a timetable by component, computed from scratch (independently of the
 * solver's incremental counts).
 *
 * @example
 * ```ts
 * import type { ProblemCosts } from '@eduset/core/courses';
 * const costs: ProblemCosts = {
 *   unplaced: 0, conflicts: 0, travel: 0, hard: 0,
 *   roomCapacity: 4, minWorkingDays: 0, compactness: 0, roomStability: 1, soft: 5,
 * };
 * ```
 */
export interface ProblemCosts {
  /** Lectures without a period. */
  readonly unplaced: number;
  /** Pairs of lectures in one period sharing a course, a teacher or a curriculum (each shared thing counts). */
  readonly conflicts: number;
  /** Pairs of lectures of a travel pair too close on one day. */
  readonly travel: number;
  /** `unplaced + conflicts + travel`. */
  readonly hard: number;
  /** Weighted room-capacity penalty. */
  readonly roomCapacity: number;
  /** Weighted minimum-working-days penalty. */
  readonly minWorkingDays: number;
  /** Weighted curriculum-compactness penalty. */
  readonly compactness: number;
  /** Weighted room-stability penalty. */
  readonly roomStability: number;
  /** Sum of the four soft components. */
  readonly soft: number;
}

/**
 * Computes the costs of a timetable of a problem from scratch — the reference the solver's
 * incremental evaluation is tested against. Unavailable periods and forbidden rooms are
 * counted as conflicts too (the solver never uses them).
 *
 * @example
 * ```ts
 * import { createTimetableProblem, evaluateProblemAssignment } from '@eduset/core/courses';
 * const problem = createTimetableProblem({
 *   days: 1, periodsPerDay: 2, rooms: [{ capacity: 10 }], teachers: 1,
 *   courses: [{ lectures: 1, minWorkingDays: 1, students: 12, teacher: 0 }], curricula: [],
 * });
 * evaluateProblemAssignment(problem, [{ course: 0, period: 0, room: 0 }]).roomCapacity; // 2
 * ```
 */
export function evaluateProblemAssignment(
  problem: TimetableProblem,
  lectures: readonly PlacedLecture[],
): ProblemCosts {
  assertAssignmentShape(problem, lectures);
  const { days, periodsPerDay, rooms, courses, curricula, weights } = problem;
  const placed = lectures.filter((lecture) => lecture.period >= 0);
  const unplaced = lectures.length - placed.length;
  let conflicts = 0;
  let roomCapacity = 0;
  for (const lecture of placed) {
    const course = courses[lecture.course];
    if (course === undefined) continue;
    if (course.unavailable?.includes(lecture.period)) conflicts++;
    if (problem.rooms[lecture.room]?.unavailable?.includes(lecture.period)) conflicts++;
    if (course.rooms !== undefined && !course.rooms.includes(lecture.room)) conflicts++;
    roomCapacity +=
      weights.roomCapacity * Math.max(0, course.students - (rooms[lecture.room]?.capacity ?? 0));
  }
  const curriculaOf = courses.map(() => [] as number[]);
  curricula.forEach((curriculum, q) => {
    for (const c of new Set(curriculum.courses)) curriculaOf[c]?.push(q);
  });
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const a = placed[i];
      const b = placed[j];
      if (a === undefined || b === undefined || a.period !== b.period) continue;
      if (a.room === b.room) conflicts++;
      if (a.course === b.course) conflicts++;
      if (courses[a.course]?.teacher === courses[b.course]?.teacher) conflicts++;
      const shared = curriculaOf[a.course]?.filter((q) => curriculaOf[b.course]?.includes(q)) ?? [];
      conflicts += shared.length;
    }
  }
  let travel = 0;
  const pairsOf = new Map<string, TimetableProblem['travel']>();
  for (const pair of problem.travel) {
    if (pair.a === pair.b) continue;
    const key = `${Math.min(pair.a, pair.b)}:${Math.max(pair.a, pair.b)}`;
    pairsOf.set(key, [...(pairsOf.get(key) ?? []), pair]);
  }
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const a = placed[i];
      const b = placed[j];
      if (a === undefined || b === undefined) continue;
      const pairs = pairsOf.get(`${Math.min(a.course, b.course)}:${Math.max(a.course, b.course)}`);
      if (pairs === undefined) continue;
      const dayA = Math.floor(a.period / periodsPerDay);
      const dayB = Math.floor(b.period / periodsPerDay);
      if (dayA !== dayB) continue;
      const slotA = a.period % periodsPerDay;
      const slotB = b.period % periodsPerDay;
      if (pairs.some((pair) => tooCloseToTravel(problem, pair, slotA, slotB))) travel++;
    }
  }
  let minWorkingDays = 0;
  let roomStability = 0;
  courses.forEach((course, c) => {
    const mine = placed.filter((lecture) => lecture.course === c);
    const usedDays = new Set(mine.map((lecture) => Math.floor(lecture.period / periodsPerDay)))
      .size;
    minWorkingDays += weights.minWorkingDays * Math.max(0, course.minWorkingDays - usedDays);
    roomStability +=
      weights.roomStability * Math.max(0, new Set(mine.map((lecture) => lecture.room)).size - 1);
  });
  let compactness = 0;
  curricula.forEach((curriculum, q) => {
    const members = new Set(curriculum.courses);
    const count = new Array<number>(days * periodsPerDay).fill(0);
    for (const lecture of placed)
      if (members.has(lecture.course)) count[lecture.period] = (count[lecture.period] ?? 0) + 1;
    for (let d = 0; d < days; d++) {
      for (let s = 0; s < periodsPerDay; s++) {
        const n = count[d * periodsPerDay + s] ?? 0;
        const before = s > 0 ? (count[d * periodsPerDay + s - 1] ?? 0) : 0;
        const after = s < periodsPerDay - 1 ? (count[d * periodsPerDay + s + 1] ?? 0) : 0;
        if (n > 0 && before === 0 && after === 0)
          compactness += weights.compactness * (curricula[q]?.weight ?? 1) * n;
      }
    }
  });
  const hard = unplaced + conflicts + travel;
  const soft = roomCapacity + minWorkingDays + compactness + roomStability;
  return {
    unplaced,
    conflicts,
    travel,
    hard,
    roomCapacity,
    minWorkingDays,
    compactness,
    roomStability,
    soft,
  };
}
