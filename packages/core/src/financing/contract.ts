import { ConflictError, Money } from '../common/index.js';
import { isoDateSchema, type IsoDate } from '../common/iso-date.js';
import { z } from '../common/zod.js';
import { moneySchema } from './amounts.js';
import { ageOn, dayNumber, endOfMonth, monthOf } from './calendar.js';
import type { Certificate, CertificateGroup } from './certificate.js';
import { certificateGroupSchema, certificateSchema, makeFunded } from './certificate.js';
import { computeContractAmounts } from './contract-amounts.js';
import type { Balance, Ledger, LedgerEntry } from './ledger.js';
import { billingEntryIds } from './billing.js';
import { FinancingLimitError } from './limits.js';
import {
  contractStatusLabels,
  contractStatusSchema,
  contractStatuses,
  type ContractStatus,
} from './kinds.js';
import { directionSchema, programmeSchema, type Direction, type Programme } from './programme.js';
import {
  checkArgs,
  checkMoney,
  checkNotBefore,
  hundredthsOf,
  invalid,
  financingMonthSchema,
  weeklyHoursSchema,
} from './validation.js';

export {
  contractStatusLabels,
  contractStatusSchema,
  contractStatuses,
  type ContractStatus,
} from './kinds.js';

/**
 * The legal status changes; `closed`, `refused` and `lapsed` are final.
 *
 * @example
 * ```ts
 * import { contractTransitions } from '@eduset/core/financing';
 * contractTransitions.requested; // ['accepted', 'refused', 'lapsed']
 * ```
 */
export const contractTransitions: Readonly<Record<ContractStatus, readonly ContractStatus[]>> = {
  requested: ['accepted', 'refused', 'lapsed'],
  accepted: ['active', 'refused'],
  active: ['closed'],
  closed: [],
  refused: [],
  lapsed: [],
};

/** Statuses that hold a place in a group and a reserve on a certificate. */
const liveStatuses: readonly ContractStatus[] = ['requested', 'accepted', 'active'];

/**
 * Tells whether a contract holds a place (requested, accepted or active).
 *
 * @example
 * ```ts
 * import { isLive } from '@eduset/core/financing';
 * isLive({ status: 'refused' }); // false
 * ```
 */
export function isLive(contract: { readonly status: ContractStatus }): boolean {
  return liveStatuses.includes(contract.status);
}

/**
 * Schema of one month of a contract's schedule: what the certificate pays and what the
 * family pays.
 *
 * @example
 * ```ts
 * import { contractMonthSchema } from '@eduset/core/financing';
 * contractMonthSchema.parse({ month: '2017-09', certificate: '575.74', family: '67.13' });
 * ```
 */
export const contractMonthSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  certificate: moneySchema,
  family: moneySchema,
});

/** A month of a contract's schedule. @example `declare const month: ContractMonth; month.certificate;` */
export type ContractMonth = z.infer<typeof contractMonthSchema>;

/**
 * Schema of an enrolment contract (договор об обучении).
 *
 * @example
 * ```ts
 * import { contractSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * const contract = contractSchema.parse(json);
 * ```
 */
export const contractSchema = z.object({
  id: z.string().min(1),
  certificateId: z.string().min(1),
  period: z.string().min(1),
  programmeId: z.string().min(1),
  moduleId: z.string().min(1),
  groupId: z.string().min(1),
  providerId: z.string().min(1),
  direction: directionSchema,
  status: contractStatusSchema,
  requestedOn: isoDateSchema,
  start: isoDateSchema,
  end: isoDateSchema,
  all: moneySchema,
  normative: moneySchema,
  certificate: moneySchema,
  family: moneySchema,
  schedule: z.array(contractMonthSchema),
  /** The month paid in full whatever the completeness (the month of a termination). */
  paidInFull: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  closedOn: z.optional(isoDateSchema),
  closedBy: z.enum(['family', 'provider', 'end']).optional(),
  /**
   * The hours a week the contract takes from a certificate that counts weekly hours (absent
   * when the certificate's group counts money only).
   */
  weeklyHours: weeklyHoursSchema.optional(),
});

/** An enrolment contract. @example `declare const contract: Contract; contract.status;` */
export type Contract = z.infer<typeof contractSchema>;

