import { openPglite } from '../src/storage/database.js';
import { financingStore } from '../src/storage/financing.js';
import { migrate } from '../src/storage/migrations.js';
import { programmeReviewStore } from '../src/storage/programme-reviews.js';
import { programmeReviewContract } from './programme-reviews-contract.js';

// One in-memory PGlite (one connection, one process): the "other process" is a second pair of
// stores over it, which PGlite runs one transaction at a time.
programmeReviewContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  return {
    financing: financingStore(database),
    reviews: programmeReviewStore(database),
    otherFinancing: financingStore(database),
    otherReviews: programmeReviewStore(database),
    database,
    close: () => database.close(),
  };
});
