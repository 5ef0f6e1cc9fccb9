import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../src/storage/database.js';
import { familyStore } from '../src/storage/family.js';
import { financingStore } from '../src/storage/financing.js';
import { migrate } from '../src/storage/migrations.js';
import { familyContract } from './family-contract.js';

// PGlite on disk: its data directory is an ordinary PostgreSQL data directory, searched for
// the erased application's bytes.
familyContract('pglite', async () => {
  const root = mkdtempSync(join(tmpdir(), 'eduset-family-'));
  const clusterDir = join(root, 'pglite');
  const database = await openPglite(clusterDir);
  await migrate(database);
  return {
    family: familyStore(database),
    financing: financingStore(database),
    database,
    clusterDir,
    async close() {
      await database.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
});
