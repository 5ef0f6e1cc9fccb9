import { Money } from '../common/index.js';
import { z } from '../common/zod.js';
import { advanceFor, settleMonth } from './contract-amounts.js';
import type { Contract } from './contract.js';
import type { Ledger, LedgerEntry } from './ledger.js';
import {
  billingOptionsSchema,
  financingMonthSchema,
  checkArgs,
  checkMonth,
  checkNumber,
  checkPercent,
  invalid,
} from './validation.js';

/** Statuses whose scheduled months are billed. */
function billable(contract: Contract): boolean {
  return contract.status === 'active' || contract.status === 'closed';
}

function monthOfContract(contract: Contract, month: string): Money | undefined {
  const entry = contract.schedule.find((candidate) => candidate.month === month);
  return entry?.certificate;
}

/**
 * Options of a month's billing: the advance percent (80 by default) and the completeness
 * the providers reported for each contract (100 % when not given), each from 0 to 100
 * (`billingOptionsSchema`).
 *
 * @example
 * ```ts
 * import type { BillingOptions } from '@eduset/core/financing';
 * const options: BillingOptions = { completeness: { k1: 90 } };
 * ```
 */
export interface BillingOptions {
  readonly advancePercent?: number;
  readonly completeness?: Readonly<Record<string, number>>;
}

const entryIdArgs = z.object({ contractId: z.string().min(1), month: financingMonthSchema });

/**
 * The ids of a month's billing movements for a contract. Deterministic, so billing a month
 * twice posts nothing the second time.
 *
 * @example
 * ```ts
 * import { billingEntryIds } from '@eduset/core/financing';
 * billingEntryIds('k1', '2017-09').advance; // 'debit:advance:k1:2017-09'
 * ```
 */
export function billingEntryIds(
  contractId: string,
  month: string,
): {
  readonly advance: string;
  readonly settlement: string;
  readonly refund: string;
  readonly release: string;
} {
  checkArgs(entryIdArgs, { contractId, month });
  return {
    advance: `debit:advance:${contractId}:${month}`,
    settlement: `debit:settlement:${contractId}:${month}`,
    refund: `refund:settlement:${contractId}:${month}`,
    release: `release:settlement:${contractId}:${month}`,
  };
}

function entryBase(
  contract: Contract,
  month: string,
): Pick<LedgerEntry, 'certificateId' | 'period' | 'contractId' | 'providerId' | 'month'> {
  return {
    certificateId: contract.certificateId,
    period: contract.period,
    contractId: contract.id,
    providerId: contract.providerId,
    month,
  };
}

const optionsArgs = z.object({ options: billingOptionsSchema });

/**
 * The advance movements of a month: for every billable contract with a certificate part
 * that month, a debit of `floor2(monthly · 80 %)` from its reserve. Contracts are visited in
 * id order, so the result does not depend on how they are listed. Given the month's
 * `ledger`, a contract whose month is already settled gets no advance: an advance after the
 * settlement would pay the month twice (and make the settlement disagree with itself).
 *
 * @example
 * ```ts
 * import { advanceEntries, type Contract } from '@eduset/core/financing';
 * declare const contracts: readonly Contract[];
 * advanceEntries(contracts, '2017-09').length;
 * ```
 */
export function advanceEntries(
  contracts: readonly Contract[],
  month: string,
  options: BillingOptions = {},
  ledger?: Ledger,
): LedgerEntry[] {
  checkMonth(month, 'month');
  checkArgs(optionsArgs, { options });
  const posted = new Set(ledger?.entries.map((entry) => entry.id));
  const settled = (contractId: string): boolean => {
    const ids = billingEntryIds(contractId, month);
    return posted.has(ids.settlement) || posted.has(ids.refund) || posted.has(ids.release);
  };
  const entries: LedgerEntry[] = [];
  for (const contract of sortedById(contracts)) {
    if (!billable(contract) || settled(contract.id)) continue;
    const monthly = monthOfContract(contract, month);
    if (!monthly || monthly.isZero()) continue;
    const advance = advanceFor(monthly, options.advancePercent ?? 80);
    if (advance.isZero()) continue;
    entries.push({
      id: billingEntryIds(contract.id, month).advance,
      kind: 'debit',
      amount: advance,
      ...entryBase(contract, month),
    });
  }
  return entries;
}

