import { isoDateSchema, type IsoDate } from '../common/iso-date.js';
import type { MoneyText } from '../common/money-text.js';
import { dayNumber, daysInclusive } from './calendar.js';
import type { FundingKind } from './kinds.js';

// The one formula of an enrolment's price, in whole numbers: amounts are exact decimals
// (`bigint` units of 10^-scale roubles), the pro-rata price is an exact integer ceiling, the
// split a minimum. The programme navigator previews with it from decimal text (no decimal.js);
// core's `Money`-based `proRataPrice`, `splitPayment` and `previewEnrolment` call it too, so
// the preview a family sees and the contract the server computes cannot differ (a property
// test holds it equal to the rational result rounded up to the kopeck).

const decimalPattern = /^(-?)(\d+)(?:\.(\d+))?$/;

function refuse(text: string): never {
  throw new RangeError(`Недопустимое значение (сумма) «${text}» / Invalid amount "${text}"`);
}

/** An exact decimal text as whole units of 10^-scale and that scale. */
function decimalOf(text: string): { readonly units: bigint; readonly scale: number } {
  const match = decimalPattern.exec(text);
  if (!match) return refuse(text);
  const fraction = match[3] ?? '';
  const units = BigInt(`${match[2] ?? '0'}${fraction}`);
  return { units: match[1] === '-' ? -units : units, scale: fraction.length };
}

function rescale(units: bigint, from: number, to: number): bigint {
  return units * 10n ** BigInt(to - from);
}

/** Units of 10^-scale as decimal text with exactly `scale` (at least two) fraction digits. */
function textOf(units: bigint, scale: number): string {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  return `${units < 0n ? '-' : ''}${whole}.${digits.slice(digits.length - scale)}`;
}

/** `ceil(numerator / denominator)` exactly, for a denominator that is not zero. */
function ceilDivide(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Деление на ноль / Division by zero');
  const [n, d] = denominator < 0n ? [-numerator, -denominator] : [numerator, denominator];
  const quotient = n / d; // rounds toward zero: the ceiling of a negative quotient
  return n > 0n && n % d !== 0n ? quotient + 1n : quotient;
}

function wholeDays(value: number, name: string): bigint {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(
      `Ожидается целое число дней (${name}), получено ${String(value)} / Expected whole days (${name}), got ${String(value)}`,
    );
  }
  return BigInt(value);
}

/**
 * An amount given as decimal text (`"1250.5"`, `"-3"`; at most two fraction digits) in whole
 * kopecks. Text that is not such an amount is a `RangeError` in Russian and English.
 *
 * @example
 * ```ts
 * import { kopecksOf } from '@eduset/core/financing';
 * kopecksOf('1250.5'); // 125050n
 * ```
 */
export function kopecksOf(text: MoneyText): bigint {
  const { units, scale } = decimalOf(text);
  if (scale > 2) return refuse(text);
  return rescale(units, scale, 2);
}

/**
 * Whole kopecks as decimal text with two fraction digits, the form `Money` writes to JSON.
 *
 * @example
 * ```ts
 * import { moneyTextOfKopecks } from '@eduset/core/financing';
 * moneyTextOfKopecks(386784n); // '3867.84'
 * ```
 */
export function moneyTextOfKopecks(kopecks: bigint): MoneyText {
  return textOf(kopecks, 2);
}

/**
 * The price of `days` of a group period of `groupDays` days, rounded up to the kopeck
 * (`ceil2(price × days / groupDays)`, the rule of a contract), in whole kopecks. `price` is in
 * units of 10^-`scale` roubles — kopecks by default. Days are whole numbers.
 *
 * @example
 * ```ts
 * import { proRataKopecks } from '@eduset/core/financing';
 * proRataKopecks(441800n, 239, 273); // 386778n (3867.78 ₽)
 * ```
 */
export function proRataKopecks(price: bigint, days: number, groupDays: number, scale = 2): bigint {
  const unitsPerKopeck = 10n ** BigInt(Math.max(0, scale - 2));
  const kopecksPerUnit = 10n ** BigInt(Math.max(0, 2 - scale));
  return ceilDivide(
    price * wholeDays(days, 'days') * kopecksPerUnit,
    wholeDays(groupDays, 'groupDays') * unitsPerKopeck,
  );
}

/**
 * Splits a price between the certificate and the family in whole units (kopecks, or any one
 * unit for all three): the certificate pays `min(all, normative, available)` (a negative
 * balance counts as zero), the family pays the rest.
 *
 * @example
 * ```ts
 * import { splitKopecks } from '@eduset/core/financing';
 * splitKopecks({ all: 1000000n, normative: 800000n, available: 500000n });
 * // { certificate: 500000n, family: 500000n }
 * ```
 */
