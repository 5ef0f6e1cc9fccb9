import type { Lang } from '../../common/index.js';
import { formatBillingMonth } from '../settlement/preview.js';

const monthsRu = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const monthsEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A civil date in people's words: `5 октября 2026` in Russian, `5 October 2026` in English.
 *
 * @example
 * ```ts
 * import { formatCivilDate } from '@eduset/core/financing';
 * formatCivilDate('2026-10-05', 'ru'); // '5 октября 2026'
 * ```
 */
export function formatCivilDate(date: string, lang: Lang): string {
  const day = String(Number(date.slice(8, 10)));
  const month = Number(date.slice(5, 7)) - 1;
  const year = date.slice(0, 4);
  return lang === 'ru'
    ? `${day} ${monthsRu[month] ?? ''} ${year}`
    : `${day} ${monthsEn[month] ?? ''} ${year}`;
}

/**
 * A month (`YYYY-MM`) in people's words: `октябрь 2026`, `October 2026`.
 *
 * @example
 * ```ts
 * import { formatMonth } from '@eduset/core/financing';
 * formatMonth('2026-10', 'en'); // 'October 2026'
 * ```
 */
export function formatMonth(month: string, lang: Lang): string {
  return formatBillingMonth(month, lang);
}
