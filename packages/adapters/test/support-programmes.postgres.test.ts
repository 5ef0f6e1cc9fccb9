import { openPostgres } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { schoolProfileStore } from '../src/storage/school-profiles.js';
import { supportProgrammeStore } from '../src/storage/support-programmes.js';
import { supportProgrammesContract } from './support-programmes-contract.js';
import { usePostgresServer } from './postgres-server.js';

const postgres = usePostgresServer();

// Two connection pools over one database: two server processes at once.
supportProgrammesContract('postgres', async () => {
  const url = postgres.createDatabase('support_programmes_contract');
  const database = await openPostgres(url);
  await migrate(database);
  const other = await openPostgres(url);
  return {
    schools: schoolProfileStore(database),
    support: supportProgrammeStore(database),
    another: supportProgrammeStore(other),
    close: async () => {
      await other.close();
      await database.close();
    },
  };
});
