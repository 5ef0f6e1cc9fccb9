import type { DataValue } from './dataset.js';
import type { IndicatorDefinitionInput } from './definition.js';
import { IDENTIFIER } from './syntax.js';
import type { OrgUnit } from './vocabulary.js';

// The figures of a parent help service from what eduset stores: attended consultations and
// the parents' survey answers, counted by the storage (one row per site, service and month or
// school year) and turned here into data values of the catalog's data elements, so that the
// indicator engine — the catalog, the dashboard — computes «consultations held» and «parents
// satisfied» from stored rows exactly as from any other data.

/**
 * Attended consultations of one site and service in one month, as the storage counts them
 * (the month of the consultation's civil date in the network's time zone).
 *
 * @example
 * ```ts
 * import type { ConsultationTally } from '@eduset/core/indicators';
 * const tally: ConsultationTally = { siteId: 'kp-teremok', serviceId: 'speech', month: '2019-10', attended: 12 };
 * ```
 */
export interface ConsultationTally {
  readonly siteId: string;
  readonly serviceId: string;
  /** `YYYY-MM`. */
  readonly month: string;
  /** Consultations that took place (bookings marked attended). */
  readonly attended: number;
}

/**
 * Survey answers about the consultations of one site and service in one school year.
 *
 * @example
 * ```ts
 * import type { SurveyTally } from '@eduset/core/indicators';
 * const tally: SurveyTally = { siteId: 'kp-teremok', serviceId: 'speech', schoolYear: '2019-2020', answered: 10, satisfied: 9 };
 * ```
 */
export interface SurveyTally {
  readonly siteId: string;
  readonly serviceId: string;
  /** `2019-2020`. */
  readonly schoolYear: string;
  /** Answers to the survey. */
  readonly answered: number;
  /** Of them, answers «satisfied». */
  readonly satisfied: number;
}

/**
 * What {@link consultationDataValues} needs to know of the network: its id (the org unit of
 * the municipality) and the kind of each site.
 *
 * @example
 * ```ts
 * import type { TalliedNetwork } from '@eduset/core/indicators';
 * const network: TalliedNetwork = { id: 'udomlya', sites: [{ id: 'kp-teremok', kind: 'consultation-point' }] };
 * ```
 */
export interface TalliedNetwork {
  readonly id: string;
  readonly sites: readonly { readonly id: string; readonly kind: string }[];
}

/**
 * The data elements {@link consultationDataValues} writes (ids of `catalogDataElements`).
 *
 * @example
 * ```ts
 * import { consultationDataElements } from '@eduset/core/indicators';
 * consultationDataElements.held; // 'consultations-held'
 * ```
 */
export const consultationDataElements = {
  /** Attended consultations, disaggregated by the site's kind. */
  held: 'consultations-held',
  /** Attended consultations, disaggregated by service. */
  heldByService: 'consultations-held-by-service',
  /** Survey answers, disaggregated by the site's kind. */
  surveyed: 'parents-surveyed',
  /** Answers «satisfied», disaggregated by the site's kind. */
  satisfied: 'parents-satisfied',
} as const;

/** A disaggregation id when the text is one (letters, digits, `_`, `-`), else none. */
function disaggregationOf(id: string): string | undefined {
  return IDENTIFIER.test(id) ? id : undefined;
}

