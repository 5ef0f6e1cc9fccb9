// What every storage engine must do, run against PGlite and a PostgreSQL server alike.
import { createNetwork, NotFoundError, ValidationError, type Network } from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Storage } from '../src/storage/index.js';
import { otherNetwork, smallNetwork, smallNetworkInput } from './fixtures/network.js';

/** A network that passes core's schema but that PostgreSQL refuses (a NUL character in text). */
export function networkTheDatabaseRefuses(): Network {
  const network = smallNetwork();
  return {
    ...network,
    name: 'Изменённое имя',
    // The specialists' tables are written last, so the refusal comes after every other write.
    specialists: network.specialists.map((specialist, index, all) =>
      index === all.length - 1 ? { ...specialist, note: 'bad \u0000 byte' } : specialist,
    ),
  };
}

/**
 * The storage contract. `open` is called once for the whole suite (opening PGlite takes
 * seconds); each test leaves the storage holding exactly {@link smallNetwork}.
 */
export function storageContract(engine: 'pglite' | 'postgres', open: () => Promise<Storage>): void {
  describe(`storage contract (${engine})`, () => {
    let storage: Storage;

    beforeAll(async () => {
      storage = await open();
      await storage.saveNetwork(smallNetwork());
    });

    afterAll(async () => {
      await storage?.close();
    });

    test('uses the expected engine', () => {
      expect(storage.engine).toBe(engine);
    });

    test('a saved network loads back deep-equal, optional fields absent and present alike', async () => {
      const loaded = await storage.loadNetwork('test-town');
      expect(loaded).toStrictEqual(smallNetwork());
      // The details the round trip is most likely to lose, spelled out.
      const [lekoteka, consultationPoint, earlyHelp] = loaded.sites;
      expect(lekoteka?.activeYears).toEqual(['2020-2021', '2012-2013', '2015-2016']);
      expect(lekoteka?.coordinates).toStrictEqual({
        lat: 57.87923456789012,
        lon: 35.00671234567891,
      });
      expect(lekoteka?.note).toBe('');
      expect(consultationPoint).not.toHaveProperty('coordinates');
      expect(consultationPoint).not.toHaveProperty('note');
      expect(consultationPoint?.serviceIds).toEqual([]);
      expect(earlyHelp?.activeYears).toEqual([]);
      expect(loaded.organizations.map((o) => o.id)).toEqual([
        'school-2',
        'ds-teremok',
        'basic-1',
        'uo',
      ]);
      expect(loaded.organizations[1]).not.toHaveProperty('level');
      expect(loaded.services[1]).toStrictEqual({ id: 'play', name: 'Игровой сеанс', free: true });
      expect(loaded.specialists[0]?.roles).toEqual(['psychologist', 'special-needs-teacher']);
      expect(loaded.specialists[1]?.serviceIds).toEqual([]);
    });

    test('a network without its optional top-level fields round-trips too', async () => {
      const bare = createNetwork({
        id: 'bare',
        name: 'Без примечаний',
        municipality: 'М',
        organizations: [],
        sites: [],
      });
      await storage.saveNetwork(bare);
      const loaded = await storage.loadNetwork('bare');
      expect(loaded).toStrictEqual(bare);
      expect(loaded).not.toHaveProperty('note');
      expect(loaded.timeZone).toBe('Europe/Moscow');
      await storage.saveNetwork(otherNetwork());
      expect((await storage.listNetworks()).map((n) => n.id)).toEqual([
        'bare',
        'other-town',
        'test-town',
      ]);
    });

    test('lists networks by id with their names', async () => {
      const list = await storage.listNetworks();
      expect(list).toContainEqual({
        id: 'test-town',
        name: 'Служба помощи родителям (тест)',
        municipality: 'Тестовый городской округ',
      });
    });

    test('saving again replaces the network, dropping what the new version lacks', async () => {
      const smaller = createNetwork({
        ...smallNetworkInput,
        organizations: smallNetworkInput.organizations.slice(1),
        sites: smallNetworkInput.sites.slice(1),
        specialists: smallNetworkInput.specialists?.slice(1),
        services: [...(smallNetworkInput.services ?? [])].reverse(),
      });
      await storage.saveNetwork(smaller);
      expect(await storage.loadNetwork('test-town')).toStrictEqual(smaller);
      await storage.saveNetwork(smallNetwork());
      expect(await storage.loadNetwork('test-town')).toStrictEqual(smallNetwork());
    });

    test('does not mutate the network it saves', async () => {
      const network = smallNetwork();
      const copy = structuredClone(network);
      await storage.saveNetwork(network);
      expect(network).toStrictEqual(copy);
    });

    test('loading an unknown id throws NotFoundError', async () => {
      const error = await storage.loadNetwork('nowhere').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ _tag: 'NotFoundError', entity: 'network', id: 'nowhere' });
    });

    test('an invalid network is refused with a ValidationError and the stored one stays', async () => {
      const network = smallNetwork();
      const invalid = {
        ...network,
        name: 'Сломанная',
        sites: network.sites.map((site) => ({ ...site, hostOrganizationId: 'nobody' })),
      } as Network;
      await expect(storage.saveNetwork(invalid)).rejects.toBeInstanceOf(ValidationError);
      expect(await storage.loadNetwork('test-town')).toStrictEqual(smallNetwork());
    });

    test('saving is atomic: a network the database refuses halfway leaves the previous one intact', async () => {
      // 22P05: PostgreSQL stores no NUL character in text; by then several tables were written.
      await expect(storage.saveNetwork(networkTheDatabaseRefuses())).rejects.toMatchObject({
        code: '22P05',
      });
      expect(await storage.loadNetwork('test-town')).toStrictEqual(smallNetwork());
      // A new network that fails halfway leaves nothing behind.
      const fresh = { ...networkTheDatabaseRefuses(), id: 'fresh' };
      await expect(storage.saveNetwork(fresh)).rejects.toThrow();
      expect((await storage.listNetworks()).map((n) => n.id)).not.toContain('fresh');
    });
  });
}
