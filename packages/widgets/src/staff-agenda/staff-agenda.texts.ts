import type { Lang } from '@eduset/core';

/**
 * The texts of `<eduset-staff-agenda>` in one language. Terms that depend on a number are
 * functions, so each language builds its own grammar.
 *
 * @example
 * ```ts
 * import { staffAgendaTexts } from '@eduset/widgets/staff';
 * staffAgendaTexts.ru.childAge(4); // '4 года'
 * ```
 */
export interface StaffAgendaTexts {
  readonly title: string;
  readonly toolbar: string;
  readonly period: string;
  readonly day: string;
  readonly week: string;
  readonly date: string;
  readonly previous: (view: 'day' | 'week') => string;
  readonly next: (view: 'day' | 'week') => string;
  readonly today: string;
  readonly site: string;
  readonly allSites: string;
  readonly specialist: string;
  readonly allSpecialists: string;
  readonly print: string;
  readonly downloadDay: (date: string) => string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly retry: string;
  readonly empty: string;
  readonly count: (count: number) => string;
  readonly childAge: (years: number) => string;
  readonly childAgeTerm: string;
  readonly parent: string;
  readonly parentHidden: string;
  readonly contactErased: string;
  readonly parentNote: string;
  readonly status: string;
  readonly seats: (count: number) => string;
  readonly markAttended: string;
  readonly markNoShow: string;
  readonly marked: (status: string) => string;
  readonly note: string;
  readonly noteExists: string;
  readonly noteLabel: string;
  readonly noteHint: string;
  readonly noteLoading: string;
  readonly noteSave: string;
  readonly noteSaved: string;
  readonly noteRemoved: string;
  readonly noteLast: (author: string, when: string) => string;
  readonly noteTooLong: (max: number) => string;
  readonly close: string;
  readonly cancel: string;
  readonly cancelReason: string;
  readonly cancelHint: string;
  readonly cancelConfirm: string;
  readonly cancelKeep: string;
  readonly cancelled: string;
  readonly move: string;
  readonly moveDate: string;
  readonly moveSlots: string;
  readonly moveNoSlots: string;
  readonly moveSlotsLoading: string;
  readonly moveReason: string;
  readonly moveConfirm: string;
  readonly moveKeep: string;
  readonly moveChooseSlot: string;
  readonly moved: string;
  readonly reasonRequired: string;
  readonly actionFailed: string;
  readonly signInAgain: string;
}

function ruPlural(count: number, one: string, few: string, many: string): string {
  const form = new Intl.PluralRules('ru').select(count);
  return `${count} ${form === 'one' ? one : form === 'few' ? few : many}`;
}

/**
 * Russian and English texts of `<eduset-staff-agenda>` (the same keys in both; a test checks
 * it).
 *
 * @example
 * ```ts
 * import { staffAgendaTexts } from '@eduset/widgets/staff';
 * staffAgendaTexts.en.count(1); // '1 consultation'
 * ```
 */
