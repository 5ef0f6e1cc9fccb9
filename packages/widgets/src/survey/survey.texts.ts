import type { Lang } from '@eduset/core';

/**
 * The texts of `<eduset-survey>` in one language.
 *
 * @example
 * ```ts
 * import { surveyTexts } from '@eduset/widgets';
 * surveyTexts.ru.charactersLeft(1000); // 'Осталось 1000 знаков'
 * ```
 */
export interface SurveyTexts {
  readonly title: string;
  readonly consultation: string;
  readonly when: string;
  readonly where: string;
  readonly satisfiedQuestion: string;
  readonly yes: string;
  readonly no: string;
  readonly scoreQuestion: string;
  readonly scoreHint: string;
  readonly scoreNames: readonly string[];
  readonly comment: string;
  readonly commentHint: string;
  readonly charactersLeft: (count: number) => string;
  readonly submit: string;
  readonly sending: string;
  readonly loading: string;
  readonly chooseSatisfied: string;
  readonly chooseScore: string;
  readonly errorsTitle: string;
  readonly thanksTitle: string;
  readonly thanks: string;
  readonly answeredTitle: string;
  readonly answered: string;
  readonly notAttendedTitle: string;
  readonly notAttended: string;
  readonly notFoundTitle: string;
  readonly notFound: string;
  readonly noLink: string;
  readonly rateLimited: string;
  readonly failed: string;
  readonly retry: string;
  readonly anonymous: string;
}

function ruPlural(count: number, one: string, few: string, many: string): string {
  const form = new Intl.PluralRules('ru').select(count);
  return form === 'one' ? one : form === 'few' ? few : many;
}

/**
 * Russian and English texts of `<eduset-survey>` (the same keys in both; a test checks it).
 *
 * @example
 * ```ts
 * import { surveyTexts } from '@eduset/widgets';
 * surveyTexts.en.submit; // 'Send the answer'
 * ```
 */
export const surveyTexts: Readonly<Record<Lang, SurveyTexts>> = {
  ru: {
    title: 'Как прошла консультация?',
    consultation: 'Консультация',
    when: 'Когда',
    where: 'Где',
    satisfiedQuestion: 'Вы довольны консультацией?',
    yes: 'Да',
    no: 'Нет',
    scoreQuestion: 'Оцените консультацию от 1 до 5',
    scoreHint: '1 — очень плохо, 5 — отлично',
    scoreNames: [
      '1 — очень плохо',
      '2 — плохо',
      '3 — удовлетворительно',
      '4 — хорошо',
      '5 — отлично',
    ],
    comment: 'Комментарий (необязательно)',
    commentHint:
      'Что было полезно, что улучшить. Не пишите имён, телефонов и адресов: ответ анонимный.',
    charactersLeft: (count) =>
      `${ruPlural(count, 'Остался', 'Осталось', 'Осталось')} ${count} ${ruPlural(count, 'знак', 'знака', 'знаков')}`,
    submit: 'Отправить ответ',
    sending: 'Отправляем ответ…',
    loading: 'Загружаем опрос…',
    chooseSatisfied: 'Выберите «Да» или «Нет»',
    chooseScore: 'Выберите оценку от 1 до 5',
    errorsTitle: 'Проверьте ответ',
    thanksTitle: 'Спасибо за ответ!',
    thanks: 'Ваш ответ сохранён. Он поможет службе работать лучше.',
    answeredTitle: 'Вы уже ответили на этот опрос',
    answered: 'По одной консультации принимается один ответ. Спасибо!',
    notAttendedTitle: 'Опрос пока закрыт',
    notAttended:
      'Опрос открывается после консультации. Если консультация не состоялась, отвечать не нужно.',
    notFoundTitle: 'Опрос не найден',
    notFound:
      'Ссылка неверна или устарела. Откройте ссылку из письма целиком или обратитесь на площадку.',
    noLink: 'В адресе страницы нет ссылки на опрос. Откройте ссылку из письма.',
    rateLimited: 'Слишком много попыток. Подождите минуту и попробуйте снова.',
    failed: 'Не удалось связаться с сервером. Проверьте подключение и попробуйте ещё раз.',
    retry: 'Повторить',
    anonymous: 'Ответ сохраняется без имени, телефона и адреса электронной почты.',
  },
  en: {
    title: 'How was the consultation?',
    consultation: 'Consultation',
    when: 'When',
    where: 'Where',
    satisfiedQuestion: 'Are you satisfied with the consultation?',
    yes: 'Yes',
    no: 'No',
    scoreQuestion: 'Rate the consultation from 1 to 5',
    scoreHint: '1 — very bad, 5 — excellent',
    scoreNames: ['1 — very bad', '2 — bad', '3 — fair', '4 — good', '5 — excellent'],
    comment: 'Comment (optional)',
    commentHint:
      'What helped, what to improve. Do not write names, phone numbers or addresses: the answer is anonymous.',
    charactersLeft: (count) => `${count} ${count === 1 ? 'character' : 'characters'} left`,
    submit: 'Send the answer',
    sending: 'Sending the answer…',
    loading: 'Loading the survey…',
    chooseSatisfied: 'Choose «Yes» or «No»',
    chooseScore: 'Choose a score from 1 to 5',
    errorsTitle: 'Check the answer',
    thanksTitle: 'Thank you for your answer!',
    thanks: 'Your answer is saved. It helps the service work better.',
    answeredTitle: 'You have already answered this survey',
    answered: 'One answer is taken per consultation. Thank you!',
    notAttendedTitle: 'The survey is not open yet',
    notAttended:
      'The survey opens after the consultation. If the consultation did not take place, there is nothing to answer.',
    notFoundTitle: 'Survey not found',
    notFound:
      'The link is wrong or out of date. Open the whole link from the e-mail, or contact the site.',
    noLink: 'The page address holds no survey link. Open the link from the e-mail.',
    rateLimited: 'Too many attempts. Please wait a minute and try again.',
    failed: 'Could not reach the server. Check the connection and try again.',
    retry: 'Try again',
    anonymous: 'The answer is kept without a name, a phone number or an e-mail address.',
  },
};
