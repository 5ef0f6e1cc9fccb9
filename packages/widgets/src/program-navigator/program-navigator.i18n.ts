import { formatProgrammeCount, type Lang } from '@eduset/core';

/**
 * The texts of `<eduset-program-navigator>` in one language. Counts are functions so that
 * Russian plurals come out right ("1 программа, 2 программы, 5 программ").
 *
 * @example
 * ```ts
 * import { programNavigatorTexts } from '@eduset/widgets';
 * programNavigatorTexts.ru.found(2); // 'Найдено: 2 программы'
 * ```
 */
export interface ProgramNavigatorTexts {
  readonly filters: string;
  readonly search: string;
  readonly searchHint: string;
  readonly direction: string;
  readonly anyDirection: string;
  readonly childAge: string;
  readonly district: string;
  readonly anyDistrict: string;
  readonly fundingKind: string;
  readonly anyFundingKind: string;
  readonly weekdays: string;
  readonly weekdayNames: readonly string[];
  readonly certificate: string;
  readonly certificateNumber: string;
  readonly birthDate: string;
  readonly birthDateHint: string;
  readonly checkBalance: string;
  readonly balance: (available: string) => string;
  readonly balanceUnknown: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly retry: string;
  readonly found: (count: number) => string;
  readonly nothingFound: string;
  readonly pages: string;
  readonly previous: string;
  readonly next: string;
  readonly pageOf: (page: number, pages: number) => string;
  readonly groups: string;
  readonly placesLeft: (left: number, capacity: number) => string;
  readonly noPlaces: string;
  readonly termsTitle: string;
  readonly terms: readonly (readonly [string, string])[];
  readonly ages: (from: number, to: number) => string;
  readonly hours: (hours: number) => string;
  readonly price: string;
  readonly free: string;
  readonly certificatePays: string;
  readonly familyPays: string;
  readonly upTo: (amount: string) => string;
  readonly proRata: (days: number, groupDays: number, full: string) => string;
  readonly enrol: (name: string) => string;
  readonly enrolLabel: string;
  readonly needCertificate: string;
  readonly enrolled: (certificate: string, family: string) => string;
  readonly enrolFailed: string;
}

function ruAges(from: number, to: number): string {
  return `${String(from)}–${String(to)} лет`;
}

const ru: ProgramNavigatorTexts = {
  filters: 'Подбор программ',
  search: 'Поиск',
  searchHint: 'Название программы или организации',
  direction: 'Направленность',
  anyDirection: 'Любая',
  childAge: 'Возраст ребёнка',
  district: 'Район',
  anyDistrict: 'Любой',
  fundingKind: 'Вид программы',
  anyFundingKind: 'Любой',
  weekdays: 'Дни занятий',
  weekdayNames: ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'],
  certificate: 'Сертификат дополнительного образования',
  certificateNumber: 'Номер сертификата',
  birthDate: 'Дата рождения ребёнка',
  birthDateHint: 'Нужна для проверки: по одному номеру остаток не показывается',
  checkBalance: 'Проверить остаток',
  balance: (available) => `Доступно на сертификате: ${available}`,
  balanceUnknown: 'Укажите сертификат, чтобы увидеть, сколько оплатит сертификат',
  loading: 'Загрузка программ…',
  loadFailed: 'Не удалось загрузить программы',
  retry: 'Повторить',
  found: (count) => `Найдено: ${formatProgrammeCount(count, 'ru')}`,
  nothingFound: 'Подходящих программ нет. Измените условия поиска.',
  pages: 'Страницы результатов',
  previous: '← Назад',
  next: 'Дальше →',
  pageOf: (page, pages) => `Страница ${String(page)} из ${String(pages)}`,
  groups: 'Группы',
  placesLeft: (left, capacity) => `свободных мест: ${String(left)} из ${String(capacity)}`,
  noPlaces: 'свободных мест нет',
  termsTitle: 'Как читать карточку',
  terms: [
    ['Бесплатно', 'занятия оплачивает бюджет города; с сертификата ничего не списывается.'],
    [
      'Доплата семьи',
      'что семья платит сама за весь период: часть стоимости сверх того, что покрывает сертификат. За платную программу — вся стоимость.',
    ],
    [
      'Свободных мест',
      'сколько мест в группе ещё не занято заявками и договорами. Отклонённая или отозванная заявка место освобождает.',
    ],
  ],
  ages: ruAges,
  hours: (hours) => `${String(hours)} ч`,
  price: 'Стоимость',
  free: 'бесплатно',
  certificatePays: 'Оплатит сертификат',
  familyPays: 'Доплата семьи',
  upTo: (amount) => `до ${amount}`,
  proRata: (days, groupDays, full) =>
    `Программа уже идёт: стоимость — за оставшиеся ${String(days)} из ${String(groupDays)} ${
      groupDays % 10 === 1 && groupDays % 100 !== 11 ? 'дня' : 'дней'
    } (за весь период — ${full}).`,
  enrol: (name) => `Записаться на программу «${name}»`,
  enrolLabel: 'Записаться',
  needCertificate: 'Для записи укажите номер сертификата и дату рождения ребёнка.',
  enrolled: (certificate, family) =>
    `Заявка отправлена. Сертификат оплатит ${certificate}, доплата семьи ${family}.`,
  enrolFailed: 'Заявка не принята',
};

