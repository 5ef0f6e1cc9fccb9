import {
  ConflictError,
  issueFromZod,
  Money,
  parse,
  ValidationError,
  type LocalizedText,
} from '../common/index.js';
import { z } from '../common/zod.js';
import { moneySchema } from './amounts.js';
import { FinancingLimitError } from './limits.js';
import { checkArgs, checkMoney, invalid, financingMonthSchema } from './validation.js';

/**
 * The kinds of movement on a certificate's balance:
 * - `issue` — the nominal is credited (nominal and available grow);
 * - `reserve` — part of the available balance is set aside for a contract;
 * - `release` — a reserve goes back to the available balance (a refusal, a termination,
 *   the part of a month not paid after settlement);
 * - `debit` — a reserved amount is paid to a provider;
 * - `refund` — a paid amount comes back to the available balance (a settlement below the
 *   advance);
 * - `lapse` — the unspent available balance expires at the period's end.
 *
 * @example
 * ```ts
 * import { ledgerEntryKinds } from '@eduset/core/financing';
 * ledgerEntryKinds.length; // 6
 * ```
 */
export const ledgerEntryKinds = [
  'issue',
  'reserve',
  'release',
  'debit',
  'refund',
  'lapse',
] as const;

/**
 * Schema of a ledger entry kind.
 *
 * @example
 * ```ts
 * import { ledgerEntryKindSchema } from '@eduset/core/financing';
 * ledgerEntryKindSchema.parse('reserve');
 * ```
 */
export const ledgerEntryKindSchema = z.enum(ledgerEntryKinds);

/** A ledger entry kind. @example `const kind: LedgerEntryKind = 'debit';` */
export type LedgerEntryKind = z.infer<typeof ledgerEntryKindSchema>;

/**
 * Names of the ledger entry kinds in Russian and English.
 *
 * @example
 * ```ts
 * import { ledgerEntryKindLabels } from '@eduset/core/financing';
 * ledgerEntryKindLabels.lapse.ru; // 'сгорание остатка'
 * ```
 */
export const ledgerEntryKindLabels: Readonly<Record<LedgerEntryKind, LocalizedText>> = {
  issue: { ru: 'начисление номинала', en: 'nominal issued' },
  reserve: { ru: 'резерв', en: 'reserve' },
  release: { ru: 'снятие резерва', en: 'reserve released' },
  debit: { ru: 'списание', en: 'debit' },
  refund: { ru: 'возврат', en: 'refund' },
  lapse: { ru: 'сгорание остатка', en: 'lapse' },
};

/**
 * Schema of one movement on a certificate's balance in a period. The `id` is
 * deterministic for billing entries (`debit:advance:<contract>:<month>`), which makes
 * posting the same month twice a no-op.
 *
 * @example
 * ```ts
 * import { ledgerEntrySchema } from '@eduset/core/financing';
 * ledgerEntrySchema.parse({ id: 'issue:c1:2017', certificateId: 'c1', period: '2017', kind: 'issue', amount: '15000' });
 * ```
 */
export const ledgerEntrySchema = z.object({
  id: z.string().min(1),
  certificateId: z.string().min(1),
  period: z.string().min(1),
  kind: ledgerEntryKindSchema,
  amount: moneySchema.refine((amount) => !amount.isNegative() && !amount.isZero(), {
    params: {
      text: { ru: 'Сумма движения должна быть больше нуля', en: 'A movement must be positive' },
    },
  }),
  contractId: z.string().min(1).optional(),
  providerId: z.string().min(1).optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
});

/** A ledger entry. @example `declare const entry: LedgerEntry; entry.amount.toString();` */
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

const entryFieldsSchema = z.object({
  id: z.string().min(1),
  certificateId: z.string().min(1),
  period: z.string().min(1),
  kind: ledgerEntryKindSchema,
  contractId: z.string().min(1).optional(),
  providerId: z.string().min(1).optional(),
  month: financingMonthSchema.optional(),
});

