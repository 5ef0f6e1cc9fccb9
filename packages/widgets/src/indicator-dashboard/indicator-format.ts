import type { IndicatorSummary, Lang } from '@eduset/core';

/**
 * Writes decimal text the way people read it: digit groups and the decimal comma in Russian
 * (`21 871,5`), commas and a point in English (`21,871.5`). The text is not turned into a
 * JavaScript number, so nothing is lost.
 *
 * @example
 * ```ts
 * import { formatDecimalText } from '@eduset/widgets';
 * formatDecimalText('11677', 'ru'); // '11 677'
 * ```
 */
export function formatDecimalText(text: string, lang: Lang): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return text;
  const [, sign = '', whole = '', fraction] = match;
  const group = lang === 'ru' ? '\u00a0' : ',';
  const grouped =
    whole.length > 4 || lang === 'en' ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
  const minus = sign === '' ? '' : '−';
  return fraction === undefined
    ? `${minus}${grouped}`
    : `${minus}${grouped}${lang === 'ru' ? ',' : '.'}${fraction}`;
}

/**
 * A value with its unit: `87 %`, `12,5 ‰`, `601`.
 *
 * @example
 * ```ts
 * import { formatIndicatorValue } from '@eduset/widgets';
 * formatIndicatorValue('87', 'percent', 'ru'); // '87 %'
 * ```
 */
export function formatIndicatorValue(
  text: string,
  unit: IndicatorSummary['unit'],
  lang: Lang,
): string {
  const number = formatDecimalText(text, lang);
  if (unit === 'percent') return lang === 'ru' ? `${number}\u00a0%` : `${number}%`;
  if (unit === 'per-thousand') return `${number}\u00a0‰`;
  return number;
}

/**
 * A period for people: school year `2019-2020` → `2019/20`, a day `2020-09-01` → `01.09.2020`
 * (ru) or `2020-09-01` (en), a quarter `2025Q1` → `I кв. 2025` / `Q1 2025`.
 *
 * @example
 * ```ts
 * import { formatPeriod } from '@eduset/widgets';
 * formatPeriod('2019-2020', 'ru'); // '2019/20'
 * ```
 */
export function formatPeriod(period: string, lang: Lang): string {
  let match = /^(\d{4})-(\d{4})$/.exec(period);
  if (match !== null) return `${match[1] ?? ''}/${(match[2] ?? '').slice(2)}`;
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (match !== null)
    return lang === 'ru' ? `${match[3] ?? ''}.${match[2] ?? ''}.${match[1] ?? ''}` : period;
  match = /^(\d{4})Q([1-4])$/.exec(period);
  if (match !== null)
    return lang === 'ru'
      ? `${['I', 'II', 'III', 'IV'][Number(match[2]) - 1] ?? ''} кв. ${match[1] ?? ''}`
      : `Q${match[2] ?? ''} ${match[1] ?? ''}`;
  return period;
}

/**
 * Whether a period is one day (`2020-09-01`): its figure is a state as of that date, said
 * «на 01.09.2020» rather than «за».
 *
 * @example
 * ```ts
 * import { isDayPeriod } from '@eduset/widgets';
 * isDayPeriod('2020-09-01'); // true
 * isDayPeriod('2019-2020'); // false
 * ```
 */
export function isDayPeriod(period: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(period);
}
