import { bookingStore } from '../src/storage/bookings.js';
import { openPglite } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { writeNetwork } from '../src/storage/network-rows.js';
import { smallNetwork } from './fixtures/network.js';
import { schedulePublishContract } from './schedule-publish-contract.js';

schedulePublishContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  await database.transaction((session) => writeNetwork(session, smallNetwork()));
  return { store: bookingStore(database), close: () => database.close() };
});
