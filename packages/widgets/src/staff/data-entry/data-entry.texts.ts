/**
 * The words of `<eduset-data-entry>`, Russian and English.
 *
 * @example
 * ```ts
 * import { dataEntryTexts } from '@eduset/widgets/staff';
 * dataEntryTexts.ru.submit; // 'Отправить на проверку'
 * ```
 */
export const dataEntryTexts = {
  ru: {
    title: 'Отчёт организации',
    intro:
      'Школа вносит свои данные за период, сохраняет черновик и отправляет отчёт координатору. Утверждённые данные публикуются в показателях сети.',
    loading: 'Загрузка…',
    choose: 'Какой отчёт',
    dataSet: 'Отчёт',
    period: 'Период',
    organization: 'Организация',
    open: 'Открыть',
    state: 'Состояние',
    due: 'Сдать до',
    comment: 'Комментарий координатора',
    fieldsTitle: 'Данные',
    numberHint: 'Число; пустое поле — нет данных.',
    save: 'Сохранить черновик',
    submit: 'Отправить на проверку',
    saved: 'Черновик сохранён.',
    submitted: 'Отчёт отправлен на проверку координатору.',
    fixFirst: (count: number) =>
      `Исправьте ошибки (${String(count)}), чтобы отправить отчёт. Черновик можно сохранить и с ними.`,
    readOnlySubmitted: 'Отчёт отправлен на проверку: изменить его можно после возврата.',
    readOnlyApproved: 'Отчёт утверждён и закрыт для изменений.',
    reviewTitle: 'Решение координатора',
    returnComment: 'Комментарий для школы (что исправить)',
    returnButton: 'Вернуть на доработку',
    approve: 'Утвердить',
    unlockReason: 'Причина открытия',
    unlock: 'Открыть для исправлений',
    returned: 'Отчёт возвращён на доработку.',
    approved: 'Отчёт утверждён: его данные опубликованы в показателях.',
    unlocked: 'Отчёт открыт для исправлений.',
    needComment: 'Напишите комментарий.',
    completenessTitle: 'Кто сдал отчёт',
    completenessCounts: (reported: number, expected: number, late: number, approved: number) =>
      `Сдали ${String(reported)} из ${String(expected)}, утверждено ${String(approved)}, просрочили ${String(late)}`,
    noOne: 'нет',
    remindLate: 'Напомнить опоздавшим по почте',
    onTime: 'в срок',
    lateReport: 'с опозданием',
    openReport: (name: string) => `Открыть отчёт: ${name}`,
    historyTitle: 'История изменений',
    historyEmpty: 'Изменений пока нет.',
    emptyValue: 'пусто',
    steps: {
      submit: 'отправил(а) на проверку',
      return: 'вернул(а) на доработку',
      approve: 'утвердил(а)',
      unlock: 'открыл(а) для исправлений',
    },
  },
  en: {
    title: 'Organization report',
    intro:
      'A school enters its figures for a period, saves a draft and submits the report to the coordinator. Approved figures are published in the network’s indicators.',
    loading: 'Loading…',
    choose: 'Which report',
    dataSet: 'Report',
    period: 'Period',
    organization: 'Organization',
    open: 'Open',
    state: 'State',
    due: 'Due by',
    comment: 'Coordinator’s comment',
    fieldsTitle: 'Figures',
    numberHint: 'A number; leave empty when there is no figure.',
    save: 'Save draft',
    submit: 'Submit for review',
    saved: 'Draft saved.',
    submitted: 'The report was submitted to the coordinator.',
    fixFirst: (count: number) =>
      `Correct the errors (${String(count)}) to submit the report. The draft can be saved with them.`,
    readOnlySubmitted: 'The report is submitted for review: it can be changed once returned.',
    readOnlyApproved: 'The report is approved and locked.',
    reviewTitle: 'Coordinator’s decision',
    returnComment: 'Comment for the school (what to correct)',
    returnButton: 'Return for correction',
    approve: 'Approve',
    unlockReason: 'Reason for unlocking',
    unlock: 'Unlock for corrections',
    returned: 'The report was returned for correction.',
    approved: 'The report is approved: its figures are published in the indicators.',
    unlocked: 'The report is unlocked for corrections.',
    needComment: 'Write a comment.',
    completenessTitle: 'Who has reported',
    completenessCounts: (reported: number, expected: number, late: number, approved: number) =>
      `${String(reported)} of ${String(expected)} reported, ${String(approved)} approved, ${String(late)} late`,
    noOne: 'none',
    remindLate: 'Remind late organizations by e-mail',
    onTime: 'on time',
    lateReport: 'late',
    openReport: (name: string) => `Open the report: ${name}`,
    historyTitle: 'Change history',
    historyEmpty: 'No changes yet.',
    emptyValue: 'empty',
    steps: {
      submit: 'submitted for review',
      return: 'returned for correction',
      approve: 'approved',
      unlock: 'unlocked for corrections',
    },
  },
} as const;

/**
 * The words of `<eduset-data-entry>` in one language.
 *
 * @example
 * ```ts
 * import { dataEntryTexts, type DataEntryTexts } from '@eduset/widgets/staff';
 * const t: DataEntryTexts = dataEntryTexts.en;
 * ```
 */
export type DataEntryTexts = (typeof dataEntryTexts)[keyof typeof dataEntryTexts];
