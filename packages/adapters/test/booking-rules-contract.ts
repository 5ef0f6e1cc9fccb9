// The booking rules that involve other bookings, kept by the database under concurrency
// (migration 0014), run against PGlite and a PostgreSQL server alike: limits per day and per
// week, buffers, travel between sites, the cap per parent, the schedule's revision and the
// idempotency key — each with many requests at once.
import {
  bookingGuardFor,
  ConflictError,
  createNetworkSchedule,
  instant,
  offeredSlot,
  type SlotChoice,
} from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BookingStore, CreatedBooking, NewBooking } from '../src/storage/booking-store.js';
import type { Database } from '../src/storage/database.js';

/** What a rules contract run needs: the store under test and a raw handle on its database. */
export interface BookingRulesTestBed {
  /** The store under test, over a database holding `smallNetwork()` (id `test-town`). */
  readonly store: BookingStore;
  readonly database: Database;
  close(): Promise<void>;
}

const NETWORK = 'test-town';
const everyDay = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00' }];
const both = ['kp-teremok', 'lek-school-2'];

/**
 * The rules under test, one specialist each (so the tests do not see each other):
 * - `limited` (rules-psy): 30 minutes, at most 6 a day and 10 a week;
 * - `spaced` (rules-gap): 45 minutes with 15 minutes kept free after each;
 * - `travelling` (rules-trip): 45 minutes, at two sites 20 minutes apart;
 * - `group` (rules-group): groups of 4, one group a day;
 * - `capped` (rules-cap): 30 minutes, the default cap of 3 active bookings per parent;
 * - `mixed` (rules-mix-1, rules-mix-2): everything at once, for the random mix.
 */
export function rulesSchedule() {
  return createNetworkSchedule({
    networkId: NETWORK,
    availabilities: [
      ...both.map((siteId) => ({
        specialistId: 'rules-psy',
        siteId,
        serviceId: 'limited',
        rules: everyDay,
      })),
      { specialistId: 'rules-gap', siteId: 'kp-teremok', serviceId: 'spaced', rules: everyDay },
      ...both.map((siteId) => ({
        specialistId: 'rules-trip',
        siteId,
        serviceId: 'travelling',
        rules: everyDay,
      })),
      { specialistId: 'rules-group', siteId: 'lek-school-2', serviceId: 'group', rules: everyDay },
      { specialistId: 'rules-cap', siteId: 'kp-teremok', serviceId: 'capped', rules: everyDay },
      ...['rules-mix-1', 'rules-mix-2'].flatMap((specialistId) =>
        [...both, 'rp-teremok'].map((siteId) => ({
          specialistId,
          siteId,
          serviceId: 'mixed',
          rules: everyDay,
        })),
      ),
    ],
    bookingRules: [
      { serviceId: 'limited', duration: 30, limits: { perDay: 6, perWeek: 10, perContact: 100 } },
      { serviceId: 'spaced', duration: 45, bufferAfter: 15, limits: { perContact: 100 } },
      { serviceId: 'travelling', duration: 45, limits: { perContact: 100 } },
      { serviceId: 'group', duration: 60, seats: 4, limits: { perDay: 1, perContact: 100 } },
      { serviceId: 'capped', duration: 30 },
      {
        serviceId: 'mixed',
        duration: 30,
        step: 15,
        bufferBefore: 5,
        bufferAfter: 10,
        limits: { perDay: 5, perWeek: 8, perContact: 100 },
      },
    ],
    travel: [
      { fromSiteId: 'kp-teremok', toSiteId: 'lek-school-2', minutes: 20 },
      { fromSiteId: 'rp-teremok', toSiteId: 'lek-school-2', minutes: 35 },
    ],
  });
}

const schedule = rulesSchedule();
const now = instant('2026-05-11T06:00:00Z');
const MINUTE = 60_000;

