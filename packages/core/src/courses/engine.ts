import { tooCloseToTravel, type PlacedLecture, type TimetableProblem } from './problem.js';

/**
 * The solver's working state: every count a move needs, in typed arrays, so a move is
 * evaluated by a handful of array updates (incremental delta evaluation) instead of a full
 * recount. Internal to the courses module; the public entry points are `solveTimetable` and
 * `evaluateProblemAssignment`.
 *
 * Costs kept up to date: `hard` — lectures not placed, plus pairs of lectures in one period
 * that share a course, a teacher or a curriculum, plus pairs of lectures of a travel pair
 * too close on one day; `soft` — the weighted room-capacity, minimum-working-days,
 * compactness and room-stability penalties. Unavailable periods and rooms a course may not
 * use are never entered, by construction of the moves.
 */
export class EngineState {
  readonly P: number;
  readonly D: number;
  readonly ppd: number;
  readonly R: number;
  readonly C: number;
  readonly Q: number;
  readonly L: number;
  readonly lecCourse: Int32Array;
  readonly courseTeacher: Int32Array;
  readonly courseMwd: Int32Array;
  readonly courseFirstLecture: Int32Array;
  readonly available: Uint8Array;
  readonly allowed: Uint8Array;
  readonly availStart: Int32Array;
  readonly availData: Int32Array;
  readonly roomStart: Int32Array;
  readonly roomData: Int32Array;
  readonly ccStart: Int32Array;
  readonly ccData: Int32Array;
  readonly currWeight: Int32Array;
  readonly travelStart: Int32Array;
  readonly travelCourse: Int32Array;
  /**
   * `travelClose[k·ppd² + s·ppd + t]` is 1 when course x at period s of a day and its k-th
   * travel partner (course `travelCourse[k]`) at period t of the same day are too close.
   */
  readonly travelClose: Uint8Array;
  readonly capPenalty: Int32Array;
  /** `inCurr[q·C + c]` is 1 when course c belongs to curriculum q. */
  readonly inCurr: Uint8Array;
  readonly wMwd: number;
  readonly wComp: number;
  readonly wStab: number;

  readonly lecPeriod: Int32Array;
  readonly lecRoom: Int32Array;
  readonly slot: Int32Array;
  readonly courseAt: Int32Array;
  readonly teacherAt: Int32Array;
  readonly currAt: Int32Array;
  readonly courseDay: Int32Array;
  readonly courseDays: Int32Array;
  readonly courseRoomN: Int32Array;
  readonly courseRooms: Int32Array;
  hard: number;
  soft: number;

