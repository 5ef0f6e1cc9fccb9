import type { ValidationIssue } from '@eduset/core/common';
import type { NetworkInput, Organization, Site } from '@eduset/core/network';
import { readOrganizations } from './organizations.js';
import { labelIssue } from './rows.js';
import { readSites } from './sites.js';
import type { ImportOptions, ImportResult, ImportSource, RejectedRow } from './types.js';

/**
 * The files of a network to import together, with options for each.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import type { NetworkFiles } from '@eduset/adapters';
 * const files: NetworkFiles = {
 *   organizations: await readFile('organizations.csv'),
 *   sites: await readFile('sites.xlsx'),
 *   sitesOptions: { sheet: 'Площадки' },
 * };
 * ```
 */
export interface NetworkFiles {
  /** The organizations file (CSV or XLSX). */
  readonly organizations: ImportSource;
  /** The sites file (CSV or XLSX). */
  readonly sites: ImportSource;
  readonly organizationsOptions?: ImportOptions;
  readonly sitesOptions?: ImportOptions;
  /**
   * The services of the network, when known (e.g. from JSON); then a site row that names a
   * service not among them is rejected too. Left out, service ids are not checked.
   */
  readonly services?: NonNullable<NetworkInput['services']>;
}

/**
 * The outcome of {@link importNetworkFiles}: each file's result (site rows whose host
 * organization or service is unknown are among the rejected) and the accepted records in
 * the shape of core's `NetworkInput`.
 *
 * @example
 * ```ts
 * import { importNetworkFiles, type NetworkFilesResult } from '@eduset/adapters';
 * declare const result: NetworkFilesResult;
 * result.network.sites.every((site) =>
 *   result.network.organizations.some((o) => o.id === site.hostOrganizationId),
 * ); // true
 * ```
 */
export interface NetworkFilesResult {
  readonly organizations: ImportResult<Organization>;
  readonly sites: ImportResult<Site>;
  /** The accepted organizations and sites (and the services given), ready for `createNetwork`. */
  readonly network: {
    readonly organizations: Organization[];
    readonly sites: Site[];
    readonly services: NonNullable<NetworkInput['services']>;
  };
}

function headerOf(result: ImportResult<Site>, field: string): string {
  return result.columns.find((column) => column.field === field)?.header ?? field;
}

/**
 * Imports an organizations file and a sites file together. A site whose host organization
 * is not among the accepted organizations (absent from the file, or in a rejected row) is
 * moved to the rejected site rows with the reason; so is a site naming an unknown service
 * when `services` is given. `accepted + rejected = rows` still holds for each file.
 *
 * @throws ValidationError when either file cannot be read at all.
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { createNetwork } from '@eduset/core/network';
 * import { importNetworkFiles } from '@eduset/adapters';
 * const result = await importNetworkFiles({
 *   organizations: await readFile('organizations.csv'),
 *   sites: await readFile('sites.csv'),
 *   services: [{ id: 'psychologist-consultation', name: 'Консультация психолога' }],
 * });
 * const network = createNetwork({
 *   id: 'udomlya', name: 'Служба помощи родителям', municipality: 'Удомля', ...result.network,
 * });
 * ```
 */
export async function importNetworkFiles(files: NetworkFiles): Promise<NetworkFilesResult> {
  const organizations = (await readOrganizations(files.organizations, files.organizationsOptions))
    .result;
  const { result: importedSites, cellsByRow } = await readSites(files.sites, files.sitesOptions);
  const acceptedIds = new Set<string>(organizations.accepted.map(({ record }) => record.id));
  const rejectedRowOf = new Map<string, number>();
  const idIndex = organizations.columns.find((column) => column.field === 'id')?.index;
  for (const { row, cells } of organizations.rejected) {
    const id = idIndex === undefined ? '' : (cells[idIndex] ?? '');
    if (id !== '' && !rejectedRowOf.has(id)) rejectedRowOf.set(id, row);
  }
  const serviceIds =
    files.services === undefined ? undefined : new Set(files.services.map((service) => service.id));
  const hostHeader = headerOf(importedSites, 'hostOrganizationId');
  const servicesHeader = headerOf(importedSites, 'serviceIds');

  const acceptedSites: { row: number; record: Site }[] = [];
  const newlyRejected: RejectedRow[] = [];
  for (const accepted of importedSites.accepted) {
    const { record, row } = accepted;
    const issues: ValidationIssue[] = [];
    const host = record.hostOrganizationId;
    if (!acceptedIds.has(host)) {
      const rejectedRow = rejectedRowOf.get(host);
      const message =
        rejectedRow === undefined
          ? {
              ru: `организации с кодом «${host}» нет в файле организаций`,
              en: `no organization with id "${host}" in the organizations file`,
            }
          : {
              ru: `организация «${host}» не принята: строка ${rejectedRow} файла организаций отклонена`,
              en: `organization "${host}" was not accepted: row ${rejectedRow} of the organizations file was rejected`,
            };
      issues.push(
        labelIssue(
          { path: ['hostOrganizationId'], code: 'unknown_host_organization', message },
          hostHeader,
        ),
      );
    }
    if (serviceIds !== undefined) {
      record.serviceIds.forEach((serviceId, index) => {
        if (serviceIds.has(serviceId)) return;
        issues.push(
          labelIssue(
            {
              path: ['serviceIds', index],
              code: 'unknown_service',
              message: {
                ru: `неизвестная услуга «${serviceId}»`,
                en: `unknown service "${serviceId}"`,
              },
            },
            servicesHeader,
          ),
        );
      });
    }
    if (issues.length === 0) {
      acceptedSites.push(accepted);
      continue;
    }
    const cells = cellsByRow.get(row) ?? [];
    newlyRejected.push({ row, cells, issues });
  }
  const sites: ImportResult<Site> = {
    ...importedSites,
    accepted: acceptedSites,
    rejected: [...importedSites.rejected, ...newlyRejected].sort((a, b) => a.row - b.row),
  };
  return {
    organizations,
    sites,
    network: {
      organizations: organizations.accepted.map(({ record }) => record),
      sites: acceptedSites.map(({ record }) => record),
      services: [...(files.services ?? [])],
    },
  };
}
