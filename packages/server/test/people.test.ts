// A person's data on request (152-ФЗ): the staff routes over PGlite in memory, with a
// coordinator, another role and nobody signed in.
import { createNetworkSchedule, instant, type Actor, type Instant } from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiErrorBody, PersonErasure, PersonExport } from '../src/index.js';
import { createServer } from '../src/index.js';
import { smallNetwork } from '../../adapters/test/fixtures/network.js';
import { speechAtTeremok } from './helpers.js';

const cyrillic = /[а-яё]/i;

function expectBilingual(text: { ru: string; en: string }): void {
  expect(text.ru).toMatch(cyrillic);
  expect(text.en).not.toMatch(cyrillic);
}

const coordinator: Actor = {
  kind: 'staff',
  accountId: 'acc-coordinator',
  displayName: 'Координатор',
  grants: [{ role: 'coordinator', networkId: 'test-town' }],
};
const otherCoordinator: Actor = {
  kind: 'staff',
  accountId: 'acc-elsewhere',
  displayName: 'Координатор другой сети',
  grants: [{ role: 'coordinator', networkId: 'elsewhere' }],
};
const specialist: Actor = {
  kind: 'staff',
  accountId: 'acc-ivanova',
  displayName: 'Иванова',
  grants: [{ role: 'specialist', networkId: 'test-town', specialistId: 'psy-ivanova' }],
};

let actor: Actor = { kind: 'anonymous' };
let clock: Instant = instant('2026-05-11T06:00:00Z');
let storage: Storage;
let server: FastifyInstance;

const anna = { name: 'Анна Запросова', phone: '8 912 000-11-22', email: 'Anna.Z@example.org' };

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  await storage.saveNetwork(smallNetwork());
  await storage.saveSchedule(
    createNetworkSchedule({
      networkId: 'test-town',
      availabilities: [speechAtTeremok],
      bookingRules: [{ serviceId: 'speech', duration: 60, ages: { from: 0, to: 7 } }],
    }),
  );
  server = createServer({
    storage,
    now: () => clock,
    rateLimit: false,
    actorSource: { actorOf: async () => actor },
  });
  await server.ready();
  const book = async (start: string, contact: object, consentVersion?: string) => {
    const answer = await server.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: {
        specialistId: 'psy-ivanova',
        siteId: 'kp-teremok',
        serviceId: 'speech',
        start,
        end: new Date(Date.parse(start) + 3_600_000).toISOString(),
        childAge: 4,
        contact,
        personalDataConsent: true,
        ...(consentVersion === undefined ? {} : { consentVersion }),
      },
    });
    expect(answer.statusCode, answer.body).toBe(201);
  };
  await book('2026-05-12T06:00:00.000Z', anna, '2026-12-01');
  await book('2026-05-13T06:00:00.000Z', { name: 'Анна', email: 'anna.z@example.org' });
  await book('2026-05-13T07:00:00.000Z', { name: 'Борис', phone: '+7 912 000 99 88' });
});

afterAll(async () => {
  await server?.close();
  await storage?.close();
});

function post(url: string, payload: unknown) {
  return server.inject({ method: 'POST', url, payload: payload as object });
}

