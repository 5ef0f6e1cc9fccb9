import type { CertificateKind, CertificateStatus, Lang } from '@eduset/core';

/**
 * The texts of `<eduset-certificate-registry>` in one language.
 *
 * @example
 * ```ts
 * import { certificateRegistryTexts } from '@eduset/widgets/staff';
 * certificateRegistryTexts.ru.found(3); // 'Найдено 3 сертификата'
 * ```
 */
export interface CertificateRegistryTexts {
  readonly title: string;
  readonly intro: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly retry: string;
  readonly search: string;
  readonly searchHint: string;
  readonly status: string;
  readonly kind: string;
  readonly group: string;
  readonly any: string;
  readonly find: string;
  readonly found: (count: number) => string;
  readonly shown: (from: number, to: number) => string;
  readonly previous: string;
  readonly next: string;
  readonly nothing: string;
  readonly columns: {
    readonly number: string;
    readonly child: string;
    readonly age: string;
    readonly group: string;
    readonly kind: string;
    readonly status: string;
    readonly available: string;
  };
  readonly caption: string;
  readonly years: (age: number) => string;
  readonly open: (number: string) => string;
  readonly kinds: Readonly<Record<CertificateKind, string>>;
  readonly statuses: Readonly<Record<CertificateStatus, string>>;
  readonly of: (nominal: string) => string;
  readonly issueTitle: string;
  readonly issueOpen: string;
  readonly issueHint: string;
  readonly childName: string;
  readonly birthDate: string;
  readonly parentName: string;
  readonly phone: string;
  readonly email: string;
  readonly address: string;
  readonly optional: string;
  readonly issue: string;
  readonly cancel: string;
  readonly issued: (number: string) => string;
  readonly cardTitle: (number: string) => string;
  readonly closeCard: string;
  readonly holder: string;
  readonly noHolder: string;
  readonly period: string;
  readonly balance: string;
  readonly nominal: string;
  readonly availableNow: string;
  readonly reserved: string;
  readonly spent: string;
  readonly actions: string;
  readonly activate: string;
  readonly suspend: string;
  readonly resume: string;
  readonly close: string;
  readonly closeReason: string;
  readonly closeReasons: Readonly<Record<'age-out' | 'moved-away' | 'other', string>>;
  readonly toFunded: string;
  readonly toRecord: string;
  readonly conversionHint: string;
  readonly moveTo: string;
  readonly move: string;
  readonly moveHint: string;
  readonly noLaterGroup: string;
  readonly done: Readonly<
    Record<'activate' | 'suspend' | 'resume' | 'close' | 'convert' | 'move', string>
  >;
  readonly moved: (lapsed: string, issued: string) => string;
  readonly alreadyThere: string;
  readonly movements: string;
  readonly movementKinds: Readonly<
    Record<'issue' | 'reserve' | 'release' | 'debit' | 'refund' | 'lapse', string>
  >;
  readonly contracts: string;
  readonly noContracts: string;
  readonly contractLine: (
    programme: string,
    status: string,
    certificate: string,
    family: string,
  ) => string;
  readonly pricedWith: (version: number | null) => string;
  readonly contractStatuses: Readonly<Record<string, string>>;
  readonly fundedPlacesTerm: string;
  readonly fundedPlaces: (taken: number, places: number) => string;
  readonly invalid: string;
}

function plural(count: number, one: string, few: string, many: string): string {
  const form = new Intl.PluralRules('ru').select(count);
  return form === 'one' ? one : form === 'few' ? few : many;
}

