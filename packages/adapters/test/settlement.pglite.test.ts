import { financingStore } from '../src/storage/financing.js';
import { openPglite } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { settlementStore } from '../src/storage/settlement.js';
import { settlementContract } from './settlement-contract.js';

settlementContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  return {
    financing: financingStore(database),
    settlement: settlementStore(database),
    database,
    close: () => database.close(),
  };
});
