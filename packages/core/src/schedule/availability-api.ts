import { isoDateSchema } from '../common/iso-date.js';
import { localizedTextSchema } from '../common/labels.js';
import { requestIdSchema, requestTextSchema } from '../common/wire.js';
import { z } from '../common/zod.js';
import { availabilitySchema, timeZoneSchema } from './availability.js';
import { bookingStatusSchema } from './booking.js';
import { instantSchema } from './instant.js';
import { officialCalendarSchema, serviceBookingRulesSchema } from './network-schedule.js';
import { vacationSchema } from './slots.js';

// The wire contracts of the availability editor: `GET /api/staff/availability`,
// `POST /api/staff/availability/preview` and `PUT /api/staff/availability`. The server
// declares them on its routes; `<eduset-availability-editor>` validates the answers with them.

/**
 * Schema of the query of `GET /api/staff/availability`: whose part of the schedule
 * (`specialistId`; the signed-in specialist's own when left out) and the network, needed only
 * when the person works in several.
 *
 * @example
 * ```ts
 * import { staffAvailabilityQuerySchema } from '@eduset/core/schedule';
 * staffAvailabilityQuerySchema.parse({ specialistId: 'speech-lebedeva' });
 * ```
 */
export const staffAvailabilityQuerySchema = z.strictObject({
  network: z.optional(requestIdSchema),
  specialistId: z.optional(requestIdSchema),
});

/**
 * The query of `GET /api/staff/availability`. @example `const query: StaffAvailabilityQuery = { specialistId: 'psy-1' };`
 */
export type StaffAvailabilityQuery = z.output<typeof staffAvailabilityQuerySchema>;

const namedSchema = z.object({ id: z.string().min(1), name: z.string().min(1) });

/**
 * Schema of the answer of `GET /api/staff/availability`: the schedule's revision (to send back
 * when publishing), the specialists the person may edit, the chosen specialist's
 * availabilities and vacations, the booking rules of the network's services, the sites and
 * services by name, which official calendar applies and what the person may change
 * (`mayEditRules`: service-wide rules; `editableSiteIds`: the sites whose hours she may change
 * for this specialist; `sessionSiteIds`: the sites whose own session length she may set).
 *
 * @example
 * ```ts
 * import type { StaffAvailability } from '@eduset/core/schedule';
 * declare const answer: StaffAvailability;
 * answer.availabilities.filter((entry) => entry.siteId === 'kp-korablik').length;
 * ```
 */
export const staffAvailabilitySchema = z.object({
  networkId: z.string().min(1),
  revision: z.number().int().min(0),
  timeZone: timeZoneSchema,
  specialistId: z.string().min(1).nullable(),
  specialists: z.array(namedSchema),
  sites: z.array(namedSchema.extend({ timeZone: z.string().min(1) })),
  services: z.array(z.object({ id: z.string().min(1), name: localizedTextSchema })),
  availabilities: z.array(availabilitySchema),
  vacations: z.array(vacationSchema),
  bookingRules: z.array(serviceBookingRulesSchema),
  officialCalendar: officialCalendarSchema,
  mayEditRules: z.boolean(),
  editableSiteIds: z.array(z.string().min(1)),
  sessionSiteIds: z.array(z.string().min(1)),
});

/**
 * The answer of `GET /api/staff/availability`. @example `declare const answer: StaffAvailability;`
 */
export type StaffAvailability = z.output<typeof staffAvailabilitySchema>;

/**
 * Schema of a proposed change of one specialist's part of the schedule (the body of
 * `POST /api/staff/availability/preview`): all her availabilities and vacations as they
 * should be, optionally the booking rules of services to replace, and the revision the
 * editor started from.
 *
 * @example
 * ```ts
 * import { availabilityChangeSchema } from '@eduset/core/schedule';
 * availabilityChangeSchema.parse({
 *   specialistId: 'speech-lebedeva', revision: 3, availabilities: [],
 *   vacations: [{ specialistId: 'speech-lebedeva', from: '2026-07-01', to: '2026-07-14' }],
 * });
 * ```
 */
export const availabilityChangeSchema = z.strictObject({
  network: z.optional(requestIdSchema),
  specialistId: requestIdSchema,
  revision: z.number().int().min(0).optional(),
  availabilities: z.array(availabilitySchema).max(500),
  vacations: z.array(vacationSchema).max(200),
  bookingRules: z.array(serviceBookingRulesSchema).max(200).optional(),
});

/**
 * A proposed change. @example `const change: AvailabilityChange = availabilityChangeSchema.parse(json);`
 */
export type AvailabilityChange = z.output<typeof availabilityChangeSchema>;

/**
 * A proposed change as the editor sends it (defaults not yet applied). @example `const input: AvailabilityChangeInput = { specialistId: 'psy-1', availabilities: [], vacations: [] };`
 */
