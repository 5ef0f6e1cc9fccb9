import { openPostgres } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { auditContract } from './audit-contract.js';
import { usePostgresServer } from './postgres-server.js';

// One throwaway server for the whole file.
const postgres = usePostgresServer();

auditContract('postgres', async () => {
  const database = await openPostgres(postgres.createDatabase('audit_contract'));
  await migrate(database);
  return { database, close: () => database.close() };
});