/** A slot of `minutes` from a Moscow wall-clock time `HH:mm` on `date`. */
function slot(
  specialistId: string,
  serviceId: string,
  siteId: string,
  date: string,
  time: string,
  minutes: number,
): SlotChoice {
  const start = Date.parse(`${date}T${time}:00+03:00`);
  return {
    specialistId,
    serviceId,
    siteId,
    start: instant(new Date(start)),
    end: instant(new Date(start + minutes * MINUTE)),
  };
}

/** A request for a slot with the slot's rules (as the server sends it), from parent `n`. */
function guarded(choice: SlotChoice, n: number, overrides: Partial<NewBooking> = {}): NewBooking {
  const guard = bookingGuardFor(schedule, choice);
  if (guard === undefined) throw new Error(`no guard for ${JSON.stringify(choice)}`);
  const rules = schedule.bookingRules.find((entry) => entry.serviceId === choice.serviceId);
  return {
    ...choice,
    seats: 1,
    capacity: rules?.seats ?? 1,
    childAge: 5,
    contact: { name: `Родитель ${n}`, email: `parent-${n}@example.org` },
    personalDataConsent: true,
    guard,
    ...overrides,
  };
}

interface Outcomes {
  readonly stored: CreatedBooking[];
  readonly reasons: string[];
}

/** Sends every request at once; what was stored and why the others were refused. */
async function allAtOnce(store: BookingStore, requests: readonly NewBooking[]): Promise<Outcomes> {
  const results = await Promise.allSettled(
    requests.map((request) => store.createBooking(NETWORK, request, now)),
  );
  const stored: CreatedBooking[] = [];
  const reasons: string[] = [];
  for (const result of results) {
    if (result.status === 'fulfilled') {
      stored.push(result.value);
    } else {
      // Every refusal is a conflict a person can read, never a raw database error.
      expect(result.reason).toBeInstanceOf(ConflictError);
      const error = result.reason as ConflictError;
      expect(error.text.ru.length).toBeGreaterThan(10);
      expect(error.text.en.length).toBeGreaterThan(10);
      reasons.push(error.reason);
    }
  }
  return { stored, reasons };
}

/** The specialist's sessions holding seats, as core reads busy time. */
async function sessionsOf(store: BookingStore, specialistId: string) {
  return store.busyIntervals(NETWORK, { from: undefined, to: undefined, specialistId });
}

