import { openPostgres } from '../src/storage/database.js';
import { dataEntryStore } from '../src/storage/data-entry.js';
import { indicatorValueStore } from '../src/storage/indicator-values.js';
import { migrate } from '../src/storage/migrations.js';
import { dataEntryContract } from './data-entry-contract.js';
import { usePostgresServer } from './postgres-server.js';

const postgres = usePostgresServer();

// Two connection pools over one database: two server processes taking steps at once.
dataEntryContract('postgres', async () => {
  const url = postgres.createDatabase('data_entry_contract');
  const database = await openPostgres(url);
  await migrate(database);
  const other = await openPostgres(url);
  return {
    entry: dataEntryStore(database),
    another: dataEntryStore(other),
    values: indicatorValueStore(database),
    database,
    close: async () => {
      await other.close();
      await database.close();
    },
  };
});
