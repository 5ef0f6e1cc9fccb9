import { openStorage } from '../src/storage/index.js';
import { consultationContract } from './consultations-contract.js';

consultationContract('pglite', async () => {
  const storage = await openStorage({ dataDir: 'memory://' });
  return { storage, close: () => storage.close() };
});