/**
 * The settlement movements of a month: the settled amount is `monthly × completeness %`
 * (100 % for a month paid in full after a termination). What exceeds the advance is
 * debited; an advance above the settled amount is refunded; the rest of the month's
 * reserve is released to the certificate. The advance is read from the ledger (zero if it
 * was not paid). A contract whose month the ledger shows settled already is left as it is:
 * a month is settled once (settling it again with another completeness would move money
 * that is gone; a correction belongs to a later month).
 *
 * @example
 * ```ts
 * import { settlementEntries, type Contract, type Ledger } from '@eduset/core/financing';
 * declare const ledger: Ledger;
 * declare const contracts: readonly Contract[];
 * settlementEntries(ledger, contracts, '2017-09', { completeness: { k1: 90 } });
 * ```
 */
export function settlementEntries(
  ledger: Ledger,
  contracts: readonly Contract[],
  month: string,
  options: BillingOptions = {},
): LedgerEntry[] {
  checkMonth(month, 'month');
  checkArgs(optionsArgs, { options });
  const advances = new Map<string, Money>();
  for (const entry of ledger.entries) advances.set(entry.id, entry.amount);
  const entries: LedgerEntry[] = [];
  for (const contract of sortedById(contracts)) {
    if (!billable(contract)) continue;
    const monthly = monthOfContract(contract, month);
    if (!monthly || monthly.isZero()) continue;
    const ids = billingEntryIds(contract.id, month);
    if (advances.has(ids.settlement) || advances.has(ids.refund) || advances.has(ids.release))
      continue;
    const completeness =
      contract.paidInFull === month ? 100 : (options.completeness?.[contract.id] ?? 100);
    const { settled } = settleMonth(monthly, completeness);
    const advance = advances.get(ids.advance) ?? Money.zero();
    const base = entryBase(contract, month);
    if (settled.compare(advance) > 0) {
      entries.push({
        id: ids.settlement,
        kind: 'debit',
        amount: settled.subtract(advance),
        ...base,
      });
    } else if (settled.compare(advance) < 0) {
      entries.push({ id: ids.refund, kind: 'refund', amount: advance.subtract(settled), ...base });
    }
    const release = monthly.subtract(settled.compare(advance) > 0 ? settled : advance);
    if (!release.isZero())
      entries.push({ id: ids.release, kind: 'release', amount: release, ...base });
  }
  return entries;
}

