import { openStorage } from '../src/storage/index.js';
import { limitsContract } from './limits-contract.js';
import { usePostgresServer } from './postgres-server.js';

const postgres = usePostgresServer();
let url = '';

limitsContract(
  'postgres',
  async () => {
    url = postgres.createDatabase('limits');
    return openStorage({ databaseUrl: url });
  },
  () => openStorage({ databaseUrl: url }),
);