/**
 * Limits set by the payer: the most enrolments it pays for per direction.
 *
 * @example
 * ```ts
 * import type { PayerLimits } from '@eduset/core/financing';
 * const limits: PayerLimits = { perDirection: { technical: 200 } };
 * ```
 */
export interface PayerLimits {
  readonly perDirection?: Partial<Record<Direction, number>>;
}

/**
 * What {@link requestEnrolment} needs: the certificate and its balance for the period,
 * the programme, module and group chosen, the dates, the contracts that already exist (for
 * the limits) and, to turn a record certificate into a funded one, its group and how many
 * funded certificates the group has. When the group counts weekly hours
 * (`unit: 'weekly-hours'`), the hours a week already taken in the period are
 * `weeklyHoursUsed` if given (a store's counter), else the sum of `weeklyHours` of the
 * certificate's live contracts of the period in `existing`.
 *
 * @example
 * ```ts
 * import type { EnrolmentRequest } from '@eduset/core/financing';
 * declare const request: EnrolmentRequest;
 * request.programme.fundingKind;
 * ```
 */
export interface EnrolmentRequest {
  readonly contractId: string;
  readonly certificate: Certificate;
  readonly balance: Balance;
  readonly programme: Programme;
  readonly moduleId: string;
  readonly groupId: string;
  readonly requestedOn: string;
  readonly start?: string;
  readonly end?: string;
  readonly existing: readonly Contract[];
  readonly payerLimits?: PayerLimits;
  readonly certificateGroup?: CertificateGroup;
  readonly fundedCount?: number;
  readonly weeklyHoursUsed?: number;
}

/**
 * The result of a successful request: the contract (status `requested`), the certificate
 * (funded now, if it was converted) and the ledger entries that reserve its part.
 *
 * @example
 * ```ts
 * import type { EnrolmentResult } from '@eduset/core/financing';
 * declare const result: EnrolmentResult;
 * result.entries[0]?.kind; // 'reserve'
 * ```
 */
export interface EnrolmentResult {
  readonly contract: Contract;
  readonly certificate: Certificate;
  readonly entries: readonly LedgerEntry[];
}

function later(a: IsoDate, b: IsoDate): IsoDate {
  return dayNumber(a) >= dayNumber(b) ? a : b;
}

/** JSON round trip of a typed value (its `Money` parts become strings), for re-validation. */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

const idSchema = z.string().min(1).max(200);

/** What a limit check reads of an existing contract. */
const existingContractSchema = z.object({
  certificateId: z.string(),
  period: z.string(),
  programmeId: z.string(),
  moduleId: z.string(),
  groupId: z.string(),
  direction: directionSchema,
  status: z.enum(contractStatuses),
  certificate: z.custom<Money>((value) => value instanceof Money, {
    params: {
      text: { ru: 'Ожидается сумма денег (Money)', en: 'Expected an amount of money (Money)' },
    },
  }),
  weeklyHours: weeklyHoursSchema.optional(),
});

const payerLimitsSchema = z.object({
  perDirection: z.partialRecord(directionSchema, z.number().int().min(0)).optional(),
});

/**
 * The refusal of an enrolment that needs more weekly hours than the certificate has left,
 * saying how many hours the programme takes and how many are left of the cap. Core and the
 * database (which keeps the hours under concurrency) refuse with the same words. Arguments
 * are in hundredths of an hour.
 *
 * @example
 * ```ts
 * import { hoursExhausted } from '@eduset/core/financing';
 * hoursExhausted(200, 150, 600).text.ru;
 * // 'На сертификате не хватает часов в неделю: программа занимает 2 ч в неделю, осталось 1.5 из 6'
 * ```
 */
export function hoursExhausted(
  neededHundredths: number,
  leftHundredths: number,
  capHundredths: number,
): FinancingLimitError {
  const hours = (hundredths: number): string => String(hundredths / 100);
  return new FinancingLimitError('hours-exhausted', {
    ru: `программа занимает ${hours(neededHundredths)} ч в неделю, осталось ${hours(leftHundredths)} из ${hours(capHundredths)}`,
    en: `the programme takes ${hours(neededHundredths)} h a week, ${hours(leftHundredths)} of ${hours(capHundredths)} are left`,
  });
}

