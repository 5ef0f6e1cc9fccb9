// Moving a booking and the site's cancellation (migration 0016), run against PGlite and a
// PostgreSQL server alike: the same id, the old seats given back and the new ones taken in one
// transaction, the database refusing a taken time — also to moves racing for the last seat.
import { randomBytes } from 'node:crypto';
import { ConflictError, instant, NotFoundError, ValidationError, type Instant } from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BookingStore, NewBooking } from '../src/storage/booking-store.js';
import type { Database } from '../src/storage/database.js';
import { hashLinkToken, linkTokens, type LinkTokens } from '../src/storage/link-tokens.js';
import { rejection } from './rejection.js';

/** What a run needs: the store under test over a database holding `smallNetwork()`. */
export interface MovesTestBed {
  readonly store: BookingStore;
  readonly database: Database;
  close(): Promise<void>;
}

const NETWORK = 'test-town';
const now = instant('2026-05-11T06:00:00Z');

function speech(start: string, overrides: Partial<NewBooking> = {}): NewBooking {
  const from = instant(start);
  return {
    specialistId: 'psy-ivanova',
    siteId: 'kp-teremok',
    serviceId: 'speech',
    start: from,
    end: instant(new Date(Date.parse(from) + 45 * 60_000)),
    seats: 1,
    capacity: 1,
    childAge: 4,
    contact: { name: 'Анна Смирнова', phone: '8 912 345-67-89' },
    personalDataConsent: true,
    ...overrides,
  };
}

function play(start: string, parent: number): NewBooking {
  const from = instant(start);
  return {
    specialistId: 'log-petrova',
    siteId: 'lek-school-2',
    serviceId: 'play',
    start: from,
    end: instant(new Date(Date.parse(from) + 60 * 60_000)),
    seats: 1,
    capacity: 8,
    childAge: 3,
    contact: { name: `Родитель ${parent}`, phone: `+7900100${String(parent).padStart(4, '0')}` },
    personalDataConsent: true,
  };
}

const at = (text: string): Instant => instant(text);
const plus = (start: Instant, minutes: number): Instant =>
  instant(new Date(Date.parse(start) + minutes * 60_000));

