import type { Lang } from '@eduset/core';

/**
 * The texts both programme desks share (`<eduset-provider-programmes>`,
 * `<eduset-programme-review>`): the fields of a programme, its modules and groups, the
 * history, in one language.
 *
 * @example
 * ```ts
 * import { programmeDeskTexts } from '@eduset/widgets/staff';
 * programmeDeskTexts.ru.group(2); // 'Группа 2'
 * ```
 */
export interface ProgrammeDeskTexts {
  readonly loading: string;
  readonly loadFailed: string;
  readonly failed: string;
  readonly retry: string;
  readonly reload: string;
  readonly revisionMoved: string;
  readonly name: string;
  readonly description: string;
  readonly direction: string;
  readonly fundingKind: string;
  readonly fundingKindHints: Readonly<Record<'budget' | 'paid' | 'funded', string>>;
  readonly ages: string;
  readonly ageFrom: string;
  readonly ageTo: string;
  readonly years: (from: number, to: number) => string;
  readonly hours: string;
  readonly hoursPerWeek: string;
  readonly groupSize: string;
  readonly groupSizeMin: string;
  readonly groupSizeMax: string;
  readonly district: string;
  readonly provider: string;
  readonly module: (n: number) => string;
  readonly moduleName: string;
  readonly moduleHours: string;
  readonly price: string;
  readonly normativeCost: string;
  readonly normativeUnset: string;
  readonly coPayment: string;
  readonly coPaymentHint: string;
  readonly group: (n: number) => string;
  readonly groupName: string;
  readonly start: string;
  readonly end: string;
  readonly capacity: string;
  readonly taken: (count: number) => string;
  readonly placesLeft: (left: number, capacity: number) => string;
  readonly weekdays: string;
  readonly weekdayNames: readonly string[];
  readonly weekdayShort: readonly string[];
  readonly timeFrom: string;
  readonly timeTo: string;
  readonly noDays: string;
  readonly noGroups: string;
  readonly history: string;
  readonly noHistory: string;
  readonly revision: (n: number) => string;
  readonly remarks: string;
  readonly published: string;
  readonly notPublished: string;
  readonly changes: string;
  readonly noChanges: string;
  readonly before: string;
  readonly after: string;
  readonly none: string;
  readonly problemsTitle: string;
}

const ru: ProgrammeDeskTexts = {
  loading: 'Загрузка…',
  loadFailed: 'Не удалось загрузить программы',
  failed: 'Не получилось',
  retry: 'Повторить',
  reload: 'Загрузить заново',
  revisionMoved:
    'Программу уже изменил кто-то другой. Загрузите её заново: ваши изменения не сохранены.',
  name: 'Название',
  description: 'Описание для семей',
  direction: 'Направленность',
  fundingKind: 'Вид программы',
  fundingKindHints: {
    budget: 'Бесплатно для семьи: занятия оплачивает бюджет города.',
    paid: 'Платная: всю стоимость оплачивает семья.',
    funded:
      'По сертификату: стоимость оплачивает сертификат, в пределах нормативной стоимости и остатка на нём; сверх этого доплачивает семья.',
  },
  ages: 'Возраст детей',
  ageFrom: 'Возраст от, лет',
  ageTo: 'Возраст до, лет',
  years: (from, to) => `${String(from)}–${String(to)} лет`,
  hours: 'Часов всего',
  hoursPerWeek: 'Часов в неделю',
  groupSize: 'Размер группы',
  groupSizeMin: 'Детей в группе, не меньше',
  groupSizeMax: 'Детей в группе, не больше',
  district: 'Район',
  provider: 'Организация',
  module: (n) => `Модуль ${String(n)}`,
  moduleName: 'Название модуля',
  moduleHours: 'Часов в модуле',
  price: 'Стоимость модуля за весь период, ₽',
  normativeCost: 'Нормативная стоимость',
  normativeUnset: 'устанавливает оператор',
  coPayment: 'Доплата семьи',
  coPaymentHint: 'при полном сертификате семья сама платит часть стоимости выше нормативной',
  group: (n) => `Группа ${String(n)}`,
  groupName: 'Название группы',
  start: 'Начало занятий',
  end: 'Окончание занятий',
  capacity: 'Мест в группе',
  taken: (count) => `Занято: ${String(count)} — меньше мест поставить нельзя`,
  placesLeft: (left, capacity) => `свободно ${String(left)} из ${String(capacity)}`,
  weekdays: 'Дни занятий',
  weekdayNames: ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'],
  weekdayShort: ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'],
  timeFrom: 'Время: с',
  timeTo: 'до',
  noDays: 'дни не указаны',
  noGroups: 'Групп пока нет',
  history: 'История',
  noHistory: 'Программа загружена в реестр до eduset: проверок в eduset не было.',
  revision: (n) => `версия ${String(n)}`,
  remarks: 'Замечания оператора',
  published: 'в навигаторе',
  notPublished: 'ещё не в навигаторе',
  changes: 'Что изменилось по сравнению с одобренной версией',
  noChanges: 'Отличий от одобренной версии нет.',
  before: 'было',
  after: 'стало',
  none: 'нет',
  problemsTitle: 'Исправьте:',
};