export function splitKopecks(input: {
  readonly all: bigint;
  readonly normative: bigint;
  readonly available: bigint;
}): { readonly certificate: bigint; readonly family: bigint } {
  const available = input.available < 0n ? 0n : input.available;
  let certificate = input.all;
  if (input.normative < certificate) certificate = input.normative;
  if (available < certificate) certificate = available;
  return { certificate, family: input.all - certificate };
}

/**
 * What {@link previewEnrolmentText} reads of a programme: its funding kind and its modules'
 * prices (decimal text) and groups' dates — the navigator's `ProgrammeView` is one.
 *
 * @example
 * ```ts
 * import type { PreviewProgramme } from '@eduset/core/financing';
 * const programme: PreviewProgramme = {
 *   fundingKind: 'paid',
 *   modules: [{ id: 'm1', price: '4418.00', groups: [{ id: 'g1', start: '2026-09-01', end: '2027-05-31' }] }],
 * };
 * ```
 */
export interface PreviewProgramme {
  readonly fundingKind: FundingKind;
  readonly modules: readonly {
    readonly id: string;
    readonly price?: string | undefined;
    readonly normativeCost?: string | undefined;
    readonly groups: readonly {
      readonly id: string;
      readonly start: string;
      readonly end: string;
    }[];
  }[];
}

/**
 * What enrolling today would cost, with its amounts of type `Amount`: decimal text in
 * {@link EnrolmentPreviewText} (the navigator), exact `Money` in core's `EnrolmentPreview`.
 *
 * @example
 * ```ts
 * import type { EnrolmentPreviewOf } from '@eduset/core/financing';
 * declare const preview: EnrolmentPreviewOf<string>;
 * preview.proRata; // true when the contract covers fewer days than the group's period
 * ```
 */
export interface EnrolmentPreviewOf<Amount> {
  readonly fundingKind: FundingKind;
  readonly moduleId: string;
  readonly groupId: string;
  readonly groupStart: IsoDate;
  readonly groupEnd: IsoDate;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly days: number;
  readonly groupDays: number;
  /** The contract covers fewer days than the group's period: it is paid pro rata. */
  readonly proRata: boolean;
  /** The module's price for the whole group period (zero for a budget programme). */
  readonly fullPrice: Amount;
  readonly all: Amount;
  readonly normative: Amount;
  readonly certificate: Amount;
  readonly family: Amount;
  /** The balance was not known: `certificate` is the most the certificate could pay. */
  readonly upTo: boolean;
}

/**
 * What enrolling today would cost, amounts as decimal text (`"3867.84"`): the same fields
 * and rules as core's `EnrolmentPreview` (which `previewEnrolment` computes from this).
 *
 * @example
 * ```ts
 * import type { EnrolmentPreviewText } from '@eduset/core/financing';
 * import { formatMoneyText } from '@eduset/core/common';
 * declare const preview: EnrolmentPreviewText;
 * formatMoneyText(preview.family, 'ru');
 * ```
 */
export type EnrolmentPreviewText = EnrolmentPreviewOf<MoneyText>;

/**
 * What enrolling in a programme today would cost, computed in whole numbers from amounts as
 * decimal text — the formula of core's `previewEnrolment` (which calls this): the contract
 * starts on the later of today and the group's start and ends with the group; `all =
 * ceil2(price × days / groupDays)`, `normative = ceil2(normativeCost × days / groupDays)`;
 * budget programmes cost nothing, paid ones are paid by the family, funded ones split by
 * `min(all, normative, available)`. Amounts come back with two fraction digits (more only
 * when an input had more). `undefined` when the module or group does not exist or the group
 * has ended.
 *
 * @example
 * ```ts
 * import { previewEnrolmentText, type PreviewProgramme } from '@eduset/core/financing';
 * declare const programme: PreviewProgramme;
 * previewEnrolmentText({ programme, today: '2026-10-05', available: '15000.00' })?.family;
 * ```
 */
