import type { Lang } from '@eduset/core';

/**
 * The texts of `<eduset-course-timetable>` in one language.
 *
 * @example
 * ```ts
 * import { courseTimetableTexts } from '@eduset/widgets';
 * courseTimetableTexts.ru.travel('СОШ №2', 15); // 'Дорога от СОШ №2: 15 мин'
 * ```
 */
export interface CourseTimetableTexts {
  readonly title: (name: string) => string;
  readonly viewKind: Readonly<Record<'student' | 'school' | 'centre' | 'teacher', string>>;
  readonly weekdays: readonly string[];
  readonly weekdaysShort: readonly string[];
  readonly time: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly retry: string;
  readonly empty: string;
  readonly subscribe: string;
  readonly teacher: string;
  readonly room: string;
  readonly travel: (from: string, minutes: number) => string;
  readonly students: (count: number) => string;
  readonly sessions: (count: number) => string;
}

function ruPlural(count: number, one: string, few: string, many: string): string {
  const forms = new Intl.PluralRules('ru').select(count);
  return `${count} ${forms === 'one' ? one : forms === 'few' ? few : many}`;
}

/**
 * Russian and English texts of `<eduset-course-timetable>` (the same keys in both; a test
 * checks it).
 *
 * @example
 * ```ts
 * import { courseTimetableTexts } from '@eduset/widgets';
 * courseTimetableTexts.en.sessions(1); // '1 lesson a week'
 * ```
 */
export const courseTimetableTexts: Readonly<Record<Lang, CourseTimetableTexts>> = {
  ru: {
    title: (name) => `Расписание профильных курсов: ${name}`,
    viewKind: {
      student: 'Учащийся',
      school: 'Школа',
      centre: 'Ресурсный центр',
      teacher: 'Преподаватель',
    },
    weekdays: ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье'],
    weekdaysShort: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
    time: 'Время',
    loading: 'Загружаем расписание…',
    loadFailed: 'Не удалось загрузить расписание',
    retry: 'Повторить',
    empty: 'Занятий нет',
    subscribe: 'Подписаться в календаре (iCal)',
    teacher: 'Преподаватель',
    room: 'Кабинет',
    travel: (from, minutes) => `Дорога от ${from}: ${minutes} мин`,
    students: (count) => ruPlural(count, 'учащийся', 'учащихся', 'учащихся'),
    sessions: (count) => `${ruPlural(count, 'занятие', 'занятия', 'занятий')} в неделю`,
  },
  en: {
    title: (name) => `Profile course timetable: ${name}`,
    viewKind: {
      student: 'Student',
      school: 'School',
      centre: 'Resource centre',
      teacher: 'Teacher',
    },
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    weekdaysShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    time: 'Time',
    loading: 'Loading the timetable…',
    loadFailed: 'Could not load the timetable',
    retry: 'Try again',
    empty: 'No lessons',
    subscribe: 'Subscribe in a calendar (iCal)',
    teacher: 'Teacher',
    room: 'Room',
    travel: (from, minutes) => `Travel from ${from}: ${minutes} min`,
    students: (count) => `${count} ${count === 1 ? 'student' : 'students'}`,
    sessions: (count) => `${count} ${count === 1 ? 'lesson' : 'lessons'} a week`,
  },
};
