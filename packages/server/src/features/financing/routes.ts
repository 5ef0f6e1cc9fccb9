import { randomUUID } from 'node:crypto';
import {
  certificateBalanceQuerySchema,
  certificateBalanceSchema,
  certificateNumberParamsSchema,
  contractViewOf,
  enrolmentRequestSchema,
  enrolmentResponseSchema,
  filterProgrammes,
  indexProgrammes,
  isEdusetError,
  programmeListSchema,
  programmeViewOf,
  programmesQuerySchema,
  type Balance,
  type Certificate,
  type CertificateBalance,
  type EnrolmentResponse,
  type Instant,
  type Programme,
  type ProgrammeFilter,
  type ProgrammeList,
} from '@eduset/core';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import type {
  AttemptLimits,
  FinancingReads,
  FinancingStore,
  ProgrammeReviewStore,
} from '@eduset/adapters';
import { HttpError } from '../../errors.js';
import { withContracts } from '../../plugins/contracts.js';
import { readAfterOf } from '../../plugins/read-your-writes.js';
import type { RateLimitedRouteConfig } from '../../plugins/security.js';

/**
 * How many checks of one certificate number with a wrong birth date are allowed in a window
 * before every check of that number (the right one too) answers 429 until the window ends:
 * 5 an hour. Counted by the database for every server process, per number — known or not,
 * so the limit itself tells nothing about which numbers exist.
 *
 * @example
 * ```ts
 * import { certificateAttemptLimit } from '@eduset/server';
 * certificateAttemptLimit.max; // 5
 * ```
 */
export const certificateAttemptLimit: { readonly max: number; readonly windowMs: number } = {
  max: 5,
  windowMs: 60 * 60 * 1000,
};

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
  /**
   * The navigator's and balance checks' reads, routed to a read replica when one is configured
   * (read-your-writes through {@link readAfterOf}); the enrolment's programme is read by id
   * through it too. Without it every read goes through `financing`.
   */
  readonly reads?: FinancingReads;
  /** The database's attempt counters: wrong certificate checks per certificate number. */
  readonly limits: AttemptLimits;
  readonly now: () => Instant;
  readonly limited: RateLimitedRouteConfig;
  /** The zone whose civil date a request is made on (`Europe/Moscow` by default). */
  readonly timeZone?: string;
  /** The network the financing records lie in (`michurinsk` by default). */
  readonly networkId?: string;
  /** Where the places left per group come from (the navigator shows them when given). */
  readonly places?: Pick<ProgrammeReviewStore, 'placesLeft'>;
}

function balanceAnswer(certificate: Certificate, balance: Balance): CertificateBalance {
  return {
    number: certificate.number,
    kind: certificate.kind,
    status: certificate.status,
    period: balance.period,
    nominal: balance.nominal.toString(),
    available: balance.available.toString(),
    reserved: balance.reserved.toString(),
    spent: balance.spent.toString(),
  };
}

/** One formatter per zone: building one is far dearer than formatting (measured per request). */
const civilDateFormats = new Map<string, Intl.DateTimeFormat>();

function civilDate(at: Instant, timeZone: string): string {
  let format = civilDateFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    civilDateFormats.set(timeZone, format);
  }
  return format.format(new Date(at));
}

const certificateNotFound = {
  ru: 'Сертификат с таким номером и датой рождения ребёнка не найден',
  en: "No certificate with this number and child's birth date",
};

function tooManyChecks(retrySeconds: number): HttpError {
  const minutes = Math.max(1, Math.ceil(retrySeconds / 60));
  return new HttpError(429, 'too-many-checks', {
    ru: `Слишком много попыток с неверной датой рождения для этого сертификата. Повторите через ${minutes} мин.`,
    en: `Too many tries with a wrong birth date for this certificate. Try again in ${minutes} min.`,
  });
}

/** Everything {@link certificateOf} needs besides the pair. */
interface CertificateCheck {
  /** Finds the pair: on the primary, or routed to a replica. */
  readonly find: FinancingStore['findCertificate'];
  readonly limits: AttemptLimits;
  readonly now: () => Instant;
  readonly reply: FastifyReply;
}

