import { bookingStore } from '../src/storage/bookings.js';
import { openPglite } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { writeNetwork } from '../src/storage/network-rows.js';
import { bookingRulesContract } from './booking-rules-contract.js';
import { smallNetwork } from './fixtures/network.js';

// One in-memory PGlite for the whole contract: requests sent at once reach it in one statement
// (the store gathers them), the set-based way of migration 0014 with the rest one by one.
bookingRulesContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  await database.transaction((session) => writeNetwork(session, smallNetwork()));
  return { store: bookingStore(database), database, close: () => database.close() };
});
