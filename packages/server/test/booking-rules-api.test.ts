// The booking rules that involve other bookings, through POST /api/bookings with many requests
// at once, on PGlite and on a PostgreSQL server (one server process; two are in
// processes-rules.test.ts): limits per day and week, a buffer, travel between sites, the cap
// per parent, the Idempotency-Key header, and a schedule published meanwhile.
import {
  createNetworkSchedule,
  instant,
  type Booking,
  type Instant,
  type NetworkScheduleInput,
} from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiErrorBody, BookingCreatedResponse } from '../src/index.js';
import { createServer } from '../src/index.js';
import { smallNetwork } from '../../adapters/test/fixtures/network.js';
import { usePostgresServer } from '../../adapters/test/postgres-server.js';
import { bookingBody } from './helpers.js';

const postgres = usePostgresServer();
const cyrillic = /[а-яё]/i;
const everyDay = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00' }];

/**
 * lim-psy: 30-minute consultations at kp-teremok, at most 6 a day and 9 a week; gap-psy:
 * 45-minute consultations with 15 minutes kept free after each, at kp-teremok and
 * lek-school-2, 20 minutes of travel apart; cap-psy: 30 minutes, the default cap of 3 active
 * bookings per parent.
 */
const scheduleInput: NetworkScheduleInput = {
  networkId: 'test-town',
  availabilities: [
    { specialistId: 'lim-psy', siteId: 'kp-teremok', serviceId: 'limited', rules: everyDay },
    ...['kp-teremok', 'lek-school-2'].map((siteId) => ({
      specialistId: 'gap-psy',
      siteId,
      serviceId: 'spaced',
      rules: everyDay,
    })),
    { specialistId: 'cap-psy', siteId: 'kp-teremok', serviceId: 'capped', rules: everyDay },
  ],
  bookingRules: [
    { serviceId: 'limited', duration: 30, limits: { perDay: 6, perWeek: 9, perContact: 100 } },
    { serviceId: 'spaced', duration: 45, step: 5, bufferAfter: 15, limits: { perContact: 100 } },
    { serviceId: 'capped', duration: 30 },
  ],
  travel: [{ fromSiteId: 'kp-teremok', toSiteId: 'lek-school-2', minutes: 20 }],
};

// Monday 2026-05-11 09:00 in Moscow.
const now = (): Instant => instant('2026-05-11T06:00:00Z');

/** A slot at a Moscow wall-clock time. */
function at(
  specialistId: string,
  serviceId: string,
  siteId: string,
  date: string,
  time: string,
  minutes: number,
) {
  const start = Date.parse(`${date}T${time}:00+03:00`);
  return {
    specialistId,
    serviceId,
    siteId,
    start: instant(new Date(start)),
    end: instant(new Date(start + minutes * 60_000)),
  };
}

const hour = (n: number) =>
  `${String(8 + Math.floor(n / 2)).padStart(2, '0')}:${n % 2 ? '30' : '00'}`;

function parent(n: number) {
  return { name: `Родитель ${n}`, email: `parent-${n}@example.org` };
}