const en: ProgramNavigatorTexts = {
  filters: 'Find a programme',
  search: 'Search',
  searchHint: 'Programme or organization name',
  direction: 'Direction',
  anyDirection: 'Any',
  childAge: "Child's age",
  district: 'District',
  anyDistrict: 'Any',
  fundingKind: 'Kind of programme',
  anyFundingKind: 'Any',
  weekdays: 'Days',
  weekdayNames: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  certificate: 'Additional-education certificate',
  certificateNumber: 'Certificate number',
  birthDate: "Child's date of birth",
  birthDateHint: 'Needed to check: a number alone never shows a balance',
  checkBalance: 'Check the balance',
  balance: (available) => `Available on the certificate: ${available}`,
  balanceUnknown: 'Enter the certificate to see what it pays',
  loading: 'Loading programmes…',
  loadFailed: 'Could not load the programmes',
  retry: 'Retry',
  found: (count) => `Found: ${formatProgrammeCount(count, 'en')}`,
  nothingFound: 'No programme matches. Change the search.',
  pages: 'Result pages',
  previous: '← Previous',
  next: 'Next →',
  pageOf: (page, pages) => `Page ${String(page)} of ${String(pages)}`,
  groups: 'Groups',
  placesLeft: (left, capacity) => `places left: ${String(left)} of ${String(capacity)}`,
  noPlaces: 'no places left',
  termsTitle: 'How to read a card',
  terms: [
    ['Free', 'the town budget pays; nothing is taken from the certificate.'],
    [
      'The family pays',
      'what the family pays itself for the whole period: the part of the price the certificate does not cover. For a paid programme, the whole price.',
    ],
    [
      'Places left',
      'places in the group not yet taken by applications or contracts. A refused or withdrawn application frees its place.',
    ],
  ],
  ages: (from, to) => `ages ${String(from)}–${String(to)}`,
  hours: (hours) => `${String(hours)} h`,
  price: 'Price',
  free: 'free',
  certificatePays: 'The certificate pays',
  familyPays: 'The family pays',
  upTo: (amount) => `up to ${amount}`,
  proRata: (days, groupDays, full) =>
    `The programme has started: the price covers the remaining ${String(days)} of ${String(groupDays)} days (${full} for the whole period).`,
  enrol: (name) => `Enrol in "${name}"`,
  enrolLabel: 'Enrol',
  needCertificate: "To enrol, enter the certificate number and the child's date of birth.",
  enrolled: (certificate, family) =>
    `Request sent. The certificate pays ${certificate}, the family pays ${family}.`,
  enrolFailed: 'The request was not accepted',
};

/**
 * The navigator's texts in Russian and English.
 *
 * @example
 * ```ts
 * import { programNavigatorTexts } from '@eduset/widgets';
 * programNavigatorTexts.en.found(1); // 'Found: 1 programme'
 * ```
 */
export const programNavigatorTexts: Readonly<Record<Lang, ProgramNavigatorTexts>> = { ru, en };
