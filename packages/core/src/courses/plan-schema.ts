import { z } from '../common/zod.js';
import { localizedTextSchema } from '../common/labels.js';
import { instantSchema } from '../schedule/instant.js';

// The wire contracts of `/api/courses/plan/…` (stored timetables, pins, the background
// solve's progress, hand moves). Standalone — no import of the network model or the solver —
// so the coordinator's element validates answers without carrying them in the staff bundle.

/**
 * Schema of a stored timetable's status: a `draft` (a solver's result or a hand edit, seen by
 * the coordinator only) or `published` (what students, teachers and feeds show).
 *
 * @example
 * ```ts
 * import { courseTimetableStatusSchema } from '@eduset/core/courses';
 * courseTimetableStatusSchema.parse('draft');
 * ```
 */
export const courseTimetableStatusSchema = z.enum(['draft', 'published']);

/**
 * A stored timetable's status. @example `const status: CourseTimetableStatus = 'published';`
 */
export type CourseTimetableStatus = z.output<typeof courseTimetableStatusSchema>;

/**
 * Schema of a pin: a lecture the coordinator fixes — this group, on this weekday at this
 * period, in this room; a re-solve keeps it where it is. The same shape as a session (and
 * the shape of a stored timetable's sessions).
 *
 * @example
 * ```ts
 * import { lecturePinSchema } from '@eduset/core/courses';
 * lecturePinSchema.parse({ groupId: 'python-1', day: 2, period: 1, roomId: 'sch1-204' });
 * ```
 */
export const lecturePinSchema = z.object({
  groupId: z.string(),
  day: z.number().int().min(1).max(7),
  period: z.number().int().min(0),
  roomId: z.string(),
});

/**
 * A pinned lecture. @example `const pin: LecturePin = { groupId: 'python-1', day: 2, period: 1, roomId: 'sch1-204' };`
 */
export type LecturePin = z.output<typeof lecturePinSchema>;

/**
 * Schema of a stored timetable of a course network: its id, status, version (published ones
 * only: 1, 2, 3… per network), the revision of the network it was made for, the sessions,
 * hard violations and soft penalty (core's `validateTimetable`), the pins it kept, and who
 * made and published it, when.
 *
 * @example
 * ```ts
 * import { courseTimetableRecordSchema } from '@eduset/core/courses';
 * declare const json: unknown;
 * courseTimetableRecordSchema.parse(json).status;
 * ```
 */
export const courseTimetableRecordSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  status: courseTimetableStatusSchema,
  version: z.number().int().min(1).optional(),
  networkRevision: z.number().int().min(1),
  timetable: z.object({ sessions: z.array(lecturePinSchema) }),
  hard: z.number().int().min(0),
  penalty: z.number().int().min(0),
  pins: z.array(lecturePinSchema),
  /** How it was made: by the solver (with its seed) or by hand. */
  origin: z.enum(['solver', 'hand']),
  createdBy: z.string(),
  createdAt: instantSchema,
  publishedBy: z.string().optional(),
  publishedAt: z.optional(instantSchema),
});

/**
 * A stored timetable. @example `const published = (record: CourseTimetableRecord) => record.version;`
 */
export type CourseTimetableRecord = z.output<typeof courseTimetableRecordSchema>;

/**
 * Schema of the list of a network's timetables (newest first), without their sessions.
 *
 * @example
 * ```ts
 * import { courseTimetableListSchema } from '@eduset/core/courses';
 * courseTimetableListSchema.parse({ networkRevision: 1, timetables: [] });
 * ```
 */
export const courseTimetableListSchema = z.object({
  networkRevision: z.number().int().min(0),
  timetables: z.array(courseTimetableRecordSchema.omit({ timetable: true })),
});

/**
 * The list of a network's timetables. @example `const count = (list: CourseTimetableList) => list.timetables.length;`
 */
export type CourseTimetableList = z.output<typeof courseTimetableListSchema>;

