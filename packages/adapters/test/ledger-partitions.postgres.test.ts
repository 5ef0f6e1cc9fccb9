import { openPostgres } from '../src/storage/database.js';
import { ledgerPartitionsContract } from './ledger-partitions-contract.js';
import { usePostgresServer } from './postgres-server.js';

const postgres = usePostgresServer();
let url = '';

ledgerPartitionsContract('postgres', {
  open() {
    url = postgres.createDatabase('ledger_partitions');
    return openPostgres(url);
  },
  another: () => openPostgres(url),
});
