import { formatSchoolYear, pluralRu } from '@eduset/core';
import type { Translation } from './translation.js';

const years = (count: number): string =>
  `${count} ${pluralRu(count, { one: 'год', few: 'года', many: 'лет' })}`;

/**
 * Russian texts of the widgets (the default language).
 *
 * @example
 * ```ts
 * import { ru } from '@eduset/widgets';
 * ru.siteCount(22); // '22 площадки'
 * ru.ageRange(0, 3); // 'от 0 до 3 лет'
 * ```
 */
export const ru: Translation = {
  lang: 'ru',
  filters: 'Подбор площадки',
  childAge: 'Возраст ребёнка, полных лет',
  childAgeHint: 'Оставьте пустым, чтобы увидеть площадки для всех возрастов',
  service: 'Услуга',
  anyService: 'Любая услуга',
  resetFilters: 'Сбросить фильтры',
  loading: 'Загружаем список площадок…',
  loadFailed: 'Не удалось загрузить список площадок',
  retry: 'Повторить',
  siteCount: (count) =>
    `${count} ${pluralRu(count, { one: 'площадка', few: 'площадки', many: 'площадок' })}`,
  sitesFound: (count) =>
    `${pluralRu(count, { one: 'Найдена', few: 'Найдено', many: 'Найдено' })} ${ru.siteCount(count)}`,
  schoolYear: (year) => formatSchoolYear(year, 'long', 'ru'),
  noSitesMatch:
    'Нет площадок, подходящих под выбранные условия. Измените возраст или услугу либо сбросьте фильтры.',
  noSitesInYear: (year) =>
    `В ${formatSchoolYear(year, 'long', 'ru').replace('учебный год', 'учебном году')} площадки не работают.`,
  hostOrganization: 'Организация',
  address: 'Адрес',
  phone: 'Телефон',
  services: 'Услуги',
  ages: 'Возраст детей',
  ageRange: (from, to) =>
    from === to
      ? years(from)
      : `от ${from} до ${to} ${pluralRu(to, { one: 'года', few: 'лет', many: 'лет' })}`,
  booking: {
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
    slotsLoading: 'Загружаем свободное время…',
    noSlots:
      'В эти дни свободного времени нет. Посмотрите другие дни или выберите другую площадку.',
    slotsHint: 'Стрелки — перейти к другому времени, Enter — выбрать.',
    timeZoneNote: (timeZone) => `Время указано по часовому поясу площадки (${timeZone}).`,
    earlier: 'Предыдущие дни',
    later: 'Следующие дни',
    period: (from, to) => `Свободное время с ${from} по ${to}`,
    seatsLeft: (count) =>
      `осталось ${count} ${pluralRu(count, { one: 'место', few: 'места', many: 'мест' })}`,
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
    selectedSlot: 'Выбранное время',
  },
  schedule: {
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
    day: 'День',
    hours: 'Часы приёма',
    timeZoneNote: (timeZone) => `Время указано по часовому поясу площадок (${timeZone}).`,
  },
};
