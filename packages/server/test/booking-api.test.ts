// The booking HTTP API over PGlite in memory, through fastify.inject: slots, booking,
// cancellation, the 409 codes, validation, and the security limits (413, 429, CORS).
import {
  createNetworkSchedule,
  instant,
  type Booking,
  type Instant,
  type NetworkScheduleInput,
  type Slot,
} from '@eduset/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ApiErrorBody, BookingCreatedResponse } from '../src/index.js';
import { createServer } from '../src/index.js';
import { openStorage, type Storage } from '@eduset/adapters';
import { smallNetwork } from '../../adapters/test/fixtures/network.js';
import { bookingBody, speechAtTeremok } from './helpers.js';

const cyrillic = /[а-яё]/i;

function expectBilingual(text: { ru: string; en: string }): void {
  expect(text.ru).toMatch(cyrillic);
  expect(text.en).not.toMatch(cyrillic);
  expect(text.en.length).toBeGreaterThan(0);
}

/**
 * psy-ivanova: individual speech consultations (60 minutes, children 0–7) at kp-teremok on
 * weekdays 09:00–13:00 and at lek-school-2 on Wednesdays 09:30–12:30, and play groups of 8
 * (children 2–7) at lek-school-2 on Tuesdays 14:00–16:00; 30 minutes of travel between.
 */
const scheduleInput: NetworkScheduleInput = {
  networkId: 'test-town',
  availabilities: [
    speechAtTeremok,
    {
      specialistId: 'psy-ivanova',
      siteId: 'lek-school-2',
      serviceId: 'speech',
      rules: [{ weekdays: [3], start: '09:30', end: '12:30' }],
    },
    {
      specialistId: 'psy-ivanova',
      siteId: 'lek-school-2',
      serviceId: 'play',
      rules: [{ weekdays: [2], start: '14:00', end: '16:00' }],
    },
  ],
  bookingRules: [
    { serviceId: 'speech', duration: 60, ages: { from: 0, to: 7 } },
    { serviceId: 'play', duration: 60, seats: 8, ages: { from: 2, to: 7 } },
  ],
  travel: [{ fromSiteId: 'kp-teremok', toSiteId: 'lek-school-2', minutes: 30 }],
};

// Monday 2026-05-11 09:00 in Moscow.
let clock: Instant = instant('2026-05-11T06:00:00Z');
const now = (): Instant => clock;

const tuesday = { from: '2026-05-12', to: '2026-05-12' };

let storage: Storage;
let server: FastifyInstance;

async function slotsOf(
  target: FastifyInstance,
  serviceId: string,
  extra = '',
): Promise<{ timeZone: string; slots: Slot[] }> {
  const answer = await target.inject({
    method: 'GET',
    url: `/api/slots?serviceId=${serviceId}&from=${tuesday.from}&to=${tuesday.to}${extra}`,
  });
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json();
}

async function book(target: FastifyInstance, body: unknown) {
  return target.inject({ method: 'POST', url: '/api/bookings', payload: body as object });
}

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  await storage.saveNetwork(smallNetwork());
  await storage.saveSchedule(createNetworkSchedule(scheduleInput));
  server = createServer({ storage, now, rateLimit: false });
  await server.ready();
});

afterAll(async () => {
  await server?.close();
  await storage?.close();
});

beforeEach(() => {
  clock = instant('2026-05-11T06:00:00Z');
});