describe('POST /api/staff/people/export', () => {
  test('anonymous → 401; a specialist → 403; a coordinator of another network → 403', async () => {
    actor = { kind: 'anonymous' };
    const anonymous = await post('/api/staff/people/export', {
      network: 'test-town',
      phone: anna.phone,
    });
    expect(anonymous.statusCode).toBe(401);
    expectBilingual((anonymous.json() as ApiErrorBody).error.message);
    actor = specialist;
    const denied = await post('/api/staff/people/export', {
      network: 'test-town',
      phone: anna.phone,
    });
    expect(denied.statusCode).toBe(403);
    actor = otherCoordinator;
    const elsewhere = await post('/api/staff/people/export', {
      network: 'test-town',
      phone: anna.phone,
    });
    expect(elsewhere.statusCode).toBe(403);
    const nowhere = await post('/api/staff/people/export', {
      network: 'no-such',
      phone: anna.phone,
    });
    expect(nowhere.json()).toEqual(elsewhere.json());
  });

  test('a coordinator gets every booking with the phone or e-mail, with consent versions, not cached', async () => {
    actor = coordinator;
    const answer = await post('/api/staff/people/export', {
      network: 'test-town',
      phone: anna.phone,
      email: 'ANNA.Z@example.org',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const body = answer.json() as PersonExport;
    expect(body.person).toEqual({ phone: '+79120001122', email: 'ANNA.Z@example.org' });
    expect(body.bookings.map((entry) => entry.booking.contact)).toEqual([
      { name: 'Анна Запросова', phone: '+79120001122', email: 'Anna.Z@example.org' },
      { name: 'Анна', email: 'anna.z@example.org' },
    ]);
    // Both were made under the current text: one named it, the other took the current one.
    expect(body.bookings.map((entry) => entry.consent)).toEqual([
      { given: true, version: '2026-12-01', at: clock },
      { given: true, version: '2026-12-01', at: clock },
    ]);
    const byPhoneOnly = await post('/api/staff/people/export', {
      network: 'test-town',
      phone: '+7 (912) 000-11-22',
    });
    expect((byPhoneOnly.json() as PersonExport).bookings).toHaveLength(1);
  });

  test('bad input → 400 in both languages, never 500', async () => {
    actor = coordinator;
    for (const payload of [
      { network: 'test-town' },
      { network: 'test-town', phone: 'not a phone' },
      { network: 'test-town', email: 'nope' },
      { phone: anna.phone },
      { network: 'test-town', phone: anna.phone, extra: 1 },
      [],
    ]) {
      const answer = await post('/api/staff/people/export', payload);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expectBilingual((answer.json() as ApiErrorBody).error.message);
    }
    const empty = await server.inject({ method: 'POST', url: '/api/staff/people/export' });
    expect(empty.statusCode).toBe(400);
  });
});

describe('POST /api/staff/people/erase', () => {
  test('denied to anonymous (401) and to other roles or networks (403); nothing erased', async () => {
    actor = { kind: 'anonymous' };
    expect(
      (await post('/api/staff/people/erase', { network: 'test-town', phone: anna.phone }))
        .statusCode,
    ).toBe(401);
    actor = specialist;
    expect(
      (await post('/api/staff/people/erase', { network: 'test-town', phone: anna.phone }))
        .statusCode,
    ).toBe(403);
    actor = otherCoordinator;
    expect(
      (await post('/api/staff/people/erase', { network: 'test-town', phone: anna.phone }))
        .statusCode,
    ).toBe(403);
    expect(await storage.findPersonBookings('test-town', { phone: '+79120001122' })).toHaveLength(
      1,
    );
  });

  test("a coordinator erases the person's contact from every booking; counts stay; others untouched", async () => {
    actor = coordinator;
    clock = instant('2026-05-20T06:00:00Z');
    const before = await storage.listBookings('test-town');
    const answer = await post('/api/staff/people/erase', {
      network: 'test-town',
      phone: anna.phone,
      email: anna.email,
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.json()).toEqual({
      network: 'test-town',
      erased: 2,
      erasedAt: clock,
    } satisfies PersonErasure);
    const after = await storage.listBookings('test-town');
    expect(after.map((booking) => booking.id)).toEqual(before.map((booking) => booking.id));
    expect(after.filter((booking) => booking.contactErased)).toHaveLength(2);
    expect(JSON.stringify(after)).not.toMatch(/Анна|0001122|anna\.z/i);
    expect(after.find((booking) => !booking.contactErased)?.contact.name).toBe('Борис');
    const exported = await post('/api/staff/people/export', {
      network: 'test-town',
      phone: anna.phone,
    });
    expect((exported.json() as PersonExport).bookings).toEqual([]);
    const again = await post('/api/staff/people/erase', {
      network: 'test-town',
      phone: anna.phone,
    });
    expect((again.json() as PersonErasure).erased).toBe(0);
  });
});
