import {
  isEdusetError,
  programmeApproveSchema,
  programmeCreateSchema,
  programmeIdParamsSchema,
  programmeReturnSchema,
  programmeReviewDetailSchema,
  programmeReviewListSchema,
  programmeReviewQuerySchema,
  programmeRevisionSchema,
  programmeUpdateSchema,
  providerProgrammeListSchema,
  roomSuggestionListSchema,
  roomSuggestionQuerySchema,
  type ProgrammeReviewDetail,
} from '@eduset/core';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../errors.js';
import { withContracts } from '../../plugins/contracts.js';
import { programmeService, type ProgrammeAction, type ProgrammeServiceOptions } from './service.js';

/** A review refusal (`revision-moved`, `under-review`, `places-below-taken` …) as a 409 with its reason. */
function conflictAsHttp(error: unknown): unknown {
  if (isEdusetError(error) && error._tag === 'ConflictError') {
    const reason = (error as { reason?: unknown }).reason;
    return new HttpError(409, typeof reason === 'string' ? reason : 'conflict', error.text);
  }
  return error;
}

/** Desk answers are never kept by a browser or a proxy. */
function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}

/**
 * Runs a write of the desks: the audit entry names the action and the programme (refused
 * attempts included) and, once done, the provider; a review refusal answers 409 with its
 * reason as the code.
 */
async function write(
  request: FastifyRequest,
  reply: FastifyReply,
  networkId: string,
  action: ProgrammeAction,
  programmeId: string | undefined,
  work: () => Promise<ProgrammeReviewDetail>,
): Promise<ProgrammeReviewDetail> {
  noStore(reply);
  const recordIds = programmeId === undefined ? [] : [`programme:${programmeId}`];
  request.auditWrite({ action, networkId, recordIds });
  try {
    const detail = await work();
    request.auditWrite({
      action,
      networkId,
      organizationId: detail.review.providerId,
      recordIds: [`programme:${detail.review.programmeId}@${String(detail.review.revision)}`],
    });
    return detail;
  } catch (error) {
    throw conflictAsHttp(error);
  }
}

/**
 * The programme desks' routes (see {@link programmeService}), for signed-in staff:
 *
 * Provider (`financing.programme.write`, its own organization's programmes only):
 * - `GET /api/provider/programmes` — own programmes in every state, and the organizations
 *   the person works for;
 * - `POST /api/provider/programmes` `{ providerId?, programme }` — a new draft (201);
 * - `GET /api/provider/programmes/:id` — one programme: working version, approved version,
 *   history, places taken per group, what changed;
 * - `PUT /api/provider/programmes/:id` `{ revision, programme }` — edit the working version
 *   (an approved programme stays public while the edit is reviewed);
 * - `POST /api/provider/programmes/:id/submit|withdraw` `{ revision }`;
 * - `GET /api/provider/programme-rooms?weekdays=2,4&from=15:00&to=16:30&places=12[&programmeId=…]`
 *   — inventory rooms that fit a group, the own organization's first (a group's `roomId` is
 *   judged on every save: a misfit answers 400, a room another group has then 409 `room-taken`).
 *
 * Operator (`financing.programme.review`):
 * - `GET /api/operator/programme-reviews[?state=submitted|…|all]` — the queue, longest
 *   waiting first;
 * - `GET /api/operator/programme-reviews/:id` — one programme under review;
 * - `POST /api/operator/programme-reviews/:id/approve` `{ revision, normativeCosts? }` —
 *   publishes it to the navigator;
 * - `POST /api/operator/programme-reviews/:id/return` `{ revision, remarks }`.
 *
 * A programme outside the person's scope answers 404 like one that does not exist; a step
 * on a revision that moved, or not allowed from the programme's state, answers 409 with the
 * reason (`revision-moved`, `under-review`, `not-submitted`, `places-below-taken`,
 * `group-in-use` …) and a Russian and English message. Every write goes into the audit log
 * with the programme and its provider.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { programmeRoutes } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const server = Fastify();
 * void server.register(
 *   programmeRoutes({ storage, now: () => instant(new Date()), networkId: 'michurinsk' }),
 * );
 * ```
 */
