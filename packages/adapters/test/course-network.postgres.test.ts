import { openPostgres } from '../src/storage/database.js';
import { courseNetworkStore } from '../src/storage/course-network.js';
import { migrate } from '../src/storage/migrations.js';
import { courseNetworkContract } from './course-network-contract.js';
import { usePostgresServer } from './postgres-server.js';

const postgres = usePostgresServer();

// Two connection pools over one database: two server processes publishing at once.
courseNetworkContract('postgres', async () => {
  const url = postgres.createDatabase('course_network_contract');
  const database = await openPostgres(url);
  await migrate(database);
  const other = await openPostgres(url);
  return {
    store: courseNetworkStore(database),
    another: courseNetworkStore(other),
    close: async () => {
      await other.close();
      await database.close();
    },
  };
});
