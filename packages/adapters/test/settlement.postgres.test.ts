import { financingStore } from '../src/storage/financing.js';
import { openPostgres } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { settlementStore } from '../src/storage/settlement.js';
import { settlementContract } from './settlement-contract.js';
import { usePostgresServer } from './postgres-server.js';

// One throwaway server for the file; the pool's connections make the concurrent payers
// really concurrent.
const postgres = usePostgresServer();

settlementContract('postgres', async () => {
  const database = await openPostgres(postgres.createDatabase('settlement_contract'));
  await migrate(database);
  return {
    financing: financingStore(database),
    settlement: settlementStore(database),
    database,
    close: () => database.close(),
  };
});
