import {
  can,
  certificateCardSchema,
  certificateIdParamsSchema,
  certificateRegistryPageSchema,
  certificateStepAnswerSchema,
  closeCertificateBodySchema,
  convertCertificateBodySchema,
  directionLimitsAnswerSchema,
  directionLimitsChangeSchema,
  directionLimitsVersionSchema,
  emptyCertificateBodySchema,
  issueCertificateBodySchema,
  moveCertificateBodySchema,
  operatorCertificatesQuerySchema,
  operatorPeriodsSchema,
  parametersAnswerSchema,
  parametersChangeSchema,
  parametersVersionSchema,
  periodParamsSchema,
  type Action,
  type CertificateCard,
  type CertificateRegistryPage,
  type CertificateStatusChange,
  type CertificateStepAnswer,
  type DirectionLimitsAnswer,
  type DirectionLimitsVersion,
  type FinancingPeriod,
  type Instant,
  type OperatorPeriods,
  type ParametersAnswer,
  type ParametersVersion,
} from '@eduset/core';
import type { RegistryStep, Storage } from '@eduset/adapters';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { HttpError } from '../../errors.js';
import { forbidden } from '../../plugins/access.js';
import { withContracts } from '../../plugins/contracts.js';
import { operatorErrorAsHttp, operatorToday, versionAuthorOf } from './service.js';

/**
 * What the operator's routes need: the two stores, the clock, the financing network (the
 * operator's grants are checked against it) and the zone whose civil date a step is made on.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import type { OperatorRoutesOptions } from '@eduset/server';
 * const options: OperatorRoutesOptions = {
 *   storage: await openStorage({ dataDir: 'memory://' }),
 *   now: () => instant(new Date()),
 *   networkId: 'michurinsk',
 * };
 * ```
 */
export interface OperatorRoutesOptions {
  readonly storage: Pick<Storage, 'certificateRegistry' | 'financingParameters'>;
  readonly now: () => Instant;
  /** The network every financing record lies in. */
  readonly networkId: string;
  /** The zone of the civil date (`Europe/Moscow` by default). */
  readonly timeZone?: string;
}

const periodNotFound = new HttpError(404, 'not_found', {
  ru: 'Нет группы сертификатов с таким периодом финансирования',
  en: 'No certificate group has this financing period',
});

/**
 * The operator's desk as a Fastify plugin (every route for signed-in staff, checked against
 * the financing network; every write and every read of holders' data in the audit log):
 *
 * - `GET /api/operator/certificates?q=&status=&kind=&group=&offset=&limit=`
 *   (`financing.certificates.read`) — a page of the registry: number, the child's age, group,
 *   kind, status, balance; with `certificate.holder.read` also the child's name, and `q` then
 *   finds names too (an audited read of holders);
 * - `GET /api/operator/certificates/:id` (`certificate.holder.read`) — the card: the holder,
 *   the balance movements, the contracts with the parameter versions they were priced with
 *   (audited);
 * - `POST /api/operator/certificates` (`financing.registry.write`) — issues a record
 *   certificate into a group and credits its nominal (201);
 * - `POST /api/operator/certificates/:id/activate|suspend|resume|close|convert|move`
 *   (`financing.registry.write`) — the status changes, record ↔ funded (funded places counted
 *   by the database) and the move to a later period (the old balance lapses, the new nominal
 *   is issued; a repeat posts nothing);
 * - `GET /api/operator/periods` (`financing.parameters.read`) — the certificate groups and
 *   their periods;
 * - `GET|PUT /api/operator/parameters/:period` and `GET|PUT /api/operator/direction-limits/:period`
 *   (`financing.parameters.read|write`) — every version, and a new version from the one in
 *   force (`basedOn`; a stale change answers 409 `version-moved`).
 *
 * A refusal answers 409 with the rule's code (`funded-places-exhausted`, `has-reserve`,
 * `invalid-transition`, `limit-below-enrolments` …) and a Russian and English message.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { operatorRoutes } from '@eduset/server';
 * const server = Fastify();
 * void server.register(operatorRoutes({
 *   storage: await openStorage({ dataDir: 'memory://' }),
 *   now: () => instant(new Date()),
 *   networkId: 'michurinsk',
 * }));
 * ```
 */
