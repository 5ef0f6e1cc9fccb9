import { bookingStore } from '../src/storage/bookings.js';
import { openPostgres } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { writeNetwork } from '../src/storage/network-rows.js';
import { erasureFilesContract } from './erasure-files-contract.js';
import { smallNetwork } from './fixtures/network.js';
import { usePostgresServer } from './postgres-server.js';

// A server of its own: every file under its `base/` belongs to this test.
const postgres = usePostgresServer();

erasureFilesContract('postgres', async () => {
  const database = await openPostgres(postgres.createDatabase('erasure_files'));
  await migrate(database);
  await database.transaction((session) => writeNetwork(session, smallNetwork()));
  return {
    store: bookingStore(database),
    database,
    clusterDir: postgres.server.dataDir,
    close: () => database.close(),
  };
});
