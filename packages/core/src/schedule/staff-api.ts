import { isoDateSchema } from '../common/iso-date.js';
import { localizedTextSchema, type LocalizedText } from '../common/labels.js';
import { requestIdSchema, requestTextSchema } from '../common/wire.js';
import { z } from '../common/zod.js';
import { timeZoneSchema } from './availability.js';
import { bookingStatusSchema, maxParentNoteLength } from './booking.js';
import { instantSchema } from './instant.js';

// The wire contracts of the staff agenda: `GET /api/staff/agenda`, `GET /api/staff/agenda.ics`,
// `POST /api/staff/bookings/:id/attendance` and `GET|PUT /api/staff/bookings/:id/note`. The
// server declares them on its routes, `<eduset-staff-agenda>` validates the answers with them.

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The longest period `GET /api/staff/agenda` answers for, in days (both ends included).
 *
 * @example
 * ```ts
 * import { maxAgendaPeriodDays } from '@eduset/core/schedule';
 * maxAgendaPeriodDays; // 31
 * ```
 */
export const maxAgendaPeriodDays = 31;

/**
 * The longest private note of a specialist on one consultation, in characters.
 *
 * @example
 * ```ts
 * import { maxConsultationNoteLength } from '@eduset/core/schedule';
 * maxConsultationNoteLength; // 4000
 * ```
 */
export const maxConsultationNoteLength = 4000;

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs);
}

function periodIssue(text: LocalizedText, path: string) {
  return { code: 'custom' as const, path: [path], message: text.en, params: { text } };
}

/**
 * Schema of the query of `GET /api/staff/agenda`: the period `from`–`to` (civil dates in the
 * network's zone, both included, at most {@link maxAgendaPeriodDays} days; `from` is today by
 * default and `to` is `from` by default), and optionally one `siteId` or `specialistId` (or
 * both) and the `network`. Unknown parameters are reported.
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core';
 * import { agendaQuerySchema } from '@eduset/core/schedule';
 * parse(agendaQuerySchema, { from: '2026-09-07', to: '2026-09-13', siteId: 'kp-korablik' });
 * ```
 */
export const agendaQuerySchema = z
  .strictObject({
    network: z.optional(requestIdSchema),
    from: z.optional(isoDateSchema),
    to: z.optional(isoDateSchema),
    siteId: z.optional(requestIdSchema),
    specialistId: z.optional(requestIdSchema),
  })
  .superRefine((query, context) => {
    if (query.to === undefined) return;
    if (query.from === undefined) {
      context.addIssue(
        periodIssue(
          {
            ru: 'Укажите начало периода (from) вместе с его концом (to)',
            en: 'Give the start of the period (from) together with its end (to)',
          },
          'from',
        ),
      );
      return;
    }
    const days = dayNumber(query.to) - dayNumber(query.from) + 1;
    if (days < 1) {
      context.addIssue(
        periodIssue(
          {
            ru: 'Конец периода раньше его начала',
            en: 'The end of the period is before its start',
          },
          'to',
        ),
      );
    } else if (days > maxAgendaPeriodDays) {
      context.addIssue(
        periodIssue(
          {
            ru: `Период не может быть длиннее ${maxAgendaPeriodDays} дня`,
            en: `The period cannot be longer than ${maxAgendaPeriodDays} days`,
          },
          'to',
        ),
      );
    }
  });

/**
 * The validated query of `GET /api/staff/agenda`.
 *
 * @example
 * ```ts
 * import type { AgendaQuery } from '@eduset/core/schedule';
 * const query: AgendaQuery = { specialistId: 'speech-lebedeva' };
 * ```
 */
export type AgendaQuery = z.output<typeof agendaQuerySchema>;

/**
 * Schema of the query of `GET /api/staff/agenda.ics`: one civil `date` (today in the
 * network's zone by default), optionally a `siteId` and/or `specialistId`, and the `network`.
 *
 * @example
 * ```ts
 * import { agendaIcsQuerySchema } from '@eduset/core/schedule';
 * agendaIcsQuerySchema.parse({ date: '2026-09-08', specialistId: 'speech-lebedeva' });
 * ```
 */
export const agendaIcsQuerySchema = z.strictObject({
  network: z.optional(requestIdSchema),
  date: z.optional(isoDateSchema),
  siteId: z.optional(requestIdSchema),
  specialistId: z.optional(requestIdSchema),
});

/**
 * The validated query of `GET /api/staff/agenda.ics`.
 *
 * @example
 * ```ts
 * import type { AgendaIcsQuery } from '@eduset/core/schedule';
 * const query: AgendaIcsQuery = { siteId: 'kp-korablik' };
 * ```
 */
export type AgendaIcsQuery = z.output<typeof agendaIcsQuerySchema>;