const en: ProgrammeDeskTexts = {
  loading: 'Loading…',
  loadFailed: 'Could not load the programmes',
  failed: 'That did not work',
  retry: 'Retry',
  reload: 'Load again',
  revisionMoved:
    'Someone else has changed the programme. Load it again: your changes were not saved.',
  name: 'Name',
  description: 'Description for families',
  direction: 'Direction',
  fundingKind: 'Kind of programme',
  fundingKindHints: {
    budget: 'Free for the family: the town budget pays for the lessons.',
    paid: 'Paid: the family pays the whole price.',
    funded:
      'Certificate-funded: the certificate pays, up to the normative cost and its balance; the family pays the rest.',
  },
  ages: "Children's ages",
  ageFrom: 'Age from',
  ageTo: 'Age to',
  years: (from, to) => `ages ${String(from)}–${String(to)}`,
  hours: 'Hours in all',
  hoursPerWeek: 'Hours a week',
  groupSize: 'Group size',
  groupSizeMin: 'Children in a group, at least',
  groupSizeMax: 'Children in a group, at most',
  district: 'District',
  provider: 'Organization',
  module: (n) => `Module ${String(n)}`,
  moduleName: 'Module name',
  moduleHours: 'Hours in the module',
  price: 'Price of the module for the whole period, ₽',
  normativeCost: 'Normative cost',
  normativeUnset: 'set by the operator',
  coPayment: 'Co-payment by the family',
  coPaymentHint:
    'with a full certificate the family pays the part of the price above the normative cost',
  group: (n) => `Group ${String(n)}`,
  groupName: 'Group name',
  start: 'Lessons start',
  end: 'Lessons end',
  capacity: 'Places in the group',
  taken: (count) => `Taken: ${String(count)} — no fewer places possible`,
  placesLeft: (left, capacity) => `${String(left)} of ${String(capacity)} left`,
  weekdays: 'Days',
  weekdayNames: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  weekdayShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  timeFrom: 'Time: from',
  timeTo: 'to',
  noDays: 'no days given',
  noGroups: 'No groups yet',
  history: 'History',
  noHistory: 'The programme came into the registry before eduset: no review in eduset yet.',
  revision: (n) => `revision ${String(n)}`,
  remarks: "The operator's remarks",
  published: 'in the navigator',
  notPublished: 'not in the navigator yet',
  changes: 'What changed since the approved version',
  noChanges: 'No differences from the approved version.',
  before: 'before',
  after: 'after',
  none: 'none',
  problemsTitle: 'Please fix:',
};

/**
 * The shared texts of the programme desks in Russian and English.
 *
 * @example
 * ```ts
 * import { programmeDeskTexts } from '@eduset/widgets/staff';
 * programmeDeskTexts.en.capacity; // 'Places in the group'
 * ```
 */
export const programmeDeskTexts: Readonly<Record<Lang, ProgrammeDeskTexts>> = { ru, en };
