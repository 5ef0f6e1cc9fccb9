import { openStorage } from '../src/storage/index.js';
import { staffMailContract } from './staff-mail-contract.js';
import { usePostgresServer } from './postgres-server.js';

const postgres = usePostgresServer();
let url = '';

staffMailContract(
  'postgres',
  async () => {
    url = postgres.createDatabase('staff_mail');
    return openStorage({ databaseUrl: url });
  },
  () => openStorage({ databaseUrl: url }),
);
