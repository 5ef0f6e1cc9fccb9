import type { Lang } from '@eduset/core';
import type { BookingTexts } from '../booking/booking.texts.js';
import type { ScheduleTexts } from '../schedule/schedule.texts.js';
import type { SiteDirectoryTexts } from '../site-directory/site-directory.texts.js';

export type { BookingTexts } from '../booking/booking.texts.js';
export type { ScheduleTexts } from '../schedule/schedule.texts.js';

/**
 * The texts of `<eduset-site-directory>`, `<eduset-schedule>` and `<eduset-booking>` in one
 * language, in one table (the directory's and the shared words at the top, `booking` and
 * `schedule` nested). Terms that depend on a number or a name are functions, so each language
 * can build its own grammar (Russian plural forms, cases) instead of gluing fragments together.
 * The table is composed from the elements' own texts modules (`siteDirectoryTexts`,
 * `scheduleTexts`, `bookingTexts`, `sharedTexts`); the elements themselves import only their
 * own, so none of them bundles the others' words.
 *
 * @example
 * ```ts
 * import { translations, type Translation } from '@eduset/widgets';
 * const t: Translation = translations.ru;
 * t.siteCount(5); // '5 площадок'
 * ```
 */
export interface Translation extends SiteDirectoryTexts {
  /** The language these texts are in. */
  readonly lang: Lang;
  /** Texts of `<eduset-booking>`. */
  readonly booking: BookingTexts;
  /** Texts of `<eduset-schedule>`. */
  readonly schedule: ScheduleTexts;
}
