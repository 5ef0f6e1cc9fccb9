import { certificateRegistryStore } from '../src/storage/certificate-registry.js';
import { openPostgres } from '../src/storage/database.js';
import { financingParametersStore } from '../src/storage/financing-parameters.js';
import { financingStore } from '../src/storage/financing.js';
import { migrate } from '../src/storage/migrations.js';
import { certificateRegistryContract } from './certificate-registry-contract.js';
import { usePostgresServer } from './postgres-server.js';

// One throwaway server for the file; the pool of 10 connections makes the conversions, moves
// and version saves really concurrent.
const postgres = usePostgresServer();

certificateRegistryContract('postgres', async () => {
  const database = await openPostgres(postgres.createDatabase('certificate_registry'));
  await migrate(database);
  return {
    registry: certificateRegistryStore(database),
    parameters: financingParametersStore(database),
    financing: financingStore(database),
    database,
    close: () => database.close(),
  };
});
