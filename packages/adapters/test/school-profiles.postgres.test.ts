import { openPostgres } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { schoolProfileStore } from '../src/storage/school-profiles.js';
import { schoolProfilesContract } from './school-profiles-contract.js';
import { usePostgresServer } from './postgres-server.js';

const postgres = usePostgresServer();

// Two connection pools over one database: two server processes at once.
schoolProfilesContract('postgres', async () => {
  const url = postgres.createDatabase('school_profiles_contract');
  const database = await openPostgres(url);
  await migrate(database);
  const other = await openPostgres(url);
  return {
    schools: schoolProfileStore(database),
    another: schoolProfileStore(other),
    close: async () => {
      await other.close();
      await database.close();
    },
  };
});