/**
 * The weekly hours a funded enrolment takes from a certificate whose group counts hours, or
 * a refusal: `weekly-hours-unknown` when the programme does not state its hours a week,
 * `hours-exhausted` when they exceed the hours left. `undefined` when hours do not count.
 */
function weeklyHoursFor(
  request: EnrolmentRequest,
  programme: Programme,
  group: CertificateGroup | undefined,
  live: readonly Pick<Contract, 'certificateId' | 'period' | 'weeklyHours'>[],
): number | undefined {
  if (programme.fundingKind !== 'funded' || group?.unit !== 'weekly-hours') return undefined;
  const cap = group.weeklyHours ?? 0;
  if (programme.hoursPerWeek === undefined) throw new FinancingLimitError('weekly-hours-unknown');
  const needed = hundredthsOf(programme.hoursPerWeek);
  const used =
    request.weeklyHoursUsed !== undefined
      ? hundredthsOf(request.weeklyHoursUsed)
      : live
          .filter(
            (contract) =>
              contract.certificateId === request.certificate.id &&
              contract.period === request.balance.period,
          )
          .reduce((sum, contract) => sum + hundredthsOf(contract.weeklyHours ?? 0), 0);
  const left = Math.max(0, hundredthsOf(cap) - used);
  if (needed > left) throw hoursExhausted(needed, left, hundredthsOf(cap));
  return needed / 100;
}

const enrolmentArgs = z.object({
  contractId: idSchema,
  certificate: certificateSchema,
  programme: programmeSchema,
  moduleId: idSchema,
  groupId: idSchema,
  requestedOn: isoDateSchema,
  start: z.optional(isoDateSchema),
  end: z.optional(isoDateSchema),
  existing: z.array(existingContractSchema),
  payerLimits: payerLimitsSchema.optional(),
  certificateGroup: certificateGroupSchema.optional(),
  fundedCount: z.number().int().min(0).optional(),
  weeklyHoursUsed: weeklyHoursSchema.optional(),
  period: idSchema,
});

/**
 * Checks every limit and, if none refuses, makes the contract request with its amounts and
 * schedule and the reserve of the certificate's part. Refusals are `FinancingLimitError`s:
 * `certificate-not-active`, `age-out-of-range`, `not-certified`, `duplicate-module`,
 * `group-full`, `programme-full`, `direction-limit`, `funded-places-exhausted`,
 * `weekly-hours-unknown`, `hours-exhausted`, `empty-balance`. A `NotFoundError`-like
 * `ConflictError` names an unknown module or group; malformed input (a date that does not
 * exist, an empty id, a negative count) is a `ValidationError`.
 *
 * When the certificate's group counts weekly hours, a funded programme takes its
 * `hoursPerWeek` from the cap: it is refused when `used + hoursPerWeek > weeklyHours`, and
 * the contract records the hours it took (`weeklyHours`).
 *
 * Budget programmes cost the family nothing and move no money; paid programmes are paid
 * by the family in full; funded programmes split by `min(all, normative, available)`.
 *
 * @example
 * ```ts
 * import { requestEnrolment, type EnrolmentRequest } from '@eduset/core/financing';
 * declare const request: EnrolmentRequest;
 * const { contract, entries } = requestEnrolment(request);
 * contract.certificate.toString();
 * ```
 */
