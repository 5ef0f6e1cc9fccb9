import type { Instant } from '@eduset/core';
import {
  enrolStudents,
  type CourseNetwork,
  type CourseTimetableRecord,
  type Enrolment,
  type LecturePin,
  type SolveProgress,
  type SolveRequest,
} from '@eduset/core/courses';
import {
  solveInBackground,
  type BackgroundSolve,
  type CourseNetworkStore,
  type StoredCourseNetwork,
} from '@eduset/adapters';
import { HttpError } from '../../errors.js';

/**
 * The network with its enrolment and the published timetable students and teachers see.
 *
 * @example
 * ```ts
 * import type { PublishedCourses } from '@eduset/server';
 * const version = (published: PublishedCourses) => published.record.version;
 * ```
 */
export interface PublishedCourses {
  readonly revision: number;
  readonly network: CourseNetwork;
  readonly enrolment: Enrolment;
  readonly record: CourseTimetableRecord;
}

/** The solver's move budget for a timed background run: the clock stops it first. */
const timedBudget = 2_000_000_000;

/** How often the running solve writes its progress (and reads whether to stop). */
const reportEveryMs = 500;

/** A running solve that has not reported for this long stopped with its process. */
const staleAfterMs = 15_000;

const idle: SolveProgress = { state: 'idle', elapsedMs: 0, leftMs: 0, iterations: 0 };

/** Nothing published yet: one answer for every view. */
export const notPublished = (): HttpError =>
  new HttpError(404, 'timetable-not-published', {
    ru: 'Расписание сети курсов ещё не опубликовано',
    en: 'The course network timetable is not published yet',
  });

/** The network was never uploaded. */
export const noNetwork = (): HttpError =>
  new HttpError(404, 'course-network-missing', {
    ru: 'Данные сети курсов ещё не загружены',
    en: 'The course network data has not been uploaded yet',
  });

interface Running {
  readonly solve: BackgroundSolve;
  readonly startedAt: Instant;
  readonly limitMs: number;
}

/**
 * The course network of one server: the published timetable (cached until the network's
 * revision or the published version changes, read from the storage so every process of one
 * database agrees) and the one background solve of this process — started by the
 * coordinator, visible while it runs, stoppable, its result stored as a draft.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { instant } from '@eduset/core';
 * import { CoursePlanService } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const plan = new CoursePlanService(storage.courseNetworks, 'udomlya', () => instant(new Date()));
 * plan.progress().state; // 'idle'
 * ```
 */
export class CoursePlanService {
  private cached: { key: string; value: PublishedCourses } | undefined;
  private running: Running | undefined;
  private last: SolveProgress = idle;

  constructor(
    readonly store: CourseNetworkStore,
    readonly networkId: string,
    private readonly now: () => Instant,
  ) {}

  /**
   * The published timetable with its network, or `undefined` when none is published.
   *
   * @example
   * ```ts
   * import type { CoursePlanService } from '@eduset/server';
   * declare const plan: CoursePlanService;
   * (await plan.published())?.record.version;
   * ```
   */
  async published(): Promise<PublishedCourses | undefined> {
    const head = await this.store.head(this.networkId);
    if (head?.publishedVersion === undefined) return undefined;
    const key = String(head.publishedVersion);
    if (this.cached?.key === key) return this.cached.value;
    const record = await this.store.published(this.networkId);
    if (record === undefined) return undefined;
    const stored = await this.store.loadRevision(this.networkId, record.networkRevision);
    if (stored === undefined) return undefined;
    // The views read the network the timetable was made for; a newer upload waits for the
    // next publish (publishing refuses a draft of an older revision).
    const value: PublishedCourses = {
      revision: stored.revision,
      network: stored.network,
      enrolment: enrolStudents(stored.network).enrolment,
      record,
    };
    this.cached = { key, value };
    return value;
  }

  /**
   * Like {@link published}, or a 404 that says nothing is published yet.
   *
   * @example
   * ```ts
   * import type { CoursePlanService } from '@eduset/server';
   * declare const plan: CoursePlanService;
   * (await plan.require()).network.schoolYear;
   * ```
   */
  async require(): Promise<PublishedCourses> {
    const value = await this.published();
    if (value === undefined) throw notPublished();
    return value;
  }

  /**
   * The stored network, or a 404.
   *
   * @example
   * ```ts
   * import type { CoursePlanService } from '@eduset/server';
   * declare const plan: CoursePlanService;
   * (await plan.network()).revision;
   * ```
   */
  async network(): Promise<StoredCourseNetwork> {
    const stored = await this.store.load(this.networkId);
    if (stored === undefined) throw noNetwork();
    return stored;
  }

