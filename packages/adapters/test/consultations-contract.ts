// What the staff agenda's storage must do (migration 0017), run against PGlite and a
// PostgreSQL server alike: attendance, the parent's note, private consultation notes, and
// their erasure with the parent's contact.
import { ConflictError, instant, NotFoundError, ValidationError, type Booking } from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Storage } from '../src/storage/index.js';
import { smallNetwork } from './fixtures/network.js';

/** What a consultation contract run needs: a fresh storage, and how to close it. */
export interface ConsultationTestBed {
  readonly storage: Storage;
  close(): Promise<void>;
}

const NETWORK = 'test-town';
const made = instant('2026-05-11T06:00:00Z');
const lebedeva = { accountId: 'acc-lebedeva', name: 'Лебедева А. С.' };
const coordinator = { accountId: 'acc-coordinator', name: 'Координатор службы' };

/** Runs the consultation contract on the storage `open` gives (a network is saved here). */
export function consultationContract(engine: string, open: () => Promise<ConsultationTestBed>) {
  describe(`consultations of the staff agenda (${engine})`, () => {
    let bed: ConsultationTestBed;
    let storage: Storage;
    let slot = 0;

    /** A new confirmed booking on its own hour of 12 May 2026. */
    async function book(phone = '+79120000001'): Promise<Booking> {
      slot += 1;
      const start = new Date(Date.UTC(2026, 4, 12, 0, 0) + slot * 60 * 60_000);
      const { booking } = await storage.createBooking(
        NETWORK,
        {
          specialistId: 'psy-ivanova',
          siteId: 'kp-teremok',
          serviceId: 'speech',
          start: instant(start),
          end: instant(new Date(start.getTime() + 45 * 60_000)),
          seats: 1,
          capacity: 1,
          childAge: 4,
          contact: { name: 'Анна Смирнова', phone },
          personalDataConsent: true,
        },
        made,
      );
      return booking;
    }

    beforeAll(async () => {
      bed = await open();
      storage = bed.storage;
      await storage.saveNetwork(smallNetwork());
    });
    afterAll(async () => {
      await bed?.close();
    });

    test('the parent’s note is stored with the booking and read back with it', async () => {
      const booking = await book();
      expect(booking.note).toBeUndefined();
      await storage.consultations.setParentNote(NETWORK, booking.id, 'Ребёнок стесняется');
      expect((await storage.getBooking(NETWORK, booking.id)).note).toBe('Ребёнок стесняется');
      const [listed] = (await storage.listBookings(NETWORK)).filter((b) => b.id === booking.id);
      expect(listed?.note).toBe('Ребёнок стесняется');
      await storage.consultations.setParentNote(NETWORK, booking.id, undefined);
      expect((await storage.getBooking(NETWORK, booking.id)).note).toBeUndefined();
    });

    test('a too long parent’s note or one with NUL is refused; an unknown booking is not found', async () => {
      const booking = await book();
      await expect(
        storage.consultations.setParentNote(NETWORK, booking.id, 'я'.repeat(501)),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(
        storage.consultations.setParentNote(NETWORK, booking.id, 'a\u0000'),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(
        storage.consultations.setParentNote(NETWORK, 'no-such-booking', 'x'),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        storage.consultations.setParentNote('other-town', booking.id, 'x'),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    test('attendance: attended or no-show by the site, once, not before the start', async () => {
      const attended = await book();
      const missed = await book();
      await expect(
        storage.consultations.recordAttendance(NETWORK, attended.id, 'attended', made),
      ).rejects.toMatchObject({ _tag: 'ConflictError', reason: 'not-started' });
      const marked = await storage.consultations.recordAttendance(
        NETWORK,
        attended.id,
        'attended',
        attended.start,
      );
      expect(marked.status).toBe('attended');
      expect(marked.history.at(-1)).toMatchObject({
        from: 'confirmed',
        to: 'attended',
        by: 'site',
      });
      expect(marked.sequence).toBe(attended.sequence + 1);
      expect(await storage.getBooking(NETWORK, attended.id)).toStrictEqual(marked);
      const noShow = await storage.consultations.recordAttendance(
        NETWORK,
        missed.id,
        'no-show',
        missed.end,
      );
      expect(noShow.status).toBe('no-show');
      // Final: marking again is refused, whatever the outcome.
      const again = await storage.consultations
        .recordAttendance(NETWORK, attended.id, 'no-show', attended.end)
        .catch((error: unknown) => error);
      expect(again).toBeInstanceOf(ConflictError);
      expect(again).toMatchObject({ reason: 'illegal-transition' });
      await expect(
        storage.consultations.recordAttendance(NETWORK, 'no-such-booking', 'attended', made),
      ).rejects.toBeInstanceOf(NotFoundError);
      // The time stays held: the busy time still has both sessions.
      const busy = await storage.busyIntervals(NETWORK, { from: attended.start, to: missed.end });
      expect(busy).toHaveLength(2);
    });

    test('two processes marking one consultation at once: one wins, the other is refused', async () => {
      const booking = await book();
      const results = await Promise.allSettled([
        storage.consultations.recordAttendance(NETWORK, booking.id, 'attended', booking.end),
        storage.consultations.recordAttendance(NETWORK, booking.id, 'no-show', booking.end),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const stored = await storage.getBooking(NETWORK, booking.id);
      expect(stored.history.filter((entry) => entry.by === 'site')).toHaveLength(1);
    });

    test('a private note: written, read, rewritten by another, listed without text, deleted', async () => {
      const booking = await book();
      const other = await book();
      expect(await storage.consultations.readNote(NETWORK, booking.id)).toBeUndefined();
      const first = await storage.consultations.writeNote(
        NETWORK,
        booking.id,
        '  Повторить через месяц  ',
        lebedeva,
        instant('2026-05-12T08:00:00Z'),
      );
      expect(first).toEqual({
        bookingId: booking.id,
        text: 'Повторить через месяц',
        authorAccountId: 'acc-lebedeva',
        authorName: 'Лебедева А. С.',
        createdAt: '2026-05-12T08:00:00.000Z',
        updatedAt: '2026-05-12T08:00:00.000Z',
      });
      expect(await storage.consultations.readNote(NETWORK, booking.id)).toEqual(first);
      const second = await storage.consultations.writeNote(
        NETWORK,
        booking.id,
        'Повторить через две недели',
        coordinator,
        instant('2026-05-12T09:00:00Z'),
      );
      expect(second).toMatchObject({
        text: 'Повторить через две недели',
        authorName: 'Координатор службы',
        createdAt: '2026-05-12T08:00:00.000Z',
        updatedAt: '2026-05-12T09:00:00.000Z',
      });
      // Another network never sees it.
      expect(await storage.consultations.readNote('other-town', booking.id)).toBeUndefined();
      expect([
        ...(await storage.consultations.notedBookings(NETWORK, [booking.id, other.id, 'x'])),
      ]).toEqual([booking.id]);
      expect((await storage.consultations.notedBookings(NETWORK, [])).size).toBe(0);
      // The booking itself carries no private note.
      expect(JSON.stringify(await storage.getBooking(NETWORK, booking.id))).not.toContain(
        'две недели',
      );
      expect(
        await storage.consultations.writeNote(NETWORK, booking.id, '   ', lebedeva, made),
      ).toBeUndefined();
      expect(await storage.consultations.readNote(NETWORK, booking.id)).toBeUndefined();
    });

    test('a note on an unknown booking, too long or with NUL is refused', async () => {
      const booking = await book();
      await expect(
        storage.consultations.writeNote(NETWORK, 'no-such-booking', 'x', lebedeva, made),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        storage.consultations.writeNote('other-town', booking.id, 'x', lebedeva, made),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        storage.consultations.writeNote(NETWORK, booking.id, 'я'.repeat(4001), lebedeva, made),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(
        storage.consultations.writeNote(NETWORK, booking.id, 'a\u0000b', lebedeva, made),
      ).rejects.toBeInstanceOf(ValidationError);
    });

    test('erasing the parent’s contact erases her note and the private note too', async () => {
      const phone = '+79125550017';
      const booking = await book(phone);
      await storage.consultations.setParentNote(NETWORK, booking.id, 'Секрет родителя');
      await storage.consultations.writeNote(
        NETWORK,
        booking.id,
        'Секрет специалиста',
        lebedeva,
        made,
      );
      expect(
        await storage.erasePersonBookings(NETWORK, { phone }, instant('2026-05-13T00:00:00Z')),
      ).toBe(1);
      const erased = await storage.getBooking(NETWORK, booking.id);
      expect(erased.contactErased).toBe(true);
      expect(erased.note).toBeUndefined();
      expect(await storage.consultations.readNote(NETWORK, booking.id)).toBeUndefined();
      // No new note on an erased booking, and no parent's note either.
      await expect(
        storage.consultations.writeNote(NETWORK, booking.id, 'снова', lebedeva, made),
      ).rejects.toMatchObject({ _tag: 'ConflictError', reason: 'contact-erased' });
      await expect(
        storage.consultations.setParentNote(NETWORK, booking.id, 'снова'),
      ).rejects.toBeInstanceOf(NotFoundError);
      await storage.compactAfterErasure();
    });

    test('erasure after the retention period also erases the notes', async () => {
      const booking = await book('+79125550018');
      await storage.consultations.setParentNote(NETWORK, booking.id, 'Сказать про логопеда');
      await storage.consultations.writeNote(NETWORK, booking.id, 'Итог встречи', lebedeva, made);
      await storage.erasePersonalData(
        instant('2026-05-13T00:00:00Z'),
        instant('2026-05-13T00:00:00Z'),
      );
      expect((await storage.getBooking(NETWORK, booking.id)).note).toBeUndefined();
      expect(await storage.consultations.readNote(NETWORK, booking.id)).toBeUndefined();
    });
  });
}