/** How long a programme read for an application is kept, and how many are kept at most. */
const programmeCacheMs = 1_000;
const programmeCacheSize = 10_000;

/** The 429 of a number over its attempt limit, with `Retry-After` until its window ends. */
function limitedAnswer(reply: FastifyReply, at: Instant, windowEnd: string): HttpError {
  const seconds = Math.max(1, Math.ceil((Date.parse(windowEnd) - Date.parse(at)) / 1000));
  void reply.header('retry-after', String(seconds));
  return tooManyChecks(seconds);
}

/**
 * The certificate a number and a birth date name — one 404 answer whichever is wrong — under
 * the per-number attempt limit ({@link certificateAttemptLimit}). The attempt is counted
 * BEFORE the pair is looked at (so concurrent guesses cannot all slip under the limit) and
 * taken back when the pair is right: only wrong pairs use up the limit. Over the limit every
 * check answers 429 with `Retry-After`, the right pair too, until the window ends.
 */
async function certificateOf(check: CertificateCheck, number: string, birthDate: string) {
  const at = check.now();
  const bucket = `certificate:${number}`;
  const { max, windowMs } = certificateAttemptLimit;
  const limited = (windowEnd: string): HttpError => limitedAnswer(check.reply, at, windowEnd);
  const count = await check.limits.hit(bucket, windowMs, at);
  if (count.hits > max) throw limited(count.windowEnd);
  try {
    const found = await check.find(number, birthDate);
    await check.limits.release(bucket, at);
    return found;
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
 *   — the programme registry (approved programmes only) filtered with core's
 *   `filterProgrammes`: a page and the total, the places left in each group of the page and
 *   every district;
 * - `GET /api/certificates/:number/balance?birthDate=YYYY-MM-DD` — a certificate's balance;
 *   the child's birth date is a required second factor and a wrong number or date both answer
 *   the same 404; after {@link certificateAttemptLimit} wrong dates for one number every
 *   check of it answers 429 with `Retry-After` until the hour ends (the route is also
 *   rate-limited per client address);
 * - `POST /api/enrolments` `{ certificateNumber, birthDate, programmeId[, moduleId, groupId] }`
 *   — a contract request; the programme, module and group are checked first (404), then the
 *   pair as for the balance; every limit is checked in the database, a refusal is a 409 whose
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
 * void server.register(financingRoutes({
 *   financing: storage.financing,
 *   limits: storage.limits,
 *   now: () => instant(new Date()),
 *   limited: {},
 * }));
 * ```
 */
export function financingRoutes(options: FinancingRoutesOptions): FastifyPluginAsync {
  const { financing, limits, now, limited, reads } = options;
  const timeZone = options.timeZone ?? 'Europe/Moscow';
  const findOnPrimary: FinancingStore['findCertificate'] = (number, birthDate) =>
    financing.findCertificate(number, birthDate);
  /**
   * One programme by id (not the whole registry), from the primary, kept for a second: an
   * opening morning sends hundreds of applications a second to the same popular programmes.
   * The cache only picks the module and group and answers 404 early; the enrolment itself
   * reads the programme again in its own statement, so a programme withdrawn meanwhile is
   * still refused.
   */
  const recent = new Map<string, { readonly at: number; readonly programme: Programme }>();
  const programmeById = async (id: string, fresh = false): Promise<Programme | undefined> => {
    const at = Date.now();
    const kept = recent.get(id);
    if (!fresh && kept !== undefined && at - kept.at < programmeCacheMs) return kept.programme;
    let programme: Programme | undefined;
    if (reads === undefined) {
      programme = (await financing.listProgrammes()).programmes.find(
        (candidate) => candidate.id === id,
      );
    } else {
      try {
        programme = await reads.programme(id);
      } catch (error) {
        if (isEdusetError(error) && error._tag === 'NotFoundError') return undefined;
        throw error;
      }
    }
    if (programme !== undefined) {
      if (recent.size >= programmeCacheSize) recent.clear();
      recent.set(id, { at, programme });
    }
    return programme;
  };
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
        const registry =
          reads === undefined
            ? await financing.listProgrammes()
            : (await reads.listProgrammes(readAfterOf(request))).value;
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
        // Places left per group of the page, counted by the database now (capacity − taken).
        const placesLeft =
          options.places === undefined
            ? undefined
            : await options.places.placesLeft(
                page.flatMap((programme) =>
                  programme.modules.flatMap((module) => module.groups.map((group) => group.id)),
                ),
              );
        const districts = [
          ...new Set(
            registry.programmes.flatMap((programme) =>
              programme.district === undefined ? [] : [programme.district],
            ),
          ),
        ].sort((a, b) => a.localeCompare(b, 'ru'));
        return {
          total: found.length,
          offset,
          programmes: page.map(programmeViewOf),
          providers: registry.providers.filter((provider) => named.has(provider.id)),
          ...(placesLeft === undefined ? {} : { placesLeft: Object.fromEntries(placesLeft) }),
          districts,
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
      async (request, reply): Promise<CertificateBalance> => {
        const { birthDate } = request.query;
        const after = readAfterOf(request);
        const find: FinancingStore['findCertificate'] =
          reads === undefined
            ? findOnPrimary
            : async (number, date) => (await reads.findCertificate(number, date, after)).value;
        const found = await certificateOf(
          { find, limits, now, reply },
          request.params.number,
          birthDate,
        );
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
        // The programme, module and group first: their answers never depend on the pair.
        // Only approved programmes are in the registry families see (a draft, or one under
        // the operator's review, is not): the same answer as for an id that does not exist.
        const pick = (programme: Programme | undefined) => {
          const module = programme?.modules.find(
            (candidate) => candidate.id === (body.moduleId ?? programme.modules[0]?.id),
          );
          const group = module?.groups.find(
            (candidate) => candidate.id === (body.groupId ?? module.groups[0]?.id),
          );
          return { programme, module, group };
        };
        let picked = pick(await programmeById(body.programmeId));
        // A programme kept from a second ago may have changed its modules or groups since.
        if (picked.group === undefined) picked = pick(await programmeById(body.programmeId, true));
        const { programme, module, group } = picked;
        if (!programme)
          throw new HttpError(404, 'not_found', {
            ru: 'Программа не найдена в навигаторе: её нет или оператор её ещё не одобрил',
            en: 'The programme is not in the navigator: it does not exist or is not approved yet',
          });
        if (!module || !group) {
          throw new HttpError(404, 'not_found', {
            ru: 'Модуль или группа не найдены',
            en: 'Module or group not found',
          });
        }
        // One statement counts the attempt, finds the pair and reads what the enrolment needs,
        // a second takes every limit (migration 0038): the same answers as a balance check
        // followed by an enrolment, in two round trips instead of three.
        const at = now();
        let outcome;
        try {
          outcome = await financing.apply({
            certificateNumber: body.certificateNumber,
            birthDate: body.birthDate,
            attempt: {
              bucket: `certificate:${body.certificateNumber}`,
              windowMs: certificateAttemptLimit.windowMs,
              max: certificateAttemptLimit.max,
              now: at,
            },
            contractId: `enr-${randomUUID()}`,
            programmeId: programme.id,
            moduleId: module.id,
            groupId: group.id,
            requestedOn: civilDate(at, timeZone),
          });
        } catch (error) {
          throw conflictAsHttp(error);
        }
        const enrolled = outcome.enrolled;
        if (enrolled === undefined) {
          if (outcome.count.hits > certificateAttemptLimit.max)
            throw limitedAnswer(reply, at, outcome.count.windowEnd);
          throw new HttpError(404, 'not_found', certificateNotFound);
        }
        void reply.code(201);
        return {
          contract: contractViewOf(enrolled.contract),
          balance: balanceAnswer(enrolled.certificate, enrolled.balance),
        };
      },
    );
  };
}