/** Refuses a movement that is not one: a `ValidationError` naming the field. */
function checkEntry(entry: LedgerEntry, path: readonly (string | number)[] = []): void {
  const result = entryFieldsSchema.safeParse(entry, { reportInput: true });
  if (!result.success) {
    throw new ValidationError(result.error.issues.map((issue) => issueFromZod(issue, path)));
  }
  const amount: unknown = entry.amount;
  if (!(amount instanceof Money) || amount.isNegative() || amount.isZero()) {
    invalid([...path, 'amount'], 'invalid_amount', {
      ru: 'Сумма движения должна быть суммой денег больше нуля',
      en: 'A movement must be an amount of money above zero',
    });
  }
}

/**
 * The balance of one certificate in one period. The balance law holds at every moment:
 * `nominal = available + reserved + spent`, where `nominal = issued − lapsed`.
 *
 * @example
 * ```ts
 * import type { Balance } from '@eduset/core/financing';
 * declare const balance: Balance;
 * balance.available.add(balance.reserved).add(balance.spent).equals(balance.nominal); // true
 * ```
 */
export interface Balance {
  readonly certificateId: string;
  readonly period: string;
  readonly issued: Money;
  readonly lapsed: Money;
  readonly nominal: Money;
  readonly available: Money;
  readonly reserved: Money;
  readonly spent: Money;
}

const balanceKeyArgs = z.object({ certificateId: z.string().min(1), period: z.string().min(1) });

/**
 * An empty balance for a certificate and period.
 *
 * @example
 * ```ts
 * import { emptyBalance } from '@eduset/core/financing';
 * emptyBalance('c1', '2017').available.isZero(); // true
 * ```
 */
export function emptyBalance(certificateId: string, period: string): Balance {
  checkArgs(balanceKeyArgs, { certificateId, period });
  const zero = Money.zero();
  return {
    certificateId,
    period,
    issued: zero,
    lapsed: zero,
    nominal: zero,
    available: zero,
    reserved: zero,
    spent: zero,
  };
}

/**
 * Applies one movement to a balance and returns the new balance, or throws a
 * `FinancingLimitError` when the movement would make a part negative
 * (`insufficient-balance`, `insufficient-reserve`).
 *
 * @example
 * ```ts
 * import { applyEntry, emptyBalance, ledgerEntrySchema } from '@eduset/core/financing';
 * const issued = applyEntry(emptyBalance('c1', '2017'), ledgerEntrySchema.parse({
 *   id: 'i', certificateId: 'c1', period: '2017', kind: 'issue', amount: '15000',
 * }));
 * issued.available.toString(); // '15000.00'
 * ```
 */
export function applyEntry(balance: Balance, entry: LedgerEntry): Balance {
  checkEntry(entry);
  const a = entry.amount;
  const need = (
    have: Money,
    reason: 'insufficient-balance' | 'insufficient-reserve',
    what: LocalizedText,
  ): void => {
    if (have.compare(a) < 0) {
      throw new FinancingLimitError(reason, {
        ru: `${what.ru} ${have.toString()}, нужно ${a.toString()}`,
        en: `${what.en} ${have.toString()}, needed ${a.toString()}`,
      });
    }
  };
  switch (entry.kind) {
    case 'issue':
      return {
        ...balance,
        issued: balance.issued.add(a),
        nominal: balance.nominal.add(a),
        available: balance.available.add(a),
      };
    case 'reserve':
      need(balance.available, 'insufficient-balance', { ru: 'доступно', en: 'available' });
      return {
        ...balance,
        available: balance.available.subtract(a),
        reserved: balance.reserved.add(a),
      };
    case 'release':
      need(balance.reserved, 'insufficient-reserve', { ru: 'в резерве', en: 'reserved' });
      return {
        ...balance,
        reserved: balance.reserved.subtract(a),
        available: balance.available.add(a),
      };
    case 'debit':
      need(balance.reserved, 'insufficient-reserve', { ru: 'в резерве', en: 'reserved' });
      return { ...balance, reserved: balance.reserved.subtract(a), spent: balance.spent.add(a) };
    case 'refund':
      need(balance.spent, 'insufficient-balance', { ru: 'списано', en: 'spent' });
      return { ...balance, spent: balance.spent.subtract(a), available: balance.available.add(a) };
    case 'lapse':
      need(balance.available, 'insufficient-balance', { ru: 'доступно', en: 'available' });
      return {
        ...balance,
        available: balance.available.subtract(a),
        lapsed: balance.lapsed.add(a),
        nominal: balance.nominal.subtract(a),
      };
  }
}

