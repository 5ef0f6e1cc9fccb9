import { pluralRu, type Lang } from '@eduset/core';

/**
 * The texts of `<eduset-slot-picker>` in one language.
 *
 * @example
 * ```ts
 * import { slotPickerTexts } from '@eduset/widgets';
 * slotPickerTexts.ru.freeCount(3); // '3 свободных окна'
 * ```
 */
export interface SlotPickerTexts {
  readonly slotsLoading: string;
  readonly noSlots: string;
  readonly slotsHint: string;
  readonly timeZoneNote: (timeZone: string) => string;
  readonly earlier: string;
  readonly later: string;
  readonly period: (from: string, to: string) => string;
  readonly seatsLeft: (count: number) => string;
  readonly loadFailed: string;
  readonly retry: string;
  readonly firstFree: string;
  readonly searchingFirstFree: string;
  readonly firstFreeFound: (when: string) => string;
  readonly noFreeTime: (days: number) => string;
  readonly views: string;
  readonly listView: string;
  readonly monthView: string;
  readonly previousMonth: string;
  readonly nextMonth: string;
  readonly monthHint: string;
  readonly monthLoading: string;
  readonly weekdaysShort: readonly string[];
  readonly weekdaysLong: readonly string[];
  readonly freeCount: (count: number) => string;
  readonly noFreeDay: string;
  readonly pastDay: string;
  readonly beyondHorizon: string;
  readonly dayChosen: (day: string) => string;
}

const ruTexts: SlotPickerTexts = {
  slotsLoading: 'Загружаем свободное время…',
  noSlots:
    'В эти дни свободного времени нет. Посмотрите другие дни, найдите ближайшее свободное время или выберите другую площадку.',
  slotsHint: 'Стрелки — перейти к другому времени, Enter — выбрать.',
  timeZoneNote: (timeZone) => `Время указано по часовому поясу площадки (${timeZone}).`,
  earlier: 'Предыдущие дни',
  later: 'Следующие дни',
  period: (from, to) => `Свободное время с ${from} по ${to}`,
  seatsLeft: (count) =>
    `осталось ${count} ${pluralRu(count, { one: 'место', few: 'места', many: 'мест' })}`,
  loadFailed: 'Не удалось загрузить свободное время',
  retry: 'Повторить',
  firstFree: 'Ближайшее свободное время',
  searchingFirstFree: 'Ищем ближайшее свободное время…',
  firstFreeFound: (when) => `Ближайшее свободное время: ${when}.`,
  noFreeTime: (days) =>
    `В ближайшие ${days} ${pluralRu(days, { one: 'день', few: 'дня', many: 'дней' })} свободного времени нет.`,
  views: 'Как показать дни',
  listView: 'Списком',
  monthView: 'Календарь на месяц',
  previousMonth: 'Предыдущий месяц',
  nextMonth: 'Следующий месяц',
  monthHint:
    'Стрелки — перейти к другому дню, Page Up и Page Down — к другому месяцу, Enter — показать время этого дня.',
  monthLoading: 'Загружаем свободные дни…',
  weekdaysShort: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
  weekdaysLong: ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'],
  freeCount: (count) =>
    `${count} ${pluralRu(count, { one: 'свободное окно', few: 'свободных окна', many: 'свободных окон' })}`,
  noFreeDay: 'нет свободного времени',
  pastDay: 'прошедший день',
  beyondHorizon: 'запись на этот день ещё не открыта',
  dayChosen: (day) => `Показано свободное время с ${day}.`,
};

const enTexts: SlotPickerTexts = {
  slotsLoading: 'Loading free times…',
  noSlots:
    'No free times on these days. Look at other days, find the first free time or choose another site.',
  slotsHint: 'Arrow keys move to another time, Enter chooses it.',
  timeZoneNote: (timeZone) => `Times are in the site's time zone (${timeZone}).`,
  earlier: 'Earlier days',
  later: 'Later days',
  period: (from, to) => `Free times from ${from} to ${to}`,
  seatsLeft: (count) => `${count} ${count === 1 ? 'place' : 'places'} left`,
  loadFailed: 'Could not load the free times',
  retry: 'Try again',
  firstFree: 'First free time',
  searchingFirstFree: 'Looking for the first free time…',
  firstFreeFound: (when) => `First free time: ${when}.`,
  noFreeTime: (days) => `No free time in the next ${days} ${days === 1 ? 'day' : 'days'}.`,
  views: 'How to show the days',
  listView: 'As a list',
  monthView: 'Month calendar',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  monthHint:
    'Arrow keys move to another day, Page Up and Page Down to another month, Enter shows the times of the day.',
  monthLoading: 'Loading free days…',
  weekdaysShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  weekdaysLong: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  freeCount: (count) => `${count} free ${count === 1 ? 'time' : 'times'}`,
  noFreeDay: 'no free time',
  pastDay: 'past day',
  beyondHorizon: 'booking for this day is not open yet',
  dayChosen: (day) => `Free times from ${day} are shown.`,
};

/**
 * Russian and English texts of `<eduset-slot-picker>` (the same keys in both; a test checks
 * it).
 *
 * @example
 * ```ts
 * import { slotPickerTexts } from '@eduset/widgets';
 * slotPickerTexts.en.firstFree; // 'First free time'
 * ```
 */
export const slotPickerTexts: Readonly<Record<Lang, SlotPickerTexts>> = {
  ru: ruTexts,
  en: enTexts,
};
