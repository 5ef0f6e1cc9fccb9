import { randomBytes, randomInt } from 'node:crypto';
import {
  childAge,
  explainContract,
  familyMayChange,
  isEdusetError,
  Money,
  monthPayments,
  type Contract,
  type FamilyCertificate,
  type FamilyContract,
  type Instant,
  type LocalizedText,
} from '@eduset/core';
import type {
  AttemptLimits,
  CertificateWithBalance,
  FamilyContractRecord,
  FinancingStore,
} from '@eduset/adapters';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../errors.js';
import { certificateAttemptLimit } from '../financing/routes.js';

/**
 * How long the family's cabinet stays open after the certificate number and the child's
 * birth date were checked: 30 minutes, then the pair is asked again.
 *
 * @example
 * ```ts
 * import { familySessionLifetimeMs } from '@eduset/server';
 * familySessionLifetimeMs; // 1800000
 * ```
 */
export const familySessionLifetimeMs = 30 * 60 * 1000;

/**
 * The civil date (`YYYY-MM-DD`) of an instant in a time zone.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { civilDateIn } from '@eduset/server';
 * civilDateIn(instant('2026-10-04T22:30:00Z'), 'Europe/Moscow'); // '2026-10-05'
 * ```
 */
export function civilDateIn(at: Instant, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));
}

/** Letters of application references: no I, L, O, U (never misread over the phone). */
const referenceAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new reference of a certificate application: 12 random characters in three groups
 * (`K7M2-Q9PX-3TWA`), easy to read out over the phone; 60 bits, so two never meet.
 *
 * @example
 * ```ts
 * import { newApplicationReference } from '@eduset/server';
 * /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(newApplicationReference()); // true
 * ```
 */
export function newApplicationReference(): string {
  const characters = Array.from(
    { length: 12 },
    () => referenceAlphabet[randomInt(referenceAlphabet.length)],
  ).join('');
  return `${characters.slice(0, 4)}-${characters.slice(4, 8)}-${characters.slice(8)}`;
}

/**
 * A new secret code of a certificate application (128 random bits, base64url): the family
 * reads and withdraws its application with it; only its hash is stored.
 *
 * @example
 * ```ts
 * import { newApplicationCode } from '@eduset/server';
 * newApplicationCode().length; // 22
 * ```
 */
export function newApplicationCode(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The token in a request's `Authorization: Bearer …` header, or `undefined` (the family's
 * cabinet session, or a certificate application's code — never in an address, so never in a
 * log).
 *
 * @example
 * ```ts
 * import { bearerTokenOf } from '@eduset/server';
 * import type { FastifyRequest } from 'fastify';
 * declare const request: FastifyRequest;
 * bearerTokenOf(request);
 * ```
 */
export function bearerTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header.trim());
  return match?.[1];
}

/**
 * The family's certificate as its cabinet shows it (core's `FamilyCertificate`, amounts as
 * decimal text), its age on
 * `today`.
 *
 * @example
 * ```ts
 * import type { CertificateWithBalance } from '@eduset/adapters';
 * import { familyCertificateOf } from '@eduset/server';
 * declare const found: CertificateWithBalance;
 * familyCertificateOf(found, '2026-10-05').balance.available;
 * ```
 */
export function familyCertificateOf(
  found: CertificateWithBalance,
  today: string,
): FamilyCertificate {
  const { certificate, group, balance } = found;
  return {
    number: certificate.number,
    kind: certificate.kind,
    status: certificate.status,
    birthDate: certificate.birthDate,
    age: Math.max(0, childAge(certificate.birthDate, today)),
    issuedOn: certificate.issuedOn,
    ...(certificate.activatedOn === undefined ? {} : { activatedOn: certificate.activatedOn }),
    groupName: group.name,
    period: { id: group.period.id, start: group.period.start, end: group.period.end },
    balance: {
      nominal: balance.nominal.toString(),
      available: balance.available.toString(),
      reserved: balance.reserved.toString(),
      spent: balance.spent.toString(),
    },
  };
}

const withdrawnProgramme: LocalizedText = {
  ru: 'Программа снята с реестра',
  en: 'Programme withdrawn from the registry',
};

/**
 * A contract of the family as its cabinet shows it (core's `FamilyContract`): names of the
 * programme, the provider and the group, the months with what was paid, the reasons when an
 * amount is cut (core's `explainContract`) and what the family may do now.
 *
 * @example
 * ```ts
 * import type { FamilyContractRecord } from '@eduset/adapters';
 * import { familyContractOf } from '@eduset/server';
 * declare const record: FamilyContractRecord;
 * familyContractOf(record).reasons;
 * ```
 */
