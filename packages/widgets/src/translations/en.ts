import { bookingTexts } from '../booking/booking.texts.js';
import { scheduleTexts } from '../schedule/schedule.texts.js';
import { siteDirectoryTexts } from '../site-directory/site-directory.texts.js';
import type { Translation } from './translation.js';

/**
 * English texts of the widgets (used with `lang="en"`), composed from the elements' own texts.
 *
 * @example
 * ```ts
 * import { en } from '@eduset/widgets';
 * en.siteCount(1); // '1 site'
 * en.ageRange(0, 3); // 'ages 0–3'
 * ```
 */
export const en: Translation = {
  lang: 'en',
  ...siteDirectoryTexts.en,
  booking: bookingTexts.en,
  schedule: scheduleTexts.en,
};
