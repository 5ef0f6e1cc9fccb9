// Rooms for programme groups over HTTP (issue 17 §1: a provider's group needs a room): the
// provider asks for rooms that fit a group and saves one with it; a room that does not fit is
// a 400 naming the room and the group, nothing saved; two providers submitting groups into one
// room at one time at once: one wins, the other gets a 409 in Russian and English and keeps
// its draft; the operator's review names the room with its address. Real server, PGlite
// seeded with the Michurinsk demo registry and inventory.
import { openStorage, type Storage } from '@eduset/adapters';
import {
  instant,
  programmeReviewDetailSchema,
  roomSuggestionListSchema,
  type Grant,
  type ProgrammeDraftInput,
} from '@eduset/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedFinancingIfEmpty } from '../src/cli-financing.js';
import { seedInventoryIfEmpty } from '../src/cli-inventory.js';
import { createServer, hashPassword, type ApiErrorBody } from '../src/index.js';

const dataDir = new URL('../../../examples/data/', import.meta.url).pathname;
const clock = instant('2026-08-20T09:00:00Z');
const password = 'помещения для групп 2026';

let storage: Storage;
let server: FastifyInstance;
const sessions: Record<string, Readonly<Record<string, string>>> = {};

async function signIn(login: string, displayName: string, grants: Grant[]) {
  await storage.identity.createAccount(
    { login, displayName, passwordHash: await hashPassword(password), grants },
    clock,
  );
  const answer = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password },
  });
  expect(answer.statusCode, answer.body).toBe(200);
  const cookie = String(answer.headers['set-cookie']).split(';')[0] ?? '';
  const { csrfToken } = answer.json() as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

