import {
  parse,
  courseTableImportReportSchema,
  courseTimetableListSchema,
  courseTimetableRecordSchema,
  moveCheckResponseSchema,
  solveProgressSchema,
  type CourseTableImportReport,
  type CourseTimetableList,
  type CourseTimetableRecord,
  type LectureMove,
  type LecturePin,
  type MoveCheckResponse,
  type SolveProgress,
} from '@eduset/core';
import {
  isRecord,
  StaffTransport,
  staffRequestErrors,
  type StaffRequestError,
} from '../../internal/staff-transport.js';

/**
 * The part of a course network the planner shows (names and places, the week grid).
 *
 * @example
 * ```ts
 * import type { PlannerNetwork } from '@eduset/widgets/staff';
 * const roomName = (network: PlannerNetwork, id: string) =>
 *   network.rooms.find((room) => room.id === id)?.name ?? id;
 * ```
 */
export interface PlannerNetwork {
  readonly courses: readonly { readonly id: string; readonly name: string }[];
  readonly groups: readonly {
    readonly id: string;
    readonly courseId: string;
    readonly resourceCentreId: string;
  }[];
  readonly rooms: readonly {
    readonly id: string;
    readonly name: string;
    readonly resourceCentreId: string;
  }[];
  readonly weekGrid: {
    readonly days: readonly number[];
    readonly periods: readonly { readonly start: string; readonly end: string }[];
  };
}

function texts<K extends string>(value: unknown, keys: readonly K[]): Record<K, string>[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && keys.every((key) => typeof item[key] === 'string')
      ? [Object.fromEntries(keys.map((key) => [key, String(item[key])])) as Record<K, string>]
      : [],
  );
}

/** Reads the planner's part of a network answer (a lightweight check: no schema in the bundle). */
function plannerNetworkOf(input: unknown): PlannerNetwork {
  if (!isRecord(input) || !isRecord(input.weekGrid)) throw new TypeError('not a course network');
  const grid = input.weekGrid;
  return {
    courses: texts(input.courses, ['id', 'name']),
    groups: texts(input.groups, ['id', 'courseId', 'resourceCentreId']),
    rooms: texts(input.rooms, ['id', 'name', 'resourceCentreId']),
    weekGrid: {
      days: Array.isArray(grid.days) ? grid.days.filter((d) => typeof d === 'number') : [],
      periods: texts(grid.periods, ['start', 'end']),
    },
  };
}

/**
 * The course planning routes (`/api/courses/plan/…`) as the coordinator's element calls
 * them, with the signed-in session (the CSRF token of `GET {src-base}/auth/csrf` for writes).
 *
 * @example
 * ```ts
 * import { CoursePlannerApi } from '@eduset/widgets/staff';
 * const api = new CoursePlannerApi('/api');
 * (await api.progress()).state; // 'idle' | 'running' | …
 * ```
 */
export class CoursePlannerApi {
  private readonly transport: StaffTransport<StaffRequestError>;

  /** @param srcBase The base address of the API, e.g. `/api`. */
  constructor(srcBase: string) {
    this.transport = new StaffTransport(srcBase, staffRequestErrors);
  }

  /**
   * The network's timetables, newest first (without sessions).
   *
   * @example
   * ```ts
   * import { CoursePlannerApi } from '@eduset/widgets/staff';
   * (await new CoursePlannerApi('/api').timetables()).timetables.length;
   * ```
   */
  async timetables(): Promise<CourseTimetableList> {
    return parse(courseTimetableListSchema, await this.call('GET', '/courses/plan/timetables'));
  }

  /**
   * What the planner shows of the stored network: the names of courses and rooms, which
   * centre a group and a room belong to, the week grid (the read is audited).
   *
   * @example
   * ```ts
   * import { CoursePlannerApi } from '@eduset/widgets/staff';
   * (await new CoursePlannerApi('/api').network()).rooms.length;
   * ```
   */
  async network(): Promise<PlannerNetwork> {
    const answer = await this.call('GET', '/courses/plan/network');
    return plannerNetworkOf(isRecord(answer) ? answer.network : undefined);
  }

