import { bookingStore } from '../src/storage/bookings.js';
import { openPostgres } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { writeNetwork } from '../src/storage/network-rows.js';
import { smallNetwork } from './fixtures/network.js';
import { usePostgresServer } from './postgres-server.js';
import { schedulePublishContract } from './schedule-publish-contract.js';

const postgres = usePostgresServer();

// The pool runs the three simultaneous publishes on three connections.
schedulePublishContract('postgres', async () => {
  const database = await openPostgres(postgres.createDatabase('schedule_publish'));
  await migrate(database);
  await database.transaction((session) => writeNetwork(session, smallNetwork()));
  return { store: bookingStore(database), close: () => database.close() };
});
