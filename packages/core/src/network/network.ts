import { z } from '../common/zod-mini.js';
import {
  compareSchoolYears,
  MoneyDecimal,
  parse,
  type DecimalValue,
  type SchoolYear,
} from '../common/index.js';
import {
  isEducationalOrganization,
  organizationSchema,
  type Organization,
} from './organization.js';
import { siteKinds, siteSchema, type Site, type SiteKind } from './site.js';
import { serviceSchema, specialistSchema } from './specialist.js';

/**
 * The cross-reference checks below also run when some entry failed its own schema, so that
 * one bad field does not hide a duplicate id or a dangling reference elsewhere. They read
 * the partly parsed input loosely: an entry that is not an object, or a field that is not a
 * string, is left to the error its own schema already reported.
 */
type LooseRecord = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is LooseRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordsOf(list: unknown): [number, LooseRecord][] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, index): [number, LooseRecord][] =>
    isRecord(item) ? [[index, item]] : [],
  );
}

function stringsOf(list: unknown): [number, string][] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, index): [number, string][] =>
    typeof item === 'string' ? [[index, item]] : [],
  );
}

function idsOf(list: unknown): Set<string> {
  const ids = new Set<string>();
  for (const [, item] of recordsOf(list)) if (typeof item.id === 'string') ids.add(item.id);
  return ids;
}

function duplicateIssues(list: unknown, collection: string, context: z.core.$RefinementCtx): void {
  const seen = new Set<string>();
  for (const [index, item] of recordsOf(list)) {
    const id = item.id;
    if (typeof id !== 'string') continue;
    if (seen.has(id)) {
      context.addIssue({
        code: 'custom',
        path: [collection, index, 'id'],
        message: `Duplicate id ${id}`,
        params: {
          text: {
            ru: `Идентификатор «${id}» уже встречался`,
            en: `Id "${id}" is used twice`,
          },
        },
      });
    }
    seen.add(id);
  }
}

function missingReference(
  context: z.core.$RefinementCtx,
  path: (string | number)[],
  entity: { ru: string; en: string },
  id: string,
): void {
  context.addIssue({
    code: 'custom',
    path,
    message: `Unknown ${entity.en} ${id}`,
    params: {
      text: { ru: `Неизвестный ${entity.ru} «${id}»`, en: `Unknown ${entity.en} "${id}"` },
    },
  });
}

function checkNetworkReferences(network: LooseRecord, context: z.core.$RefinementCtx): void {
  duplicateIssues(network.organizations, 'organizations', context);
  duplicateIssues(network.sites, 'sites', context);
  duplicateIssues(network.specialists, 'specialists', context);
  duplicateIssues(network.services, 'services', context);
  const organizations = idsOf(network.organizations);
  const sites = idsOf(network.sites);
  const services = idsOf(network.services);
  const organizationEntity = { ru: 'организация', en: 'organization' };
  const siteEntity = { ru: 'площадка', en: 'site' };
  const serviceEntity = { ru: 'услуга', en: 'service' };
  for (const [index, site] of recordsOf(network.sites)) {
    const host = site.hostOrganizationId;
    if (typeof host === 'string' && !organizations.has(host)) {
      missingReference(context, ['sites', index, 'hostOrganizationId'], organizationEntity, host);
    }
    for (const [serviceIndex, serviceId] of stringsOf(site.serviceIds)) {
      if (!services.has(serviceId)) {
        missingReference(
          context,
          ['sites', index, 'serviceIds', serviceIndex],
          serviceEntity,
          serviceId,
        );
      }
    }
  }
  for (const [index, specialist] of recordsOf(network.specialists)) {
    for (const [siteIndex, siteId] of stringsOf(specialist.siteIds)) {
      if (!sites.has(siteId)) {
        missingReference(context, ['specialists', index, 'siteIds', siteIndex], siteEntity, siteId);
      }
    }
    for (const [serviceIndex, serviceId] of stringsOf(specialist.serviceIds)) {
      if (!services.has(serviceId)) {
        missingReference(
          context,
          ['specialists', index, 'serviceIds', serviceIndex],
          serviceEntity,
          serviceId,
        );
      }
    }
  }
}

/**
 * Schema of a municipal education network: its organizations, the sites they host, the
 * specialists who work there and the services offered. Ids are unique within each list and
 * every reference points at something that exists.
 *
 * @example
 * ```ts
 * import { networkSchema } from '@eduset/core/network';
 * networkSchema.parse({
 *   id: 'town', name: 'Служба помощи родителям', municipality: 'Город',
 *   organizations: [{ id: 'ds-1', name: 'Детский сад №1', kind: 'kindergarten' }],
 *   sites: [],
 * });
 * ```
 */