/**
 * Schema of a place the agenda can be narrowed to (a site or a specialist): its id and name.
 *
 * @example
 * ```ts
 * import { agendaPlaceSchema } from '@eduset/core/schedule';
 * agendaPlaceSchema.parse({ id: 'kp-korablik', name: 'Консультационный пункт «Кораблик»' });
 * ```
 */
export const agendaPlaceSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
});

/**
 * A site or a specialist the agenda can be narrowed to.
 *
 * @example
 * ```ts
 * import type { AgendaPlace } from '@eduset/core/schedule';
 * const site: AgendaPlace = { id: 'kp-korablik', name: 'Консультационный пункт «Кораблик»' };
 * ```
 */
export type AgendaPlace = z.output<typeof agendaPlaceSchema>;

/**
 * Schema of one consultation in the staff agenda. `contact` (the parent's name, phone and
 * e-mail) and `parentNote` (her note for the specialist) are there only for a role that may
 * read parents' contacts on this booking (`booking.contact.read`); `canChange` tells whether
 * the asker may mark it attended or a no-show, cancel or move it (`booking.write`);
 * `noteAccess` whether she may read and write the private consultation note
 * (`consultation.note.read`), and `hasNote` whether one is written (always `false` without
 * `noteAccess`). The note itself is read with `GET /api/staff/bookings/:id/note`.
 *
 * @example
 * ```ts
 * import { agendaConsultationSchema } from '@eduset/core/schedule';
 * declare const json: unknown;
 * const consultation = agendaConsultationSchema.parse(json);
 * consultation.contact?.phone;
 * ```
 */
export const agendaConsultationSchema = z.object({
  id: z.string().min(1),
  start: instantSchema,
  end: instantSchema,
  status: bookingStatusSchema,
  /** The status in people's words (Russian and English). */
  statusName: localizedTextSchema,
  organizationId: z.string().min(1).optional(),
  siteId: z.string().min(1),
  siteName: z.string().min(1).optional(),
  specialistId: z.string().min(1),
  specialistName: z.string().min(1).optional(),
  serviceId: z.string().min(1),
  serviceName: z.optional(localizedTextSchema),
  seats: z.number().int().min(1),
  childAge: z.number().int().min(0).max(25),
  contactErased: z.boolean(),
  contact: z
    .object({
      name: z.string(),
      phone: z.string().optional(),
      email: z.string().optional(),
    })
    .optional(),
  parentNote: z.string().min(1).max(maxParentNoteLength).optional(),
  canChange: z.boolean(),
  noteAccess: z.boolean(),
  hasNote: z.boolean(),
});

/**
 * One consultation in the staff agenda (see {@link agendaConsultationSchema}).
 *
 * @example
 * ```ts
 * import type { AgendaConsultation } from '@eduset/core/schedule';
 * declare const consultation: AgendaConsultation;
 * consultation.statusName.ru;
 * ```
 */
export type AgendaConsultation = z.output<typeof agendaConsultationSchema>;

/**
 * Schema of the answer of `GET /api/staff/agenda`: the network, the period shown (`from`–`to`,
 * both included), the server's `today` and `now` in the network's `timeZone`, the sites and
 * specialists the asker may narrow the agenda to (her scope), and the consultations she may
 * see in the period, by start.
 *
 * @example
 * ```ts
 * import { agendaResponseSchema } from '@eduset/core/schedule';
 * declare const json: unknown;
 * const agenda = agendaResponseSchema.parse(json);
 * agenda.consultations.filter((c) => c.status === 'attended').length;
 * ```
 */
export const agendaResponseSchema = z.object({
  networkId: z.string().min(1),
  from: isoDateSchema,
  to: isoDateSchema,
  today: isoDateSchema,
  now: instantSchema,
  timeZone: timeZoneSchema,
  sites: z.array(agendaPlaceSchema),
  specialists: z.array(agendaPlaceSchema),
  consultations: z.array(agendaConsultationSchema),
});

/**
 * The answer of `GET /api/staff/agenda`.
 *
 * @example
 * ```ts
 * import type { AgendaResponse } from '@eduset/core/schedule';
 * declare const agenda: AgendaResponse;
 * `${agenda.from} – ${agenda.to}: ${agenda.consultations.length}`;
 * ```
 */
export type AgendaResponse = z.output<typeof agendaResponseSchema>;

/**
 * How a consultation went, as staff mark it: it took place, or the family did not come.
 *
 * @example
 * ```ts
 * import { attendanceOutcomes } from '@eduset/core/schedule';
 * attendanceOutcomes; // ['attended', 'no-show']
 * ```
 */
export const attendanceOutcomes = ['attended', 'no-show'] as const;

/**
 * How a consultation went. @example `const outcome: AttendanceOutcome = 'no-show';`
 */
export type AttendanceOutcome = (typeof attendanceOutcomes)[number];