/**
 * A ledger: every movement in the order posted, and the balances they give (a cache that
 * {@link recomputeBalances} can always rebuild from the entries).
 *
 * @example
 * ```ts
 * import { emptyLedger, type Ledger } from '@eduset/core/financing';
 * const ledger: Ledger = emptyLedger();
 * ledger.entries.length; // 0
 * ```
 */
export interface Ledger {
  readonly entries: readonly LedgerEntry[];
  readonly balances: ReadonlyMap<string, Balance>;
}

/**
 * The key of a certificate's balance in a period, as used in {@link Ledger.balances}.
 *
 * @example
 * ```ts
 * import { balanceKey } from '@eduset/core/financing';
 * balanceKey('c1', '2017'); // 'c1|2017'
 * ```
 */
export function balanceKey(certificateId: string, period: string): string {
  checkArgs(balanceKeyArgs, { certificateId, period });
  return `${certificateId}|${period}`;
}

/**
 * A ledger with no movements.
 *
 * @example
 * ```ts
 * import { emptyLedger } from '@eduset/core/financing';
 * emptyLedger().balances.size; // 0
 * ```
 */
export function emptyLedger(): Ledger {
  return { entries: [], balances: new Map() };
}

function sameEntry(a: LedgerEntry, b: LedgerEntry): boolean {
  return (
    a.certificateId === b.certificateId &&
    a.period === b.period &&
    a.kind === b.kind &&
    a.amount.equals(b.amount) &&
    a.contractId === b.contractId &&
    a.month === b.month
  );
}

/**
 * Posts movements to a ledger, all or nothing: returns a new ledger, or throws (a
 * `FinancingLimitError` when a balance would go negative, a `ConflictError` when an id is
 * reused for a different movement) and leaves the given ledger as it was. An entry whose id
 * is already posted with the same content is skipped, so posting twice is a no-op.
 *
 * @example
 * ```ts
 * import { emptyLedger, postEntries, ledgerEntrySchema } from '@eduset/core/financing';
 * const entry = ledgerEntrySchema.parse({
 *   id: 'issue:c1:2017', certificateId: 'c1', period: '2017', kind: 'issue', amount: '15000',
 * });
 * const once = postEntries(emptyLedger(), [entry]);
 * postEntries(once, [entry]).entries.length; // 1
 * ```
 */
export function postEntries(ledger: Ledger, entries: readonly LedgerEntry[]): Ledger {
  entries.forEach((entry, index) => {
    checkEntry(entry, ['entries', index]);
  });
  const byId = new Map<string, LedgerEntry>();
  for (const entry of ledger.entries) byId.set(entry.id, entry);
  const balances = new Map(ledger.balances);
  const posted: LedgerEntry[] = [];
  for (const entry of entries) {
    const existing = byId.get(entry.id);
    if (existing) {
      if (!sameEntry(existing, entry)) {
        throw new ConflictError('duplicate-entry', {
          ru: `Движение «${entry.id}» уже проведено с другими данными`,
          en: `Movement "${entry.id}" is already posted with different data`,
        });
      }
      continue;
    }
    const key = balanceKey(entry.certificateId, entry.period);
    balances.set(
      key,
      applyEntry(balances.get(key) ?? emptyBalance(entry.certificateId, entry.period), entry),
    );
    byId.set(entry.id, entry);
    posted.push(entry);
  }
  if (posted.length === 0) return ledger;
  return { entries: [...ledger.entries, ...posted], balances };
}

/**
 * Rebuilds every balance from the entries alone (what an auditor does): each balance is
 * the fold of its movements in order. Throws if the entries break a balance.
 *
 * @example
 * ```ts
 * import { recomputeBalances, type Ledger } from '@eduset/core/financing';
 * declare const ledger: Ledger;
 * recomputeBalances(ledger.entries).get('c1|2017')?.available;
 * ```
 */
export function recomputeBalances(entries: readonly LedgerEntry[]): Map<string, Balance> {
  entries.forEach((entry, index) => {
    checkEntry(entry, ['entries', index]);
  });
  const balances = new Map<string, Balance>();
  for (const entry of entries) {
    const key = balanceKey(entry.certificateId, entry.period);
    balances.set(
      key,
      applyEntry(balances.get(key) ?? emptyBalance(entry.certificateId, entry.period), entry),
    );
  }
  return balances;
}

