// What the booking storage must do, run against PGlite and a PostgreSQL server alike.
import { createHash } from 'node:crypto';
import {
  ConflictError,
  createNetworkSchedule,
  instant,
  NotFoundError,
  ValidationError,
} from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BookingStore, NewBooking } from '../src/storage/booking-store.js';
import type { Database } from '../src/storage/database.js';
import { bookingStore } from '../src/storage/bookings.js';
import { rejection } from './rejection.js';

/** What a booking contract run needs: the store under test and a raw handle on its database. */
export interface BookingTestBed {
  /** The store under test, over a database holding `smallNetwork()` (id `test-town`). */
  readonly store: BookingStore;
  /** The same database, for statements the store does not offer. */
  readonly database: Database;
  close(): Promise<void>;
}

const NETWORK = 'test-town';

/** A schedule of the test network: speech consultations and a lekoteka group of 8. */
export function testSchedule() {
  return createNetworkSchedule({
    networkId: NETWORK,
    availabilities: [
      {
        specialistId: 'psy-ivanova',
        siteId: 'kp-teremok',
        serviceId: 'speech',
        rules: [{ weekdays: [2, 4], start: '09:00', end: '13:00' }],
        validFrom: '2026-01-01',
      },
      {
        specialistId: 'log-petrova',
        siteId: 'lek-school-2',
        serviceId: 'play',
        timeZone: 'Europe/Moscow',
        rules: [{ weekdays: [3], start: '10:00', end: '12:00' }],
      },
    ],
    bookingRules: [
      { serviceId: 'speech', duration: 45, bufferAfter: 15, ages: { from: 3, to: 7 } },
      { serviceId: 'play', duration: 60, seats: 8 },
    ],
    travel: [{ fromSiteId: 'kp-teremok', toSiteId: 'lek-school-2', minutes: 20 }],
    note: 'Тестовое расписание',
  });
}

/** An individual speech consultation request; override what a test needs. */
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

const now = instant('2026-05-11T06:00:00Z');
const later = instant('2026-05-11T07:00:00Z');