/**
 * Turns the storage's counts of attended consultations and survey answers into data values
 * of the catalog's data elements ({@link consultationDataElements}):
 * - `consultations-held` per site and month, disaggregated by the site's kind (so
 *   `#{consultations-held.early-help}` counts the early-help services only);
 * - `consultations-held-by-service` per site and month, disaggregated by service;
 * - `parents-surveyed` and `parents-satisfied` per site and school year, disaggregated by the
 *   site's kind (a zero «satisfied» is written, so a share of 0 % is a value).
 *
 * Counts of one site and period are summed into one value. A site the network does not list
 * (removed since) is counted at the network's own org unit, without a kind. The stored rows
 * are complete, so for every period with data the network's own unit gets a zero of each
 * kind of site the network has: a sum over kinds (consultation points and early-help
 * services) is then a whole value at the network and above, not one flagged partial. The
 * result does not depend on the order of the tallies.
 *
 * @example
 * ```ts
 * import { consultationDataValues } from '@eduset/core/indicators';
 * consultationDataValues(
 *   { id: 'udomlya', sites: [{ id: 'kp-teremok', kind: 'consultation-point' }] },
 *   [{ siteId: 'kp-teremok', serviceId: 'speech', month: '2019-10', attended: 12 }],
 *   [{ siteId: 'kp-teremok', serviceId: 'speech', schoolYear: '2019-2020', answered: 10, satisfied: 9 }],
 * ).length; // 7 (4, and a zero of the one kind at 'udomlya' for each element and period)
 * ```
 */
export function consultationDataValues(
  network: TalliedNetwork,
  consultations: readonly ConsultationTally[],
  surveys: readonly SurveyTally[],
): DataValue[] {
  const kindOf = new Map(network.sites.map((site) => [site.id, site.kind]));
  const sums = new Map<string, { value: Omit<DataValue, 'value'>; total: number }>();
  const put = (
    dataElement: string,
    orgUnit: string,
    period: string,
    disaggregation: string | undefined,
    count: number,
  ) => {
    const key = `${dataElement}\u0000${orgUnit}\u0000${period}\u0000${disaggregation ?? ''}`;
    const entry = sums.get(key);
    if (entry !== undefined) {
      entry.total += count;
      return;
    }
    sums.set(key, {
      value: {
        dataElement,
        orgUnit,
        period,
        ...(disaggregation === undefined ? {} : { disaggregation }),
      },
      total: count,
    });
  };
  /** At the site, or at the network's own unit (without a disaggregation) for an unknown site. */
  const add = (
    dataElement: string,
    siteId: string,
    period: string,
    disaggregation: string | undefined,
    count: number,
  ) => {
    if (kindOf.has(siteId)) put(dataElement, siteId, period, disaggregation, count);
    else put(dataElement, network.id, period, undefined, count);
  };
  const kind = (siteId: string) => disaggregationOf(kindOf.get(siteId) ?? '');
  // The stored rows are complete: a kind of site with no consultation in a period had none.
  // A zero of every kind at the network's own unit says so, so that a sum over kinds at the
  // network (and above) is a whole value, not one flagged partial.
  const kinds = [...new Set(network.sites.map((site) => disaggregationOf(site.kind)))].filter(
    (id): id is string => id !== undefined,
  );
  const months = new Set<string>();
  for (const tally of consultations) {
    if (tally.attended === 0) continue;
    months.add(tally.month);
    add(
      consultationDataElements.held,
      tally.siteId,
      tally.month,
      kind(tally.siteId),
      tally.attended,
    );
    add(
      consultationDataElements.heldByService,
      tally.siteId,
      tally.month,
      disaggregationOf(tally.serviceId),
      tally.attended,
    );
  }
  const years = new Set<string>();
  for (const tally of surveys) {
    if (tally.answered === 0) continue;
    years.add(tally.schoolYear);
    const split = kind(tally.siteId);
    add(consultationDataElements.surveyed, tally.siteId, tally.schoolYear, split, tally.answered);
    add(consultationDataElements.satisfied, tally.siteId, tally.schoolYear, split, tally.satisfied);
  }
  for (const split of kinds) {
    for (const month of months) put(consultationDataElements.held, network.id, month, split, 0);
    for (const year of years) {
      put(consultationDataElements.surveyed, network.id, year, split, 0);
      put(consultationDataElements.satisfied, network.id, year, split, 0);
    }
  }
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { value, total }]) => ({ ...value, value: String(total) }));
}

