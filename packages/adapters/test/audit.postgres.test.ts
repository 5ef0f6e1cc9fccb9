import { afterAll, beforeAll } from 'vitest';
import { openPostgres } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { auditContract } from './audit-contract.js';
import { startPostgresServer, type PostgresServer } from './postgres-server.js';

// One throwaway server for the whole file.
let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgresServer();
});
afterAll(() => {
  server?.stop();
});

auditContract('postgres', async () => {
  const database = await openPostgres(server.createDatabase('audit_contract'));
  await migrate(database);
  return { database, close: () => database.close() };
});
