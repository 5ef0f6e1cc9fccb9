import { openPglite } from '../src/storage/database.js';
import { financingStore } from '../src/storage/financing.js';
import { migrate } from '../src/storage/migrations.js';
import { providerDeskStore } from '../src/storage/provider-desk.js';
import { providerDeskContract } from './provider-desk-contract.js';

// One in-memory PGlite (one connection, one process): the "other process" is a second store
// over it, which PGlite runs one transaction at a time.
providerDeskContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  return {
    financing: financingStore(database),
    desk: providerDeskStore(database),
    another: providerDeskStore(database),
    database,
    close: () => database.close(),
  };
});