function sortedById(contracts: readonly Contract[]): Contract[] {
  return [...contracts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * One provider's line of the monthly report: what the payer pays it (advance, settlement,
 * minus refunds) and what families pay it directly, for the month.
 *
 * @example
 * ```ts
 * import type { ProviderPayment } from '@eduset/core/financing';
 * declare const line: ProviderPayment;
 * line.payer.add(line.family).equals(line.total); // true
 * ```
 */
export interface ProviderPayment {
  readonly providerId: string;
  readonly contracts: number;
  readonly advance: Money;
  readonly settlement: Money;
  readonly refunded: Money;
  readonly payer: Money;
  readonly family: Money;
  readonly total: Money;
}

/**
 * The monthly report of what the payer owes each provider: built from the ledger's
 * movements of the month (so it always agrees with the certificates' balances) and the
 * family parts of the contracts' schedules. Lines are sorted by provider id; `totals` sums
 * them.
 *
 * @example
 * ```ts
 * import { paymentReport, type Contract, type Ledger } from '@eduset/core/financing';
 * declare const ledger: Ledger;
 * declare const contracts: readonly Contract[];
 * paymentReport(ledger, contracts, '2017-09').totals.payer.toString();
 * ```
 */
export function paymentReport(
  ledger: Ledger,
  contracts: readonly Contract[],
  month: string,
): {
  readonly month: string;
  readonly lines: readonly ProviderPayment[];
  readonly totals: Omit<ProviderPayment, 'providerId'>;
} {
  checkMonth(month, 'month');
  interface Sums {
    contracts: Set<string>;
    advance: Money;
    settlement: Money;
    refunded: Money;
    family: Money;
  }
  const byProvider = new Map<string, Sums>();
  const sums = (providerId: string): Sums => {
    let found = byProvider.get(providerId);
    if (!found) {
      found = {
        contracts: new Set(),
        advance: Money.zero(),
        settlement: Money.zero(),
        refunded: Money.zero(),
        family: Money.zero(),
      };
      byProvider.set(providerId, found);
    }
    return found;
  };
  for (const entry of ledger.entries) {
    if (entry.month !== month || !entry.providerId) continue;
    const line = sums(entry.providerId);
    if (entry.contractId) line.contracts.add(entry.contractId);
    if (entry.kind === 'debit' && entry.id.startsWith('debit:advance:'))
      line.advance = line.advance.add(entry.amount);
    else if (entry.kind === 'debit') line.settlement = line.settlement.add(entry.amount);
    else if (entry.kind === 'refund') line.refunded = line.refunded.add(entry.amount);
  }
  for (const contract of contracts) {
    if (!billable(contract)) continue;
    const scheduled = contract.schedule.find((candidate) => candidate.month === month);
    if (!scheduled || scheduled.family.isZero()) continue;
    const line = sums(contract.providerId);
    line.contracts.add(contract.id);
    line.family = line.family.add(scheduled.family);
  }
  const lines: ProviderPayment[] = [...byProvider.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([providerId, line]) => {
      const payer = line.advance.add(line.settlement).subtract(line.refunded);
      return {
        providerId,
        contracts: line.contracts.size,
        advance: line.advance,
        settlement: line.settlement,
        refunded: line.refunded,
        payer,
        family: line.family,
        total: payer.add(line.family),
      };
    });
  const sum = (pick: (line: ProviderPayment) => Money): Money => Money.sum(lines.map(pick));
  return {
    month,
    lines,
    totals: {
      contracts: lines.reduce((count, line) => count + line.contracts, 0),
      advance: sum((line) => line.advance),
      settlement: sum((line) => line.settlement),
      refunded: sum((line) => line.refunded),
      payer: sum((line) => line.payer),
      family: sum((line) => line.family),
      total: sum((line) => line.total),
    },
  };
}

/** The largest kopeck amount the integer fast paths take (2^53 / 100, exact in doubles). */
const MAX_KOPECKS = Math.floor(Number.MAX_SAFE_INTEGER / 100);

/** Whether every element of an array is a whole number by its type (an integer typed array). */
function integerArray(values: ArrayLike<number>): boolean {
  return (
    values instanceof Int32Array ||
    values instanceof Uint8Array ||
    values instanceof Uint16Array ||
    values instanceof Uint32Array ||
    values instanceof Int16Array ||
    values instanceof Int8Array ||
    values instanceof Uint8ClampedArray
  );
}

/** Names the first amount or percent the kopeck fast path cannot take (a `ValidationError`). */
function refuseKopecks(
  monthlyKopecks: ArrayLike<number>,
  completenessPercent: ArrayLike<number>,
): never {
  for (let i = 0; i < monthlyKopecks.length; i += 1) {
    const at = `[${String(i)}]`;
    checkNumber(monthlyKopecks[i], `monthlyKopecks${at}`, {
      min: 0,
      max: MAX_KOPECKS,
      integer: true,
    });
    checkNumber(completenessPercent[i], `completenessPercent${at}`, {
      min: 0,
      max: 100,
      integer: true,
    });
  }
  return invalid([], 'invalid_number', { ru: 'Неверные данные', en: 'Invalid data' });
}

/**
 * Kopeck-integer billing of one month for many contracts at once (the fast path for a
 * whole municipality or a benchmark): the advance `floor(m · p / 100)` and the settlement
 * `round-half-up(m · c / 100)` in whole kopecks, for integer percents. Gives the same
 * kopecks as {@link advanceFor} and {@link settleMonth}; amounts must stay below
 * 2^53 / 100 kopecks.
 *
 * @example
 * ```ts
 * import { billKopecks } from '@eduset/core/financing';
 * billKopecks(Int32Array.of(58853), Uint8Array.of(90));
 * // { advance: 47082, settled: 52968, returned: 5885, count: 1 }
 * ```
 */
export function billKopecks(
  monthlyKopecks: ArrayLike<number>,
  completenessPercent: ArrayLike<number>,
  advancePercent: number = 80,
): {
  readonly advance: number;
  readonly settled: number;
  readonly returned: number;
  readonly count: number;
} {
  checkPercent(advancePercent, 'advancePercent');
  const n = monthlyKopecks.length;
  if (completenessPercent.length !== n) {
    invalid(['completenessPercent'], 'length_mismatch', {
      ru: `Полнот ${String(completenessPercent.length)}, а сумм ${String(n)}: нужно поровну`,
      en: `${String(completenessPercent.length)} completeness values for ${String(n)} amounts: expected as many`,
    });
  }
  // Whole kopecks from 0 and integer percents 0–100 (NaN fails every comparison), checked
  // in a loop of their own so the arithmetic below stays as fast as it was; integer typed
  // arrays need only the bounds.
  const whole = integerArray(monthlyKopecks) && integerArray(completenessPercent);
  for (let i = 0; i < n; i += 1) {
    const m = monthlyKopecks[i] as number;
    const c = completenessPercent[i] as number;
    if (
      !(m >= 0 && m <= MAX_KOPECKS && c >= 0 && c <= 100) ||
      (!whole && (m !== Math.floor(m) || c !== Math.floor(c)))
    )
      refuseKopecks(monthlyKopecks, completenessPercent);
  }
  let advance = 0;
  let settled = 0;
  let monthlyTotal = 0;
  for (let i = 0; i < n; i += 1) {
    const m = monthlyKopecks[i] as number;
    const c = completenessPercent[i] as number;
    advance += Math.floor((m * advancePercent) / 100);
    settled += Math.floor((m * c + 50) / 100);
    monthlyTotal += m;
  }
  return { advance, settled, returned: monthlyTotal - settled, count: n };
}

/** Names the argument of {@link scheduledMonthKopecks} that is wrong (a `ValidationError`). */
function refuseSchedule(
  totalKopecks: number,
  days: number,
  daysInFirstMonth: number,
  months: number,
  monthIndex: number,
): never {
  checkNumber(totalKopecks, 'totalKopecks', { min: 0, max: MAX_KOPECKS, integer: true });
  checkNumber(days, 'days', { min: 1, max: 36600, integer: true });
  checkNumber(daysInFirstMonth, 'daysInFirstMonth', { min: 1, max: days, integer: true });
  checkNumber(months, 'months', { min: 1, max: 1200, integer: true });
  checkNumber(monthIndex, 'monthIndex', { min: 0, max: 2 ** 31 - 1, integer: true });
  return invalid([], 'invalid_number', { ru: 'Неверные данные', en: 'Invalid data' });
}

/**
 * One month of the schedule rule in whole kopecks (the fast path of
 * `splitIntoMonths` for a total given in kopecks): every month after the first gets
 * `floor((days − daysInFirstMonth) · total / (days · (months − 1)))`, the first takes the
 * remainder. `monthIndex` 0 is the first month. Every argument is a whole number, with
 * `1 ≤ daysInFirstMonth ≤ days`, else a `ValidationError`.
 *
 * @example
 * ```ts
 * import { scheduledMonthKopecks } from '@eduset/core/financing';
 * scheduledMonthKopecks(234133, 122, 30, 4, 0); // 57574
 * scheduledMonthKopecks(234133, 122, 30, 4, 2); // 58853
 * ```
 */
export function scheduledMonthKopecks(
  totalKopecks: number,
  days: number,
  daysInFirstMonth: number,
  months: number,
  monthIndex: number,
): number {
  if (
    !(
      totalKopecks >= 0 &&
      totalKopecks <= MAX_KOPECKS &&
      daysInFirstMonth >= 1 &&
      daysInFirstMonth <= days &&
      months >= 1 &&
      monthIndex >= 0
    ) ||
    totalKopecks !== Math.floor(totalKopecks) ||
    (days | 0) !== days ||
    (daysInFirstMonth | 0) !== daysInFirstMonth ||
    (months | 0) !== months ||
    (monthIndex | 0) !== monthIndex
  ) {
    refuseSchedule(totalKopecks, days, daysInFirstMonth, months, monthIndex);
  }
  if (months <= 1) return monthIndex === 0 ? totalKopecks : 0;
  const other = Math.floor(((days - daysInFirstMonth) * totalKopecks) / (days * (months - 1)));
  if (monthIndex === 0) return totalKopecks - other * (months - 1);
  return monthIndex < months ? other : 0;
}