/**
 * The balance of a certificate in a period (empty when it has no movements).
 *
 * @example
 * ```ts
 * import { balanceOf, emptyLedger } from '@eduset/core/financing';
 * balanceOf(emptyLedger(), 'c1', '2017').nominal.isZero(); // true
 * ```
 */
export function balanceOf(ledger: Ledger, certificateId: string, period: string): Balance {
  return (
    ledger.balances.get(balanceKey(certificateId, period)) ?? emptyBalance(certificateId, period)
  );
}

/**
 * Tells whether a balance obeys the balance law `nominal = available + reserved + spent`
 * with no part negative.
 *
 * @example
 * ```ts
 * import { balanceLawHolds, emptyBalance } from '@eduset/core/financing';
 * balanceLawHolds(emptyBalance('c1', '2017')); // true
 * ```
 */
export function balanceLawHolds(balance: Balance): boolean {
  const parts = [
    balance.available,
    balance.reserved,
    balance.spent,
    balance.nominal,
    balance.lapsed,
  ];
  return (
    parts.every((part) => !part.isNegative()) &&
    balance.available.add(balance.reserved).add(balance.spent).equals(balance.nominal) &&
    balance.issued.subtract(balance.lapsed).equals(balance.nominal)
  );
}

/**
 * Makes a ledger entry from plain values, validated (amounts as strings or numbers).
 *
 * @example
 * ```ts
 * import { ledgerEntry } from '@eduset/core/financing';
 * ledgerEntry({ id: 'r1', certificateId: 'c1', period: '2017', kind: 'reserve', amount: '2341.33' });
 * ```
 */
export function ledgerEntry(input: z.input<typeof ledgerEntrySchema>): LedgerEntry {
  return parse(ledgerEntrySchema, input);
}

const nextPeriodArgs = z.object({ nextPeriod: z.string().min(1) });
const carriedArgs = z.object({ contractId: z.string().min(1) });

/**
 * Period rollover for one certificate: the unspent available balance of the old period
 * lapses (it is never cashed out), the new nominal is issued, and reservations of
 * contracts that continue into the new period are reserved from it.
 *
 * @example
 * ```ts
 * import { rolloverEntries, emptyBalance } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * const entries = rolloverEntries({
 *   from: { ...emptyBalance('c1', '2017'), available: Money.of(3000) },
 *   nextPeriod: '2018', nextNominal: Money.of(16000),
 *   carried: [{ contractId: 'k1', amount: Money.of(4000) }],
 * });
 * entries.map((e) => e.kind); // ['lapse', 'issue', 'reserve']
 * ```
 */
export function rolloverEntries(input: {
  readonly from: Balance;
  readonly nextPeriod: string;
  readonly nextNominal: Money;
  readonly carried?: readonly { readonly contractId: string; readonly amount: Money }[];
}): LedgerEntry[] {
  const { from, nextPeriod, nextNominal } = input;
  checkArgs(balanceKeyArgs, { certificateId: from.certificateId, period: from.period });
  checkArgs(nextPeriodArgs, { nextPeriod });
  checkMoney(from.available, 'from.available', true);
  checkMoney(nextNominal, 'nextNominal');
  (input.carried ?? []).forEach((carried, index) => {
    checkArgs(carriedArgs, { contractId: carried.contractId });
    checkMoney(carried.amount, `carried[${String(index)}].amount`);
  });
  const entries: LedgerEntry[] = [];
  const certificateId = from.certificateId;
  if (!from.available.isZero() && !from.available.isNegative()) {
    entries.push({
      id: `lapse:${certificateId}:${from.period}`,
      certificateId,
      period: from.period,
      kind: 'lapse',
      amount: from.available,
    });
  }
  if (!nextNominal.isZero()) {
    entries.push({
      id: `issue:${certificateId}:${nextPeriod}`,
      certificateId,
      period: nextPeriod,
      kind: 'issue',
      amount: nextNominal,
    });
  }
  for (const carried of input.carried ?? []) {
    if (carried.amount.isZero()) continue;
    entries.push({
      id: `reserve:${carried.contractId}:${nextPeriod}`,
      certificateId,
      period: nextPeriod,
      kind: 'reserve',
      amount: carried.amount,
      contractId: carried.contractId,
    });
  }
  return entries;
}
