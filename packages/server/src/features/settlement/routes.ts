import {
  financingReportCsv,
  settlementRegisterCsv,
  settlementRegisterXlsx,
} from '@eduset/adapters';
import {
  financingReportQuerySchema,
  financingReportSchema,
  isEdusetError,
  settlementCorrectionAnswerSchema,
  settlementCorrectionSchema,
  settlementMonthListSchema,
  settlementMonthParamsSchema,
  settlementPreviewQuerySchema,
  settlementPreviewSchema,
  settlementRegisterQuerySchema,
  settlementStepAnswerSchema,
} from '@eduset/core';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import { withContracts } from '../../plugins/contracts.js';
import { settlementService, type SettlementServiceOptions } from './service.js';

/** A refusal of a settlement step (or a financing limit) as a 409 whose code is the reason. */
function conflictAsHttp(error: unknown): unknown {
  if (isEdusetError(error) && error._tag === 'ConflictError') {
    const reason = (error as { reason?: unknown }).reason;
    return new HttpError(409, typeof reason === 'string' ? reason : 'conflict', error.text);
  }
  return error;
}

async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw conflictAsHttp(error);
  }
}

/** The steps of a month take no body (an empty JSON object is accepted). */
const emptyBodySchema = z.strictObject({}).optional();

function download(reply: FastifyReply, type: string, name: string): FastifyReply {
  return reply
    .type(type)
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${name}"`);
}

/**
 * The payer's desk and the coordinator's reports as a Fastify plugin (`<eduset-payer-desk>`,
 * `<eduset-financing-reports>`), over the financing network (see {@link settlementService}):
 * - `GET /api/payer/months` (`financing.billing.read`) — every month with billed contracts, a
 *   settlement or an adjustment, newest first, with its status and approved totals;
 * - `GET /api/payer/months/:month/preview[?provider=][&summary=true]` (`financing.billing.read`) — the month
 *   per provider and per contract, each amount with its explanation in Russian and English
 *   (certificate numbers, never contacts; the read is recorded in the audit log);
 * - `POST /api/payer/months/:month/approve`, `…/pay`, `…/close` (`financing.billing.write`) —
 *   the steps; a step already done answers the month as it is (`changed: false`, nothing
 *   posted); a closed month run again, a paid month approved again, a month paid before it
 *   is approved answer 409 with the reason (`month-closed`, `month-paid`,
 *   `month-not-approved`, …) in Russian and English;
 * - `POST /api/payer/months/:month/corrections` (`financing.billing.write`) — a correction of
 *   a paid or closed month (201): an adjustment paid in the next open month;
 * - `GET /api/payer/months/:month/register.csv|.xlsx[?lang=en]` (`financing.billing.read`) —
 *   the payment register of an approved, paid or closed month;
 * - `GET /api/reports/coverage[.csv]?period=&on=&direction=&provider=` (`financing.reports.read`)
 *   — coverage and uptake by period, direction and provider.
 *
 * Every write is recorded in the audit log with the month (and the contract corrected).
 * Before a month is listed, previewed or approved, the accepted contracts whose start date
 * has come are brought into force (`activateDue`, recorded in the audit log), so the month
 * bills every contract that began in it.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { settlementRoutes } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const server = Fastify();
 * void server.register(settlementRoutes({ settlement: storage.settlement, now: () => instant(new Date()) }));
 * ```
 */