export const networkSchema = z
  .object({
    id: z.string().check(z.trim(), z.minLength(1)),
    name: z.string().check(z.trim(), z.minLength(1)),
    municipality: z.string().check(z.trim(), z.minLength(1)),
    timeZone: z._default(z.string().check(z.minLength(1)), 'Europe/Moscow'),
    organizations: z.array(organizationSchema),
    sites: z.array(siteSchema),
    specialists: z._default(z.array(specialistSchema), []),
    services: z._default(z.array(serviceSchema), []),
    note: z.optional(z.string()),
  })
  // Runs even when an entry failed its own schema, so every issue is listed at once.
  .check(
    z.superRefine((network, context) => checkNetworkReferences(network, context), {
      when: (payload) => isRecord(payload.value),
    }),
  );

/**
 * A validated network (the output of {@link networkSchema}).
 *
 * @example
 * ```ts
 * import { createNetwork, type Network } from '@eduset/core/network';
 * const network: Network = createNetwork({ id: 'n', name: 'N', municipality: 'M', organizations: [], sites: [] });
 * ```
 */
export type Network = z.infer<typeof networkSchema>;

/**
 * The network as it may be written in JSON before validation fills in defaults.
 *
 * @example
 * ```ts
 * import type { NetworkInput } from '@eduset/core/network';
 * const input: NetworkInput = { id: 'n', name: 'N', municipality: 'M', organizations: [], sites: [] };
 * ```
 */
export type NetworkInput = z.input<typeof networkSchema>;

/**
 * Validates outside data as a network; throws a `ValidationError` listing every problem
 * (bad fields, duplicate ids, dangling references) with its path.
 *
 * @example
 * ```ts
 * import { createNetwork } from '@eduset/core/network';
 * const network = createNetwork(JSON.parse('{"id":"n","name":"N","municipality":"M","organizations":[],"sites":[]}'));
 * network.timeZone; // 'Europe/Moscow'
 * ```
 */
export function createNetwork(input: unknown): Network {
  return parse(networkSchema, input);
}

