import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schoolYearStarting, type SchoolYear } from '../common/index.js';
import {
  activeSites,
  countSitesByKind,
  createNetwork,
  filterNetwork,
  involvedOrganizations,
  involvementShare,
  networkSchoolYears,
  networkYearTable,
  organizationKinds,
  siteKinds,
  specialistRoles,
  type Network,
  type NetworkFilter,
} from './index.js';

const years: readonly SchoolYear[] = [2012, 2013, 2014, 2015, 2016, 2017].map(schoolYearStarting);

const idArbitrary = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);

/** Random valid networks: unique ids, every reference pointing at something that exists. */
const networkArbitrary: fc.Arbitrary<Network> = fc
  .record({
    organizationIds: fc.uniqueArray(idArbitrary, { minLength: 1, maxLength: 8 }),
    siteIds: fc.uniqueArray(idArbitrary, { maxLength: 10 }),
    specialistIds: fc.uniqueArray(idArbitrary, { maxLength: 6 }),
    serviceIds: fc.uniqueArray(idArbitrary, { maxLength: 4 }),
  })
  .chain(({ organizationIds, siteIds, specialistIds, serviceIds }) =>
    fc.record({
      id: fc.constant('net'),
      name: fc.constant('Сеть'),
      municipality: fc.constant('Город'),
      timeZone: fc.constant('Europe/Moscow'),
      organizations: fc.tuple(
        ...organizationIds.map((id) =>
          fc
            .record({
              kind: fc.constantFrom(...organizationKinds),
              level: fc.constantFrom('secondary', 'basic'),
            })
            .map(({ kind, level }) => ({
              id,
              name: `Организация ${id}`,
              kind,
              ...(kind === 'school' ? { level } : {}),
            })),
        ),
      ),
      sites: fc.tuple(
        ...siteIds.map((id) =>
          fc
            .record({
              kind: fc.constantFrom(...siteKinds),
              hostOrganizationId: fc.constantFrom(...organizationIds),
              activeYears: fc.shuffledSubarray([...years]),
              serviceIds: fc.subarray(serviceIds),
              from: fc.integer({ min: 0, max: 18 }),
              span: fc.integer({ min: 0, max: 7 }),
            })
            .map(({ from, span, ...site }) => ({
              id,
              name: `Площадка ${id}`,
              ...site,
              ages: { from, to: from + span },
            })),
        ),
      ),
      specialists:
        siteIds.length === 0
          ? fc.constant([])
          : fc.tuple(
              ...specialistIds.map((id) =>
                fc
                  .record({
                    roles: fc.subarray([...specialistRoles], { minLength: 1 }),
                    siteIds: fc.subarray(siteIds, { minLength: 1 }),
                    serviceIds: fc.subarray(serviceIds),
                  })
                  .map((specialist) => ({ id, name: `Специалист ${id}`, ...specialist })),
              ),
            ),
      services: fc.tuple(
        ...serviceIds.map((id) => fc.boolean().map((free) => ({ id, name: `Услуга ${id}`, free }))),
      ),
    }),
  )
  .map((input) => createNetwork(input));

const filterArbitrary: fc.Arbitrary<NetworkFilter> = fc.record(
  {
    schoolYear: fc.constantFrom(...years, schoolYearStarting(2030)),
    siteKinds: fc.subarray([...siteKinds]),
  },
  { requiredKeys: [] },
);

/** A deterministic shuffle driven by a generated seed (mulberry32). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const result = [...items];
  for (let index = result.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

function shuffled(network: Network, seed: number): Network {
  return {
    ...network,
    organizations: shuffle(network.organizations, seed),
    sites: shuffle(network.sites, seed + 1),
    specialists: shuffle(network.specialists, seed + 2),
    services: shuffle(network.services, seed + 3),
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Every query, in a form that compares with toEqual (decimals as text). */
function everyAnswer(network: Network, filter: NetworkFilter) {
  return {
    schoolYears: networkSchoolYears(network),
    byYear: years.map((year) => {
      const { fraction, ...share } = involvementShare(network, year);
      return {
        active: activeSites(network, year),
        counts: countSitesByKind(network, year),
        involved: involvedOrganizations(network, year),
        share: { ...share, fraction: fraction.toString() },
      };
    }),
    table: networkYearTable(network).map((row) => ({
      ...row,
      share: { ...row.share, fraction: row.share.fraction.toString() },
    })),
    filtered: filterNetwork(network, filter),
  };
}