export function requestEnrolment(request: EnrolmentRequest): EnrolmentResult {
  const args = checkArgs(enrolmentArgs, {
    contractId: request.contractId,
    certificate: request.certificate,
    programme: plain(request.programme),
    moduleId: request.moduleId,
    groupId: request.groupId,
    requestedOn: request.requestedOn,
    start: request.start,
    end: request.end,
    existing: request.existing,
    payerLimits: request.payerLimits,
    certificateGroup: plain(request.certificateGroup),
    fundedCount: request.fundedCount,
    weeklyHoursUsed: request.weeklyHoursUsed,
    period: request.balance.period,
  });
  checkMoney(request.balance.available, 'balance.available', true);
  const { programme, existing } = request;
  let certificate = request.certificate;
  const module = programme.modules.find((candidate) => candidate.id === request.moduleId);
  const group = module?.groups.find((candidate) => candidate.id === request.groupId);
  if (!module || !group) {
    throw new ConflictError('unknown-group', {
      ru: `Нет модуля «${request.moduleId}» или группы «${request.groupId}» в программе «${programme.id}»`,
      en: `No module "${request.moduleId}" or group "${request.groupId}" in programme "${programme.id}"`,
    });
  }
  if (certificate.status !== 'active') throw new FinancingLimitError('certificate-not-active');
  const start = later(args.start ?? group.start, args.requestedOn);
  const end = args.end ?? group.end;
  const age = ageOn(certificate.birthDate, start);
  if (age < programme.ageFrom || age > programme.ageTo) {
    throw new FinancingLimitError('age-out-of-range', {
      ru: `${String(age)} лет, программа для ${String(programme.ageFrom)}–${String(programme.ageTo)} лет`,
      en: `age ${String(age)}, the programme is for ${String(programme.ageFrom)}–${String(programme.ageTo)}`,
    });
  }
  if (programme.fundingKind === 'funded' && programme.certification !== 'certified') {
    throw new FinancingLimitError('not-certified');
  }
  const live = existing.filter(isLive);
  const weeklyHours = weeklyHoursFor(request, programme, args.certificateGroup, live);
  if (
    live.some(
      (contract) => contract.certificateId === certificate.id && contract.moduleId === module.id,
    )
  ) {
    throw new FinancingLimitError('duplicate-module');
  }
  if (live.filter((contract) => contract.groupId === group.id).length >= group.capacity) {
    throw new FinancingLimitError('group-full');
  }
  if (
    programme.maxEnrolments !== undefined &&
    live.filter((contract) => contract.programmeId === programme.id).length >=
      programme.maxEnrolments
  ) {
    throw new FinancingLimitError('programme-full');
  }
  const directionLimit = request.payerLimits?.perDirection?.[programme.direction];
  if (
    programme.fundingKind === 'funded' &&
    directionLimit !== undefined &&
    live.filter(
      (contract) => contract.direction === programme.direction && !contract.certificate.isZero(),
    ).length >= directionLimit
  ) {
    throw new FinancingLimitError('direction-limit');
  }

  const price = module.price ?? Money.zero();
  let available = Money.zero();
  let normativeCost = Money.zero();
  if (programme.fundingKind === 'funded') {
    if (certificate.kind === 'record') {
      if (!request.certificateGroup) throw new FinancingLimitError('funded-places-exhausted');
      certificate = makeFunded(certificate, request.certificateGroup, request.fundedCount ?? 0);
    }
    available = request.balance.available;
    if (available.isZero() || available.isNegative())
      throw new FinancingLimitError('empty-balance');
    normativeCost = module.normativeCost ?? price;
  }
  const amounts = computeContractAmounts({
    start,
    end,
    groupStart: group.start,
    groupEnd: group.end,
    price: programme.fundingKind === 'budget' ? '0' : price.toString(),
    normativeCost: normativeCost.toString(),
    available: available.toString(),
  });
  const schedule = amounts.months.map((month, index) => ({
    month,
    certificate: amounts.schedule.certificate[index]?.amount ?? Money.zero(),
    family: amounts.schedule.family[index]?.amount ?? Money.zero(),
  }));
  const contract: Contract = {
    id: request.contractId,
    certificateId: certificate.id,
    period: request.balance.period,
    programmeId: programme.id,
    moduleId: module.id,
    groupId: group.id,
    providerId: programme.providerId,
    direction: programme.direction,
    status: 'requested',
    requestedOn: args.requestedOn,
    start: amounts.start,
    end: amounts.end,
    all: amounts.all,
    normative: amounts.normative,
    certificate: amounts.certificate,
    family: amounts.family,
    schedule,
    ...(weeklyHours === undefined ? {} : { weeklyHours }),
  };
  const entries: LedgerEntry[] = amounts.certificate.isZero()
    ? []
    : [
        {
          id: `reserve:${contract.id}:${contract.period}`,
          certificateId: certificate.id,
          period: contract.period,
          kind: 'reserve',
          amount: amounts.certificate,
          contractId: contract.id,
          providerId: contract.providerId,
        },
      ];
  return { contract, certificate, entries };
}

const reservedFromArgs = z.object({ fromMonth: financingMonthSchema.optional() });

