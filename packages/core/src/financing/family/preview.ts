import { Money } from '../../common/index.js';
import { daysInclusive } from '../calendar.js';
import {
  exactDecimal,
  moneyTextOfKopecks,
  previewEnrolmentText,
  proRataKopecks,
  type EnrolmentPreviewOf,
} from '../preview-kopecks.js';
import type { Programme } from '../programme.js';

/**
 * What {@link previewEnrolment} needs: the programme (and optionally its module and group —
 * the first ones by default, as an enrolment request takes them), the day the request would
 * be made and the certificate's available balance (left out when it is not known yet: the
 * preview then says the most the certificate could pay).
 *
 * @example
 * ```ts
 * import type { EnrolmentPreviewInput, Programme } from '@eduset/core/financing';
 * declare const programme: Programme;
 * const input: EnrolmentPreviewInput = { programme, today: '2026-10-05' };
 * ```
 */
export interface EnrolmentPreviewInput {
  readonly programme: Programme;
  readonly today: string;
  readonly available?: Money;
  readonly moduleId?: string;
  readonly groupId?: string;
}

/**
 * What enrolling today would cost, exactly as {@link requestEnrolment} will compute it: the
 * contract's days (from today or the group's start, whichever is later, to the group's end),
 * the price for the whole group period and for these days (`proRata` when they are fewer),
 * the certificate's part and the family's part. {@link explainEnrolment} says in people's words
 * why an amount is cut (a programme that has started is paid pro rata; the certificate pays
 * at most the normative cost and what is left on it).
 *
 * @example
 * ```ts
 * import type { EnrolmentPreview } from '@eduset/core/financing';
 * declare const preview: EnrolmentPreview;
 * preview.family.format('ru');
 * ```
 */
export type EnrolmentPreview = EnrolmentPreviewOf<Money>;

/**
 * What enrolling in a programme today would cost (see {@link EnrolmentPreview}), computed by
 * the rules of {@link computeContractAmounts} that {@link requestEnrolment} applies (a
 * property test holds them equal): the contract starts on the later of today and the group's
 * start and ends with the group; `all = ceil2(price × days / groupDays)`, `normative =
 * ceil2(normativeCost × days / groupDays)`; budget programmes cost nothing, paid ones are
 * paid by the family, funded ones split by `min(all, normative, available)` (core's
 * `splitPayment`). No monthly schedule is made: this runs for every card of the navigator. `undefined` when the module or group does not exist or
 * the group has already ended.
 *
 * @example
 * ```ts
 * import { previewEnrolment, type Programme } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * declare const programme: Programme;
 * const preview = previewEnrolment({ programme, today: '2026-10-05', available: Money.of(15000) });
 * preview?.proRata; // true when the group started before 5 October
 * ```
 */
export function previewEnrolment(input: EnrolmentPreviewInput): EnrolmentPreview | undefined {
  const { programme } = input;
  // One formula: the whole-number preview, from the exact amounts' decimal text.
  const preview = previewEnrolmentText({
    programme: {
      fundingKind: programme.fundingKind,
      modules: programme.modules.map((module) => ({
        id: module.id,
        price: module.price?.amount.toFixed(),
        normativeCost: module.normativeCost?.amount.toFixed(),
        groups: module.groups,
      })),
    },
    today: input.today,
    available: input.available?.amount.toFixed(),
    moduleId: input.moduleId,
    groupId: input.groupId,
  });
  if (preview === undefined) return undefined;
  return {
    ...preview,
    fullPrice: Money.of(preview.fullPrice),
    all: Money.of(preview.all),
    normative: Money.of(preview.normative),
    certificate: Money.of(preview.certificate),
    family: Money.of(preview.family),
  };
}

/**
 * The price of `days` of a group period of `groupDays` days, as a contract computes it:
 * `ceil2(price × days / groupDays)`.
 *
 * @example
 * ```ts
 * import { proRataPrice } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * proRataPrice(Money.of('4418'), 239, 273).toString(); // '3867.78'
 * ```
 */
export function proRataPrice(price: Money, days: number, groupDays: number): Money {
  const exact = exactDecimal(price.amount.toFixed());
  return Money.of(moneyTextOfKopecks(proRataKopecks(exact.units, days, groupDays, exact.scale)));
}

/**
 * Calendar days from `start` to `end`, both included.
 *
 * @example
 * ```ts
 * import { civilDaysInclusive } from '@eduset/core/financing';
 * civilDaysInclusive('2026-09-01', '2027-05-31'); // 273
 * ```
 */
export function civilDaysInclusive(start: string, end: string): number {
  return daysInclusive(start, end);
}
