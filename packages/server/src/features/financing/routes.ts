import { randomUUID } from 'node:crypto';
import {
  certificateBalanceQuerySchema,
  certificateBalanceSchema,
  certificateNumberParamsSchema,
  enrolmentRequestSchema,
  enrolmentResponseSchema,
  filterProgrammes,
  indexProgrammes,
  isEdusetError,
  programmeListSchema,
  programmesQuerySchema,
  type Balance,
  type Certificate,
  type CertificateBalance,
  type EnrolmentResponse,
  type Instant,
  type ProgrammeFilter,
  type ProgrammeList,
} from '@eduset/core';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { FinancingStore } from '@eduset/adapters';
import { HttpError } from '../../errors.js';
import { withContracts } from '../../plugins/contracts.js';
import type { RateLimitedRouteConfig } from '../../plugins/security.js';

/**
 * Options of {@link financingRoutes}: the financing store, the clock and the route config
 * of rate-limited routes (the balance lookup and enrolment).
 *
 * @example
 * ```ts
 * import type { FinancingRoutesOptions } from '@eduset/server';
 * declare const options: FinancingRoutesOptions;
 * options.now();
 * ```
 */
export interface FinancingRoutesOptions {
  readonly financing: FinancingStore;
  readonly now: () => Instant;
  readonly limited: RateLimitedRouteConfig;
  /** The zone whose civil date a request is made on (`Europe/Moscow` by default). */
  readonly timeZone?: string;
}

function balanceAnswer(certificate: Certificate, balance: Balance): CertificateBalance {
  return {
    number: certificate.number,
    kind: certificate.kind,
    status: certificate.status,
    period: balance.period,
    nominal: balance.nominal,
    available: balance.available,
    reserved: balance.reserved,
    spent: balance.spent,
  };
}

function civilDate(at: Instant, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));
}

const certificateNotFound = {
  ru: 'Сертификат с таким номером и датой рождения ребёнка не найден',
  en: "No certificate with this number and child's birth date",
};

/** The certificate a number and a birth date name; one 404 answer whichever is wrong. */
async function certificateOf(financing: FinancingStore, number: string, birthDate: string) {
  try {
    return await financing.findCertificate(number, birthDate);
  } catch (error) {
    if (isEdusetError(error) && error._tag === 'NotFoundError') {
      throw new HttpError(404, 'not_found', certificateNotFound);
    }
    throw error;
  }
}

/** A storage conflict (a financing limit) as a 409 with its reason code. */
function conflictAsHttp(error: unknown): unknown {
  if (isEdusetError(error) && error._tag === 'ConflictError') {
    const reason = (error as { reason?: unknown }).reason;
    return new HttpError(409, typeof reason === 'string' ? reason : 'conflict', error.text);
  }
  return error;
}

/**
 * The financing API as a Fastify plugin:
 * - `GET /api/programmes?q=&direction=&kind=&district=&provider=&weekday=&age=&offset=&limit=`
 *   — the programme registry filtered with core's `filterProgrammes` (a page and the total);
 * - `GET /api/certificates/:number/balance?birthDate=YYYY-MM-DD` — a certificate's balance;
 *   the child's birth date is a required second factor and a wrong number or date both answer
 *   404 (rate-limited, so dates cannot be tried in bulk);
 * - `POST /api/enrolments` `{ certificateNumber, birthDate, programmeId[, moduleId, groupId] }`
 *   — a contract request; every limit is checked in the database, a refusal is a 409 whose
 *   code names the limit (`group-full`, `empty-balance`, `duplicate-module` …); answers 201
 *   with the contract and the balance after the reserve.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { financingRoutes } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const server = Fastify();
 * void server.register(financingRoutes({ financing: storage.financing, now: () => instant(new Date()), limited: {} }));
 * ```
 */
export function financingRoutes(options: FinancingRoutesOptions): FastifyPluginAsync {
  const { financing, now, limited } = options;
  const timeZone = options.timeZone ?? 'Europe/Moscow';
  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);
    api.get(
      '/api/programmes',
      {
        config: { access: { public: true } },
        schema: { querystring: programmesQuerySchema, response: { 200: programmeListSchema } },
      },
      async (request): Promise<ProgrammeList> => {
        const query = request.query;
        const registry = await financing.listProgrammes();
        const filter: ProgrammeFilter = {
          ...(query.q === undefined ? {} : { text: query.q }),
          ...(query.direction === undefined ? {} : { directions: query.direction }),
          ...(query.kind === undefined ? {} : { fundingKinds: query.kind }),
          ...(query.district === undefined ? {} : { districts: query.district }),
          ...(query.provider === undefined ? {} : { providerIds: query.provider }),
          ...(query.weekday === undefined ? {} : { weekdays: query.weekday.map(Number) }),
          ...(query.age === undefined ? {} : { age: query.age }),
        };
        const found = filterProgrammes(
          indexProgrammes(registry.programmes, registry.providers),
          filter,
        );
        const offset = query.offset ?? 0;
        const page = found.slice(offset, offset + (query.limit ?? 50));
        const named = new Set(page.map((programme) => programme.providerId));
        return {
          total: found.length,
          offset,
          programmes: page,
          providers: registry.providers.filter((provider) => named.has(provider.id)),
        };
      },
    );

    api.get(
      '/api/certificates/:number/balance',
      {
        config: { ...limited, access: { public: true } },
        schema: {
          params: certificateNumberParamsSchema,
          querystring: certificateBalanceQuerySchema,
          response: { 200: certificateBalanceSchema },
        },
      },
      async (request): Promise<CertificateBalance> => {
        const { birthDate } = request.query;
        const found = await certificateOf(financing, request.params.number, birthDate);
        return balanceAnswer(found.certificate, found.balance);
      },
    );

    api.post(
      '/api/enrolments',
      {
        config: { ...limited, access: { public: true } },
        schema: { body: enrolmentRequestSchema, response: { 201: enrolmentResponseSchema } },
      },
      async (request, reply): Promise<EnrolmentResponse> => {
        const body = request.body;
        const found = await certificateOf(financing, body.certificateNumber, body.birthDate);
        const registry = await financing.listProgrammes();
        const programme = registry.programmes.find(
          (candidate) => candidate.id === body.programmeId,
        );
        if (!programme)
          throw new HttpError(404, 'not_found', {
            ru: 'Программа не найдена',
            en: 'Programme not found',
          });
        const module = programme.modules.find(
          (candidate) => candidate.id === (body.moduleId ?? programme.modules[0]?.id),
        );
        const group = module?.groups.find(
          (candidate) => candidate.id === (body.groupId ?? module.groups[0]?.id),
        );
        if (!module || !group) {
          throw new HttpError(404, 'not_found', {
            ru: 'Модуль или группа не найдены',
            en: 'Module or group not found',
          });
        }
        let contract;
        try {
          contract = await financing.requestEnrolment({
            contractId: `enr-${randomUUID()}`,
            certificateId: found.certificate.id,
            programmeId: programme.id,
            moduleId: module.id,
            groupId: group.id,
            requestedOn: civilDate(now(), timeZone),
          });
        } catch (error) {
          throw conflictAsHttp(error);
        }
        const balance = await financing.balance(found.certificate.id, found.balance.period);
        void reply.code(201);
        return { contract, balance: balanceAnswer(found.certificate, balance) };
      },
    );
  };
}