/**
 * The certificate's part still reserved for a contract: its schedule from `fromMonth` on
 * (all of it when not given).
 *
 * @example
 * ```ts
 * import { reservedFrom, type Contract } from '@eduset/core/financing';
 * declare const contract: Contract;
 * reservedFrom(contract, '2017-11').toString();
 * ```
 */
export function reservedFrom(contract: Contract, fromMonth?: string): Money {
  checkArgs(reservedFromArgs, { fromMonth });
  return Money.sum(
    contract.schedule
      .filter((month) => fromMonth === undefined || month.month >= fromMonth)
      .map((month) => month.certificate),
  );
}

const transitionArgs = z.object({
  status: contractStatusSchema,
  to: contractStatusSchema,
  on: isoDateSchema,
});

/**
 * Moves a contract to another status. Refusing or lapsing a request releases its reserve
 * (returned as ledger entries). Closing an active contract at its end needs no movement.
 * Throws `FinancingLimitError('invalid-transition')` for a change the state machine does
 * not allow, and a `ValidationError` for an unknown status, a date that does not exist or
 * comes before the request was made, or closing before the contract's end (that is a
 * termination, {@link terminateContract}).
 *
 * @example
 * ```ts
 * import { transitionContract, type Contract } from '@eduset/core/financing';
 * declare const requested: Contract;
 * transitionContract(requested, 'accepted', '2017-08-20').contract.status; // 'accepted'
 * ```
 */
export function transitionContract(
  contract: Contract,
  to: ContractStatus,
  on: string,
): { readonly contract: Contract; readonly entries: readonly LedgerEntry[] } {
  const args = checkArgs(transitionArgs, { status: contract.status, to, on });
  checkNotBefore(args.on, contract.requestedOn, 'on', {
    ru: 'подана заявка',
    en: 'the request was made',
  });
  if (!contractTransitions[contract.status].includes(to)) {
    throw new FinancingLimitError('invalid-transition', {
      ru: `${contractStatusLabels[contract.status].ru} → ${contractStatusLabels[to].ru}`,
      en: `${contract.status} → ${to}`,
    });
  }
  const day = args.on;
  if (to === 'closed' && dayNumber(day) < dayNumber(contract.end)) {
    // The months left are reserved and would still be billed: ending early is a termination.
    invalid(['on'], 'too_early', {
      ru: `Договор заканчивается ${contract.end}: закрыть его раньше можно только расторжением`,
      en: `The contract ends on ${contract.end}: ending it earlier is a termination`,
    });
  }
  if (to === 'refused' || to === 'lapsed') {
    const reserved = reservedFrom(contract);
    const entries: LedgerEntry[] = reserved.isZero()
      ? []
      : [
          {
            id: `release:${to}:${contract.id}`,
            certificateId: contract.certificateId,
            period: contract.period,
            kind: 'release',
            amount: reserved,
            contractId: contract.id,
            providerId: contract.providerId,
          },
        ];
    return { contract: { ...contract, status: to, closedOn: day }, entries };
  }
  if (to === 'closed')
    return { contract: { ...contract, status: to, closedOn: day, closedBy: 'end' }, entries: [] };
  return { contract: { ...contract, status: to }, entries: [] };
}

const lapseArgs = z.object({ today: isoDateSchema, afterDays: z.number().int().min(0).max(36500) });

/**
 * Requests not confirmed within `afterDays` days of being made lapse on `today`; each lapse
 * releases the request's reserve. Returns only the contracts that changed.
 *
 * @example
 * ```ts
 * import { lapseUnconfirmed, type Contract } from '@eduset/core/financing';
 * declare const contracts: readonly Contract[];
 * lapseUnconfirmed(contracts, '2017-09-15', 5).map((change) => change.contract.id);
 * ```
 */
export function lapseUnconfirmed(
  contracts: readonly Contract[],
  today: string,
  afterDays: number,
): { readonly contract: Contract; readonly entries: readonly LedgerEntry[] }[] {
  checkArgs(lapseArgs, { today, afterDays });
  const now = dayNumber(today);
  return contracts
    .filter(
      (contract) =>
        contract.status === 'requested' && now - dayNumber(contract.requestedOn) > afterDays,
    )
    .map((contract) => transitionContract(contract, 'lapsed', today));
}

const terminateArgs = z.object({
  status: contractStatusSchema,
  on: isoDateSchema,
  by: z.enum(['family', 'provider']),
});

