import {
  deskAttendanceAnswerSchema,
  deskAttendanceBodySchema,
  deskAttendanceParamsSchema,
  deskContractAnswerSchema,
  deskContractParamsSchema,
  deskContractsAnswerSchema,
  deskContractsQuerySchema,
  providerAcceptBodySchema,
  providerActsAnswerSchema,
  providerActsQuerySchema,
  providerApplicationsAnswerSchema,
  providerDeclineBodySchema,
  providerTerminateBodySchema,
} from '@eduset/core';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { withContracts } from '../../plugins/contracts.js';
import { providerDeskService, type ProviderDeskOptions } from './service.js';

/**
 * The provider's desk (поставщик образовательных услуг), for signed-in providers whose grant
 * names their provider (`{ role: 'provider', networkId: <financing network>, organizationId:
 * <provider id> }`); a provider never reaches another provider's records, and a contract out
 * of reach answers 403 like one that does not exist. Every answer is `Cache-Control:
 * no-store`; every read of the children's contracts is recorded in the audit log
 * (`financing.contract.read`, with the contract ids) and every write with the contract's id
 * and provider (`financing.contract.write`).
 * - `GET /api/provider/applications` (`financing.contract.read`) — applications waiting for a
 *   decision: programme, module, group, places left, the child's age at the start (never the
 *   birth date), the certificate number, the amounts;
 * - `POST /api/provider/applications/:id/accept` `{}` (`financing.contract.write`) — the
 *   contract is concluded: `accepted`, and in force (`active`) at once when its start date has
 *   come, otherwise on that date;
 * - `POST /api/provider/applications/:id/decline` `{ reason, note? }` — refused with a reason
 *   the family is shown; also an accepted contract before its start;
 * - `GET /api/provider/contracts?month=` — the contracts accepted, in force, or closed in
 *   the month, with the month's attendance (contracts due are brought into force first);
 * - `GET|PUT /api/provider/contracts/:id/attendance/:month` `{ unit, planned, attended }` —
 *   the month's attendance, which gives the completeness of the payer's settlement; a month
 *   the payer has settled answers 409 `month-settled`;
 * - `POST /api/provider/contracts/:id/terminate` `{ on, reason, note? }` — terminated by the
 *   provider: closed on the last day of that month, which is paid in full;
 * - `GET /api/provider/acts?month=` and `GET /api/provider/acts.csv?month=&lang=` — the monthly
 *   acts per contract (amounts from core's billing), as JSON and as CSV for Excel.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { providerDeskRoutes } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const server = Fastify();
 * void server.register(
 *   providerDeskRoutes({ storage, now: () => instant(new Date()), networkId: 'michurinsk' }),
 * );
 * ```
 */
