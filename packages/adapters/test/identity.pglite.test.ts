import { openStorage } from '../src/storage/index.js';
import { identityContract } from './identity-contract.js';

// PGlite is one connection in one process: the second "process" is the same storage.
identityContract(
  'pglite',
  () => openStorage({ dataDir: 'memory://' }),
  async (first) => first,
);
