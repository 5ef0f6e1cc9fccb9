import { afterAll, beforeAll } from 'vitest';
import { openStorage } from '../src/storage/index.js';
import { limitsContract } from './limits-contract.js';
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

limitsContract(
  'postgres',
  async () => {
    databases += 1;
    url = server.createDatabase(`limits_${databases}`);
    return openStorage({ databaseUrl: url });
  },
  () => openStorage({ databaseUrl: url }),
);