  constructor(problem: TimetableProblem) {
    const { days, periodsPerDay, rooms, courses, curricula, travel, weights } = problem;
    this.D = days;
    this.ppd = periodsPerDay;
    this.P = days * periodsPerDay;
    this.R = rooms.length;
    this.C = courses.length;
    this.Q = curricula.length;
    const P = this.P;
    const R = this.R;
    const C = this.C;
    let L = 0;
    this.courseFirstLecture = new Int32Array(C + 1);
    courses.forEach((course, c) => {
      this.courseFirstLecture[c] = L;
      L += course.lectures;
    });
    this.courseFirstLecture[C] = L;
    this.L = L;
    this.lecCourse = new Int32Array(L);
    courses.forEach((course, c) => {
      const first = this.courseFirstLecture[c] ?? 0;
      for (let k = 0; k < course.lectures; k++) this.lecCourse[first + k] = c;
    });
    this.courseTeacher = Int32Array.from(courses, (course) => course.teacher);
    this.courseMwd = Int32Array.from(courses, (course) => course.minWorkingDays);
    this.available = new Uint8Array(C * P).fill(1);
    this.allowed = new Uint8Array(C * R);
    this.capPenalty = new Int32Array(C * R);
    const availLists: number[][] = [];
    const roomLists: number[][] = [];
    courses.forEach((course, c) => {
      for (const period of course.unavailable ?? []) this.available[c * P + period] = 0;
      const list: number[] = [];
      for (let p = 0; p < P; p++) if (this.available[c * P + p] === 1) list.push(p);
      availLists.push(list);
      const allowedRooms = course.rooms ?? rooms.map((_, r) => r);
      const unique = [...new Set(allowedRooms)].sort((x, y) => x - y);
      for (const r of unique) this.allowed[c * R + r] = 1;
      roomLists.push(unique);
      rooms.forEach((room, r) => {
        this.capPenalty[c * R + r] =
          weights.roomCapacity * Math.max(0, course.students - room.capacity);
      });
    });
    [this.availStart, this.availData] = csr(availLists);
    [this.roomStart, this.roomData] = csr(roomLists);
    const byCourse: number[][] = courses.map(() => []);
    curricula.forEach((curriculum, q) => {
      for (const c of new Set(curriculum.courses)) byCourse[c]?.push(q);
    });
    [this.ccStart, this.ccData] = csr(byCourse);
    this.currWeight = Int32Array.from(curricula, (curriculum) => curriculum.weight);
    this.inCurr = new Uint8Array(this.Q * C);
    curricula.forEach((curriculum, q) => {
      for (const c of curriculum.courses) this.inCurr[q * C + c] = 1;
    });
    const travelLists: number[][] = courses.map(() => []);
    const pairsOf = new Map<number, TimetableProblem['travel']>();
    for (const pair of travel) {
      if (pair.a === pair.b) continue;
      const key = Math.min(pair.a, pair.b) * C + Math.max(pair.a, pair.b);
      const known = pairsOf.get(key);
      if (known === undefined) {
        travelLists[pair.a]?.push(pair.b);
        travelLists[pair.b]?.push(pair.a);
        pairsOf.set(key, [pair]);
      } else known.push(pair);
    }
    for (const list of travelLists) list.sort((x, y) => x - y);
    [this.travelStart, this.travelCourse] = csr(travelLists);
    const ppd = periodsPerDay;
    this.travelClose = new Uint8Array(this.travelCourse.length * ppd * ppd);
    travelLists.forEach((list, x) => {
      const start = this.travelStart[x] ?? 0;
      list.forEach((y, k) => {
        const pairs = pairsOf.get(Math.min(x, y) * C + Math.max(x, y)) ?? [];
        const base = (start + k) * ppd * ppd;
        for (let sx = 0; sx < ppd; sx++) {
          for (let ty = 0; ty < ppd; ty++) {
            if (pairs.some((pair) => tooCloseToTravel(problem, pair, sx, ty)))
              this.travelClose[base + sx * ppd + ty] = 1;
          }
        }
      });
    });
    this.wMwd = weights.minWorkingDays;
    this.wComp = weights.compactness;
    this.wStab = weights.roomStability;

    this.lecPeriod = new Int32Array(L).fill(-1);
    this.lecRoom = new Int32Array(L).fill(-1);
    this.slot = new Int32Array(P * R).fill(-1);
    // A room's unavailable periods are taken by no lecture, ever: marked blocked.
    rooms.forEach((room, r) => {
      for (const p of room.unavailable ?? []) this.slot[p * R + r] = BLOCKED;
    });
    this.courseAt = new Int32Array(C * P);
    this.teacherAt = new Int32Array(problem.teachers * P);
    this.currAt = new Int32Array(this.Q * P);
    this.courseDay = new Int32Array(C * this.D);
    this.courseDays = new Int32Array(C);
    this.courseRoomN = new Int32Array(C * R);
    this.courseRooms = new Int32Array(C);
    this.hard = L;
    let soft = 0;
    for (let c = 0; c < C; c++) soft += this.wMwd * (this.courseMwd[c] ?? 0);
    this.soft = soft;
  }

