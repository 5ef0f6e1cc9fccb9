import { financingStore } from '../src/storage/financing.js';
import { openPglite } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { financingContract } from './financing-contract.js';

financingContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  return { store: financingStore(database), database, close: () => database.close() };
});
