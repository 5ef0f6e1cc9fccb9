import { openPglite } from '../src/storage/database.js';
import { courseNetworkStore } from '../src/storage/course-network.js';
import { migrate } from '../src/storage/migrations.js';
import { courseNetworkContract } from './course-network-contract.js';

// One in-memory PGlite: the "other process" is a second store over it.
courseNetworkContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  return {
    store: courseNetworkStore(database),
    another: courseNetworkStore(database),
    close: () => database.close(),
  };
});
