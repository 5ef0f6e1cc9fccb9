import { anonymousActor, instant, type Actor, type Grant } from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, seedCourseNetwork } from '../src/index.js';
import data from '../../../examples/data/udomlya-courses.json' with { type: 'json' };

const staff = (accountId: string, ...grants: Grant[]): Actor => ({
  kind: 'staff',
  accountId,
  displayName: accountId,
  grants,
});
const actors: Record<string, Actor> = {
  coordinator: staff('acc-coordinator', { role: 'coordinator', networkId: 'udomlya' }),
  deputy1: staff('acc-deputy-1', {
    role: 'school-staff',
    networkId: 'udomlya',
    organizationId: 'school-1',
  }),
  sokolov: staff('acc-sokolov', { role: 'teacher', networkId: 'udomlya', teacherId: 't-sokolov' }),
};
const as = (who: string) => ({ 'x-test-actor': who });

let storage: Storage;
let server: FastifyInstance;
let clock = instant('2025-09-01T09:00:00Z');

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  // The network stored and its timetable solved once (in a worker) and published: the
  // routes never solve.
  await seedCourseNetwork(storage.courseNetworks, 'udomlya', data, {
    seed: 2025,
    iterations: 5_000,
    at: instant('2025-08-29T09:00:00Z'),
  });
  server = createServer({
    storage,
    rateLimit: false,
    now: () => clock,
    actorSource: {
      actorOf: async (request) => {
        const who = request.headers['x-test-actor'];
        return (typeof who === 'string' ? actors[who] : undefined) ?? anonymousActor;
      },
    },
    courses: {
      networkId: 'udomlya',
      linkValidDays: 30,
    },
  });
  await server.ready();
});
afterAll(async () => {
  await server?.close();
  await storage?.close();
});

const studentNames = data.students.map((s) => s.name);
const teacherNames = data.teachers.map((t) => t.name);
const namesIn = (body: string, names: readonly string[]) =>
  [...new Set(names)].filter((n) => body.includes(n));

