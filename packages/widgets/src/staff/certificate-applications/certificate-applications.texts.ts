import { pluralRu, type Lang } from '@eduset/core';

/**
 * The texts of `<eduset-certificate-applications>` in one language.
 *
 * @example
 * ```ts
 * import { certificateApplicationsTexts } from '@eduset/widgets/staff';
 * certificateApplicationsTexts.ru.confirm; // 'Выдать сертификат'
 * ```
 */
export interface CertificateApplicationsTexts {
  readonly title: string;
  readonly show: string;
  readonly waiting: string;
  readonly confirmed: string;
  readonly refused: string;
  readonly withdrawn: string;
  readonly all: string;
  readonly loading: string;
  readonly count: (shown: number, total: number) => string;
  readonly none: string;
  readonly reference: (id: string) => string;
  readonly submitted: string;
  readonly child: string;
  readonly birthDate: string;
  readonly age: (age: number) => string;
  readonly address: string;
  readonly email: string;
  readonly consent: string;
  readonly status: string;
  readonly decided: (by: string, at: string) => string;
  readonly certificate: (number: string) => string;
  readonly reason: (reason: string) => string;
  readonly erased: (at: string) => string;
  readonly confirm: string;
  readonly confirmedNow: (number: string, nominal: string) => string;
  readonly refuseReason: string;
  readonly refuseHint: string;
  readonly refuse: string;
  readonly refusedNow: string;
  readonly needReason: string;
  readonly erase: string;
  readonly eraseConfirm: string;
  readonly yesErase: string;
  readonly keep: string;
  readonly erasedNow: string;
  readonly signIn: string;
  readonly notAllowed: string;
  readonly failed: string;
  readonly retry: string;
}

const ru: CertificateApplicationsTexts = {
  title: 'Заявления на сертификат',
  show: 'Показать',
  waiting: 'ждут решения',
  confirmed: 'сертификат выдан',
  refused: 'отказано',
  withdrawn: 'отозваны семьёй',
  all: 'все',
  loading: 'Загружаем заявления…',
  count: (shown, total) => `Показано ${String(shown)} из ${String(total)}`,
  none: 'Заявлений нет.',
  reference: (id) => `Заявление ${id}`,
  submitted: 'Подано',
  child: 'Ребёнок',
  birthDate: 'Дата рождения',
  age: (age) => `${String(age)} ${pluralRu(age, { one: 'год', few: 'года', many: 'лет' })} сегодня`,
  address: 'Адрес',
  email: 'Электронная почта родителя',
  consent: 'Согласие на обработку данных, редакция',
  status: 'Состояние',
  decided: (by, at) => `Решение: ${by}, ${at}`,
  certificate: (number) => `Выдан сертификат № ${number}`,
  reason: (reason) => `Причина отказа: ${reason}`,
  erased: (at) => `Персональные данные удалены ${at}`,
  confirm: 'Выдать сертификат',
  confirmedNow: (number, nominal) =>
    `Выдан сертификат учёта № ${number}, номинал на оставшуюся часть периода ${nominal}.`,
  refuseReason: 'Причина отказа',
  refuseHint: 'Семья увидит её, проверяя заявление.',
  refuse: 'Отказать',
  refusedNow: 'В заявлении отказано.',
  needReason: 'Напишите причину отказа: семья её увидит.',
  erase: 'Удалить персональные данные',
  eraseConfirm:
    'Имя и дата рождения ребёнка, адрес и e-mail будут стёрты без возможности восстановления. Решение и номер сертификата останутся.',
  yesErase: 'Да, удалить',
  keep: 'Не удалять',
  erasedNow: 'Персональные данные заявления удалены.',
  signIn: 'Войдите в систему как оператор, чтобы увидеть заявления.',
  notAllowed: 'Вашей роли заявления на сертификат не видны.',
  failed: 'Сервер не ответил. Попробуйте ещё раз.',
  retry: 'Повторить',
};

const en: CertificateApplicationsTexts = {
  title: 'Certificate applications',
  show: 'Show',
  waiting: 'waiting for a decision',
  confirmed: 'certificate issued',
  refused: 'refused',
  withdrawn: 'withdrawn by the family',
  all: 'all',
  loading: 'Loading the applications…',
  count: (shown, total) => `Showing ${String(shown)} of ${String(total)}`,
  none: 'No applications.',
  reference: (id) => `Application ${id}`,
  submitted: 'Submitted',
  child: 'Child',
  birthDate: 'Birth date',
  age: (age) => `${String(age)} ${age === 1 ? 'year' : 'years'} old today`,
  address: 'Address',
  email: "Parent's e-mail",
  consent: 'Consent to data processing, version',
  status: 'Status',
  decided: (by, at) => `Decided by ${by}, ${at}`,
  certificate: (number) => `Certificate No. ${number} issued`,
  reason: (reason) => `Reason for refusal: ${reason}`,
  erased: (at) => `Personal data erased on ${at}`,
  confirm: 'Issue a certificate',
  confirmedNow: (number, nominal) =>
    `Record certificate No. ${number} issued, nominal for the rest of the period ${nominal}.`,
  refuseReason: 'Reason for refusal',
  refuseHint: 'The family sees it when checking the application.',
  refuse: 'Refuse',
  refusedNow: 'The application is refused.',
  needReason: 'Write the reason for refusal: the family will see it.',
  erase: 'Erase the personal data',
  eraseConfirm:
    "The child's name and birth date, the address and the e-mail are erased for good. The decision and the certificate number stay.",
  yesErase: 'Yes, erase',
  keep: 'Keep',
  erasedNow: "The application's personal data is erased.",
  signIn: 'Sign in as the operator to see the applications.',
  notAllowed: 'Your role does not see certificate applications.',
  failed: 'The server did not answer. Please try again.',
  retry: 'Retry',
};

/**
 * The texts of `<eduset-certificate-applications>` by language, Russian first.
 *
 * @example
 * ```ts
 * import { certificateApplicationsTexts } from '@eduset/widgets/staff';
 * certificateApplicationsTexts.en.refuse; // 'Refuse'
 * ```
 */
export const certificateApplicationsTexts: Readonly<Record<Lang, CertificateApplicationsTexts>> = {
  ru,
  en,
};