export function settlementRoutes(options: SettlementServiceOptions): FastifyPluginAsync {
  const service = settlementService(options);
  const { networkId } = service;
  /**
   * Brings the accepted contracts whose start date has come into force before a month is
   * listed, previewed or approved; the change is recorded in the audit log.
   */
  async function bringIntoForce(request: FastifyRequest): Promise<void> {
    const activated = await service.bringIntoForce(request.actor);
    if (activated.length > 0) {
      request.audit({ action: 'financing.contract.write', networkId, recordIds: activated });
    }
  }
  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);

    api.get(
      '/api/payer/months',
      {
        config: { access: { action: 'financing.billing.read' } },
        schema: { response: { 200: settlementMonthListSchema } },
      },
      async (request) => {
        await bringIntoForce(request);
        return service.months(request.actor);
      },
    );

    api.get(
      '/api/payer/months/:month/preview',
      {
        config: { access: { action: 'financing.billing.read' } },
        schema: {
          params: settlementMonthParamsSchema,
          querystring: settlementPreviewQuerySchema,
          response: { 200: settlementPreviewSchema },
        },
      },
      async (request) => {
        const { month } = request.params;
        await bringIntoForce(request);
        const preview = await service.preview(
          request.actor,
          month,
          request.query.provider,
          request.query.summary === 'true',
        );
        request.audit({
          action: 'financing.billing.read',
          networkId,
          recordIds: [
            `settlement:${month}`,
            ...(request.query.provider === undefined ? [] : [`provider:${request.query.provider}`]),
          ],
        });
        return preview;
      },
    );

    for (const step of ['approve', 'pay', 'close'] as const) {
      api.post(
        `/api/payer/months/:month/${step}`,
        {
          config: { access: { action: 'financing.billing.write' } },
          schema: {
            params: settlementMonthParamsSchema,
            body: emptyBodySchema,
            response: { 200: settlementStepAnswerSchema },
          },
        },
        async (request) => {
          const { month } = request.params;
          request.auditWrite({ networkId, recordIds: [`settlement:${month}`] });
          if (step === 'approve') await bringIntoForce(request);
          return answering(() => service[step](request.actor, month));
        },
      );
    }

    api.post(
      '/api/payer/months/:month/corrections',
      {
        config: { access: { action: 'financing.billing.write' } },
        schema: {
          params: settlementMonthParamsSchema,
          body: settlementCorrectionSchema,
          response: { 201: settlementCorrectionAnswerSchema },
        },
      },
      async (request, reply) => {
        const { month } = request.params;
        request.auditWrite({
          networkId,
          recordIds: [`settlement:${month}`, `contract:${request.body.contractId}`],
        });
        const answer = await answering(() => service.correct(request.actor, month, request.body));
        request.auditWrite({
          networkId,
          recordIds: [
            `settlement:${month}`,
            `contract:${request.body.contractId}`,
            `adjustment:${answer.adjustment.id}`,
            `settlement:${answer.adjustment.targetMonth}`,
          ],
        });
        void reply.code(201);
        return answer;
      },
    );

    api.get(
      '/api/payer/months/:month/register.csv',
      {
        config: { access: { action: 'financing.billing.read' } },
        schema: { params: settlementMonthParamsSchema, querystring: settlementRegisterQuerySchema },
      },
      async (request, reply) => {
        const { month } = request.params;
        const register = await answering(() => service.register(request.actor, month));
        request.audit({
          action: 'financing.billing.read',
          networkId,
          recordIds: [`settlement:${month}`],
        });
        return download(reply, 'text/csv; charset=utf-8', `register-${month}.csv`).send(
          settlementRegisterCsv(register, request.query.lang ?? 'ru'),
        );
      },
    );

    api.get(
      '/api/payer/months/:month/register.xlsx',
      {
        config: { access: { action: 'financing.billing.read' } },
        schema: { params: settlementMonthParamsSchema, querystring: settlementRegisterQuerySchema },
      },
      async (request, reply) => {
        const { month } = request.params;
        const register = await answering(() => service.register(request.actor, month));
        request.audit({
          action: 'financing.billing.read',
          networkId,
          recordIds: [`settlement:${month}`],
        });
        const bytes = await settlementRegisterXlsx(register, request.query.lang ?? 'ru');
        return download(
          reply,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          `register-${month}.xlsx`,
        ).send(Buffer.from(bytes));
      },
    );

    api.get(
      '/api/reports/coverage',
      {
        config: { access: { action: 'financing.reports.read' } },
        schema: {
          querystring: financingReportQuerySchema,
          response: { 200: financingReportSchema },
        },
      },
      async (request) => service.report(request.actor, request.query),
    );

    api.get(
      '/api/reports/coverage.csv',
      {
        config: { access: { action: 'financing.reports.read' } },
        schema: { querystring: financingReportQuerySchema },
      },
      async (request, reply) => {
        const report = await service.report(request.actor, request.query);
        const name = `coverage-${report.period.replace(/[^A-Za-z0-9_-]/g, '_')}.csv`;
        return download(reply, 'text/csv; charset=utf-8', name).send(
          financingReportCsv(report, request.query.lang ?? 'ru'),
        );
      },
    );
  };
}
