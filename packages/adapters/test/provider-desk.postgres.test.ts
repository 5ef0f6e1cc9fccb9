import { openPostgres } from '../src/storage/database.js';
import { financingStore } from '../src/storage/financing.js';
import { migrate } from '../src/storage/migrations.js';
import { providerDeskStore } from '../src/storage/provider-desk.js';
import { usePostgresServer } from './postgres-server.js';
import { providerDeskContract } from './provider-desk-contract.js';

const postgres = usePostgresServer();

// Two connection pools over one database: two server processes answering at once.
providerDeskContract('postgres', async () => {
  const url = postgres.createDatabase('provider_desk_contract');
  const database = await openPostgres(url);
  await migrate(database);
  const other = await openPostgres(url);
  return {
    financing: financingStore(database),
    desk: providerDeskStore(database),
    another: providerDeskStore(other),
    database,
    close: async () => {
      await other.close();
      await database.close();
    },
  };
});
