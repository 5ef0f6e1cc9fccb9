import { z } from '../common/zod.js';

/**
 * Schema of a resource: where in the network's tree the record acted on lies, as the server
 * knows it from the record itself (never from the request).
 *
 * @example
 * ```ts
 * import { resourceSchema } from '@eduset/core/access';
 * resourceSchema.parse({ networkId: 'udomlya', organizationId: 'ds-teremok', siteId: 'kp-teremok' });
 * ```
 */
export const resourceSchema = z.object({
  networkId: z.string().min(1),
  organizationId: z.string().min(1).optional(),
  siteId: z.string().min(1).optional(),
  specialistId: z.string().min(1).optional(),
  teacherId: z.string().min(1).optional(),
  personal: z.boolean().optional(),
});

/**
 * Where the thing acted on lies: its network and every narrower place the server knows about
 * the record. A booking is `{ networkId, organizationId (of its site), siteId, specialistId }`;
 * a course group is `{ networkId, organizationId (its resource centre), teacherId }`; an
 * invoice is `{ networkId, organizationId (its provider) }`. Leave a field out only when the
 * record really has no such place: a grant narrowed by that field then does not reach it.
 *
 * `personal` says the record holds personal data. It does not change the decision (actions
 * that reveal personal data are actions of their own, such as `booking.contact.read`); the
 * server uses it to write the read into the audit log.
 *
 * @example
 * ```ts
 * import type { Resource } from '@eduset/core/access';
 * const booking: Resource = {
 *   networkId: 'udomlya', organizationId: 'ds-teremok', siteId: 'kp-teremok',
 *   specialistId: 'psy-ivanova', personal: true,
 * };
 * ```
 */
export type Resource = Readonly<z.infer<typeof resourceSchema>>;
