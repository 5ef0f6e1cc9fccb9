import { openStorage } from '../src/storage/index.js';
import { consultationContract } from './consultations-contract.js';
import { usePostgresServer } from './postgres-server.js';

// One throwaway server for the whole file.
const postgres = usePostgresServer();

consultationContract('postgres', async () => {
  const storage = await openStorage({ databaseUrl: postgres.createDatabase('consultations') });
  return { storage, close: () => storage.close() };
});
