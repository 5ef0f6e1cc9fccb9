import type { Lang } from '@eduset/core';

/**
 * The texts of `<eduset-financing-reports>` in one language.
 *
 * @example
 * ```ts
 * import { financingReportsTexts } from '@eduset/widgets/staff';
 * financingReportsTexts.ru.byDirection; // 'По направленностям'
 * ```
 */
export interface FinancingReportsTexts {
  readonly title: string;
  readonly lede: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly retry: string;
  readonly filters: string;
  readonly period: string;
  readonly on: string;
  readonly direction: string;
  readonly provider: string;
  readonly all: string;
  readonly csv: string;
  readonly summary: string;
  readonly holders: string;
  readonly holdersHint: string;
  readonly funded: string;
  readonly anyProgramme: string;
  readonly certificatesUsed: string;
  readonly of: (part: string, whole: string) => string;
  readonly money: string;
  readonly nominal: string;
  readonly reserved: string;
  readonly spent: string;
  readonly available: string;
  readonly byDirection: string;
  readonly byProvider: string;
  readonly name: string;
  readonly programmes: string;
  readonly places: string;
  readonly placesTaken: string;
  readonly applications: string;
  readonly contracts: string;
  readonly children: string;
  readonly certificate: string;
  readonly family: string;
  readonly paid: string;
  readonly total: string;
  readonly empty: string;
  readonly shown: (period: string, on: string) => string;
  readonly percent: (share: string) => string;
}

/**
 * The texts of `<eduset-financing-reports>` in Russian and English (the same keys in both).
 *
 * @example
 * ```ts
 * import { financingReportsTexts } from '@eduset/widgets/staff';
 * financingReportsTexts.en.csv; // 'Download CSV'
 * ```
 */
export const financingReportsTexts: Readonly<Record<Lang, FinancingReportsTexts>> = {
  ru: {
    title: 'Охват и использование сертификатов',
    lede: 'Сколько детей с сертификатом занимаются в программах, сколько мест занято и сколько оплачено — по периоду, направленности и поставщику.',
    loading: 'Загрузка…',
    loadFailed: 'Не удалось загрузить отчёт.',
    retry: 'Повторить',
    filters: 'Отбор',
    period: 'Период финансирования',
    on: 'На дату',
    direction: 'Направленность',
    provider: 'Поставщик',
    all: 'Все',
    csv: 'Скачать CSV',
    summary: 'Итоги',
    holders: 'Детей с сертификатом (5–17 лет)',
    holdersHint: 'Доли считаются от детей, получивших сертификат этого периода.',
    funded: 'Занимаются в сертифицированных программах',
    anyProgramme: 'Занимаются в любых программах',
    certificatesUsed: 'Сертификатов использовано',
    of: (part, whole) => `${part} из ${whole}`,
    money: 'Средства сертификатов периода',
    nominal: 'Номинал',
    reserved: 'В резерве по договорам',
    spent: 'Оплачено поставщикам',
    available: 'Доступно',
    byDirection: 'По направленностям',
    byProvider: 'По поставщикам',
    name: 'Название',
    programmes: 'Программ',
    places: 'Мест',
    placesTaken: 'Занято мест',
    applications: 'Заявок ждёт',
    contracts: 'Договоров',
    children: 'Детей (доля)',
    certificate: 'По сертификатам',
    family: 'Доплата семей',
    paid: 'Оплачено',
    total: 'Итого',
    empty: 'Нет программ и договоров с таким отбором.',
    shown: (period, on) => `Период ${period}, на ${on}`,
    percent: (share) => `${share.replace('.', ',')} %`,
  },
  en: {
    title: 'Certificate coverage and uptake',
    lede: 'How many children holding a certificate attend programmes, how many places are taken and how much was paid — by period, direction and provider.',
    loading: 'Loading…',
    loadFailed: 'Could not load the report.',
    retry: 'Retry',
    filters: 'Filters',
    period: 'Financing period',
    on: 'On',
    direction: 'Direction',
    provider: 'Provider',
    all: 'All',
    csv: 'Download CSV',
    summary: 'Summary',
    holders: 'Children holding a certificate (5–17)',
    holdersHint: 'Shares are of the children given a certificate of this period.',
    funded: 'Attending funded programmes',
    anyProgramme: 'Attending any programme',
    certificatesUsed: 'Certificates used',
    of: (part, whole) => `${part} of ${whole}`,
    money: "The period's certificate money",
    nominal: 'Nominal',
    reserved: 'Reserved for contracts',
    spent: 'Paid to providers',
    available: 'Available',
    byDirection: 'By direction',
    byProvider: 'By provider',
    name: 'Name',
    programmes: 'Programmes',
    places: 'Places',
    placesTaken: 'Places taken',
    applications: 'Applications waiting',
    contracts: 'Contracts',
    children: 'Children (share)',
    certificate: 'By certificates',
    family: 'Family co-payments',
    paid: 'Paid',
    total: 'Total',
    empty: 'No programme or contract matches.',
    shown: (period, on) => `Period ${period}, on ${on}`,
    percent: (share) => `${share} %`,
  },
};
