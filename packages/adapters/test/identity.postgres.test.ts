import { openStorage } from '../src/storage/index.js';
import { identityContract } from './identity-contract.js';
import { usePostgresServer } from './postgres-server.js';

const postgres = usePostgresServer();
let url = '';

identityContract(
  'postgres',
  async () => {
    url = postgres.createDatabase('identity');
    return openStorage({ databaseUrl: url });
  },
  () => openStorage({ databaseUrl: url }),
);
