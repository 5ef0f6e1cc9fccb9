import { Money, type LocalizedText } from '../../common/index.js';
import type { Certificate } from '../certificate.js';
import { isLive, type Contract } from '../contract.js';
import { coverageReport, type Coverage } from '../coverage.js';
import { directionLabels, type Direction, type Programme, type Provider } from '../programme.js';

/**
 * What {@link financingReport} needs: the date and the financing period, the period's
 * certificates (the children who hold one), its contracts, the registry, what was paid per
 * contract so far, the certificates' balances summed, and an optional direction or provider
 * to narrow to.
 *
 * @example
 * ```ts
 * import type { FinancingReportInput } from '@eduset/core/financing';
 * const input: FinancingReportInput = {
 *   on: '2026-10-15', period: '2026-2027', certificates: [], contracts: [], programmes: [], providers: [],
 * };
 * ```
 */
export interface FinancingReportInput {
  readonly on: string;
  readonly period: string;
  readonly certificates: readonly Pick<Certificate, 'id' | 'childId' | 'birthDate' | 'status'>[];
  readonly contracts: readonly Contract[];
  readonly programmes: readonly Programme[];
  readonly providers: readonly Provider[];
  /** Paid to the providers so far per contract (debits minus refunds of the ledger). */
  readonly paid?: ReadonlyMap<string, Money>;
  /** The certificates' balances of the period, summed. */
  readonly balances?: {
    readonly nominal: Money;
    readonly available: Money;
    readonly reserved: Money;
    readonly spent: Money;
  };
  readonly direction?: Direction;
  readonly providerId?: string;
}

/**
 * One row of the coverage and uptake report (a direction, a provider, or the total):
 * programmes and their places, applications waiting and contracts held, children attending
 * on the date (funded programmes, and any programme), their share of the certificate
 * holders, places taken and their share, and the money: the certificates' and families'
 * parts of the contracts and what was paid so far.
 *
 * @example
 * ```ts
 * import type { FinancingReportRow } from '@eduset/core/financing';
 * declare const row: FinancingReportRow;
 * `${row.attendingFunded} (${row.fundedShare} %)`;
 * ```
 */
export interface FinancingReportRow {
  readonly key: string;
  readonly name: LocalizedText;
  readonly programmes: number;
  readonly places: number;
  readonly applications: number;
  readonly contracts: number;
  readonly placesTaken: number;
  readonly placesShare: string;
  readonly attendingFunded: number;
  readonly attendingAny: number;
  readonly fundedShare: string;
  readonly certificate: Money;
  readonly family: Money;
  readonly paid: Money;
}

/**
 * The coverage and uptake report of a financing period on a date, overall, by direction and
 * by provider (see {@link FinancingReportRow}); `coverage` is core's `coverageReport` over the
 * certificate holders (children 5–17 who hold a certificate of the period).
 *
 * @example
 * ```ts
 * import type { FinancingReport } from '@eduset/core/financing';
 * declare const report: FinancingReport;
 * report.byDirection.map((row) => row.name.ru);
 * ```
 */
export interface FinancingReport {
  readonly on: string;
  readonly period: string;
  readonly direction?: Direction;
  readonly providerId?: string;
  readonly coverage: Coverage;
  readonly certificatesUsedShare: string;
  readonly balances?: FinancingReportInput['balances'];
  readonly total: FinancingReportRow;
  readonly byDirection: readonly FinancingReportRow[];
  readonly byProvider: readonly FinancingReportRow[];
}

/** `part / whole` in percent with two decimals, rounded half up, in whole-number arithmetic. */
function share(part: number, whole: number): string {
  if (whole === 0) return '0.00';
  const hundredths = Math.floor((part * 10000 * 2 + whole) / (2 * whole));
  return `${String(Math.floor(hundredths / 100))}.${String(hundredths % 100).padStart(2, '0')}`;
}

const attends = (contract: Contract): boolean =>
  contract.status === 'active' || contract.status === 'closed';

/**
 * The coverage and uptake of personalized financing for a period on a date, by direction
 * and by provider, optionally narrowed to one direction or one provider. Children are
 * counted with core's `coverageReport` (each child once, however many programmes; only
 * contracts running on the date); the base of every share is the children holding a
 * certificate of the period. Places are the capacity of the programmes' groups; a place is
 * taken by a live contract (requested, accepted or active); applications are those not yet
 * active. Rows are ordered by the directions' order and by provider id.
 *
 * @example
 * ```ts
 * import { financingReport } from '@eduset/core/financing';
 * const report = financingReport({
 *   on: '2026-10-15', period: '2026-2027', certificates: [], contracts: [], programmes: [], providers: [],
 * });
 * report.total.contracts; // 0
 * ```
 */