/**
 * Refuses a termination in `month` when a month it would rewrite is already billed: any
 * later month with an advance or a settlement (its reserve is partly spent, releasing it
 * would take another contract's money), or `month` itself already settled (it could no
 * longer be paid in full).
 */
function refuseBilledMonths(
  contract: Contract,
  month: string,
  ledger: Pick<Ledger, 'entries'>,
): void {
  const billed = new Set<string>();
  for (const entry of ledger.entries) {
    if (entry.contractId !== contract.id || entry.month === undefined) continue;
    const ids = billingEntryIds(contract.id, entry.month);
    const settlement =
      entry.id === ids.settlement || entry.id === ids.refund || entry.id === ids.release;
    if (entry.id !== ids.advance && !settlement) continue;
    if (entry.month > month || (settlement && entry.month === month)) billed.add(entry.month);
  }
  if (billed.size === 0) return;
  const months = [...billed].sort().join(', ');
  throw new ConflictError('month-billed', {
    ru: `По договору уже проведены платежи за ${months}: расторжение может начаться только после этих месяцев`,
    en: `The contract is already billed for ${months}: a termination can only start after those months`,
  });
}

/**
 * Terminates an active contract on `on` by the family or the provider: the reserve for the
 * months after the current one returns to the certificate at once; the contract closes on
 * the last day of the current month, which is paid in full. `on` must be a real date within
 * the contract (from its start to its end) and `by` `family` or `provider`, else a
 * `ValidationError`. Given the contract's `ledger`, a termination that would rewrite a month
 * already billed — a later month with an advance or a settlement, or the termination month
 * itself already settled — is a `ConflictError('month-billed')`: that money has moved, so
 * the termination can only start after it.
 *
 * @example
 * ```ts
 * import { terminateContract, type Contract } from '@eduset/core/financing';
 * declare const active: Contract;
 * const { contract, entries } = terminateContract(active, '2017-10-12', 'family');
 * contract.end; // '2017-10-31'
 * entries[0]?.kind; // 'release'
 * ```
 */
export function terminateContract(
  contract: Contract,
  on: string,
  by: 'family' | 'provider',
  ledger?: Pick<Ledger, 'entries'>,
): { readonly contract: Contract; readonly entries: readonly LedgerEntry[] } {
  const args = checkArgs(terminateArgs, { status: contract.status, on, by });
  if (ledger !== undefined) refuseBilledMonths(contract, monthOf(args.on), ledger);
  checkNotBefore(args.on, contract.start, 'on', {
    ru: 'договор начинается',
    en: 'the contract starts',
  });
  if (dayNumber(args.on) > dayNumber(contract.end)) {
    invalid(['on'], 'too_late', {
      ru: `Дата ${args.on} позже окончания договора (${contract.end})`,
      en: `The date ${args.on} is after the contract ends (${contract.end})`,
    });
  }
  if (contract.status !== 'active') {
    throw new FinancingLimitError('invalid-transition', {
      ru: `расторгнуть можно только действующий договор (${contractStatusLabels[contract.status].ru})`,
      en: `only an active contract can be terminated (${contract.status})`,
    });
  }
  const day = args.on;
  const month = monthOf(day);
  const closedOn = endOfMonth(day);
  const later = contract.schedule.filter((entry) => entry.month > month);
  const kept = contract.schedule.filter((entry) => entry.month <= month);
  const released = Money.sum(later.map((entry) => entry.certificate));
  const familyDropped = Money.sum(later.map((entry) => entry.family));
  const end = dayNumber(closedOn) < dayNumber(contract.end) ? closedOn : contract.end;
  const closed: Contract = {
    ...contract,
    status: 'closed',
    end,
    closedOn: end,
    closedBy: args.by,
    paidInFull: month,
    schedule: kept,
    certificate: contract.certificate.subtract(released),
    family: contract.family.subtract(familyDropped),
    all: contract.all.subtract(released).subtract(familyDropped),
  };
  const entries: LedgerEntry[] = released.isZero()
    ? []
    : [
        {
          id: `release:termination:${contract.id}`,
          certificateId: contract.certificateId,
          period: contract.period,
          kind: 'release',
          amount: released,
          contractId: contract.id,
          providerId: contract.providerId,
        },
      ];
  return { contract: closed, entries };
}