function compareSites(a: Site, b: Site): number {
  const byKind = siteKinds.indexOf(a.kind) - siteKinds.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function compareById(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The sites active in a school year, ordered by kind (as in {@link siteKinds}) then id, so
 * the answer does not depend on the order sites were listed.
 *
 * @example
 * ```ts
 * import { parseSchoolYear } from '@eduset/core/common';
 * import { activeSites, createNetwork } from '@eduset/core/network';
 * declare const network: ReturnType<typeof createNetwork>;
 * activeSites(network, parseSchoolYear('2019-2020')).length;
 * ```
 */
export function activeSites(network: Network, year: SchoolYear): Site[] {
  return network.sites.filter((site) => site.activeYears.includes(year)).sort(compareSites);
}

/**
 * How many sites of each kind were active in a school year; every kind is present (zero
 * when none), and the counts sum to the number of active sites.
 *
 * @example
 * ```ts
 * import { parseSchoolYear } from '@eduset/core/common';
 * import { countSitesByKind, type Network } from '@eduset/core/network';
 * declare const network: Network;
 * countSitesByKind(network, parseSchoolYear('2020-2021'))['consultation-point'];
 * ```
 */
export function countSitesByKind(network: Network, year: SchoolYear): Record<SiteKind, number> {
  const counts = Object.fromEntries(siteKinds.map((kind) => [kind, 0])) as Record<SiteKind, number>;
  for (const site of activeSites(network, year)) counts[site.kind] += 1;
  return counts;
}

/**
 * The organizations that hosted at least one active site in a school year, ordered by id.
 *
 * @example
 * ```ts
 * import { parseSchoolYear } from '@eduset/core/common';
 * import { involvedOrganizations, type Network } from '@eduset/core/network';
 * declare const network: Network;
 * involvedOrganizations(network, parseSchoolYear('2012-2013')).map((o) => o.name);
 * ```
 */
export function involvedOrganizations(network: Network, year: SchoolYear): Organization[] {
  const hosts = new Set<string>(activeSites(network, year).map((site) => site.hostOrganizationId));
  return network.organizations.filter((o) => hosts.has(o.id)).sort(compareById);
}

/**
 * The share of the municipality's educational organizations involved in a school year.
 *
 * @example
 * ```ts
 * import type { InvolvementShare } from '@eduset/core/network';
 * declare const share: InvolvementShare;
 * `${share.involved} (${share.percent}%)`; // '9 (43%)'
 * ```
 */
export interface InvolvementShare {
  /** Organizations hosting at least one active site. */
  readonly involved: number;
  /** Educational organizations of the network (the education authority is not counted). */
  readonly total: number;
  /** The exact fraction `involved / total` (zero when there are no organizations). */
  readonly fraction: DecimalValue;
  /** The percentage rounded half-up to whole percent, as the reports print it. */
  readonly percent: number;
}

/**
 * The share of educational organizations involved in the network in a school year:
 * the Udomlya report's «9 (43%)» is 9 of 21.
 *
 * @example
 * ```ts
 * import { parseSchoolYear } from '@eduset/core/common';
 * import { involvementShare, type Network } from '@eduset/core/network';
 * declare const network: Network;
 * involvementShare(network, parseSchoolYear('2020-2021')).percent; // 43 for Udomlya
 * ```
 */
export function involvementShare(network: Network, year: SchoolYear): InvolvementShare {
  const involved = involvedOrganizations(network, year).filter(isEducationalOrganization).length;
  const total = network.organizations.filter(isEducationalOrganization).length;
  const fraction = total === 0 ? new MoneyDecimal(0) : new MoneyDecimal(involved).dividedBy(total);
  const percent = fraction.times(100).toDecimalPlaces(0, MoneyDecimal.ROUND_HALF_UP).toNumber();
  return { involved, total, fraction, percent };
}

/**
 * Every school year in which some site of the network was active, in order.
 *
 * @example
 * ```ts
 * import { networkSchoolYears, type Network } from '@eduset/core/network';
 * declare const network: Network;
 * networkSchoolYears(network)[0]; // '2012-2013' for Udomlya
 * ```
 */
export function networkSchoolYears(network: Network): SchoolYear[] {
  const years = new Set<SchoolYear>();
  for (const site of network.sites) for (const year of site.activeYears) years.add(year);
  return [...years].sort(compareSchoolYears);
}

/**
 * One row of the yearly table a municipal report prints: organizations involved and sites
 * by kind.
 *
 * @example
 * ```ts
 * import type { NetworkYearSummary } from '@eduset/core/network';
 * declare const row: NetworkYearSummary;
 * row.sitesByKind.lekoteka;
 * ```
 */
export interface NetworkYearSummary {
  readonly year: SchoolYear;
  readonly organizationsInvolved: number;
  readonly sitesByKind: Record<SiteKind, number>;
  readonly share: InvolvementShare;
}

/**
 * The yearly table of a network: for every school year it was active, the organizations
 * involved, the sites by kind and the share of organizations involved.
 *
 * @example
 * ```ts
 * import { networkYearTable, type Network } from '@eduset/core/network';
 * declare const network: Network;
 * for (const row of networkYearTable(network)) console.log(row.year, row.organizationsInvolved);
 * ```
 */
export function networkYearTable(network: Network): NetworkYearSummary[] {
  return networkSchoolYears(network).map((year) => {
    const share = involvementShare(network, year);
    return {
      year,
      organizationsInvolved: share.involved,
      sitesByKind: countSitesByKind(network, year),
      share,
    };
  });
}

/**
 * What to keep when narrowing a network for a directory or an API answer.
 *
 * @example
 * ```ts
 * import type { NetworkFilter } from '@eduset/core/network';
 * const filter: NetworkFilter = { siteKinds: ['lekoteka'] };
 * ```
 */
export interface NetworkFilter {
  /** Keep only sites active in this school year. */
  readonly schoolYear?: SchoolYear;
  /** Keep only sites of these kinds. */
  readonly siteKinds?: readonly SiteKind[];
}

/**
 * A new network with only the sites that pass the filter, the organizations hosting them,
 * the specialists serving them (with their site lists narrowed) and the services they
 * reference. The input is not changed.
 *
 * @example
 * ```ts
 * import { parseSchoolYear } from '@eduset/core/common';
 * import { filterNetwork, type Network } from '@eduset/core/network';
 * declare const network: Network;
 * filterNetwork(network, { schoolYear: parseSchoolYear('2020-2021'), siteKinds: ['lekoteka'] }).sites;
 * ```
 */
export function filterNetwork(network: Network, filter: NetworkFilter): Network {
  const year = filter.schoolYear;
  const kinds = filter.siteKinds;
  const sites = network.sites
    .filter(
      (site) =>
        (year === undefined || site.activeYears.includes(year)) &&
        (kinds === undefined || kinds.includes(site.kind)),
    )
    .sort(compareSites);
  const siteIds = new Set<string>(sites.map((site) => site.id));
  const hostIds = new Set<string>(sites.map((site) => site.hostOrganizationId));
  const specialists = network.specialists
    .filter((specialist) => specialist.siteIds.some((id) => siteIds.has(id)))
    .map((specialist) => ({
      ...specialist,
      siteIds: specialist.siteIds.filter((id) => siteIds.has(id)),
    }))
    .sort(compareById);
  const serviceIds = new Set<string>([
    ...sites.flatMap((site) => site.serviceIds),
    ...specialists.flatMap((specialist) => specialist.serviceIds),
  ]);
  return {
    ...network,
    organizations: network.organizations.filter((o) => hostIds.has(o.id)).sort(compareById),
    sites,
    specialists,
    services: network.services.filter((service) => serviceIds.has(service.id)).sort(compareById),
  };
}