export function financingReport(input: FinancingReportInput): FinancingReport {
  const programmes = new Map(input.programmes.map((programme) => [programme.id, programme]));
  const certificates = new Map(
    input.certificates.map((certificate) => [certificate.id, certificate]),
  );
  const childOf = (certificateId: string): string =>
    certificates.get(certificateId)?.childId ?? certificateId;
  const children = [
    ...new Map(
      input.certificates.map((certificate) => [
        certificate.childId ?? certificate.id,
        { id: certificate.childId ?? certificate.id, birthDate: certificate.birthDate },
      ]),
    ).values(),
  ];
  const holders = input.certificates.map((certificate) => ({
    id: certificate.id,
    childId: certificate.childId ?? certificate.id,
    status: certificate.status,
  }));
  const selected = (programme: Programme): boolean =>
    (input.direction === undefined || programme.direction === input.direction) &&
    (input.providerId === undefined || programme.providerId === input.providerId);
  const chosenProgrammes = input.programmes.filter(selected);
  const chosenContracts = input.contracts.filter((contract) => {
    const programme = programmes.get(contract.programmeId);
    return contract.period === input.period && programme !== undefined && selected(programme);
  });

  const row = (
    key: string,
    name: LocalizedText,
    rowProgrammes: readonly Programme[],
    rowContracts: readonly Contract[],
  ): FinancingReportRow => {
    const coverage = coverageReport({
      on: input.on,
      children,
      enrolments: rowContracts.filter(attends).map((contract) => ({
        childId: childOf(contract.certificateId),
        programmeId: contract.programmeId,
        fundingKind: programmes.get(contract.programmeId)?.fundingKind ?? 'funded',
        start: contract.start,
        end: contract.end,
      })),
    });
    const places = rowProgrammes.reduce(
      (sum, programme) =>
        sum +
        programme.modules.reduce(
          (modules, module) =>
            modules + module.groups.reduce((groups, group) => groups + group.capacity, 0),
          0,
        ),
      0,
    );
    const live = rowContracts.filter(isLive);
    const held = rowContracts.filter(attends);
    return {
      key,
      name,
      programmes: rowProgrammes.length,
      places,
      applications: live.filter((contract) => contract.status !== 'active').length,
      contracts: held.length,
      placesTaken: live.length,
      placesShare: share(live.length, places),
      attendingFunded: coverage.funded,
      attendingAny: coverage.anyProgramme,
      fundedShare: coverage.fundedShare,
      certificate: Money.sum(held.map((contract) => contract.certificate)),
      family: Money.sum(held.map((contract) => contract.family)),
      paid: Money.sum(held.map((contract) => input.paid?.get(contract.id) ?? Money.zero())),
    };
  };

  const directionOrder = Object.keys(directionLabels) as Direction[];
  const byDirection = directionOrder
    .map((direction) =>
      row(
        direction,
        directionLabels[direction],
        chosenProgrammes.filter((programme) => programme.direction === direction),
        chosenContracts.filter((contract) => contract.direction === direction),
      ),
    )
    .filter((line) => line.programmes > 0 || line.contracts > 0 || line.applications > 0);
  const providerNames = new Map(input.providers.map((provider) => [provider.id, provider.name]));
  const providerIds = [
    ...new Set([
      ...chosenProgrammes.map((programme) => programme.providerId),
      ...chosenContracts.map((contract) => contract.providerId),
    ]),
  ].sort();
  const byProvider = providerIds.map((providerId) => {
    const name = providerNames.get(providerId) ?? providerId;
    return row(
      providerId,
      { ru: name, en: name },
      chosenProgrammes.filter((programme) => programme.providerId === providerId),
      chosenContracts.filter((contract) => contract.providerId === providerId),
    );
  });
  const total = row('total', { ru: 'Итого', en: 'Total' }, chosenProgrammes, chosenContracts);
  const coverage = coverageReport({
    on: input.on,
    children,
    certificates: holders,
    enrolments: chosenContracts.filter(attends).map((contract) => ({
      childId: childOf(contract.certificateId),
      programmeId: contract.programmeId,
      fundingKind: programmes.get(contract.programmeId)?.fundingKind ?? 'funded',
      start: contract.start,
      end: contract.end,
    })),
  });
  return {
    on: input.on,
    period: input.period,
    ...(input.direction === undefined ? {} : { direction: input.direction }),
    ...(input.providerId === undefined ? {} : { providerId: input.providerId }),
    coverage,
    certificatesUsedShare: share(coverage.certificatesUsed, coverage.certificatesIssued),
    ...(input.balances === undefined ? {} : { balances: input.balances }),
    total,
    byDirection,
    byProvider,
  };
}
