import { certificateRegistryStore } from '../src/storage/certificate-registry.js';
import { openPglite } from '../src/storage/database.js';
import { financingParametersStore } from '../src/storage/financing-parameters.js';
import { financingStore } from '../src/storage/financing.js';
import { migrate } from '../src/storage/migrations.js';
import { certificateRegistryContract } from './certificate-registry-contract.js';

certificateRegistryContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  return {
    registry: certificateRegistryStore(database),
    parameters: financingParametersStore(database),
    financing: financingStore(database),
    database,
    close: () => database.close(),
  };
});
