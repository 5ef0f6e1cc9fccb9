import { z } from '../common/zod-mini.js';
import { instantSchema } from './instant.js';
import { timeZoneSchema } from './time-zone.js';

// The answer of `GET /api/slots`, apart from the request schemas of api.ts, so that a
// browser reading free slots does not load them (api.ts re-exports all of it).

/**
 * The longest period `GET /api/slots` answers for, in days (both ends included).
 *
 * @example
 * ```ts
 * import { maxSlotPeriodDays } from '@eduset/core/schedule';
 * maxSlotPeriodDays; // 31
 * ```
 */
export const maxSlotPeriodDays = 31;

/**
 * Schema of one free slot as `GET /api/slots` answers it: the specialist, site and service,
 * the UTC instants of its start and end, and the places still free.
 *
 * @example
 * ```ts
 * import { slotSchema } from '@eduset/core/schedule';
 * slotSchema.parse({
 *   specialistId: 'psy-1', siteId: 'kp-teremok', serviceId: 'consultation',
 *   start: '2026-05-12T06:30:00.000Z', end: '2026-05-12T07:00:00.000Z', seatsLeft: 1,
 * });
 * ```
 */
export const slotSchema = z
  .object({
    specialistId: z.string().check(z.minLength(1)),
    siteId: z.string().check(z.minLength(1)),
    serviceId: z.string().check(z.minLength(1)),
    start: instantSchema,
    end: instantSchema,
    seatsLeft: z.int().check(z.gte(1)),
  })
  .check(
    z.refine((slot) => slot.start < slot.end, {
      path: ['end'],
      params: {
        text: {
          ru: 'Конец слота должен быть позже начала',
          en: 'The end of a slot must be after its start',
        },
      },
    }),
  );

/**
 * Schema of the answer of `GET /api/slots`: the zone the server worked in and the free
 * slots.
 *
 * @example
 * ```ts
 * import { slotsResponseSchema } from '@eduset/core/schedule';
 * slotsResponseSchema.parse({ timeZone: 'Europe/Moscow', slots: [] }).slots.length; // 0
 * ```
 */
export const slotsResponseSchema = z.object({
  timeZone: timeZoneSchema,
  slots: z.array(slotSchema),
});

/**
 * The answer of `GET /api/slots`.
 *
 * @example
 * ```ts
 * import type { SlotsResponse } from '@eduset/core/schedule';
 * const answer: SlotsResponse = { timeZone: 'Europe/Moscow', slots: [] };
 * ```
 */
export type SlotsResponse = z.output<typeof slotsResponseSchema>;