function call(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return server.inject({
    method,
    url,
    headers: sessions[who] ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** A programme with one Tuesday group in a room. */
const programme = (name: string, group: object): ProgrammeDraftInput => ({
  name,
  fundingKind: 'budget',
  direction: 'technical',
  ageFrom: 8,
  ageTo: 13,
  hours: 72,
  groupSize: { min: 4, max: 12 },
  modules: [
    {
      name: 'Первый год',
      hours: 72,
      groups: [
        {
          name: 'Группа вторника',
          start: '2026-09-01',
          end: '2027-05-31',
          capacity: 12,
          weekdays: [2],
          time: { from: '15:00', to: '16:30' },
          roomId: 'cdt-02',
          ...group,
        },
      ],
    },
  ],
});

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  await seedFinancingIfEmpty(
    storage,
    `${dataDir}michurinsk-financing.json`,
    clock,
    () => undefined,
  );
  await seedInventoryIfEmpty(storage, dataDir, 'michurinsk', () => undefined);
  server = createServer({
    storage,
    now: () => clock,
    rateLimit: false,
    loginThrottle: {
      perAccount: { max: 100, windowMs: 60_000 },
      perAddress: { max: 100, windowMs: 60_000 },
    },
  });
  await server.ready();
  sessions.cdt = await signIn('cdt-rooms', 'Петрова И. В. (ЦДТ)', [
    { role: 'provider', networkId: 'michurinsk', organizationId: 'cdt' },
  ]);
  sessions.dialog = await signIn('dialog-rooms', 'Соколова М. А. (Диалог)', [
    { role: 'provider', networkId: 'michurinsk', organizationId: 'dialog' },
  ]);
  sessions.operator = await signIn('umic-rooms', 'Оператор УМИЦ', [
    { role: 'operator', networkId: 'michurinsk' },
  ]);
});
afterAll(async () => {
  await server?.close();
  await storage?.close();
});

describe('rooms for programme groups', () => {
  test('the provider gets rooms that fit, its own organization\u2019s first, with addresses and free hours', async () => {
    const answer = await call(
      'cdt',
      'GET',
      '/api/provider/programme-rooms?weekdays=2&from=15:00&to=16:30&places=12',
    );
    expect(answer.statusCode, answer.body).toBe(200);
    const { rooms } = roomSuggestionListSchema.parse(answer.json());
    expect(rooms.length).toBeGreaterThan(0);
    expect(rooms[0]).toMatchObject({
      roomId: 'cdt-02',
      name: 'Кабинет информатики № 2',
      address: 'г. Мичуринск, ул. Красная, 6',
      organizationName: 'МБОУ ДО «Центр детского творчества»',
      capacity: 14,
    });
    expect(rooms[0]?.freeHours.ru).toContain('вт 14:00–18:00');
    for (const room of rooms) expect(room.capacity).toBeGreaterThanOrEqual(12);
    const bad = await call('cdt', 'GET', '/api/provider/programme-rooms?weekdays=9&from=15:00');
    expect(bad.statusCode).toBe(400);
    expect((await call('operator', 'GET', '/api/provider/programme-rooms')).statusCode).toBe(403);
  });

  test('a room that does not fit is refused with the room and the group named, nothing saved', async () => {
    const answer = await call('cdt', 'POST', '/api/provider/programmes', {
      programme: programme('Слишком большая группа', { capacity: 20, weekdays: [2, 5] }),
    });
    expect(answer.statusCode, answer.body).toBe(400);
    const { issues } = (answer.json() as ApiErrorBody).error;
    expect(issues.map((issue) => issue.path.join('.'))).toEqual([
      'modules.0.groups.0.roomId',
      'modules.0.groups.0.roomId',
    ]);
    expect(issues[0]?.message.ru).toBe(
      'Помещение «Кабинет информатики № 2» вмещает 14, а в группе «Группа вторника» мест 20',
    );
    expect(issues[1]?.message.en).toContain('not free for the group "Группа вторника" (Fri');
    const mine = (await call('cdt', 'GET', '/api/provider/programmes')).json() as {
      programmes: { name: string }[];
    };
    expect(mine.programmes.some((item) => item.name === 'Слишком большая группа')).toBe(false);
  });

  test('two providers submit groups into one room at one time at once: one wins, the other gets 409', async () => {
    const cdt = programmeReviewDetailSchema.parse(
      (
        await call('cdt', 'POST', '/api/provider/programmes', {
          programme: programme('Роботы ЦДТ', {}),
        })
      ).json(),
    );
    const dialog = programmeReviewDetailSchema.parse(
      (
        await call('dialog', 'POST', '/api/provider/programmes', {
          programme: programme('Роботы Диалога', { time: { from: '16:00', to: '17:00' } }),
        })
      ).json(),
    );
    const [a, b] = await Promise.all([
      call('cdt', 'POST', `/api/provider/programmes/${cdt.review.programmeId}/submit`, {
        revision: 1,
      }),
      call('dialog', 'POST', `/api/provider/programmes/${dialog.review.programmeId}/submit`, {
        revision: 1,
      }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const lost = a.statusCode === 409 ? a : b;
    const loser = a.statusCode === 409 ? 'cdt' : 'dialog';
    const loserId = (loser === 'cdt' ? cdt : dialog).review.programmeId;
    const body = (lost.json() as ApiErrorBody).error;
    expect(body.code).toBe('room-taken');
    expect(body.message.ru).toMatch(/^Помещение «Кабинет информатики № 2» в это время занято/);
    expect(body.message.en).toMatch(/^The room "Кабинет информатики № 2" is taken at that time/);
    // Nothing lost: the loser's programme is the draft it was, the room still with its group.
    const kept = programmeReviewDetailSchema.parse(
      (await call(loser, 'GET', `/api/provider/programmes/${loserId}`)).json(),
    );
    expect(kept.review).toMatchObject({ state: 'draft', revision: 1 });
    expect(kept.review.draft.modules[0]?.groups[0]?.roomId).toBe('cdt-02');
    // The winner's room is gone from the suggestions at that time.
    const left = roomSuggestionListSchema.parse(
      (
        await call(
          loser,
          'GET',
          '/api/provider/programme-rooms?weekdays=2&from=15:00&to=16:30&places=12',
        )
      ).json(),
    );
    expect(left.rooms.map((room) => room.roomId)).not.toContain('cdt-02');
  });

  test('the operator\u2019s review names the room with its address', async () => {
    const queue = (await call('operator', 'GET', '/api/operator/programme-reviews')).json() as {
      reviews: { programmeId: string; name: string }[];
    };
    const submitted = queue.reviews.find((item) => item.name.startsWith('Роботы'));
    expect(submitted).toBeDefined();
    const detail = programmeReviewDetailSchema.parse(
      (
        await call(
          'operator',
          'GET',
          `/api/operator/programme-reviews/${submitted?.programmeId ?? ''}`,
        )
      ).json(),
    );
    expect(detail.rooms?.['cdt-02']).toEqual({
      name: 'Кабинет информатики № 2',
      address: 'г. Мичуринск, ул. Красная, 6',
      organizationName: 'МБОУ ДО «Центр детского творчества»',
    });
  });
});