export function providerDeskRoutes(options: ProviderDeskOptions): FastifyPluginAsync {
  const desk = providerDeskService(options);
  const { networkId } = options;
  /** Brings the asker's contracts due into force; the change is recorded in the audit log. */
  async function bringIntoForce(request: FastifyRequest): Promise<void> {
    const activated = await desk.bringIntoForce(request.actor);
    if (activated.length > 0) {
      request.audit({ action: 'financing.contract.write', networkId, recordIds: activated });
    }
  }

  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);
    // Answers about children's contracts: never kept by a browser or a proxy.
    api.addHook('onSend', (_request, reply, payload, done) => {
      reply.header('cache-control', 'no-store');
      done(null, payload);
    });

    api.get(
      '/api/provider/applications',
      {
        config: { access: { action: 'financing.contract.read' } },
        schema: { response: { 200: providerApplicationsAnswerSchema } },
      },
      async (request) => {
        const applications = await desk.applications(request.actor);
        if (applications.length > 0) {
          request.audit({
            action: 'financing.contract.read',
            networkId,
            recordIds: applications.map((application) => application.id),
          });
        }
        return { applications };
      },
    );

    api.post(
      '/api/provider/applications/:id/accept',
      {
        config: { access: { action: 'financing.contract.write' } },
        schema: {
          params: deskContractParamsSchema,
          body: providerAcceptBodySchema,
          response: { 200: deskContractAnswerSchema },
        },
      },
      async (request) => {
        const { answer, place } = await desk.accept(request.actor, request.params.id);
        request.auditWrite({
          action: 'financing.contract.write',
          ...place,
          recordIds: [answer.id],
        });
        return { contract: answer };
      },
    );

    api.post(
      '/api/provider/applications/:id/decline',
      {
        config: { access: { action: 'financing.contract.write' } },
        schema: {
          params: deskContractParamsSchema,
          body: providerDeclineBodySchema,
          response: { 200: deskContractAnswerSchema },
        },
      },
      async (request) => {
        const { answer, place } = await desk.decline(
          request.actor,
          request.params.id,
          request.body,
        );
        request.auditWrite({
          action: 'financing.contract.write',
          ...place,
          recordIds: [answer.id],
        });
        return { contract: answer };
      },
    );

    api.get(
      '/api/provider/contracts',
      {
        config: { access: { action: 'financing.contract.read' } },
        schema: {
          querystring: deskContractsQuerySchema,
          response: { 200: deskContractsAnswerSchema },
        },
      },
      async (request) => {
        await bringIntoForce(request);
        const { month, contracts } = await desk.contracts(request.actor, request.query.month);
        if (contracts.length > 0) {
          request.audit({
            action: 'financing.contract.read',
            networkId,
            recordIds: contracts.map((entry) => entry.contract.id),
          });
        }
        return { month, contracts };
      },
    );

    api.get(
      '/api/provider/contracts/:id/attendance/:month',
      {
        config: { access: { action: 'financing.contract.read' } },
        schema: {
          params: deskAttendanceParamsSchema,
          response: { 200: deskAttendanceAnswerSchema },
        },
      },
      async (request) => {
        const { answer, place } = await desk.attendance(
          request.actor,
          request.params.id,
          request.params.month,
        );
        request.audit({
          action: 'financing.contract.read',
          ...place,
          recordIds: [request.params.id],
        });
        return answer;
      },
    );

    api.put(
      '/api/provider/contracts/:id/attendance/:month',
      {
        config: { access: { action: 'financing.contract.write' } },
        schema: {
          params: deskAttendanceParamsSchema,
          body: deskAttendanceBodySchema,
          response: { 200: deskAttendanceAnswerSchema },
        },
      },
      async (request) => {
        const { answer, place } = await desk.saveAttendance(
          request.actor,
          request.params.id,
          request.params.month,
          request.body,
        );
        request.auditWrite({
          action: 'financing.contract.write',
          ...place,
          recordIds: [request.params.id],
        });
        return answer;
      },
    );

    api.post(
      '/api/provider/contracts/:id/terminate',
      {
        config: { access: { action: 'financing.contract.write' } },
        schema: {
          params: deskContractParamsSchema,
          body: providerTerminateBodySchema,
          response: { 200: deskContractAnswerSchema },
        },
      },
      async (request) => {
        const { answer, place } = await desk.terminate(
          request.actor,
          request.params.id,
          request.body,
        );
        request.auditWrite({
          action: 'financing.contract.write',
          ...place,
          recordIds: [answer.id],
        });
        return { contract: answer };
      },
    );

    api.get(
      '/api/provider/acts',
      {
        config: { access: { action: 'financing.contract.read' } },
        schema: {
          querystring: providerActsQuerySchema,
          response: { 200: providerActsAnswerSchema },
        },
      },
      async (request) => {
        await bringIntoForce(request);
        const answer = await desk.acts(request.actor, request.query.month);
        const ids = answer.providers.flatMap((provider) =>
          provider.acts.map((act) => act.contractId),
        );
        if (ids.length > 0) {
          request.audit({ action: 'financing.contract.read', networkId, recordIds: ids });
        }
        return answer;
      },
    );

    api.get(
      '/api/provider/acts.csv',
      {
        config: { access: { action: 'financing.contract.read' } },
        schema: { querystring: providerActsQuerySchema },
      },
      async (request, reply) => {
        await bringIntoForce(request);
        const csv = await desk.actsCsv(
          request.actor,
          request.query.month,
          request.query.lang ?? 'ru',
        );
        if (csv.contractIds.length > 0) {
          request.audit({
            action: 'financing.contract.read',
            networkId,
            recordIds: csv.contractIds,
          });
        }
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${csv.fileName}"`)
          .send(csv.text);
      },
    );
  };
}
