import { bookingStore } from '../src/storage/bookings.js';
import { openPglite } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { writeNetwork } from '../src/storage/network-rows.js';
import { bookingMovesContract } from './booking-moves-contract.js';
import { smallNetwork } from './fixtures/network.js';

// One in-memory PGlite for the whole contract (it runs one transaction at a time).
bookingMovesContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  await database.transaction((session) => writeNetwork(session, smallNetwork()));
  return { store: bookingStore(database), database, close: () => database.close() };
});
