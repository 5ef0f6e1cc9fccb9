import { bookingTexts } from '../booking/booking.texts.js';
import { scheduleTexts } from '../schedule/schedule.texts.js';
import { siteDirectoryTexts } from '../site-directory/site-directory.texts.js';
import type { Translation } from './translation.js';

/**
 * Russian texts of the widgets (the default language), composed from the elements' own texts.
 *
 * @example
 * ```ts
 * import { ru } from '@eduset/widgets';
 * ru.siteCount(22); // '22 площадки'
 * ru.ageRange(0, 3); // 'от 0 до 3 лет'
 * ```
 */
export const ru: Translation = {
  lang: 'ru',
  ...siteDirectoryTexts.ru,
  booking: bookingTexts.ru,
  schedule: scheduleTexts.ru,
};
