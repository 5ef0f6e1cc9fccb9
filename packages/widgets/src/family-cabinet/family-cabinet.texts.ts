import type { Lang } from '@eduset/core';

/**
 * The texts of `<eduset-family-cabinet>` in one language.
 *
 * @example
 * ```ts
 * import { familyCabinetTexts } from '@eduset/widgets';
 * familyCabinetTexts.ru.signIn; // 'Войти в кабинет'
 * ```
 */
export interface FamilyCabinetTexts {
  readonly signInTitle: string;
  readonly number: string;
  readonly birthDate: string;
  readonly signIn: string;
  readonly signOut: string;
  readonly failed: string;
  readonly certificate: (number: string) => string;
  readonly kindRecord: string;
  readonly kindFunded: string;
  readonly age: (age: number) => string;
  readonly nominal: string;
  readonly available: string;
  readonly reserved: string;
  readonly spent: string;
  readonly activate: string;
  readonly contracts: string;
  readonly none: string;
  readonly dates: (from: string, to: string) => string;
  readonly total: string;
  readonly certificatePays: string;
  readonly familyPays: string;
  readonly month: string;
  readonly paid: string;
  readonly withdraw: string;
  readonly end: string;
  readonly endConfirm: string;
  readonly yesEnd: string;
  readonly keep: string;
  readonly withdrawn: string;
  readonly withdrawnRequest: string;
  readonly ended: string;
  readonly applyTitle: string;
  readonly applyHint: string;
  readonly childName: string;
  readonly address: string;
  readonly email: string;
  readonly consent: string;
  readonly consentText: string;
  readonly send: string;
  readonly applied: (id: string) => string;
  readonly code: string;
  readonly keepCode: string;
  readonly link: string;
  readonly checkTitle: string;
  readonly reference: string;
  readonly check: string;
  readonly status: string;
  readonly refusal: (reason: string) => string;
  readonly issued: (number: string) => string;
  readonly withdrawApplication: string;
}

const ru: FamilyCabinetTexts = {
  signInTitle: 'Вход в кабинет',
  number: 'Номер сертификата',
  birthDate: 'Дата рождения ребёнка',
  signIn: 'Войти в кабинет',
  signOut: 'Выйти',
  failed: 'Сервер не ответил, попробуйте ещё раз.',
  certificate: (number) => `Сертификат № ${number}`,
  kindRecord: 'сертификат учёта',
  kindFunded: 'сертификат ПФ',
  age: (age) => `Возраст ребёнка: ${String(age)}`,
  nominal: 'Номинал',
  available: 'Доступно',
  reserved: 'В резерве',
  spent: 'Оплачено',
  activate: 'Активировать сертификат',
  contracts: 'Заявки и договоры',
  none: 'Заявок пока нет.',
  dates: (from, to) => `с ${from} по ${to}`,
  total: 'Стоимость',
  certificatePays: 'Оплачивает сертификат',
  familyPays: 'Платит семья',
  month: 'Месяц',
  paid: 'Оплачено с сертификата',
  withdraw: 'Отозвать заявку',
  end: 'Расторгнуть со следующего месяца',
  endConfirm: 'Договор прекратится в конце этого месяца; этот месяц оплачивается полностью.',
  yesEnd: 'Да, расторгнуть',
  keep: 'Не расторгать',
  withdrawn: 'Заявка отозвана.',
  withdrawnRequest: 'отозвана',
  ended: 'Договор расторгнут.',
  applyTitle: 'Заявление на сертификат',
  applyHint: 'Нет сертификата? Подайте заявление (детям 5–17 лет)',
  childName: 'Фамилия, имя и отчество ребёнка',
  address: 'Адрес проживания в городе',
  email: 'Электронная почта родителя',
  consent: 'Согласен(на) на обработку персональных данных',
  consentText: 'Текст согласия',
  send: 'Отправить заявление',
  applied: (id) => `Заявление принято. Его номер: ${id}.`,
  code: 'Код для проверки',
  keepCode: 'Сохраните номер и код: по ним можно узнать решение.',
  link: 'Ссылка на заявление',
  checkTitle: 'Проверить заявление',
  reference: 'Номер заявления',
  check: 'Узнать решение',
  status: 'Состояние',
  refusal: (reason) => `Причина отказа: ${reason}`,
  issued: (number) => `Выдан сертификат № ${number}: войдите с ним в кабинет.`,
  withdrawApplication: 'Отозвать заявление',
};

const en: FamilyCabinetTexts = {
  signInTitle: 'Sign in to the cabinet',
  number: 'Certificate number',
  birthDate: "Child's birth date",
  signIn: 'Open the cabinet',
  signOut: 'Sign out',
  failed: 'The server did not answer. Please try again.',
  certificate: (number) => `Certificate No. ${number}`,
  kindRecord: 'record certificate',
  kindFunded: 'funded certificate',
  age: (age) => `Child's age: ${String(age)}`,
  nominal: 'Nominal',
  available: 'Available',
  reserved: 'Reserved',
  spent: 'Paid',
  activate: 'Activate the certificate',
  contracts: 'Requests and contracts',
  none: 'No requests yet.',
  dates: (from, to) => `${from} to ${to}`,
  total: 'Cost',
  certificatePays: 'The certificate pays',
  familyPays: 'The family pays',
  month: 'Month',
  paid: 'Paid from the certificate',
  withdraw: 'Withdraw the request',
  end: 'End from next month',
  endConfirm: 'The contract ends with this month, which is paid in full.',
  yesEnd: 'Yes, end it',
  keep: 'Keep it',
  withdrawn: 'The request is withdrawn.',
  withdrawnRequest: 'withdrawn',
  ended: 'The contract is ended.',
  applyTitle: 'Apply for a certificate',
  applyHint: 'No certificate? Apply for one (children aged 5–17)',
  childName: "Child's full name",
  address: 'Home address in the town',
  email: "Parent's e-mail",
  consent: 'I consent to the processing of personal data',
  consentText: 'The consent text',
  send: 'Send the application',
  applied: (id) => `The application is received. Its number: ${id}.`,
  code: 'Checking code',
  keepCode: 'Keep the number and the code to see the decision.',
  link: 'Link to the application',
  checkTitle: 'Check an application',
  reference: 'Application number',
  check: 'See the decision',
  status: 'Status',
  refusal: (reason) => `Reason for refusal: ${reason}`,
  issued: (number) => `Certificate No. ${number} is issued: open the cabinet with it.`,
  withdrawApplication: 'Withdraw the application',
};

/**
 * The texts of `<eduset-family-cabinet>` by language, Russian first.
 *
 * @example
 * ```ts
 * import { familyCabinetTexts } from '@eduset/widgets';
 * familyCabinetTexts.en.signOut; // 'Sign out'
 * ```
 */
export const familyCabinetTexts: Readonly<Record<Lang, FamilyCabinetTexts>> = { ru, en };