/** The moves contract; `open` is called once for the whole suite. */
export function bookingMovesContract(
  engine: 'pglite' | 'postgres',
  open: () => Promise<MovesTestBed>,
): void {
  describe(`moving and cancelling bookings on the site's side (${engine})`, () => {
    let bed: MovesTestBed;
    let store: BookingStore;
    let links: LinkTokens;

    beforeAll(async () => {
      bed = await open();
      store = bed.store;
      links = linkTokens(bed.database);
    });

    afterAll(async () => {
      await bed?.close();
    });

    /** The seats held per session start of a specialist, as the busy time reads them. */
    async function held(specialistId: string): Promise<Record<string, number>> {
      const busy = await store.busyIntervals(NETWORK, {
        from: undefined,
        to: undefined,
        specialistId,
      });
      return Object.fromEntries(busy.map((entry) => [entry.start, entry.seats]));
    }

    test('the parent moves her booking with the manage token: same id, new time, old time free', async () => {
      const { booking, cancelToken } = await store.createBooking(
        NETWORK,
        speech('2026-06-02T06:00:00Z'),
        now,
      );
      const later = at('2026-05-20T10:00:00Z');
      const target = { start: at('2026-06-04T07:00:00Z'), end: at('2026-06-04T07:45:00Z') };
      const moved = await store.moveBooking(
        NETWORK,
        booking.id,
        { ...target, capacity: 1, mover: { by: 'parent', token: cancelToken } },
        later,
      );
      expect(moved).toMatchObject({
        id: booking.id,
        status: 'confirmed',
        ...target,
        sequence: booking.sequence + 1,
        updatedAt: later,
        contact: booking.contact,
      });
      expect(moved.history.at(-1)).toEqual({
        from: 'confirmed',
        to: 'confirmed',
        at: later,
        by: 'parent',
        previous: { start: booking.start, end: booking.end },
      });
      expect(await store.getBooking(NETWORK, booking.id)).toStrictEqual(moved);
      // The same link still opens it.
      expect(await store.getBookingWithToken(NETWORK, booking.id, cancelToken)).toStrictEqual(
        moved,
      );
      expect(await held('psy-ivanova')).toEqual({ [target.start]: 1 });
      // The old time can be booked by someone else at once.
      const other = await store.createBooking(NETWORK, speech('2026-06-02T06:00:00Z'), later);
      expect(other.booking.start).toBe(booking.start);
      await store.cancelBookingBySite(NETWORK, other.booking.id, later);
      await store.cancelBookingBySite(NETWORK, booking.id, later);
    });

    test('a wrong token or an unknown booking moves nothing, and looks the same', async () => {
      const { booking } = await store.createBooking(NETWORK, speech('2026-06-09T06:00:00Z'), now);
      const target = { start: at('2026-06-11T06:00:00Z'), end: at('2026-06-11T06:45:00Z') };
      const wrong = await rejection(
        store.moveBooking(
          NETWORK,
          booking.id,
          { ...target, capacity: 1, mover: { by: 'parent', token: 'AAAAAAAAAAAAAAAAAAAAAA' } },
          now,
        ),
      );
      const unknown = await rejection(
        store.moveBooking(
          NETWORK,
          'no-such-booking',
          { ...target, capacity: 1, mover: { by: 'site' } },
          now,
        ),
      );
      expect(wrong).toBeInstanceOf(NotFoundError);
      expect(unknown).toBeInstanceOf(NotFoundError);
      expect(await store.getBooking(NETWORK, booking.id)).toStrictEqual(booking);
      await expect(
        store.moveBooking(
          'other-network',
          booking.id,
          { ...target, capacity: 1, mover: { by: 'site' } },
          now,
        ),
      ).rejects.toBeInstanceOf(NotFoundError);
      await store.cancelBookingBySite(NETWORK, booking.id, now);
    });

    test('the site moves a booking with a reason; the history says who and why', async () => {
      const { booking } = await store.createBooking(NETWORK, speech('2026-06-16T06:00:00Z'), now);
      const moved = await store.moveBooking(
        NETWORK,
        booking.id,
        {
          start: at('2026-06-16T08:00:00Z'),
          end: at('2026-06-16T08:45:00Z'),
          capacity: 1,
          mover: { by: 'site', reason: '  Специалист на курсах  ' },
        },
        now,
      );
      expect(moved.history.at(-1)).toMatchObject({
        by: 'site',
        reason: 'Специалист на курсах',
        previous: { start: booking.start },
      });
      await store.cancelBookingBySite(NETWORK, booking.id, now);
    });

    test('a move onto a taken time is refused and keeps the old time held; a move overlapping its own old time is not', async () => {
      const first = await store.createBooking(NETWORK, speech('2026-06-23T06:00:00Z'), now);
      const second = await store.createBooking(NETWORK, speech('2026-06-23T07:00:00Z'), now);
      const onto = await rejection(
        store.moveBooking(
          NETWORK,
          first.booking.id,
          {
            start: at('2026-06-23T07:15:00Z'),
            end: at('2026-06-23T08:00:00Z'),
            capacity: 1,
            mover: { by: 'parent', token: first.cancelToken },
          },
          now,
        ),
      );
      expect(onto).toBeInstanceOf(ConflictError);
      expect(onto).toMatchObject({ reason: 'overlap' });
      expect(await store.getBooking(NETWORK, first.booking.id)).toStrictEqual(first.booking);
      expect(await held('psy-ivanova')).toMatchObject({
        [first.booking.start]: 1,
        [second.booking.start]: 1,
      });
      // Fifteen minutes later: it overlaps only its own old time, which is given back first.
      const shifted = await store.moveBooking(
        NETWORK,
        first.booking.id,
        {
          start: plus(first.booking.start, 15),
          end: plus(first.booking.end, 15),
          capacity: 1,
          mover: { by: 'parent', token: first.cancelToken },
        },
        now,
      );
      expect(shifted.start).toBe(plus(first.booking.start, 15));
      const seats = await held('psy-ivanova');
      expect(seats[first.booking.start]).toBeUndefined();
      expect(seats[shifted.start]).toBe(1);
      // The same time again is not a move.
      await expect(
        store.moveBooking(
          NETWORK,
          first.booking.id,
          { start: shifted.start, end: shifted.end, capacity: 1, mover: { by: 'site' } },
          now,
        ),
      ).rejects.toBeInstanceOf(ValidationError);
      for (const id of [first.booking.id, second.booking.id]) {
        await store.cancelBookingBySite(NETWORK, id, now);
      }
    });

    test('a group session: a move joins one with a free seat and is refused by a full one', async () => {
      const source = await store.createBooking(NETWORK, play('2026-06-03T07:00:00Z', 1), now);
      for (let parent = 2; parent <= 8; parent += 1) {
        await store.createBooking(NETWORK, play('2026-06-03T09:00:00Z', parent), now);
      }
      const full = await store.createBooking(NETWORK, play('2026-06-03T09:00:00Z', 9), now);
      expect(full.booking.seats).toBe(1);
      // The 09:00 group now holds 8 of 8.
      const refused = await rejection(
        store.moveBooking(
          NETWORK,
          source.booking.id,
          {
            start: at('2026-06-03T09:00:00Z'),
            end: at('2026-06-03T10:00:00Z'),
            capacity: 8,
            mover: { by: 'parent', token: source.cancelToken },
          },
          now,
        ),
      );
      expect(refused).toMatchObject({ _tag: 'ConflictError', reason: 'no-seats' });
      await store.cancelBookingBySite(NETWORK, full.booking.id, now, 'Группа переполнена');
      const joined = await store.moveBooking(
        NETWORK,
        source.booking.id,
        {
          start: at('2026-06-03T09:00:00Z'),
          end: at('2026-06-03T10:00:00Z'),
          capacity: 8,
          mover: { by: 'parent', token: source.cancelToken },
        },
        now,
      );
      expect(joined.start).toBe(at('2026-06-03T09:00:00Z'));
      expect(await held('log-petrova')).toEqual({ [at('2026-06-03T09:00:00Z')]: 8 });
    });

    test('only an active, unchanged booking moves', async () => {
      const { booking, cancelToken } = await store.createBooking(
        NETWORK,
        speech('2026-06-30T06:00:00Z'),
        now,
      );
      const target = {
        start: at('2026-06-30T09:00:00Z'),
        end: at('2026-06-30T09:45:00Z'),
        capacity: 1,
      };
      const stale = await rejection(
        store.moveBooking(
          NETWORK,
          booking.id,
          { ...target, mover: { by: 'site' }, expectedSequence: booking.sequence - 1 },
          now,
        ),
      );
      expect(stale).toMatchObject({ _tag: 'ConflictError', reason: 'changed' });
      await store.cancelBooking(NETWORK, booking.id, cancelToken, now);
      const cancelled = await rejection(
        store.moveBooking(
          NETWORK,
          booking.id,
          { ...target, mover: { by: 'parent', token: cancelToken } },
          now,
        ),
      );
      expect(cancelled).toMatchObject({ _tag: 'ConflictError', reason: 'illegal-transition' });
      expect(await held('psy-ivanova')).not.toHaveProperty(target.start);
    });

    test("the site's cancellation: cancelled-by-site with the reason, seats free, once", async () => {
      const { booking } = await store.createBooking(NETWORK, speech('2026-07-02T06:00:00Z'), now);
      const later = at('2026-05-12T08:00:00Z');
      const cancelled = await store.cancelBookingBySite(
        NETWORK,
        booking.id,
        later,
        'Специалист заболел',
      );
      expect(cancelled).toMatchObject({ id: booking.id, status: 'cancelled-by-site' });
      expect(cancelled.history.at(-1)).toEqual({
        from: 'confirmed',
        to: 'cancelled-by-site',
        at: later,
        by: 'site',
        reason: 'Специалист заболел',
      });
      expect(await store.getBooking(NETWORK, booking.id)).toStrictEqual(cancelled);
      expect(await held('psy-ivanova')).not.toHaveProperty(booking.start);
      await expect(store.cancelBookingBySite(NETWORK, booking.id, later)).rejects.toMatchObject({
        _tag: 'ConflictError',
        reason: 'illegal-transition',
      });
      await expect(store.cancelBookingBySite(NETWORK, 'missing', later)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    test('the derived manage token opens a booking whose stored token was drawn at random', async () => {
      const { booking, cancelToken } = await store.createBooking(
        NETWORK,
        speech('2026-07-07T06:00:00Z'),
        now,
      );
      const derived = await links.token('manage', booking.id);
      expect(cancelToken).toBe(derived);
      // A booking made before migration 0013: its stored hash is of a random token.
      const random = randomBytes(16).toString('base64url');
      await bed.database.query('UPDATE bookings SET cancel_token_hash = $2 WHERE id = $1', [
        booking.id,
        hashLinkToken(random),
      ]);
      for (const token of [random, derived]) {
        expect((await store.getBookingWithToken(NETWORK, booking.id, token)).id).toBe(booking.id);
      }
      const moved = await store.moveBooking(
        NETWORK,
        booking.id,
        {
          start: at('2026-07-07T08:00:00Z'),
          end: at('2026-07-07T08:45:00Z'),
          capacity: 1,
          mover: { by: 'parent', token: derived },
        },
        now,
      );
      expect((await store.cancelBooking(NETWORK, booking.id, random, now)).status).toBe(
        'cancelled-by-parent',
      );
      expect(moved.sequence).toBe(booking.sequence + 1);
      // The survey link's token opens nothing here.
      await expect(
        store.getBookingWithToken(NETWORK, booking.id, await links.token('survey', booking.id)),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    test('two moves into the last seat of a group at once: exactly one wins', async () => {
      const target = { start: at('2026-07-08T09:00:00Z'), end: at('2026-07-08T10:00:00Z') };
      for (let parent = 20; parent < 27; parent += 1) {
        await store.createBooking(NETWORK, play(target.start, parent), now);
      }
      const movers = [
        await store.createBooking(NETWORK, play('2026-07-08T07:00:00Z', 30), now),
        await store.createBooking(NETWORK, play('2026-07-08T07:00:00Z', 31), now),
      ];
      const results = await Promise.allSettled(
        movers.map(({ booking, cancelToken }) =>
          store.moveBooking(
            NETWORK,
            booking.id,
            { ...target, capacity: 8, mover: { by: 'parent', token: cancelToken } },
            now,
          ),
        ),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const [lost] = results.flatMap((result) =>
        result.status === 'rejected' ? [result.reason] : [],
      );
      expect(lost).toMatchObject({ _tag: 'ConflictError', reason: 'no-seats' });
      const seats = await held('log-petrova');
      expect(seats[target.start]).toBe(8);
      expect(seats[at('2026-07-08T07:00:00Z')]).toBe(1);
    });

    test('ten bookings moved into one free individual slot at once: exactly one wins, the others keep their time', async () => {
      const target = { start: at('2026-07-09T12:00:00Z'), end: at('2026-07-09T12:45:00Z') };
      const created = [];
      for (let i = 0; i < 10; i += 1) {
        created.push(
          await store.createBooking(
            NETWORK,
            speech(plus(at('2026-07-09T06:00:00Z'), i * 30).toString(), {
              // Half at another site: the specialist is one person wherever she receives.
              ...(i % 2 === 0 ? {} : { siteId: 'rp-teremok' }),
              end: plus(at('2026-07-09T06:00:00Z'), i * 30 + 25),
            }),
            now,
          ),
        );
      }
      const results = await Promise.allSettled(
        created.map(({ booking, cancelToken }) =>
          store.moveBooking(
            NETWORK,
            booking.id,
            { ...target, capacity: 1, mover: { by: 'parent', token: cancelToken } },
            now,
          ),
        ),
      );
      const won = results.flatMap((result) =>
        result.status === 'fulfilled' ? [result.value] : [],
      );
      expect(won).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') {
          expect(result.reason).toMatchObject({ _tag: 'ConflictError', reason: 'overlap' });
        }
      }
      const seats = await held('psy-ivanova');
      expect(seats[target.start]).toBe(1);
      // Every loser still holds its own time; the winner's old time is free.
      const loserStarts = created
        .map(({ booking }) => booking)
        .filter((booking) => booking.id !== won[0]?.id)
        .map((booking) => booking.start);
      for (const start of loserStarts) expect(seats[start]).toBe(1);
      expect(Object.keys(seats).filter((start) => start.startsWith('2026-07-09'))).toHaveLength(10);
    });
  });
}
