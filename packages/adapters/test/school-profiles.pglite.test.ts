import { openPglite } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { schoolProfileStore } from '../src/storage/school-profiles.js';
import { schoolProfilesContract } from './school-profiles-contract.js';

// One in-memory PGlite: the "other process" is a second store over it.
schoolProfilesContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  return {
    schools: schoolProfileStore(database),
    another: schoolProfileStore(database),
    close: () => database.close(),
  };
});
