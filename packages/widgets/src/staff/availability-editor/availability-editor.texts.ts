import type { Lang } from '@eduset/core';

/**
 * The texts of `<eduset-availability-editor>` in one language.
 *
 * @example
 * ```ts
 * import { availabilityEditorTexts } from '@eduset/widgets/availability-editor';
 * availabilityEditorTexts.ru.hits(2); // 'Изменение затронет 2 записи'
 * ```
 */
export interface AvailabilityEditorTexts {
  readonly title: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly retry: string;
  readonly specialist: string;
  readonly chooseSpecialist: string;
  readonly officialCalendar: string;
  readonly ownCalendarOnly: string;
  readonly weekdays: readonly string[];
  readonly weekdaysShort: readonly string[];
  readonly place: (site: string, service: string) => string;
  readonly readOnlyPlace: string;
  readonly weeklyHours: string;
  readonly days: string;
  readonly from: string;
  readonly to: string;
  readonly breaks: string;
  readonly addBreak: string;
  readonly removeBreak: string;
  readonly addHours: string;
  readonly removeHours: string;
  readonly validity: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly overrides: string;
  readonly date: string;
  readonly overrideKind: string;
  readonly kinds: Readonly<Record<'closed' | 'extra' | 'replace', string>>;
  readonly note: string;
  readonly addOverride: string;
  readonly removeOverride: string;
  readonly removePlace: string;
  readonly addPlace: string;
  readonly site: string;
  readonly service: string;
  readonly add: string;
  readonly vacations: string;
  readonly vacationsHint: string;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly addVacation: string;
  readonly removeVacation: string;
  readonly sessions: string;
  readonly sessionsReadOnly: string;
  readonly duration: string;
  readonly step: string;
  readonly bufferBefore: string;
  readonly bufferAfter: string;
  readonly perDay: string;
  readonly perWeek: string;
  readonly siteDuration: (site: string) => string;
  readonly minutes: string;
  readonly noPlaces: string;
  readonly review: string;
  readonly checking: string;
  readonly invalid: string;
  readonly reviewTitle: string;
  readonly noHits: string;
  readonly hits: (count: number) => string;
  readonly childAge: (years: number) => string;
  readonly contactHidden: string;
  readonly decision: string;
  readonly keep: string;
  readonly cancel: string;
  readonly reason: string;
  readonly reasonHint: string;
  readonly publish: string;
  readonly publishing: string;
  readonly back: string;
  readonly published: (revision: number, cancelled: number, kept: number) => string;
  readonly revisionMoved: string;
  readonly reload: string;
  readonly decide: string;
  readonly failed: string;
}

function ruPlural(count: number, one: string, few: string, many: string): string {
  const form = new Intl.PluralRules('ru').select(count);
  return `${count} ${form === 'one' ? one : form === 'few' ? few : many}`;
}

/**
 * Russian and English texts of `<eduset-availability-editor>` (the same keys in both; a test
 * checks it).
 *
 * @example
 * ```ts
 * import { availabilityEditorTexts } from '@eduset/widgets/availability-editor';
 * availabilityEditorTexts.en.hits(1); // 'The change hits 1 booking'
 * ```
 */
