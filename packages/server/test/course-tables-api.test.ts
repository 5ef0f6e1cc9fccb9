// The course network's tables as files (issue 17 §2): the coordinator uploads rooms,
// teachers, courses, groups or students' choices as CSV/XLSX; every rejected row comes back
// with its reasons; a rejected row is a 422 that saves nothing unless saveAccepted=true; a
// downloaded table uploads back to the same network. Nobody else reaches the routes.
import { anonymousActor, instant, type Actor, type Grant } from '@eduset/core';
import { courseTableColumns, courseTableRows, openStorage, type Storage } from '@eduset/adapters';
import type { CourseNetworkTable } from '@eduset/core/courses';
import ExcelJS from 'exceljs';
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
  school: staff('acc-school', {
    role: 'school-staff',
    networkId: 'udomlya',
    organizationId: 'school-1',
  }),
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
  await storage.courseNetworks.save('udomlya', data, 'acc-coordinator', instant(new Date()));
});
afterAll(async () => {
  await server?.close();
  await storage?.close();
});

const upload = (table: string, body: string | Buffer, query = '', type = 'text/csv') =>
  server.inject({
    method: 'POST',
    url: `/api/courses/plan/network/tables/${table}${query}`,
    headers: { ...as('coordinator'), 'content-type': type },
    payload: body,
  });

const roomsCsv = [
  'Код;Ресурсный центр;Название;Мест;Оборудование;Занято',
  'sch1-201;rc-school-1;Кабинет информатики 201;16;компьютеры;пн 1',
  'r-new;rc-school-1;Новый кабинет;20;химическая лаборатория;',
  'r-bad;nowhere;Кабинет Х;20;;',
  'r-seats;rc-school-1;Кабинет Y;много;;',
].join('\n');

describe('course network tables as files', () => {
  it('a rejected row is a 422 with its reasons and saves nothing', async () => {
    const answer = await upload('rooms', roomsCsv, '?mode=merge');
    expect(answer.statusCode, answer.body).toBe(422);
    const report = answer.json();
    expect(report).toMatchObject({ table: 'rooms', saved: false, rows: 4, accepted: 2 });
    expect(report.accepted + report.rejected.length).toBe(report.rows);
    expect(report.rejected.map((row: { row: number }) => row.row)).toEqual([4, 5]);
    expect(report.rejected[0].issues[0].ru).toContain('«Ресурсный центр»: ');
    expect(report.rejected[0].issues[0].ru).toContain('nowhere');
    expect(report.rejected[1].issues[0].ru).toContain('Мест');
    expect(report.rejected[1].issues[0].en).toContain('number');
    expect((await storage.courseNetworks.head('udomlya'))?.revision).toBe(1);
  });

  it('saveAccepted saves the accepted rows as a new revision, audited', async () => {
    const answer = await upload('rooms', roomsCsv, '?mode=merge&saveAccepted=true&file=rooms.csv');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ saved: true, revision: 2, accepted: 2 });
    const stored = await storage.courseNetworks.load('udomlya');
    expect(stored?.network.rooms.find((room) => room.id === 'sch1-201')).toMatchObject({
      capacity: 16,
      unavailable: [{ day: 1, period: 0 }],
    });
    expect(stored?.network.rooms.find((room) => room.id === 'r-new')?.equipment).toEqual([
      'chemistry-lab',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { entries } = await storage.audit.list({}, { limit: 50 });
    expect(entries.map((entry) => entry.action)).toContain(
      'POST /api/courses/plan/network/tables/:table',
    );
  });

  it('a table that breaks the rest of the network is a 422 even with saveAccepted', async () => {
    const csv =
      'Код;Профиль;Название;Часов;Занятий в неделю;Макс. группа\npython;it;Python;68;2;15';
    const answer = await upload('courses', csv, '?saveAccepted=true');
    expect(answer.statusCode).toBe(422);
    expect(answer.json().networkIssues.length).toBeGreaterThan(0);
    expect(answer.json().saved).toBe(false);
  });

  it.each(['rooms', 'teachers', 'courses', 'groups', 'students'])(
    'the %s table downloaded as CSV (and as XLSX) uploads back to the same network',
    async (table) => {
      const before = await storage.courseNetworks.load('udomlya');
      const csv = await server.inject({
        url: `/api/courses/plan/network/tables/${table}.csv`,
        headers: as('coordinator'),
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const again = await upload(table, csv.rawPayload);
      expect(again.statusCode, again.body).toBe(200);
      const after = await storage.courseNetworks.load('udomlya');
      expect(after?.revision).toBe((before?.revision ?? 0) + 1);
      const sorted = (value: unknown) =>
        JSON.parse(JSON.stringify(value), (key, v: unknown) =>
          key === 'unavailable' && Array.isArray(v)
            ? [...(v as { day: number; period: number }[])].sort(
                (a, b) => a.day - b.day || a.period - b.period,
              )
            : v,
        ) as unknown;
      expect(sorted(after?.network)).toEqual(sorted(before?.network));

      // The same rows in a workbook.
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Лист1');
      const kind = table as CourseNetworkTable;
      sheet.addRow(courseTableColumns[kind].map((column) => column.headers.ru[0]));
      if (after === undefined) throw new Error('no network');
      for (const row of courseTableRows(after.network, kind)) sheet.addRow(row);
      {
        const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
        const fromXlsx = await upload(
          table,
          xlsx,
          '?file=t.xlsx',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
        expect(fromXlsx.statusCode, fromXlsx.body).toBe(200);
      }
    },
  );

  it('school staff reach neither route', async () => {
    const get = await server.inject({
      url: '/api/courses/plan/network/tables/rooms.csv',
      headers: as('school'),
    });
    expect(get.statusCode).toBe(403);
    const post = await server.inject({
      method: 'POST',
      url: '/api/courses/plan/network/tables/rooms',
      headers: { ...as('school'), 'content-type': 'text/csv' },
      payload: roomsCsv,
    });
    expect(post.statusCode).toBe(403);
  });
});
