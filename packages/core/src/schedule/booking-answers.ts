import { z } from '../common/zod-mini.js';
import { bookingRecordSchema } from './booking.js';

// The answers of `POST /api/bookings` and `POST /api/bookings/:id/cancel`, apart from the
// request schemas of api.ts, so that a browser reading them does not load those (api.ts
// re-exports all of it).

/**
 * Schema of the answer of `POST /api/bookings` (201): the stored booking, its secret cancel
 * (manage) token, the address to cancel it, and `calendarUrl` — its iCalendar file, opened by
 * a separate calendar token that can only read it (no contact in it), so the link may be
 * handed to a calendar application without handing over the power to cancel.
 *
 * @example
 * ```ts
 * import { bookingCreatedResponseSchema } from '@eduset/core/schedule';
 * declare const json: unknown;
 * const { booking, calendarUrl } = bookingCreatedResponseSchema.parse(json);
 * ```
 */
export const bookingCreatedResponseSchema = z.object({
  booking: bookingRecordSchema,
  cancelToken: z.string().check(z.minLength(1)),
  cancelUrl: z.string().check(z.minLength(1)),
  calendarUrl: z.string().check(z.minLength(1)),
});

/**
 * The answer of `POST /api/bookings`.
 *
 * @example
 * ```ts
 * import type { BookingCreatedResponse } from '@eduset/core/schedule';
 * declare const answer: BookingCreatedResponse;
 * await fetch(answer.cancelUrl, { method: 'POST', body: JSON.stringify({ token: answer.cancelToken }) });
 * ```
 */
export type BookingCreatedResponse = z.output<typeof bookingCreatedResponseSchema>;

/**
 * Schema of the answer of `POST /api/bookings/:id/cancel`: `{ booking }` with its new status.
 *
 * @example
 * ```ts
 * import { bookingAnswerSchema } from '@eduset/core/schedule';
 * declare const json: unknown;
 * bookingAnswerSchema.parse(json).booking.status; // 'cancelled-by-parent'
 * ```
 */
export const bookingAnswerSchema = z.object({ booking: bookingRecordSchema });

/**
 * The answer of `POST /api/bookings/:id/cancel`.
 *
 * @example
 * ```ts
 * import type { BookingAnswer } from '@eduset/core/schedule';
 * declare const answer: BookingAnswer;
 * answer.booking.status;
 * ```
 */
export type BookingAnswer = z.output<typeof bookingAnswerSchema>;
