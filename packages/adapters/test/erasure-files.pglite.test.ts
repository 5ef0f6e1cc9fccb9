import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bookingStore } from '../src/storage/bookings.js';
import { openPglite } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { writeNetwork } from '../src/storage/network-rows.js';
import { erasureFilesContract } from './erasure-files-contract.js';
import { smallNetwork } from './fixtures/network.js';

// PGlite on disk: its data directory is an ordinary PostgreSQL data directory.
erasureFilesContract('pglite', async () => {
  const root = mkdtempSync(join(tmpdir(), 'eduset-erasure-'));
  const clusterDir = join(root, 'pglite');
  const database = await openPglite(clusterDir);
  await migrate(database);
  await database.transaction((session) => writeNetwork(session, smallNetwork()));
  return {
    store: bookingStore(database),
    database,
    clusterDir,
    async close() {
      await database.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
});
