// The manage link and the staff's changes over the Udomlya demo, through fastify.inject: the
// parent sees, moves and cancels her booking with the token of her link (in the body), staff
// cancel and move within their scope with a reason, every change in the audit log.
import { readFileSync } from 'node:fs';
import {
  createNetwork,
  createNetworkSchedule,
  instant,
  type Actor,
  type Booking,
  type Grant,
  type Instant,
  type ManagedBooking,
  type Slot,
  type StaffBookingChange,
} from '@eduset/core';
import { openStorage, type AuditEntry, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createServer, type ApiErrorBody, type BookingCreatedResponse } from '../src/index.js';
import { bookingBody } from './helpers.js';

const root = new URL('../../../examples/data/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, root), 'utf8'));

const cyrillic = /[а-яё]/i;

function expectBilingual(body: ApiErrorBody): void {
  expect(body.error.message.ru).toMatch(cyrillic);
  expect(body.error.message.en).not.toMatch(cyrillic);
}

// Monday 2026-09-07, 08:00 in Moscow.
const now = (): Instant => instant('2026-09-07T05:00:00Z');

const staff = (accountId: string, grants: readonly Grant[]): Actor => ({
  kind: 'staff',
  accountId,
  displayName: `Сотрудник ${accountId}`,
  grants,
});
const lebedeva = staff('acc-lebedeva', [
  { role: 'specialist', networkId: 'udomlya', specialistId: 'speech-lebedeva' },
]);
const smirnova = staff('acc-smirnova', [
  { role: 'specialist', networkId: 'udomlya', specialistId: 'psy-smirnova' },
]);
const teremokHead = staff('acc-teremok', [
  { role: 'organization-admin', networkId: 'udomlya', organizationId: 'ds-teremok' },
]);
const coordinator = staff('acc-coordinator', [{ role: 'coordinator', networkId: 'udomlya' }]);
const auditor = staff('acc-auditor', [{ role: 'auditor', networkId: 'udomlya' }]);
const anonymous: Actor = { kind: 'anonymous' };

let current: Actor = anonymous;
let storage: Storage;
let server: FastifyInstance;

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  await storage.saveNetwork(createNetwork(readJson('udomlya.json')));
  await storage.saveSchedule(createNetworkSchedule(readJson('udomlya-schedule.json')));
  server = createServer({
    storage,
    now,
    rateLimit: false,
    actorSource: { actorOf: async () => current },
  });
  await server.ready();
});

afterAll(async () => {
  await server?.close();
  await storage?.close();
});

async function post(actor: Actor, url: string, payload: object) {
  current = actor;
  return server.inject({ method: 'POST', url, payload });
}

async function slotsOf(query: Record<string, string>): Promise<Slot[]> {
  const answer = await server.inject({
    method: 'GET',
    url: `/api/slots?${new URLSearchParams(query).toString()}`,
  });
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json<{ slots: Slot[] }>().slots;
}

const lebedevaAtBuratino = {
  serviceId: 'speech-therapist-consultation',
  siteId: 'kp-buratino',
  specialistId: 'speech-lebedeva',
};

async function book(slot: Slot, childAge = 4): Promise<BookingCreatedResponse> {
  const answer = await post(anonymous, '/api/bookings', { ...bookingBody(slot), childAge });
  expect(answer.statusCode, answer.body).toBe(201);
  return answer.json<BookingCreatedResponse>();
}

const offered = async (slot: Pick<Slot, 'start'>, query: Record<string, string>) =>
  (await slotsOf(query)).some((entry) => entry.start === slot.start);

/** The audit entries written so far (the buffer writes every 100 ms). */
async function auditWhere(wanted: (entry: AuditEntry) => boolean): Promise<AuditEntry[]> {
  return vi.waitFor(
    async () => {
      const { entries } = await storage.audit.list({ networkId: 'udomlya' }, { limit: 1000 });
      const found = entries.filter(wanted);
      if (found.length === 0) throw new Error('not yet');
      return found;
    },
    { timeout: 5000, interval: 50 },
  );
}