  /** The compactness cost of slots s−1…s+1 of one curriculum-day (`base` = q·P + d·ppd). */
  private window(base: number, s: number): number {
    const currAt = this.currAt;
    const last = this.ppd - 1;
    let cost = 0;
    const from = s > 0 ? s - 1 : 0;
    const to = s < last ? s + 1 : last;
    for (let j = from; j <= to; j++) {
      const n = currAt[base + j] ?? 0;
      if (
        n > 0 &&
        (j === 0 || currAt[base + j - 1] === 0) &&
        (j === last || currAt[base + j + 1] === 0)
      ) {
        cost += n;
      }
    }
    return cost;
  }

  /** Conflicts a lecture of course `c` at period `p` has with travel partners already placed. */
  private travelConflicts(c: number, p: number): number {
    const ppd = this.ppd;
    const s = p % ppd;
    const day = p - s;
    let n = 0;
    const end = this.travelStart[c + 1] ?? 0;
    for (let k = this.travelStart[c] ?? 0; k < end; k++) {
      const base = (this.travelCourse[k] ?? 0) * this.P + day;
      const row = (k * ppd + s) * ppd;
      for (let t = 0; t < ppd; t++) {
        if (this.travelClose[row + t] === 1) n += this.courseAt[base + t] ?? 0;
      }
    }
    return n;
  }

  /** Takes lecture `l` out of the timetable (it becomes not placed). */
  remove(l: number): void {
    const p = this.lecPeriod[l] ?? -1;
    if (p < 0) return;
    const r = this.lecRoom[l] ?? 0;
    const c = this.lecCourse[l] ?? 0;
    const P = this.P;
    this.slot[p * this.R + r] = -1;
    let h = 1;
    const ci = c * P + p;
    h -= decrement(this.courseAt, ci);
    const ti = (this.courseTeacher[c] ?? 0) * P + p;
    h -= decrement(this.teacherAt, ti);
    const d = (p / this.ppd) | 0;
    const s = p - d * this.ppd;
    let soft = -(this.capPenalty[c * this.R + r] ?? 0);
    const qEnd = this.ccStart[c + 1] ?? 0;
    for (let k = this.ccStart[c] ?? 0; k < qEnd; k++) {
      const q = this.ccData[k] ?? 0;
      const base = q * P + d * this.ppd;
      const before = this.window(base, s);
      h -= decrement(this.currAt, base + s);
      soft += (this.window(base, s) - before) * this.wComp * (this.currWeight[q] ?? 1);
    }
    if (this.travelStart[c] !== this.travelStart[c + 1]) h -= this.travelConflicts(c, p);
    if (decrement(this.courseRoomN, c * this.R + r) === 0) {
      const n = decrement(this.courseRooms, c) + 1;
      if (n > 1) soft -= this.wStab;
    }
    if (decrement(this.courseDay, c * this.D + d) === 0) {
      const n = decrement(this.courseDays, c) + 1;
      if (n <= (this.courseMwd[c] ?? 0)) soft += this.wMwd;
    }
    this.lecPeriod[l] = -1;
    this.lecRoom[l] = -1;
    this.hard += h;
    this.soft += soft;
  }

  /** Places a not-placed lecture `l` at period `p` in room `r` (the slot must be free). */
  insert(l: number, p: number, r: number): void {
    const c = this.lecCourse[l] ?? 0;
    const P = this.P;
    this.slot[p * this.R + r] = l;
    this.lecPeriod[l] = p;
    this.lecRoom[l] = r;
    let h = -1;
    const ci = c * P + p;
    h += increment(this.courseAt, ci);
    const ti = (this.courseTeacher[c] ?? 0) * P + p;
    h += increment(this.teacherAt, ti);
    const d = (p / this.ppd) | 0;
    const s = p - d * this.ppd;
    let soft = this.capPenalty[c * this.R + r] ?? 0;
    const qEnd = this.ccStart[c + 1] ?? 0;
    for (let k = this.ccStart[c] ?? 0; k < qEnd; k++) {
      const q = this.ccData[k] ?? 0;
      const base = q * P + d * this.ppd;
      const before = this.window(base, s);
      h += increment(this.currAt, base + s);
      soft += (this.window(base, s) - before) * this.wComp * (this.currWeight[q] ?? 1);
    }
    if (this.travelStart[c] !== this.travelStart[c + 1]) h += this.travelConflicts(c, p);
    if (increment(this.courseRoomN, c * this.R + r) === 0) {
      const n = increment(this.courseRooms, c) + 1;
      if (n > 1) soft += this.wStab;
    }
    if (increment(this.courseDay, c * this.D + d) === 0) {
      const n = increment(this.courseDays, c) + 1;
      if (n <= (this.courseMwd[c] ?? 0)) soft -= this.wMwd;
    }
    this.hard += h;
    this.soft += soft;
  }