describe('network queries (property)', () => {
  it('counts by kind cover every kind and sum to the number of active sites', () => {
    fc.assert(
      fc.property(networkArbitrary, (network) => {
        for (const year of years) {
          const counts = countSitesByKind(network, year);
          expect(Object.keys(counts).sort()).toEqual([...siteKinds].sort());
          const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
          expect(total).toBe(activeSites(network, year).length);
          expect(total).toBe(
            network.sites.filter((site) => site.activeYears.includes(year)).length,
          );
        }
      }),
    );
  });

  it('every query gives the same answer when the lists are shuffled', () => {
    fc.assert(
      fc.property(networkArbitrary, fc.nat(), filterArbitrary, (network, seed, filter) => {
        expect(everyAnswer(shuffled(network, seed), filter)).toEqual(everyAnswer(network, filter));
      }),
    );
  });

  it('no query mutates its input (deep-frozen, and equal to a clone afterwards)', () => {
    fc.assert(
      fc.property(networkArbitrary, filterArbitrary, (network, filter) => {
        const before = structuredClone(network);
        deepFreeze(network);
        const filterBefore = structuredClone(filter);
        deepFreeze(filter);
        everyAnswer(network, filter);
        expect(network).toEqual(before);
        expect(filter).toEqual(filterBefore);
      }),
    );
  });

  it('involvementShare: involved ≤ total, authority excluded, percent rounded half-up', () => {
    fc.assert(
      fc.property(networkArbitrary, (network) => {
        const educational = network.organizations.filter((o) => o.kind !== 'authority');
        for (const year of years) {
          const share = involvementShare(network, year);
          const hosts = new Set(activeSites(network, year).map((site) => site.hostOrganizationId));
          expect(share.total).toBe(educational.length);
          expect(share.involved).toBe(educational.filter((o) => hosts.has(o.id)).length);
          expect(share.involved).toBeLessThanOrEqual(share.total);
          const expectedPercent =
            share.total === 0
              ? 0
              : Math.floor((200 * share.involved + share.total) / (2 * share.total));
          expect(share.percent).toBe(expectedPercent);
        }
      }),
    );
  });

  it('networkYearTable has one row per active year, matching the single-year queries', () => {
    fc.assert(
      fc.property(networkArbitrary, (network) => {
        const table = networkYearTable(network);
        expect(table.map((row) => row.year)).toEqual(networkSchoolYears(network));
        for (const row of table) {
          expect(row.sitesByKind).toEqual(countSitesByKind(network, row.year));
          expect(row.organizationsInvolved).toBe(involvementShare(network, row.year).involved);
          expect(activeSites(network, row.year).length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('filterNetwork returns a valid network that is a subset of the input', () => {
    fc.assert(
      fc.property(networkArbitrary, filterArbitrary, (network, filter) => {
        const result = filterNetwork(network, filter);
        expect(createNetwork(result)).toEqual(result);

        const passes = (site: Network['sites'][number]): boolean =>
          (filter.schoolYear === undefined || site.activeYears.includes(filter.schoolYear)) &&
          (filter.siteKinds === undefined || filter.siteKinds.includes(site.kind));
        expect(new Set(result.sites.map((site) => site.id))).toEqual(
          new Set(network.sites.filter(passes).map((site) => site.id)),
        );
        for (const site of result.sites) expect(network.sites).toContainEqual(site);
        for (const organization of result.organizations) {
          expect(network.organizations).toContainEqual(organization);
        }
        for (const service of result.services) expect(network.services).toContainEqual(service);
        for (const specialist of result.specialists) {
          const original = network.specialists.find((s) => s.id === specialist.id);
          expect(original).toBeDefined();
          expect({ ...specialist, siteIds: [] }).toEqual({ ...original, siteIds: [] });
          expect(specialist.siteIds.length).toBeGreaterThan(0);
          for (const siteId of specialist.siteIds) expect(original?.siteIds).toContain(siteId);
        }
        const withoutLists = (n: Network) => ({
          ...n,
          organizations: [],
          sites: [],
          specialists: [],
          services: [],
        });
        expect(withoutLists(result)).toEqual(withoutLists(network));
      }),
    );
  });

  it('filterNetwork is idempotent', () => {
    fc.assert(
      fc.property(networkArbitrary, filterArbitrary, (network, filter) => {
        const once = filterNetwork(network, filter);
        expect(filterNetwork(once, filter)).toEqual(once);
      }),
    );
  });
});
