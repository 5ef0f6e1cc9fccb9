import {
  isEdusetError,
  NotFoundError,
  surveyAnsweredSchema,
  surveyAnswerRequestSchema,
  surveyParamsSchema,
  surveyViewRequestSchema,
  surveyViewSchema,
  type SurveyView,
} from '@eduset/core';
import type { Storage } from '@eduset/adapters';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { HttpError } from '../../errors.js';
import { withContracts } from '../../plugins/contracts.js';
import type { RateLimitedRouteConfig } from '../../plugins/security.js';

/**
 * What the survey routes need: the storage (bookings' survey view, answers, the links'
 * tokens and the network's names), how to pick the network when a request names none, and
 * the config of rate-limited routes.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import type { SurveyRoutesOptions } from '@eduset/server';
 * const options: SurveyRoutesOptions = {
 *   storage: await openStorage({ dataDir: 'memory://' }),
 *   networkIdOf: async (requested) => requested ?? 'udomlya',
 *   limited: {},
 * };
 * ```
 */
export interface SurveyRoutesOptions {
  readonly storage: Pick<Storage, 'loadNetwork' | 'links' | 'feedback'>;
  /** The network a request means: the one it names, or the only stored one. */
  readonly networkIdOf: (requested: string | undefined) => Promise<string>;
  /** Route config of POST routes (the rate limit). */
  readonly limited: RateLimitedRouteConfig;
}

/** A storage conflict (`not-attended`, `already-answered`) as a 409 with its reason code. */
function conflictAsHttp(error: unknown): unknown {
  if (isEdusetError(error) && error._tag === 'ConflictError') {
    const reason = (error as { reason?: unknown }).reason;
    return new HttpError(409, typeof reason === 'string' ? reason : 'conflict', error.text);
  }
  return error;
}

/**
 * The parents' survey after a consultation, public (the survey link's token is the key):
 * - `POST /api/surveys/:bookingId/view` with `{ token }` — what the survey page shows: the
 *   date and time of the consultation (with the zone to show them in), the site and the
 *   service, and whether the survey is `open`, `answered` or `not-attended`; no contact;
 * - `POST /api/surveys/:bookingId` with `{ token, satisfied, score, comment? }` — stores the
 *   answer (201 with the school year it counts in); 409 `already-answered` for a second
 *   answer, 409 `not-attended` unless the consultation took place.
 *
 * The token is `storage.links.token('survey', bookingId)` (derived from the instance's
 * secret, migration 0013), as the e-mail after the consultation carries it in
 * `/survey/#booking=<id>&token=<token>`. A wrong token answers 404 exactly like an unknown
 * booking. Both routes are POST (the token never sits in an address) and rate-limited.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { openStorage } from '@eduset/adapters';
 * import { surveyRoutes } from '@eduset/server';
 * const server = Fastify();
 * void server.register(
 *   surveyRoutes({
 *     storage: await openStorage({ dataDir: 'memory://' }),
 *     networkIdOf: async (requested) => requested ?? 'udomlya',
 *     limited: {},
 *   }),
 * );
 * ```
 */
export function surveyRoutes(options: SurveyRoutesOptions): FastifyPluginAsync {
  const { storage, networkIdOf, limited } = options;

  /** The network of a survey request whose token opens the booking; else 404 as unknown. */
  async function opened(bookingId: string, token: string, network: string | undefined) {
    const networkId = await networkIdOf(network);
    if (!(await storage.links.matches('survey', bookingId, token))) {
      throw new NotFoundError('booking', bookingId);
    }
    return networkId;
  }

  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);

    api.post(
      '/api/surveys/:bookingId/view',
      {
        config: { ...limited, access: { public: true } },
        schema: {
          params: surveyParamsSchema,
          body: surveyViewRequestSchema,
          response: { 200: surveyViewSchema },
        },
      },
      async (request): Promise<SurveyView> => {
        const { bookingId } = request.params;
        const networkId = await opened(bookingId, request.body.token, request.body.network);
        const booking = await storage.feedback.surveyBooking(networkId, bookingId);
        const network = await storage.loadNetwork(networkId);
        const site = network.sites.find((entry) => entry.id === booking.siteId);
        const service = network.services.find((entry) => entry.id === booking.serviceId);
        return {
          bookingId: booking.id,
          start: booking.start,
          end: booking.end,
          timeZone: network.timeZone,
          site: {
            id: booking.siteId,
            name: site?.name ?? booking.siteId,
            ...(site?.address === undefined ? {} : { address: site.address }),
          },
          service: {
            id: booking.serviceId,
            name: {
              ru: service?.name ?? booking.serviceId,
              en: service?.nameEn ?? service?.name ?? booking.serviceId,
            },
          },
          state: booking.answered
            ? 'answered'
            : booking.status === 'attended'
              ? 'open'
              : 'not-attended',
        };
      },
    );

    api.post(
      '/api/surveys/:bookingId',
      {
        config: { ...limited, access: { public: true } },
        schema: {
          params: surveyParamsSchema,
          body: surveyAnswerRequestSchema,
          response: { 201: surveyAnsweredSchema },
        },
      },
      async (request, reply) => {
        const { bookingId } = request.params;
        const body = request.body;
        const networkId = await opened(bookingId, body.token, body.network);
        // The write's audit entry names the booking, never the answer or the token.
        request.auditWrite({ networkId, recordIds: [bookingId] });
        const network = await storage.loadNetwork(networkId);
        try {
          const { schoolYear } = await storage.feedback.answerSurvey(
            networkId,
            bookingId,
            {
              satisfied: body.satisfied,
              score: body.score,
              ...(body.comment === undefined ? {} : { comment: body.comment }),
            },
            { timeZone: network.timeZone },
          );
          return reply.code(201).send({ state: 'answered' as const, schoolYear });
        } catch (error) {
          throw conflictAsHttp(error);
        }
      },
    );
  };
}