/**
 * Schema of a request to solve in the background: how many seconds the search may run
 * (1…600), the seed (2025 by default), and the pins to keep.
 *
 * @example
 * ```ts
 * import { solveRequestSchema } from '@eduset/core/courses';
 * solveRequestSchema.parse({ seconds: 20, pins: [] });
 * ```
 */
export const solveRequestSchema = z.strictObject({
  seconds: z.number().int().min(1).max(600),
  seed: z.number().int().min(0).max(2_147_483_647).default(2025),
  pins: z.array(lecturePinSchema).max(2000).default([]),
});

/**
 * A request to solve. @example `const request: SolveRequest = { seconds: 30, seed: 1, pins: [] };`
 */
export type SolveRequest = z.output<typeof solveRequestSchema>;

/**
 * Schema of a background solve's progress: running, finished (its draft stored), stopped by
 * the coordinator (the best so far stored as a draft), or failed; the best hard violations
 * and soft penalty so far, time used and left (ms), moves tried.
 *
 * @example
 * ```ts
 * import { solveProgressSchema } from '@eduset/core/courses';
 * declare const json: unknown;
 * solveProgressSchema.parse(json).state;
 * ```
 */
export const solveProgressSchema = z.object({
  state: z.enum(['idle', 'running', 'finished', 'stopped', 'failed']),
  startedAt: z.optional(instantSchema),
  elapsedMs: z.number().min(0),
  leftMs: z.number().min(0),
  bestHard: z.number().int().min(0).optional(),
  bestPenalty: z.number().int().min(0).optional(),
  iterations: z.number().int().min(0),
  draftId: z.string().optional(),
  message: z.optional(localizedTextSchema),
});

/**
 * A background solve's progress. @example `const done = (p: SolveProgress) => p.state !== 'running';`
 */
export type SolveProgress = z.output<typeof solveProgressSchema>;

/**
 * Schema of a hand move of one lecture of a stored timetable: the group's session at
 * `from` goes to `to` (weekday, period, room).
 *
 * @example
 * ```ts
 * import { lectureMoveSchema } from '@eduset/core/courses';
 * lectureMoveSchema.parse({
 *   groupId: 'python-1', from: { day: 2, period: 1 }, to: { day: 3, period: 0, roomId: 'sch1-204' },
 * });
 * ```
 */
export const lectureMoveSchema = z.strictObject({
  groupId: z.string().min(1).max(128),
  from: z.strictObject({ day: z.number().int().min(1).max(7), period: z.number().int().min(0) }),
  to: z.strictObject({
    day: z.number().int().min(1).max(7),
    period: z.number().int().min(0),
    roomId: z.string().min(1).max(128),
  }),
});

/**
 * A hand move. @example `const move: LectureMove = { groupId: 'g', from: { day: 1, period: 0 }, to: { day: 2, period: 0, roomId: 'r' } };`
 */
export type LectureMove = z.output<typeof lectureMoveSchema>;

/**
 * Schema of the answer of a move check: the violations it adds, hard and penalty before
 * and after.
 *
 * @example
 * ```ts
 * import { moveCheckResponseSchema } from '@eduset/core/courses';
 * declare const json: unknown;
 * moveCheckResponseSchema.parse(json).added.length;
 * ```
 */
export const moveCheckResponseSchema = z.object({
  before: z.object({ hard: z.number(), penalty: z.number() }),
  after: z.object({ hard: z.number(), penalty: z.number() }),
  added: z.array(
    z.object({
      kind: z.string(),
      hard: z.boolean(),
      cost: z.number(),
      groupId: z.string().optional(),
      studentId: z.string().optional(),
      teacherId: z.string().optional(),
      roomId: z.string().optional(),
      day: z.number().optional(),
      period: z.number().optional(),
      message: localizedTextSchema,
    }),
  ),
  /** The new draft's id when the move was saved. */
  draftId: z.string().optional(),
});

/**
 * The answer of a move check. @example `const hardAdded = (answer: MoveCheckResponse) => answer.after.hard - answer.before.hard;`
 */
export type MoveCheckResponse = z.output<typeof moveCheckResponseSchema>;
