/**
 * The access policy: the roles of the people who run a network, their grants at places in the
 * network's tree, the closed list of actions, and the one pure question
 * `can(actor, action, resource)` that the server asks on every request. Deny by default.
 *
 * @example
 * ```ts
 * import { can, canAnywhere, grantsFor, anonymousActor } from '@eduset/core/access';
 * can(anonymousActor, 'booking.list', { networkId: 'udomlya' }); // false
 * ```
 *
 * @module access
 */
export * from './actions.js';
export * from './actor.js';
export * from './grant.js';
export * from './policy.js';
export * from './resource.js';
export * from './roles.js';
