import { openPglite } from '../src/storage/database.js';
import { inventoryStore } from '../src/storage/inventory.js';
import { migrate } from '../src/storage/migrations.js';
import { inventoryContract } from './inventory-contract.js';

// One in-memory PGlite: the "other process" is a second store over it.
inventoryContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  return {
    store: inventoryStore(database),
    another: inventoryStore(database),
    database,
    close: () => database.close(),
  };
});
