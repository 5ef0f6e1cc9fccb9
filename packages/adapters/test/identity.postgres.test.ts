import { afterAll, beforeAll } from 'vitest';
import { openStorage } from '../src/storage/index.js';
import { identityContract } from './identity-contract.js';
import { startPostgresServer, type PostgresServer } from './postgres-server.js';

let server: PostgresServer;
let url = '';
let databases = 0;
beforeAll(async () => {
  server = await startPostgresServer();
});
afterAll(() => {
  server?.stop();
});

identityContract(
  'postgres',
  async () => {
    databases += 1;
    url = server.createDatabase(`identity_${databases}`);
    return openStorage({ databaseUrl: url });
  },
  () => openStorage({ databaseUrl: url }),
);
