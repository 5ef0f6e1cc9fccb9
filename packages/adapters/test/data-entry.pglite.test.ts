import { openPglite } from '../src/storage/database.js';
import { dataEntryStore } from '../src/storage/data-entry.js';
import { indicatorValueStore } from '../src/storage/indicator-values.js';
import { migrate } from '../src/storage/migrations.js';
import { dataEntryContract } from './data-entry-contract.js';

// One in-memory PGlite: the "other process" is a second store over it.
dataEntryContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  return {
    entry: dataEntryStore(database),
    another: dataEntryStore(database),
    values: indicatorValueStore(database),
    database,
    close: () => database.close(),
  };
});
