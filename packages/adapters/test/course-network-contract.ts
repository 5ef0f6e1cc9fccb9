// What the course network storage must do (migration 0033), run against PGlite and a
// PostgreSQL server alike: the network as one validated document with a revision, drafts,
// publishing with consecutive versions (two publishes at once included), and the checks that
// keep a draft of older data or a timetable published twice out.
import { ConflictError, NotFoundError, ValidationError, instant } from '@eduset/core';
import { createCourseNetwork } from '@eduset/core/courses';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import data from '../../../examples/data/udomlya-courses.json' with { type: 'json' };
import type { CourseNetworkStore, NewCourseDraft } from '../src/storage/course-network.js';
import { rejection } from './rejection.js';

/** What a course network contract run needs. */
export interface CourseNetworkTestBed {
  readonly store: CourseNetworkStore;
  /** Another store over the same database (another process). */
  readonly another: CourseNetworkStore;
  close(): Promise<void>;
}

const at = instant('2026-09-01T09:00:00Z');
const later = instant('2026-09-01T10:00:00Z');

const draft = (revision: number, sessions: NewCourseDraft['timetable']['sessions'] = []) =>
  ({
    networkRevision: revision,
    timetable: { sessions },
    hard: 0,
    penalty: 7,
    pins: sessions.slice(0, 1),
    origin: 'solver',
    createdBy: 'acc-coordinator',
    createdAt: at,
  }) satisfies NewCourseDraft;

