import { pluralRu, type Lang } from '@eduset/core';

/**
 * The texts of `<eduset-provider-desk>` in one language. Terms that depend on a number or a
 * name are functions, so each language builds its own grammar.
 *
 * @example
 * ```ts
 * import { providerDeskTexts } from '@eduset/widgets/staff';
 * providerDeskTexts.ru.childAge(11); // '11 лет'
 * ```
 */
export interface ProviderDeskTexts {
  readonly title: string;
  readonly sections: string;
  readonly applicationsTab: (count: number | undefined) => string;
  readonly contractsTab: string;
  readonly actsTab: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly retry: string;
  readonly month: string;
  readonly show: string;
  readonly noApplications: string;
  readonly noContracts: string;
  readonly noActs: (month: string) => string;
  readonly child: string;
  readonly childAge: (years: number) => string;
  readonly certificate: string;
  readonly requestedOn: string;
  readonly starts: string;
  readonly dates: string;
  readonly places: (left: number, capacity: number) => string;
  readonly amounts: string;
  readonly certificatePays: string;
  readonly familyPays: string;
  readonly status: string;
  readonly accept: string;
  readonly acceptHint: string;
  readonly decline: string;
  readonly declineBefore: string;
  readonly declineTitle: string;
  readonly reason: string;
  readonly note: string;
  readonly noteHint: string;
  readonly noteRequired: string;
  readonly confirmDecline: string;
  readonly cancel: string;
  readonly accepted: (programme: string, start: string) => string;
  readonly activated: (programme: string) => string;
  readonly declined: (programme: string) => string;
  readonly startsOn: (date: string) => string;
  readonly decision: string;
  readonly attendance: (month: string) => string;
  readonly unit: string;
  readonly planned: string;
  readonly attended: string;
  readonly suggested: (count: number) => string;
  readonly completeness: (percent: string) => string;
  readonly notEntered: string;
  readonly saveAttendance: string;
  readonly attendanceSaved: (percent: string) => string;
  readonly settled: string;
  readonly thisMonth: (month: string) => string;
  readonly terminate: string;
  readonly terminateTitle: string;
  readonly terminateOn: string;
  readonly terminateHint: string;
  readonly confirmTerminate: string;
  readonly terminated: (programme: string, end: string) => string;
  readonly closedOn: (date: string) => string;
  readonly actsTitle: (month: string) => string;
  readonly actProvider: (name: string) => string;
  readonly print: string;
  readonly downloadCsv: string;
  readonly contract: string;
  readonly programme: string;
  readonly provided: string;
  readonly providedValue: (attended: string, planned: string, unit: 'sessions' | 'hours') => string;
  readonly notEnteredFull: string;
  readonly completenessColumn: string;
  readonly scheduled: string;
  readonly settledAmount: string;
  readonly returned: string;
  readonly family: string;
  readonly total: string;
  readonly totals: string;
  readonly paidInFull: string;
  readonly settledByPayer: string;
  readonly notSettled: string;
  readonly tableScroll: string;
  readonly actsNote: string;
  readonly working: string;
}

