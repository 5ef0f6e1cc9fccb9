import { z } from '../common/zod.js';
import { grantSchema, type Grant } from './grant.js';

/**
 * Schema of an actor: who asks. Either nobody signed in, or a staff account with its grants.
 *
 * @example
 * ```ts
 * import { actorSchema } from '@eduset/core/access';
 * actorSchema.parse({ kind: 'anonymous' });
 * actorSchema.parse({
 *   kind: 'staff', accountId: 'acc-1', displayName: 'Иванова А. А.',
 *   grants: [{ role: 'specialist', networkId: 'udomlya', specialistId: 'psy-ivanova' }],
 * });
 * ```
 */
export const actorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('anonymous') }),
  z.strictObject({
    kind: z.literal('staff'),
    accountId: z.string().min(1),
    displayName: z.string().trim().min(1),
    grants: z.array(grantSchema),
  }),
]);

/**
 * Who asks: nobody signed in, or a signed-in staff member with every role she holds, each at
 * its place in the tree. A person with several roles has several grants.
 *
 * @example
 * ```ts
 * import type { Actor } from '@eduset/core/access';
 * const head: Actor = {
 *   kind: 'staff', accountId: 'acc-2', displayName: 'Петрова Н. В.',
 *   grants: [{ role: 'organization-admin', networkId: 'udomlya', organizationId: 'ds-teremok' }],
 * };
 * ```
 */
export type Actor =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'staff';
      readonly accountId: string;
      readonly displayName: string;
      readonly grants: readonly Grant[];
    };

/**
 * The one anonymous actor: nobody signed in. It may do nothing the policy decides on.
 *
 * @example
 * ```ts
 * import { anonymousActor, can } from '@eduset/core/access';
 * can(anonymousActor, 'booking.list', { networkId: 'udomlya' }); // false
 * ```
 */
export const anonymousActor: Actor = Object.freeze({ kind: 'anonymous' as const });
