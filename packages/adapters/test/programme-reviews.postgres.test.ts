import { openPostgres } from '../src/storage/database.js';
import { financingStore } from '../src/storage/financing.js';
import { migrate } from '../src/storage/migrations.js';
import { programmeReviewStore } from '../src/storage/programme-reviews.js';
import { programmeReviewContract } from './programme-reviews-contract.js';
import { usePostgresServer } from './postgres-server.js';

const postgres = usePostgresServer();

// Two connection pools over one database: two server processes answering at once.
programmeReviewContract('postgres', async () => {
  const url = postgres.createDatabase('programme_reviews_contract');
  const database = await openPostgres(url);
  await migrate(database);
  const other = await openPostgres(url);
  return {
    financing: financingStore(database),
    reviews: programmeReviewStore(database),
    otherFinancing: financingStore(other),
    otherReviews: programmeReviewStore(other),
    database,
    close: async () => {
      await other.close();
      await database.close();
    },
  };
});
