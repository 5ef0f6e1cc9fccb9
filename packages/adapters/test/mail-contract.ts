// The outbox of messages to parents and the booking requests awaiting e-mail confirmation
// (migration 0015), on either engine: the sweep sees each change of a booking with an e-mail
// once, a dedupe key enqueues once, a claim holds a message until its lease passes, two
// storages over one database (two server processes) never claim the same message, and the
// requests are taken once, confirmed once, purged and erased.
import { createNetwork, instant, type Instant } from '@eduset/core';
import { describe, expect, test } from 'vitest';
import type { NewBooking, NewMail, Storage, SweptBooking } from '../src/storage/index.js';
import { smallNetworkInput } from './fixtures/network.js';
import { testSchedule } from './bookings-contract.js';

const NETWORK = 'test-town';
const at = (iso: string): Instant => instant(iso);
const now = at('2026-05-11T06:00:00.000Z');
const plus = (base: Instant, ms: number): Instant => instant(new Date(Date.parse(base) + ms));

function request(hour: number, contact: NewBooking['contact']): NewBooking {
  const start = at(`2026-05-12T${String(hour).padStart(2, '0')}:00:00.000Z`);
  return {
    specialistId: 'psy-ivanova',
    siteId: 'kp-teremok',
    serviceId: 'speech',
    start,
    end: plus(start, 45 * 60_000),
    seats: 1,
    capacity: 1,
    childAge: 4,
    contact,
    personalDataConsent: true,
  };
}

async function seeded(storage: Storage): Promise<Storage> {
  await storage.saveNetwork(createNetwork(smallNetworkInput));
  await storage.saveSchedule(testSchedule());
  return storage;
}

/** A confirmation per new booking, a change message per later sequence. */
function plan(swept: readonly SweptBooking[]): NewMail[] {
  return swept.map(({ networkId, booking, mailedSequence }) =>
    mailedSequence === null
      ? {
          kind: 'confirmation' as const,
          dedupeKey: `confirmation:${booking.id}`,
          networkId,
          bookingId: booking.id,
          dueAt: now,
        }
      : {
          kind: 'change' as const,
          dedupeKey: `change:${booking.id}:${booking.sequence}`,
          networkId,
          bookingId: booking.id,
          bookingSequence: booking.sequence,
          previous: { start: booking.start, end: booking.end },
          dueAt: now,
        },
  );
}

function reminder(bookingId: string, index: number, dueAt: Instant = now): NewMail {
  return {
    kind: 'reminder',
    dedupeKey: `reminder:${bookingId}:${index}`,
    networkId: NETWORK,
    bookingId,
    consultationStart: at('2026-05-12T06:00:00.000Z'),
    dueAt,
  };
}