const monthNames = {
  ru: [
    'январь',
    'февраль',
    'март',
    'апрель',
    'май',
    'июнь',
    'июль',
    'август',
    'сентябрь',
    'октябрь',
    'ноябрь',
    'декабрь',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

/**
 * A month `YYYY-MM` in words: «сентябрь 2026», "September 2026".
 *
 * @example
 * ```ts
 * import { monthInWords } from '@eduset/widgets/staff';
 * monthInWords('2026-09', 'ru'); // 'сентябрь 2026'
 * ```
 */
export function monthInWords(month: string, lang: Lang): string {
  const index = Number(month.slice(5, 7)) - 1;
  const name = monthNames[lang][index] ?? month;
  return `${name} ${month.slice(0, 4)}`;
}

const years = { one: 'год', few: 'года', many: 'лет' };
const sessionsRu = { one: 'занятия', few: 'занятий', many: 'занятий' };
const hoursRu = { one: 'часа', few: 'часов', many: 'часов' };

/**
 * The texts of `<eduset-provider-desk>`: Russian first, English second.
 *
 * @example
 * ```ts
 * import { providerDeskTexts } from '@eduset/widgets/staff';
 * providerDeskTexts.en.applicationsTab(3); // 'Applications (3)'
 * ```
 */
export const providerDeskTexts: Readonly<Record<Lang, ProviderDeskTexts>> = {
  ru: {
    title: 'Рабочее место поставщика',
    sections: 'Разделы',
    applicationsTab: (count) => (count === undefined ? 'Заявки' : `Заявки (${String(count)})`),
    contractsTab: 'Договоры и посещаемость',
    actsTab: 'Акты за месяц',
    loading: 'Загрузка…',
    loadFailed: 'Не удалось загрузить данные.',
    retry: 'Повторить',
    month: 'Месяц',
    show: 'Показать',
    noApplications: 'Новых заявок нет.',
    noContracts: 'Договоров за этот месяц нет.',
    noActs: (month) => `За ${month} актов нет: нет действующих договоров с оплатой в этом месяце.`,
    child: 'Ребёнок',
    childAge: (count) => `${String(count)} ${pluralRu(count, years)}`,
    certificate: 'Сертификат',
    requestedOn: 'Заявка подана',
    starts: 'Начало занятий',
    dates: 'Срок договора',
    places: (left, capacity) => `свободно мест: ${String(left)} из ${String(capacity)}`,
    amounts: 'Стоимость по договору',
    certificatePays: 'оплачивает сертификат',
    familyPays: 'доплачивает семья',
    status: 'Статус',
    accept: 'Принять',
    acceptHint:
      'Договор заключается сразу; если занятия ещё не начались, он вступит в силу в день начала.',
    decline: 'Отклонить…',
    declineBefore: 'Отказать до начала…',
    declineTitle: 'Причина отказа',
    reason: 'Причина',
    note: 'Пояснение для семьи',
    noteHint: 'Семья увидит причину и это пояснение. До 500 знаков.',
    noteRequired: 'Для причины «Другая причина» напишите пояснение.',
    confirmDecline: 'Отклонить заявку',
    cancel: 'Отмена',
    accepted: (programme, start) =>
      `Заявка принята: «${programme}». Договор вступит в силу ${start}.`,
    activated: (programme) => `Заявка принята: «${programme}». Договор действует.`,
    declined: (programme) => `Заявка на «${programme}» отклонена. Семья увидит причину.`,
    startsOn: (date) => `начнёт действовать ${date}`,
    decision: 'Решение',
    attendance: (month) => `Посещаемость за ${month}`,
    unit: 'Учёт',
    planned: 'Запланировано',
    attended: 'Посещено',
    suggested: (count) => `По расписанию группы: ${String(count)}`,
    completeness: (percent) => `Полнота оказания услуги: ${percent} %`,
    notEntered: 'Не внесено: к оплате 100 %.',
    saveAttendance: 'Сохранить посещаемость',
    attendanceSaved: (percent) => `Посещаемость сохранена, полнота ${percent} %.`,
    settled: 'Месяц оплачен по окончательному расчёту: посещаемость не меняется.',
    thisMonth: (month) => `За ${month}`,
    terminate: 'Расторгнуть…',
    terminateTitle: 'Расторжение договора',
    terminateOn: 'Дата расторжения',
    terminateHint:
      'Договор закроется в последний день этого месяца; месяц оплачивается полностью, остаток резерва вернётся на сертификат.',
    confirmTerminate: 'Расторгнуть договор',
    terminated: (programme, end) => `Договор «${programme}» расторгнут, последний день — ${end}.`,
    closedOn: (date) => `закрыт ${date}`,
    actsTitle: (month) => `Акты об оказании услуг за ${month}`,
    actProvider: (name) => `Поставщик: ${name}`,
    print: 'Печать',
    downloadCsv: 'Скачать CSV',
    contract: 'Договор',
    programme: 'Программа, группа',
    provided: 'Оказано',
    providedValue: (attended, planned, unit) => {
      const count = Number(planned.replace(',', '.'));
      const forms = unit === 'sessions' ? sessionsRu : hoursRu;
      // «из 7,5 часа»: a fraction takes the singular genitive.
      const word = Number.isInteger(count) ? pluralRu(count, forms) : forms.one;
      return `${attended} из ${planned} ${word}`;
    },
    notEnteredFull: 'не внесено',
    completenessColumn: 'Полнота, %',
    scheduled: 'Часть сертификата за месяц, ₽',
    settledAmount: 'Оплата с сертификата, ₽',
    returned: 'Возврат на сертификат, ₽',
    family: 'Оплата семьи, ₽',
    total: 'Итого, ₽',
    totals: 'Итого',
    paidInFull: 'месяц расторжения — оплачивается полностью',
    settledByPayer: 'оплачено',
    notSettled: 'ожидает расчёта',
    tableScroll: 'Таблица актов, прокручивается по горизонтали',
    actsNote:
      'Суммы рассчитаны по правилам расчёта с плательщиком: часть сертификата за месяц × полнота; остаток возвращается на сертификат.',
    working: 'Сохраняем…',
  },
  en: {
    title: "Provider's desk",
    sections: 'Sections',
    applicationsTab: (count) =>
      count === undefined ? 'Applications' : `Applications (${String(count)})`,
    contractsTab: 'Contracts and attendance',
    actsTab: "The month's acts",
    loading: 'Loading…',
    loadFailed: 'Could not load the data.',
    retry: 'Try again',
    month: 'Month',
    show: 'Show',
    noApplications: 'No new applications.',
    noContracts: 'No contracts for this month.',
    noActs: (month) => `No acts for ${month}: no contract in force is billed that month.`,
    child: 'Child',
    childAge: (count) => `${String(count)} ${count === 1 ? 'year' : 'years'} old`,
    certificate: 'Certificate',
    requestedOn: 'Applied on',
    starts: 'Classes start',
    dates: 'Contract dates',
    places: (left, capacity) => `places left: ${String(left)} of ${String(capacity)}`,
    amounts: 'Contract amount',
    certificatePays: 'paid by the certificate',
    familyPays: 'paid by the family',
    status: 'Status',
    accept: 'Accept',
    acceptHint:
      'The contract is concluded at once; if classes have not started, it comes into force on the first day.',
    decline: 'Decline…',
    declineBefore: 'Cancel before the start…',
    declineTitle: 'Reason to decline',
    reason: 'Reason',
    note: 'Note for the family',
    noteHint: 'The family will see the reason and this note. Up to 500 characters.',
    noteRequired: 'For "Another reason", write a note.',
    confirmDecline: 'Decline the application',
    cancel: 'Cancel',
    accepted: (programme, start) =>
      `Application accepted: "${programme}". The contract comes into force on ${start}.`,
    activated: (programme) => `Application accepted: "${programme}". The contract is in force.`,
    declined: (programme) =>
      `The application to "${programme}" is declined. The family will see the reason.`,
    startsOn: (date) => `comes into force on ${date}`,
    decision: 'Decision',
    attendance: (month) => `Attendance in ${month}`,
    unit: 'Counted in',
    planned: 'Planned',
    attended: 'Attended',
    suggested: (count) => `By the group's timetable: ${String(count)}`,
    completeness: (percent) => `Completeness of the service: ${percent} %`,
    notEntered: 'Not entered: 100 % is billed.',
    saveAttendance: 'Save attendance',
    attendanceSaved: (percent) => `Attendance saved, completeness ${percent} %.`,
    settled: 'The month is settled by the payer: its attendance cannot change.',
    thisMonth: (month) => `In ${month}`,
    terminate: 'Terminate…',
    terminateTitle: 'Terminating the contract',
    terminateOn: 'Termination date',
    terminateHint:
      'The contract closes on the last day of that month; the month is paid in full, the rest of the reserve returns to the certificate.',
    confirmTerminate: 'Terminate the contract',
    terminated: (programme, end) =>
      `The contract "${programme}" is terminated; its last day is ${end}.`,
    closedOn: (date) => `closed on ${date}`,
    actsTitle: (month) => `Acts of services provided in ${month}`,
    actProvider: (name) => `Provider: ${name}`,
    print: 'Print',
    downloadCsv: 'Download CSV',
    contract: 'Contract',
    programme: 'Programme, group',
    provided: 'Provided',
    providedValue: (attended, planned, unit) => `${attended} of ${planned} ${unit}`,
    notEnteredFull: 'not entered',
    completenessColumn: 'Completeness, %',
    scheduled: "Certificate's part this month, ₽",
    settledAmount: 'Paid from the certificate, ₽',
    returned: 'Returned to the certificate, ₽',
    family: 'Paid by the family, ₽',
    total: 'Total, ₽',
    totals: 'Total',
    paidInFull: 'the month of termination — paid in full',
    settledByPayer: 'settled',
    notSettled: 'awaiting settlement',
    tableScroll: 'Acts table, scrolls sideways',
    actsNote:
      "Amounts follow the payer's settlement rules: the certificate's part for the month × completeness; the rest returns to the certificate.",
    working: 'Saving…',
  },
};