const ru: CertificateRegistryTexts = {
  title: 'Реестр сертификатов',
  intro:
    'Сертификаты дополнительного образования: поиск, выдача, активация, приостановка, закрытие, перевод в сертификат ПФ и обратно, перевод в следующий период.',
  loading: 'Загрузка реестра…',
  loadFailed: 'Не удалось загрузить реестр.',
  retry: 'Повторить',
  search: 'Номер сертификата или имя ребёнка',
  searchHint: 'Начало номера или слова из имени',
  status: 'Статус',
  kind: 'Вид',
  group: 'Группа сертификатов',
  any: 'Все',
  find: 'Найти',
  found: (count) =>
    `Найдено ${String(count)} ${plural(count, 'сертификат', 'сертификата', 'сертификатов')}`,
  shown: (from, to) => `показаны ${String(from)}–${String(to)}`,
  previous: 'Предыдущие',
  next: 'Следующие',
  nothing: 'Ничего не найдено.',
  columns: {
    number: 'Номер',
    child: 'Ребёнок',
    age: 'Возраст',
    group: 'Группа и период',
    kind: 'Вид',
    status: 'Статус',
    available: 'Остаток',
  },
  caption: 'Сертификаты',
  years: (age) => `${String(age)} ${plural(age, 'год', 'года', 'лет')}`,
  open: (number) => `Открыть карточку сертификата № ${number}`,
  kinds: { record: 'сертификат учёта', funded: 'сертификат ПФ' },
  statuses: {
    issued: 'выдан',
    active: 'активирован',
    suspended: 'приостановлен',
    closed: 'закрыт',
  },
  of: (nominal) => `из ${nominal}`,
  issueTitle: 'Выдать сертификат',
  issueOpen: 'Выдать сертификат',
  issueHint:
    'Сертификат выдаётся ребёнку 5–17 лет как сертификат учёта; номинал группы начисляется сразу (за оставшиеся дни периода, если период уже идёт).',
  childName: 'Фамилия, имя, отчество ребёнка',
  birthDate: 'Дата рождения ребёнка',
  parentName: 'Родитель или законный представитель',
  phone: 'Телефон',
  email: 'Электронная почта',
  address: 'Адрес в муниципалитете',
  optional: 'необязательно',
  issue: 'Выдать',
  cancel: 'Отмена',
  issued: (number) => `Сертификат № ${number} выдан.`,
  cardTitle: (number) => `Сертификат № ${number}`,
  closeCard: 'Закрыть карточку',
  holder: 'Владелец',
  noHolder: 'Сведения о владельце не внесены.',
  period: 'Период',
  balance: 'Остаток в периоде',
  nominal: 'Номинал',
  availableNow: 'Доступно',
  reserved: 'В резерве по договорам',
  spent: 'Оплачено',
  actions: 'Действия',
  activate: 'Активировать',
  suspend: 'Приостановить',
  resume: 'Возобновить',
  close: 'Закрыть сертификат',
  closeReason: 'Причина закрытия',
  closeReasons: {
    'age-out': 'ребёнку исполнилось 18 лет',
    'moved-away': 'семья переехала',
    other: 'другая причина',
  },
  toFunded: 'Сделать сертификатом ПФ',
  toRecord: 'Вернуть в сертификат учёта',
  conversionHint:
    'Перевод не двигает деньги: меняется только то, может ли сертификат оплачивать программы ПФ. Место ПФ в группе занимается и освобождается; вернуть в сертификат учёта нельзя, пока по договорам зарезервированы деньги.',
  moveTo: 'Перевести в группу следующего периода',
  move: 'Перевести',
  moveHint:
    'Неизрасходованный остаток старого периода сгорает, номинал нового периода начисляется за оставшиеся дни. Резерв по действующим договорам остаётся в старом периоде.',
  noLaterGroup: 'Нет группы более позднего периода.',
  done: {
    activate: 'Сертификат активирован.',
    suspend: 'Сертификат приостановлен.',
    resume: 'Сертификат возобновлён.',
    close: 'Сертификат закрыт.',
    convert: 'Вид сертификата изменён.',
    move: 'Сертификат переведён.',
  },
  moved: (lapsed, issued) => `Сертификат переведён: сгорело ${lapsed}, начислено ${issued}.`,
  alreadyThere: 'Сертификат уже в этой группе: ничего не изменилось.',
  movements: 'Движения по остатку',
  movementKinds: {
    issue: 'начисление номинала',
    reserve: 'резерв',
    release: 'снятие резерва',
    debit: 'оплата',
    refund: 'возврат',
    lapse: 'сгорание остатка',
  },
  contracts: 'Договоры',
  noContracts: 'Договоров нет.',
  contractLine: (programme, status, certificate, family) =>
    `${programme} — ${status}; сертификат ${certificate}, семья ${family}`,
  pricedWith: (version) =>
    version === null
      ? 'параметры нормативных затрат не были заданы'
      : `по параметрам нормативных затрат версии ${String(version)}`,
  contractStatuses: {
    requested: 'заявка',
    accepted: 'принята',
    active: 'действует',
    closed: 'закрыт',
    refused: 'отказ',
    lapsed: 'не подтверждена в срок',
  },
  fundedPlacesTerm: 'Места ПФ в группе',
  fundedPlaces: (taken, places) => `занято ${String(taken)} из ${String(places)}`,
  invalid: 'Проверьте поля формы.',
};