export function previewEnrolmentText(input: {
  readonly programme: PreviewProgramme;
  readonly today: string;
  readonly available?: string | undefined;
  readonly moduleId?: string | undefined;
  readonly groupId?: string | undefined;
}): EnrolmentPreviewText | undefined {
  const { programme } = input;
  const module =
    input.moduleId === undefined
      ? programme.modules[0]
      : programme.modules.find((candidate) => candidate.id === input.moduleId);
  const group =
    input.groupId === undefined
      ? module?.groups[0]
      : module?.groups.find((candidate) => candidate.id === input.groupId);
  if (!module || !group) return undefined;
  const today = isoDateSchema.parse(input.today);
  // The group's dates come from a checked programme (a schema or the wire's view).
  const groupStart = group.start as IsoDate;
  const groupEnd = group.end as IsoDate;
  if (dayNumber(today) > dayNumber(groupEnd)) return undefined;
  const start = dayNumber(groupStart) >= dayNumber(today) ? groupStart : today;
  const kind = programme.fundingKind;
  const funded = kind === 'funded';
  const zero = { units: 0n, scale: 0 };
  const price = kind === 'budget' || module.price === undefined ? zero : decimalOf(module.price);
  const normativeCost = !funded
    ? zero
    : module.normativeCost === undefined
      ? price
      : decimalOf(module.normativeCost);
  const upTo = funded && input.available === undefined;
  const available = !funded
    ? zero
    : input.available === undefined
      ? normativeCost
      : decimalOf(input.available);
  // One unit for every amount: kopecks, or finer when an input is finer.
  const scale = Math.max(2, price.scale, normativeCost.scale, available.scale);
  const days = daysInclusive(start, groupEnd);
  const groupDays = daysInclusive(groupStart, groupEnd);
  const all = proRataKopecks(price.units, days, groupDays, price.scale);
  const normative = proRataKopecks(normativeCost.units, days, groupDays, normativeCost.scale);
  const split = splitKopecks({
    all: rescale(all, 2, scale),
    normative: rescale(normative, 2, scale),
    available: rescale(available.units, available.scale, scale),
  });
  return {
    fundingKind: kind,
    moduleId: module.id,
    groupId: group.id,
    groupStart,
    groupEnd,
    start,
    end: groupEnd,
    days,
    groupDays,
    proRata: days < groupDays,
    fullPrice: textOf(rescale(price.units, price.scale, scale), scale),
    all: textOf(all, 2),
    normative: textOf(normative, 2),
    certificate: textOf(split.certificate, scale),
    family: textOf(split.family, scale),
    upTo,
  };
}

/**
 * What a family would pay for a module over a whole group period, amounts as decimal text:
 * core's `previewCoPayment` without `Money` (budget programmes are free, paid ones are paid
 * by the family, funded ones split by `min(price, normative cost, available)`).
 *
 * @example
 * ```ts
 * import { previewCoPaymentText, type PreviewProgramme } from '@eduset/core/financing';
 * declare const programme: PreviewProgramme;
 * previewCoPaymentText(programme, '5000.00').family;
 * ```
 */
export function previewCoPaymentText(
  programme: PreviewProgramme,
  available: MoneyText,
  moduleId?: string,
): {
  readonly price: MoneyText;
  readonly certificate: MoneyText;
  readonly family: MoneyText;
} {
  const module =
    moduleId === undefined
      ? programme.modules[0]
      : programme.modules.find((candidate) => candidate.id === moduleId);
  const price = module?.price === undefined ? 0n : kopecksOf(module.price);
  const normativeCost =
    module?.normativeCost === undefined ? price : kopecksOf(module.normativeCost);
  if (programme.fundingKind === 'budget') {
    return { price: '0.00', certificate: '0.00', family: '0.00' };
  }
  const split =
    programme.fundingKind === 'paid'
      ? { certificate: 0n, family: price }
      : splitKopecks({ all: price, normative: normativeCost, available: kopecksOf(available) });
  return {
    price: moneyTextOfKopecks(price),
    certificate: moneyTextOfKopecks(split.certificate),
    family: moneyTextOfKopecks(split.family),
  };
}

/** Exact decimal texts of one scale (at least two), for `Money` callers of the formula. */
export function commonUnits(texts: readonly string[]): {
  readonly units: readonly bigint[];
  readonly scale: number;
  readonly text: (units: bigint) => string;
} {
  const decimals = texts.map(decimalOf);
  const scale = Math.max(2, ...decimals.map((decimal) => decimal.scale));
  return {
    units: decimals.map((decimal) => rescale(decimal.units, decimal.scale, scale)),
    scale,
    text: (units) => textOf(units, scale),
  };
}

/** An exact decimal text's units and scale (for `proRataPrice`). */
export function exactDecimal(text: string): { readonly units: bigint; readonly scale: number } {
  return decimalOf(text);
}