/**
 * What {@link networkOrgUnits} reads of a network (`@eduset/core/network`'s `Network` has it).
 *
 * @example
 * ```ts
 * import type { OrgUnitNetwork } from '@eduset/core/indicators';
 * const network: OrgUnitNetwork = { id: 'town', municipality: 'Город', organizations: [], sites: [] };
 * ```
 */
export interface OrgUnitNetwork {
  readonly id: string;
  readonly municipality: string;
  readonly organizations: readonly {
    readonly id: string;
    readonly name: string;
    readonly shortName?: string | undefined;
  }[];
  readonly sites: readonly {
    readonly id: string;
    readonly name: string;
    readonly hostOrganizationId: string;
  }[];
}

/**
 * The org units of a network for the indicators: the network itself as the municipality
 * (its id, named after the municipality), each organization that hosts a site, and each
 * site under its host. Names are the network's (Russian; the same text in English).
 *
 * @example
 * ```ts
 * import { networkOrgUnits } from '@eduset/core/indicators';
 * networkOrgUnits({
 *   id: 'town', municipality: 'Город',
 *   organizations: [{ id: 'ds-1', name: 'Детский сад №1' }],
 *   sites: [{ id: 'kp-1', name: 'КП детского сада №1', hostOrganizationId: 'ds-1' }],
 * }).map((unit) => `${unit.level} ${unit.id}`); // ['municipality town', 'organization ds-1', 'site kp-1']
 * ```
 */
export function networkOrgUnits(network: OrgUnitNetwork): OrgUnit[] {
  const hosts = new Set(network.sites.map((site) => site.hostOrganizationId));
  const same = (text: string) => ({ ru: text, en: text });
  return [
    { id: network.id, name: same(network.municipality), level: 'municipality' },
    ...network.organizations
      .filter((organization) => hosts.has(organization.id))
      .map((organization): OrgUnit => ({
        id: organization.id,
        name: same(organization.shortName ?? organization.name),
        level: 'organization',
        parent: network.id,
      })),
    ...network.sites.map((site): OrgUnit => ({
      id: site.id,
      name: same(site.name),
      level: 'site',
      parent: site.hostOrganizationId,
    })),
  ];
}

/**
 * One «consultations held» indicator per service of a network (the services are the
 * network's, so these definitions are made from it rather than shipped in the catalog):
 * `consultations-held-service-<service id>`, counting `#{consultations-held-by-service.<id>}`.
 * Services whose id is not a formula identifier are left out.
 *
 * @example
 * ```ts
 * import { parseIndicatorDefinition, serviceConsultationIndicators } from '@eduset/core/indicators';
 * const [speech] = serviceConsultationIndicators([
 *   { id: 'speech', name: 'Консультация логопеда', nameEn: 'Speech therapist consultation' },
 * ]);
 * parseIndicatorDefinition(speech).name.en; // 'Consultations held: Speech therapist consultation'
 * ```
 */
export function serviceConsultationIndicators(
  services: readonly {
    readonly id: string;
    readonly name: string;
    readonly nameEn?: string | undefined;
  }[],
): IndicatorDefinitionInput[] {
  return services
    .filter((service) => disaggregationOf(service.id) !== undefined)
    .map((service) => {
      // A second service for the test case, whose consultations must not count.
      const other = service.id === 'zz-other' ? 'zz-another' : 'zz-other';
      return {
        id: `consultations-held-service-${service.id}`,
        version: 1,
        name: {
          ru: `Консультаций проведено: ${service.name}`,
          en: `Consultations held: ${service.nameEn ?? service.name}`,
        },
        source: 'eduset: записи на консультации / bookings',
        unit: 'number',
        numerator: `#{consultations-held-by-service.${service.id}}`,
        decimals: 0,
        levels: ['site', 'organization', 'municipality', 'region'],
        periodType: 'school-year',
        tests: [
          {
            name: 'только эта услуга',
            inputs: {
              [`consultations-held-by-service.${service.id}`]: '3',
              [`consultations-held-by-service.${other}`]: '4',
            },
            expected: { value: '3' },
          },
        ],
      };
    });
}
