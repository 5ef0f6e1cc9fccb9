import { openPostgres } from '../src/storage/database.js';
import { inventoryStore } from '../src/storage/inventory.js';
import { migrate } from '../src/storage/migrations.js';
import { inventoryContract } from './inventory-contract.js';
import { usePostgresServer } from './postgres-server.js';

const postgres = usePostgresServer();

// Two connection pools over one database: two server processes answering at once.
inventoryContract('postgres', async () => {
  const url = postgres.createDatabase('inventory_contract');
  const database = await openPostgres(url);
  await migrate(database);
  const other = await openPostgres(url);
  return {
    store: inventoryStore(database),
    another: inventoryStore(other),
    database,
    close: async () => {
      await other.close();
      await database.close();
    },
  };
});
