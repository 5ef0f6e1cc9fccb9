import { isoDateSchema } from '../common/iso-date.js';
import { localizedTextSchema, type LocalizedText } from '../common/labels.js';
import { requestIdSchema, requestTextSchema } from '../common/wire.js';
import { z } from '../common/zod-mini.js';
import { bookingContactSchema, optionalParentNoteSchema } from './booking.js';
import { instantSchema } from './instant.js';
import { maxSlotPeriodDays } from './slots-api.js';

export {
  maxSlotPeriodDays,
  slotSchema,
  slotsResponseSchema,
  type SlotsResponse,
} from './slots-api.js';
export {
  bookingAnswerSchema,
  bookingCreatedResponseSchema,
  type BookingAnswer,
  type BookingCreatedResponse,
} from './booking-answers.js';

// The wire contracts of the booking API: each request and answer of `/api/schedule`,
// `/api/slots`, `/api/bookings…` has its one schema here. The server declares them on its
// routes (validation, serialization and the OpenAPI description), the booking widget
// validates the answers with them.

const dayMs = 24 * 60 * 60 * 1000;

const childAgeQuery = z.pipe(
  z.string().check(
    z.refine((value) => /^\d{1,2}$/.test(value) && Number(value) <= 25, {
      params: {
        text: {
          ru: 'Возраст ребёнка — целое число лет от 0 до 25',
          en: "The child's age is a whole number of years from 0 to 25",
        },
      },
    }),
  ),
  z.transform(Number),
);

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs);
}

/**
 * Schema of the query of `GET /api/schedule` (and of `POST /api/bookings/:id/cancel`): the
 * network, needed only when several are stored.
 *
 * @example
 * ```ts
 * import { networkQueryOnlySchema } from '@eduset/core/schedule';
 * networkQueryOnlySchema.parse({ network: 'udomlya' });
 * ```
 */
export const networkQueryOnlySchema = z.strictObject({ network: z.optional(requestIdSchema) });

/**
 * Schema of the query of `GET /api/slots`: `serviceId`, the period `from`–`to` (civil dates,
 * at most 31 days, both included), and optionally `siteId`, `specialistId`, `childAge` and
 * `network`. Unknown parameters are reported.
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core';
 * import { slotsQuerySchema } from '@eduset/core/schedule';
 * parse(slotsQuerySchema, { serviceId: 'consultation', from: '2026-05-12', to: '2026-05-18', childAge: '4' });
 * ```
 */
export const slotsQuerySchema = z
  .strictObject({
    network: z.optional(requestIdSchema),
    serviceId: requestIdSchema,
    from: isoDateSchema,
    to: isoDateSchema,
    siteId: z.optional(requestIdSchema),
    specialistId: z.optional(requestIdSchema),
    childAge: z.optional(childAgeQuery),
  })
  .check(
    z.superRefine((query, context) => {
      const days = dayNumber(query.to) - dayNumber(query.from) + 1;
      if (days < 1) {
        context.addIssue({
          code: 'custom',
          path: ['to'],
          params: {
            text: {
              ru: 'Конец периода раньше его начала',
              en: 'The end of the period is before its start',
            },
          },
        });
      } else if (days > maxSlotPeriodDays) {
        context.addIssue({
          code: 'custom',
          path: ['to'],
          params: {
            text: {
              ru: `Период не может быть длиннее ${maxSlotPeriodDays} дня`,
              en: `The period cannot be longer than ${maxSlotPeriodDays} days`,
            },
          },
        });
      }
    }),
  );

/**
 * The validated query of `GET /api/slots`.
 *
 * @example
 * ```ts
 * import type { SlotsQuery } from '@eduset/core/schedule';
 * declare const query: SlotsQuery;
 * query.serviceId;
 * ```
 */
export type SlotsQuery = z.output<typeof slotsQuerySchema>;

const consentText: LocalizedText = {
  ru: 'Нужно согласие на обработку персональных данных (Федеральный закон № 152-ФЗ); без него запись невозможна',
  en: 'Consent to personal-data processing (Federal Law No. 152-FZ) is required; a booking cannot be made without it',
};

const requestContactSchema = bookingContactSchema.check(
  z.superRefine((contact, context) => {
    if (contact.name === '') {
      context.addIssue({
        code: 'custom',
        path: ['name'],
        params: { text: { ru: 'Укажите имя', en: 'Give a name' } },
      });
    }
    if (contact.phone === undefined && contact.email === undefined) {
      context.addIssue({
        code: 'custom',
        path: [],
        params: {
          text: {
            ru: 'Укажите телефон или адрес электронной почты',
            en: 'Give a phone number or an e-mail address',
          },
        },
      });
    }
  }),
);

/**
 * The most places one booking request may take (a parent booking a group for several
 * children); more is refused by the schema, so no one request holds a whole group.
 *
 * @example
 * ```ts
 * import { maxSeatsPerBooking } from '@eduset/core/schedule';
 * maxSeatsPerBooking; // 4
 * ```
 */