/** The booking storage contract; `open` is called once for the whole suite. */
export function bookingContract(
  engine: 'pglite' | 'postgres',
  open: () => Promise<BookingTestBed>,
): void {
  describe(`booking storage contract (${engine})`, () => {
    let bed: BookingTestBed;
    let store: BookingStore;

    beforeAll(async () => {
      bed = await open();
      store = bed.store;
    });

    afterAll(async () => {
      await bed?.close();
    });

    test('a schedule saved loads back deep-equal and replaces the previous one', async () => {
      await expect(store.loadSchedule(NETWORK)).rejects.toBeInstanceOf(NotFoundError);
      const schedule = testSchedule();
      await store.saveSchedule(schedule);
      expect(await store.loadSchedule(NETWORK)).toStrictEqual(schedule);
      const replaced = { ...schedule, travel: [], note: 'Новое' };
      await store.saveSchedule(replaced);
      expect(await store.loadSchedule(NETWORK)).toStrictEqual(replaced);
      await expect(store.saveSchedule({ ...schedule, networkId: 'nowhere' })).rejects.toMatchObject(
        { _tag: 'NotFoundError', entity: 'network', id: 'nowhere' },
      );
      // Core validates before anything is written: rules missing for an availability's service.
      const invalid = { ...schedule, bookingRules: [] };
      await expect(store.saveSchedule(invalid)).rejects.toBeInstanceOf(ValidationError);
      expect(await store.loadSchedule(NETWORK)).toStrictEqual(replaced);
    });

    test('create, get, list, cancel with the token, and book the freed slot again', async () => {
      const created = await store.createBooking(NETWORK, request(), now);
      const { booking, cancelToken } = created;
      expect(booking.status).toBe('confirmed');
      expect(booking.sequence).toBe(1);
      expect(booking.contact.phone).toBe('+79123456789');
      expect(booking.history).toEqual([
        { from: 'requested', to: 'confirmed', at: now, by: 'system' },
      ]);
      expect(cancelToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(cancelToken, 'base64url')).toHaveLength(16);

      expect(await store.getBooking(NETWORK, booking.id)).toStrictEqual(booking);
      expect(await store.getBookingWithToken(NETWORK, booking.id, cancelToken)).toStrictEqual(
        booking,
      );
      await expect(
        store.getBookingWithToken(NETWORK, booking.id, 'AAAAAAAAAAAAAAAAAAAAAA'),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.getBooking(NETWORK, 'missing')).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.getBooking('other-network', booking.id)).rejects.toBeInstanceOf(
        NotFoundError,
      );

      const day = { from: instant('2026-05-12T00:00:00Z'), to: instant('2026-05-13T00:00:00Z') };
      expect(await store.listBookings(NETWORK, day)).toStrictEqual([booking]);
      expect(await store.listBookings(NETWORK, { ...day, siteId: 'rp-teremok' })).toEqual([]);
      expect(await store.listBookings(NETWORK, { ...day, specialistId: 'psy-ivanova' })).toEqual([
        booking,
      ]);
      // Half-open: a period that ends when the consultation starts does not hold it.
      expect(await store.listBookings(NETWORK, { to: booking.start })).not.toContainEqual(booking);
      expect(await store.busyIntervals(NETWORK, day)).toEqual([
        {
          specialistId: 'psy-ivanova',
          siteId: 'kp-teremok',
          serviceId: 'speech',
          start: booking.start,
          end: booking.end,
          seats: 1,
        },
      ]);
      expect(
        await store.busyIntervals(NETWORK, { ...day, specialistId: 'psy-ivanova' }),
      ).toHaveLength(1);
      expect(await store.busyIntervals(NETWORK, { ...day, specialistId: 'someone-else' })).toEqual(
        [],
      );

      // Only the hash of the token is stored.
      const [row] = await bed.database.query<{ cancel_token_hash: string }>(
        'SELECT cancel_token_hash FROM bookings WHERE id = $1',
        [booking.id],
      );
      expect(row?.cancel_token_hash).toBe(createHash('sha256').update(cancelToken).digest('hex'));
      const anywhere = await bed.database.query(
        "SELECT id FROM bookings WHERE row_to_json(bookings)::text LIKE '%' || $1 || '%'",
        [cancelToken],
      );
      expect(anywhere).toEqual([]);

      // A wrong token, or a right token for another id, is simply «not found».
      const wrong = await rejection(
        store.cancelBooking(NETWORK, booking.id, 'x'.repeat(22), later),
      );
      expect(wrong).toMatchObject({ _tag: 'NotFoundError', entity: 'booking', id: booking.id });
      await expect(
        store.cancelBooking(NETWORK, 'missing', cancelToken, later),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect((await store.getBooking(NETWORK, booking.id)).status).toBe('confirmed');

      const cancelled = await store.cancelBooking(NETWORK, booking.id, cancelToken, later);
      expect(cancelled).toMatchObject({
        id: booking.id,
        status: 'cancelled-by-parent',
        sequence: 2,
        updatedAt: later,
      });
      expect(cancelled.history.at(-1)).toEqual({
        from: 'confirmed',
        to: 'cancelled-by-parent',
        at: later,
        by: 'parent',
      });
      expect(await store.getBooking(NETWORK, booking.id)).toStrictEqual(cancelled);
      // The seats are free at once.
      expect(await store.busyIntervals(NETWORK, day)).toEqual([]);
      const again = await rejection(store.cancelBooking(NETWORK, booking.id, cancelToken, later));
      expect(again).toMatchObject({ _tag: 'ConflictError', reason: 'illegal-transition' });

      // The same parent books the same slot again.
      const rebooked = await store.createBooking(NETWORK, request(), later);
      expect(rebooked.booking.id).not.toBe(booking.id);
      expect(rebooked.cancelToken).not.toBe(cancelToken);
      expect((await store.listBookings(NETWORK, day)).map((b) => [b.id, b.status])).toEqual(
        // Same start: ordered by id.
        [
          { id: booking.id, status: 'cancelled-by-parent' },
          { id: rebooked.booking.id, status: 'confirmed' },
        ]
          .sort((x, y) => (x.id < y.id ? -1 : 1))
          .map((x) => [x.id, x.status]),
      );
      expect(await store.busyIntervals(NETWORK, day)).toHaveLength(1);
    });

    test('bad requests are refused before anything is stored', async () => {
      const before = await store.listBookings(NETWORK);
      const slot = {
        start: instant('2026-05-20T06:00:00Z'),
        end: instant('2026-05-20T06:45:00Z'),
      };
      await expect(
        store.createBooking(NETWORK, request({ ...slot, contact: { name: '' } }), now),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(
        store.createBooking(NETWORK, request({ ...slot, capacity: 0 }), now),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(store.createBooking('nowhere', request(slot), now)).rejects.toMatchObject({
        _tag: 'NotFoundError',
        entity: 'network',
      });
      expect(await store.listBookings(NETWORK)).toStrictEqual(before);
    });

    test('an individual slot booked twice: the second is an overlap', async () => {
      const slot = {
        start: instant('2026-05-14T06:00:00Z'),
        end: instant('2026-05-14T06:45:00Z'),
      };
      await store.createBooking(NETWORK, request(slot), now);
      const error = await rejection(
        store.createBooking(
          NETWORK,
          request({ ...slot, contact: { name: 'Пётр', email: 'p@example.org' } }),
          now,
        ),
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ reason: 'overlap' });
      const message = (error as ConflictError).text;
      expect(message.ru).toMatch(/занят/);
      expect(message.en).toMatch(/busy/);
      expect(await store.listBookings(NETWORK, { from: slot.start, to: slot.end })).toHaveLength(1);
    });

    test('a specialist is never at two sites at once, by the database itself', async () => {
      const first = {
        start: instant('2026-05-19T07:00:00Z'),
        end: instant('2026-05-19T07:45:00Z'),
      };
      await store.createBooking(NETWORK, request(first), now);
      // Another site, another length, overlapping by 15 minutes.
      const error = await rejection(
        store.createBooking(
          NETWORK,
          request({
            siteId: 'rp-teremok',
            start: instant('2026-05-19T07:30:00Z'),
            end: instant('2026-05-19T08:30:00Z'),
          }),
          now,
        ),
      );
      expect(error).toMatchObject({ _tag: 'ConflictError', reason: 'overlap' });
      // Half-open intervals: back to back at the other site is fine, and so is another specialist.
      await store.createBooking(
        NETWORK,
        request({ siteId: 'rp-teremok', start: first.end, end: instant('2026-05-19T08:30:00Z') }),
        now,
      );
      await store.createBooking(NETWORK, request({ ...first, specialistId: 'log-petrova' }), now);

      // Straight into the table, past the store: PostgreSQL refuses it (exclusion, 23P01).
      const direct = await rejection(
        bed.database.query(
          `INSERT INTO booking_sessions (network_id, specialist_id, site_id, service_id,
             starts_at, ends_at, capacity, seats_taken)
           VALUES ($1, 'psy-ivanova', 'lek-school-2', 'play', $2::timestamptz, $3::timestamptz, 8, 1)`,
          [NETWORK, '2026-05-19T07:40:00Z', '2026-05-19T08:00:00Z'],
        ),
      );
      expect(direct).toMatchObject({ code: '23P01' });
      // Seats can never go over the capacity or below zero either (CHECK, 23514).
      const overfull = await rejection(
        bed.database.query(
          `UPDATE booking_sessions SET seats_taken = capacity + 1
           WHERE network_id = $1 AND starts_at = $2::timestamptz`,
          [NETWORK, first.start],
        ),
      );
      expect(overfull).toMatchObject({ code: '23514' });

      const busy = await store.busyIntervals(NETWORK, {
        from: instant('2026-05-19T00:00:00Z'),
        to: instant('2026-05-20T00:00:00Z'),
      });
      expect(busy.map((b) => [b.specialistId, b.siteId, b.start])).toEqual([
        ['log-petrova', 'kp-teremok', first.start],
        ['psy-ivanova', 'kp-teremok', first.start],
        ['psy-ivanova', 'rp-teremok', first.end],
      ]);
    });

    test('a lekoteka session with 8 seats, 7 taken: of 20 concurrent requests exactly one succeeds', async () => {
      const group = request({
        specialistId: 'log-petrova',
        siteId: 'lek-school-2',
        serviceId: 'play',
        start: instant('2026-05-13T07:00:00Z'),
        end: instant('2026-05-13T08:00:00Z'),
        capacity: 8,
        childAge: 2,
      });
      for (let i = 0; i < 7; i += 1) {
        await store.createBooking(
          NETWORK,
          { ...group, contact: { name: `Родитель ${i}`, phone: `+7900000000${i}` } },
          now,
        );
      }
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          store.createBooking(
            NETWORK,
            { ...group, contact: { name: `Гонщик ${i}`, email: `r${i}@example.org` } },
            now,
          ),
        ),
      );
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.flatMap((result) =>
        result.status === 'rejected' ? [result.reason] : [],
      );
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      for (const reason of lost) {
        expect(reason).toBeInstanceOf(ConflictError);
        expect(reason).toMatchObject({
          reason: 'no-seats',
          text: {
            ru: expect.stringMatching(/^Мест нет/),
            en: expect.stringMatching(/^No seats left/),
          },
        });
      }
      const [session] = await bed.database.query<{ seats_taken: number; capacity: number }>(
        `SELECT seats_taken, capacity FROM booking_sessions
         WHERE network_id = $1 AND specialist_id = 'log-petrova' AND starts_at = $2::timestamptz`,
        [NETWORK, group.start],
      );
      expect(session).toEqual({ seats_taken: 8, capacity: 8 });
      const attendees = await store.listBookings(NETWORK, {
        from: group.start,
        to: group.end,
        siteId: 'lek-school-2',
      });
      expect(attendees).toHaveLength(8);
      const [busy] = await store.busyIntervals(NETWORK, { from: group.start, to: group.end });
      expect(busy).toMatchObject({ serviceId: 'play', seats: 8 });
    });

    test('concurrent first bookings of a fresh individual slot: exactly one succeeds', async () => {
      const slot = {
        start: instant('2026-05-21T06:00:00Z'),
        end: instant('2026-05-21T06:45:00Z'),
      };
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          store.createBooking(
            NETWORK,
            // Different lengths and sites as well as the identical slot.
            request(
              i % 2 === 0
                ? slot
                : { siteId: 'rp-teremok', start: slot.start, end: instant('2026-05-21T07:00:00Z') },
            ),
            now,
          ),
        ),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') {
          expect(result.reason).toMatchObject({ _tag: 'ConflictError', reason: 'overlap' });
        }
      }
    });

    test('erasing personal data keeps every count', async () => {
      const created = instant('2026-03-01T09:00:00Z');
      const past = (day: number, seats = 1) =>
        request({
          specialistId: 'log-petrova',
          siteId: 'lek-school-2',
          serviceId: 'play',
          start: instant(`2026-04-${day}T07:00:00Z`),
          end: instant(`2026-04-${day}T08:00:00Z`),
          capacity: 8,
          seats,
          contact: { name: 'Мария', phone: '+79001112233', email: 'm@example.org' },
        });
      const a = await store.createBooking(NETWORK, past(10), created);
      const b = await store.createBooking(NETWORK, past(10, 2), created);
      const c = await store.createBooking(NETWORK, past(17), created);
      await store.cancelBooking(NETWORK, c.booking.id, c.cancelToken, created);
      const april = { from: instant('2026-04-01T00:00:00Z'), to: instant('2026-05-01T00:00:00Z') };
      const beforeErasure = await store.listBookings(NETWORK, april);
      const busyBefore = await store.busyIntervals(NETWORK, april);

      const erasedAt = instant('2026-06-01T00:00:00Z');
      expect(await store.erasePersonalData(instant('2026-05-01T00:00:00Z'), erasedAt)).toBe(3);
      const after = await store.listBookings(NETWORK, april);
      expect(after.map((x) => [x.id, x.status, x.seats, x.start, x.siteId])).toEqual(
        beforeErasure.map((x) => [x.id, x.status, x.seats, x.start, x.siteId]),
      );
      for (const booking of after) {
        expect(booking.contact).toStrictEqual({ name: '' });
        expect(booking.contactErased).toBe(true);
        expect(booking.updatedAt).toBe(erasedAt);
      }
      expect(await store.busyIntervals(NETWORK, april)).toEqual(busyBefore);
      expect(busyBefore).toEqual([expect.objectContaining({ seats: 3 })]);
      // Later bookings are untouched, and erasing again erases nothing.
      expect((await store.getBooking(NETWORK, a.booking.id)).contactErased).toBe(true);
      const may = await store.listBookings(NETWORK, { from: instant('2026-05-01T00:00:00Z') });
      expect(may.length).toBeGreaterThan(0);
      expect(may.every((x) => !x.contactErased && x.contact.name !== '')).toBe(true);
      expect(await store.erasePersonalData(instant('2026-05-01T00:00:00Z'), erasedAt)).toBe(0);
      // Nothing personal is left in the row itself.
      const [row] = await bed.database.query<Record<string, unknown>>(
        'SELECT contact_name, contact_phone, contact_email FROM bookings WHERE id = $1',
        [b.booking.id],
      );
      expect(row).toEqual({ contact_name: '', contact_phone: null, contact_email: null });
    });

    test('a calendar token reads the booking without its contact, and does nothing else', async () => {
      const at = (start: string) =>
        request({
          start: instant(start),
          end: instant(new Date(Date.parse(start) + 45 * 60_000)),
          contact: { name: 'Ольга Календарёва', phone: '+79005550101', email: 'Olga@Example.org' },
        });
      const created = await store.createBooking(
        NETWORK,
        { ...at('2027-03-04T06:00:00Z'), consentVersion: '2026-12-01' },
        now,
      );
      const { booking, cancelToken, calendarToken } = created;
      expect(calendarToken).toMatch(/^[\w-]{22}$/);
      expect(calendarToken).not.toBe(cancelToken);
      const read = await store.getBookingWithCalendarToken(NETWORK, booking.id, calendarToken);
      expect(read).toStrictEqual({
        id: booking.id,
        specialistId: booking.specialistId,
        siteId: booking.siteId,
        serviceId: booking.serviceId,
        start: booking.start,
        end: booking.end,
        status: booking.status,
        sequence: booking.sequence,
        createdAt: booking.createdAt,
        updatedAt: booking.updatedAt,
      });
      expect(JSON.stringify(read)).not.toContain('5550101');
      // Each token opens only its own door, with the answer of an unknown booking.
      await expect(
        store.getBookingWithCalendarToken(NETWORK, booking.id, cancelToken),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        store.getBookingWithToken(NETWORK, booking.id, calendarToken),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        store.cancelBooking(NETWORK, booking.id, calendarToken, later),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        store.issueCalendarToken(NETWORK, booking.id, calendarToken),
      ).rejects.toBeInstanceOf(NotFoundError);
      const [hashes] = await bed.database.query<Record<string, unknown>>(
        'SELECT cancel_token_hash, calendar_token_hash FROM bookings WHERE id = $1',
        [booking.id],
      );
      expect(hashes).toEqual({
        cancel_token_hash: createHash('sha256').update(cancelToken).digest('hex'),
        calendar_token_hash: createHash('sha256').update(calendarToken).digest('hex'),
      });

      // A booking made before migration 0011 has no calendar token until one is issued.
      const old = await store.createBooking(NETWORK, at('2027-03-04T07:00:00Z'), now);
      await bed.database.query('UPDATE bookings SET calendar_token_hash = NULL WHERE id = $1', [
        old.booking.id,
      ]);
      await expect(
        store.getBookingWithCalendarToken(NETWORK, old.booking.id, old.calendarToken),
      ).rejects.toBeInstanceOf(NotFoundError);
      const issued = await store.issueCalendarToken(NETWORK, old.booking.id, old.cancelToken);
      expect((await store.getBookingWithCalendarToken(NETWORK, old.booking.id, issued)).id).toBe(
        old.booking.id,
      );
      // Issued again, the previous one stops working.
      const again = await store.issueCalendarToken(NETWORK, old.booking.id, old.cancelToken);
      await expect(
        store.getBookingWithCalendarToken(NETWORK, old.booking.id, issued),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect((await store.getBookingWithCalendarToken(NETWORK, old.booking.id, again)).id).toBe(
        old.booking.id,
      );
    });

    test("a person's bookings: found by phone or e-mail with their consent, erased on request", async () => {
      const contact = { name: 'Пётр Запросов', phone: '+79005550202', email: 'petr@example.org' };
      const at = (start: string) =>
        request({
          start: instant(start),
          end: instant(new Date(Date.parse(start) + 45 * 60_000)),
          contact,
        });
      const versioned = await store.createBooking(
        NETWORK,
        { ...at('2027-03-11T06:00:00Z'), consentVersion: '2026-12-01' },
        now,
      );
      const unversioned = await store.createBooking(
        NETWORK,
        { ...at('2027-03-11T07:00:00Z'), contact: { name: 'Пётр', phone: contact.phone } },
        now,
      );
      const other = await store.createBooking(
        NETWORK,
        { ...at('2027-03-11T08:00:00Z'), contact: { name: 'Другая', email: 'other@example.org' } },
        now,
      );
      const byPhone = await store.findPersonBookings(NETWORK, { phone: contact.phone });
      expect(byPhone.map((held) => [held.booking.id, held.consent])).toEqual([
        [versioned.booking.id, { version: '2026-12-01', at: now }],
        [unversioned.booking.id, { version: null, at: null }],
      ]);
      expect(
        (await store.findPersonBookings(NETWORK, { email: 'PETR@example.org' })).map(
          (held) => held.booking.id,
        ),
      ).toEqual([versioned.booking.id]);
      expect(await store.findPersonBookings(NETWORK, {})).toEqual([]);
      expect(await store.findPersonBookings('nowhere', { phone: contact.phone })).toEqual([]);

      expect(
        await store.erasePersonBookings(
          NETWORK,
          { email: 'petr@example.org', phone: contact.phone },
          later,
        ),
      ).toBe(2);
      for (const id of [versioned.booking.id, unversioned.booking.id]) {
        const erased = await store.getBooking(NETWORK, id);
        expect(erased.contactErased).toBe(true);
        expect(erased.contact).toStrictEqual({ name: '' });
        // Still to come: cancelled, its seats free.
        expect(erased.status).toBe('cancelled-by-parent');
      }
      const busy = await store.busyIntervals(NETWORK, {
        from: instant('2027-03-11T00:00:00Z'),
        to: instant('2027-03-12T00:00:00Z'),
      });
      expect(busy.map((interval) => interval.start)).toEqual([other.booking.start]);
      expect((await store.getBooking(NETWORK, other.booking.id)).contactErased).toBe(false);
      expect(await store.findPersonBookings(NETWORK, { phone: contact.phone })).toEqual([]);
      expect(await store.erasePersonBookings(NETWORK, { phone: contact.phone }, later)).toBe(0);
      await store.compactAfterErasure();
      expect((await store.getBooking(NETWORK, other.booking.id)).contact.email).toBe(
        'other@example.org',
      );
    });

    test('the schedule and busy time read together: current across processes', async () => {
      // A second store over the same database stands for another server process.
      const other = bookingStore(bed.database);
      const before = await other.loadSchedule(NETWORK);
      const range = { from: instant('2026-04-01T00:00:00Z'), to: instant('2026-06-01T00:00:00Z') };
      for (const narrowed of [range, { ...range, specialistId: 'log-petrova' }]) {
        const context = await store.bookingContext(NETWORK, narrowed);
        expect(context.busy).toEqual(await store.busyIntervals(NETWORK, narrowed));
        expect(context.schedule).toStrictEqual(before);
      }
      expect((await store.bookingContext(NETWORK, range)).busy.length).toBeGreaterThan(1);
      // Each store keeps its validated copy; a save by one is seen by the other at once.
      const changed = { ...before, note: 'Изменено в другом процессе' };
      await store.saveSchedule(changed);
      expect(await other.loadSchedule(NETWORK)).toStrictEqual(changed);
      expect((await other.bookingContext(NETWORK, range)).schedule).toStrictEqual(changed);
      await other.saveSchedule(before);
      expect((await store.bookingContext(NETWORK, range)).schedule).toStrictEqual(before);
      expect(await store.loadSchedule(NETWORK)).toStrictEqual(before);
      await expect(store.bookingContext('nowhere', range)).rejects.toBeInstanceOf(NotFoundError);
      // Asked together (read in one statement), each gets its own range's busy time.
      const ranges = [
        range,
        { ...range, specialistId: 'log-petrova' },
        { ...range, specialistId: 'psy-ivanova' },
        { from: range.from, to: instant('2026-04-15T00:00:00Z') },
        { from: undefined, to: undefined },
      ];
      const together = await Promise.all([
        ...ranges.map((each) => store.bookingContext(NETWORK, each)),
        store.bookingContext('nowhere', range).catch((error: unknown) => error),
      ]);
      for (const [index, each] of ranges.entries()) {
        expect(together[index]).toStrictEqual({
          schedule: before,
          busy: await store.busyIntervals(NETWORK, each),
        });
      }
      expect(together.at(-1)).toBeInstanceOf(NotFoundError);
      // Ranges that each name a specialist (every booking check: another statement, the
      // specialist a condition of the index scan), together and twice (prepared on a server).
      const ofSpecialists = [
        ...ranges.filter((each) => 'specialistId' in each),
        { from: range.from, to: instant('2026-04-15T00:00:00Z'), specialistId: 'psy-ivanova' },
        { ...range, specialistId: 'nobody' },
      ];
      for (let round = 0; round < 2; round += 1) {
        const read = await Promise.all(
          ofSpecialists.map((each) => store.bookingContext(NETWORK, each)),
        );
        for (const [index, each] of ofSpecialists.entries()) {
          expect(read[index]).toStrictEqual({
            schedule: before,
            busy: await store.busyIntervals(NETWORK, each),
          });
        }
      }
    });

    test('one GiST index over sessions: the exclusion constraint answers busy time (migration 0006)', async () => {
      const indexes = await bed.database.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE tablename = 'booking_sessions' ORDER BY indexname`,
      );
      // …and a btree by start for the rules that involve other bookings (migration 0014).
      expect(indexes.map((row) => row.indexname)).toEqual([
        'booking_sessions_no_overlap',
        'booking_sessions_pkey',
        'booking_sessions_slot',
        'booking_sessions_starts',
      ]);
    });

    test('many bookings in one statement: each its own outcome, none half-written', async () => {
      // eduset_take_bookings_together (migrations 0005, 0007, 0014): new sessions together, then the
      // rest alone; a session that would break a constraint is skipped and its booking taken
      // alone, which tells why it is refused.
      const item = (id: string, start: string, end: string, overrides = {}) => ({
        networkId: NETWORK,
        specialistId: 'psy-ivanova',
        siteId: 'kp-teremok',
        serviceId: 'speech',
        start,
        end,
        capacity: 1,
        id,
        seats: 1,
        status: 'confirmed',
        childAge: 4,
        contactName: 'Анна',
        contactPhone: '+79123456789',
        contactEmail: null,
        personalDataConsent: true,
        sequence: 1,
        history: [{ from: 'requested', to: 'confirmed', at: now, by: 'system' }],
        cancelTokenHash: 'a'.repeat(64),
        createdAt: now,
        updatedAt: now,
        careful: false,
        ...overrides,
      });
      // As the take functions read a booking (migration 0014): its row, capacity, no rules.
      const takeItem = (flat: ReturnType<typeof item>) => ({
        row: {
          id: flat.id,
          network_id: flat.networkId,
          specialist_id: flat.specialistId,
          site_id: flat.siteId,
          service_id: flat.serviceId,
          starts_at: flat.start,
          ends_at: flat.end,
          seats: flat.seats,
          status: flat.status,
          child_age: flat.childAge,
          contact_name: flat.contactName,
          contact_phone: flat.contactPhone,
          contact_email: flat.contactEmail,
          contact_erased: false,
          personal_data_consent: flat.personalDataConsent,
          sequence: flat.sequence,
          history: flat.history,
          cancel_token_hash: flat.cancelTokenHash,
          created_at: flat.createdAt,
          updated_at: flat.updatedAt,
        },
        capacity: flat.capacity,
        careful: flat.careful,
      });
      const take = async (items: ReturnType<typeof item>[]) => {
        const [row] = await bed.database.query<{ outcomes: (string | null)[] }>(
          'SELECT eduset_take_bookings_together($1::jsonb) AS outcomes',
          [JSON.stringify(items.map(takeItem))],
        );
        return row?.outcomes;
      };
      const group = { specialistId: 'log-petrova', siteId: 'lek-school-2', serviceId: 'play' };
      // No refusal: four new sessions at once, a second seat of one of them, a careful one.
      expect(
        await take([
          item('set-a', '2026-06-02T06:00:00Z', '2026-06-02T06:45:00Z'),
          item('set-b', '2026-06-02T07:00:00Z', '2026-06-02T07:45:00Z'),
          item('set-g1', '2026-06-03T07:00:00Z', '2026-06-03T08:00:00Z', { ...group, capacity: 8 }),
          item('set-g2', '2026-06-03T07:00:00Z', '2026-06-03T08:00:00Z', {
            ...group,
            capacity: 8,
            seats: 2,
          }),
          item('set-g3', '2026-06-03T07:00:00Z', '2026-06-03T08:00:00Z', {
            ...group,
            capacity: 8,
            seats: 9,
          }),
          item('set-c', '2026-06-02T08:00:00Z', '2026-06-02T08:45:00Z', { careful: true }),
        ]),
      ).toEqual([null, null, null, null, 'EDNOS', null]);
      // Refusals: the same individual slot twice, an overlap at another site, a slot taken.
      expect(
        await take([
          item('set-d', '2026-06-04T06:00:00Z', '2026-06-04T06:45:00Z'),
          item('set-e', '2026-06-04T06:00:00Z', '2026-06-04T06:45:00Z'),
          item('set-f', '2026-06-04T06:30:00Z', '2026-06-04T07:15:00Z', { siteId: 'rp-teremok' }),
          item('set-h', '2026-06-02T06:00:00Z', '2026-06-02T06:45:00Z'),
          item('set-i', '2026-06-04T09:00:00Z', '2026-06-04T09:45:00Z'),
        ]),
      ).toEqual([null, 'EDBSY', '23P01', 'EDBSY', null]);
      // An overlap with a stored session at another site (the exclusion constraint, an arbiter
      // of the set-based INSERT since migration 0007): refused alone, the others stored.
      expect(
        await take([
          item('set-j', '2026-06-02T06:15:00Z', '2026-06-02T07:00:00Z', { siteId: 'rp-teremok' }),
          item('set-k', '2026-06-05T06:00:00Z', '2026-06-05T06:45:00Z'),
        ]),
      ).toEqual(['23P01', null]);
      // An overlap with a session another transaction is taking: waited for, then refused
      // once that one commits; the rest of the batch is stored.
      let commit: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        commit = resolve;
      });
      let taken: () => void = () => undefined;
      const takenFirst = new Promise<void>((resolve) => {
        taken = resolve;
      });
      const first = bed.database.transaction(async (session) => {
        await session.query('SELECT eduset_take_bookings_together($1::jsonb) AS outcomes', [
          JSON.stringify([takeItem(item('set-l', '2026-06-06T06:00:00Z', '2026-06-06T06:45:00Z'))]),
        ]);
        taken();
        await held;
      });
      // Only once the first holds its uncommitted session (else the second may take the time
      // first, on a loaded machine, and the first be the one refused).
      await takenFirst;
      const second = take([
        item('set-m', '2026-06-06T06:30:00Z', '2026-06-06T07:15:00Z', { siteId: 'rp-teremok' }),
        item('set-n', '2026-06-07T06:00:00Z', '2026-06-07T06:45:00Z'),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      commit();
      await first;
      expect(await second).toEqual(['23P01', null]);
      const stored = await bed.database.query<{ id: string; seats: number; seats_taken: number }>(
        `SELECT b.id, b.seats, s.seats_taken FROM bookings b
           JOIN booking_sessions s ON s.id = b.session_id
          WHERE b.id LIKE 'set-%' ORDER BY b.id`,
      );
      expect(stored.map((row) => [row.id, row.seats, row.seats_taken])).toEqual([
        ['set-a', 1, 1],
        ['set-b', 1, 1],
        ['set-c', 1, 1],
        ['set-d', 1, 1],
        ['set-g1', 1, 3],
        ['set-g2', 2, 3],
        ['set-i', 1, 1],
        ['set-k', 1, 1],
        ['set-l', 1, 1],
        ['set-n', 1, 1],
      ]);
    });
  });
}
