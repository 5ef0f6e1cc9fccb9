import type { Lang } from '@eduset/core';

/**
 * Texts of `<eduset-schedule>`, in one language. They live beside the element (with the few words it
 * shares with other elements in `SharedTexts`), so it does not bundle the other
 * elements' texts.
 *
 * @example
 * ```ts
 * import { scheduleTexts, type ScheduleTexts } from '@eduset/widgets';
 * const texts: ScheduleTexts = scheduleTexts.ru;
 * texts.dayOff; // 'выходной'
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
  readonly hours: string;
  readonly timeZoneNote: (timeZone: string) => string;
}

const ruTexts: ScheduleTexts = {
  title: 'Когда и где принимают специалисты',
  filters: 'Подбор по возрасту и услуге',
  loading: 'Загружаем расписание…',
  loadFailed: 'Не удалось загрузить расписание',
  thisWeek: 'Эта неделя',
  nextWeek: 'Следующая неделя',
  week: 'Неделя',
  weekRange: (from, to) => `с ${from} по ${to}`,
  dayOff: 'выходной',
  noHours: 'нет приёма',
  freeSlots: (count) => `свободно ${count}`,
  noFreeSlots: 'всё занято',
  freeSlotsLoading: 'Загружаем свободное время…',
  nothing: 'По выбранным условиям приёма на этой неделе нет.',
  specialist: 'Специалист',
  hours: 'Часы приёма',
  timeZoneNote: (timeZone) => `Время указано по часовому поясу площадок (${timeZone}).`,
};

const enTexts: ScheduleTexts = {
  title: 'When and where specialists receive',
  filters: 'Filter by age and service',
  loading: 'Loading the schedule…',
  loadFailed: 'Could not load the schedule',
  thisWeek: 'This week',
  nextWeek: 'Next week',
  week: 'Week',
  weekRange: (from, to) => `${from} – ${to}`,
  dayOff: 'day off',
  noHours: 'no hours',
  freeSlots: (count) => `${count} free`,
  noFreeSlots: 'fully booked',
  freeSlotsLoading: 'Loading free times…',
  nothing: 'No hours match the chosen filters this week.',
  specialist: 'Specialist',
  hours: 'Hours',
  timeZoneNote: (timeZone) => `Times are in the sites' time zone (${timeZone}).`,
};

/**
 * Russian and English texts of `<eduset-schedule>` (the same keys in both; a test checks it).
 *
 * @example
 * ```ts
 * import { scheduleTexts } from '@eduset/widgets';
 * scheduleTexts.en.dayOff; // 'day off'
 * ```
 */
export const scheduleTexts: Readonly<Record<Lang, ScheduleTexts>> = { ru: ruTexts, en: enTexts };
