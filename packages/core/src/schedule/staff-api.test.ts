import { describe, expect, it } from 'vitest';
import { parse, ValidationError } from '../common/index.js';
import { bookingRequestSchema } from './api.js';
import { bookingSchema, eraseContact, parseBooking } from './booking.js';
import { instant } from './instant.js';
import {
  agendaIcsQuerySchema,
  agendaQuerySchema,
  attendanceBodySchema,
  consultationNoteBodySchema,
  consultationNoteSchema,
  maxAgendaPeriodDays,
  maxConsultationNoteLength,
} from './staff-api.js';

function pathsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => i.path.join('.'));
    throw error;
  }
  return [];
}

const request = {
  specialistId: 'speech-lebedeva',
  siteId: 'kp-korablik',
  serviceId: 'speech-therapist-consultation',
  start: '2026-09-08T06:00:00Z',
  end: '2026-09-08T06:45:00Z',
  childAge: 4,
  contact: { name: 'Анна', phone: '+79120000001' },
  personalDataConsent: true,
};

describe('the parent’s note in a booking request', () => {
  it('is optional, trimmed, and a blank one counts as none', () => {
    expect(parse(bookingRequestSchema, request).note).toBeUndefined();
    expect(parse(bookingRequestSchema, { ...request, note: '   ' }).note).toBeUndefined();
    expect(parse(bookingRequestSchema, { ...request, note: ' Не выговаривает «р» ' }).note).toBe(
      'Не выговаривает «р»',
    );
  });

  it('refuses more than 500 characters and the NUL character, at its path', () => {
    expect(
      pathsOf(() => parse(bookingRequestSchema, { ...request, note: 'я'.repeat(501) })),
    ).toEqual(['note']);
    expect(parse(bookingRequestSchema, { ...request, note: 'я'.repeat(500) }).note).toHaveLength(
      500,
    );
    expect(pathsOf(() => parse(bookingRequestSchema, { ...request, note: 'a\u0000b' }))).toEqual([
      'note',
    ]);
    expect(pathsOf(() => parse(bookingRequestSchema, { ...request, note: 42 }))).toEqual(['note']);
  });
});

describe('the parent’s note in a stored booking', () => {
  const stored = parseBooking({
    ...request,
    id: 'b-1',
    note: 'Ребёнок стесняется',
    status: 'confirmed',
    history: [{ from: 'requested', to: 'confirmed', at: '2026-09-01T09:00:00Z', by: 'system' }],
    createdAt: '2026-09-01T09:00:00Z',
    updatedAt: '2026-09-01T09:00:00Z',
  });

  it('is kept, and erased with the contact (the input is not changed)', () => {
    expect(stored.note).toBe('Ребёнок стесняется');
    const erased = eraseContact(stored, instant('2027-09-01T00:00:00Z'));
    expect(erased.note).toBeUndefined();
    expect('note' in erased).toBe(false);
    expect(erased.contactErased).toBe(true);
    expect(stored.note).toBe('Ребёнок стесняется');
  });

  it('an erased booking that still holds a note does not pass', () => {
    const erased = eraseContact(stored, instant('2027-09-01T00:00:00Z'));
    expect(bookingSchema.safeParse({ ...erased, note: 'осталось' }).success).toBe(false);
  });
});

describe('the agenda query', () => {
  it('takes a period of up to 31 days, a site and a specialist', () => {
    const query = parse(agendaQuerySchema, {
      from: '2026-09-07',
      to: '2026-10-07',
      siteId: 'kp-korablik',
      specialistId: 'speech-lebedeva',
    });
    expect(query).toEqual({
      from: '2026-09-07',
      to: '2026-10-07',
      siteId: 'kp-korablik',
      specialistId: 'speech-lebedeva',
    });
    expect(parse(agendaQuerySchema, {})).toEqual({});
    expect(parse(agendaQuerySchema, { from: '2026-09-07' })).toEqual({ from: '2026-09-07' });
  });

  it('refuses a reversed or too long period, an end without a start, unknown and NUL parameters', () => {
    expect(
      pathsOf(() => parse(agendaQuerySchema, { from: '2026-09-08', to: '2026-09-07' })),
    ).toEqual(['to']);
    const tooLong = {
      from: '2026-09-01',
      to: `2026-10-${String(maxAgendaPeriodDays + 1).padStart(2, '0')}`,
    };
    expect(pathsOf(() => parse(agendaQuerySchema, tooLong))).toEqual(['to']);
    expect(pathsOf(() => parse(agendaQuerySchema, { to: '2026-09-07' }))).toEqual(['from']);
    expect(pathsOf(() => parse(agendaQuerySchema, { siteId: 'kp\u0000' }))).toEqual(['siteId']);
    expect(pathsOf(() => parse(agendaQuerySchema, { span: 'week' }))).toEqual(['']);
    expect(pathsOf(() => parse(agendaIcsQuerySchema, { date: '2026-02-30' }))).toEqual(['date']);
  });
});

describe('attendance and the private note', () => {
  it('attendance is attended or no-show', () => {
    expect(attendanceBodySchema.safeParse({ outcome: 'attended' }).success).toBe(true);
    expect(attendanceBodySchema.safeParse({ outcome: 'no-show' }).success).toBe(true);
    expect(attendanceBodySchema.safeParse({ outcome: 'cancelled-by-site' }).success).toBe(false);
    expect(attendanceBodySchema.safeParse({}).success).toBe(false);
  });

  it('a note is trimmed; empty removes it; too long or with NUL is refused', () => {
    expect(parse(consultationNoteBodySchema, { text: '  Итог: ок  ' }).text).toBe('Итог: ок');
    expect(parse(consultationNoteBodySchema, { text: '' }).text).toBe('');
    expect(
      consultationNoteBodySchema.safeParse({ text: 'я'.repeat(maxConsultationNoteLength + 1) })
        .success,
    ).toBe(false);
    expect(consultationNoteBodySchema.safeParse({ text: 'a\u0000' }).success).toBe(false);
    expect(consultationNoteBodySchema.safeParse({}).success).toBe(false);
    expect(
      consultationNoteSchema.safeParse({
        bookingId: 'b-1',
        text: 'x',
        authorName: 'Лебедева А. С.',
        updatedAt: '2026-09-08T07:00:00.000Z',
      }).success,
    ).toBe(true);
  });
});