export const maxSeatsPerBooking = 4;

const seatsCapText: LocalizedText = {
  ru: `В одной записи — не больше ${maxSeatsPerBooking} мест`,
  en: `One booking takes at most ${maxSeatsPerBooking} places`,
};

/**
 * Schema of the body of `POST /api/bookings`: the slot (specialist, site, service, start,
 * end), the places taken (`seats`, 1 by default, at most {@link maxSeatsPerBooking}), the
 * child's age, a contact (a name and a phone or an e-mail), the consent to personal-data
 * processing (152-ФЗ), which must be `true`, and optionally a `note` for the specialist (plain
 * text, at most 500 characters). Every problem is reported at once; unknown fields are
 * reported too. The one schema of a booking request: the server validates with it, the widget
 * sends it.
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core';
 * import { bookingRequestSchema } from '@eduset/core/schedule';
 * parse(bookingRequestSchema, {
 *   specialistId: 'psy-ivanova', siteId: 'kp-teremok', serviceId: 'consultation',
 *   start: '2026-05-12T06:00:00Z', end: '2026-05-12T06:45:00Z', childAge: 4,
 *   contact: { name: 'Анна', phone: '8 912 345-67-89' }, personalDataConsent: true,
 * });
 * ```
 */
export const bookingRequestSchema = z.strictObject({
  network: z.optional(requestIdSchema),
  specialistId: requestIdSchema,
  siteId: requestIdSchema,
  serviceId: requestIdSchema,
  start: instantSchema,
  end: instantSchema,
  seats: z._default(
    z.int().check(
      z.gte(1),
      z.refine((seats) => seats <= maxSeatsPerBooking, { params: { text: seatsCapText } }),
    ),
    1,
  ),
  childAge: z.int().check(z.gte(0), z.lte(25)),
  contact: requestContactSchema,
  personalDataConsent: z
    .custom<true>((value) => value === true, { params: { text: consentText } })
    .check(z.meta({ type: 'boolean', const: true })),
  /** The version of the consent text the parent read (`GET /api/consent`); the current one if left out. */
  consentVersion: z.optional(requestTextSchema(64)),
  /** The parent's note for the specialist («Комментарий для специалиста»), up to 500 characters. */
  note: optionalParentNoteSchema,
});

/**
 * Schema of the headers of `POST /api/bookings` that eduset reads: `Idempotency-Key`, a key
 * the client makes for one booking attempt (a UUID or another opaque text of 1–100 visible
 * ASCII characters) and sends again on every retry of that attempt. A retried request with
 * the same key and the same body answers the booking stored the first time (the same booking
 * and manage token, header `Idempotent-Replayed: true`) instead of 409; the same key with
 * another body is refused with 422. Other headers pass through.
 *
 * @example
 * ```ts
 * import { bookingRequestHeadersSchema } from '@eduset/core/schedule';
 * bookingRequestHeadersSchema.parse({ 'idempotency-key': '6f1c2a5e-8d3b-4c1e-9a7f-2b4d6e8f0a1c' });
 * ```
 */
export const bookingRequestHeadersSchema = z.looseObject({
  'idempotency-key': z.optional(
    z.string().check(
      z.refine((key) => /^[\x21-\x7e]{1,100}$/.test(key), {
        params: {
          text: {
            ru: 'Ключ повтора (Idempotency-Key) — от 1 до 100 видимых символов ASCII, например UUID',
            en: 'The idempotency key (Idempotency-Key) is 1 to 100 visible ASCII characters, such as a UUID',
          },
        },
      }),
    ),
  ),
});

/**
 * The validated body of `POST /api/bookings`.
 *
 * @example
 * ```ts
 * import type { BookingRequest } from '@eduset/core/schedule';
 * declare const request: BookingRequest;
 * request.personalDataConsent; // true
 * ```
 */
export type BookingRequest = z.output<typeof bookingRequestSchema>;

/**
 * What a client sends as the body of `POST /api/bookings` (before defaults and
 * normalization).
 *
 * @example
 * ```ts
 * import type { BookingRequestInput } from '@eduset/core/schedule';
 * const body: BookingRequestInput = {
 *   specialistId: 'psy-smirnova', siteId: 'kp-teremok', serviceId: 'psychologist-consultation',
 *   start: '2026-05-12T06:30:00.000Z', end: '2026-05-12T07:15:00.000Z', childAge: 4,
 *   contact: { name: 'Анна', phone: '+79123456789' }, personalDataConsent: true,
 * };
 * ```
 */
export type BookingRequestInput = z.input<typeof bookingRequestSchema>;