export function mailContract(
  engine: string,
  open: () => Promise<Storage>,
  openAnother: (first: Storage) => Promise<Storage>,
): void {
  describe(`mail outbox (${engine})`, () => {
    test('the sweep sees each change of a booking with an e-mail once, and never one without', async () => {
      const storage = await seeded(await open());
      try {
        const { booking: withEmail } = await storage.createBooking(
          NETWORK,
          request(6, { name: 'Анна', email: 'anna@example.org' }),
          now,
        );
        await storage.createBooking(
          NETWORK,
          request(8, { name: 'Борис', phone: '+79123456789' }),
          now,
        );
        const seen: SweptBooking[] = [];
        const sweep = () =>
          storage.mail.sweepBookings(
            10,
            (swept) => {
              seen.push(...swept);
              return plan(swept);
            },
            now,
          );
        expect(await sweep()).toBe(1);
        expect(seen.map((entry) => [entry.booking.id, entry.mailedSequence])).toEqual([
          [withEmail.id, null],
        ]);
        expect(await sweep()).toBe(0);
        // The parent cancels: the booking is seen again, from the sequence already mailed.
        const token = await storage.links.token('manage', withEmail.id);
        const cancelled = await storage.cancelBooking(
          NETWORK,
          withEmail.id,
          token,
          plus(now, 60_000),
        );
        expect(await sweep()).toBe(1);
        expect(seen[1]).toMatchObject({
          mailedSequence: 1,
          booking: { sequence: cancelled.sequence },
        });
        const listed = await storage.mail.list({ bookingId: withEmail.id });
        expect(listed.map((record) => [record.kind, record.state, record.dedupeKey])).toEqual([
          ['confirmation', 'pending', `confirmation:${withEmail.id}`],
          ['change', 'pending', `change:${withEmail.id}:2`],
        ]);
        expect(listed[1]?.bookingSequence).toBe(2);
        // An erased contact leaves the sweep for good.
        await storage.erasePersonBookings(
          NETWORK,
          { email: 'anna@example.org' },
          plus(now, 120_000),
        );
        expect(await sweep()).toBe(0);
      } finally {
        await storage.close();
      }
    });

    test('a dedupe key enqueues once; a claim holds a message until its lease passes', async () => {
      const storage = await seeded(await open());
      try {
        const { booking } = await storage.createBooking(
          NETWORK,
          request(6, { name: 'Анна', email: 'anna@example.org' }),
          now,
        );
        expect(await storage.mail.enqueue([reminder(booking.id, 1)], now)).toBe(1);
        expect(await storage.mail.enqueue([reminder(booking.id, 1)], now)).toBe(0);
        // Not due yet: nothing to claim.
        expect(
          await storage.mail.enqueue([reminder(booking.id, 2, plus(now, 3_600_000))], now),
        ).toBe(1);
        const [first, ...none] = await storage.mail.claim({ now, limit: 10, leaseMs: 60_000 });
        expect(none).toEqual([]);
        expect(first).toMatchObject({ dedupeKey: `reminder:${booking.id}:1`, attempts: 1 });
        expect(first?.booking?.contact.email).toBe('anna@example.org');
        if (first === undefined) throw new Error('nothing claimed');
        // Under the claim: nobody else takes it.
        expect(
          await storage.mail.claim({ now: plus(now, 59_000), limit: 10, leaseMs: 60_000 }),
        ).toEqual([]);
        // The claimant died: after the lease another claim takes it, and the old claim is void.
        const [again] = await storage.mail.claim({
          now: plus(now, 60_000),
          limit: 10,
          leaseMs: 60_000,
        });
        expect(again).toMatchObject({ id: first.id, attempts: 2 });
        if (again === undefined) throw new Error('not claimed again');
        expect(
          await storage.mail.finish(
            first,
            { state: 'sent', messageId: '<old>' },
            plus(now, 61_000),
          ),
        ).toBe(false);
        expect(
          await storage.mail.finish(
            again,
            { state: 'sent', messageId: '<new>' },
            plus(now, 61_000),
          ),
        ).toBe(true);
        expect(
          await storage.mail.finish(
            again,
            { state: 'sent', messageId: '<twice>' },
            plus(now, 62_000),
          ),
        ).toBe(false);
        const [sent] = await storage.mail.list({ bookingId: booking.id });
        expect(sent).toMatchObject({ state: 'sent', messageId: '<new>', attempts: 2 });
        expect(sent?.finishedAt).toBe(plus(now, 61_000));
        expect(await storage.mail.counts()).toEqual({ pending: 1, sent: 1, skipped: 0, failed: 0 });
      } finally {
        await storage.close();
      }
    });

    test('a retry waits until its time; a released claim is free at once; a failure is final', async () => {
      const storage = await seeded(await open());
      try {
        const { booking } = await storage.createBooking(
          NETWORK,
          request(6, { name: 'Анна', email: 'anna@example.org' }),
          now,
        );
        await storage.mail.enqueue([reminder(booking.id, 1), reminder(booking.id, 2)], now);
        const claimed = await storage.mail.claim({ now, limit: 10, leaseMs: 600_000 });
        expect(claimed).toHaveLength(2);
        const [one, two] = claimed;
        if (one === undefined || two === undefined) throw new Error('not claimed');
        await storage.mail.finish(
          one,
          { state: 'retry', error: '421', retryAt: plus(now, 30_000) },
          now,
        );
        expect(await storage.mail.release([two])).toBe(1);
        const free = await storage.mail.claim({
          now: plus(now, 1_000),
          limit: 10,
          leaseMs: 600_000,
        });
        expect(free.map((message) => [message.id, message.attempts])).toEqual([[two.id, 1]]);
        const [freed] = free;
        if (freed === undefined) throw new Error('not claimed');
        await storage.mail.finish(
          freed,
          { state: 'skipped', reason: 'cancelled' },
          plus(now, 2_000),
        );
        const retried = await storage.mail.claim({
          now: plus(now, 30_000),
          limit: 10,
          leaseMs: 600_000,
        });
        expect(retried.map((message) => [message.id, message.attempts])).toEqual([[one.id, 2]]);
        const [retry] = retried;
        if (retry === undefined) throw new Error('not retried');
        await storage.mail.finish(retry, { state: 'failed', error: '550' }, plus(now, 31_000));
        expect(
          await storage.mail.claim({ now: plus(now, 3_600_000), limit: 10, leaseMs: 1 }),
        ).toEqual([]);
        const records = await storage.mail.list({ bookingId: booking.id });
        expect(records.map((record) => [record.state, record.outcome])).toEqual([
          ['failed', '550'],
          ['skipped', 'cancelled'],
        ]);
      } finally {
        await storage.close();
      }
    });

    test('two storages over one database claiming at once never take the same message', async () => {
      const first = await seeded(await open());
      const second = await openAnother(first);
      try {
        const { booking } = await first.createBooking(
          NETWORK,
          request(6, { name: 'Анна', email: 'anna@example.org' }),
          now,
        );
        const total = 120;
        await first.mail.enqueue(
          Array.from({ length: total }, (_, index) => reminder(booking.id, index)),
          now,
        );
        const taken: string[] = [];
        const drain = async (storage: Storage) => {
          for (;;) {
            const claimed = await storage.mail.claim({ now, limit: 7, leaseMs: 600_000 });
            if (claimed.length === 0) return;
            for (const message of claimed) {
              taken.push(message.dedupeKey);
              expect(
                await storage.mail.finish(message, { state: 'sent', messageId: message.id }, now),
              ).toBe(true);
            }
          }
        };
        await Promise.all([drain(first), drain(second), drain(first), drain(second)]);
        expect(taken).toHaveLength(total);
        expect(new Set(taken).size).toBe(total);
        expect((await first.mail.counts()).sent).toBe(total);
      } finally {
        if (second !== first) await second.close();
        await first.close();
      }
    });

    test('a booking request is taken once, confirmed once, then purged; erasure removes it', async () => {
      const storage = await seeded(await open());
      try {
        const asked = {
          ...request(6, { name: 'Анна', email: 'anna@example.org' }),
          contact: { name: 'Анна', email: 'anna@example.org' },
        };
        const stored = await storage.mail.storeRequest(NETWORK, asked, now, plus(now, 7_200_000));
        expect(stored.request.contact.email).toBe('anna@example.org');
        const [message] = await storage.mail.list({ requestId: stored.id });
        expect(message).toMatchObject({
          kind: 'confirm-request',
          dedupeKey: `confirm-request:${stored.id}`,
        });
        const [claimed] = await storage.mail.claim({ now, limit: 5, leaseMs: 60_000 });
        expect(claimed?.request?.request.start).toBe(asked.start);

        const taken = await storage.mail.takeRequest(NETWORK, stored.id, now, 30_000);
        expect(taken.state).toBe('taken');
        expect((await storage.mail.takeRequest(NETWORK, stored.id, now, 30_000)).state).toBe(
          'busy',
        );
        expect((await storage.mail.takeRequest('other', stored.id, now, 30_000)).state).toBe(
          'gone',
        );
        const { booking } = await storage.createBooking(NETWORK, stored.request, now);
        await storage.mail.confirmRequest(stored.id, booking.id);
        expect(await storage.mail.takeRequest(NETWORK, stored.id, now, 30_000)).toEqual({
          state: 'confirmed',
          bookingId: booking.id,
        });
        expect(await storage.mail.purge(plus(now, 7_199_000), now)).toEqual({
          requests: 0,
          messages: 0,
        });
        expect(await storage.mail.purge(plus(now, 7_200_000), now)).toEqual({
          requests: 1,
          messages: 0,
        });
        expect((await storage.mail.takeRequest(NETWORK, stored.id, now, 30_000)).state).toBe(
          'gone',
        );

        // Expired before anyone confirmed it: gone.
        const late = await storage.mail.storeRequest(NETWORK, asked, now, plus(now, 60_000));
        expect(
          (await storage.mail.takeRequest(NETWORK, late.id, plus(now, 60_000), 30_000)).state,
        ).toBe('gone');
        // Her erasure request removes a request still waiting.
        const waiting = await storage.mail.storeRequest(NETWORK, asked, now, plus(now, 7_200_000));
        await storage.erasePersonBookings(NETWORK, { email: 'ANNA@example.org' }, plus(now, 1_000));
        expect((await storage.mail.takeRequest(NETWORK, waiting.id, now, 30_000)).state).toBe(
          'gone',
        );
      } finally {
        await storage.close();
      }
    });
  });
}