export function familyContractOf(record: FamilyContractRecord): FamilyContract {
  const { contract, programme, entries } = record;
  const module = programme?.modules.find((candidate) => candidate.id === contract.moduleId);
  const group = module?.groups.find((candidate) => candidate.id === contract.groupId);
  const reserved = Money.sum(
    entries.filter((entry) => entry.kind === 'reserve').map((entry) => entry.amount),
  );
  const fundingKind = programme?.fundingKind ?? (contract.certificate.isZero() ? 'paid' : 'funded');
  const reasons = explainContract(contract, {
    fundingKind,
    groupStart: group?.start ?? contract.start,
    groupEnd: group?.end ?? contract.end,
    ...(module?.price === undefined ? {} : { price: module.price }),
    ...(reserved.isZero() ? {} : { reserved }),
  });
  const may = familyMayChange(contract);
  return {
    id: contract.id,
    status: contract.status,
    programmeId: contract.programmeId,
    programmeName: programme?.name ?? withdrawnProgramme.ru,
    providerName: record.providerName ?? '—',
    groupName: group?.name ?? '—',
    fundingKind,
    requestedOn: contract.requestedOn,
    start: contract.start,
    end: contract.end,
    ...(contract.closedOn === undefined ? {} : { closedOn: contract.closedOn }),
    ...(contract.closedBy === undefined ? {} : { closedBy: contract.closedBy }),
    all: contract.all.toString(),
    certificate: contract.certificate.toString(),
    family: contract.family.toString(),
    months: monthPayments(contract, entries).map((month) => ({
      ...month,
      certificate: month.certificate.toString(),
      family: month.family.toString(),
      paid: month.paid.toString(),
      returned: month.returned.toString(),
    })),
    reasons,
    canWithdraw: may.withdraw,
    canEnd: may.end,
  };
}

/**
 * A contract changed by the family as its cabinet shows it, read among the certificate's
 * contracts after the change (with its ledger movements), or from the contract alone.
 *
 * @example
 * ```ts
 * import type { FamilyContractRecord } from '@eduset/adapters';
 * import type { Contract } from '@eduset/core';
 * import { changedContract } from './service.js';
 * declare const records: readonly FamilyContractRecord[];
 * declare const contract: Contract;
 * changedContract(records, contract).status;
 * ```
 */
export function changedContract(
  records: readonly FamilyContractRecord[],
  contract: Contract,
): FamilyContract {
  const record = records.find((candidate) => candidate.contract.id === contract.id) ?? {
    contract,
    entries: [],
  };
  return familyContractOf(record);
}

const certificateNotFound: LocalizedText = {
  ru: 'Сертификат с таким номером и датой рождения ребёнка не найден',
  en: "No certificate with this number and child's birth date",
};

/**
 * The certificate a number and a birth date name, under the same per-number attempt limit as
 * the balance check (`certificateAttemptLimit`, the same counter `certificate:<number>`): one
 * 404 answer whichever is wrong; over the limit 429 with `Retry-After`, the right pair too,
 * until the window ends. The attempt is counted before the pair is looked at and taken back
 * when the pair is right.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { checkCertificatePair } from '@eduset/server';
 * declare const financing: import('@eduset/adapters').FinancingStore;
 * declare const limits: import('@eduset/adapters').AttemptLimits;
 * declare const reply: import('fastify').FastifyReply;
 * await checkCertificatePair({ financing, limits, now: () => instant(new Date()), reply }, '6800000001', '2016-04-12');
 * ```
 */
export async function checkCertificatePair(
  check: {
    readonly financing: FinancingStore;
    readonly limits: AttemptLimits;
    readonly now: () => Instant;
    readonly reply: FastifyReply;
  },
  number: string,
  birthDate: string,
): Promise<CertificateWithBalance> {
  const at = check.now();
  const bucket = `certificate:${number}`;
  const { max, windowMs } = certificateAttemptLimit;
  const count = await check.limits.hit(bucket, windowMs, at);
  if (count.hits > max) {
    const seconds = Math.max(1, Math.ceil((Date.parse(count.windowEnd) - Date.parse(at)) / 1000));
    void check.reply.header('retry-after', String(seconds));
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    throw new HttpError(429, 'too-many-checks', {
      ru: `Слишком много попыток с неверной датой рождения для этого сертификата. Повторите через ${minutes} мин.`,
      en: `Too many tries with a wrong birth date for this certificate. Try again in ${minutes} min.`,
    });
  }
  try {
    const found = await check.financing.findCertificate(number, birthDate);
    await check.limits.release(bucket, at);
    return found;
  } catch (error) {
    if (isEdusetError(error) && error._tag === 'NotFoundError') {
      throw new HttpError(404, 'not_found', certificateNotFound);
    }
    throw error;
  }
}

/**
 * A refusal of core or the storage as its HTTP answer: a typed refusal (`FamilyRefusal`,
 * `FinancingLimitError`) is a 409 whose code names the rule; a record not found is a 404.
 *
 * @example
 * ```ts
 * import { FamilyRefusal } from '@eduset/core';
 * import { familyErrorAsHttp } from '@eduset/server';
 * familyErrorAsHttp(new FamilyRefusal('already-accepted'));
 * ```
 */
export function familyErrorAsHttp(error: unknown, notFound?: LocalizedText): unknown {
  if (!isEdusetError(error)) return error;
  if (error._tag === 'ConflictError') {
    const reason = (error as { reason?: unknown }).reason;
    return new HttpError(409, typeof reason === 'string' ? reason : 'conflict', error.text);
  }
  if (error._tag === 'NotFoundError' && notFound !== undefined) {
    return new HttpError(404, 'not_found', notFound);
  }
  return error;
}
