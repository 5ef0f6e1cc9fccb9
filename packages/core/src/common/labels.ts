import { z } from './zod-mini.js';

/**
 * A user-facing language. Russian is the default everywhere; English is the second language.
 *
 * @example
 * ```ts
 * import type { Lang } from '@eduset/core/common';
 * const lang: Lang = 'ru';
 * ```
 */
export type Lang = 'ru' | 'en';

/**
 * Schema of a text given in Russian and English.
 *
 * @example
 * ```ts
 * import { localizedTextSchema } from '@eduset/core/common';
 * localizedTextSchema.parse({ ru: 'Лекотека', en: 'Lekoteka' });
 * ```
 */
export const localizedTextSchema = z.object({
  ru: z.string().check(z.minLength(1)),
  en: z.string().check(z.minLength(1)),
});

/**
 * A text given in Russian and English.
 *
 * @example
 * ```ts
 * import type { LocalizedText } from '@eduset/core/common';
 * const title: LocalizedText = { ru: 'Консультационный пункт', en: 'Consultation point' };
 * ```
 */
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/**
 * Picks the text for a language.
 *
 * @example
 * ```ts
 * import { localize } from '@eduset/core/common';
 * localize({ ru: 'Да', en: 'Yes' }, 'en'); // 'Yes'
 * ```
 */
export function localize(text: LocalizedText, lang: Lang): string {
  return text[lang];
}

/**
 * Russian plural forms: one (1, 21, 101), few (2–4, 22–24) and many (0, 5–20, 25–30).
 *
 * @example
 * ```ts
 * import type { RussianPluralForms } from '@eduset/core/common';
 * const sites: RussianPluralForms = { one: 'площадка', few: 'площадки', many: 'площадок' };
 * ```
 */
export interface RussianPluralForms {
  readonly one: string;
  readonly few: string;
  readonly many: string;
}

const russianPluralRules = new Intl.PluralRules('ru');

/**
 * Chooses the Russian plural form for a count with `Intl.PluralRules('ru')`, so that
 * «5 площадок», not «5 площадки».
 *
 * @example
 * ```ts
 * import { pluralRu } from '@eduset/core/common';
 * const forms = { one: 'площадка', few: 'площадки', many: 'площадок' };
 * `${5} ${pluralRu(5, forms)}`; // '5 площадок'
 * `${22} ${pluralRu(22, forms)}`; // '22 площадки'
 * ```
 */
export function pluralRu(count: number, forms: RussianPluralForms): string {
  const rule = russianPluralRules.select(count);
  if (rule === 'one') return forms.one;
  if (rule === 'few') return forms.few;
  return forms.many;
}