  /**
   * The background solve's progress: this process's own solve as it runs, or the last
   * progress any process of the database wrote (`idle` when none ever ran).
   *
   * @example
   * ```ts
   * import type { CoursePlanService } from '@eduset/server';
   * declare const plan: CoursePlanService;
   * (await plan.progress()).bestPenalty;
   * ```
   */
  async progress(): Promise<SolveProgress> {
    if (this.running !== undefined) return this.localProgress(this.running);
    const stored = await this.store.solveProgress(this.networkId);
    if (stored === undefined) return idle;
    const { progress, reportedAt } = stored;
    // A solve whose process stopped reporting ended with it: say so, not "running" forever.
    if (
      progress.state === 'running' &&
      Date.parse(this.now()) - Date.parse(reportedAt) >= staleAfterMs
    ) {
      return {
        ...progress,
        state: 'failed',
        leftMs: 0,
        message: {
          ru: 'Подбор прервался: сервер, который его вёл, остановился. Запустите подбор снова',
          en: 'The solve was interrupted: the server running it stopped. Start it again',
        },
      };
    }
    return progress;
  }

  private localProgress(running: Running): SolveProgress {
    const seen = running.solve.progress();
    return {
      state: 'running',
      startedAt: running.startedAt,
      elapsedMs: Math.round(seen.elapsedMs),
      leftMs: Math.max(0, Math.round(running.limitMs - seen.elapsedMs)),
      ...(seen.hard === undefined ? {} : { bestHard: seen.hard }),
      ...(seen.soft === undefined ? {} : { bestPenalty: seen.soft }),
      iterations: seen.accepted,
    };
  }

  /**
   * Starts a background solve of the stored network (409 when one runs in any process of
   * the database). Its progress is written to the storage twice a second; when it ends — by
   * its time limit or by {@link stop} — its timetable is stored as a draft by `by`.
   *
   * @example
   * ```ts
   * import type { CoursePlanService } from '@eduset/server';
   * declare const plan: CoursePlanService;
   * await plan.start({ seconds: 30, seed: 1, pins: [] }, 'acc-coordinator');
   * ```
   */
  async start(request: SolveRequest, by: string): Promise<SolveProgress> {
    const busy = new HttpError(409, 'solve-running', {
      ru: 'Расписание уже составляется; дождитесь конца или остановите подбор',
      en: 'A solve is already running; wait for it or stop it',
    });
    if (this.running !== undefined) throw busy;
    const stored = await this.network();
    checkPins(stored.network, request.pins);
    const limitMs = request.seconds * 1000;
    const startedAt = this.now();
    const first: SolveProgress = {
      state: 'running',
      startedAt,
      elapsedMs: 0,
      leftMs: limitMs,
      iterations: 0,
    };
    if (!(await this.store.claimSolve(this.networkId, by, first, startedAt, staleAfterMs))) {
      throw busy;
    }
    const solve = solveInBackground({
      network: stored.network,
      seed: request.seed,
      iterations: timedBudget,
      limitMs,
      pins: request.pins,
    });
    const running: Running = { solve, startedAt, limitMs };
    this.running = running;
    const report = (): void => {
      if (this.running !== running) return;
      void this.store
        .reportSolve(this.networkId, this.localProgress(running), this.now())
        .then((stopAsked) => {
          if (stopAsked) running.solve.stop();
        })
        .catch(() => undefined);
    };
    const heartbeat = setInterval(report, reportEveryMs);
    heartbeat.unref();
    void this.finish(running, stored.revision, request.pins, by).finally(() =>
      clearInterval(heartbeat),
    );
    return first;
  }

  /**
   * Stops the running solve — in this process at once, in another at its next report; its
   * best timetable so far becomes a draft.
   *
   * @example
   * ```ts
   * import type { CoursePlanService } from '@eduset/server';
   * declare const plan: CoursePlanService;
   * (await plan.stop()).state;
   * ```
   */
  async stop(): Promise<SolveProgress> {
    this.running?.solve.stop();
    await this.store.requestStop(this.networkId);
    return this.progress();
  }

  /**
   * Waits for this process's solve to end (tests, shutdown; with `stop`, stops it first) and
   * answers the final progress.
   *
   * @example
   * ```ts
   * import type { CoursePlanService } from '@eduset/server';
   * declare const plan: CoursePlanService;
   * (await plan.settled(true)).draftId;
   * ```
   */
  async settled(stop = false): Promise<SolveProgress> {
    const running = this.running;
    if (running !== undefined) {
      if (stop) running.solve.stop();
      await running.solve.result.catch(() => undefined);
    }
    // The draft is written right after the result: give it its turn.
    while (this.running !== undefined) await new Promise((resolve) => setTimeout(resolve, 10));
    return this.last;
  }