describe('GET /api/schedule and /api/slots', () => {
  test('the schedule comes back as stored', async () => {
    const answer = await server.inject({ method: 'GET', url: '/api/schedule?network=test-town' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toStrictEqual(
      JSON.parse(JSON.stringify(createNetworkSchedule(scheduleInput))),
    );
    const missing = await server.inject({ method: 'GET', url: '/api/schedule?network=nope' });
    expect(missing.statusCode).toBe(404);
  });

  test('the booking options: each bookable service with its sites and specialists, by name', async () => {
    const answer = await server.inject({
      method: 'GET',
      url: '/api/booking-options?network=test-town',
    });
    expect(answer.statusCode).toBe(200);
    const specialist = { id: 'psy-ivanova', name: 'Иванова А. А.' };
    expect(answer.json()).toStrictEqual({
      services: [
        {
          id: 'speech',
          name: 'Консультация логопеда',
          nameEn: 'Speech therapist consultation',
          ages: { from: 0, to: 7 },
          horizonDays: 28,
          sites: [
            { id: 'kp-teremok', name: 'КП «Теремок»', timeZone: 'Europe/Moscow' },
            { id: 'lek-school-2', name: 'Лекотека СОШ №2', timeZone: 'Europe/Moscow' },
          ],
          specialists: [specialist],
        },
        {
          id: 'play',
          name: 'Игровой сеанс',
          ages: { from: 2, to: 7 },
          horizonDays: 28,
          sites: [{ id: 'lek-school-2', name: 'Лекотека СОШ №2', timeZone: 'Europe/Moscow' }],
          specialists: [specialist],
        },
      ],
    });
    const missing = await server.inject({
      method: 'GET',
      url: '/api/booking-options?network=nope',
    });
    expect(missing.statusCode).toBe(404);
    const body = missing.json<ApiErrorBody>();
    expectBilingual(body.error.message);
    const bad = await server.inject({ method: 'GET', url: '/api/booking-options?network=%00' });
    expect(bad.statusCode).toBe(400);
    expectBilingual(bad.json<ApiErrorBody>().error.message);
  });

  test('slots of a day in the site zone, as UTC instants', async () => {
    const { timeZone, slots } = await slotsOf(server, 'speech');
    expect(timeZone).toBe('Europe/Moscow');
    expect(slots.map((slot) => slot.start)).toStrictEqual([
      '2026-05-12T06:00:00.000Z',
      '2026-05-12T07:00:00.000Z',
      '2026-05-12T08:00:00.000Z',
      '2026-05-12T09:00:00.000Z',
    ]);
    expect(slots[0]).toStrictEqual({
      specialistId: 'psy-ivanova',
      siteId: 'kp-teremok',
      serviceId: 'speech',
      start: '2026-05-12T06:00:00.000Z',
      end: '2026-05-12T07:00:00.000Z',
      seatsLeft: 1,
    });
  });

  test("the child's age and the site narrow the slots", async () => {
    expect((await slotsOf(server, 'speech', '&childAge=9')).slots).toStrictEqual([]);
    expect((await slotsOf(server, 'speech', '&childAge=3')).slots).toHaveLength(4);
    expect((await slotsOf(server, 'speech', '&siteId=lek-school-2')).slots).toStrictEqual([]);
  });

  test('bad queries are 400 with every issue, in Russian and English', async () => {
    const answer = await server.inject({
      method: 'GET',
      url: '/api/slots?from=2026-05-01&to=2026-06-15&childAge=x&colour=red',
    });
    expect(answer.statusCode).toBe(400);
    const body: ApiErrorBody = answer.json();
    const paths = body.error.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['serviceId', 'childAge', '']));
    expect(body.error.issues.length).toBeGreaterThanOrEqual(3);
    for (const issue of body.error.issues) expectBilingual(issue.message);

    for (const [from, to] of [
      ['2026-05-01', '2026-06-01'],
      ['2026-05-12', '2026-05-11'],
    ]) {
      const period = await server.inject({
        method: 'GET',
        url: `/api/slots?serviceId=speech&from=${from}&to=${to}`,
      });
      expect(period.statusCode).toBe(400);
      const [issue] = (period.json() as ApiErrorBody).error.issues;
      expect(issue?.path).toStrictEqual(['to']);
      if (issue !== undefined) expectBilingual(issue.message);
    }
    const month = await server.inject({
      method: 'GET',
      url: '/api/slots?serviceId=speech&from=2026-05-01&to=2026-05-31',
    });
    expect(month.statusCode).toBe(200);
  });
});

