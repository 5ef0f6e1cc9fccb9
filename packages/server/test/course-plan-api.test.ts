// The course network run by people (issue 17 §2), through the HTTP API: the coordinator
// uploads the network, solves it in the background (progress while it runs, stop), checks a
// hand move before saving it, publishes; students' and teachers' views follow the published
// version; nobody else reaches the planning routes, and every write is in the audit log.
import { anonymousActor, instant, type Actor, type Grant } from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index.js';
import data from '../../../examples/data/udomlya-courses.json' with { type: 'json' };

const staff = (accountId: string, ...grants: Grant[]): Actor => ({
  kind: 'staff',
  accountId,
  displayName: accountId,
  grants,
});
const actors: Record<string, Actor> = {
  coordinator: staff('acc-coordinator', { role: 'coordinator', networkId: 'udomlya' }),
  sokolov: staff('acc-sokolov', { role: 'teacher', networkId: 'udomlya', teacherId: 't-sokolov' }),
};
const as = (who: string) => ({ 'x-test-actor': who });

let storage: Storage;
let server: FastifyInstance;

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  server = createServer({
    storage,
    rateLimit: false,
    now: () => instant(new Date()),
    actorSource: {
      actorOf: async (request) => {
        const who = request.headers['x-test-actor'];
        return (typeof who === 'string' ? actors[who] : undefined) ?? anonymousActor;
      },
    },
    courses: { networkId: 'udomlya' },
  });
  await server.ready();
});
afterAll(async () => {
  await server?.close();
  await storage?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('planning the course network', () => {
  it('upload, background solve with progress and stop, move check, publish; views follow', async () => {
    // Nothing is published yet: views say so, nothing is solved on the request.
    const before = await server.inject('/api/courses/directory');
    expect(before.statusCode).toBe(404);
    expect(before.json().error.code).toBe('timetable-not-published');
    // Only the coordinator plans.
    expect((await server.inject('/api/courses/plan/solve')).statusCode).toBe(401);
    expect(
      (await server.inject({ url: '/api/courses/plan/solve', headers: as('sokolov') })).statusCode,
    ).toBe(403);

    const upload = await server.inject({
      method: 'PUT',
      url: '/api/courses/plan/network',
      headers: as('coordinator'),
      payload: { network: data },
    });
    expect(upload.statusCode, upload.body).toBe(200);
    expect(upload.json()).toEqual({ revision: 1 });
    // A bad document is refused with its reasons; a stale revision with 409.
    const bad = await server.inject({
      method: 'PUT',
      url: '/api/courses/plan/network',
      headers: as('coordinator'),
      payload: { network: { ...data, groups: [{ id: 'x' }] } },
    });
    expect(bad.statusCode).toBe(400);
    const stale = await server.inject({
      method: 'PUT',
      url: '/api/courses/plan/network',
      headers: as('coordinator'),
      payload: { network: data, expectedRevision: 0 },
    });
    expect(stale.statusCode).toBe(409);
    const exported = await server.inject({
      url: '/api/courses/plan/network',
      headers: as('coordinator'),
    });
    expect(exported.json().revision).toBe(1);
    expect(exported.json().network.students).toHaveLength(data.students.length);

    // A long solve: progress while it runs, then stopped by the coordinator.
    const started = await server.inject({
      method: 'POST',
      url: '/api/courses/plan/solve',
      headers: as('coordinator'),
      payload: { seconds: 120, seed: 7 },
    });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json().state).toBe('running');
    const again = await server.inject({
      method: 'POST',
      url: '/api/courses/plan/solve',
      headers: as('coordinator'),
      payload: { seconds: 5 },
    });
    expect(again.statusCode).toBe(409);
    // The server answers while the worker searches.
    let progress = started.json();
    for (let i = 0; i < 100 && progress.bestPenalty === undefined; i++) {
      await sleep(100);
      progress = (
        await server.inject({ url: '/api/courses/plan/solve', headers: as('coordinator') })
      ).json();
    }
    expect(progress.state).toBe('running');
    expect(progress.bestPenalty).toBeGreaterThanOrEqual(0);
    expect(progress.leftMs).toBeGreaterThan(60_000);
    const stop = await server.inject({
      method: 'POST',
      url: '/api/courses/plan/solve/stop',
      headers: as('coordinator'),
    });
    expect(stop.statusCode).toBe(200);
    let final = stop.json();
    for (let i = 0; i < 200 && final.state === 'running'; i++) {
      await sleep(100);
      final = (
        await server.inject({ url: '/api/courses/plan/solve', headers: as('coordinator') })
      ).json();
    }
    expect(final.state).toBe('stopped');
    expect(final.bestHard).toBe(0);
    const draftId: string = final.draftId;
    const draft = (
      await server.inject({
        url: `/api/courses/plan/timetables/${draftId}`,
        headers: as('coordinator'),
      })
    ).json();
    expect(draft).toMatchObject({ status: 'draft', networkRevision: 1, origin: 'solver' });
    expect(draft.penalty).toBe(final.bestPenalty);

    // Still nothing published: students and teachers see nothing yet.
    expect((await server.inject('/api/courses/directory')).statusCode).toBe(404);
    const published = await server.inject({
      method: 'POST',
      url: `/api/courses/plan/timetables/${draftId}/publish`,
      headers: as('coordinator'),
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', version: 1 });
    const twice = await server.inject({
      method: 'POST',
      url: `/api/courses/plan/timetables/${draftId}/publish`,
      headers: as('coordinator'),
    });
    expect(twice.statusCode).toBe(409);

    // The teacher's week now shows the published sessions.
    const sokolovGroups = new Set(
      data.groups.filter((g) => g.teacherId === 't-sokolov').map((g) => g.id),
    );
    const lecture = (
      draft.timetable.sessions as { groupId: string; day: number; period: number; roomId: string }[]
    ).find((s) => sokolovGroups.has(s.groupId));
    if (lecture === undefined) throw new Error('no lecture of Sokolov');
    const week1 = await server.inject({
      url: '/api/courses/timetable?view=teacher&id=t-sokolov',
      headers: as('sokolov'),
    });
    expect(week1.statusCode).toBe(200);

    // A hand move onto another lecture of the same teacher: the clash is shown, nothing saved.
    const clash = (draft.timetable.sessions as (typeof lecture)[]).find(
      (s) => sokolovGroups.has(s.groupId) && (s.day !== lecture.day || s.period !== lecture.period),
    );
    if (clash === undefined) throw new Error('Sokolov has one lecture only');
    const move = (to: { day: number; period: number; roomId: string }, save?: boolean) =>
      server.inject({
        method: 'POST',
        url: `/api/courses/plan/timetables/${draftId}/move`,
        headers: as('coordinator'),
        payload: {
          move: {
            groupId: lecture.groupId,
            from: { day: lecture.day, period: lecture.period },
            to,
          },
          ...(save === undefined ? {} : { save }),
        },
      });
    const checked = await move({ day: clash.day, period: clash.period, roomId: lecture.roomId });
    expect(checked.statusCode, checked.body).toBe(200);
    const kinds = checked.json().added.map((v: { kind: string }) => v.kind);
    expect(kinds).toContain('teacher-clash');
    expect(checked.json().after.hard).toBeGreaterThan(0);
    expect(checked.json().draftId).toBeUndefined();
    // Saved: a new hand draft; published: version 2, and the teacher's week follows it.
    const saved = await move(
      { day: clash.day, period: clash.period, roomId: lecture.roomId },
      true,
    );
    const handId: string = saved.json().draftId;
    expect(handId).toBeDefined();
    const v2 = await server.inject({
      method: 'POST',
      url: `/api/courses/plan/timetables/${handId}/publish`,
      headers: as('coordinator'),
    });
    expect(v2.json()).toMatchObject({ version: 2, origin: 'hand' });
    const week2 = await server.inject({
      url: '/api/courses/timetable?view=teacher&id=t-sokolov',
      headers: as('sokolov'),
    });
    expect(week2.json()).not.toEqual(week1.json());
    const report = await server.inject({ url: '/api/courses/report', headers: as('coordinator') });
    expect(report.json().hard).toBe(checked.json().after.hard);

    const list = await server.inject({
      url: '/api/courses/plan/timetables',
      headers: as('coordinator'),
    });
    expect(list.json().timetables.map((t: { version?: number }) => t.version)).toEqual([2, 1]);

    // Every write and the personal reads are in the audit log.
    await sleep(300);
    const { entries } = await storage.audit.list({}, { limit: 100 });
    const routes = entries.map((entry) => entry.action);
    expect(routes).toEqual(
      expect.arrayContaining([
        'PUT /api/courses/plan/network',
        'POST /api/courses/plan/solve',
        'POST /api/courses/plan/timetables/:id/publish',
        'POST /api/courses/plan/timetables/:id/move',
        'courses.plan.write',
        'courses.timetable.read',
      ]),
    );
  });

  it('keeps pins where the coordinator put them when it solves again', async () => {
    // Two lectures of version 1 (solved, no clash), pinned where they are.
    const [, v1] = await storage.courseNetworks.list('udomlya');
    expect(v1?.version).toBe(1);
    const [first, second] = v1?.timetable.sessions ?? [];
    if (first === undefined || second === undefined) throw new Error('no sessions');
    const pins = [first, second];
    const started = await server.inject({
      method: 'POST',
      url: '/api/courses/plan/solve',
      headers: as('coordinator'),
      payload: { seconds: 2, seed: 3, pins },
    });
    expect(started.statusCode, started.body).toBe(202);
    let progress = started.json();
    for (let i = 0; i < 200 && progress.state === 'running'; i++) {
      await sleep(100);
      progress = (
        await server.inject({ url: '/api/courses/plan/solve', headers: as('coordinator') })
      ).json();
    }
    expect(progress.state).toBe('finished');
    const draft = await storage.courseNetworks.timetable('udomlya', progress.draftId);
    expect(draft?.pins).toEqual(pins);
    for (const pin of pins) expect(draft?.timetable.sessions).toContainEqual(pin);
    // A pin that does not fit the network is refused before anything starts.
    const bad = await server.inject({
      method: 'POST',
      url: '/api/courses/plan/solve',
      headers: as('coordinator'),
      payload: { seconds: 2, pins: [{ ...first, roomId: 'no-such-room' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad-pin');
  });

  it("merges the inventory's free hours: outside them a room is never used", async () => {
    // The inventory of the network: school 1 offers its computer room, free on Monday only.
    await storage.inventory.replace('udomlya', {
      organizations: [{ id: 'school-1', name: 'Школа № 1', kind: 'school' }],
      rooms: [
        {
          id: 'sch1-201',
          organizationId: 'school-1',
          name: 'Кабинет информатики 201',
          address: 'ул. Энтузиастов, 1',
          area: 54,
          capacity: 16,
          activities: ['educational'],
          equipment: ['компьютеры', 'плоттер'],
          access: 'step-free',
          freeHours: [{ weekday: 1, from: '14:00', to: '18:30' }],
        },
      ],
    });
    const before = (await storage.courseNetworks.head('udomlya'))?.revision ?? 0;
    const merged = await server.inject({
      method: 'POST',
      url: '/api/courses/plan/network/inventory',
      headers: as('coordinator'),
      payload: { resourceCentres: { 'school-1': 'rc-school-1' } },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toEqual({
      revision: before + 1,
      rooms: [
        {
          id: 'sch1-201',
          name: 'Кабинет информатики 201',
          freePeriods: 4,
          unknownEquipment: ['плоттер'],
        },
      ],
    });
    // Students and teachers still see the published version with the data it was made for.
    const centre = await server.inject('/api/courses/timetable?view=centre&id=rc-school-1');
    expect(centre.statusCode).toBe(200);
    const stored = await storage.courseNetworks.load('udomlya');
    const room = stored?.network.rooms.find((r) => r.id === 'sch1-201');
    expect(room?.unavailable.some((w) => w.day === 1)).toBe(false);
    expect(room?.unavailable).toHaveLength(5 * 4);
    // Solved again: the computer room is used on Monday only.
    const started = await server.inject({
      method: 'POST',
      url: '/api/courses/plan/solve',
      headers: as('coordinator'),
      payload: { seconds: 2, seed: 5 },
    });
    expect(started.statusCode, started.body).toBe(202);
    let progress = started.json();
    for (let i = 0; i < 200 && progress.state === 'running'; i++) {
      await sleep(100);
      progress = (
        await server.inject({ url: '/api/courses/plan/solve', headers: as('coordinator') })
      ).json();
    }
    const draft = await storage.courseNetworks.timetable('udomlya', progress.draftId);
    const inRoom = draft?.timetable.sessions.filter((s) => s.roomId === 'sch1-201') ?? [];
    expect(inRoom.length).toBeGreaterThan(0);
    expect(inRoom.every((s) => s.day === 1)).toBe(true);
    expect(draft?.networkRevision).toBe(before + 1);
  });

  it('another server process of the database sees the progress and stops the solve', async () => {
    // A second server over the same storage: another process behind the load balancer.
    const other = createServer({
      storage,
      rateLimit: false,
      now: () => instant(new Date()),
      actorSource: {
        actorOf: async (request) => {
          const who = request.headers['x-test-actor'];
          return (typeof who === 'string' ? actors[who] : undefined) ?? anonymousActor;
        },
      },
      courses: { networkId: 'udomlya' },
    });
    await other.ready();
    try {
      const started = await server.inject({
        method: 'POST',
        url: '/api/courses/plan/solve',
        headers: as('coordinator'),
        payload: { seconds: 120, seed: 9 },
      });
      expect(started.statusCode, started.body).toBe(202);
      // One solve at a time across processes.
      const elsewhere = await other.inject({
        method: 'POST',
        url: '/api/courses/plan/solve',
        headers: as('coordinator'),
        payload: { seconds: 5 },
      });
      expect(elsewhere.statusCode).toBe(409);
      let seen = (
        await other.inject({ url: '/api/courses/plan/solve', headers: as('coordinator') })
      ).json();
      for (let i = 0; i < 100 && seen.bestPenalty === undefined; i++) {
        await sleep(100);
        seen = (
          await other.inject({ url: '/api/courses/plan/solve', headers: as('coordinator') })
        ).json();
      }
      expect(seen.state).toBe('running');
      expect(seen.bestPenalty).toBeGreaterThanOrEqual(0);
      // Stopped from the other process: the running one sees it at its next report.
      await other.inject({
        method: 'POST',
        url: '/api/courses/plan/solve/stop',
        headers: as('coordinator'),
      });
      let final = seen;
      for (let i = 0; i < 200 && final.state === 'running'; i++) {
        await sleep(100);
        final = (
          await other.inject({ url: '/api/courses/plan/solve', headers: as('coordinator') })
        ).json();
      }
      expect(final.state).toBe('stopped');
      expect(final.draftId).toBeDefined();
      expect(final.elapsedMs).toBeLessThan(60_000);
    } finally {
      await other.close();
    }
  });

  it('a solve whose server stopped shows as interrupted, and a new one may start', async () => {
    // A process claimed a solve an hour ago and never reported again (it crashed).
    const anHourAgo = instant(new Date(Date.now() - 3_600_000));
    const claimed = await storage.courseNetworks.claimSolve(
      'udomlya',
      'acc-gone',
      { state: 'running', elapsedMs: 0, leftMs: 60_000, iterations: 0 },
      anHourAgo,
      15_000,
    );
    expect(claimed).toBe(true);
    const seen = (
      await server.inject({ url: '/api/courses/plan/solve', headers: as('coordinator') })
    ).json();
    expect(seen.state).toBe('failed');
    expect(seen.message.ru).toContain('прервался');
    const started = await server.inject({
      method: 'POST',
      url: '/api/courses/plan/solve',
      headers: as('coordinator'),
      payload: { seconds: 1, seed: 2 },
    });
    expect(started.statusCode, started.body).toBe(202);
    let progress = started.json();
    for (let i = 0; i < 200 && progress.state === 'running'; i++) {
      await sleep(100);
      progress = (
        await server.inject({ url: '/api/courses/plan/solve', headers: as('coordinator') })
      ).json();
    }
    expect(progress.state).toBe('finished');
  });
});
