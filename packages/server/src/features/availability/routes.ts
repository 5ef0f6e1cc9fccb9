import {
  availabilityChangeSchema,
  availabilityPreviewSchema,
  availabilityPublishedSchema,
  availabilityPublishSchema,
  isEdusetError,
  staffAvailabilityQuerySchema,
  staffAvailabilitySchema,
} from '@eduset/core';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { HttpError } from '../../errors.js';
import { withContracts } from '../../plugins/contracts.js';
import { availabilityService, type AvailabilityServiceOptions } from './service.js';

/** A core conflict (`revision-moved`, `hits-changed`, `decision-needed`) as a 409 with its reason. */
function conflictAsHttp(error: unknown): unknown {
  if (isEdusetError(error) && error._tag === 'ConflictError') {
    const reason = (error as { reason?: unknown }).reason;
    return new HttpError(409, typeof reason === 'string' ? reason : 'conflict', error.text);
  }
  return error;
}

/** Answers about people's hours and bookings: never kept by a browser or a proxy. */
function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}

/**
 * The availability editor's routes (`<eduset-availability-editor>`), each for signed-in staff
 * holding `schedule.write` in the part of the network the change touches (see
 * {@link availabilityService}):
 * - `GET /api/staff/availability[?specialistId=][&network=]` — one specialist's part of the
 *   schedule (the signed-in specialist's own by default), with the schedule's revision;
 * - `POST /api/staff/availability/preview` — a proposed change → the booked consultations it
 *   would hit, with date and time in the site's zone and the service; the parent's contact
 *   only where the role may see it (such a read is recorded in the audit log);
 * - `PUT /api/staff/availability` — publishes the change against its `revision` (409
 *   `revision-moved` when the schedule moved on), keeping or cancelling the hit consultations
 *   on the parent's behalf (`by: 'site'`; the parent is told by e-mail); 409 `decision-needed`
 *   when it hits consultations and no decision was given, `hits-changed` when it hits one the
 *   person has not seen. Every publish is recorded in the audit log with the specialist and
 *   the cancelled bookings. Slots change at once in every server process (the revision).
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { availabilityRoutes } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const server = Fastify();
 * void server.register(availabilityRoutes({ storage, now: () => instant(new Date()) }));
 * ```
 */
export function availabilityRoutes(options: AvailabilityServiceOptions): FastifyPluginAsync {
  const service = availabilityService(options);
  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);

    api.get(
      '/api/staff/availability',
      {
        config: { access: { action: 'schedule.write' } },
        schema: {
          querystring: staffAvailabilityQuerySchema,
          response: { 200: staffAvailabilitySchema },
        },
      },
      async (request, reply) => {
        noStore(reply);
        return service.read(request.actor, request.query);
      },
    );

    api.post(
      '/api/staff/availability/preview',
      {
        config: { access: { action: 'schedule.write' } },
        schema: { body: availabilityChangeSchema, response: { 200: availabilityPreviewSchema } },
      },
      async (request, reply) => {
        noStore(reply);
        const { answer, contactIds } = await service.preview(request.actor, request.body);
        if (contactIds.length > 0) {
          request.audit({
            action: 'booking.contact.read',
            networkId: answer.networkId,
            recordIds: contactIds,
          });
        }
        return answer;
      },
    );

    api.put(
      '/api/staff/availability',
      {
        config: { access: { action: 'schedule.write' } },
        schema: { body: availabilityPublishSchema, response: { 200: availabilityPublishedSchema } },
      },
      async (request, reply) => {
        noStore(reply);
        try {
          const published = await service.publish(request.actor, request.body);
          request.auditWrite({
            networkId: published.networkId,
            recordIds: [`specialist:${request.body.specialistId}`, ...published.cancelled],
          });
          return published;
        } catch (error) {
          throw conflictAsHttp(error);
        }
      },
    );
  };
}
