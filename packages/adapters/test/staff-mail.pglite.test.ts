import { openStorage } from '../src/storage/index.js';
import { staffMailContract } from './staff-mail-contract.js';

// PGlite is one connection in one process: the second "process" is the same storage.
staffMailContract(
  'pglite',
  () => openStorage({ dataDir: 'memory://' }),
  async (first) => first,
);
