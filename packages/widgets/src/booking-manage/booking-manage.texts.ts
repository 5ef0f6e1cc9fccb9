import type { Lang } from '@eduset/core';

/**
 * The texts of `<eduset-booking-manage>` in one language.
 *
 * @example
 * ```ts
 * import { bookingManageTexts } from '@eduset/widgets';
 * bookingManageTexts.ru.cancel; // 'Отменить запись'
 * ```
 */
export interface BookingManageTexts {
  readonly title: string;
  readonly loading: string;
  readonly noLink: string;
  readonly notFound: string;
  readonly loadFailed: string;
  readonly retry: string;
  readonly service: string;
  readonly specialist: string;
  readonly site: string;
  readonly address: string;
  readonly phone: string;
  readonly when: string;
  readonly status: string;
  readonly timeZoneNote: (timeZone: string) => string;
  readonly statusActive: string;
  readonly statusCancelledByParent: string;
  readonly statusCancelledBySite: string;
  readonly statusAttended: string;
  readonly statusNoShow: string;
  readonly statusPast: string;
  readonly reason: (reason: string) => string;
  readonly movedBySite: (reason: string | undefined) => string;
  readonly move: string;
  readonly cancel: string;
  readonly confirmCancelTitle: string;
  readonly confirmCancelText: (when: string) => string;
  readonly confirmCancel: string;
  readonly keep: string;
  readonly cancelling: string;
  readonly cancelled: string;
  readonly bookAgain: string;
  readonly moveTitle: string;
  readonly moveHint: string;
  readonly stopMoving: string;
  readonly confirmMoveTitle: string;
  readonly confirmMoveText: (from: string, to: string) => string;
  readonly confirmMove: string;
  readonly chooseAnother: string;
  readonly moving: string;
  readonly moved: (when: string) => string;
  readonly keepLink: string;
}

const ruTexts: BookingManageTexts = {
  title: 'Ваша запись на консультацию',
  loading: 'Загружаем запись…',
  noLink:
    'В адресе страницы нет ссылки на запись. Откройте ссылку из письма или со страницы, где вы записались.',
  notFound:
    'Запись не найдена. Проверьте, что ссылка открыта полностью, так, как она пришла в письме.',
  loadFailed: 'Не удалось загрузить запись',
  retry: 'Повторить',
  service: 'Услуга',
  specialist: 'Специалист',
  site: 'Площадка',
  address: 'Адрес',
  phone: 'Телефон площадки',
  when: 'Когда',
  status: 'Состояние',
  timeZoneNote: (timeZone) => `Время указано по часовому поясу площадки (${timeZone}).`,
  statusActive: 'Вы записаны',
  statusCancelledByParent: 'Запись отменена вами',
  statusCancelledBySite: 'Запись отменена площадкой',
  statusAttended: 'Консультация состоялась',
  statusNoShow: 'Консультация не состоялась: вы не пришли',
  statusPast: 'Время консультации прошло',
  reason: (reason) => `Причина: ${reason}`,
  movedBySite: (reason) =>
    `Время записи изменила площадка${reason === undefined ? '' : `. Причина: ${reason}`}.`,
  move: 'Перенести на другое время',
  cancel: 'Отменить запись',
  confirmCancelTitle: 'Отменить запись?',
  confirmCancelText: (when) =>
    `Запись на ${when} будет отменена, время станет свободным для других семей.`,
  confirmCancel: 'Да, отменить запись',
  keep: 'Нет, оставить запись',
  cancelling: 'Отменяем запись…',
  cancelled: 'Запись отменена. Время освобождено.',
  bookAgain: 'Записаться снова',
  moveTitle: 'Выберите новое время',
  moveHint: 'Показано свободное время того же специалиста на той же площадке.',
  stopMoving: 'Не переносить',
  confirmMoveTitle: 'Перенести запись?',
  confirmMoveText: (from, to) => `Запись на ${from} будет перенесена на ${to}.`,
  confirmMove: 'Да, перенести',
  chooseAnother: 'Выбрать другое время',
  moving: 'Переносим запись…',
  moved: (when) => `Запись перенесена на ${when}.`,
  keepLink:
    'Эта страница открывается по ссылке из письма с любого устройства — сохраните ссылку, чтобы вернуться.',
};

const enTexts: BookingManageTexts = {
  title: 'Your consultation booking',
  loading: 'Loading the booking…',
  noLink:
    'The page address holds no link to a booking. Open the link from the e-mail or from the page where you booked.',
  notFound:
    'The booking was not found. Check that the whole link is open, as it came in the e-mail.',
  loadFailed: 'Could not load the booking',
  retry: 'Try again',
  service: 'Service',
  specialist: 'Specialist',
  site: 'Site',
  address: 'Address',
  phone: "Site's phone",
  when: 'When',
  status: 'Status',
  timeZoneNote: (timeZone) => `Times are in the site's time zone (${timeZone}).`,
  statusActive: 'You are booked',
  statusCancelledByParent: 'You cancelled the booking',
  statusCancelledBySite: 'The site cancelled the booking',
  statusAttended: 'The consultation took place',
  statusNoShow: 'The consultation did not take place: you did not come',
  statusPast: 'The time of the consultation has passed',
  reason: (reason) => `Reason: ${reason}`,
  movedBySite: (reason) =>
    `The site changed the time of the booking${reason === undefined ? '' : `. Reason: ${reason}`}.`,
  move: 'Move to another time',
  cancel: 'Cancel the booking',
  confirmCancelTitle: 'Cancel the booking?',
  confirmCancelText: (when) =>
    `The booking for ${when} will be cancelled and the time freed for other families.`,
  confirmCancel: 'Yes, cancel the booking',
  keep: 'No, keep the booking',
  cancelling: 'Cancelling the booking…',
  cancelled: 'The booking is cancelled. The time is free again.',
  bookAgain: 'Book again',
  moveTitle: 'Choose a new time',
  moveHint: 'The free times of the same specialist at the same site are shown.',
  stopMoving: 'Do not move',
  confirmMoveTitle: 'Move the booking?',
  confirmMoveText: (from, to) => `The booking for ${from} will move to ${to}.`,
  confirmMove: 'Yes, move it',
  chooseAnother: 'Choose another time',
  moving: 'Moving the booking…',
  moved: (when) => `The booking has moved to ${when}.`,
  keepLink:
    'This page opens from the link in the e-mail on any device: keep the link to come back.',
};

/**
 * Russian and English texts of `<eduset-booking-manage>` (the same keys in both; a test checks
 * it).
 *
 * @example
 * ```ts
 * import { bookingManageTexts } from '@eduset/widgets';
 * bookingManageTexts.en.confirmCancel; // 'Yes, cancel the booking'
 * ```
 */
export const bookingManageTexts: Readonly<Record<Lang, BookingManageTexts>> = {
  ru: ruTexts,
  en: enTexts,
};
