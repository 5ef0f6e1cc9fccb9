import { instant } from '@eduset/core';
import { describe, expect, test } from 'vitest';
import { bookingStore } from '../src/storage/bookings.js';
import { openPglite } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { writeNetwork } from '../src/storage/network-rows.js';
import { openStorage } from '../src/storage/index.js';
import { bookingContract, testSchedule } from './bookings-contract.js';
import { smallNetwork } from './fixtures/network.js';

// One in-memory PGlite for the whole contract (opening PGlite takes seconds).
bookingContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  await database.transaction((session) => writeNetwork(session, smallNetwork()));
  return { store: bookingStore(database), database, close: () => database.close() };
});

describe('openStorage over PGlite', () => {
  test('the storage is also the booking store (btree_gist loaded, migration 0002 applied)', async () => {
    const storage = await openStorage({ dataDir: 'memory://' });
    try {
      await storage.saveNetwork(smallNetwork());
      await storage.saveSchedule(testSchedule());
      expect(await storage.loadSchedule('test-town')).toStrictEqual(testSchedule());
      const { booking } = await storage.createBooking(
        'test-town',
        {
          specialistId: 'psy-ivanova',
          siteId: 'kp-teremok',
          serviceId: 'speech',
          start: instant('2026-05-12T06:00:00Z'),
          end: instant('2026-05-12T06:45:00Z'),
          seats: 1,
          capacity: 1,
          childAge: 5,
          contact: { name: 'Анна', email: 'anna@example.org' },
          personalDataConsent: true,
        },
        instant('2026-05-11T06:00:00Z'),
      );
      expect(await storage.getBooking('test-town', booking.id)).toStrictEqual(booking);
      // Saving the network again (it replaces sites and specialists) keeps the bookings.
      await storage.saveNetwork(smallNetwork());
      expect(await storage.listBookings('test-town')).toStrictEqual([booking]);
    } finally {
      await storage.close();
    }
  });
});