describe.each(['pglite', 'postgres'] as const)('booking rules through the API (%s)', (engine) => {
  let storage: Storage;
  let server: FastifyInstance;

  beforeAll(async () => {
    storage = await openStorage(
      engine === 'pglite'
        ? { dataDir: 'memory://' }
        : { databaseUrl: postgres.createDatabase('booking_rules_api') },
    );
    await storage.saveNetwork(smallNetwork());
    await storage.saveSchedule(createNetworkSchedule(scheduleInput));
    server = createServer({ storage, now, rateLimit: false });
    await server.ready();
  });

  afterAll(async () => {
    await server?.close();
    await storage?.close();
  });

  const post = (body: object, headers: Record<string, string> = {}) =>
    server.inject({ method: 'POST', url: '/api/bookings', payload: body, headers });

  /** Sends every body at once; the statuses and the codes of the refusals. */
  async function allAtOnce(bodies: readonly object[]) {
    const answers = await Promise.all(bodies.map((body) => post(body)));
    const created = answers.filter((answer) => answer.statusCode === 201);
    const refusals = answers
      .filter((answer) => answer.statusCode !== 201)
      .map((answer) => {
        expect(answer.statusCode, answer.body).toBe(409);
        const { error } = answer.json<ApiErrorBody>();
        expect(error.message.ru).toMatch(cyrillic);
        expect(error.message.en).not.toMatch(cyrillic);
        return error.code;
      });
    return { created, refusals };
  }

  test('6 a day: of 20 requests at once, 6 are booked and 14 told the day is full; then 9 a week', async () => {
    const { created, refusals } = await allAtOnce(
      Array.from({ length: 20 }, (_, n) =>
        bookingBody(at('lim-psy', 'limited', 'kp-teremok', '2026-05-12', hour(n), 30), parent(n)),
      ),
    );
    expect(created).toHaveLength(6);
    expect(refusals).toEqual(Array.from({ length: 14 }, () => 'limit-per-day'));
    // The slots agree: nothing more that day.
    const day = await server.inject({
      method: 'GET',
      url: '/api/slots?serviceId=limited&from=2026-05-12&to=2026-05-12',
    });
    expect(day.json<{ slots: unknown[] }>().slots).toEqual([]);
    // Three more that week, of ten asked at once on Wednesday and Thursday.
    const week = await allAtOnce(
      Array.from({ length: 10 }, (_, n) =>
        bookingBody(
          at('lim-psy', 'limited', 'kp-teremok', n % 2 ? '2026-05-13' : '2026-05-14', hour(n), 30),
          parent(100 + n),
        ),
      ),
    );
    expect(week.created).toHaveLength(3);
    expect(week.refusals).toEqual(Array.from({ length: 7 }, () => 'limit-per-week'));
  });

  test('a 15-minute buffer and 20 minutes of travel: of two close times asked at once, one is booked', async () => {
    for (let round = 0; round < 4; round += 1) {
      const date = `2026-05-${String(12 + round)}`;
      const [first, second] =
        round % 2 === 0
          ? // Five minutes apart at one site: within the buffer.
            [
              at('gap-psy', 'spaced', 'kp-teremok', date, '09:00', 45),
              at('gap-psy', 'spaced', 'kp-teremok', date, '09:50', 45),
            ]
          : // Twenty-five minutes apart at two sites: past the buffer, within buffer and travel.
            [
              at('gap-psy', 'spaced', 'kp-teremok', date, '12:00', 45),
              at('gap-psy', 'spaced', 'lek-school-2', date, '13:10', 45),
            ];
      const { created, refusals } = await allAtOnce(
        Array.from({ length: 20 }, (_, n) => bookingBody(n % 2 ? first : second, parent(n))),
      );
      expect(created, `round ${round}`).toHaveLength(1);
      expect(new Set(refusals)).toEqual(new Set(['overlap', 'too-close']));
    }
  });

  test('at most 3 active bookings of a service per parent, even at once', async () => {
    const phone = '+7 912 555-00-11';
    const { created, refusals } = await allAtOnce(
      Array.from({ length: 6 }, (_, n) =>
        bookingBody(at('cap-psy', 'capped', 'kp-teremok', '2026-05-12', hour(n), 30), {
          name: 'Анна',
          phone,
        }),
      ),
    );
    expect(created).toHaveLength(3);
    expect(refusals).toEqual(['contact-limit', 'contact-limit', 'contact-limit']);
    // Cancelling one frees a place for her.
    const first = created[0]?.json<BookingCreatedResponse>();
    if (first === undefined) throw new Error('none created');
    const cancel = await server.inject({
      method: 'POST',
      url: first.cancelUrl,
      payload: { token: first.cancelToken },
    });
    expect(cancel.statusCode).toBe(200);
    const again = await post(
      bookingBody(at('cap-psy', 'capped', 'kp-teremok', '2026-05-13', '10:00', 30), {
        name: 'Анна',
        phone: '89125550011',
      }),
    );
    expect(again.statusCode, again.body).toBe(201);
  });

  test('Idempotency-Key: a retry answers the same booking and token; another body with the key is 422', async () => {
    const body = bookingBody(
      at('cap-psy', 'capped', 'kp-teremok', '2026-05-14', '15:00', 30),
      parent(500),
    );
    const key = { 'idempotency-key': 'c0ffee00-1111-4222-8333-444455556666' };
    const first = await post(body, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await post(body, key);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const one = first.json<BookingCreatedResponse>();
    const two = again.json<BookingCreatedResponse>();
    expect(two.booking).toStrictEqual(one.booking);
    expect(two.cancelToken).toBe(one.cancelToken);
    expect(two.cancelUrl).toBe(one.cancelUrl);
    // The retry's calendar link works (the first one's, lost with its answer, does not).
    expect((await server.inject({ method: 'GET', url: two.calendarUrl })).statusCode).toBe(200);

    const other = await post({ ...body, childAge: 5 }, key);
    expect(other.statusCode).toBe(422);
    const { error } = other.json<ApiErrorBody>();
    expect(error.code).toBe('idempotency-key-reused');
    expect(error.message.ru).toMatch(/ключ/);
    expect(error.message.en).toMatch(/key/);

    const bad = await post(body, { 'idempotency-key': 'x'.repeat(101) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiErrorBody>().error.issues[0]?.path).toEqual(['idempotency-key']);

    // Ten copies of one request at once (a client retrying impatiently): one booking.
    const copies = bookingBody(
      at('cap-psy', 'capped', 'kp-teremok', '2026-05-14', '16:00', 30),
      parent(501),
    );
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post(copies, { 'idempotency-key': 'copies-501' })),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual(
      Array.from({ length: 10 }, () => 201),
    );
    const ids = new Set(answers.map((answer) => answer.json<BookingCreatedResponse>().booking.id));
    expect(ids.size).toBe(1);
    const stored = (await storage.listBookings('test-town', { specialistId: 'cap-psy' })).filter(
      (booking: Booking) => booking.start === copies.start,
    );
    expect(stored).toHaveLength(1);
  });

  test('a schedule published meanwhile (as by another process) is read again before the answer', async () => {
    const slot = at('lim-psy', 'limited', 'kp-teremok', '2026-05-20', '10:00', 30);
    const tighter = createNetworkSchedule({
      ...scheduleInput,
      bookingRules: scheduleInput.bookingRules.map((rules) =>
        rules.serviceId === 'limited' ? { ...rules, limits: { perDay: 0 } } : rules,
      ),
    });
    // Saved behind the server's back: its memory still holds the previous revision.
    await storage.saveSchedule(tighter);
    const refused = await post(bookingBody(slot, parent(600)));
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ApiErrorBody>().error.code).toBe('slot-unavailable');
    // A site added: the server's schedule in memory does not offer it, the stored one does.
    await storage.saveSchedule(
      createNetworkSchedule({
        ...scheduleInput,
        availabilities: [
          ...scheduleInput.availabilities,
          { specialistId: 'lim-psy', siteId: 'rp-teremok', serviceId: 'limited', rules: everyDay },
        ],
      }),
    );
    const elsewhere = await post(
      bookingBody({ ...slot, siteId: 'rp-teremok', specialistId: 'lim-psy' }, parent(601)),
    );
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    // And a change that keeps the slot: the database refuses the old revision, the server
    // reads the new one and books.
    await storage.saveSchedule(createNetworkSchedule({ ...scheduleInput, note: 'Новая версия' }));
    const kept = await post(
      bookingBody(
        { ...slot, start: instant('2026-05-20T08:00:00Z'), end: instant('2026-05-20T08:30:00Z') },
        parent(602),
      ),
    );
    expect(kept.statusCode, kept.body).toBe(201);
    await storage.saveSchedule(createNetworkSchedule(scheduleInput));
  });
});
