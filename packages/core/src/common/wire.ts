import { localizedTextSchema, type LocalizedText } from './labels.js';
import { z } from './zod-mini.js';

/**
 * The message for text holding the NUL character (U+0000), which PostgreSQL cannot store in
 * a text column: such input is refused at the schema, never sent to the database.
 *
 * @example
 * ```ts
 * import { nulCharacterText } from '@eduset/core/common';
 * nulCharacterText.en; // 'The text contains the NUL character (U+0000), which is not allowed'
 * ```
 */
export const nulCharacterText: LocalizedText = {
  ru: 'Текст содержит нулевой символ (U+0000), он недопустим',
  en: 'The text contains the NUL character (U+0000), which is not allowed',
};

/**
 * Whether a text is free of the NUL character (U+0000).
 *
 * @example
 * ```ts
 * import { hasNoNulCharacter } from '@eduset/core/common';
 * hasNoNulCharacter('Анна'); // true
 * hasNoNulCharacter('A\u0000'); // false
 * ```
 */
export function hasNoNulCharacter(value: string): boolean {
  return !value.includes('\u0000');
}

/**
 * Schema of a text taken from a request (trimmed, at most `max` characters, never the NUL
 * character). `min` is 1 by default: an empty text is refused.
 *
 * @example
 * ```ts
 * import { requestTextSchema } from '@eduset/core/common';
 * requestTextSchema(200).parse(' Анна '); // 'Анна'
 * requestTextSchema(200).safeParse('A\u0000').success; // false
 * ```
 */
export function requestTextSchema(max: number, min = 1) {
  return z
    .string()
    .check(
      z.trim(),
      z.minLength(min),
      z.maxLength(max),
      z.refine(hasNoNulCharacter, { params: { text: nulCharacterText } }),
    );
}

/**
 * Schema of an id as a request names it (a network, a site, a booking…): trimmed, 1–128
 * characters, never the NUL character. The storage answers 404 for an id it does not hold.
 *
 * @example
 * ```ts
 * import { requestIdSchema } from '@eduset/core/common';
 * requestIdSchema.parse('udomlya'); // 'udomlya'
 * requestIdSchema.safeParse('%00'.replace('%00', '\u0000')).success; // false
 * ```
 */
export const requestIdSchema = requestTextSchema(128);

/**
 * The first and last years a date or an instant may fall in (1900–2200): birth dates of
 * grandparents to schedules of the next century; years such as 0000 or 9999 are refused
 * before they reach date arithmetic or the database.
 *
 * @example
 * ```ts
 * import { saneYears } from '@eduset/core/common';
 * saneYears.first; // 1900
 * ```
 */
export const saneYears = { first: 1900, last: 2200 } as const;

/**
 * The message for a date or an instant outside {@link saneYears}.
 *
 * @example
 * ```ts
 * import { saneYearText } from '@eduset/core/common';
 * saneYearText.ru; // 'Год должен быть от 1900 до 2200'
 * ```
 */
export const saneYearText: LocalizedText = {
  ru: `Год должен быть от ${saneYears.first} до ${saneYears.last}`,
  en: `The year must be from ${saneYears.first} to ${saneYears.last}`,
};

/**
 * Whether a text that starts with a four-digit year (`YYYY-…`) falls within
 * {@link saneYears}.
 *
 * @example
 * ```ts
 * import { hasSaneYear } from '@eduset/core/common';
 * hasSaneYear('2026-05-12'); // true
 * hasSaneYear('9999-12-31'); // false
 * ```
 */
export function hasSaneYear(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return Number.isInteger(year) && year >= saneYears.first && year <= saneYears.last;
}

/**
 * Schema of one rejected row of an import: its row number as the spreadsheet shows it, its
 * cells as read and every reason in Russian and English.
 *
 * @example
 * ```ts
 * import { rejectedRowSchema } from '@eduset/core/common';
 * rejectedRowSchema.parse({
 *   row: 3,
 *   cells: ['teachers', 'school-1', 'someday', '5'],
 *   issues: [{ path: ['period'], code: 'invalid_period', message: { ru: 'Нет такого периода', en: 'No such period' } }],
 * });
 * ```
 */
export const rejectedRowSchema = z.object({
  row: z.int(),
  cells: z.array(z.string()),
  issues: z.array(
    z.object({
      path: z.array(z.union([z.string(), z.number()])),
      code: z.string(),
      message: localizedTextSchema,
    }),
  ),
});