/** The course network storage contract; `open` is called once for the whole suite. */
export function courseNetworkContract(
  engine: 'pglite' | 'postgres',
  open: () => Promise<CourseNetworkTestBed>,
): void {
  describe(`course network storage contract (${engine})`, () => {
    let bed: CourseNetworkTestBed;

    beforeAll(async () => {
      bed = await open();
    });
    afterAll(async () => {
      await bed.close();
    });

    test('stores the network as a validated document with a growing revision', async () => {
      expect(await bed.store.load('net-a')).toBeUndefined();
      expect(await bed.store.head('net-a')).toBeUndefined();
      const first = await bed.store.save('net-a', data, 'acc-coordinator', at);
      expect(first.revision).toBe(1);
      const loaded = await bed.another.load('net-a');
      expect(loaded?.network).toEqual(createCourseNetwork(data));
      expect(loaded).toMatchObject({ revision: 1, updatedBy: 'acc-coordinator', updatedAt: at });
      const second = await bed.store.save('net-a', data, 'acc-other', later, 1);
      expect(second.revision).toBe(2);
      // A save over a revision someone else replaced meanwhile is refused.
      const stale = await rejection(bed.another.save('net-a', data, 'acc-x', later, 1));
      expect(stale).toBeInstanceOf(ConflictError);
      // A document that does not pass core's schema changes nothing.
      const bad = await rejection(
        bed.store.save('net-a', { ...data, groups: [{ id: 'g' }] }, 'acc-x', later),
      );
      expect(bad).toBeInstanceOf(ValidationError);
      expect(await bed.store.head('net-a')).toEqual({ revision: 2 });
      // Every revision is kept as it was saved.
      expect((await bed.another.loadRevision('net-a', 1))?.revision).toBe(1);
      expect((await bed.another.loadRevision('net-a', 2))?.updatedBy).toBe('acc-other');
      expect(await bed.another.loadRevision('net-a', 3)).toBeUndefined();
    });

    test('keeps drafts and publishes them with consecutive versions', async () => {
      await bed.store.save('net-b', data, 'acc-coordinator', at);
      const session = { groupId: data.groups[0]?.id ?? '', day: 1, period: 0, roomId: 'r' };
      const one = await bed.store.addDraft('net-b', draft(1, [session]));
      expect(one).toMatchObject({
        networkId: 'net-b',
        status: 'draft',
        networkRevision: 1,
        penalty: 7,
        origin: 'solver',
        pins: [session],
        timetable: { sessions: [session] },
      });
      expect(one.version).toBeUndefined();
      expect(await bed.store.published('net-b')).toBeUndefined();
      const published = await bed.another.publish('net-b', one.id, 'acc-coordinator', later);
      expect(published).toMatchObject({
        id: one.id,
        status: 'published',
        version: 1,
        publishedBy: 'acc-coordinator',
        publishedAt: later,
      });
      expect((await bed.store.published('net-b'))?.id).toBe(one.id);
      expect(await bed.store.head('net-b')).toEqual({ revision: 1, publishedVersion: 1 });
      // Published once only.
      const twice = await rejection(bed.store.publish('net-b', one.id, 'acc-coordinator', later));
      expect(twice).toBeInstanceOf(ConflictError);
      // Unknown ids, and ids of another network, are not found.
      expect(await rejection(bed.store.publish('net-b', '999999', 'a', later))).toBeInstanceOf(
        NotFoundError,
      );
      expect(await rejection(bed.store.publish('net-a', one.id, 'a', later))).toBeInstanceOf(
        NotFoundError,
      );
      expect(await bed.store.timetable('net-a', one.id)).toBeUndefined();
      expect(await bed.store.timetable('net-b', 'not-an-id')).toBeUndefined();
      // A draft for an older revision of the network is not published.
      const old = await bed.store.addDraft('net-b', draft(1));
      await bed.store.save('net-b', data, 'acc-coordinator', later);
      const outdated = await rejection(bed.store.publish('net-b', old.id, 'a', later));
      expect(outdated).toBeInstanceOf(ConflictError);
      expect((outdated as ConflictError).reason).toBe('draft-outdated');
      const list = await bed.store.list('net-b');
      expect(list.map((record) => record.id)).toEqual([old.id, one.id]);
    });

    test('two publishes at once give consecutive versions, one per draft', async () => {
      await bed.store.save('net-c', data, 'acc-coordinator', at);
      const drafts = await Promise.all(
        Array.from({ length: 4 }, () => bed.store.addDraft('net-c', draft(1))),
      );
      const results = await Promise.allSettled(
        drafts.flatMap((d) => [
          bed.store.publish('net-c', d.id, 'acc-1', later),
          bed.another.publish('net-c', d.id, 'acc-2', later),
        ]),
      );
      const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      // Each draft published exactly once; the other attempt is a clean conflict.
      expect(won).toHaveLength(4);
      expect(new Set(won.map((r) => r.id)).size).toBe(4);
      expect(won.map((r) => r.version).sort()).toEqual([1, 2, 3, 4]);
      expect(lost).toHaveLength(4);
      for (const error of lost) expect(error).toBeInstanceOf(ConflictError);
      expect((await bed.another.published('net-c'))?.version).toBe(4);
    });

    test('one background solve per network, its progress and a stop seen by every process', async () => {
      await bed.store.save('net-d', data, 'acc-coordinator', at);
      expect(await bed.store.solveProgress('net-d')).toBeUndefined();
      const running = { state: 'running', elapsedMs: 0, leftMs: 30_000, iterations: 0 } as const;
      const claims = await Promise.all([
        bed.store.claimSolve('net-d', 'acc-1', running, at, 15_000),
        bed.another.claimSolve('net-d', 'acc-2', running, at, 15_000),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      // Progress written by one process, read by the other; a stop asked of the other.
      const later5 = instant('2026-09-01T09:00:05Z');
      const progress = {
        ...running,
        elapsedMs: 5_000,
        leftMs: 25_000,
        bestHard: 0,
        bestPenalty: 40,
        iterations: 900,
      };
      expect(await bed.store.reportSolve('net-d', progress, later5)).toBe(false);
      expect(await bed.another.solveProgress('net-d')).toEqual({ progress, reportedAt: later5 });
      await bed.another.requestStop('net-d');
      expect(await bed.store.reportSolve('net-d', progress, later5)).toBe(true);
      // While it reports, nobody else claims; once it stops reporting for long, one may.
      expect(await bed.another.claimSolve('net-d', 'acc-2', running, later5, 15_000)).toBe(false);
      const muchLater = instant('2026-09-01T09:01:00Z');
      expect(await bed.another.claimSolve('net-d', 'acc-2', running, muchLater, 15_000)).toBe(true);
      // A final state ends the claim; a new solve may start.
      const done = { ...progress, state: 'stopped', leftMs: 0, draftId: '1' } as const;
      expect(await bed.another.reportSolve('net-d', done, muchLater)).toBe(false);
      expect((await bed.store.solveProgress('net-d'))?.progress.state).toBe('stopped');
      expect(await bed.store.claimSolve('net-d', 'acc-1', running, muchLater, 15_000)).toBe(true);
      expect(await bed.store.reportSolve('net-d', running, muchLater)).toBe(false);
    });

    test('a draft needs a stored network', async () => {
      expect(await rejection(bed.store.addDraft('net-none', draft(1)))).toBeInstanceOf(
        NotFoundError,
      );
    });
  });
}
