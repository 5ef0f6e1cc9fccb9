import {
  bookingIdParamsSchema,
  managedBookingSchema,
  moveBookingBodySchema,
  networkQueryOnlySchema,
  staffBookingChangeSchema,
  staffCancelBookingBodySchema,
  staffMoveBookingBodySchema,
  viewBookingBodySchema,
  type Instant,
} from '@eduset/core';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { withContracts } from '../../plugins/contracts.js';
import type { RateLimitedRouteConfig } from '../../plugins/security.js';
import { manageService, type ManageServiceOptions } from './service.js';

/**
 * What the manage routes need: the storage, the clock, how to pick the network when a
 * parent's request names none, and the config of rate-limited routes.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import type { ManageRoutesOptions } from '@eduset/server';
 * const options: ManageRoutesOptions = {
 *   storage: await openStorage({ dataDir: 'memory://' }),
 *   now: () => instant(new Date()),
 *   networkIdOf: async (requested) => requested ?? 'udomlya',
 *   limited: {},
 * };
 * ```
 */
export interface ManageRoutesOptions extends ManageServiceOptions {
  /** The network a parent's request means: the one it names, or the only stored one. */
  readonly networkIdOf: (requested: string | undefined) => Promise<string>;
  /** Route config of POST routes (the rate limit). */
  readonly limited: RateLimitedRouteConfig;
  /** The clock (the time of each change). */
  readonly now: () => Instant;
}

/** Answers about a person's booking: never kept by a browser or a proxy. */
function noStore(reply: FastifyReply): void {
  void reply.header('cache-control', 'no-store');
}

/**
 * The changes of a booking after it was made, as a Fastify plugin:
 * - `POST /api/bookings/:id/view` `{ token }` (public) — the booking and its site's zone, for
 *   the holder of the manage link's token (in the body, never in a URL); 404 for an unknown id
 *   or a wrong token alike;
 * - `POST /api/bookings/:id/move` `{ token, start, end }` (public) — moves the booking to an
 *   offered slot (core's `offeredSlot`) of the same specialist, site and service for the child's
 *   age, else 409 `slot-unavailable`; 409 `overlap`/`no-seats` when the database finds the time
 *   taken, `started` when the consultation has begun, `illegal-transition` when it is no longer
 *   active; the history records `by: 'parent'`;
 * - `POST /api/staff/bookings/:id/cancel` `{ reason? }` (`booking.write`) — cancels on the
 *   site's side (`cancelled-by-site`, `by: 'site'`, the reason in the history); a specialist
 *   only her own consultations, an organization's head its sites', the coordinator the network;
 *   403 for a booking outside the scope or unknown alike;
 * - `POST /api/staff/bookings/:id/move` `{ start, end, reason? }` (`booking.write`) — moves on
 *   the site's side to a slot of the schedule (the minimum notice does not apply to staff).
 *
 * The parent's cancel is `POST /api/bookings/:id/cancel` (the booking routes). Every answer is
 * `no-store`; every change is in the audit log with the booking's id and place.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { manageRoutes } from '@eduset/server';
 * const server = Fastify();
 * void server.register(
 *   manageRoutes({
 *     storage: await openStorage({ dataDir: 'memory://' }),
 *     now: () => instant(new Date()),
 *     networkIdOf: async (requested) => requested ?? 'udomlya',
 *     limited: {},
 *   }),
 * );
 * ```
 */
export function manageRoutes(options: ManageRoutesOptions): FastifyPluginAsync {
  const { networkIdOf, limited } = options;
  const manage = manageService(options);
  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);

    api.post(
      '/api/bookings/:id/view',
      {
        config: { ...limited, access: { public: true } },
        schema: {
          params: bookingIdParamsSchema,
          querystring: networkQueryOnlySchema,
          body: viewBookingBodySchema,
          response: { 200: managedBookingSchema },
        },
      },
      async (request, reply) => {
        noStore(reply);
        const networkId = await networkIdOf(request.body.network ?? request.query.network);
        const answer = await manage.view(networkId, request.params.id, request.body.token);
        request.auditWrite({
          networkId,
          siteId: answer.booking.siteId,
          recordIds: [answer.booking.id],
        });
        return answer;
      },
    );

    api.post(
      '/api/bookings/:id/move',
      {
        config: { ...limited, access: { public: true } },
        schema: {
          params: bookingIdParamsSchema,
          querystring: networkQueryOnlySchema,
          body: moveBookingBodySchema,
          response: { 200: managedBookingSchema },
        },
      },
      async (request, reply) => {
        noStore(reply);
        const { body } = request;
        const networkId = await networkIdOf(body.network ?? request.query.network);
        const answer = await manage.moveByParent(networkId, request.params.id, body.token, {
          start: body.start,
          end: body.end,
        });
        request.auditWrite({
          networkId,
          siteId: answer.booking.siteId,
          recordIds: [answer.booking.id],
        });
        return answer;
      },
    );

    api.post(
      '/api/staff/bookings/:id/cancel',
      {
        config: { ...limited, access: { action: 'booking.write' } },
        schema: {
          params: bookingIdParamsSchema,
          body: staffCancelBookingBodySchema,
          response: { 200: staffBookingChangeSchema },
        },
      },
      async (request, reply) => {
        noStore(reply);
        const { answer, place } = await manage.cancelBySite(
          request.actor,
          request.body,
          request.params.id,
        );
        request.auditWrite(place);
        return answer;
      },
    );

    api.post(
      '/api/staff/bookings/:id/move',
      {
        config: { ...limited, access: { action: 'booking.write' } },
        schema: {
          params: bookingIdParamsSchema,
          body: staffMoveBookingBodySchema,
          response: { 200: staffBookingChangeSchema },
        },
      },
      async (request, reply) => {
        noStore(reply);
        const { answer, place } = await manage.moveBySite(
          request.actor,
          request.body,
          request.params.id,
        );
        request.auditWrite(place);
        return answer;
      },
    );
  };
}
