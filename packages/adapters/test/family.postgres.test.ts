import { openPostgres } from '../src/storage/database.js';
import { familyStore } from '../src/storage/family.js';
import { financingStore } from '../src/storage/financing.js';
import { migrate } from '../src/storage/migrations.js';
import { familyContract } from './family-contract.js';
import { usePostgresServer } from './postgres-server.js';

// A server of its own: its pool makes the races (withdraw vs accept, eight confirmations)
// really concurrent, and every file under its `base/` belongs to this test.
const postgres = usePostgresServer();

familyContract('postgres', async () => {
  const database = await openPostgres(postgres.createDatabase('family_contract'));
  await migrate(database);
  return {
    family: familyStore(database),
    financing: financingStore(database),
    database,
    clusterDir: postgres.server.dataDir,
    close: () => database.close(),
  };
});
