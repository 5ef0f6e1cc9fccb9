import { openStorage } from '../src/storage/index.js';
import { mailContract } from './mail-contract.js';
import { usePostgresServer } from './postgres-server.js';

const postgres = usePostgresServer();
let url = '';

mailContract(
  'postgres',
  async () => {
    url = postgres.createDatabase('mail');
    return openStorage({ databaseUrl: url });
  },
  () => openStorage({ databaseUrl: url }),
);