describe('POST /api/bookings and cancellation', () => {
  test('book → the slot is gone → cancel → offered again → book again', async () => {
    const [slot] = (await slotsOf(server, 'speech')).slots;
    if (slot === undefined) throw new Error('no slot');
    const created = await book(server, bookingBody(slot));
    expect(created.statusCode, created.body).toBe(201);
    const answer: BookingCreatedResponse = created.json();
    expect(answer.booking.status).toBe('confirmed');
    expect(answer.booking.start).toBe(slot.start);
    expect(answer.booking.contact.phone).toBe('+79123456789');
    expect(answer.cancelToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(answer.cancelUrl).toBe(`/api/bookings/${answer.booking.id}/cancel`);
    const calendarToken = new URL(answer.calendarUrl, 'http://x').searchParams.get('token');
    expect(calendarToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(calendarToken).not.toBe(answer.cancelToken);
    expect(answer.calendarUrl).toBe(
      `/api/bookings/${answer.booking.id}.ics?token=${calendarToken}`,
    );
    expect(answer).not.toHaveProperty('icsUrl');

    const ics = await server.inject({ method: 'GET', url: answer.calendarUrl });
    expect(ics.statusCode, ics.body).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain(`UID:${answer.booking.id}@`);
    expect(ics.body).toContain('STATUS:CONFIRMED');
    expect(ics.body).toContain('BEGIN:VTIMEZONE');
    expect(ics.body).not.toContain('+79123456789');
    expect(ics.body).not.toContain('9123456789');
    expect(ics.body).not.toContain('Анна');
    expect(ics.body).not.toContain('Смирнова');
    const stranger = await server.inject({
      method: 'GET',
      url: `/api/bookings/${answer.booking.id}.ics?token=AAAAAAAAAAAAAAAAAAAAAA`,
    });
    expect(stranger.statusCode).toBe(404);
    // The cancel token does not open the calendar file …
    const withCancelToken = await server.inject({
      method: 'GET',
      url: `/api/bookings/${answer.booking.id}.ics?token=${answer.cancelToken}`,
    });
    expect(withCancelToken.statusCode).toBe(404);
    expect(withCancelToken.json()).toEqual(stranger.json());
    // … and the calendar token cancels nothing: the answer of a wrong token.
    const byCalendarToken = await server.inject({
      method: 'POST',
      url: answer.cancelUrl,
      payload: { token: calendarToken },
    });
    const byWrongToken = await server.inject({
      method: 'POST',
      url: answer.cancelUrl,
      payload: { token: 'AAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect(byCalendarToken.statusCode).toBe(404);
    expect(byCalendarToken.json()).toEqual(byWrongToken.json());
    const calendarAgain = await server.inject({
      method: 'POST',
      url: `/api/bookings/${answer.booking.id}/calendar`,
      payload: { token: calendarToken },
    });
    expect(calendarAgain.statusCode).toBe(404);
    // The holder of the cancel token may get a new calendar link; the old one stops.
    const reissued = await server.inject({
      method: 'POST',
      url: `/api/bookings/${answer.booking.id}/calendar`,
      payload: { token: answer.cancelToken },
    });
    expect(reissued.statusCode, reissued.body).toBe(200);
    const { calendarUrl } = reissued.json() as { calendarUrl: string };
    expect(calendarUrl).not.toBe(answer.calendarUrl);
    expect((await server.inject({ method: 'GET', url: answer.calendarUrl })).statusCode).toBe(404);
    expect((await server.inject({ method: 'GET', url: calendarUrl })).statusCode).toBe(200);

    const after = (await slotsOf(server, 'speech')).slots.map((entry) => entry.start);
    expect(after).not.toContain(slot.start);
    expect(after).toHaveLength(3);

    // The server checks the slot against the schedule only; the database refuses it (the
    // specialist's time is taken).
    const again = await book(server, bookingBody(slot));
    expect(again.statusCode).toBe(409);
    expect((again.json() as ApiErrorBody).error.code).toBe('overlap');
    expectBilingual((again.json() as ApiErrorBody).error.message);

    const wrong = await server.inject({
      method: 'POST',
      url: answer.cancelUrl,
      payload: { token: 'AAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect(wrong.statusCode).toBe(404);
    const unknown = await server.inject({
      method: 'POST',
      url: '/api/bookings/no-such-booking/cancel',
      payload: { token: answer.cancelToken },
    });
    expect(unknown.statusCode).toBe(404);

    const cancelled = await server.inject({
      method: 'POST',
      url: answer.cancelUrl,
      payload: { token: answer.cancelToken },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const { booking } = cancelled.json() as { booking: Booking };
    expect(booking.status).toBe('cancelled-by-parent');
    expect(booking.sequence).toBeGreaterThan(answer.booking.sequence);
    const cancelledIcs = await server.inject({ method: 'GET', url: calendarUrl });
    expect(cancelledIcs.body).toContain('STATUS:CANCELLED');
    expect(cancelledIcs.body).toContain(`SEQUENCE:${booking.sequence}`);

    const twice = await server.inject({
      method: 'POST',
      url: answer.cancelUrl,
      payload: { token: answer.cancelToken },
    });
    expect(twice.statusCode).toBe(409);

    expect((await slotsOf(server, 'speech')).slots.map((entry) => entry.start)).toContain(
      slot.start,
    );
    const rebooked = await book(server, bookingBody(slot));
    expect(rebooked.statusCode, rebooked.body).toBe(201);
    const second: BookingCreatedResponse = rebooked.json();
    expect(second.booking.id).not.toBe(answer.booking.id);
    // Leave the day as it was for the other tests.
    const undo = await server.inject({
      method: 'POST',
      url: second.cancelUrl,
      payload: { token: second.cancelToken },
    });
    expect(undo.statusCode).toBe(200);
  });

  test('the consent text: served with its version; a booking against another version is 409', async () => {
    const consent = await server.inject({ method: 'GET', url: '/api/consent' });
    expect(consent.statusCode).toBe(200);
    const text = consent.json() as {
      version: string;
      title: { ru: string; en: string };
      text: { ru: string; en: string };
    };
    expect(text.version).toBe('2026-12-01');
    expectBilingual(text.text);
    expectBilingual(text.title);
    expect(text.text.ru).toContain('152-ФЗ');

    const [slot] = (await slotsOf(server, 'speech')).slots;
    if (slot === undefined) throw new Error('no slot');
    const stale = await book(server, { ...bookingBody(slot), consentVersion: '2025-01-01' });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as ApiErrorBody).error.code).toBe('consent-changed');
    expectBilingual((stale.json() as ApiErrorBody).error.message);
    const bad = await book(server, { ...bookingBody(slot), consentVersion: '' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as ApiErrorBody).error.issues?.[0]?.path).toEqual(['consentVersion']);

    const current = await book(server, { ...bookingBody(slot), consentVersion: text.version });
    expect(current.statusCode, current.body).toBe(201);
    const answer: BookingCreatedResponse = current.json();
    // Earlier tests booked with the same phone (and the same clock): find this one by its id.
    const held = (await storage.findPersonBookings('test-town', { phone: '+79123456789' })).find(
      (found) => found.booking.id === answer.booking.id,
    );
    expect(held?.consent).toEqual({ version: '2026-12-01', at: clock });
    const undo = await server.inject({
      method: 'POST',
      url: answer.cancelUrl,
      payload: { token: answer.cancelToken },
    });
    expect(undo.statusCode).toBe(200);
  });

  test('without consent, age or contact: 400 listing every issue in both languages', async () => {
    const [slot] = (await slotsOf(server, 'speech')).slots;
    if (slot === undefined) throw new Error('no slot');
    const withoutConsent: Record<string, unknown> = { ...bookingBody(slot) };
    delete withoutConsent.personalDataConsent;
    const answer = await book(server, {
      ...withoutConsent,
      childAge: 40,
      contact: { name: '', phone: '12' },
    });
    expect(answer.statusCode).toBe(400);
    const body: ApiErrorBody = answer.json();
    expect(body.error.code).toBe('validation_error');
    expectBilingual(body.error.message);
    const paths = body.error.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['personalDataConsent', 'childAge', 'contact.phone']),
    );
    for (const issue of body.error.issues) expectBilingual(issue.message);
    const consent = body.error.issues.find((issue) => issue.path[0] === 'personalDataConsent');
    expect(consent?.message.ru).toContain('152-ФЗ');

    const refused = await book(server, { ...bookingBody(slot), personalDataConsent: false });
    expect(refused.statusCode).toBe(400);
    const noContact = await book(server, { ...bookingBody(slot), contact: { name: 'Анна' } });
    expect(noContact.statusCode).toBe(400);
    expect((noContact.json() as ApiErrorBody).error.issues.map((i) => i.path.join('.'))).toEqual([
      'contact',
    ]);
    expect((await slotsOf(server, 'speech')).slots).toHaveLength(4);
  });

  test('a time that is not offered is 409 slot-unavailable', async () => {
    const offHours = await book(server, {
      ...bookingBody({
        specialistId: 'psy-ivanova',
        siteId: 'kp-teremok',
        serviceId: 'speech',
        start: instant('2026-05-12T15:00:00Z'),
        end: instant('2026-05-12T16:00:00Z'),
      }),
    });
    expect(offHours.statusCode).toBe(409);
    expect((offHours.json() as ApiErrorBody).error.code).toBe('slot-unavailable');

    // Offered yesterday, gone once the clock passed it.
    const [slot] = (await slotsOf(server, 'speech')).slots;
    if (slot === undefined) throw new Error('no slot');
    clock = instant('2026-05-12T06:30:00Z');
    const late = await book(server, bookingBody(slot));
    expect(late.statusCode).toBe(409);
    expect((late.json() as ApiErrorBody).error.code).toBe('slot-unavailable');

    const tooOld = await book(server, { ...bookingBody(slot), childAge: 12 });
    expect(tooOld.statusCode).toBe(409);
  });

  test('a group session: seats count down; more seats than left is 409 no-seats', async () => {
    const [slot] = (await slotsOf(server, 'play')).slots;
    if (slot === undefined) throw new Error('no slot');
    expect(slot.seatsLeft).toBe(8);
    // At most 4 places in one request.
    const tooMany = await book(server, { ...bookingBody(slot), seats: 5 });
    expect(tooMany.statusCode).toBe(400);
    const issue = (tooMany.json() as ApiErrorBody).error.issues[0];
    expect(issue?.path).toEqual(['seats']);
    expect(issue?.message.ru).toContain('не больше 4 мест');
    expectBilingual(issue?.message ?? { ru: '', en: '' });
    const four = await book(server, { ...bookingBody(slot), seats: 4 });
    expect(four.statusCode, four.body).toBe(201);
    const three = await book(server, {
      ...bookingBody(slot),
      seats: 3,
      contact: { name: 'Борис', email: 'boris@example.org' },
    });
    expect(three.statusCode, three.body).toBe(201);
    const left = (await slotsOf(server, 'play')).slots.find((entry) => entry.start === slot.start);
    expect(left?.seatsLeft).toBe(1);
    const two = await book(server, { ...bookingBody(slot), seats: 2 });
    expect(two.statusCode).toBe(409);
    expect((two.json() as ApiErrorBody).error.code).toBe('no-seats');
    expectBilingual((two.json() as ApiErrorBody).error.message);

    // The last seat, 20 parents at once: exactly one gets it.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        book(server, {
          ...bookingBody(slot),
          contact: { name: `Родитель ${index}`, email: `parent${index}@example.org` },
        }),
      ),
    );
    const codes = answers.map((answer) => answer.statusCode);
    expect(codes.filter((code) => code === 201)).toHaveLength(1);
    expect(codes.filter((code) => code === 409)).toHaveLength(19);
    for (const answer of answers.filter((entry) => entry.statusCode === 409)) {
      expect(['no-seats', 'slot-unavailable']).toContain(
        (answer.json() as ApiErrorBody).error.code,
      );
    }
    const bookings = await storage.listBookings('test-town', { siteId: 'lek-school-2' });
    const active = bookings.filter((entry) => entry.status === 'confirmed');
    expect(active.reduce((sum, entry) => sum + entry.seats, 0)).toBe(8);
    // The specialist is taken at kp-teremok at that time (and 30 minutes of travel before).
    const speech = (await slotsOf(server, 'speech')).slots;
    expect(speech.every((entry) => entry.end <= slot.start)).toBe(true);
  });
});

describe('GET /api/schedule.ics', () => {
  test("a site's booked sessions, with counts and no personal data", async () => {
    const thursday = await server.inject({
      method: 'GET',
      url: '/api/slots?serviceId=speech&siteId=kp-teremok&from=2026-05-14&to=2026-05-14',
    });
    const [slot] = (thursday.json() as { slots: Slot[] }).slots;
    if (slot === undefined) throw new Error('no slot');
    const made = await book(server, bookingBody(slot));
    expect(made.statusCode).toBe(201);
    const answer = await server.inject({ method: 'GET', url: '/api/schedule.ics?site=kp-teremok' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/calendar/);
    const text = answer.body;
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('TZID:Europe/Moscow');
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain('STATUS:CONFIRMED');
    expect(text).not.toContain('Анна');
    expect(text).not.toContain('79123456789');
    // Another site's feed does not hold it.
    const other = await server.inject({ method: 'GET', url: '/api/schedule.ics?site=rp-teremok' });
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('BEGIN:VEVENT');

    const unknown = await server.inject({ method: 'GET', url: '/api/schedule.ics?site=nope' });
    expect(unknown.statusCode).toBe(404);
    expectBilingual((unknown.json() as ApiErrorBody).error.message);
    const missing = await server.inject({ method: 'GET', url: '/api/schedule.ics' });
    expect(missing.statusCode).toBe(400);
  });
});

describe('the database is the final guard', () => {
  // A storage that tells the server nobody is busy, as a second server process that has not
  // yet seen a booking would: the server's own check passes, PostgreSQL refuses.
  let blind: FastifyInstance;
  beforeAll(async () => {
    const blindStorage: Storage = {
      ...storage,
      bookingContext: async (networkId, range) => ({
        ...(await storage.bookingContext(networkId, range)),
        busy: [],
      }),
    };
    blind = createServer({ storage: blindStorage, now, rateLimit: false });
    await blind.ready();
  });
  afterAll(async () => {
    await blind?.close();
  });

  test('the same specialist at another site at an overlapping time: 409 overlap', async () => {
    // Wednesday: speech at kp-teremok 09:00–10:00 Moscow time, then at lek-school-2 09:30–10:30.
    const wednesday = async (siteId: string): Promise<Slot> => {
      const answer = await server.inject({
        method: 'GET',
        url: `/api/slots?serviceId=speech&from=2026-05-13&to=2026-05-13&siteId=${siteId}`,
      });
      const [slot] = (answer.json() as { slots: Slot[] }).slots;
      if (slot === undefined) throw new Error(`no slot at ${siteId}`);
      return slot;
    };
    const there = await wednesday('lek-school-2');
    expect(there.start).toBe('2026-05-13T06:30:00.000Z');
    const made = await book(server, bookingBody(await wednesday('kp-teremok')));
    expect(made.statusCode).toBe(201);
    // The honest server no longer offers the overlapping slot.
    const after = await wednesday('lek-school-2');
    expect(after.start >= '2026-05-13T07:30:00.000Z').toBe(true);
    const clash = await book(blind, bookingBody(there));
    expect(clash.statusCode).toBe(409);
    expect((clash.json() as ApiErrorBody).error.code).toBe('overlap');
    expectBilingual((clash.json() as ApiErrorBody).error.message);
  });
});

describe('security', () => {
  test('a body over 16 KiB is 413 in both languages', async () => {
    const answer = await server.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ padding: 'x'.repeat(17 * 1024) }),
    });
    expect(answer.statusCode).toBe(413);
    const body: ApiErrorBody = answer.json();
    expect(body.error.code).toBe('body-too-large');
    expectBilingual(body.error.message);
  });

  test('POSTs over the rate limit are 429 in both languages; GETs are not limited', async () => {
    const limited = createServer({ storage, now, rateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const codes: number[] = [];
      for (let index = 0; index < 5; index += 1) {
        codes.push((await book(limited, {})).statusCode);
      }
      expect(codes).toStrictEqual([400, 400, 400, 429, 429]);
      const answer = await book(limited, {});
      const body: ApiErrorBody = answer.json();
      expect(body.error.code).toBe('rate-limited');
      expectBilingual(body.error.message);
      expect(answer.headers['retry-after']).toBeDefined();
      // Another client is not affected.
      const other = await limited.inject({
        method: 'POST',
        url: '/api/bookings',
        payload: {},
        remoteAddress: '10.0.0.2',
      });
      expect(other.statusCode).toBe(400);
      for (let index = 0; index < 5; index += 1) {
        const slots = await limited.inject({
          method: 'GET',
          url: `/api/slots?serviceId=speech&from=${tuesday.from}&to=${tuesday.to}`,
        });
        expect(slots.statusCode).toBe(200);
      }
    } finally {
      await limited.close();
    }
  });

  test('CORS headers for allowed origins only', async () => {
    const allowed = 'https://udomlya.example.ru';
    const cors = createServer({ storage, now, corsOrigins: [allowed], rateLimit: false });
    try {
      const url = `/api/slots?serviceId=speech&from=${tuesday.from}&to=${tuesday.to}`;
      const yes = await cors.inject({ method: 'GET', url, headers: { origin: allowed } });
      expect(yes.statusCode).toBe(200);
      expect(yes.headers['access-control-allow-origin']).toBe(allowed);
      const no = await cors.inject({
        method: 'GET',
        url,
        headers: { origin: 'https://evil.example.com' },
      });
      expect(no.statusCode).toBe(200);
      expect(no.headers['access-control-allow-origin']).toBeUndefined();

      const preflight = await cors.inject({
        method: 'OPTIONS',
        url: '/api/bookings',
        headers: {
          origin: allowed,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      });
      expect(preflight.statusCode).toBe(204);
      expect(String(preflight.headers['access-control-allow-headers'])).toContain(
        'idempotency-key',
      );
      expect(preflight.headers['access-control-allow-origin']).toBe(allowed);
      expect(String(preflight.headers['access-control-allow-methods'])).toContain('POST');
      const refused = await cors.inject({
        method: 'OPTIONS',
        url: '/api/bookings',
        headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
      });
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      expect(refused.headers['access-control-allow-methods']).toBeUndefined();

      // No allowlist (the default): no CORS headers at all.
      const none = await server.inject({ method: 'GET', url, headers: { origin: allowed } });
      expect(none.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await cors.close();
    }
  });
});