describe('the manage link: the parent with her token', () => {
  test('sees her booking and its zone; a wrong token or id is a 404 alike; the token never in a URL', async () => {
    const week = { ...lebedevaAtBuratino, from: '2026-09-08', to: '2026-09-08' };
    const [slot] = await slotsOf(week);
    if (slot === undefined) throw new Error('no slot on Tuesday');
    const { booking, cancelToken } = await book(slot);
    expect(cancelToken).toBe(await storage.links.token('manage', booking.id));

    const seen = await post(anonymous, `/api/bookings/${booking.id}/view`, { token: cancelToken });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.headers['cache-control']).toBe('no-store');
    const answer = seen.json<ManagedBooking>();
    expect(answer.timeZone).toBe('Europe/Moscow');
    expect(answer.booking).toMatchObject({ id: booking.id, status: 'confirmed' });
    // What the manage page shows, so it loads neither the network nor the schedule.
    expect(answer.details).toMatchObject({
      service: { name: 'Консультация учителя-логопеда' },
      specialist: { role: { ru: 'учитель-логопед', en: 'speech therapist' } },
      site: { name: expect.stringContaining('Буратино') as unknown },
      horizonDays: expect.any(Number) as unknown,
    });

    const wrong = await post(anonymous, `/api/bookings/${booking.id}/view`, {
      token: 'AAAAAAAAAAAAAAAAAAAAAA',
    });
    const unknown = await post(anonymous, '/api/bookings/no-such-booking/view', {
      token: cancelToken,
    });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expectBilingual(wrong.json<ApiErrorBody>());
    // The survey link's token does not open it.
    const survey = await post(anonymous, `/api/bookings/${booking.id}/view`, {
      token: await storage.links.token('survey', booking.id),
    });
    expect(survey.statusCode).toBe(404);
    // Without a token, or with it in the query string: 400 in Russian and English.
    for (const attempt of [
      await post(anonymous, `/api/bookings/${booking.id}/view`, {}),
      await post(anonymous, `/api/bookings/${booking.id}/view?token=${cancelToken}`, {}),
    ]) {
      expect(attempt.statusCode).toBe(400);
      expectBilingual(attempt.json<ApiErrorBody>());
    }
    await post(anonymous, `/api/bookings/${booking.id}/cancel`, { token: cancelToken });
  });

  test('moves it to another offered slot: same id, the old time offered again, the new one taken', async () => {
    const tuesday = { ...lebedevaAtBuratino, from: '2026-09-08', to: '2026-09-08' };
    const thursday = { ...lebedevaAtBuratino, from: '2026-09-10', to: '2026-09-10' };
    const [slot] = await slotsOf(tuesday);
    const [target] = await slotsOf(thursday);
    if (slot === undefined || target === undefined) throw new Error('no slots');
    const { booking, cancelToken } = await book(slot);
    expect(await offered(slot, tuesday)).toBe(false);

    const moved = await post(anonymous, `/api/bookings/${booking.id}/move`, {
      token: cancelToken,
      start: target.start,
      end: target.end,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const answer = moved.json<ManagedBooking>();
    expect(answer.booking).toMatchObject({
      id: booking.id,
      start: target.start,
      end: target.end,
      status: 'confirmed',
      sequence: booking.sequence + 1,
    });
    expect(answer.booking.history.at(-1)).toMatchObject({
      by: 'parent',
      previous: { start: slot.start, end: slot.end },
    });
    expect(await offered(slot, tuesday)).toBe(true);
    expect(await offered(target, thursday)).toBe(false);

    // An hour later on the same day is offered even though the booking held the hour before
    // (its own time and buffer do not count against it).
    const nextHour = (await slotsOf(thursday)).find((entry) => entry.start > target.start);
    if (nextHour === undefined) throw new Error('no later slot on Thursday');
    const again = await post(anonymous, `/api/bookings/${booking.id}/move`, {
      token: cancelToken,
      start: nextHour.start,
      end: nextHour.end,
    });
    expect(again.statusCode, again.body).toBe(200);

    const audit = await auditWhere(
      (entry) =>
        entry.action === 'POST /api/bookings/:id/move' && entry.recordIds.includes(booking.id),
    );
    expect(audit[0]).toMatchObject({ actorAccountId: null, outcome: 200, siteId: 'kp-buratino' });
    await post(anonymous, `/api/bookings/${booking.id}/cancel`, { token: cancelToken });
  });

  test('a time not offered, a taken one, the same one, a wrong token, bad input: refused, nothing moved', async () => {
    const tuesday = { ...lebedevaAtBuratino, from: '2026-09-15', to: '2026-09-15' };
    const [first, second] = await slotsOf(tuesday);
    if (first === undefined || second === undefined) throw new Error('no slots');
    const mine = await book(first);
    await book(second);
    const url = `/api/bookings/${mine.booking.id}/move`;
    const token = mine.cancelToken;
    const night = { start: '2026-09-15T00:00:00.000Z', end: '2026-09-15T00:45:00.000Z' };
    const cases: [object, number, string][] = [
      [{ token, ...night }, 409, 'slot-unavailable'],
      [{ token, start: second.start, end: second.end }, 409, 'slot-unavailable'],
      [{ token, start: first.start, end: first.end }, 400, 'validation_error'],
      [{ token: 'AAAAAAAAAAAAAAAAAAAAAA', start: second.start, end: second.end }, 404, 'not_found'],
      [{ token, start: 'завтра', end: second.end }, 400, 'validation_error'],
      [{ token, start: second.start }, 400, 'validation_error'],
      [{ token, start: second.start, end: second.end, seats: 2 }, 400, 'validation_error'],
    ];
    for (const [payload, status, code] of cases) {
      const answer = await post(anonymous, url, payload);
      expect(
        [answer.statusCode, answer.json<ApiErrorBody>().error.code],
        JSON.stringify(payload),
      ).toEqual([status, code]);
      expectBilingual(answer.json<ApiErrorBody>());
    }
    expect(await storage.getBooking('udomlya', mine.booking.id)).toStrictEqual(mine.booking);
    // A cancelled booking does not move.
    await post(anonymous, `/api/bookings/${mine.booking.id}/cancel`, { token });
    const cancelled = await post(anonymous, url, {
      token,
      start: first.start,
      end: first.end,
    });
    expect([cancelled.statusCode, cancelled.json<ApiErrorBody>().error.code]).toEqual([
      409,
      'illegal-transition',
    ]);
    const seen = await post(anonymous, `/api/bookings/${mine.booking.id}/view`, { token });
    expect(seen.json<ManagedBooking>().booking.status).toBe('cancelled-by-parent');
  });
});

describe('staff cancel and move on the parent’s behalf', () => {
  let booking: Booking;

  beforeAll(async () => {
    const [slot] = await slotsOf({ ...lebedevaAtBuratino, from: '2026-09-22', to: '2026-09-22' });
    if (slot === undefined) throw new Error('no slot');
    booking = (await book(slot)).booking;
  });

  test('anonymous 401, roles without the right 403, another specialist or organization 403 like an unknown id', async () => {
    const url = `/api/staff/bookings/${booking.id}/cancel`;
    const reason = { reason: 'Проверка' };
    expect((await post(anonymous, url, reason)).statusCode).toBe(401);
    expect((await post(auditor, url, reason)).statusCode).toBe(403);
    const other = await post(smirnova, url, reason);
    const head = await post(teremokHead, url, reason);
    const unknown = await post(lebedeva, '/api/staff/bookings/no-such-booking/cancel', reason);
    expect([other.statusCode, head.statusCode, unknown.statusCode]).toEqual([403, 403, 403]);
    expect(other.json<ApiErrorBody>()).toEqual(unknown.json<ApiErrorBody>());
    // A network she does not work in: 403 too.
    expect((await post(lebedeva, url, { ...reason, network: 'elsewhere' })).statusCode).toBe(403);
    expect((await storage.getBooking('udomlya', booking.id)).status).toBe('confirmed');
  });

  test('the specialist moves her own consultation with a reason; the history says the site did', async () => {
    const target = (
      await slotsOf({ ...lebedevaAtBuratino, from: '2026-09-24', to: '2026-09-24' })
    )[0];
    if (target === undefined) throw new Error('no slot');
    const answer = await post(lebedeva, `/api/staff/bookings/${booking.id}/move`, {
      start: target.start,
      end: target.end,
      reason: 'По просьбе мамы',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const change = answer.json<StaffBookingChange>();
    expect(change.booking).toMatchObject({
      id: booking.id,
      start: target.start,
      status: 'confirmed',
    });
    expect(change.booking).not.toHaveProperty('contact');
    const stored = await storage.getBooking('udomlya', booking.id);
    expect(stored.history.at(-1)).toMatchObject({ by: 'site', reason: 'По просьбе мамы' });
    const [entry] = await auditWhere(
      (e) => e.action === 'POST /api/staff/bookings/:id/move' && e.recordIds.includes(booking.id),
    );
    expect(entry).toMatchObject({
      actorAccountId: 'acc-lebedeva',
      outcome: 200,
      siteId: 'kp-buratino',
      organizationId: 'ds-buratino',
    });
  });

  test('staff may move within the minimum notice, a parent may not; the coordinator cancels anywhere, once', async () => {
    // psy-smirnova at kp-teremok, Mondays 14:00–18:00: today's afternoon is within 24 hours.
    const teremok = {
      serviceId: 'psychologist-consultation',
      siteId: 'kp-teremok',
      specialistId: 'psy-smirnova',
    };
    const [wednesday] = await slotsOf({ ...teremok, from: '2026-09-09', to: '2026-09-09' });
    if (wednesday === undefined) throw new Error('no slot');
    const { booking: theirs, cancelToken } = await book(wednesday);
    const today = { start: '2026-09-07T11:00:00.000Z', end: '2026-09-07T11:45:00.000Z' };
    const byParent = await post(anonymous, `/api/bookings/${theirs.id}/move`, {
      token: cancelToken,
      ...today,
    });
    expect(byParent.json<ApiErrorBody>().error.code).toBe('slot-unavailable');
    const byHead = await post(teremokHead, `/api/staff/bookings/${theirs.id}/move`, {
      ...today,
      reason: 'Освободилось время сегодня',
    });
    expect(byHead.statusCode, byHead.body).toBe(200);
    // Outside the hours even for staff.
    const night = await post(coordinator, `/api/staff/bookings/${theirs.id}/move`, {
      start: '2026-09-07T20:00:00.000Z',
      end: '2026-09-07T20:45:00.000Z',
      reason: 'Вечером',
    });
    expect(night.json<ApiErrorBody>().error.code).toBe('slot-unavailable');

    const cancelled = await post(coordinator, `/api/staff/bookings/${theirs.id}/cancel`, {
      reason: 'Специалист заболел',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<StaffBookingChange>().booking).toMatchObject({
      status: 'cancelled-by-site',
      statusName: { ru: 'отменена площадкой', en: 'cancelled by the site' },
    });
    const twice = await post(coordinator, `/api/staff/bookings/${theirs.id}/cancel`, {
      reason: 'Ещё раз',
    });
    expect([twice.statusCode, twice.json<ApiErrorBody>().error.code]).toEqual([
      409,
      'illegal-transition',
    ]);
    expectBilingual(twice.json<ApiErrorBody>());
    // The parent's page says so; the time is free again.
    const seen = await post(anonymous, `/api/bookings/${theirs.id}/view`, { token: cancelToken });
    expect(seen.json<ManagedBooking>().booking.history.at(-1)).toMatchObject({
      to: 'cancelled-by-site',
      by: 'site',
      reason: 'Специалист заболел',
    });
    const [entry] = await auditWhere(
      (e) => e.action === 'POST /api/staff/bookings/:id/cancel' && e.outcome === 200,
    );
    expect(entry).toMatchObject({ actorAccountId: 'acc-coordinator', recordIds: [theirs.id] });
  });

  test('bad input is a 400 in Russian and English, never a 500', async () => {
    for (const payload of [
      {},
      { reason: '' },
      { reason: 'x'.repeat(1001) },
      { start: 'вчера', end: '2026-09-24T07:45:00Z', reason: 'Вчера' },
      { start: '2026-09-24T06:00:00Z', end: '2026-09-24T06:45:00Z' },
      { unknown: true },
    ]) {
      const url = `/api/staff/bookings/${booking.id}/${'start' in payload ? 'move' : 'cancel'}`;
      const answer = await post(coordinator, url, payload);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expectBilingual(answer.json<ApiErrorBody>());
    }
  });
});
