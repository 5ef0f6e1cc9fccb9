import {
  activeSites,
  networkSchoolYears,
  siteKinds,
  type Network,
  type SchoolYear,
  type Service,
  type ServiceId,
  type Site,
  type SiteKind,
} from '@eduset/core';

/**
 * What a parent narrowed the site directory to. `null` means "no filter".
 *
 * @example
 * ```ts
 * import type { SiteFilter } from '@eduset/widgets';
 * const filter: SiteFilter = { schoolYear: null, age: 4, serviceId: null };
 * ```
 */
export interface SiteFilter {
  /** Only sites active in this school year (`null`: the latest year in the data). */
  readonly schoolYear: SchoolYear | null;
  /** The child's age in years: only sites whose age range contains it. */
  readonly age: number | null;
  /** Only sites that offer this service. */
  readonly serviceId: ServiceId | null;
}

/**
 * The sites of one kind, as the directory shows them under one heading.
 *
 * @example
 * ```ts
 * import type { SiteGroup } from '@eduset/widgets';
 * declare const group: SiteGroup;
 * group.sites.length;
 * ```
 */
export interface SiteGroup {
  readonly kind: SiteKind;
  readonly sites: readonly Site[];
}

/**
 * Whether a site serves a child of this age. Ages are whole years, so a child of 3.5 is
 * three: `{ from: 0, to: 3 }` serves them.
 *
 * @example
 * ```ts
 * import { servesAge } from '@eduset/widgets';
 * servesAge({ ages: { from: 0, to: 3 } }, 3.5); // true
 * servesAge({ ages: { from: 0, to: 3 } }, 4); // false
 * ```
 */
export function servesAge(site: Pick<Site, 'ages'>, age: number): boolean {
  const years = Math.floor(age);
  return site.ages.from <= years && years <= site.ages.to;
}

/**
 * The school year a directory shows: the requested one, or else the latest year in which
 * any site was active (`undefined` for a network without active sites).
 *
 * @example
 * ```ts
 * import { directorySchoolYear } from '@eduset/widgets';
 * import type { Network } from '@eduset/core';
 * declare const network: Network;
 * directorySchoolYear(network, null); // e.g. '2020-2021'
 * ```
 */
export function directorySchoolYear(
  network: Network,
  requested: SchoolYear | null,
): SchoolYear | undefined {
  return requested ?? networkSchoolYears(network).at(-1);
}

/**
 * The services offered by the given sites, in the network's order; these are the choices a
 * directory's service filter offers.
 *
 * @example
 * ```ts
 * import { servicesOfSites } from '@eduset/widgets';
 * import type { Network } from '@eduset/core';
 * declare const network: Network;
 * servicesOfSites(network, network.sites).map((service) => service.name);
 * ```
 */
export function servicesOfSites(network: Network, sites: readonly Site[]): Service[] {
  const offered = new Set<string>(sites.flatMap((site) => site.serviceIds));
  return network.services.filter((service) => offered.has(service.id));
}

/**
 * The sites that pass a filter, grouped by kind in the order of core's `siteKinds`; kinds
 * without sites are left out. Within a kind, sites keep core's order (by id).
 *
 * @example
 * ```ts
 * import { groupSites } from '@eduset/widgets';
 * import type { Network } from '@eduset/core';
 * declare const network: Network;
 * groupSites(network, { schoolYear: null, age: 2, serviceId: null }).map((g) => g.kind);
 * ```
 */
export function groupSites(network: Network, filter: SiteFilter): SiteGroup[] {
  const year = directorySchoolYear(network, filter.schoolYear);
  if (year === undefined) return [];
  const { age, serviceId } = filter;
  const sites = activeSites(network, year).filter(
    (site) =>
      (age === null || servesAge(site, age)) &&
      (serviceId === null || site.serviceIds.includes(serviceId)),
  );
  return siteKinds
    .map((kind) => ({ kind, sites: sites.filter((site) => site.kind === kind) }))
    .filter((group) => group.sites.length > 0);
}
