import { pluralRu, type Lang } from '@eduset/core';

/**
 * Texts of `<eduset-booking>`, in one language. They live beside the element (with the few words it
 * shares with other elements in `SharedTexts`), so it does not bundle the other
 * elements' texts.
 *
 * @example
 * ```ts
 * import { bookingTexts, type BookingTexts } from '@eduset/widgets';
 * const texts: BookingTexts = bookingTexts.ru;
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

const ruTexts: BookingTexts = {
  title: 'Запись на консультацию',
  loading: 'Загружаем расписание…',
  loadFailed: 'Не удалось загрузить расписание',
  step: (step, total) => `Шаг ${step} из ${total}`,
  chooseService: 'С чем нужна помощь?',
  noServices: 'Сейчас нет услуг, на которые можно записаться через сайт.',
  chooseProvider: 'Где и к кому записаться?',
  anyProvider: 'Любой специалист на любой площадке',
  bySite: 'Площадка',
  bySpecialist: 'Специалист',
  chooseSlot: 'Выберите время',
  contactTitle: 'Контакты и согласие',
  name: 'Имя родителя',
  phone: 'Телефон',
  email: 'Электронная почта',
  contactHint: 'Укажите телефон или электронную почту — хотя бы одно.',
  childAge: 'Возраст ребёнка, полных лет',
  note: 'Комментарий для специалиста',
  noteHint:
    'Необязательно. Что специалисту важно знать заранее — до 500 символов. Видят только специалист и координатор службы.',
  noteTooLong: 'Комментарий длиннее 500 символов — сократите его.',
  consent:
    'Я даю согласие на обработку моих персональных данных для записи на консультацию (Федеральный закон № 152-ФЗ)',
  submit: 'Записаться',
  submitting: 'Отправляем запись…',
  back: 'Назад',
  nameRequired: 'Укажите имя.',
  contactRequired: 'Укажите телефон или электронную почту.',
  phoneInvalid: 'Телефон указан не полностью: нужен номер с кодом, например 8 912 345-67-89.',
  emailInvalid: 'Адрес электронной почты указан неверно.',
  ageInvalid: 'Укажите возраст ребёнка — целое число лет от 0 до 25.',
  consentRequired: 'Без согласия на обработку персональных данных (152-ФЗ) записаться нельзя.',
  errorsFound: (count) =>
    `Проверьте форму: ${count} ${pluralRu(count, { one: 'ошибка', few: 'ошибки', many: 'ошибок' })}.`,
  chooseAnotherSlot: 'Выбрать другое время',
  confirmedTitle: 'Вы записаны',
  service: 'Услуга',
  site: 'Площадка',
  specialist: 'Специалист',
  when: 'Когда',
  addToCalendar: 'Добавить в календарь',
  cancelBooking: 'Отменить запись',
  cancelling: 'Отменяем запись…',
  cancelledTitle: 'Запись отменена',
  bookAgain: 'Записаться ещё раз',
  childAgeFirstHint:
    'Если знаете возраст, укажите его: останутся услуги для этого возраста и свободное время, на которое можно записать ребёнка.',
  servicesForOtherAges: 'Услуги для детей другого возраста не показаны.',
  forAges: (range) => `для детей ${range}`,
  ageNeeded: (range) => `Укажите возраст ребёнка: эта услуга — для детей ${range}.`,
  ageNotForService: (range) =>
    `Эта услуга — для детей ${range}. Проверьте возраст или выберите другую услугу.`,
  manageLink: 'Ссылка для управления записью',
  manageHint:
    'Сохраните эту ссылку или добавьте страницу в закладки: по ней можно посмотреть, перенести или отменить запись с любого устройства, даже после того как вы закроете эту страницу.',
};

const enTexts: BookingTexts = {
  title: 'Book a consultation',
  loading: 'Loading the schedule…',
  loadFailed: 'Could not load the schedule',
  step: (step, total) => `Step ${step} of ${total}`,
  chooseService: 'What do you need help with?',
  noServices: 'No service can be booked online right now.',
  chooseProvider: 'Where and with whom?',
  anyProvider: 'Any specialist at any site',
  bySite: 'Site',
  bySpecialist: 'Specialist',
  chooseSlot: 'Choose a time',
  contactTitle: 'Contacts and consent',
  name: "Parent's name",
  phone: 'Phone',
  email: 'E-mail',
  contactHint: 'Give a phone number or an e-mail address, at least one.',
  childAge: "Child's age in full years",
  note: 'Note for the specialist',
  noteHint:
    'Optional. What the specialist should know beforehand, up to 500 characters. Seen only by the specialist and the service coordinator.',
  noteTooLong: 'The note is longer than 500 characters; please shorten it.',
  consent:
    'I consent to the processing of my personal data to book the consultation (Federal Law No. 152-FZ)',
  submit: 'Book',
  submitting: 'Sending the booking…',
  back: 'Back',
  nameRequired: 'Give a name.',
  contactRequired: 'Give a phone number or an e-mail address.',
  phoneInvalid:
    'The phone number is incomplete: give it with the area code, e.g. +7 912 345-67-89.',
  emailInvalid: 'The e-mail address is not valid.',
  ageInvalid: "Give the child's age as a whole number of years from 0 to 25.",
  consentRequired: 'A booking cannot be made without consent to personal-data processing (152-FZ).',
  errorsFound: (count) => `Please check the form: ${count} ${count === 1 ? 'error' : 'errors'}.`,
  chooseAnotherSlot: 'Choose another time',
  confirmedTitle: 'You are booked',
  service: 'Service',
  site: 'Site',
  specialist: 'Specialist',
  when: 'When',
  addToCalendar: 'Add to calendar',
  cancelBooking: 'Cancel the booking',
  cancelling: 'Cancelling the booking…',
  cancelledTitle: 'The booking is cancelled',
  bookAgain: 'Book again',
  childAgeFirstHint:
    'If you know the age, enter it: only the services for that age, and times the child can be booked for, stay.',
  servicesForOtherAges: 'Services for children of other ages are not shown.',
  forAges: (range) => `for children, ${range}`,
  ageNeeded: (range) => `Enter the child's age: this service is for children, ${range}.`,
  ageNotForService: (range) =>
    `This service is for children, ${range}. Check the age or choose another service.`,
  manageLink: 'Link to manage the booking',
  manageHint:
    'Keep this link or bookmark the page: with it you can see, move or cancel the booking from any device, even after you close this page.',
};

/**
 * Russian and English texts of `<eduset-booking>` (the same keys in both; a test checks it).
 *
 * @example
 * ```ts
 * import { bookingTexts } from '@eduset/widgets';
 * bookingTexts.en.submit; // 'Book'
 * ```
 */
export const bookingTexts: Readonly<Record<Lang, BookingTexts>> = { ru: ruTexts, en: enTexts };
