import { instant } from '@eduset/core';
import { describe, expect, test } from 'vitest';
import { bookingStore } from '../src/storage/bookings.js';
import { openPostgres } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { writeNetwork } from '../src/storage/network-rows.js';
import { openStorage } from '../src/storage/index.js';
import { bookingContract, testSchedule } from './bookings-contract.js';
import { smallNetwork } from './fixtures/network.js';
import { usePostgresServer } from './postgres-server.js';

// One throwaway server for the whole file; each group of tests gets its own database.
const postgres = usePostgresServer();

// The store's pool has 10 connections, so concurrent requests really run in parallel.
bookingContract('postgres', async () => {
  const database = await openPostgres(postgres.createDatabase('bookings_contract'));
  await migrate(database);
  await database.transaction((session) => writeNetwork(session, smallNetwork()));
  return { store: bookingStore(database), database, close: () => database.close() };
});

describe('the PostgreSQL pool', () => {
  test('a statement the server refuses keeps its connection (no new backend per refusal)', async () => {
    const database = await openPostgres(postgres.createDatabase('pool_refusals'));
    try {
      const backend = async () =>
        (await database.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]?.pid;
      const first = await backend();
      for (let i = 0; i < 3; i += 1) {
        await expect(database.query('SELECT 1 / $1::int', [0])).rejects.toMatchObject({
          code: '22012',
        });
      }
      // The pool hands out its most recently returned connection: still the same backend.
      expect(await backend()).toBe(first);
    } finally {
      await database.close();
    }
  });

  test('a prepared statement is parsed once per connection, and a refusal keeps it', async () => {
    const database = await openPostgres(postgres.createDatabase('pool_prepared'));
    const prepared = { prepared: 'eduset_test_divide' };
    const sql = 'SELECT 12 / $1::int AS n';
    try {
      // Many at once: several connections, each preparing it for itself.
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          database.query<{ n: number }>(sql, [1 + (i % 3)], prepared),
        ),
      );
      expect(answers.map((rows) => rows[0]?.n)).toEqual(
        Array.from({ length: 40 }, (_, i) => 12 / (1 + (i % 3))),
      );
      await expect(database.query(sql, [0], prepared)).rejects.toMatchObject({ code: '22012' });
      expect(await database.query(sql, [4], prepared)).toEqual([{ n: 3 }]);
      // On one connection it is one prepared statement of that SQL, whatever the calls.
      const statements = await database.transaction(async (session) => {
        await session.query(sql, [2], prepared);
        await session.query(sql, [3], prepared);
        return session.query<{ statement: string }>(
          'SELECT statement FROM pg_prepared_statements WHERE name = $1',
          [prepared.prepared],
        );
      });
      expect(statements).toEqual([{ statement: sql }]);
    } finally {
      await database.close();
    }
  });
});

describe('openStorage over PostgreSQL', () => {
  test('two storages over one database (two server processes): overlapping requests, one wins', async () => {
    const url = postgres.createDatabase('bookings_two');
    const [a, b] = await Promise.all([
      openStorage({ databaseUrl: url }),
      openStorage({ databaseUrl: url }),
    ]);
    try {
      await a.saveNetwork(smallNetwork());
      await b.saveSchedule(testSchedule());
      expect(await a.loadSchedule('test-town')).toStrictEqual(testSchedule());
      const at = (start: string, end: string, siteId: string) => ({
        specialistId: 'psy-ivanova',
        siteId,
        serviceId: 'speech',
        start: instant(start),
        end: instant(end),
        seats: 1,
        capacity: 1,
        childAge: 5,
        contact: { name: 'Анна', email: 'anna@example.org' },
        personalDataConsent: true as const,
      });
      const now = instant('2026-05-11T06:00:00Z');
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 === 0 ? a : b).createBooking(
            'test-town',
            i % 2 === 0
              ? at('2026-05-12T06:00:00Z', '2026-05-12T06:45:00Z', 'kp-teremok')
              : at('2026-05-12T06:30:00Z', '2026-05-12T07:15:00Z', 'rp-teremok'),
            now,
          ),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(
        results.filter((r) => r.status === 'rejected').map((r) => r.reason as unknown),
      ).toEqual(Array.from({ length: 9 }, () => expect.objectContaining({ reason: 'overlap' })));
      expect(await a.listBookings('test-town')).toEqual(await b.listBookings('test-town'));
      expect(await b.busyIntervals('test-town', { from: undefined, to: undefined })).toHaveLength(
        1,
      );
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