/**
 * Schema of the answer of `POST /api/bookings` (202) when the service asks parents to confirm
 * a booking by e-mail before it holds the slot (`BOOKING_EMAIL_CONFIRMATION=on`): the request
 * is stored, not the booking; a confirmation link went to the parent's e-mail, and the slot is
 * taken only when she follows it before `expiresAt`. `message` says so in people's words.
 *
 * @example
 * ```ts
 * import { bookingPendingResponseSchema } from '@eduset/core/schedule';
 * declare const json: unknown;
 * const { expiresAt, message } = bookingPendingResponseSchema.parse(json);
 * ```
 */
export const bookingPendingResponseSchema = z.object({
  status: z.literal('awaiting-email-confirmation'),
  /** The id of the request (the `booking=` of the confirmation link). */
  requestId: z.string().check(z.minLength(1)),
  /** Until when the confirmation link works. */
  expiresAt: instantSchema,
  message: localizedTextSchema,
});

/**
 * The answer of `POST /api/bookings` (202) while a booking waits for the parent's e-mail
 * confirmation.
 *
 * @example
 * ```ts
 * import type { BookingPendingResponse } from '@eduset/core/schedule';
 * declare const answer: BookingPendingResponse;
 * answer.message.ru; // 'Мы отправили письмо …'
 * ```
 */
export type BookingPendingResponse = z.output<typeof bookingPendingResponseSchema>;

/**
 * Schema of the body of `POST /api/bookings/confirm`: the request id and the token of the
 * confirmation link the parent received by e-mail (`/confirm/#booking=<id>&token=<token>`).
 *
 * @example
 * ```ts
 * import { confirmBookingBodySchema } from '@eduset/core/schedule';
 * confirmBookingBodySchema.parse({ booking: '2f1c…', token: 'k3c…' });
 * ```
 */
export const confirmBookingBodySchema = z.strictObject({
  network: z.optional(requestIdSchema),
  booking: requestIdSchema,
  token: requestTextSchema(256),
});

/**
 * The body of `POST /api/bookings/confirm`.
 *
 * @example
 * ```ts
 * import type { ConfirmBookingBody } from '@eduset/core/schedule';
 * const body: ConfirmBookingBody = { booking: '2f1c…', token: 'k3c…' };
 * ```
 */
export type ConfirmBookingBody = z.output<typeof confirmBookingBodySchema>;

/**
 * Schema of the answer of `POST /api/bookings/:id/calendar`: a new calendar link, for the
 * holder of the cancel token (the previous calendar link stops working).
 *
 * @example
 * ```ts
 * import { calendarLinkResponseSchema } from '@eduset/core/schedule';
 * calendarLinkResponseSchema.parse({ calendarUrl: '/api/bookings/b-1.ics?token=t' });
 * ```
 */
export const calendarLinkResponseSchema = z.object({
  calendarUrl: z.string().check(z.minLength(1)),
});

/**
 * The answer of `POST /api/bookings/:id/calendar`.
 *
 * @example
 * ```ts
 * import type { CalendarLinkResponse } from '@eduset/core/schedule';
 * declare const answer: CalendarLinkResponse;
 * answer.calendarUrl;
 * ```
 */
export type CalendarLinkResponse = z.output<typeof calendarLinkResponseSchema>;

/**
 * Schema of the path of `POST /api/bookings/:id/cancel` and `GET /api/bookings/:id.ics`:
 * the booking's id.
 *
 * @example
 * ```ts
 * import { bookingIdParamsSchema } from '@eduset/core/schedule';
 * bookingIdParamsSchema.parse({ id: 'b-1' });
 * ```
 */
export const bookingIdParamsSchema = z.object({ id: requestIdSchema });

/**
 * Schema of the body of `POST /api/bookings/:id/cancel`: the secret token of the parent's
 * link (and the network, when several are stored).
 *
 * @example
 * ```ts
 * import { cancelBookingBodySchema } from '@eduset/core/schedule';
 * cancelBookingBodySchema.parse({ token: 'k3c…' });
 * ```
 */
export const cancelBookingBodySchema = z.strictObject({
  network: z.optional(requestIdSchema),
  token: requestTextSchema(256),
});

/**
 * Schema of the query of `GET /api/schedule.ics`: the site of the feed (and the network).
 *
 * @example
 * ```ts
 * import { scheduleFeedQuerySchema } from '@eduset/core/schedule';
 * scheduleFeedQuerySchema.parse({ site: 'kp-teremok' });
 * ```
 */
export const scheduleFeedQuerySchema = z.strictObject({
  network: z.optional(requestIdSchema),
  site: requestIdSchema,
});

/**
 * Schema of the query of `GET /api/bookings/:id.ics`: the booking's secret token (and the
 * network).
 *
 * @example
 * ```ts
 * import { bookingIcsQuerySchema } from '@eduset/core/schedule';
 * bookingIcsQuerySchema.parse({ token: 'k3c…' });
 * ```
 */
export const bookingIcsQuerySchema = z.strictObject({
  network: z.optional(requestIdSchema),
  token: requestTextSchema(200),
});
