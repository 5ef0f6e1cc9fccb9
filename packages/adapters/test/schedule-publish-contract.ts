// Publishing a schedule (the availability editor's PUT, `eduset schedule replace`): the
// optimistic revision, the hit bookings cancelled on the parent's behalf in the same
// transaction, and two publishes at once — run against PGlite and a PostgreSQL server alike.
import { ConflictError, instant, NotFoundError, type NetworkSchedule } from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BookingStore, NewBooking } from '../src/storage/booking-store.js';
import { testSchedule } from './bookings-contract.js';

const NETWORK = 'test-town';
const now = instant('2026-05-11T06:00:00Z');

function request(overrides: Partial<NewBooking> = {}): NewBooking {
  return {
    specialistId: 'psy-ivanova',
    siteId: 'kp-teremok',
    serviceId: 'speech',
    start: instant('2026-05-12T06:00:00Z'),
    end: instant('2026-05-12T06:45:00Z'),
    seats: 1,
    capacity: 1,
    childAge: 4,
    contact: { name: 'Анна Смирнова', phone: '8 912 345-67-89' },
    personalDataConsent: true,
    ...overrides,
  };
}

/** The publishing contract; `open` gives a store over a database holding `smallNetwork()` and no schedule. */
export function schedulePublishContract(
  engine: 'pglite' | 'postgres',
  open: () => Promise<{ store: BookingStore; close(): Promise<void> }>,
): void {
  describe(`schedule publishing contract (${engine})`, () => {
    let store: BookingStore;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ store, close } = await open());
    });

    afterAll(async () => {
      await close?.();
    });

    test('the first publish needs revision 0; every publish bumps the revision by one', async () => {
      await expect(store.loadScheduleRevision(NETWORK)).rejects.toBeInstanceOf(NotFoundError);
      const first = await store.publishSchedule(testSchedule(), { expectedRevision: 0, now });
      expect(first).toEqual({ revision: 1, cancelled: [] });
      const loaded = await store.loadScheduleRevision(NETWORK);
      expect(loaded.revision).toBe(1);
      expect(loaded.schedule).toStrictEqual(testSchedule());
      await store.saveSchedule({ ...testSchedule(), note: 'Сохранено иначе' });
      expect((await store.loadScheduleRevision(NETWORK)).revision).toBe(2);
      await expect(
        store.publishSchedule(testSchedule(), { expectedRevision: 0, now }),
      ).rejects.toMatchObject({ _tag: 'ConflictError', reason: 'revision-moved' });
    });

    test('a publish against a revision that moved on is refused and changes nothing', async () => {
      const { revision, schedule } = await store.loadScheduleRevision(NETWORK);
      const error = await store
        .publishSchedule(
          { ...schedule, note: 'Устаревшее' },
          { expectedRevision: revision - 1, now },
        )
        .then(
          () => undefined,
          (reason: unknown) => reason,
        );
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ reason: 'revision-moved' });
      expect((error as ConflictError).text.ru).toMatch(/уже изменили/);
      const after = await store.loadScheduleRevision(NETWORK);
      expect(after.revision).toBe(revision);
      expect(after.schedule.note).toBe(schedule.note);
      await expect(
        store.publishSchedule({ ...schedule, networkId: 'nowhere' }, { expectedRevision: 0, now }),
      ).rejects.toMatchObject({ _tag: 'NotFoundError', entity: 'network', id: 'nowhere' });
    });

    test('hit bookings are cancelled by the site in the same transaction; their seats are free at once', async () => {
      const { booking } = await store.createBooking(NETWORK, request(), now);
      const { booking: other } = await store.createBooking(
        NETWORK,
        request({ start: instant('2026-05-14T06:00:00Z'), end: instant('2026-05-14T06:45:00Z') }),
        now,
      );
      const { revision, schedule } = await store.loadScheduleRevision(NETWORK);
      const at = instant('2026-05-11T08:00:00Z');
      const published = await store.publishSchedule(
        {
          ...schedule,
          vacations: [
            { specialistId: 'psy-ivanova', from: '2026-05-12', to: '2026-05-12' },
          ] as NetworkSchedule['vacations'],
        },
        {
          expectedRevision: revision,
          now: at,
          cancel: [booking.id],
          reason: 'Специалист в отпуске',
        },
      );
      expect(published.revision).toBe(revision + 1);
      expect(published.cancelled.map((entry) => entry.id)).toEqual([booking.id]);
      const cancelled = await store.getBooking(NETWORK, booking.id);
      expect(cancelled.status).toBe('cancelled-by-site');
      expect(cancelled.sequence).toBe(booking.sequence + 1);
      expect(cancelled.history.at(-1)).toEqual({
        from: 'confirmed',
        to: 'cancelled-by-site',
        at,
        by: 'site',
        reason: 'Специалист в отпуске',
      });
      expect((await store.getBooking(NETWORK, other.id)).status).toBe('confirmed');
      // The seat is free: the same slot can be booked again.
      await expect(store.createBooking(NETWORK, request(), at)).resolves.toBeDefined();
      // Cancelling an already cancelled booking again does nothing.
      const again = await store.publishSchedule(schedule, {
        expectedRevision: revision + 1,
        now: at,
        cancel: [booking.id, 'no-such-booking'],
      });
      expect(again.cancelled).toEqual([]);
    });

    test('a check that throws inside the transaction refuses the publish; it sees the active bookings', async () => {
      const { revision, schedule } = await store.loadScheduleRevision(NETWORK);
      const active = (await store.listBookings(NETWORK, { specialistId: 'psy-ivanova' })).filter(
        (booking) => booking.status === 'confirmed',
      );
      let seen: string[] = [];
      const refused = new ConflictError('hits-changed', {
        ru: 'Появились новые записи',
        en: 'New bookings',
      });
      await expect(
        store.publishSchedule(
          { ...schedule, note: 'С проверкой' },
          {
            expectedRevision: revision,
            now,
            cancel: active.map((booking) => booking.id),
            check: {
              specialistIds: ['psy-ivanova'],
              verify: (bookings) => {
                seen = bookings.map((booking) => booking.id);
                throw refused;
              },
            },
          },
        ),
      ).rejects.toBe(refused);
      expect(seen.sort()).toEqual(active.map((booking) => booking.id).sort());
      const after = await store.loadScheduleRevision(NETWORK);
      expect(after.revision).toBe(revision);
      for (const booking of active) {
        expect((await store.getBooking(NETWORK, booking.id)).status).toBe('confirmed');
      }
    });

    test('of two publishes against one revision at once, exactly one is stored', async () => {
      const { revision, schedule } = await store.loadScheduleRevision(NETWORK);
      const outcomes = await Promise.allSettled(
        ['Первая', 'Вторая', 'Третья'].map((note) =>
          store.publishSchedule({ ...schedule, note }, { expectedRevision: revision, now }),
        ),
      );
      const stored = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      expect(stored).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected')
          expect(outcome.reason).toMatchObject({ reason: 'revision-moved' });
      }
      expect((await store.loadScheduleRevision(NETWORK)).revision).toBe(revision + 1);
    });
  });
}