  /**
   * Whether a lecture of course `c` placed at period `p` would meet a conflict there, not
   * counting one lecture of course `leaving` that is about to leave `p` (−1 for none).
   * Travel pairs are not looked at (callers check `hasTravel` first).
   */
  wouldConflict(c: number, p: number, leaving: number): boolean {
    const P = this.P;
    if ((this.courseAt[c * P + p] ?? 0) > (leaving === c ? 1 : 0)) return true;
    const t = this.courseTeacher[c] ?? 0;
    const sameTeacher = leaving >= 0 && this.courseTeacher[leaving] === t ? 1 : 0;
    if ((this.teacherAt[t * P + p] ?? 0) > sameTeacher) return true;
    const qEnd = this.ccStart[c + 1] ?? 0;
    for (let k = this.ccStart[c] ?? 0; k < qEnd; k++) {
      const q = this.ccData[k] ?? 0;
      const member = leaving >= 0 ? (this.inCurr[q * this.C + leaving] ?? 0) : 0;
      if ((this.currAt[q * P + p] ?? 0) > member) return true;
    }
    return false;
  }

  /** Whether course `c` has travel pairs. */
  hasTravel(c: number): boolean {
    return this.travelStart[c] !== this.travelStart[c + 1];
  }

  /** Whether lecture `l` is in a hard conflict (or not placed) right now. */
  inConflict(l: number): boolean {
    const p = this.lecPeriod[l] ?? -1;
    if (p < 0) return true;
    const c = this.lecCourse[l] ?? 0;
    const P = this.P;
    if ((this.courseAt[c * P + p] ?? 0) > 1) return true;
    if ((this.teacherAt[(this.courseTeacher[c] ?? 0) * P + p] ?? 0) > 1) return true;
    const qEnd = this.ccStart[c + 1] ?? 0;
    for (let k = this.ccStart[c] ?? 0; k < qEnd; k++) {
      if ((this.currAt[(this.ccData[k] ?? 0) * P + p] ?? 0) > 1) return true;
    }
    return this.travelStart[c] !== this.travelStart[c + 1] && this.travelConflicts(c, p) > 0;
  }

  /** The lectures as a plain list, in lecture order (course by course). */
  lectures(period: Int32Array = this.lecPeriod, room: Int32Array = this.lecRoom): PlacedLecture[] {
    const result: PlacedLecture[] = [];
    for (let l = 0; l < this.L; l++) {
      result.push({ course: this.lecCourse[l] ?? 0, period: period[l] ?? -1, room: room[l] ?? -1 });
    }
    return result;
  }
}

/** The mark of a (period, room) slot the room is not available in (`EngineState.slot`). */
export const BLOCKED = -2;

/** Decrements `array[i]` and returns the new value. */
function decrement(array: Int32Array, i: number): number {
  const value = (array[i] ?? 0) - 1;
  array[i] = value;
  return value;
}

/** Increments `array[i]` and returns the old value. */
function increment(array: Int32Array, i: number): number {
  const value = array[i] ?? 0;
  array[i] = value + 1;
  return value;
}

function csr(lists: readonly (readonly number[])[]): [Int32Array, Int32Array] {
  const start = new Int32Array(lists.length + 1);
  let total = 0;
  lists.forEach((list, i) => {
    start[i] = total;
    total += list.length;
  });
  start[lists.length] = total;
  const data = new Int32Array(total);
  let at = 0;
  for (const list of lists) for (const value of list) data[at++] = value;
  return [start, data];
}