export function operatorRoutes(options: OperatorRoutesOptions): FastifyPluginAsync {
  const { storage, now, networkId } = options;
  const registry = storage.certificateRegistry;
  const parameters = storage.financingParameters;
  const timeZone = options.timeZone ?? 'Europe/Moscow';
  const today = () => operatorToday(now(), timeZone);

  /** The action in the financing network, or 403 (the same answer whatever exists). */
  const allow = (request: FastifyRequest, action: Action, personal = false): void => {
    if (!can(request.actor, action, { networkId, ...(personal ? { personal: true } : {}) })) {
      throw forbidden();
    }
  };

  const step = async (
    request: FastifyRequest,
    id: string,
    run: () => Promise<RegistryStep>,
  ): Promise<CertificateStepAnswer> => {
    allow(request, 'financing.registry.write');
    request.auditWrite({ networkId, recordIds: [id] });
    try {
      const done = await run();
      return {
        certificate: done.certificate,
        posted: done.posted,
        ...(done.lapsed === undefined ? {} : { lapsed: done.lapsed }),
        ...(done.issued === undefined ? {} : { issued: done.issued }),
      };
    } catch (error) {
      throw operatorErrorAsHttp(error);
    }
  };

  const periodOf = async (id: string): Promise<FinancingPeriod> => {
    const period = await parameters.period(id);
    if (period === undefined) throw periodNotFound;
    return period;
  };

  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);

    api.get(
      '/api/operator/certificates',
      {
        config: { access: { action: 'financing.certificates.read' } },
        schema: {
          querystring: operatorCertificatesQuerySchema,
          response: { 200: certificateRegistryPageSchema },
        },
      },
      async (request): Promise<CertificateRegistryPage> => {
        allow(request, 'financing.certificates.read');
        const query = request.query;
        const withHolders = can(request.actor, 'certificate.holder.read', {
          networkId,
          personal: true,
        });
        const day = today();
        const offset = query.offset ?? 0;
        const page = await registry.list({
          ...(query.q === undefined ? {} : { q: query.q }),
          ...(query.status === undefined ? {} : { statuses: query.status }),
          ...(query.kind === undefined ? {} : { kinds: query.kind }),
          ...(query.group === undefined ? {} : { groupId: query.group }),
          offset,
          limit: query.limit ?? 50,
          today: day,
          withHolders,
        });
        const searchedNames = query.q !== undefined && !/^\d*$/.test(query.q.trim());
        if (withHolders && (page.certificates.length > 0 || searchedNames)) {
          // audit: certificate.holder.read — the children's names shown, by certificate id.
          request.audit({
            action: 'certificate.holder.read',
            networkId,
            recordIds: page.certificates.map((row) => row.id),
          });
        }
        return {
          total: page.total,
          offset,
          today: day,
          certificates: page.certificates,
          groups: await registry.groups(),
        } as CertificateRegistryPage;
      },
    );

    api.get(
      '/api/operator/certificates/:id',
      {
        config: { access: { action: 'certificate.holder.read' } },
        schema: { params: certificateIdParamsSchema, response: { 200: certificateCardSchema } },
      },
      async (request): Promise<CertificateCard> => {
        allow(request, 'certificate.holder.read', true);
        const { id } = request.params;
        // audit: certificate.holder.read — the holder's data of one certificate.
        request.audit({ action: 'certificate.holder.read', networkId, recordIds: [id] });
        try {
          return await registry.card(id, today());
        } catch (error) {
          throw operatorErrorAsHttp(error);
        }
      },
    );

    api.post(
      '/api/operator/certificates',
      {
        config: { access: { action: 'financing.registry.write' } },
        schema: {
          body: issueCertificateBodySchema,
          response: { 201: certificateStepAnswerSchema },
        },
      },
      async (request, reply): Promise<CertificateStepAnswer> => {
        allow(request, 'financing.registry.write');
        const body = request.body;
        try {
          const done = await registry.issue({
            groupId: body.groupId,
            ...(body.number === undefined ? {} : { number: body.number }),
            holder: {
              childName: body.childName,
              birthDate: body.birthDate,
              ...(body.parentName === undefined ? {} : { parentName: body.parentName }),
              ...(body.phone === undefined ? {} : { phone: body.phone }),
              ...(body.email === undefined ? {} : { email: body.email }),
              ...(body.address === undefined ? {} : { address: body.address }),
            },
            on: today(),
          });
          request.auditWrite({ networkId, recordIds: [done.certificate.id] });
          void reply.code(201);
          return { certificate: done.certificate, posted: done.posted };
        } catch (error) {
          throw operatorErrorAsHttp(error);
        }
      },
    );

    const statusRoute = (
      name: 'activate' | 'suspend' | 'resume',
      change: () => CertificateStatusChange,
    ) =>
      api.post(
        `/api/operator/certificates/:id/${name}`,
        {
          config: { access: { action: 'financing.registry.write' } },
          schema: {
            params: certificateIdParamsSchema,
            body: emptyCertificateBodySchema,
            response: { 200: certificateStepAnswerSchema },
          },
        },
        async (request): Promise<CertificateStepAnswer> => {
          const { id } = request.params;
          return step(request, id, () => registry.changeStatus(id, change(), today()));
        },
      );
    statusRoute('activate', () => ({ action: 'activate', on: today() }));
    statusRoute('suspend', () => ({ action: 'suspend' }));
    statusRoute('resume', () => ({ action: 'resume' }));

    api.post(
      '/api/operator/certificates/:id/close',
      {
        config: { access: { action: 'financing.registry.write' } },
        schema: {
          params: certificateIdParamsSchema,
          body: closeCertificateBodySchema,
          response: { 200: certificateStepAnswerSchema },
        },
      },
      async (request): Promise<CertificateStepAnswer> => {
        const { id } = request.params;
        const on = today();
        return step(request, id, () =>
          registry.changeStatus(id, { action: 'close', on, reason: request.body.reason }, on),
        );
      },
    );

    api.post(
      '/api/operator/certificates/:id/convert',
      {
        config: { access: { action: 'financing.registry.write' } },
        schema: {
          params: certificateIdParamsSchema,
          body: convertCertificateBodySchema,
          response: { 200: certificateStepAnswerSchema },
        },
      },
      async (request): Promise<CertificateStepAnswer> => {
        const { id } = request.params;
        return step(request, id, () => registry.convert(id, request.body.to, today()));
      },
    );

    api.post(
      '/api/operator/certificates/:id/move',
      {
        config: { access: { action: 'financing.registry.write' } },
        schema: {
          params: certificateIdParamsSchema,
          body: moveCertificateBodySchema,
          response: { 200: certificateStepAnswerSchema },
        },
      },
      async (request): Promise<CertificateStepAnswer> => {
        const { id } = request.params;
        return step(request, id, () => registry.move(id, request.body.groupId, today()));
      },
    );

    api.get(
      '/api/operator/periods',
      {
        config: { access: { action: 'financing.parameters.read' } },
        schema: { response: { 200: operatorPeriodsSchema } },
      },
      async (request): Promise<OperatorPeriods> => {
        allow(request, 'financing.parameters.read');
        return { today: today(), groups: await registry.groups() } as OperatorPeriods;
      },
    );

    api.get(
      '/api/operator/parameters/:period',
      {
        config: { access: { action: 'financing.parameters.read' } },
        schema: { params: periodParamsSchema, response: { 200: parametersAnswerSchema } },
      },
      async (request): Promise<ParametersAnswer> => {
        allow(request, 'financing.parameters.read');
        const period = await periodOf(request.params.period);
        return { period, versions: await parameters.parameters(period.id) };
      },
    );

    api.put(
      '/api/operator/parameters/:period',
      {
        config: { access: { action: 'financing.parameters.write' } },
        schema: {
          params: periodParamsSchema,
          body: parametersChangeSchema,
          response: { 200: parametersVersionSchema },
        },
      },
      async (request): Promise<ParametersVersion> => {
        allow(request, 'financing.parameters.write');
        const period = await periodOf(request.params.period);
        const body = request.body;
        try {
          const saved = await parameters.saveParameters({
            period: period.id,
            basedOn: body.basedOn,
            coefficients: body.coefficients,
            ...(body.municipality === undefined ? {} : { municipality: body.municipality }),
            ...(body.note === undefined ? {} : { note: body.note }),
            by: versionAuthorOf(request.actor),
            at: now(),
          });
          request.auditWrite({
            networkId,
            recordIds: [`parameters:${period.id}:${String(saved.version)}`],
          });
          return saved;
        } catch (error) {
          throw operatorErrorAsHttp(error);
        }
      },
    );

    api.get(
      '/api/operator/direction-limits/:period',
      {
        config: { access: { action: 'financing.parameters.read' } },
        schema: { params: periodParamsSchema, response: { 200: directionLimitsAnswerSchema } },
      },
      async (request): Promise<DirectionLimitsAnswer> => {
        allow(request, 'financing.parameters.read');
        const period = await periodOf(request.params.period);
        const { versions, counts } = await parameters.directionLimits(period.id);
        return { period, versions, counts };
      },
    );

    api.put(
      '/api/operator/direction-limits/:period',
      {
        config: { access: { action: 'financing.parameters.write' } },
        schema: {
          params: periodParamsSchema,
          body: directionLimitsChangeSchema,
          response: { 200: directionLimitsVersionSchema },
        },
      },
      async (request): Promise<DirectionLimitsVersion> => {
        allow(request, 'financing.parameters.write');
        const period = await periodOf(request.params.period);
        const body = request.body;
        try {
          const saved = await parameters.saveDirectionLimits({
            period: period.id,
            basedOn: body.basedOn,
            limits: body.limits,
            ...(body.note === undefined ? {} : { note: body.note }),
            by: versionAuthorOf(request.actor),
            at: now(),
          });
          request.auditWrite({
            networkId,
            recordIds: [`direction-limits:${period.id}:${String(saved.version)}`],
          });
          return saved;
        } catch (error) {
          throw operatorErrorAsHttp(error);
        }
      },
    );
  };
}
