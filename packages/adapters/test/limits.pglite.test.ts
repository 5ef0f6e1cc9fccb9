import { openStorage } from '../src/storage/index.js';
import { limitsContract } from './limits-contract.js';

// PGlite is one connection in one process: the second "process" is the same storage.
limitsContract(
  'pglite',
  () => openStorage({ dataDir: 'memory://' }),
  async (first) => first,
);
