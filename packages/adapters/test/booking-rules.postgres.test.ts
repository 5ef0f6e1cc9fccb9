import { instant } from '@eduset/core';
import { describe, expect, test } from 'vitest';
import { bookingStore } from '../src/storage/bookings.js';
import { openPostgres } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { writeNetwork } from '../src/storage/network-rows.js';
import { openStorage } from '../src/storage/index.js';
import { bookingRulesContract, guarded, rulesSchedule, slot } from './booking-rules-contract.js';
import { smallNetwork } from './fixtures/network.js';
import { usePostgresServer } from './postgres-server.js';

// One throwaway server for the whole file; each group of tests gets its own database. The
// store's pool has 10 connections, so requests sent at once really run side by side.
const postgres = usePostgresServer();

bookingRulesContract('postgres', async () => {
  const database = await openPostgres(postgres.createDatabase('booking_rules'));
  await migrate(database);
  await database.transaction((session) => writeNetwork(session, smallNetwork()));
  return { store: bookingStore(database), database, close: () => database.close() };
});

describe('booking rules across two storages over one database (two server processes)', () => {
  test('a limit of 6 a day and travel between two sites hold with requests split between the two', async () => {
    const url = postgres.createDatabase('booking_rules_two');
    const [a, b] = await Promise.all([
      openStorage({ databaseUrl: url }),
      openStorage({ databaseUrl: url }),
    ]);
    try {
      await a.saveNetwork(smallNetwork());
      await b.saveSchedule(rulesSchedule());
      const now = instant('2026-05-11T06:00:00Z');
      const send = (requests: ReturnType<typeof guarded>[]) =>
        Promise.allSettled(
          requests.map((request, n) =>
            (n % 2 === 0 ? a : b).createBooking('test-town', request, now),
          ),
        );
      const daily = await send(
        Array.from({ length: 20 }, (_, n) =>
          guarded(
            slot(
              'rules-psy',
              'limited',
              'kp-teremok',
              '2026-06-15',
              `${String(8 + Math.floor(n / 2)).padStart(2, '0')}:${n % 2 === 0 ? '00' : '30'}`,
              30,
            ),
            n,
          ),
        ),
      );
      expect(daily.filter((result) => result.status === 'fulfilled')).toHaveLength(6);
      expect(
        daily.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : [])),
      ).toEqual(
        Array.from({ length: 14 }, () => expect.objectContaining({ reason: 'limit-per-day' })),
      );
      for (let round = 0; round < 20; round += 1) {
        const date = `2026-07-${String(1 + round).padStart(2, '0')}`;
        const here = slot('rules-trip', 'travelling', 'kp-teremok', date, '12:00', 45);
        const there = slot('rules-trip', 'travelling', 'lek-school-2', date, '12:55', 45);
        const trips = await send(
          Array.from({ length: 10 }, (_, n) => guarded(n % 2 === 0 ? here : there, n)),
        );
        expect(
          trips.filter((result) => result.status === 'fulfilled'),
          `round ${round}`,
        ).toHaveLength(1);
      }
      expect(
        await a.busyIntervals('test-town', {
          from: undefined,
          to: undefined,
          specialistId: 'rules-trip',
        }),
      ).toHaveLength(20);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
