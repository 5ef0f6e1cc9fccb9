import { openPglite } from '../src/storage/database.js';
import { indicatorValueStore } from '../src/storage/indicator-values.js';
import { migrate } from '../src/storage/migrations.js';
import { indicatorValuesContract } from './indicator-values-contract.js';

// One in-memory PGlite: the "other process" is a second store over it.
indicatorValuesContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  return {
    values: indicatorValueStore(database),
    another: indicatorValueStore(database),
    database,
    close: () => database.close(),
  };
});