export const staffAgendaTexts: Readonly<Record<Lang, StaffAgendaTexts>> = {
  ru: {
    title: 'Консультации',
    toolbar: 'Что показать',
    period: 'Период',
    day: 'День',
    week: 'Неделя',
    date: 'Дата',
    previous: (view) => (view === 'day' ? 'Предыдущий день' : 'Предыдущая неделя'),
    next: (view) => (view === 'day' ? 'Следующий день' : 'Следующая неделя'),
    today: 'Сегодня',
    site: 'Площадка',
    allSites: 'Все площадки',
    specialist: 'Специалист',
    allSpecialists: 'Все специалисты',
    print: 'Печать',
    downloadDay: (date) => `Скачать ${date} в календарь (.ics)`,
    loading: 'Загружаем консультации…',
    loadFailed: 'Не удалось загрузить консультации',
    retry: 'Повторить',
    empty: 'Консультаций нет',
    count: (count) => ruPlural(count, 'консультация', 'консультации', 'консультаций'),
    childAge: (years) => ruPlural(years, 'год', 'года', 'лет'),
    childAgeTerm: 'Возраст ребёнка',
    parent: 'Родитель',
    parentHidden: 'Контакты видны специалисту и координатору',
    contactErased: 'Контакт удалён по сроку хранения или по запросу',
    parentNote: 'Комментарий родителя',
    status: 'Статус',
    seats: (count) => ruPlural(count, 'место', 'места', 'мест'),
    markAttended: 'Состоялась',
    markNoShow: 'Неявка',
    marked: (status) => `Отмечено: ${status}`,
    note: 'Заметка',
    noteExists: 'Заметка (есть)',
    noteLabel: 'Личная заметка о консультации',
    noteHint: 'Видна только специалисту этой консультации и координатору службы.',
    noteLoading: 'Загружаем заметку…',
    noteSave: 'Сохранить заметку',
    noteSaved: 'Заметка сохранена',
    noteRemoved: 'Заметка удалена',
    noteLast: (author, when) => `Последнее изменение: ${author}, ${when}`,
    noteTooLong: (max) => `Заметка длиннее ${max} символов`,
    close: 'Закрыть',
    cancel: 'Отменить',
    cancelReason: 'Причина отмены',
    cancelHint: 'Родитель получит письмо об отмене с этой причиной.',
    cancelConfirm: 'Отменить консультацию',
    cancelKeep: 'Не отменять',
    cancelled: 'Консультация отменена',
    move: 'Перенести',
    moveDate: 'Новая дата',
    moveSlots: 'Свободное время',
    moveNoSlots: 'В этот день свободного времени нет',
    moveSlotsLoading: 'Ищем свободное время…',
    moveReason: 'Причина переноса',
    moveConfirm: 'Перенести консультацию',
    moveKeep: 'Не переносить',
    moveChooseSlot: 'Выберите новое время',
    moved: 'Консультация перенесена',
    reasonRequired: 'Укажите причину',
    actionFailed: 'Не получилось',
    signInAgain: 'Сеанс закончился: войдите снова',
  },
  en: {
    title: 'Consultations',
    toolbar: 'What to show',
    period: 'Period',
    day: 'Day',
    week: 'Week',
    date: 'Date',
    previous: (view) => (view === 'day' ? 'Previous day' : 'Previous week'),
    next: (view) => (view === 'day' ? 'Next day' : 'Next week'),
    today: 'Today',
    site: 'Site',
    allSites: 'All sites',
    specialist: 'Specialist',
    allSpecialists: 'All specialists',
    print: 'Print',
    downloadDay: (date) => `Download ${date} to a calendar (.ics)`,
    loading: 'Loading consultations…',
    loadFailed: 'Could not load the consultations',
    retry: 'Try again',
    empty: 'No consultations',
    count: (count) => `${count} ${count === 1 ? 'consultation' : 'consultations'}`,
    childAge: (years) => `${years} ${years === 1 ? 'year' : 'years'}`,
    childAgeTerm: "Child's age",
    parent: 'Parent',
    parentHidden: 'Contacts are shown to the specialist and the coordinator',
    contactErased: 'Contact erased after the retention period or on request',
    parentNote: "Parent's note",
    status: 'Status',
    seats: (count) => `${count} ${count === 1 ? 'seat' : 'seats'}`,
    markAttended: 'Attended',
    markNoShow: 'No-show',
    marked: (status) => `Marked: ${status}`,
    note: 'Note',
    noteExists: 'Note (written)',
    noteLabel: 'Private note on the consultation',
    noteHint: 'Seen only by the specialist of this consultation and the service coordinator.',
    noteLoading: 'Loading the note…',
    noteSave: 'Save the note',
    noteSaved: 'Note saved',
    noteRemoved: 'Note removed',
    noteLast: (author, when) => `Last changed by ${author}, ${when}`,
    noteTooLong: (max) => `The note is longer than ${max} characters`,
    close: 'Close',
    cancel: 'Cancel',
    cancelReason: 'Reason for cancelling',
    cancelHint: 'The parent gets an e-mail about the cancellation with this reason.',
    cancelConfirm: 'Cancel the consultation',
    cancelKeep: 'Keep it',
    cancelled: 'Consultation cancelled',
    move: 'Move',
    moveDate: 'New date',
    moveSlots: 'Free times',
    moveNoSlots: 'No free time on this day',
    moveSlotsLoading: 'Looking for free times…',
    moveReason: 'Reason for moving',
    moveConfirm: 'Move the consultation',
    moveKeep: 'Keep the time',
    moveChooseSlot: 'Choose the new time',
    moved: 'Consultation moved',
    reasonRequired: 'Give a reason',
    actionFailed: 'That did not work',
    signInAgain: 'Your session has ended: sign in again',
  },
};
