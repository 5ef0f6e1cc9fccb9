import { describe, expect, it } from 'vitest';
import { reminderSummary } from './reminder-summary.js';

const name = (ru: string, en = ru) => ({ name: { ru, en } });

describe('reminderSummary', () => {
  it('says whom it reminded, who was reminded already and who has no address, in words', () => {
    const result = {
      queued: [name('СОШ №1', 'School No. 1')],
      alreadySent: [name('Завуч Смирнова О. П.')],
      noAddress: [{ ...name('Психолог Петрова'), items: ['Консультации — МОУ Чебаковская СШ'] }],
    };
    expect(reminderSummary(result, 'ru')).toBe(
      'Напоминания отправлены: СОШ №1. Уже напоминали сегодня: Завуч Смирнова О. П. ' +
        'Нет адреса почты — сообщите сами или добавьте адрес: Психолог Петрова (Консультации — МОУ Чебаковская СШ).',
    );
    expect(reminderSummary(result, 'en')).toContain('Reminders sent: School No. 1.');
  });

  it('says so when there is nobody to remind', () => {
    const empty = { queued: [], alreadySent: [], noAddress: [] };
    expect(reminderSummary(empty, 'ru')).toBe('Напоминать некому.');
    expect(reminderSummary(empty, 'en')).toBe('Nobody to remind.');
  });
});
