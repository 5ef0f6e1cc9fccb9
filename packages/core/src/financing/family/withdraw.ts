import type { Certificate } from '../certificate.js';
import { activateCertificate } from '../certificate.js';
import { terminateContract, transitionContract, type Contract } from '../contract.js';
import type { LedgerEntry } from '../ledger.js';
import { FamilyRefusal } from './refusals.js';

/**
 * The family withdraws its enrolment request before the provider accepts it: the request is
 * refused (by the family: `closedBy: 'family'`) and its reserve goes back to the certificate.
 * After the provider accepted it, `FamilyRefusal('already-accepted')`; a closed one,
 * `FamilyRefusal('not-withdrawable')`.
 *
 * @example
 * ```ts
 * import { withdrawEnrolment, type Contract } from '@eduset/core/financing';
 * declare const requested: Contract;
 * const { contract, entries } = withdrawEnrolment(requested, '2026-10-06');
 * contract.closedBy; // 'family'
 * entries[0]?.kind; // 'release'
 * ```
 */
export function withdrawEnrolment(
  contract: Contract,
  on: string,
): { readonly contract: Contract; readonly entries: readonly LedgerEntry[] } {
  if (contract.status === 'accepted' || contract.status === 'active') {
    throw new FamilyRefusal('already-accepted');
  }
  if (contract.status !== 'requested') throw new FamilyRefusal('not-withdrawable');
  const refused = transitionContract(contract, 'refused', on);
  return { contract: { ...refused.contract, closedBy: 'family' }, entries: refused.entries };
}

/**
 * The family ends an active contract from next month (core's `terminateContract` by
 * `'family'`): the current month is paid in full, the later months' reserve goes back to the
 * certificate. Anything but an active contract: `FamilyRefusal('not-active')`.
 *
 * @example
 * ```ts
 * import { endContractByFamily, type Contract } from '@eduset/core/financing';
 * declare const active: Contract;
 * endContractByFamily(active, '2026-11-12').contract.end; // '2026-11-30'
 * ```
 */
export function endContractByFamily(
  contract: Contract,
  on: string,
): { readonly contract: Contract; readonly entries: readonly LedgerEntry[] } {
  if (contract.status !== 'active') throw new FamilyRefusal('not-active');
  return terminateContract(contract, on, 'family');
}

/**
 * Whether the family may withdraw the request (`withdraw`) or end the contract from next
 * month (`end`) now.
 *
 * @example
 * ```ts
 * import { familyMayChange } from '@eduset/core/financing';
 * familyMayChange({ status: 'requested' }); // { withdraw: true, end: false }
 * ```
 */
export function familyMayChange(contract: Pick<Contract, 'status'>): {
  readonly withdraw: boolean;
  readonly end: boolean;
} {
  return { withdraw: contract.status === 'requested', end: contract.status === 'active' };
}

/**
 * The family activates its issued certificate (it confirms it wants it): `active` from `on`.
 * Any other status: `FamilyRefusal('not-activatable')`.
 *
 * @example
 * ```ts
 * import { activateByFamily, type Certificate } from '@eduset/core/financing';
 * declare const issued: Certificate;
 * activateByFamily(issued, '2026-10-06').status; // 'active'
 * ```
 */
export function activateByFamily(certificate: Certificate, on: string): Certificate {
  if (certificate.status !== 'issued') throw new FamilyRefusal('not-activatable');
  return activateCertificate(certificate, on);
}