  /**
   * One timetable with its sessions.
   *
   * @example
   * ```ts
   * import { CoursePlannerApi } from '@eduset/widgets/staff';
   * (await new CoursePlannerApi('/api').timetable('1')).timetable.sessions.length;
   * ```
   */
  async timetable(id: string): Promise<CourseTimetableRecord> {
    return parse(
      courseTimetableRecordSchema,
      await this.call('GET', `/courses/plan/timetables/${encodeURIComponent(id)}`),
    );
  }

  /**
   * The background solve's progress.
   *
   * @example
   * ```ts
   * import { CoursePlannerApi } from '@eduset/widgets/staff';
   * (await new CoursePlannerApi('/api').progress()).bestPenalty;
   * ```
   */
  async progress(): Promise<SolveProgress> {
    return parse(solveProgressSchema, await this.call('GET', '/courses/plan/solve'));
  }

  /**
   * Starts a background solve for `seconds`, keeping the pins.
   *
   * @example
   * ```ts
   * import { CoursePlannerApi } from '@eduset/widgets/staff';
   * await new CoursePlannerApi('/api').solve(30, []);
   * ```
   */
  async solve(seconds: number, pins: readonly LecturePin[]): Promise<SolveProgress> {
    return parse(
      solveProgressSchema,
      await this.call('POST', '/courses/plan/solve', { seconds, pins }),
    );
  }

  /**
   * Stops the running solve (its best timetable becomes a draft).
   *
   * @example
   * ```ts
   * import { CoursePlannerApi } from '@eduset/widgets/staff';
   * await new CoursePlannerApi('/api').stop();
   * ```
   */
  async stop(): Promise<SolveProgress> {
    return parse(solveProgressSchema, await this.call('POST', '/courses/plan/solve/stop', {}));
  }

  /**
   * Publishes a draft.
   *
   * @example
   * ```ts
   * import { CoursePlannerApi } from '@eduset/widgets/staff';
   * (await new CoursePlannerApi('/api').publish('3')).version;
   * ```
   */
  async publish(id: string): Promise<CourseTimetableRecord> {
    return parse(
      courseTimetableRecordSchema,
      await this.call('POST', `/courses/plan/timetables/${encodeURIComponent(id)}/publish`, {}),
    );
  }

  /**
   * Checks a hand move of one lecture (and saves it as a new draft with `save`).
   *
   * @example
   * ```ts
   * import { CoursePlannerApi } from '@eduset/widgets/staff';
   * declare const move: import('@eduset/core/courses').LectureMove;
   * (await new CoursePlannerApi('/api').move('3', move, false)).added.length;
   * ```
   */
  async move(id: string, move: LectureMove, save: boolean): Promise<MoveCheckResponse> {
    return parse(
      moveCheckResponseSchema,
      await this.call('POST', `/courses/plan/timetables/${encodeURIComponent(id)}/move`, {
        move,
        save,
      }),
    );
  }

  /**
   * Uploads a table of the network (rooms, teachers, courses, groups, students) as a CSV or
   * XLSX file: the report of its rows (a 422 report when rows were rejected and nothing saved).
   *
   * @example
   * ```ts
   * import { CoursePlannerApi } from '@eduset/widgets/staff';
   * declare const file: File;
   * (await new CoursePlannerApi('/api').uploadTable('rooms', file, 'mode=merge')).saved;
   * ```
   */
  async uploadTable(table: string, file: Blob, query: string): Promise<CourseTableImportReport> {
    return parse(
      courseTableImportReportSchema,
      await this.transport.send('POST', `/courses/plan/network/tables/${table}?${query}`, file),
    );
  }

  /**
   * The address of a table of the network as CSV.
   *
   * @example
   * ```ts
   * import { CoursePlannerApi } from '@eduset/widgets/staff';
   * new CoursePlannerApi('/api').tableUrl('rooms'); // '/api/courses/plan/network/tables/rooms.csv'
   * ```
   */
  tableUrl(table: string): string {
    return this.transport.url(`/courses/plan/network/tables/${table}.csv`);
  }

  /** A read (validated by the caller) or a change with the CSRF token: the shared transport. */
  private call(method: 'GET' | 'POST', path: string, body: object = {}): Promise<unknown> {
    return method === 'GET'
      ? this.transport.get(path, (input) => input)
      : this.transport.send(method, path, body);
  }
}
