import { bookingStore } from '../src/storage/bookings.js';
import { openPglite } from '../src/storage/database.js';
import { feedbackStore } from '../src/storage/feedback.js';
import { migrate } from '../src/storage/migrations.js';
import { writeNetwork } from '../src/storage/network-rows.js';
import { feedbackContract } from './feedback-contract.js';
import { smallNetwork } from './fixtures/network.js';

// One in-memory PGlite (one connection, one process): the "other process" is a second store
// over it, which PGlite runs one transaction at a time.
feedbackContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  await database.transaction((session) => writeNetwork(session, smallNetwork()));
  return {
    bookings: bookingStore(database),
    feedback: feedbackStore(database),
    another: feedbackStore(database),
    database,
    close: () => database.close(),
  };
});
