import { financingStore } from '../src/storage/financing.js';
import { openPostgres } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { financingRulesContract } from './financing-rules-contract.js';
import { usePostgresServer } from './postgres-server.js';

// One throwaway server for the file; the store's pool of 10 connections makes the 50
// applications really concurrent.
const postgres = usePostgresServer();

financingRulesContract('postgres', async () => {
  const database = await openPostgres(postgres.createDatabase('financing_rules'));
  await migrate(database);
  return { store: financingStore(database), database, close: () => database.close() };
});
