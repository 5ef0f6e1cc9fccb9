import { pluralRu, type Lang } from '@eduset/core';

/**
 * The few texts that more than one of `<eduset-site-directory>`, `<eduset-schedule>` and
 * `<eduset-booking>` show, in one language. Each of those elements imports only this module and
 * its own texts module, never the whole table (`translations`), so it does not bundle the other
 * elements' words.
 *
 * @example
 * ```ts
 * import { sharedTexts, type SharedTexts } from '@eduset/widgets';
 * const texts: SharedTexts = sharedTexts.ru;
 * texts.ageRange(0, 3); // 'от 0 до 3 лет'
 * ```
 */
export interface SharedTexts {
  /** Label of the child's age filter (the directory and the schedule). */
  readonly childAge: string;
  /** Label of the service select (the directory and the schedule). */
  readonly service: string;
  /** The service select's "no filter" option (the directory and the schedule). */
  readonly anyService: string;
  /** Button that loads the data again after an error (all three). */
  readonly retry: string;
  /** An age range in whole years, inclusive: «от 0 до 3 лет», "ages 0–3" (the directory and the booking). */
  readonly ageRange: (from: number, to: number) => string;
}

const years = (count: number): string =>
  `${count} ${pluralRu(count, { one: 'год', few: 'года', many: 'лет' })}`;

const ruTexts: SharedTexts = {
  childAge: 'Возраст ребёнка, полных лет',
  service: 'Услуга',
  anyService: 'Любая услуга',
  retry: 'Повторить',
  ageRange: (from, to) =>
    from === to
      ? years(from)
      : `от ${from} до ${to} ${pluralRu(to, { one: 'года', few: 'лет', many: 'лет' })}`,
};

const enTexts: SharedTexts = {
  childAge: "Child's age, full years",
  service: 'Service',
  anyService: 'Any service',
  retry: 'Try again',
  ageRange: (from, to) => (from === to ? `age ${from}` : `ages ${from}–${to}`),
};

/**
 * Russian and English texts shared by `<eduset-site-directory>`, `<eduset-schedule>` and
 * `<eduset-booking>` (the same keys in both; a test checks it).
 *
 * @example
 * ```ts
 * import { sharedTexts } from '@eduset/widgets';
 * sharedTexts.en.retry; // 'Try again'
 * ```
 */
export const sharedTexts: Readonly<Record<Lang, SharedTexts>> = { ru: ruTexts, en: enTexts };