export type AvailabilityChangeInput = z.input<typeof availabilityChangeSchema>;

/**
 * Schema of one booked consultation a change would hit, for the person deciding: its id,
 * time (instants, and the civil date and local times in the site's zone), site, service,
 * status, seats, the child's age and the parent's contact — only where the person may see it.
 *
 * @example
 * ```ts
 * import type { HitBooking } from '@eduset/core/schedule';
 * declare const hit: HitBooking;
 * `${hit.date} ${hit.startTime}–${hit.endTime}`;
 * ```
 */
export const hitBookingSchema = z.object({
  id: z.string().min(1),
  start: instantSchema,
  end: instantSchema,
  date: isoDateSchema,
  startTime: z.string(),
  endTime: z.string(),
  timeZone: z.string().min(1),
  specialistId: z.string().min(1),
  siteId: z.string().min(1),
  siteName: z.string().optional(),
  serviceId: z.string().min(1),
  serviceName: z.optional(localizedTextSchema),
  status: bookingStatusSchema,
  seats: z.number().int().min(1),
  childAge: z.number().int().min(0),
  contact: z
    .object({
      name: z.string(),
      phone: z.string().optional(),
      email: z.string().optional(),
    })
    .optional(),
});

/**
 * A booked consultation hit by a change. @example `declare const hit: HitBooking;`
 */
export type HitBooking = z.output<typeof hitBookingSchema>;

/**
 * Schema of the answer of `POST /api/staff/availability/preview`: the revision the preview was
 * computed against and the booked consultations the change would hit, by start.
 *
 * @example
 * ```ts
 * import { availabilityPreviewSchema } from '@eduset/core/schedule';
 * availabilityPreviewSchema.parse({ networkId: 'udomlya', revision: 3, hits: [] });
 * ```
 */
export const availabilityPreviewSchema = z.object({
  networkId: z.string().min(1),
  revision: z.number().int().min(0),
  hits: z.array(hitBookingSchema),
});

/**
 * The answer of a preview. @example `declare const preview: AvailabilityPreview;`
 */
export type AvailabilityPreview = z.output<typeof availabilityPreviewSchema>;

/**
 * What to do with the booked consultations a change hits: `keep` them as they are (the
 * specialist receives those families anyway), or `cancel` them on the parent's behalf — the
 * parent is told by e-mail.
 *
 * @example
 * ```ts
 * import { hitDecisionSchema } from '@eduset/core/schedule';
 * hitDecisionSchema.parse('cancel');
 * ```
 */
export const hitDecisionSchema = z.enum(['keep', 'cancel']);

/**
 * A decision on hit consultations. @example `const decision: HitDecision = 'keep';`
 */
export type HitDecision = z.infer<typeof hitDecisionSchema>;

/**
 * Schema of the body of `PUT /api/staff/availability` (publish): the change, the `revision`
 * it was made against (refused with 409 when the schedule moved on), and when it hits booked
 * consultations the `decision` and the ids of the hit bookings the person saw (`hits`; a hit
 * she did not see is refused with 409, so she sees it first), with an optional `reason` kept
 * in the cancelled bookings' history.
 *
 * @example
 * ```ts
 * import { availabilityPublishSchema } from '@eduset/core/schedule';
 * availabilityPublishSchema.parse({
 *   specialistId: 'speech-lebedeva', revision: 3, availabilities: [], vacations: [],
 *   decision: 'cancel', hits: ['b-1'], reason: 'Специалист в отпуске',
 * });
 * ```
 */
export const availabilityPublishSchema = availabilityChangeSchema.extend({
  revision: z.number().int().min(0),
  decision: hitDecisionSchema.optional(),
  hits: z.array(requestIdSchema).max(1000).default([]),
  reason: z.optional(requestTextSchema(500)),
});

/**
 * The body of a publish. @example `const body: AvailabilityPublish = availabilityPublishSchema.parse(json);`
 */
export type AvailabilityPublish = z.output<typeof availabilityPublishSchema>;

/**
 * Schema of the answer of `PUT /api/staff/availability`: the new revision and which hit
 * bookings were kept or cancelled.
 *
 * @example
 * ```ts
 * import { availabilityPublishedSchema } from '@eduset/core/schedule';
 * availabilityPublishedSchema.parse({ networkId: 'udomlya', revision: 4, kept: [], cancelled: ['b-1'] });
 * ```
 */
export const availabilityPublishedSchema = z.object({
  networkId: z.string().min(1),
  revision: z.number().int().min(1),
  kept: z.array(z.string()),
  cancelled: z.array(z.string()),
});

/**
 * The answer of a publish. @example `declare const published: AvailabilityPublished;`
 */
export type AvailabilityPublished = z.output<typeof availabilityPublishedSchema>;