/** The booking rules contract; `open` is called once for the whole suite. */
export function bookingRulesContract(
  engine: 'pglite' | 'postgres',
  open: () => Promise<BookingRulesTestBed>,
): void {
  describe(`booking rules kept by the database (${engine})`, () => {
    let bed: BookingRulesTestBed;
    let store: BookingStore;

    beforeAll(async () => {
      bed = await open();
      store = bed.store;
      await store.saveSchedule(schedule);
    });

    afterAll(async () => {
      await bed?.close();
    });

    test('a limit of 6 a day: of 20 requests at once for 20 free times, exactly 6 are stored', async () => {
      const requests = Array.from({ length: 20 }, (_, n) =>
        guarded(
          slot(
            'rules-psy',
            'limited',
            'kp-teremok',
            '2026-06-15',
            `${8 + Math.floor(n / 2)}:${n % 2 === 0 ? '00' : '30'}`.padStart(5, '0'),
            30,
          ),
          n,
        ),
      );
      const { stored, reasons } = await allAtOnce(store, requests);
      expect(stored).toHaveLength(6);
      expect(reasons).toEqual(Array.from({ length: 14 }, () => 'limit-per-day'));
      expect(await sessionsOf(store, 'rules-psy')).toHaveLength(6);
      // Another day of the same week is free again.
      const tuesday = guarded(
        slot('rules-psy', 'limited', 'kp-teremok', '2026-06-16', '10:00', 30),
        99,
      );
      await store.createBooking(NETWORK, tuesday, now);
    });

    test('a limit of 10 a week: of 20 requests at once over a week, exactly 10 are stored', async () => {
      // Monday 22 to Friday 26 June, four a day (the limit of 6 a day is not reached).
      const requests = Array.from({ length: 20 }, (_, n) =>
        guarded(
          slot(
            'rules-psy',
            'limited',
            'kp-teremok',
            `2026-06-${String(22 + (n % 5))}`,
            `${String(9 + Math.floor(n / 5)).padStart(2, '0')}:00`,
            30,
          ),
          n,
        ),
      );
      const { stored, reasons } = await allAtOnce(store, requests);
      expect(stored).toHaveLength(10);
      expect(reasons).toEqual(Array.from({ length: 10 }, () => 'limit-per-week'));
      const week = await store.busyIntervals(NETWORK, {
        from: instant('2026-06-21T21:00:00Z'),
        to: instant('2026-06-28T21:00:00Z'),
        specialistId: 'rules-psy',
      });
      expect(week).toHaveLength(10);
      // The next Monday starts a new week (in Moscow: from 21:00 UTC on Sunday).
      const monday = guarded(
        slot('rules-psy', 'limited', 'kp-teremok', '2026-06-29', '00:30', 30),
        98,
      );
      await store.createBooking(NETWORK, monday, now);
    });

    test('a buffer of 15 minutes: two consultations 5 minutes apart, 10 requests for each at once — one is stored', async () => {
      for (let round = 0; round < 5; round += 1) {
        const date = `2026-06-${String(15 + round)}`;
        const first = slot('rules-gap', 'spaced', 'kp-teremok', date, '09:00', 45);
        const second = slot('rules-gap', 'spaced', 'kp-teremok', date, '09:50', 45);
        const requests = Array.from({ length: 20 }, (_, n) =>
          guarded(n % 2 === 0 ? first : second, n),
        );
        const { stored, reasons } = await allAtOnce(store, requests);
        expect(stored, `round ${round}`).toHaveLength(1);
        expect(new Set(reasons)).toEqual(new Set(['overlap', 'too-close']));
        // 15 minutes after the first is fine.
        const stored1 = stored[0]?.booking;
        const after = slot(
          'rules-gap',
          'spaced',
          'kp-teremok',
          date,
          stored1?.start === first.start ? '10:00' : '10:50',
          45,
        );
        await store.createBooking(NETWORK, guarded(after, 50 + round), now);
      }
    });

    test('travel of 20 minutes between two sites: 10 minutes apart at two sites, 10 requests each at once — one is stored', async () => {
      for (let round = 0; round < 5; round += 1) {
        const date = `2026-06-${String(15 + round)}`;
        const here = slot('rules-trip', 'travelling', 'kp-teremok', date, '12:00', 45);
        const there = slot('rules-trip', 'travelling', 'lek-school-2', date, '12:55', 45);
        const requests = Array.from({ length: 20 }, (_, n) =>
          guarded(n % 2 === 0 ? here : there, n),
        );
        const { stored, reasons } = await allAtOnce(store, requests);
        expect(stored, `round ${round}`).toHaveLength(1);
        expect(new Set(reasons)).toEqual(new Set(['overlap', 'too-close']));
        // At the same site 10 minutes apart is fine: no travel.
        const winner = stored[0]?.booking;
        const sameSite =
          winner?.siteId === 'kp-teremok'
            ? slot('rules-trip', 'travelling', 'kp-teremok', date, '12:55', 45)
            : slot('rules-trip', 'travelling', 'lek-school-2', date, '12:00', 45);
        await store.createBooking(NETWORK, guarded(sameSite, 60 + round), now);
      }
      const sessions = await sessionsOf(store, 'rules-trip');
      expect(sessions).toHaveLength(10);
    });

    test('a group session joined adds none to the limit of one a day; another group that day is refused', async () => {
      const group = slot('rules-group', 'group', 'lek-school-2', '2026-06-17', '10:00', 60);
      const { stored, reasons } = await allAtOnce(
        store,
        Array.from({ length: 8 }, (_, n) => guarded(group, n)),
      );
      expect(stored).toHaveLength(4);
      expect(reasons).toEqual(Array.from({ length: 4 }, () => 'no-seats'));
      const later = slot('rules-group', 'group', 'lek-school-2', '2026-06-17', '15:00', 60);
      await expect(store.createBooking(NETWORK, guarded(later, 9), now)).rejects.toMatchObject({
        reason: 'limit-per-day',
      });
      // Once all four leave, the session holds no seats: the other time that day can be taken.
      for (const created of stored) {
        await store.cancelBooking(NETWORK, created.booking.id, created.cancelToken, now);
      }
      await store.createBooking(NETWORK, guarded(later, 9), now);
    });

    test('at most 3 active bookings of a service per parent, by phone or e-mail, even at once', async () => {
      const phones = ['8 912 345-67-00', '+7 (912) 345-67-00', '89123456700'];
      const requests = Array.from({ length: 10 }, (_, n) =>
        guarded(
          slot(
            'rules-cap',
            'capped',
            'kp-teremok',
            '2026-06-18',
            `${String(9 + n).padStart(2, '0')}:00`,
            30,
          ),
          n,
          {
            contact: { name: 'Анна', phone: phones[n % 3] ?? '' },
          },
        ),
      );
      const { stored, reasons } = await allAtOnce(store, requests);
      expect(stored).toHaveLength(3);
      expect(reasons).toEqual(Array.from({ length: 7 }, () => 'contact-limit'));
      // The same parent by e-mail (another case) and the phone: still her.
      const byEmail = (n: number, email: string, phone?: string) =>
        guarded(
          slot(
            'rules-cap',
            'capped',
            'kp-teremok',
            '2026-06-19',
            `${String(9 + n).padStart(2, '0')}:00`,
            30,
          ),
          n,
          {
            contact: { name: 'Анна', email, ...(phone !== undefined ? { phone } : {}) },
          },
        );
      await expect(
        store.createBooking(NETWORK, byEmail(1, 'x@example.org', '+79123456700'), now),
      ).rejects.toMatchObject({ reason: 'contact-limit' });
      // Another parent is not held back; a cancelled booking frees a place; a past one does not count.
      await store.createBooking(NETWORK, byEmail(2, 'Boris@Example.org'), now);
      await store.createBooking(NETWORK, byEmail(3, 'boris@example.org'), now);
      await store.createBooking(NETWORK, byEmail(4, 'BORIS@example.org'), now);
      await expect(
        store.createBooking(NETWORK, byEmail(5, 'boris@EXAMPLE.org'), now),
      ).rejects.toMatchObject({ reason: 'contact-limit' });
      const first = stored[0];
      if (first === undefined) throw new Error('none stored');
      await store.cancelBooking(NETWORK, first.booking.id, first.cancelToken, now);
      await store.createBooking(NETWORK, byEmail(6, 'z@example.org', '+79123456700'), now);
      // Made later than all of them: the bookings of 18 and 19 June have taken place.
      const afterwards = instant('2026-06-20T00:00:00Z');
      await store.createBooking(
        NETWORK,
        guarded(slot('rules-cap', 'capped', 'kp-teremok', '2026-06-22', '09:00', 30), 7, {
          contact: { name: 'Анна', phone: '+79123456700' },
        }),
        afterwards,
      );
    });

    test('an idempotency key: the same request again answers the same booking, another request is refused', async () => {
      const choice = slot('rules-gap', 'spaced', 'kp-teremok', '2026-06-25', '12:00', 45);
      const request = guarded(choice, 1, {
        idempotencyKey: 'attempt-0a1b2c',
        contact: { name: 'Анна', phone: '8 912 000-00-01' },
      });
      const first = await store.createBooking(NETWORK, request, now);
      expect(first.replayed).toBe(false);
      // The retry of a request whose answer was lost (the phone written another way is the
      // same phone).
      const again = await store.createBooking(
        NETWORK,
        { ...request, contact: { name: 'Анна', phone: '+7 912 000 00 01' } },
        instant('2026-05-11T06:00:05Z'),
      );
      expect(again).toMatchObject({ replayed: true, cancelToken: first.cancelToken });
      expect(again.booking).toStrictEqual(first.booking);
      expect(again.calendarToken).not.toBe(first.calendarToken);
      await expect(
        store.getBookingWithCalendarToken(NETWORK, first.booking.id, again.calendarToken),
      ).resolves.toMatchObject({ id: first.booking.id });
      // Another request with the same key.
      const other = await Promise.allSettled([
        store.createBooking(NETWORK, { ...request, childAge: 6 }, now),
      ]);
      expect(other[0]).toMatchObject({
        status: 'rejected',
        reason: { reason: 'idempotency-key-reused', text: { ru: expect.stringMatching(/ключ/) } },
      });
      // Ten copies of one new request at once: one booking, every answer the same.
      const copies = guarded(
        slot('rules-gap', 'spaced', 'kp-teremok', '2026-06-25', '14:00', 45),
        2,
        {
          idempotencyKey: '6f1c2a5e-8d3b-4c1e-9a7f-2b4d6e8f0a1c',
        },
      );
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => store.createBooking(NETWORK, copies, now)),
      );
      expect(new Set(answers.map((answer) => answer.booking.id)).size).toBe(1);
      expect(new Set(answers.map((answer) => answer.cancelToken)).size).toBe(1);
      expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
      const [row] = await bed.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM bookings WHERE idempotency_key = $1`,
        ['6f1c2a5e-8d3b-4c1e-9a7f-2b4d6e8f0a1c'],
      );
      expect(row?.n).toBe(1);
      // The same key in another network is another key.
      const [unique] = await bed.database.query<{ indexdef: string }>(
        `SELECT indexdef FROM pg_indexes WHERE indexname = 'bookings_idempotency'`,
      );
      expect(unique?.indexdef).toMatch(/UNIQUE.*\(network_id, idempotency_key\)/);
    });

    test('moves keep the limit too: four bookings moved at once into a day holding 5 of 6 — one moves (migration 0020)', async () => {
      const at = (date: string, time: string) =>
        slot('rules-psy', 'limited', 'kp-teremok', date, time, 30);
      const full = ['08:00', '08:30', '09:00', '09:30', '10:00'].map((time, n) =>
        guarded(at('2026-07-13', time), 200 + n),
      );
      const others = ['08:00', '08:30', '09:00', '09:30'].map((time, n) =>
        guarded(at('2026-07-14', time), 210 + n),
      );
      const { stored } = await allAtOnce(store, [...full, ...others]);
      expect(stored).toHaveLength(9);
      const moving = stored.slice(5);
      const targets = ['12:00', '12:30', '13:00', '13:30'].map((time) => at('2026-07-13', time));
      const results = await Promise.allSettled(
        moving.map(({ booking }, n) => {
          const target = targets[n] as SlotChoice;
          return store.moveBooking(
            NETWORK,
            booking.id,
            {
              start: target.start,
              end: target.end,
              capacity: 1,
              mover: { by: 'site' },
              guard: bookingGuardFor(schedule, target) as NonNullable<NewBooking['guard']>,
            },
            now,
          );
        }),
      );
      const moved = results.filter((result) => result.status === 'fulfilled');
      const refused = results.flatMap((result) =>
        result.status === 'rejected' ? [(result.reason as ConflictError).reason] : [],
      );
      expect(moved).toHaveLength(1);
      expect(refused).toEqual(['limit-per-day', 'limit-per-day', 'limit-per-day']);
      const sessions = await sessionsOf(store, 'rules-psy');
      const onMonday = sessions.filter(
        (busy) =>
          busy.start >= '2026-07-12T21:00:00.000Z' && busy.start < '2026-07-13T21:00:00.000Z',
      );
      expect(onMonday).toHaveLength(6);
    });

    test('the idempotency key and the request fingerprint are erased with the contact', async () => {
      const request = guarded(
        slot('rules-gap', 'spaced', 'kp-teremok', '2026-06-25', '17:00', 45),
        3,
        { idempotencyKey: 'erase-me-1', contact: { name: 'Вера', email: 'vera@example.org' } },
      );
      const created = await store.createBooking(NETWORK, request, now);
      const columns = async () =>
        (
          await bed.database.query<{
            idempotency_key: string | null;
            request_fingerprint: string | null;
          }>('SELECT idempotency_key, request_fingerprint FROM bookings WHERE id = $1', [
            created.booking.id,
          ])
        )[0];
      expect(await columns()).toEqual({
        idempotency_key: 'erase-me-1',
        request_fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(await store.erasePersonBookings(NETWORK, { email: 'vera@example.org' }, now)).toBe(1);
      expect(await columns()).toEqual({ idempotency_key: null, request_fingerprint: null });
    });

    test('a booking checked against an old revision of the schedule is refused', async () => {
      const known = await store.knownSchedule(NETWORK);
      expect(known.schedule).toStrictEqual(schedule);
      const choice = slot('rules-gap', 'spaced', 'kp-teremok', '2026-06-26', '12:00', 45);
      await store.saveSchedule(schedule);
      // This process saved it, but its memory still holds the revision read before.
      expect((await store.knownSchedule(NETWORK)).revision).toBe(known.revision);
      await expect(
        store.createBooking(NETWORK, guarded(choice, 1, { scheduleRevision: known.revision }), now),
      ).rejects.toMatchObject({ reason: 'schedule-changed' });
      const fresh = await store.knownSchedule(NETWORK, { fresh: true });
      expect(fresh.revision).toBe(known.revision + 1);
      const created = await store.createBooking(
        NETWORK,
        guarded(choice, 1, { scheduleRevision: fresh.revision }),
        now,
      );
      expect(created.booking.start).toBe(choice.start);
    });

    test('many requests at once over two specialists, three sites and two days: every rule holds, as core reads them', async () => {
      // A fixed pseudo-random mix (the same each run): 120 requests, most of them refused.
      let seed = 20_261_206;
      const next = (below: number) => {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        return seed % below;
      };
      const sites = [...both, 'rp-teremok'];
      const requests = Array.from({ length: 120 }, (_, n) => {
        const minutes = 8 * 60 + 15 * next(44);
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        return guarded(
          slot(
            `rules-mix-${1 + next(2)}`,
            'mixed',
            sites[next(3)] ?? 'kp-teremok',
            next(2) === 0 ? '2026-07-01' : '2026-07-02',
            time,
            30,
          ),
          n,
        );
      });
      const { stored, reasons } = await allAtOnce(store, requests);
      expect(stored.length).toBeGreaterThan(4);
      expect(new Set(reasons).size).toBeGreaterThan(1);
      for (const reason of reasons) {
        expect(['overlap', 'too-close', 'limit-per-day', 'limit-per-week']).toContain(reason);
      }
      // Each stored session is one core would still offer with all the others booked (asked
      // the day before, within the booking horizon).
      const dayBefore = instant('2026-06-30T06:00:00Z');
      const busy = [
        ...(await sessionsOf(store, 'rules-mix-1')),
        ...(await sessionsOf(store, 'rules-mix-2')),
      ];
      expect(busy).toHaveLength(stored.length);
      for (const session of busy) {
        const others = busy.filter((other) => other !== session);
        const offered = offeredSlot(
          schedule,
          { ...session, serviceId: session.serviceId ?? '', childAge: 5 },
          dayBefore,
          others,
        );
        expect(offered, JSON.stringify(session)).toBeDefined();
      }
    });
  });
}

export { allAtOnce, guarded, slot };
