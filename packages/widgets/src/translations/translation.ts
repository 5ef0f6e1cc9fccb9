import type { Lang, SchoolYear } from '@eduset/core';

/**
 * Every user-facing text of the widgets in one language. Terms that depend on a number or a
 * name are functions, so each language can build its own grammar (Russian plural forms,
 * cases) instead of gluing fragments together.
 *
 * @example
 * ```ts
 * import { translations, type Translation } from '@eduset/widgets';
 * const t: Translation = translations.ru;
 * t.siteCount(5); // '5 площадок'
 * ```
 */
export interface Translation {
  /** The language these texts are in. */
  readonly lang: Lang;
  /** Accessible name of the filter form. */
  readonly filters: string;
  /** Label of the child's age input. */
  readonly childAge: string;
  /** Hint under the age input. */
  readonly childAgeHint: string;
  /** Label of the service select. */
  readonly service: string;
  /** The service select's "no filter" option. */
  readonly anyService: string;
  /** Button that clears the filters. */
  readonly resetFilters: string;
  /** Shown while the data loads. */
  readonly loading: string;
  /** Title of the error message. */
  readonly loadFailed: string;
  /** Button that loads the data again after an error. */
  readonly retry: string;
  /** A count of sites with its noun: «3 площадки», "3 sites". */
  readonly siteCount: (count: number) => string;
  /** The live summary after filtering: «Найдено 5 площадок», "5 sites found". */
  readonly sitesFound: (count: number) => string;
  /** The school year the directory shows. */
  readonly schoolYear: (year: SchoolYear) => string;
  /** Shown when filters leave no site. */
  readonly noSitesMatch: string;
  /** Shown when the network has no site active in the year. */
  readonly noSitesInYear: (year: SchoolYear) => string;
  /** Term for the organization hosting a site. */
  readonly hostOrganization: string;
  /** Term for a site's address. */
  readonly address: string;
  /** Term for a site's phone. */
  readonly phone: string;
  /** Term for the services of a site. */
  readonly services: string;
  /** Term for the children's ages a site serves. */
  readonly ages: string;
  /** An age range in whole years, inclusive: «от 0 до 3 лет», "ages 0–3". */
  readonly ageRange: (from: number, to: number) => string;
  /** Texts of `<eduset-booking>`. */
  readonly booking: BookingTexts;
  /** Texts of `<eduset-schedule>`. */
  readonly schedule: ScheduleTexts;
}

/**
 * Texts of `<eduset-booking>`.
 *
 * @example
 * ```ts
 * import { translations, type BookingTexts } from '@eduset/widgets';
 * const texts: BookingTexts = translations.ru.booking;
 * texts.addToCalendar; // 'Добавить в календарь'
 * ```
 */
export interface BookingTexts {
  readonly title: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly step: (step: number, total: number) => string;
  readonly chooseService: string;
  readonly noServices: string;
  readonly chooseProvider: string;
  readonly anyProvider: string;
  readonly bySite: string;
  readonly bySpecialist: string;
  readonly chooseSlot: string;
  readonly slotsLoading: string;
  readonly noSlots: string;
  readonly slotsHint: string;
  readonly timeZoneNote: (timeZone: string) => string;
  readonly earlier: string;
  readonly later: string;
  readonly period: (from: string, to: string) => string;
  readonly seatsLeft: (count: number) => string;
  readonly contactTitle: string;
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly contactHint: string;
  readonly childAge: string;
  /** Label of the parent's optional note for the specialist. */
  readonly note: string;
  /** Hint under the note: optional, what to write, the limit. */
  readonly noteHint: string;
  /** The note is longer than the limit. */
  readonly noteTooLong: string;
  readonly consent: string;
  readonly submit: string;
  readonly submitting: string;
  readonly back: string;
  readonly nameRequired: string;
  readonly contactRequired: string;
  readonly phoneInvalid: string;
  readonly emailInvalid: string;
  readonly ageInvalid: string;
  readonly consentRequired: string;
  readonly errorsFound: (count: number) => string;
  readonly chooseAnotherSlot: string;
  readonly confirmedTitle: string;
  readonly service: string;
  readonly site: string;
  readonly specialist: string;
  readonly when: string;
  readonly addToCalendar: string;
  readonly cancelBooking: string;
  readonly cancelling: string;
  readonly cancelledTitle: string;
  readonly bookAgain: string;
  readonly selectedSlot: string;
  /** Hint under the child's age on the first step. */
  readonly childAgeFirstHint: string;
  /** Shown when services for other ages are left out. */
  readonly servicesForOtherAges: string;
  /** The ages a service is for: «для детей от 2 до 7 лет». */
  readonly forAges: (range: string) => string;
  /** The age is needed before a service for some ages only. */
  readonly ageNeeded: (range: string) => string;
  /** The age typed is not one the service is for. */
  readonly ageNotForService: (range: string) => string;
  /** The link to the manage page on the confirmation. */
  readonly manageLink: string;
  /** Why to keep the manage link. */
  readonly manageHint: string;
}

/**
 * Texts of `<eduset-schedule>`.
 *
 * @example
 * ```ts
 * import { translations, type ScheduleTexts } from '@eduset/widgets';
 * const texts: ScheduleTexts = translations.en.schedule;
 * texts.dayOff; // 'day off'
 * ```
 */
export interface ScheduleTexts {
  readonly title: string;
  readonly filters: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly thisWeek: string;
  readonly nextWeek: string;
  readonly week: string;
  readonly weekRange: (from: string, to: string) => string;
  readonly dayOff: string;
  readonly noHours: string;
  readonly freeSlots: (count: number) => string;
  /** A day whose free time is all taken (not a link: muted). */
  readonly noFreeSlots: string;
  readonly freeSlotsLoading: string;
  readonly nothing: string;
  readonly specialist: string;
  readonly day: string;
  readonly hours: string;
  readonly timeZoneNote: (timeZone: string) => string;
}
