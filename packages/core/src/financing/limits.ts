import { ConflictError, type LocalizedText } from '../common/index.js';

/**
 * Why an enrolment or a ledger operation was refused. Each reason has a Russian and an
 * English message in {@link limitMessages}.
 *
 * - `group-full` — no places left in the group;
 * - `programme-full` — the programme's enrolment limit is reached;
 * - `direction-limit` — the payer's limit of enrolments in the direction is reached;
 * - `duplicate-module` — the child is already enrolled in this module;
 * - `empty-balance` — the certificate has nothing available;
 * - `insufficient-balance` — the operation needs more than is available;
 * - `insufficient-reserve` — a debit or release exceeds what is reserved;
 * - `certificate-not-active` — the certificate is not active;
 * - `funded-places-exhausted` — the certificate group has no funded places (the child is queued);
 * - `hours-exhausted` — the certificate counts weekly hours and the programme needs more hours a
 *   week than are left;
 * - `weekly-hours-unknown` — the certificate counts weekly hours but the programme does not say
 *   how many hours a week it takes;
 * - `age-out-of-range` — the child's age is outside the programme's ages;
 * - `not-certified` — the programme is not certified for funding;
 * - `invalid-transition` — the status change is not allowed.
 *
 * @example
 * ```ts
 * import type { LimitReason } from '@eduset/core/financing';
 * const reason: LimitReason = 'group-full';
 * ```
 */
export type LimitReason =
  | 'group-full'
  | 'programme-full'
  | 'direction-limit'
  | 'duplicate-module'
  | 'empty-balance'
  | 'insufficient-balance'
  | 'insufficient-reserve'
  | 'certificate-not-active'
  | 'funded-places-exhausted'
  | 'hours-exhausted'
  | 'weekly-hours-unknown'
  | 'age-out-of-range'
  | 'not-certified'
  | 'invalid-transition';

/**
 * The Russian and English message of each {@link LimitReason}.
 *
 * @example
 * ```ts
 * import { limitMessages } from '@eduset/core/financing';
 * limitMessages['group-full'].ru; // 'В группе нет свободных мест'
 * ```
 */
export const limitMessages: Readonly<Record<LimitReason, LocalizedText>> = {
  'group-full': { ru: 'В группе нет свободных мест', en: 'The group has no places left' },
  'programme-full': {
    ru: 'Достигнут предел зачислений на программу',
    en: 'The programme has reached its enrolment limit',
  },
  'direction-limit': {
    ru: 'Достигнут предел зачислений по направленности, установленный плательщиком',
    en: "The payer's enrolment limit for this direction is reached",
  },
  'duplicate-module': {
    ru: 'Ребёнок уже записан на этот модуль',
    en: 'The child is already enrolled in this module',
  },
  'empty-balance': {
    ru: 'На сертификате нет доступного остатка',
    en: 'The certificate has no available balance',
  },
  'insufficient-balance': {
    ru: 'Недостаточно доступного остатка сертификата',
    en: 'The certificate does not have enough available balance',
  },
  'insufficient-reserve': {
    ru: 'Сумма превышает зарезервированный остаток',
    en: 'The amount exceeds the reserved balance',
  },
  'certificate-not-active': {
    ru: 'Сертификат не активен',
    en: 'The certificate is not active',
  },
  'funded-places-exhausted': {
    ru: 'Места персонифицированного финансирования закончились: ребёнок поставлен в очередь',
    en: 'No funded places are left: the child is put in the queue',
  },
  'hours-exhausted': {
    ru: 'На сертификате не хватает часов в неделю',
    en: 'The certificate does not have enough weekly hours left',
  },
  'weekly-hours-unknown': {
    ru: 'Сертификат считает часы в неделю, а у программы не указано, сколько часов в неделю она занимает',
    en: 'The certificate counts weekly hours, but the programme does not say how many hours a week it takes',
  },
  'age-out-of-range': {
    ru: 'Возраст ребёнка не подходит для программы',
    en: "The child's age is outside the programme's ages",
  },
  'not-certified': {
    ru: 'Программа не сертифицирована для персонифицированного финансирования',
    en: 'The programme is not certified for personalized financing',
  },
  'invalid-transition': {
    ru: 'Такая смена статуса не допускается',
    en: 'This status change is not allowed',
  },
};

/**
 * A refusal by one of the financing limits. A {@link ConflictError} (HTTP 409 on the
 * server) whose `limit` says which rule refused, with a Russian and an English message.
 *
 * @example
 * ```ts
 * import { FinancingLimitError } from '@eduset/core/financing';
 * const error = new FinancingLimitError('empty-balance');
 * error.limit; // 'empty-balance'
 * error.text.en; // 'The certificate has no available balance'
 * ```
 */
export class FinancingLimitError extends ConflictError {
  /** Which limit refused. */
  readonly limit: LimitReason;

  constructor(limit: LimitReason, detail?: LocalizedText) {
    const base = limitMessages[limit];
    super(
      limit,
      detail
        ? { ru: `${base.ru}: ${detail.ru}`, en: `${base.en}: ${detail.en}` }
        : { ru: base.ru, en: base.en },
    );
    this.name = 'FinancingLimitError';
    this.limit = limit;
  }
}

/**
 * Tells whether an error is a {@link FinancingLimitError}, optionally of one reason.
 *
 * @example
 * ```ts
 * import { FinancingLimitError, isLimitError } from '@eduset/core/financing';
 * isLimitError(new FinancingLimitError('group-full'), 'group-full'); // true
 * ```
 */
export function isLimitError(value: unknown, limit?: LimitReason): value is FinancingLimitError {
  if (!(value instanceof FinancingLimitError)) return false;
  return limit === undefined || value.limit === limit;
}
