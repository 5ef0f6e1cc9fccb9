import type { Lang } from '@eduset/core';
import { en } from './en.js';
import { ru } from './ru.js';
import type { Translation } from './translation.js';

export type { Translation } from './translation.js';
export { en } from './en.js';
export { ru } from './ru.js';

/**
 * The texts of every language the widgets speak, by language.
 *
 * @example
 * ```ts
 * import { translations } from '@eduset/widgets';
 * translations.en.retry; // 'Try again'
 * ```
 */
export const translations: Readonly<Record<Lang, Translation>> = { ru, en };
