import { ConflictError } from '@eduset/core';
import { describe, expect, test } from 'vitest';
import { openPostgres } from '../src/storage/database.js';
import { migrate, migrations } from '../src/storage/migrations.js';
import { writeNetwork } from '../src/storage/network-rows.js';
import { openStorage, type Storage } from '../src/storage/index.js';
import { otherNetwork, smallNetwork } from './fixtures/network.js';
import { usePostgresServer } from './postgres-server.js';
import { storageContract } from './storage-contract.js';

// One throwaway server for the whole file; each group of tests gets its own database.
const postgres = usePostgresServer();

storageContract('postgres', async () =>
  openStorage({ databaseUrl: postgres.createDatabase('contract') }),
);

describe('PostgreSQL server', () => {
  test('DATABASE_URL selects the server when no data directory is given', async () => {
    const storage = await openStorage({ env: { DATABASE_URL: postgres.createDatabase('by_env') } });
    try {
      expect(storage.engine).toBe('postgres');
      await storage.saveNetwork(otherNetwork());
      expect(await storage.loadNetwork('other-town')).toStrictEqual(otherNetwork());
    } finally {
      await storage.close();
    }
  });

  test('storages opened at the same moment over one fresh database all succeed', async () => {
    const url = postgres.createDatabase('concurrent');
    const storages = await Promise.all(
      Array.from({ length: 4 }, () => openStorage({ databaseUrl: url })),
    );
    try {
      const database = await openPostgres(url);
      try {
        const recorded = await database.query('SELECT version FROM schema_migrations');
        expect(recorded).toEqual(migrations.map(({ version }) => ({ version })));
        // Applied twice (and more): nothing left to do.
        expect(await migrate(database)).toEqual([]);
        expect(await migrate(database)).toEqual([]);
      } finally {
        await database.close();
      }
      // Concurrent saves of one network from several processes: each replaces it whole.
      const variants = storages.map((storage, index) => ({
        storage,
        network: { ...smallNetwork(), name: `Версия ${index}` },
      }));
      await Promise.all(
        variants.flatMap(({ storage, network }) => [
          storage.saveNetwork(network),
          storage.saveNetwork(network),
        ]),
      );
      const [first] = storages as [Storage];
      const loaded = await first.loadNetwork('test-town');
      expect(variants.map(({ network }) => network)).toContainEqual(loaded);
    } finally {
      await Promise.all(storages.map((storage) => storage.close()));
    }
  });

  test('the database itself refuses dangling references and duplicate ids', async () => {
    const database = await openPostgres(postgres.createDatabase('constraints'));
    try {
      await migrate(database);
      const network = smallNetwork();
      const dangling = {
        ...network,
        sites: network.sites.map((site) => ({ ...site, hostOrganizationId: 'nobody' })),
      };
      await expect(
        database.transaction((session) => writeNetwork(session, dangling as never)),
      ).rejects.toMatchObject({ code: '23503' });
      const duplicate = { ...network, services: [...network.services, ...network.services] };
      await expect(
        database.transaction((session) => writeNetwork(session, duplicate)),
      ).rejects.toMatchObject({ code: '23505' });
      expect(await database.query('SELECT id FROM networks')).toEqual([]);
    } finally {
      await database.close();
    }
  });

  test('refuses a database migrated by a newer eduset or whose migration was edited', async () => {
    const database = await openPostgres(postgres.createDatabase('versions'));
    try {
      expect(await migrate(database)).toEqual(migrations.map((m) => m.version));
      await expect(migrate(database, [])).rejects.toMatchObject({
        _tag: 'ConflictError',
        reason: 'schema-too-new',
      });
      const edited = migrations.map((migration) => ({
        ...migration,
        sql: `${migration.sql}\n-- edited`,
      }));
      const error = await migrate(database, edited).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ reason: 'migration-changed' });
    } finally {
      await database.close();
    }
  });
});
