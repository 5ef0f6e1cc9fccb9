import { pluralRu, type Lang } from '@eduset/core';

/**
 * The texts of `<eduset-programme-review>` in one language (the fields of a programme are in
 * the shared `programmeDeskTexts`).
 *
 * @example
 * ```ts
 * import { programmeReviewTexts } from '@eduset/widgets/staff';
 * programmeReviewTexts.ru.waiting(2); // '2 программы ждут решения'
 * ```
 */
export interface ProgrammeReviewTexts {
  readonly title: string;
  readonly intro: string;
  readonly show: string;
  readonly states: Readonly<Record<'submitted' | 'returned' | 'approved' | 'all', string>>;
  readonly waiting: (n: number) => string;
  readonly listed: (n: number) => string;
  readonly nothingWaiting: string;
  readonly open: (name: string, provider: string) => string;
  readonly since: (when: string) => string;
  readonly back: string;
  readonly editOfApproved: string;
  readonly newProgramme: string;
  readonly decision: string;
  readonly decisionHint: string;
  readonly normativeFor: (module: string) => string;
  readonly normativeHint: string;
  readonly approve: string;
  readonly approved: (name: string) => string;
  readonly remarks: string;
  readonly remarksHint: string;
  readonly remarksNeeded: string;
  readonly returnIt: string;
  readonly returned: (name: string) => string;
  readonly notUnderReview: string;
  readonly working: string;
}

const ru: ProgrammeReviewTexts = {
  title: 'Проверка программ',
  intro:
    'Поставщики присылают новые программы и изменения одобренных. Одобренная программа сразу появляется в навигаторе для семей; возвращённая уходит поставщику с вашими замечаниями.',
  show: 'Показать',
  states: {
    submitted: 'ждут решения',
    returned: 'возвращены на доработку',
    approved: 'одобрены',
    all: 'все',
  },
  waiting: (n) =>
    `${String(n)} ${pluralRu(n, { one: 'программа ждёт', few: 'программы ждут', many: 'программ ждут' })} решения`,
  listed: (n) =>
    `${String(n)} ${pluralRu(n, { one: 'программа', few: 'программы', many: 'программ' })}`,
  nothingWaiting: 'Нет программ, ждущих решения.',
  open: (name, provider) => `Открыть программу «${name}» (${provider})`,
  since: (when) => `прислана ${when}`,
  back: 'К списку',
  editOfApproved:
    'Это изменение уже одобренной программы: пока вы не решили, семьи видят прежнюю версию.',
  newProgramme: 'Новая программа: в навигаторе её ещё нет.',
  decision: 'Решение',
  decisionHint: 'Одобрите программу или верните её поставщику с замечаниями.',
  normativeFor: (module) => `Нормативная стоимость модуля «${module}», ₽`,
  normativeHint: 'Необязательно: оставьте пустым, чтобы не менять.',
  approve: 'Одобрить',
  approved: (name) => `Программа «${name}» одобрена и показана в навигаторе.`,
  remarks: 'Замечания для поставщика',
  remarksHint: 'Что исправить: поставщик увидит этот текст в своём кабинете.',
  remarksNeeded: 'Чтобы вернуть программу, напишите замечания.',
  returnIt: 'Вернуть на доработку',
  returned: (name) => `Программа «${name}» возвращена поставщику с замечаниями.`,
  notUnderReview: 'Программа сейчас не на проверке: решение уже принято или её отозвали.',
  working: 'Сохраняю решение…',
};

const en: ProgrammeReviewTexts = {
  title: 'Programme review',
  intro:
    'Providers send new programmes and changes of approved ones. An approved programme appears in the navigator for families at once; a returned one goes back to the provider with your remarks.',
  show: 'Show',
  states: {
    submitted: 'awaiting a decision',
    returned: 'returned for changes',
    approved: 'approved',
    all: 'all',
  },
  waiting: (n) => `${String(n)} ${n === 1 ? 'programme awaits' : 'programmes await'} a decision`,
  listed: (n) => `${String(n)} ${n === 1 ? 'programme' : 'programmes'}`,
  nothingWaiting: 'No programme awaits a decision.',
  open: (name, provider) => `Open the programme "${name}" (${provider})`,
  since: (when) => `sent ${when}`,
  back: 'Back to the list',
  editOfApproved:
    'This is a change of an approved programme: until you decide, families see the earlier version.',
  newProgramme: 'A new programme: it is not in the navigator yet.',
  decision: 'Decision',
  decisionHint: 'Approve the programme or return it to the provider with remarks.',
  normativeFor: (module) => `Normative cost of the module "${module}", ₽`,
  normativeHint: 'Optional: leave empty to keep it as it is.',
  approve: 'Approve',
  approved: (name) => `The programme "${name}" is approved and shown in the navigator.`,
  remarks: 'Remarks for the provider',
  remarksHint: 'What to change: the provider sees this text in its desk.',
  remarksNeeded: 'To return the programme, write the remarks.',
  returnIt: 'Return for changes',
  returned: (name) => `The programme "${name}" is returned to the provider with remarks.`,
  notUnderReview: 'The programme is not under review now: it was decided or withdrawn.',
  working: 'Saving the decision…',
};

/**
 * The texts of `<eduset-programme-review>` in Russian and English.
 *
 * @example
 * ```ts
 * import { programmeReviewTexts } from '@eduset/widgets/staff';
 * programmeReviewTexts.en.approve; // 'Approve'
 * ```
 */
export const programmeReviewTexts: Readonly<Record<Lang, ProgrammeReviewTexts>> = { ru, en };