  private async finish(
    running: Running,
    revision: number,
    pins: readonly LecturePin[],
    by: string,
  ): Promise<void> {
    const startedAt = running.startedAt;
    try {
      const result = await running.solve.result;
      const draft = await this.store.addDraft(this.networkId, {
        networkRevision: revision,
        timetable: { sessions: [...result.sessions] },
        hard: result.hard,
        penalty: result.penalty,
        pins,
        origin: 'solver',
        createdBy: by,
        createdAt: this.now(),
      });
      this.last = {
        state: result.stopped ? 'stopped' : 'finished',
        startedAt,
        elapsedMs: Math.round(result.elapsedMs),
        leftMs: 0,
        bestHard: result.hard,
        bestPenalty: result.penalty,
        iterations: result.iterations,
        draftId: draft.id,
      };
    } catch (error) {
      this.last = {
        state: 'failed',
        startedAt,
        elapsedMs: Math.round(running.solve.progress().elapsedMs),
        leftMs: 0,
        iterations: 0,
        message: {
          ru: `Подбор расписания не удался: ${error instanceof Error ? error.message : String(error)}`,
          en: `The solve failed: ${error instanceof Error ? error.message : String(error)}`,
        },
      };
    } finally {
      await this.store.reportSolve(this.networkId, this.last, this.now()).catch(() => false);
      this.running = undefined;
    }
  }
}

/** Refuses pins that do not fit the network (400), before a worker is started. */
export function checkPins(network: CourseNetwork, pins: readonly LecturePin[]): void {
  const groups = new Map(network.groups.map((group) => [group.id, group]));
  const rooms = new Map(network.rooms.map((room) => [room.id, room]));
  const periods = network.weekGrid.periods.length;
  const seen = new Set<string>();
  for (const pin of pins) {
    const group = groups.get(pin.groupId);
    const room = rooms.get(pin.roomId);
    const place = `${pin.day}:${pin.period}:${pin.roomId}`;
    if (
      group === undefined ||
      room === undefined ||
      room.resourceCentreId !== group.resourceCentreId ||
      !network.weekGrid.days.includes(pin.day) ||
      pin.period >= periods ||
      room.unavailable.some((when) => when.day === pin.day && when.period === pin.period) ||
      seen.has(place)
    ) {
      throw new HttpError(400, 'bad-pin', {
        ru: `Закрепление не подходит: группа «${pin.groupId}», помещение «${pin.roomId}», день ${pin.day}, урок ${pin.period + 1} (нет такой группы, помещения или урока, помещение в другом центре или не свободно в это время, или место уже закреплено)`,
        en: `The pin does not fit: group "${pin.groupId}", room "${pin.roomId}", day ${pin.day}, period ${pin.period + 1} (no such group, room or period, a room of another centre or not free then, or the place is pinned twice)`,
      });
    }
    seen.add(place);
  }
}

/**
 * Seeds a course network into the storage when it has none, and when nothing is published
 * solves it once — in a worker thread, with a seed and a move budget so the demo's
 * timetable is the same on every machine — and publishes the result as version 1. Answers
 * what it did.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { instant } from '@eduset/core';
 * import { seedCourseNetwork } from '@eduset/server';
 * declare const json: unknown;
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await seedCourseNetwork(storage.courseNetworks, 'udomlya', json, {
 *   seed: 2025, iterations: 50_000, at: instant('2025-08-29T09:00:00Z'),
 * });
 * ```
 */
export async function seedCourseNetwork(
  store: CourseNetworkStore,
  networkId: string,
  document: unknown,
  options: { readonly seed: number; readonly iterations: number; readonly at: Instant },
): Promise<{ readonly saved: boolean; readonly published?: CourseTimetableRecord }> {
  let stored = await store.load(networkId);
  let saved = false;
  if (stored === undefined) {
    stored = await store.save(networkId, document, 'seed', options.at);
    saved = true;
  }
  if ((await store.head(networkId))?.publishedVersion !== undefined) return { saved };
  const result = await solveInBackground({
    network: stored.network,
    seed: options.seed,
    iterations: options.iterations,
    limitMs: Number.POSITIVE_INFINITY,
  }).result;
  const draft = await store.addDraft(networkId, {
    networkRevision: stored.revision,
    timetable: { sessions: [...result.sessions] },
    hard: result.hard,
    penalty: result.penalty,
    pins: [],
    origin: 'solver',
    createdBy: 'seed',
    createdAt: options.at,
  });
  const published = await store.publish(networkId, draft.id, 'seed', options.at);
  return { saved, published };
}
