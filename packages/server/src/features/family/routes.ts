import {
  can,
  certificateApplicationConfirmSchema,
  certificateApplicationCreatedSchema,
  certificateApplicationInputSchema,
  certificateApplicationDecisionSchema,
  certificateApplicationListQuerySchema,
  certificateApplicationListSchema,
  certificateApplicationParamsSchema,
  certificateApplicationRefuseSchema,
  certificateApplicationView,
  certificateApplicationViewSchema,
  familyCertificateSchema,
  familyChangeSchema,
  familyContractListSchema,
  familyContractParamsSchema,
  familySessionRequestSchema,
  familySessionSchema,
  isoDate,
  submitCertificateApplication,
  type Action,
  type CertificateApplicationCreated,
  type CertificateApplicationDecision,
  type CertificateApplicationList,
  type CertificateApplicationView,
  type FamilyCertificate,
  type FamilyChange,
  type FamilyContractList,
  type FamilySession,
  type Instant,
  type LocalizedText,
} from '@eduset/core';
import type { Storage } from '@eduset/adapters';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../errors.js';
import { withContracts } from '../../plugins/contracts.js';
import type { RateLimitedRouteConfig } from '../../plugins/security.js';
import { consentChanged } from '../consent/routes.js';
import {
  bearerTokenOf,
  changedContract,
  checkCertificatePair,
  civilDateIn,
  familyCertificateOf,
  familyContractOf,
  familyErrorAsHttp,
  familySessionLifetimeMs,
  newApplicationCode,
  newApplicationReference,
} from './service.js';

/**
 * What the family routes need: the storage, the clock, the route config of rate-limited
 * routes, the financing network, the zone of the civil date and the consent version in force.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import type { FamilyRoutesOptions } from '@eduset/server';
 * const options: FamilyRoutesOptions = {
 *   storage: await openStorage({ dataDir: 'memory://' }),
 *   now: () => instant(new Date()),
 *   limited: {},
 *   consentVersion: '2026-12-01',
 * };
 * ```
 */
export interface FamilyRoutesOptions {
  readonly storage: Pick<Storage, 'family' | 'financing' | 'limits'>;
  readonly now: () => Instant;
  readonly limited: RateLimitedRouteConfig;
  /** The current version of the consent text; an application naming another is refused. */
  readonly consentVersion: string;
  /** The network the financing records lie in (`michurinsk` by default). */
  readonly networkId?: string;
  /** The zone whose civil date a change is made on (`Europe/Moscow` by default). */
  readonly timeZone?: string;
}

const sessionEnded: LocalizedText = {
  ru: 'Кабинет закрыт: время сеанса истекло или был выполнен выход. Введите номер сертификата и дату рождения ребёнка ещё раз',
  en: "The cabinet is closed: the session expired or was ended. Enter the certificate number and the child's birth date again",
};

const applicationNotFound: LocalizedText = {
  ru: 'Заявление с таким номером и кодом не найдено',
  en: 'No application with this reference and code',
};

const contractNotFound: LocalizedText = {
  ru: 'Такой заявки или договора у этого сертификата нет',
  en: 'This certificate has no such request or contract',
};

const operatorApplicationNotFound: LocalizedText = {
  ru: 'Заявление не найдено',
  en: 'Application not found',
};

/** Answers about a family: never kept by a browser or a proxy. */
function noStore(reply: FastifyReply): void {
  void reply.header('cache-control', 'no-store');
}

