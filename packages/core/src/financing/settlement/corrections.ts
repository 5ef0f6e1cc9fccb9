import { Money } from '../../common/index.js';
import { settleMonth } from '../contract-amounts.js';
import type { Contract } from '../contract.js';
import type { LedgerEntry } from '../ledger.js';
import { SettlementError } from './months.js';
import type { SettlementAdjustment } from './preview.js';

/**
 * What {@link settlementCorrection} needs: the contract, the month corrected, the
 * completeness it should have had, the contract's movements of that month as posted, the
 * earlier adjustments of the same contract's month, and the completeness the month was
 * settled with.
 *
 * @example
 * ```ts
 * import type { CorrectionInput } from '@eduset/core/financing';
 * declare const input: CorrectionInput;
 * input.completeness; // 80
 * ```
 */
export interface CorrectionInput {
  readonly contract: Contract;
  readonly month: string;
  readonly completeness: number;
  readonly posted: readonly LedgerEntry[];
  readonly previous: readonly SettlementAdjustment[];
  readonly settledWith: number;
}

/**
 * The difference a correction makes to a paid month of a contract: what was settled (the
 * posted advance and settlement minus refunds of the month, plus earlier adjustments of it),
 * what should have been (core's `settleMonth` of the month's certificate part at the new
 * completeness), and the signed difference. Refuses (`SettlementError`) a month with nothing
 * scheduled (`contract-not-billed`), the month of a termination (`paid-in-full`) and a
 * correction that changes nothing (`nothing-to-correct`).
 *
 * @example
 * ```ts
 * import { settlementCorrection, type CorrectionInput } from '@eduset/core/financing';
 * declare const input: CorrectionInput;
 * settlementCorrection(input).amount.toString(); // e.g. '-58.85'
 * ```
 */
export function settlementCorrection(input: CorrectionInput): {
  readonly completenessBefore: number;
  readonly settledBefore: Money;
  readonly settledAfter: Money;
  readonly amount: Money;
} {
  const { contract, month } = input;
  const scheduled = contract.schedule.find((entry) => entry.month === month);
  if (scheduled === undefined || scheduled.certificate.isZero()) {
    throw new SettlementError('contract-not-billed');
  }
  if (contract.paidInFull === month) throw new SettlementError('paid-in-full');
  let settledBefore = Money.zero();
  for (const entry of input.posted) {
    if (entry.contractId !== contract.id || entry.month !== month) continue;
    if (entry.id.startsWith('adjust:')) continue;
    if (entry.kind === 'debit') settledBefore = settledBefore.add(entry.amount);
    else if (entry.kind === 'refund') settledBefore = settledBefore.subtract(entry.amount);
  }
  let completenessBefore = input.settledWith;
  for (const adjustment of input.previous) {
    settledBefore = settledBefore.add(adjustment.amount);
    completenessBefore = adjustment.completenessAfter;
  }
  const { settled: settledAfter } = settleMonth(scheduled.certificate, input.completeness);
  const amount = settledAfter.subtract(settledBefore);
  if (amount.isZero()) throw new SettlementError('nothing-to-correct');
  return { completenessBefore, settledBefore, settledAfter, amount };
}
