import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openPglite } from '../src/storage/database.js';
import { migrate, migrations } from '../src/storage/migrations.js';
import { writeNetwork } from '../src/storage/network-rows.js';
import { openStorage } from '../src/storage/index.js';
import { smallNetwork } from './fixtures/network.js';
import { storageContract } from './storage-contract.js';

storageContract('pglite', () => openStorage({ dataDir: 'memory://' }));

describe('PGlite on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eduset-pglite-'));
  const dataDir = join(dir, 'nested', 'pglite');

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('a network saved in a data directory is there after reopening', async () => {
    const first = await openStorage({ dataDir });
    await first.saveNetwork(smallNetwork());
    await first.close();
    await first.close(); // closing twice is harmless

    // Reopened bare: the migrations are already recorded, so applying them again does nothing,
    // and the database itself refuses a dangling reference (not only core's schema).
    const database = await openPglite(dataDir);
    try {
      expect(await migrate(database)).toEqual([]);
      expect(await migrate(database)).toEqual([]);
      const recorded = await database.query('SELECT version, name FROM schema_migrations');
      expect(recorded).toEqual(migrations.map(({ version, name }) => ({ version, name })));
      const dangling = {
        ...smallNetwork(),
        sites: smallNetwork().sites.map((site) => ({ ...site, hostOrganizationId: 'nobody' })),
      };
      await expect(
        database.transaction((session) => writeNetwork(session, dangling as never)),
      ).rejects.toThrow(/foreign key/);
    } finally {
      await database.close();
    }

    const reopened = await openStorage({ dataDir });
    try {
      expect(await reopened.loadNetwork('test-town')).toStrictEqual(smallNetwork());
      expect(await reopened.listNetworks()).toHaveLength(1);
    } finally {
      await reopened.close();
    }
  });
});