/**
 * The family's cabinet and the certificate applications as a Fastify plugin. The family's
 * routes are public: the family proves the certificate is theirs with its number and the
 * child's birth date (`POST /api/family/session`, under the per-certificate attempt limit of
 * the balance check: one answer for any wrong pair) and then sends the session's token in the
 * `Authorization: Bearer …` header — never in an address, so never in a log; without a live
 * token every cabinet route answers 404 `family-session-ended`, showing nothing.
 * - `POST /api/family/session` `{ certificateNumber, birthDate }` — 201 `{ token, expiresAt,
 *   certificate }` (30 minutes); `DELETE /api/family/session` ends it (204);
 * - `GET /api/family/certificate` — the certificate, its status and balance;
 *   `POST /api/family/certificate/activate` — the family activates an issued certificate;
 * - `GET /api/family/contracts` — every request and contract with its months, what the family
 *   pays, what was paid and why an amount is cut;
 * - `POST /api/family/contracts/:id/withdraw` — withdraws a request before the provider
 *   accepts it (409 `already-accepted` after); `POST /api/family/contracts/:id/end` — ends an
 *   active contract from next month (409 `not-active` otherwise);
 * - `POST /api/certificate-applications` — applies for a certificate (201 with the reference
 *   and a code shown once; 409 `consent-changed`, `age-out-of-range`);
 *   `GET /api/certificate-applications/:id` and `POST …/:id/withdraw` with the code as the
 *   bearer token (404 for a wrong reference or code alike).
 * The operator's routes (`financing.certificate-application.read|write`, in the financing
 * network): `GET /api/operator/certificate-applications?status=&offset=&limit=`,
 * `POST /api/operator/certificate-applications/:id/confirm` `{ groupId? }` (a record
 * certificate issued), `…/refuse` `{ reason }`, `…/erase`.
 *
 * Every write is in the audit log with the records it touched; every read of a family's or an
 * application's data is recorded (`certificate.holder.read` for the family's own reads,
 * `financing.certificate-application.read` for the operator's). Every answer is `no-store`.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { familyRoutes } from '@eduset/server';
 * const server = Fastify();
 * void server.register(
 *   familyRoutes({
 *     storage: await openStorage({ dataDir: 'memory://' }),
 *     now: () => instant(new Date()),
 *     limited: {},
 *     consentVersion: '2026-12-01',
 *   }),
 * );
 * ```
 */
