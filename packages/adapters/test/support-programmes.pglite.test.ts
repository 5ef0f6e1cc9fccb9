import { openPglite } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { schoolProfileStore } from '../src/storage/school-profiles.js';
import { supportProgrammeStore } from '../src/storage/support-programmes.js';
import { supportProgrammesContract } from './support-programmes-contract.js';

// One in-memory PGlite: the "other process" is a second store over it.
supportProgrammesContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  return {
    schools: schoolProfileStore(database),
    support: supportProgrammeStore(database),
    another: supportProgrammeStore(database),
    close: () => database.close(),
  };
});