/**
 * Schema of the body of `POST /api/staff/bookings/:id/attendance`: the `outcome` (and the
 * network, when the asker works in several).
 *
 * @example
 * ```ts
 * import { attendanceBodySchema } from '@eduset/core/schedule';
 * attendanceBodySchema.parse({ outcome: 'attended' });
 * ```
 */
export const attendanceBodySchema = z.strictObject({
  network: z.optional(requestIdSchema),
  outcome: z.enum(attendanceOutcomes),
});

/**
 * The validated body of `POST /api/staff/bookings/:id/attendance`.
 *
 * @example
 * ```ts
 * import type { AttendanceBody } from '@eduset/core/schedule';
 * const body: AttendanceBody = { outcome: 'attended' };
 * ```
 */
export type AttendanceBody = z.output<typeof attendanceBodySchema>;

/**
 * Schema of the answer of `POST /api/staff/bookings/:id/attendance`: the booking's id and
 * its new status, with the status in people's words.
 *
 * @example
 * ```ts
 * import { attendanceAnswerSchema } from '@eduset/core/schedule';
 * attendanceAnswerSchema.parse({
 *   id: 'b-1', status: 'attended', statusName: { ru: 'состоялась', en: 'attended' },
 * });
 * ```
 */
export const attendanceAnswerSchema = z.object({
  id: z.string().min(1),
  status: bookingStatusSchema,
  statusName: localizedTextSchema,
});

/**
 * The answer of `POST /api/staff/bookings/:id/attendance`.
 *
 * @example
 * ```ts
 * import type { AttendanceAnswer } from '@eduset/core/schedule';
 * declare const answer: AttendanceAnswer;
 * answer.statusName.ru;
 * ```
 */
export type AttendanceAnswer = z.output<typeof attendanceAnswerSchema>;

/**
 * Schema of a specialist's private note on a consultation: the text, who wrote it last and
 * when. Only the specialist of the consultation and the coordinator may read or write it.
 *
 * @example
 * ```ts
 * import { consultationNoteSchema } from '@eduset/core/schedule';
 * consultationNoteSchema.parse({
 *   bookingId: 'b-1', text: 'Повторная встреча через месяц', authorName: 'Лебедева А. С.',
 *   updatedAt: '2026-09-08T07:00:00.000Z',
 * });
 * ```
 */
export const consultationNoteSchema = z.object({
  bookingId: z.string().min(1),
  text: z.string().min(1).max(maxConsultationNoteLength),
  authorName: z.string().min(1),
  updatedAt: instantSchema,
});

/**
 * A specialist's private note on a consultation.
 *
 * @example
 * ```ts
 * import type { ConsultationNote } from '@eduset/core/schedule';
 * declare const note: ConsultationNote;
 * `${note.authorName}, ${note.updatedAt}: ${note.text}`;
 * ```
 */
export type ConsultationNote = z.output<typeof consultationNoteSchema>;

/**
 * Schema of the answer of `GET` and `PUT /api/staff/bookings/:id/note`: the note, or `null`
 * when none is written.
 *
 * @example
 * ```ts
 * import { consultationNoteAnswerSchema } from '@eduset/core/schedule';
 * consultationNoteAnswerSchema.parse({ note: null }).note; // null
 * ```
 */
export const consultationNoteAnswerSchema = z.object({
  note: consultationNoteSchema.nullable(),
});

/**
 * The answer of `GET` and `PUT /api/staff/bookings/:id/note`.
 *
 * @example
 * ```ts
 * import type { ConsultationNoteAnswer } from '@eduset/core/schedule';
 * declare const answer: ConsultationNoteAnswer;
 * answer.note?.text ?? '';
 * ```
 */
export type ConsultationNoteAnswer = z.output<typeof consultationNoteAnswerSchema>;

/**
 * Schema of the body of `PUT /api/staff/bookings/:id/note`: the whole new text (trimmed, at
 * most {@link maxConsultationNoteLength} characters, never the NUL character); an empty text
 * removes the note.
 *
 * @example
 * ```ts
 * import { consultationNoteBodySchema } from '@eduset/core/schedule';
 * consultationNoteBodySchema.parse({ text: '  ' }).text; // '' — removes the note
 * ```
 */
export const consultationNoteBodySchema = z.strictObject({
  network: z.optional(requestIdSchema),
  text: requestTextSchema(maxConsultationNoteLength, 0),
});

/**
 * The validated body of `PUT /api/staff/bookings/:id/note`.
 *
 * @example
 * ```ts
 * import type { ConsultationNoteBody } from '@eduset/core/schedule';
 * const body: ConsultationNoteBody = { text: 'Повторная встреча через месяц' };
 * ```
 */
export type ConsultationNoteBody = z.output<typeof consultationNoteBodySchema>;
