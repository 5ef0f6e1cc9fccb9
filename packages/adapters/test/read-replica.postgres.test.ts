// The morning's reads on a streaming replica (issue 15 §4): a primary and a hot standby on
// loopback (pg_basebackup -R), the storage opened over both. The navigator's registry and the
// balance checks come from the replica; a read given the primary's position after a write
// waits for nothing — it goes to the primary until the replica has replayed that far.
// Replication is paused on the standby (pg_wal_replay_pause) to make the replica visibly behind.
import {
  activateCertificate,
  certificateGroupSchema,
  issueCertificate,
  ledgerEntry,
} from '@eduset/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStorage, type Storage } from '../src/storage/index.js';
import { testRegistry } from './financing-contract.js';
import { startPostgresServer, startStandby, type PostgresServer } from './postgres-server.js';

let primary: PostgresServer | undefined;
let standby: PostgresServer | undefined;
let storage: Storage | undefined;
let replica: pg.Client | undefined;
let primaryUrl = '';

async function caughtUp(position: string): Promise<boolean> {
  const result = await replica?.query<{ ok: boolean }>(
    'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok',
    [position],
  );
  return result?.rows[0]?.ok === true;
}

/** Waits until the standby has replayed everything the primary has written so far. */
async function waitForReplay(): Promise<void> {
  const client = new pg.Client({ connectionString: primaryUrl });
  await client.connect();
  const { rows } = await client.query<{ lsn: string }>(
    'SELECT pg_current_wal_insert_lsn()::text AS lsn',
  );
  await client.end();
  const position = rows[0]?.lsn ?? '0/0';
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (await caughtUp(position)) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`the standby did not replay up to ${position} in 15 s`);
}

beforeAll(async () => {
  primary = await startPostgresServer();
  primaryUrl = primary.createDatabase('replicated');
  standby = await startStandby(primary);
  replica = new pg.Client({ connectionString: standby.databaseUrl('replicated') });
  replica.on('error', () => undefined);
  await replica.connect();
  storage = await openStorage({
    databaseUrl: primaryUrl,
    readDatabaseUrl: standby.databaseUrl('replicated'),
  });
  const financing = storage.financing;
  await financing.saveRegistry(testRegistry());
  await financing.saveCertificateGroup(
    certificateGroupSchema.parse({
      id: 'children',
      name: 'Дети 5–18 лет',
      period: { id: '2017', start: '2017-01-01', end: '2017-12-31' },
      nominal: '24000',
      fundedPlaces: 100,
    }),
  );
  const certificate = {
    ...activateCertificate(
      issueCertificate(
        { id: 'c1', number: '6800000001', birthDate: '2008-03-15', groupId: 'children' },
        '2017-01-10',
      ),
      '2017-01-11',
    ),
    kind: 'funded' as const,
  };
  await financing.saveCertificates([certificate]);
  await financing.postEntries([
    ledgerEntry({
      id: 'issue:c1:2017',
      certificateId: 'c1',
      period: '2017',
      kind: 'issue',
      amount: '24000',
    }),
  ]);
  await waitForReplay();
}, 120_000);

afterAll(async () => {
  await replica?.end();
  await storage?.close();
  standby?.stop();
  primary?.stop();
});

const open = (): Storage => {
  if (storage === undefined) throw new Error('the storage opens in beforeAll');
  return storage;
};

describe('reads on a streaming replica (PostgreSQL hot standby)', () => {
  test('the standby is a standby, and the storage knows it has a replica', async () => {
    const { rows } = (await replica?.query<{ standby: boolean }>(
      'SELECT pg_is_in_recovery() AS standby',
    )) ?? { rows: [] };
    expect(rows[0]?.standby).toBe(true);
    expect(open().financingReads.replicated).toBe(true);
  });

  test('the navigator and balance checks are served by the replica; writes go to the primary', async () => {
    const reads = open().financingReads;
    const registry = await reads.listProgrammes();
    expect(registry.source).toBe('replica');
    expect(registry.value.programmes).toHaveLength(51);
    const found = await reads.findCertificate('6800000001', '2008-03-15');
    expect(found.source).toBe('replica');
    expect(found.value.balance.available.toString()).toBe('24000.00');

    // The replica stops replaying: what is written now reaches only the primary.
    await replica?.query('SELECT pg_wal_replay_pause()');
    try {
      const contract = await open().financing.requestEnrolment({
        contractId: 'k1',
        certificateId: 'c1',
        programmeId: 'p01',
        moduleId: 'p01-m1',
        groupId: 'p01-g1',
        requestedOn: '2017-08-25',
      });
      const position = await reads.writePosition();
      expect(position).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

      // Anyone else: the replica's answer, from before the enrolment.
      const stale = await reads.findCertificate('6800000001', '2008-03-15');
      expect(stale.source).toBe('replica');
      expect(stale.value.balance.reserved.toString()).toBe('0.00');
      // The family that just applied: the primary, with its reserve.
      const fresh = await reads.findCertificate('6800000001', '2008-03-15', position);
      expect(fresh.source).toBe('primary');
      expect(fresh.value.balance.reserved.equals(contract.certificate)).toBe(true);
      expect(contract.certificate.isZero()).toBe(false);
      expect((await reads.listProgrammes(position)).source).toBe('primary');
      expect(await caughtUp(position ?? '')).toBe(false);

      // Replay again: once the replica has the write, it serves the family too.
      await replica?.query('SELECT pg_wal_replay_resume()');
      await waitForReplay();
      const caught = await reads.findCertificate('6800000001', '2008-03-15', position);
      expect(caught.source).toBe('replica');
      expect(caught.value.balance.reserved.equals(contract.certificate)).toBe(true);
    } finally {
      await replica?.query('SELECT pg_wal_replay_resume()');
    }
  });

  test('a replica that is down is replaced by the primary for each read', async () => {
    const down = await openStorage({
      databaseUrl: primaryUrl,
      readDatabaseUrl: standby?.databaseUrl('replicated') ?? '',
    });
    try {
      standby?.stop();
      const registry = await down.financingReads.listProgrammes();
      expect(registry.source).toBe('primary');
      expect(registry.value.programmes).toHaveLength(51);
      const found = await down.financingReads.findCertificate('6800000001', '2008-03-15');
      expect(found.source).toBe('primary');
    } finally {
      await down.close();
    }
  });

  test('PGlite has no replica: a read URL with it is refused', async () => {
    await expect(
      openStorage({ dataDir: 'memory://', readDatabaseUrl: 'postgres://127.0.0.1:1/x' }),
    ).rejects.toThrow(/PGlite/);
    const embedded = await openStorage({ dataDir: 'memory://' });
    try {
      expect(embedded.financingReads.replicated).toBe(false);
      expect(await embedded.financingReads.writePosition()).toBeUndefined();
      expect((await embedded.financingReads.listProgrammes()).source).toBe('primary');
    } finally {
      await embedded.close();
    }
  });
});
