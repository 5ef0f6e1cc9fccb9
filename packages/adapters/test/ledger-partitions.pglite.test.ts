import { openPglite } from '../src/storage/database.js';
import { ledgerPartitionsContract } from './ledger-partitions-contract.js';

// One PGlite database is one connection: "another process" is the same database.
let last: Awaited<ReturnType<typeof openPglite>> | undefined;
ledgerPartitionsContract('pglite', {
  async open() {
    last = await openPglite('memory://');
    return last;
  },
  another() {
    if (last === undefined) throw new Error('open first');
    const database = last;
    return Promise.resolve({ ...database, close: () => Promise.resolve() });
  },
});
