import { openPostgres } from '../src/storage/database.js';
import { indicatorValueStore } from '../src/storage/indicator-values.js';
import { migrate } from '../src/storage/migrations.js';
import { indicatorValuesContract } from './indicator-values-contract.js';
import { usePostgresServer } from './postgres-server.js';

const postgres = usePostgresServer();

// Two connection pools over one database: two server processes importing at once.
indicatorValuesContract('postgres', async () => {
  const url = postgres.createDatabase('indicator_values_contract');
  const database = await openPostgres(url);
  await migrate(database);
  const other = await openPostgres(url);
  return {
    values: indicatorValueStore(database),
    another: indicatorValueStore(other),
    database,
    close: async () => {
      await other.close();
      await database.close();
    },
  };
});