export function familyRoutes(options: FamilyRoutesOptions): FastifyPluginAsync {
  const { storage, now, limited, consentVersion } = options;
  const networkId = options.networkId ?? 'michurinsk';
  const timeZone = options.timeZone ?? 'Europe/Moscow';
  const today = () => civilDateIn(now(), timeZone);
  const publicRoute = { ...limited, access: { public: true as const } };

  /** The certificate the request's cabinet session opens, or the 404 that shows nothing. */
  async function sessionCertificate(request: FastifyRequest): Promise<string> {
    const token = bearerTokenOf(request);
    const certificateId =
      token === undefined ? undefined : await storage.family.sessionCertificate(token, now());
    if (certificateId === undefined) throw new HttpError(404, 'family-session-ended', sessionEnded);
    return certificateId;
  }

  async function certificateAnswer(certificateId: string): Promise<FamilyCertificate> {
    return familyCertificateOf(await storage.family.certificate(certificateId), today());
  }

  /**
   * Whether the operator's grant reaches the financing network. One that does not sees an
   * empty list and finds no application (404, the same answer as for one that does not exist).
   */
  function operatorMay(request: FastifyRequest, action: Action): boolean {
    return can(request.actor, action, { networkId, personal: true });
  }

  /** An application the operator may decide: 404 outside the scope, as for a missing one. */
  function decidable(request: FastifyRequest): void {
    if (!operatorMay(request, 'financing.certificate-application.write')) {
      throw new HttpError(404, 'not_found', operatorApplicationNotFound);
    }
  }

  function actorName(request: FastifyRequest): string {
    const actor = request.actor;
    return actor.kind === 'staff' ? actor.displayName : 'аноним / anonymous';
  }

  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);

    api.post(
      '/api/family/session',
      {
        config: publicRoute,
        schema: { body: familySessionRequestSchema, response: { 201: familySessionSchema } },
      },
      async (request, reply): Promise<FamilySession> => {
        noStore(reply);
        const { certificateNumber, birthDate } = request.body;
        const found = await checkCertificatePair(
          { financing: storage.financing, limits: storage.limits, now, reply },
          certificateNumber,
          birthDate,
        );
        const session = await storage.family.openSession(
          found.certificate.id,
          now(),
          familySessionLifetimeMs,
        );
        request.auditWrite({ networkId, recordIds: [found.certificate.id] });
        void reply.code(201);
        return {
          token: session.token,
          expiresAt: session.expiresAt,
          certificate: familyCertificateOf(found, today()),
        };
      },
    );

    api.delete('/api/family/session', { config: publicRoute }, async (request, reply) => {
      noStore(reply);
      const token = bearerTokenOf(request);
      if (token !== undefined) await storage.family.endSession(token);
      return reply.code(204).send();
    });

    api.get(
      '/api/family/certificate',
      { config: publicRoute, schema: { response: { 200: familyCertificateSchema } } },
      async (request, reply): Promise<FamilyCertificate> => {
        noStore(reply);
        const certificateId = await sessionCertificate(request);
        request.audit({ action: 'certificate.holder.read', networkId, recordIds: [certificateId] });
        return certificateAnswer(certificateId);
      },
    );

    api.post(
      '/api/family/certificate/activate',
      { config: publicRoute, schema: { response: { 200: familyCertificateSchema } } },
      async (request, reply): Promise<FamilyCertificate> => {
        noStore(reply);
        const certificateId = await sessionCertificate(request);
        request.auditWrite({ networkId, recordIds: [certificateId] });
        try {
          await storage.family.activateCertificate(certificateId, today());
        } catch (error) {
          throw familyErrorAsHttp(error);
        }
        return certificateAnswer(certificateId);
      },
    );

    api.get(
      '/api/family/contracts',
      { config: publicRoute, schema: { response: { 200: familyContractListSchema } } },
      async (request, reply): Promise<FamilyContractList> => {
        noStore(reply);
        const certificateId = await sessionCertificate(request);
        const records = await storage.family.contracts(certificateId);
        request.audit({
          action: 'certificate.holder.read',
          networkId,
          recordIds: [certificateId, ...records.map((record) => record.contract.id)],
        });
        return { today: isoDate(today()), contracts: records.map(familyContractOf) };
      },
    );

    for (const change of ['withdraw', 'end'] as const) {
      api.post(
        `/api/family/contracts/:id/${change}`,
        {
          config: publicRoute,
          schema: { params: familyContractParamsSchema, response: { 200: familyChangeSchema } },
        },
        async (request, reply): Promise<FamilyChange> => {
          noStore(reply);
          const certificateId = await sessionCertificate(request);
          const contractId = request.params.id;
          request.auditWrite({ networkId, recordIds: [certificateId, contractId] });
          let contract;
          try {
            contract =
              change === 'withdraw'
                ? await storage.family.withdrawEnrolment(certificateId, contractId, today())
                : await storage.family.endContract(certificateId, contractId, today());
          } catch (error) {
            throw familyErrorAsHttp(error, contractNotFound);
          }
          const records = await storage.family.contracts(certificateId);
          return {
            contract: changedContract(records, contract),
            certificate: await certificateAnswer(certificateId),
          };
        },
      );
    }

    api.post(
      '/api/certificate-applications',
      {
        config: publicRoute,
        schema: {
          body: certificateApplicationInputSchema,
          response: { 201: certificateApplicationCreatedSchema },
        },
      },
      async (request, reply): Promise<CertificateApplicationCreated> => {
        noStore(reply);
        // The consent first: a family that agreed to an older text reads the new one.
        if (request.body.consentVersion !== consentVersion) throw consentChanged(consentVersion);
        const at = now();
        let application;
        try {
          application = submitCertificateApplication(request.body, {
            id: newApplicationReference(),
            at,
            today: today(),
          });
        } catch (error) {
          throw familyErrorAsHttp(error);
        }
        const code = newApplicationCode();
        await storage.family.submitApplication(application, code);
        request.auditWrite({ networkId, recordIds: [application.id] });
        void reply.code(201);
        return { application: certificateApplicationView(application), code };
      },
    );

    api.get(
      '/api/certificate-applications/:id',
      {
        config: publicRoute,
        schema: {
          params: certificateApplicationParamsSchema,
          response: { 200: certificateApplicationViewSchema },
        },
      },
      async (request, reply): Promise<CertificateApplicationView> => {
        noStore(reply);
        const code = bearerTokenOf(request);
        const application =
          code === undefined
            ? undefined
            : await storage.family.viewApplication(request.params.id, code);
        if (application === undefined) throw new HttpError(404, 'not_found', applicationNotFound);
        return certificateApplicationView(application);
      },
    );

    api.post(
      '/api/certificate-applications/:id/withdraw',
      {
        config: publicRoute,
        schema: {
          params: certificateApplicationParamsSchema,
          response: { 200: certificateApplicationViewSchema },
        },
      },
      async (request, reply): Promise<CertificateApplicationView> => {
        noStore(reply);
        const code = bearerTokenOf(request);
        let application;
        try {
          application =
            code === undefined
              ? undefined
              : await storage.family.withdrawApplication(request.params.id, code, now());
        } catch (error) {
          throw familyErrorAsHttp(error);
        }
        if (application === undefined) throw new HttpError(404, 'not_found', applicationNotFound);
        request.auditWrite({ networkId, recordIds: [application.id] });
        return certificateApplicationView(application);
      },
    );

    api.get(
      '/api/operator/certificate-applications',
      {
        config: { access: { action: 'financing.certificate-application.read' } },
        schema: {
          querystring: certificateApplicationListQuerySchema,
          response: { 200: certificateApplicationListSchema },
        },
      },
      async (request, reply): Promise<CertificateApplicationList> => {
        noStore(reply);
        const query = request.query;
        const offset = query.offset ?? 0;
        if (!operatorMay(request, 'financing.certificate-application.read')) {
          return { total: 0, offset, applications: [] };
        }
        const list = await storage.family.listApplications({
          ...(query.status === undefined ? {} : { status: query.status }),
          offset,
          limit: query.limit ?? 50,
        });
        request.audit({
          action: 'financing.certificate-application.read',
          networkId,
          recordIds: list.applications.map((application) => application.id),
        });
        return { total: list.total, offset, applications: list.applications };
      },
    );

    api.post(
      '/api/operator/certificate-applications/:id/confirm',
      {
        config: { access: { action: 'financing.certificate-application.write' } },
        schema: {
          params: certificateApplicationParamsSchema,
          body: certificateApplicationConfirmSchema,
          response: { 200: certificateApplicationDecisionSchema },
        },
      },
      async (request, reply): Promise<CertificateApplicationDecision> => {
        noStore(reply);
        decidable(request);
        request.auditWrite({
          action: 'financing.certificate-application.write',
          networkId,
          recordIds: [request.params.id],
        });
        try {
          const confirmed = await storage.family.confirmApplication(request.params.id, {
            ...(request.body.groupId === undefined ? {} : { groupId: request.body.groupId }),
            on: today(),
            at: now(),
            by: actorName(request),
          });
          request.auditWrite({
            action: 'financing.certificate-application.write',
            networkId,
            recordIds: [request.params.id, confirmed.certificate.id],
          });
          return {
            application: confirmed.application,
            certificate: {
              number: confirmed.certificate.number,
              kind: confirmed.certificate.kind,
              status: confirmed.certificate.status,
              issuedOn: confirmed.certificate.issuedOn,
              period: confirmed.group.period.id,
              nominal: confirmed.nominal,
            },
          };
        } catch (error) {
          throw familyErrorAsHttp(error, operatorApplicationNotFound);
        }
      },
    );

    api.post(
      '/api/operator/certificate-applications/:id/refuse',
      {
        config: { access: { action: 'financing.certificate-application.write' } },
        schema: {
          params: certificateApplicationParamsSchema,
          body: certificateApplicationRefuseSchema,
          response: { 200: certificateApplicationDecisionSchema },
        },
      },
      async (request, reply): Promise<CertificateApplicationDecision> => {
        noStore(reply);
        decidable(request);
        request.auditWrite({
          action: 'financing.certificate-application.write',
          networkId,
          recordIds: [request.params.id],
        });
        try {
          const application = await storage.family.refuseApplication(request.params.id, {
            reason: request.body.reason,
            at: now(),
            by: actorName(request),
          });
          return { application };
        } catch (error) {
          throw familyErrorAsHttp(error, operatorApplicationNotFound);
        }
      },
    );

    api.post(
      '/api/operator/certificate-applications/:id/erase',
      {
        config: { access: { action: 'financing.certificate-application.write' } },
        schema: {
          params: certificateApplicationParamsSchema,
          response: { 200: certificateApplicationDecisionSchema },
        },
      },
      async (request, reply): Promise<CertificateApplicationDecision> => {
        noStore(reply);
        decidable(request);
        request.auditWrite({
          action: 'financing.certificate-application.write',
          networkId,
          recordIds: [request.params.id],
        });
        try {
          return { application: await storage.family.eraseApplication(request.params.id, now()) };
        } catch (error) {
          throw familyErrorAsHttp(error, operatorApplicationNotFound);
        }
      },
    );
  };
}
