import { localizedTextSchema } from '../../common/labels.js';
import { isoDateSchema } from '../../common/iso-date.js';
import { moneyTextSchema } from '../../common/money-text.js';
import { z } from '../../common/zod-mini.js';
import { instantSchema } from '../../schedule/instant.js';
import {
  certificateKindSchema,
  certificateStatusSchema,
  contractStatusSchema,
  fundingKindSchema,
} from '../kinds.js';
import { certificateApplicationViewSchema } from './application-status.js';

/**
 * Schema of the family's certificate as its cabinet shows it: number, kind, status, the
 * child's birth date and age today, the certificate group and its period, and the balance in
 * that period (amounts as decimal text, `"15000.00"`: the cabinet only shows them, with
 * `formatMoneyText`, and needs no decimal arithmetic).
 *
 * @example
 * ```ts
 * import { familyCertificateSchema } from '@eduset/core/financing';
 * import { formatMoneyText } from '@eduset/core/common';
 * declare const json: unknown;
 * formatMoneyText(familyCertificateSchema.parse(json).balance.available, 'ru');
 * ```
 */
export const familyCertificateSchema = z.object({
  number: z.string().check(z.minLength(1)),
  kind: certificateKindSchema,
  status: certificateStatusSchema,
  birthDate: isoDateSchema,
  age: z.int().check(z.minimum(0)),
  issuedOn: isoDateSchema,
  activatedOn: z.optional(isoDateSchema),
  groupName: z.string().check(z.minLength(1)),
  period: z.object({
    id: z.string().check(z.minLength(1)),
    start: isoDateSchema,
    end: isoDateSchema,
  }),
  balance: z.object({
    nominal: moneyTextSchema,
    available: moneyTextSchema,
    reserved: moneyTextSchema,
    spent: moneyTextSchema,
  }),
});

/** The family's certificate. @example `declare const certificate: FamilyCertificate; certificate.age;` */
export type FamilyCertificate = z.infer<typeof familyCertificateSchema>;

/**
 * Schema of the answer of `POST /api/family/session`: the cabinet's token (sent back in the
 * `Authorization: Bearer …` header, never in an address), when it expires, and the
 * certificate.
 *
 * @example
 * ```ts
 * import { familySessionSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * familySessionSchema.parse(json).token;
 * ```
 */
export const familySessionSchema = z.object({
  token: z.string().check(z.minLength(1)),
  expiresAt: instantSchema,
  certificate: familyCertificateSchema,
});

/** The answer of `POST /api/family/session`. @example `declare const session: FamilySession;` */
export type FamilySession = z.infer<typeof familySessionSchema>;

/**
 * Schema of one month of a contract in the cabinet: the scheduled parts of the certificate
 * and of the family, what was paid from the certificate and returned to it, whether the month
 * is settled, and why less was paid.
 *
 * @example
 * ```ts
 * import { familyContractMonthSchema } from '@eduset/core/financing';
 * familyContractMonthSchema.parse({
 *   month: '2026-10', certificate: '429.76', family: '0.00', paid: '0.00', returned: '0.00', settled: false,
 * });
 * ```
 */
export const familyContractMonthSchema = z.object({
  month: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  certificate: moneyTextSchema,
  family: moneyTextSchema,
  paid: moneyTextSchema,
  returned: moneyTextSchema,
  settled: z.boolean(),
  note: z.optional(localizedTextSchema),
});

/**
 * Schema of a contract (or request) as the family's cabinet shows it: the programme, the
 * provider and the group by name, the status and dates, the amounts with the monthly
 * schedule, the reasons when an amount is cut, and what the family may do now.
 *
 * @example
 * ```ts
 * import { familyContractSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * familyContractSchema.parse(json).reasons.map((reason) => reason.ru);
 * ```
 */
export const familyContractSchema = z.object({
  id: z.string().check(z.minLength(1)),
  status: contractStatusSchema,
  programmeId: z.string().check(z.minLength(1)),
  programmeName: z.string().check(z.minLength(1)),
  providerName: z.string().check(z.minLength(1)),
  groupName: z.string().check(z.minLength(1)),
  fundingKind: fundingKindSchema,
  requestedOn: isoDateSchema,
  start: isoDateSchema,
  end: isoDateSchema,
  closedOn: z.optional(isoDateSchema),
  closedBy: z.optional(z.enum(['family', 'provider', 'end'])),
  all: moneyTextSchema,
  certificate: moneyTextSchema,
  family: moneyTextSchema,
  months: z.array(familyContractMonthSchema),
  reasons: z.array(localizedTextSchema),
  canWithdraw: z.boolean(),
  canEnd: z.boolean(),
});

/** A contract in the cabinet. @example `declare const contract: FamilyContract; contract.canEnd;` */
export type FamilyContract = z.infer<typeof familyContractSchema>;

/**
 * Schema of the answer of `GET /api/family/contracts`: the family's contracts and requests,
 * newest first, and the server's civil date.
 *
 * @example
 * ```ts
 * import { familyContractListSchema } from '@eduset/core/financing';
 * familyContractListSchema.parse({ today: '2026-10-05', contracts: [] });
 * ```
 */
export const familyContractListSchema = z.object({
  today: isoDateSchema,
  contracts: z.array(familyContractSchema),
});

/** The answer of `GET /api/family/contracts`. @example `declare const list: FamilyContractList;` */
export type FamilyContractList = z.infer<typeof familyContractListSchema>;

/**
 * Schema of the answer of a family's change (`…/withdraw`, `…/end`): the contract after it and
 * the certificate with its balance.
 *
 * @example
 * ```ts
 * import { familyChangeSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * familyChangeSchema.parse(json).contract.status;
 * ```
 */
export const familyChangeSchema = z.object({
  contract: familyContractSchema,
  certificate: familyCertificateSchema,
});

/** The answer of a family's change. @example `declare const change: FamilyChange;` */
export type FamilyChange = z.infer<typeof familyChangeSchema>;

/**
 * Schema of the answer of `POST /api/certificate-applications` (201): what the family sees of
 * its application and the code that opens it later (shown once; only its hash is stored).
 *
 * @example
 * ```ts
 * import { certificateApplicationCreatedSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * certificateApplicationCreatedSchema.parse(json).code;
 * ```
 */
export const certificateApplicationCreatedSchema = z.object({
  application: certificateApplicationViewSchema,
  code: z.string().check(z.minLength(1)),
});

/** The answer of `POST /api/certificate-applications`. @example `declare const created: CertificateApplicationCreated;` */
export type CertificateApplicationCreated = z.infer<typeof certificateApplicationCreatedSchema>;
