import { openStorage } from '../src/storage/index.js';
import { mailContract } from './mail-contract.js';

// PGlite is one connection in one process: the second "process" is the same storage.
mailContract(
  'pglite',
  () => openStorage({ dataDir: 'memory://' }),
  async (first) => first,
);