const en: CertificateRegistryTexts = {
  title: 'Certificate registry',
  intro:
    'Additional-education certificates: search, issue, activate, suspend, close, convert to funded and back, move to the next period.',
  loading: 'Loading the registry…',
  loadFailed: 'Could not load the registry.',
  retry: 'Retry',
  search: "Certificate number or child's name",
  searchHint: 'The start of a number or words of a name',
  status: 'Status',
  kind: 'Kind',
  group: 'Certificate group',
  any: 'All',
  find: 'Find',
  found: (count) => `${String(count)} ${count === 1 ? 'certificate' : 'certificates'} found`,
  shown: (from, to) => `showing ${String(from)}–${String(to)}`,
  previous: 'Previous',
  next: 'Next',
  nothing: 'Nothing found.',
  columns: {
    number: 'Number',
    child: 'Child',
    age: 'Age',
    group: 'Group and period',
    kind: 'Kind',
    status: 'Status',
    available: 'Balance',
  },
  caption: 'Certificates',
  years: (age) => `${String(age)} ${age === 1 ? 'year' : 'years'}`,
  open: (number) => `Open the card of certificate No. ${number}`,
  kinds: { record: 'record certificate', funded: 'funded certificate' },
  statuses: { issued: 'issued', active: 'active', suspended: 'suspended', closed: 'closed' },
  of: (nominal) => `of ${nominal}`,
  issueTitle: 'Issue a certificate',
  issueOpen: 'Issue a certificate',
  issueHint:
    "A certificate is issued to a child aged 5–17 as a record certificate; the group's nominal is credited at once (for the days left when the period has begun).",
  childName: "Child's full name",
  birthDate: "Child's birth date",
  parentName: 'Parent or guardian',
  phone: 'Phone',
  email: 'E-mail',
  address: 'Address in the municipality',
  optional: 'optional',
  issue: 'Issue',
  cancel: 'Cancel',
  issued: (number) => `Certificate No. ${number} issued.`,
  cardTitle: (number) => `Certificate No. ${number}`,
  closeCard: 'Close the card',
  holder: 'Holder',
  noHolder: 'No holder details recorded.',
  period: 'Period',
  balance: 'Balance in the period',
  nominal: 'Nominal',
  availableNow: 'Available',
  reserved: 'Reserved for contracts',
  spent: 'Paid',
  actions: 'Actions',
  activate: 'Activate',
  suspend: 'Suspend',
  resume: 'Resume',
  close: 'Close the certificate',
  closeReason: 'Why it closes',
  closeReasons: {
    'age-out': 'the child turned 18',
    'moved-away': 'the family moved away',
    other: 'another reason',
  },
  toFunded: 'Make it a funded certificate',
  toRecord: 'Back to a record certificate',
  conversionHint:
    'A conversion moves no money: it only decides whether the certificate may pay for funded programmes. It takes or frees a funded place of the group; it cannot go back to record while money is reserved for contracts.',
  moveTo: "Move to the next period's group",
  move: 'Move',
  moveHint:
    "The old period's unspent balance lapses, the new period's nominal is credited for the days left. Money reserved for running contracts stays in the old period.",
  noLaterGroup: 'No group of a later period.',
  done: {
    activate: 'The certificate is active.',
    suspend: 'The certificate is suspended.',
    resume: 'The certificate is active again.',
    close: 'The certificate is closed.',
    convert: 'The certificate kind is changed.',
    move: 'The certificate is moved.',
  },
  moved: (lapsed, issued) => `The certificate is moved: ${lapsed} lapsed, ${issued} credited.`,
  alreadyThere: 'The certificate is already in this group: nothing changed.',
  movements: 'Balance movements',
  movementKinds: {
    issue: 'nominal issued',
    reserve: 'reserve',
    release: 'reserve released',
    debit: 'payment',
    refund: 'refund',
    lapse: 'lapse',
  },
  contracts: 'Contracts',
  noContracts: 'No contracts.',
  contractLine: (programme, status, certificate, family) =>
    `${programme} — ${status}; certificate ${certificate}, family ${family}`,
  pricedWith: (version) =>
    version === null
      ? 'no normative-cost parameters were set'
      : `priced with normative-cost parameters version ${String(version)}`,
  contractStatuses: {
    requested: 'requested',
    accepted: 'accepted',
    active: 'active',
    closed: 'closed',
    refused: 'refused',
    lapsed: 'lapsed',
  },
  fundedPlacesTerm: "The group's funded places",
  fundedPlaces: (taken, places) => `${String(taken)} of ${String(places)} taken`,
  invalid: 'Check the form fields.',
};

/**
 * The texts of `<eduset-certificate-registry>`, Russian and English.
 *
 * @example
 * ```ts
 * import { certificateRegistryTexts } from '@eduset/widgets/staff';
 * certificateRegistryTexts.en.title; // 'Certificate registry'
 * ```
 */
export const certificateRegistryTexts: Readonly<Record<Lang, CertificateRegistryTexts>> = {
  ru,
  en,
};