describe('profile-course timetable API', () => {
  it('shows the public courses, centres and schools, and centre timetables without names', async () => {
    const directory = await server.inject('/api/courses/directory');
    expect(directory.headers['cache-control']).toBe('no-store');
    const list = directory.json();
    expect(list.centres).toHaveLength(4);
    expect(list.courses.length).toBeGreaterThan(5);
    expect(list.schools.length).toBeGreaterThan(1);
    expect(list).not.toHaveProperty('students');
    expect(list).not.toHaveProperty('teachers');
    expect(namesIn(directory.body, [...studentNames, ...teacherNames])).toEqual([]);

    const view = await server.inject('/api/courses/timetable?view=centre&id=rc-gymnasium-3');
    expect(view.statusCode).toBe(200);
    expect(view.json().icsUrl).toBe('/api/courses/feeds/centre/rc-gymnasium-3.ics');
    expect(view.json().entries.length).toBeGreaterThan(0);
    expect(namesIn(view.body, [...studentNames, ...teacherNames])).toEqual([]);
    const school = await server.inject('/api/courses/timetable?view=school&id=school-1');
    expect(school.statusCode).toBe(200);
    expect(namesIn(school.body, [...studentNames, ...teacherNames])).toEqual([]);
    const feed = await server.inject('/api/courses/feeds/centre/rc-gymnasium-3.ics');
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('BEGIN:VTIMEZONE');
    expect(namesIn(feed.body, [...studentNames, ...teacherNames])).toEqual([]);
    // Staff who may read the centre see the teachers.
    const full = await server.inject({
      url: '/api/courses/timetable?view=centre&id=rc-gymnasium-3',
      headers: as('coordinator'),
    });
    expect(namesIn(full.body, teacherNames).length).toBeGreaterThan(0);

    const missing = await server.inject('/api/courses/timetable?view=centre&id=nope');
    expect(missing.statusCode).toBe(404);
    expect((await server.inject('/api/courses/timetable?view=planet&id=x')).statusCode).toBe(400);
  });

  it("keeps students' and teachers' timetables, the workbook and the report for staff", async () => {
    for (const url of [
      '/api/courses/timetable?view=student&id=st-001',
      '/api/courses/timetable?view=student&id=st-999',
      '/api/courses/timetable?view=teacher&id=t-sokolov',
      '/api/courses/feeds/student/st-001.ics',
      '/api/courses/timetable.xlsx',
      '/api/courses/report',
    ]) {
      const answer = await server.inject(url);
      expect([url, answer.statusCode]).toEqual([url, 401]);
      expect(namesIn(answer.body, [...studentNames, ...teacherNames])).toEqual([]);
    }
    const coordinator = await server.inject({
      url: '/api/courses/timetable?view=student&id=st-001',
      headers: as('coordinator'),
    });
    expect(coordinator.statusCode).toBe(200);
    expect(coordinator.json().name).toBe(studentNames[0]);
    expect(
      (await server.inject({ url: '/api/courses/report', headers: as('coordinator') })).json().hard,
    ).toBe(0);
    expect(
      (await server.inject({ url: '/api/courses/timetable.xlsx', headers: as('coordinator') }))
        .statusCode,
    ).toBe(200);
    // Signed in, a teacher and school staff find their own timetables without knowing ids.
    expect((await server.inject('/api/courses/mine')).statusCode).toBe(401);
    const mine = await server.inject({ url: '/api/courses/mine', headers: as('sokolov') });
    expect(mine.json().views).toEqual([
      {
        view: 'teacher',
        id: 't-sokolov',
        name: data.teachers.find((t) => t.id === 't-sokolov')?.name,
      },
    ]);
    const school = await server.inject({ url: '/api/courses/mine', headers: as('deputy1') });
    expect(school.json().views.map((v: { view: string; id: string }) => [v.view, v.id])).toEqual([
      ['school', 'school-1'],
    ]);
    expect(
      (await server.inject({ url: '/api/courses/mine', headers: as('coordinator') })).json().views,
    ).toEqual([]);
    // A teacher sees her own week, not a colleague's, and no one's report.
    const own = await server.inject({
      url: '/api/courses/timetable?view=teacher&id=t-sokolov',
      headers: as('sokolov'),
    });
    expect(own.statusCode).toBe(200);
    const other = await server.inject({
      url: '/api/courses/timetable?view=teacher&id=t-orlova',
      headers: as('sokolov'),
    });
    const unknown = await server.inject({
      url: '/api/courses/timetable?view=teacher&id=t-nobody',
      headers: as('sokolov'),
    });
    expect([other.statusCode, unknown.statusCode]).toEqual([403, 403]);
    expect(other.json()).toEqual(unknown.json());
    expect(
      (await server.inject({ url: '/api/courses/report', headers: as('sokolov') })).statusCode,
    ).toBe(403);
    // School staff hand out links but do not read timetables themselves.
    expect(
      (
        await server.inject({
          url: '/api/courses/timetable?view=student&id=st-001',
          headers: as('deputy1'),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a school issues a personal link; it shows that student only, until it is replaced', async () => {
    const st001 = data.students.find((s) => s.id === 'st-001');
    const elsewhere = data.students.find((s) => s.homeSchoolId !== st001?.homeSchoolId);
    expect(st001?.homeSchoolId).toBe('school-1');
    const issue = (studentId: string, who?: string) =>
      server.inject({
        method: 'POST',
        url: '/api/courses/links',
        payload: { studentId },
        ...(who === undefined ? {} : { headers: as(who) }),
      });
    expect((await issue('st-001')).statusCode).toBe(401);
    expect((await issue('st-001', 'sokolov')).statusCode).toBe(403);
    const foreign = await issue(elsewhere?.id ?? '', 'deputy1');
    const nobody = await issue('st-nobody', 'deputy1');
    expect([foreign.statusCode, nobody.statusCode]).toEqual([403, 403]);
    expect(foreign.json()).toEqual(nobody.json());
    expect((await issue('', 'deputy1')).statusCode).toBe(400);

    const issued = await issue('st-001', 'deputy1');
    expect(issued.statusCode).toBe(201);
    expect(issued.headers['cache-control']).toBe('no-store');
    const { url, icsUrl, expiresAt } = issued.json();
    expect(expiresAt).toBe('2025-10-01T09:00:00.000Z');
    const token = /#token=([A-Za-z0-9_-]{43})$/.exec(url)?.[1] ?? '';
    expect(url).toBe(`/courses/#token=${token}`);
    // Only the hash is stored.
    const rows = await storage.courseLinks.resolve(token, clock);
    expect(rows?.studentId).toBe('st-001');

    const mine = await server.inject(`/api/courses/timetable/by-link?token=${token}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['cache-control']).toBe('no-store');
    expect(mine.headers['referrer-policy']).toBe('no-referrer');
    expect(mine.json().name).toBe(st001?.name);
    expect(mine.json().icsUrl).toBe(icsUrl);
    expect(namesIn(mine.body, studentNames)).toEqual([st001?.name]);
    const feed = await server.inject(icsUrl);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('RRULE:FREQ=WEEKLY');

    // Wrong, damaged, replaced and expired links.
    const unknownToken = 'A'.repeat(43);
    const wrong = await server.inject(`/api/courses/timetable/by-link?token=${unknownToken}`);
    expect(wrong.statusCode).toBe(404);
    expect((await server.inject('/api/courses/timetable/by-link?token=short')).statusCode).toBe(
      400,
    );
    expect((await server.inject('/api/courses/timetable/by-link')).statusCode).toBe(400);
    const second = await issue('st-001', 'deputy1');
    const replaced = await server.inject(`/api/courses/timetable/by-link?token=${token}`);
    expect(replaced.statusCode).toBe(404);
    expect(replaced.json()).toEqual(wrong.json());
    expect((await server.inject(icsUrl)).statusCode).toBe(404);
    const newToken = /#token=(.+)$/.exec(second.json().url)?.[1] ?? '';
    expect(
      (await server.inject(`/api/courses/timetable/by-link?token=${newToken}`)).statusCode,
    ).toBe(200);
    // The school lists its own students with their working links (the same URL again).
    const list = await server.inject({
      url: '/api/courses/links?school=school-1',
      headers: as('deputy1'),
    });
    expect(list.statusCode).toBe(200);
    const students = list.json().students as { studentId: string; link?: { url: string } }[];
    const ownSchool = data.students.filter((s) => s.homeSchoolId === 'school-1');
    expect(students.map((s) => s.studentId)).toEqual(ownSchool.map((s) => s.id));
    expect(students.find((s) => s.studentId === 'st-001')?.link?.url).toBe(second.json().url);
    expect(students.filter((s) => s.link !== undefined)).toHaveLength(1);
    // Another school's list, a teacher's, an anonymous visitor's: refused.
    const foreignList = await server.inject({
      url: `/api/courses/links?school=${elsewhere?.homeSchoolId ?? ''}`,
      headers: as('deputy1'),
    });
    expect(foreignList.statusCode).toBe(403);
    expect(
      (await server.inject({ url: '/api/courses/links?school=school-1', headers: as('sokolov') }))
        .statusCode,
    ).toBe(403);
    expect((await server.inject('/api/courses/links?school=school-1')).statusCode).toBe(401);
    clock = instant('2025-10-02T09:00:00Z');
    const expired = await server.inject(`/api/courses/timetable/by-link?token=${newToken}`);
    expect(expired.json()).toEqual(wrong.json());
    const afterExpiry = await server.inject({
      url: '/api/courses/links?school=school-1',
      headers: as('deputy1'),
    });
    expect(
      (afterExpiry.json().students as { link?: unknown }[]).filter((s) => s.link !== undefined),
    ).toEqual([]);
  });
});