export function programmeRoutes(options: ProgrammeServiceOptions): FastifyPluginAsync {
  const service = programmeService(options);
  const { networkId } = options;
  const provider = 'financing.programme.write' as const;
  const operator = 'financing.programme.review' as const;
  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);

    api.get(
      '/api/provider/programmes',
      {
        config: { access: { action: provider } },
        schema: { response: { 200: providerProgrammeListSchema } },
      },
      async (request, reply) => {
        noStore(reply);
        return service.listOwn(request.actor);
      },
    );

    api.get(
      '/api/provider/programme-rooms',
      {
        config: { access: { action: provider } },
        schema: {
          querystring: roomSuggestionQuerySchema,
          response: { 200: roomSuggestionListSchema },
        },
      },
      async (request, reply) => {
        noStore(reply);
        return service.roomSuggestions(request.actor, request.query);
      },
    );

    api.post(
      '/api/provider/programmes',
      {
        config: { access: { action: provider } },
        schema: { body: programmeCreateSchema, response: { 201: programmeReviewDetailSchema } },
      },
      async (request, reply) => {
        const detail = await write(request, reply, networkId, provider, undefined, () =>
          service.create(request.actor, request.body),
        );
        void reply.code(201);
        return detail;
      },
    );

    api.get(
      '/api/provider/programmes/:id',
      {
        config: { access: { action: provider } },
        schema: { params: programmeIdParamsSchema, response: { 200: programmeReviewDetailSchema } },
      },
      async (request, reply) => {
        noStore(reply);
        return service.read(request.actor, provider, request.params.id);
      },
    );

    api.put(
      '/api/provider/programmes/:id',
      {
        config: { access: { action: provider } },
        schema: {
          params: programmeIdParamsSchema,
          body: programmeUpdateSchema,
          response: { 200: programmeReviewDetailSchema },
        },
      },
      async (request, reply) =>
        write(request, reply, networkId, provider, request.params.id, () =>
          service.update(request.actor, request.params.id, request.body),
        ),
    );

    api.post(
      '/api/provider/programmes/:id/submit',
      {
        config: { access: { action: provider } },
        schema: {
          params: programmeIdParamsSchema,
          body: programmeRevisionSchema,
          response: { 200: programmeReviewDetailSchema },
        },
      },
      async (request, reply) =>
        write(request, reply, networkId, provider, request.params.id, () =>
          service.submit(request.actor, request.params.id, request.body.revision),
        ),
    );

    api.post(
      '/api/provider/programmes/:id/withdraw',
      {
        config: { access: { action: provider } },
        schema: {
          params: programmeIdParamsSchema,
          body: programmeRevisionSchema,
          response: { 200: programmeReviewDetailSchema },
        },
      },
      async (request, reply) =>
        write(request, reply, networkId, provider, request.params.id, () =>
          service.withdraw(request.actor, request.params.id, request.body.revision),
        ),
    );

    api.get(
      '/api/operator/programme-reviews',
      {
        config: { access: { action: operator } },
        schema: {
          querystring: programmeReviewQuerySchema,
          response: { 200: programmeReviewListSchema },
        },
      },
      async (request, reply) => {
        noStore(reply);
        return service.queue(request.actor, request.query.state ?? ['submitted']);
      },
    );

    api.get(
      '/api/operator/programme-reviews/:id',
      {
        config: { access: { action: operator } },
        schema: { params: programmeIdParamsSchema, response: { 200: programmeReviewDetailSchema } },
      },
      async (request, reply) => {
        noStore(reply);
        return service.read(request.actor, operator, request.params.id);
      },
    );

    api.post(
      '/api/operator/programme-reviews/:id/approve',
      {
        config: { access: { action: operator } },
        schema: {
          params: programmeIdParamsSchema,
          body: programmeApproveSchema,
          response: { 200: programmeReviewDetailSchema },
        },
      },
      async (request, reply) =>
        write(request, reply, networkId, operator, request.params.id, () =>
          service.approve(request.actor, request.params.id, request.body),
        ),
    );

    api.post(
      '/api/operator/programme-reviews/:id/return',
      {
        config: { access: { action: operator } },
        schema: {
          params: programmeIdParamsSchema,
          body: programmeReturnSchema,
          response: { 200: programmeReviewDetailSchema },
        },
      },
      async (request, reply) =>
        write(request, reply, networkId, operator, request.params.id, () =>
          service.returnWithRemarks(request.actor, request.params.id, request.body),
        ),
    );
  };
}
