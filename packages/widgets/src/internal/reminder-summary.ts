import type { ReminderResult } from '@eduset/core/indicators';

/**
 * The answer of a reminder request in people's words: whom the reminders were queued for,
 * who was already reminded today and who has no e-mail address (with their measures, for a
 * support reminder), Russian or English.
 *
 * @example
 * ```ts
 * import { reminderSummary } from './reminder-summary.js';
 * reminderSummary({ queued: [{ name: { ru: 'СОШ №1', en: 'School 1' } }], noAddress: [], alreadySent: [] }, 'ru');
 * // 'Напоминания отправлены: СОШ №1.'
 * ```
 */
export function reminderSummary(result: ReminderResult, lang: 'ru' | 'en'): string {
  const names = (list: ReminderResult['queued'], items = false) =>
    list
      .map(
        (entry) =>
          entry.name[lang] +
          (items && entry.items !== undefined && entry.items.length > 0
            ? ` (${entry.items.join('; ')})`
            : ''),
      )
      .join(', ');
  const ru = lang === 'ru';
  /** A sentence's end: a name ending with an initial («Смирнова О. П.») keeps its one dot. */
  const end = (text: string) => (text.endsWith('.') ? text : `${text}.`);
  const parts = [
    result.queued.length === 0
      ? ''
      : end(`${ru ? 'Напоминания отправлены' : 'Reminders sent'}: ${names(result.queued)}`),
    result.alreadySent.length === 0
      ? ''
      : end(
          `${ru ? 'Уже напоминали сегодня' : 'Already reminded today'}: ${names(result.alreadySent)}`,
        ),
    result.noAddress.length === 0
      ? ''
      : ru
        ? end(
            `Нет адреса почты — сообщите сами или добавьте адрес: ${names(result.noAddress, true)}`,
          )
        : end(
            `No e-mail address — tell them yourself or add one: ${names(result.noAddress, true)}`,
          ),
  ].filter((part) => part !== '');
  return parts.length === 0 ? (ru ? 'Напоминать некому.' : 'Nobody to remind.') : parts.join(' ');
}
