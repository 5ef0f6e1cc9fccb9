import { ConflictError, type LocalizedText } from '../../common/index.js';

/**
 * Why the family's cabinet or the certificate-application desk refused a change:
 * - `already-accepted` — the provider accepted the request: it cannot be withdrawn any more
 *   (an active contract is ended from next month instead);
 * - `not-withdrawable` — the request is already refused, lapsed or closed;
 * - `not-active` — only an active contract can be ended;
 * - `not-activatable` — only an issued certificate can be activated by the family;
 * - `application-decided` — the certificate application was already confirmed, refused or
 *   withdrawn;
 * - `application-not-decided` — an application still waiting for a decision is not erased
 *   (refuse it first);
 * - `no-certificate-group` — no certificate group is open on the day to issue into.
 *
 * @example
 * ```ts
 * import type { FamilyRefusalReason } from '@eduset/core/financing';
 * const reason: FamilyRefusalReason = 'already-accepted';
 * ```
 */
export type FamilyRefusalReason =
  | 'already-accepted'
  | 'not-withdrawable'
  | 'not-active'
  | 'not-activatable'
  | 'application-decided'
  | 'application-not-decided'
  | 'no-certificate-group';

/**
 * The Russian and English message of each {@link FamilyRefusalReason}.
 *
 * @example
 * ```ts
 * import { familyRefusalMessages } from '@eduset/core/financing';
 * familyRefusalMessages['already-accepted'].ru;
 * ```
 */
export const familyRefusalMessages: Readonly<Record<FamilyRefusalReason, LocalizedText>> = {
  'already-accepted': {
    ru: 'Организация уже приняла заявку, отозвать её нельзя. Когда договор начнёт действовать, его можно расторгнуть со следующего месяца',
    en: 'The provider has already accepted the request, so it cannot be withdrawn. Once the contract is active, it can be ended from next month',
  },
  'not-withdrawable': {
    ru: 'Заявка уже закрыта: отзывать нечего',
    en: 'The request is already closed: there is nothing to withdraw',
  },
  'not-active': {
    ru: 'Расторгнуть можно только действующий договор; заявку, которую организация ещё не приняла, можно отозвать',
    en: 'Only an active contract can be ended; a request the provider has not accepted yet can be withdrawn',
  },
  'not-activatable': {
    ru: 'Активировать можно только выданный сертификат',
    en: 'Only an issued certificate can be activated',
  },
  'application-decided': {
    ru: 'По заявлению уже принято решение',
    en: 'The application has already been decided',
  },
  'application-not-decided': {
    ru: 'Заявление ещё ждёт решения: сначала откажите в нём, затем удаляйте данные',
    en: 'The application is still waiting for a decision: refuse it first, then erase its data',
  },
  'no-certificate-group': {
    ru: 'На эту дату нет открытой группы сертификатов: выдать сертификат не во что',
    en: 'No certificate group is open on this day to issue the certificate into',
  },
};

/**
 * A typed refusal of the family's cabinet or the certificate-application desk: a
 * {@link ConflictError} (HTTP 409, its `reason` the code) with a Russian and English message.
 *
 * @example
 * ```ts
 * import { FamilyRefusal } from '@eduset/core/financing';
 * const error = new FamilyRefusal('already-accepted');
 * error.reason; // 'already-accepted'
 * ```
 */
export class FamilyRefusal extends ConflictError {
  /** Which rule refused. */
  readonly refusal: FamilyRefusalReason;

  constructor(refusal: FamilyRefusalReason, detail?: LocalizedText) {
    const base = familyRefusalMessages[refusal];
    super(
      refusal,
      detail
        ? { ru: `${base.ru}: ${detail.ru}`, en: `${base.en}: ${detail.en}` }
        : { ru: base.ru, en: base.en },
    );
    this.name = 'FamilyRefusal';
    this.refusal = refusal;
  }
}
