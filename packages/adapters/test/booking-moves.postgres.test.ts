import { bookingStore } from '../src/storage/bookings.js';
import { openPostgres } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { writeNetwork } from '../src/storage/network-rows.js';
import { bookingMovesContract } from './booking-moves-contract.js';
import { smallNetwork } from './fixtures/network.js';
import { usePostgresServer } from './postgres-server.js';

// A throwaway server; the store's pool runs concurrent moves really side by side.
const postgres = usePostgresServer();

bookingMovesContract('postgres', async () => {
  const database = await openPostgres(postgres.createDatabase('booking_moves'));
  await migrate(database);
  await database.transaction((session) => writeNetwork(session, smallNetwork()));
  return { store: bookingStore(database), database, close: () => database.close() };
});
