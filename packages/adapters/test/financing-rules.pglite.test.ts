import { financingStore } from '../src/storage/financing.js';
import { openPglite } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { financingRulesContract } from './financing-rules-contract.js';

financingRulesContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  return { store: financingStore(database), database, close: () => database.close() };
});
