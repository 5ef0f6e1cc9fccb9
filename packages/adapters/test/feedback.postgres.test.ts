import { bookingStore } from '../src/storage/bookings.js';
import { openPostgres } from '../src/storage/database.js';
import { feedbackStore } from '../src/storage/feedback.js';
import { migrate } from '../src/storage/migrations.js';
import { writeNetwork } from '../src/storage/network-rows.js';
import { feedbackContract } from './feedback-contract.js';
import { smallNetwork } from './fixtures/network.js';
import { usePostgresServer } from './postgres-server.js';

const postgres = usePostgresServer();

// Two connection pools over one database: two server processes answering at once.
feedbackContract('postgres', async () => {
  const url = postgres.createDatabase('feedback_contract');
  const database = await openPostgres(url);
  await migrate(database);
  await database.transaction((session) => writeNetwork(session, smallNetwork()));
  const other = await openPostgres(url);
  return {
    bookings: bookingStore(database),
    feedback: feedbackStore(database),
    another: feedbackStore(other),
    database,
    close: async () => {
      await other.close();
      await database.close();
    },
  };
});