export const availabilityEditorTexts: Readonly<Record<Lang, AvailabilityEditorTexts>> = {
  ru: {
    title: 'Часы приёма',
    loading: 'Загружаем часы приёма…',
    loadFailed: 'Не удалось загрузить часы приёма',
    retry: 'Повторить',
    specialist: 'Специалист',
    chooseSpecialist: 'Выберите специалиста',
    officialCalendar:
      'Действует производственный календарь РФ: в праздники и перенесённые выходные приёма нет, в предпраздничные дни приём заканчивается на час раньше.',
    ownCalendarOnly: 'Действует только календарь сети (производственный календарь РФ отключён).',
    weekdays: ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье'],
    weekdaysShort: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
    place: (site, service) => `${site} — ${service}`,
    readOnlyPlace: 'Эти часы меняет администратор площадки или координатор.',
    weeklyHours: 'Часы по дням недели',
    days: 'Дни недели',
    from: 'С',
    to: 'До',
    breaks: 'Перерывы',
    addBreak: 'Добавить перерыв',
    removeBreak: 'Убрать перерыв',
    addHours: 'Добавить часы',
    removeHours: 'Убрать эти часы',
    validity: 'Срок действия',
    validFrom: 'Действует с',
    validTo: 'Действует по',
    overrides: 'Изменения на один день',
    date: 'Дата',
    overrideKind: 'Что в этот день',
    kinds: {
      closed: 'Приёма нет',
      extra: 'Дополнительные часы',
      replace: 'Другие часы вместо обычных',
    },
    note: 'Примечание',
    addOverride: 'Добавить изменение на день',
    removeOverride: 'Убрать изменение',
    removePlace: 'Убрать площадку и услугу',
    addPlace: 'Добавить площадку и услугу',
    site: 'Площадка',
    service: 'Услуга',
    add: 'Добавить',
    vacations: 'Отпуск и отсутствие',
    vacationsHint: 'В эти дни приёма нет ни на одной площадке.',
    firstDay: 'Первый день',
    lastDay: 'Последний день',
    addVacation: 'Добавить отпуск',
    removeVacation: 'Убрать отпуск',
    sessions: 'Длительность приёма, перерывы между приёмами и лимиты',
    sessionsReadOnly: 'Эти правила действуют для всех специалистов услуги; их меняет координатор.',
    duration: 'Длительность приёма, мин',
    step: 'Шаг начала приёма, мин',
    bufferBefore: 'Запас до приёма, мин',
    bufferAfter: 'Запас после приёма, мин',
    perDay: 'Не больше приёмов в день',
    perWeek: 'Не больше приёмов в неделю',
    siteDuration: (site) => `Длительность на площадке «${site}», мин (пусто — как у услуги)`,
    minutes: 'мин',
    noPlaces: 'Часов приёма пока нет. Добавьте площадку и услугу.',
    review: 'Проверить и опубликовать',
    checking: 'Проверяем, чьи записи затронет изменение…',
    invalid: 'Исправьте ошибки:',
    reviewTitle: 'Проверьте изменение',
    noHits: 'Изменение не затрагивает ни одной записи.',
    hits: (count) => `Изменение затронет ${ruPlural(count, 'запись', 'записи', 'записей')}`,
    childAge: (years) => `ребёнку ${ruPlural(years, 'год', 'года', 'лет')}`,
    contactHidden: 'контакт родителя вам не виден',
    decision: 'Что сделать с этими записями?',
    keep: 'Оставить как есть — специалист примет этих родителей',
    cancel: 'Отменить за родителя — родителю придёт письмо об отмене',
    reason: 'Причина (попадёт в письмо родителю)',
    reasonHint: 'Например: специалист на курсах повышения квалификации',
    publish: 'Опубликовать',
    publishing: 'Публикуем…',
    back: 'Вернуться к правке',
    published: (revision, cancelled, kept) =>
      `Опубликовано: версия расписания ${revision}.` +
      (cancelled > 0 ? ` Отменено: ${ruPlural(cancelled, 'запись', 'записи', 'записей')}.` : '') +
      (kept > 0 ? ` Оставлено: ${ruPlural(kept, 'запись', 'записи', 'записей')}.` : '') +
      ' Новые часы уже видны родителям.',
    revisionMoved:
      'Расписание уже изменил кто-то другой. Загрузите его заново и внесите изменение ещё раз.',
    reload: 'Загрузить заново',
    decide: 'Выберите, что сделать с затронутыми записями.',
    failed: 'Не удалось выполнить запрос',
  },
  en: {
    title: 'Working hours',
    loading: 'Loading the working hours…',
    loadFailed: 'Could not load the working hours',
    retry: 'Retry',
    specialist: 'Specialist',
    chooseSpecialist: 'Choose a specialist',
    officialCalendar:
      'The official Russian working-day calendar applies: no sessions on public holidays and transferred days off; on pre-holiday days sessions end an hour earlier.',
    ownCalendarOnly: "Only the network's own calendar applies (the official calendar is off).",
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    weekdaysShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    place: (site, service) => `${site} — ${service}`,
    readOnlyPlace: "These hours are changed by the site's administrator or the coordinator.",
    weeklyHours: 'Hours by weekday',
    days: 'Weekdays',
    from: 'From',
    to: 'To',
    breaks: 'Breaks',
    addBreak: 'Add a break',
    removeBreak: 'Remove the break',
    addHours: 'Add hours',
    removeHours: 'Remove these hours',
    validity: 'Valid',
    validFrom: 'Valid from',
    validTo: 'Valid until',
    overrides: 'One-day changes',
    date: 'Date',
    overrideKind: 'On that day',
    kinds: { closed: 'No sessions', extra: 'Extra hours', replace: 'Other hours instead' },
    note: 'Note',
    addOverride: 'Add a one-day change',
    removeOverride: 'Remove the change',
    removePlace: 'Remove this site and service',
    addPlace: 'Add a site and service',
    site: 'Site',
    service: 'Service',
    add: 'Add',
    vacations: 'Vacations and absences',
    vacationsHint: 'No sessions at any site on these days.',
    firstDay: 'First day',
    lastDay: 'Last day',
    addVacation: 'Add a vacation',
    removeVacation: 'Remove the vacation',
    sessions: 'Session length, buffers and limits',
    sessionsReadOnly:
      'These rules hold for every specialist of the service; the coordinator changes them.',
    duration: 'Session length, min',
    step: 'Start every, min',
    bufferBefore: 'Buffer before, min',
    bufferAfter: 'Buffer after, min',
    perDay: 'At most sessions a day',
    perWeek: 'At most sessions a week',
    siteDuration: (site) => `Session length at "${site}", min (empty: the service's)`,
    minutes: 'min',
    noPlaces: 'No working hours yet. Add a site and service.',
    review: 'Review and publish',
    checking: 'Checking which bookings the change hits…',
    invalid: 'Fix these problems:',
    reviewTitle: 'Review the change',
    noHits: 'The change hits no booking.',
    hits: (count) => `The change hits ${count} ${count === 1 ? 'booking' : 'bookings'}`,
    childAge: (years) => `child aged ${years}`,
    contactHidden: "the parent's contact is not shown to you",
    decision: 'What should happen to these bookings?',
    keep: 'Keep them as they are — the specialist receives these families',
    cancel: "Cancel them on the parent's behalf — the parent is told by e-mail",
    reason: 'Reason (goes into the e-mail to the parent)',
    reasonHint: 'For example: the specialist is at a training course',
    publish: 'Publish',
    publishing: 'Publishing…',
    back: 'Back to editing',
    published: (revision, cancelled, kept) =>
      `Published: schedule revision ${revision}.` +
      (cancelled > 0 ? ` Cancelled: ${cancelled}.` : '') +
      (kept > 0 ? ` Kept: ${kept}.` : '') +
      ' Parents see the new hours already.',
    revisionMoved:
      'Someone else changed the schedule meanwhile. Load it again and make the change again.',
    reload: 'Load again',
    decide: 'Choose what should happen to the bookings the change hits.',
    failed: 'The request failed',
  },
};
