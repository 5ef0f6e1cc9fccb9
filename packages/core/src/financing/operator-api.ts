import { isoDateSchema } from '../common/iso-date.js';
import { requestTextSchema } from '../common/wire.js';
import { z } from '../common/zod.js';
import { moneySchema, nonNegativeMoneySchema } from './amounts.js';
import {
  certificateKindSchema,
  certificateStatusSchema,
  financingPeriodSchema,
} from './certificate.js';
import { contractStatusSchema } from './contract.js';
import { ledgerEntryKindSchema } from './ledger.js';
import {
  directionLimitsSchema,
  directionLimitsVersionSchema,
  financingPeriodIdSchema,
  normativeCoefficientsSchema,
  parametersVersionSchema,
} from './operator-parameters.js';
import { directionSchema } from './programme.js';

/** A comma-separated list (`status=active,issued`), split into its values. */
const commaList = z
  .string()
  .max(400)
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  );

const wholeNumber = (max: number) =>
  z
    .string()
    .refine((value) => /^\d{1,7}$/.test(value) && Number(value) <= max, {
      params: {
        text: {
          ru: `Ожидается целое число от 0 до ${String(max)}`,
          en: `Expected a whole number from 0 to ${String(max)}`,
        },
      },
    })
    .transform(Number);

const certificateNumberSchema = z.string().refine((value) => /^\d{6,12}$/.test(value), {
  params: {
    text: {
      ru: 'Номер сертификата — от 6 до 12 цифр',
      en: 'A certificate number has 6 to 12 digits',
    },
  },
});

/**
 * Schema of the query of `GET /api/operator/certificates`: `q` (the start of a number, or
 * words of the child's name for whom may see holders), `status`, `kind` (comma-separated),
 * `group` (a certificate group's id), and the page `offset` and `limit` (50 by default, at
 * most 200).
 *
 * @example
 * ```ts
 * import { operatorCertificatesQuerySchema } from '@eduset/core/financing';
 * operatorCertificatesQuerySchema.parse({ q: '68000', status: 'active,issued', limit: '20' });
 * ```
 */
export const operatorCertificatesQuerySchema = z.strictObject({
  q: z.optional(requestTextSchema(100, 0)),
  status: commaList.pipe(z.array(certificateStatusSchema)).optional(),
  kind: commaList.pipe(z.array(certificateKindSchema)).optional(),
  group: z.optional(requestTextSchema(120)),
  offset: wholeNumber(10_000_000).optional(),
  limit: wholeNumber(200).optional(),
});

/** The validated query of `GET /api/operator/certificates`. @example `declare const q: OperatorCertificatesQuery; q.status;` */
export type OperatorCertificatesQuery = z.output<typeof operatorCertificatesQuerySchema>;

/**
 * Schema of a certificate's balance in its group's period (roubles with kopecks).
 *
 * @example
 * ```ts
 * import { registryBalanceSchema } from '@eduset/core/financing';
 * registryBalanceSchema.parse({ nominal: '15000', available: '15000', reserved: '0', spent: '0' });
 * ```
 */
export const registryBalanceSchema = z.object({
  nominal: moneySchema,
  available: moneySchema,
  reserved: moneySchema,
  spent: moneySchema,
});

/**
 * Schema of one row of the certificate registry: the number, the child's age today, the group
 * and its period, the kind, the status and the balance; `childName` only for whom may see
 * certificate holders (that read is audited).
 *
 * @example
 * ```ts
 * import { registryCertificateSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * registryCertificateSchema.parse(json).number;
 * ```
 */
export const registryCertificateSchema = z.object({
  id: z.string().min(1),
  number: z.string().min(1),
  age: z.number().int().min(0),
  groupId: z.string().min(1),
  groupName: z.string().min(1),
  period: z.string().min(1),
  kind: certificateKindSchema,
  status: certificateStatusSchema,
  issuedOn: isoDateSchema,
  activatedOn: z.optional(isoDateSchema),
  closedOn: z.optional(isoDateSchema),
  closeReason: z.enum(['age-out', 'moved-away', 'other']).optional(),
  balance: registryBalanceSchema,
  childName: z.string().optional(),
});

/** A row of the certificate registry. @example `declare const row: RegistryCertificate; row.balance.available;` */
export type RegistryCertificate = z.infer<typeof registryCertificateSchema>;

/**
 * Schema of a certificate group as the operator's desk shows it: its period, nominal, funded
 * places and how many are taken (counted by the database).
 *
 * @example
 * ```ts
 * import { certificateGroupSummarySchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * certificateGroupSummarySchema.parse(json).fundedCount;
 * ```
 */
export const certificateGroupSummarySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  period: financingPeriodSchema,
  nominal: nonNegativeMoneySchema,
  fundedPlaces: z.number().int().min(0),
  fundedCount: z.number().int().min(0),
  unit: z.enum(['money', 'weekly-hours']),
});

/** A certificate group summary. @example `declare const g: CertificateGroupSummary; g.fundedPlaces - g.fundedCount;` */
export type CertificateGroupSummary = z.infer<typeof certificateGroupSummarySchema>;

/**
 * Schema of the answer of `GET /api/operator/certificates`: a page of the registry with the
 * total, the certificate groups, and the server's civil date (ages are counted on it).
 *
 * @example
 * ```ts
 * import { certificateRegistryPageSchema } from '@eduset/core/financing';
 * certificateRegistryPageSchema.parse({ total: 0, offset: 0, today: '2026-09-01', certificates: [], groups: [] });
 * ```
 */
export const certificateRegistryPageSchema = z.object({
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  today: isoDateSchema,
  certificates: z.array(registryCertificateSchema),
  groups: z.array(certificateGroupSummarySchema),
});

/** A page of the certificate registry. @example `declare const page: CertificateRegistryPage; page.total;` */
export type CertificateRegistryPage = z.infer<typeof certificateRegistryPageSchema>;

const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.optional(requestTextSchema(max)),
  );

/**
 * Schema of a certificate holder's data: the child's name and birth date, the parent's name,
 * phone, e-mail and address (personal data: only for whom may see holders, every read
 * audited).
 *
 * @example
 * ```ts
 * import { certificateHolderSchema } from '@eduset/core/financing';
 * certificateHolderSchema.parse({ childName: 'Иванов Пётр', birthDate: '2016-04-12' });
 * ```
 */
export const certificateHolderSchema = z.object({
  childName: requestTextSchema(200),
  birthDate: isoDateSchema,
  parentName: optionalText(200),
  phone: optionalText(40).pipe(
    z
      .string()
      .refine((value) => /^\+?[\d\s()-]{5,40}$/.test(value), {
        params: {
          text: {
            ru: 'Телефон — цифры, пробелы, скобки и дефисы, например +7 912 000-00-00',
            en: 'A phone has digits, spaces, brackets and dashes, such as +7 912 000-00-00',
          },
        },
      })
      .optional(),
  ),
  email: optionalText(200).pipe(
    z
      .string()
      .refine((value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), {
        params: {
          text: {
            ru: 'Адрес электронной почты выглядит как name@example.ru',
            en: 'An e-mail address looks like name@example.org',
          },
        },
      })
      .optional(),
  ),
  address: optionalText(300),
});

/** A certificate holder. @example `declare const holder: CertificateHolder; holder.childName;` */
export type CertificateHolder = z.infer<typeof certificateHolderSchema>;

/**
 * A certificate holder as given (dates as plain strings), before validation.
 *
 * @example
 * ```ts
 * import type { CertificateHolderInput } from '@eduset/core/financing';
 * const holder: CertificateHolderInput = { childName: 'Иванов Пётр', birthDate: '2016-04-12' };
 * ```
 */
export type CertificateHolderInput = z.input<typeof certificateHolderSchema>;

/**
 * Schema of one contract of a certificate on the operator's card: the programme, status,
 * dates, what the certificate and the family pay, and the versions of the normative-cost
 * parameters and direction limits in force when it was priced (`null`: none saved then).
 *
 * @example
 * ```ts
 * import { registryContractSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * registryContractSchema.parse(json).parametersVersion;
 * ```
 */
export const registryContractSchema = z.object({
  id: z.string().min(1),
  programmeId: z.string().min(1),
  programmeName: z.string().min(1),
  period: z.string().min(1),
  status: contractStatusSchema,
  start: isoDateSchema,
  end: isoDateSchema,
  certificate: moneySchema,
  family: moneySchema,
  parametersVersion: z.number().int().min(1).nullable(),
  limitsVersion: z.number().int().min(1).nullable(),
});

/** A contract on the operator's card. @example `declare const c: RegistryContract; c.status;` */
export type RegistryContract = z.infer<typeof registryContractSchema>;

/**
 * Schema of one ledger movement on the operator's card.
 *
 * @example
 * ```ts
 * import { registryMovementSchema } from '@eduset/core/financing';
 * registryMovementSchema.parse({ id: 'issue:c1:2017', period: '2017', kind: 'issue', amount: '15000' });
 * ```
 */
export const registryMovementSchema = z.object({
  id: z.string().min(1),
  period: z.string().min(1),
  kind: ledgerEntryKindSchema,
  amount: moneySchema,
  contractId: z.string().optional(),
  month: z.string().optional(),
});

/**
 * Schema of the answer of `GET /api/operator/certificates/:id`: the registry row, the holder
 * (`null` when none was recorded), its balance movements in posting order and its contracts.
 *
 * @example
 * ```ts
 * import { certificateCardSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * certificateCardSchema.parse(json).holder?.childName;
 * ```
 */
export const certificateCardSchema = z.object({
  certificate: registryCertificateSchema,
  holder: certificateHolderSchema.nullable(),
  movements: z.array(registryMovementSchema),
  contracts: z.array(registryContractSchema),
});

/** A certificate's card. @example `declare const card: CertificateCard; card.movements.length;` */
export type CertificateCard = z.infer<typeof certificateCardSchema>;

/**
 * Schema of the body of `POST /api/operator/certificates`: the group, the holder's data and,
 * optionally, a number (one is given by the registry otherwise).
 *
 * @example
 * ```ts
 * import { issueCertificateBodySchema } from '@eduset/core/financing';
 * issueCertificateBodySchema.parse({
 *   groupId: 'michurinsk-5-18', childName: 'Иванов Пётр', birthDate: '2016-04-12',
 *   parentName: 'Иванова Анна', phone: '+79120000001',
 * });
 * ```
 */
export const issueCertificateBodySchema = z.strictObject({
  groupId: requestTextSchema(120),
  number: certificateNumberSchema.optional(),
  childName: requestTextSchema(200),
  birthDate: isoDateSchema,
  parentName: certificateHolderSchema.shape.parentName,
  phone: certificateHolderSchema.shape.phone,
  email: certificateHolderSchema.shape.email,
  address: certificateHolderSchema.shape.address,
});

/** The body of `POST /api/operator/certificates`. @example `declare const body: IssueCertificateBody; body.groupId;` */
export type IssueCertificateBody = z.output<typeof issueCertificateBodySchema>;

/**
 * Schema of the path of `/api/operator/certificates/:id…`.
 *
 * @example
 * ```ts
 * import { certificateIdParamsSchema } from '@eduset/core/financing';
 * certificateIdParamsSchema.parse({ id: 'demo-1' });
 * ```
 */
export const certificateIdParamsSchema = z.object({ id: requestTextSchema(128) });

/**
 * Schema of the body of `POST /api/operator/certificates/:id/activate|suspend|resume`
 * (nothing to say).
 *
 * @example
 * ```ts
 * import { emptyCertificateBodySchema } from '@eduset/core/financing';
 * emptyCertificateBodySchema.parse({});
 * ```
 */
export const emptyCertificateBodySchema = z.strictObject({});

/**
 * Schema of the body of `POST /api/operator/certificates/:id/close`: the reason.
 *
 * @example
 * ```ts
 * import { closeCertificateBodySchema } from '@eduset/core/financing';
 * closeCertificateBodySchema.parse({ reason: 'moved-away' });
 * ```
 */
export const closeCertificateBodySchema = z.strictObject({
  reason: z.enum(['age-out', 'moved-away', 'other']),
});

/**
 * Schema of the body of `POST /api/operator/certificates/:id/convert`: the kind to convert to.
 *
 * @example
 * ```ts
 * import { convertCertificateBodySchema } from '@eduset/core/financing';
 * convertCertificateBodySchema.parse({ to: 'funded' });
 * ```
 */
export const convertCertificateBodySchema = z.strictObject({ to: certificateKindSchema });

/**
 * Schema of the body of `POST /api/operator/certificates/:id/move`: the group of the later
 * period to move to.
 *
 * @example
 * ```ts
 * import { moveCertificateBodySchema } from '@eduset/core/financing';
 * moveCertificateBodySchema.parse({ groupId: 'michurinsk-5-18-2027' });
 * ```
 */
export const moveCertificateBodySchema = z.strictObject({ groupId: requestTextSchema(120) });

/**
 * Schema of the answer of every certificate step of the operator: the certificate as the
 * registry shows it now, how many ledger movements were posted (0 for a repeat), and for a
 * move the amount lapsed and the nominal issued.
 *
 * @example
 * ```ts
 * import { certificateStepAnswerSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * certificateStepAnswerSchema.parse(json).posted;
 * ```
 */
export const certificateStepAnswerSchema = z.object({
  certificate: registryCertificateSchema,
  posted: z.number().int().min(0),
  lapsed: moneySchema.optional(),
  issued: moneySchema.optional(),
});

/** The answer of a certificate step. @example `declare const a: CertificateStepAnswer; a.certificate.status;` */
export type CertificateStepAnswer = z.infer<typeof certificateStepAnswerSchema>;

/**
 * Schema of the answer of `GET /api/operator/periods`: the certificate groups with their
 * periods, and the server's civil date.
 *
 * @example
 * ```ts
 * import { operatorPeriodsSchema } from '@eduset/core/financing';
 * operatorPeriodsSchema.parse({ today: '2026-09-01', groups: [] });
 * ```
 */
export const operatorPeriodsSchema = z.object({
  today: isoDateSchema,
  groups: z.array(certificateGroupSummarySchema),
});

/** The answer of `GET /api/operator/periods`. @example `declare const p: OperatorPeriods; p.groups;` */
export type OperatorPeriods = z.infer<typeof operatorPeriodsSchema>;

/**
 * Schema of the path of `/api/operator/parameters/:period` and
 * `/api/operator/direction-limits/:period`.
 *
 * @example
 * ```ts
 * import { periodParamsSchema } from '@eduset/core/financing';
 * periodParamsSchema.parse({ period: '2026-2027' });
 * ```
 */
export const periodParamsSchema = z.object({ period: financingPeriodIdSchema });

/**
 * Schema of the answer of `GET /api/operator/parameters/:period`: the period and every
 * version of its normative-cost parameters, oldest first (the last is in force).
 *
 * @example
 * ```ts
 * import { parametersAnswerSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * parametersAnswerSchema.parse(json).versions.at(-1)?.version;
 * ```
 */
export const parametersAnswerSchema = z.object({
  period: financingPeriodSchema,
  versions: z.array(parametersVersionSchema),
});

/** The answer of `GET /api/operator/parameters/:period`. @example `declare const a: ParametersAnswer; a.versions;` */
export type ParametersAnswer = z.infer<typeof parametersAnswerSchema>;

/**
 * Schema of the body of `PUT /api/operator/parameters/:period`: the version the change is
 * based on (0 when the period has none yet), the coefficients, the municipality and a note.
 *
 * @example
 * ```ts
 * import { parametersChangeSchema } from '@eduset/core/financing';
 * declare const coefficients: unknown;
 * parametersChangeSchema.parse({ basedOn: 1, coefficients, note: 'Новая средняя зарплата' });
 * ```
 */
export const parametersChangeSchema = z.strictObject({
  basedOn: z.number().int().min(0),
  municipality: z.optional(requestTextSchema(200)),
  coefficients: normativeCoefficientsSchema,
  note: z.optional(requestTextSchema(500)),
});

/** The body of `PUT /api/operator/parameters/:period`. @example `declare const c: ParametersChange; c.basedOn;` */
export type ParametersChange = z.output<typeof parametersChangeSchema>;

/**
 * Schema of one direction's limit in a period: the limit (`null`: none) and the funded
 * enrolments counted against it by the database.
 *
 * @example
 * ```ts
 * import { directionCountSchema } from '@eduset/core/financing';
 * directionCountSchema.parse({ direction: 'technical', max: 200, enrolments: 12 });
 * ```
 */
export const directionCountSchema = z.object({
  direction: directionSchema,
  max: z.number().int().min(0).nullable(),
  enrolments: z.number().int().min(0),
});

/**
 * Schema of the answer of `GET /api/operator/direction-limits/:period`: every version of the
 * period's limits (oldest first) and the counts per direction now.
 *
 * @example
 * ```ts
 * import { directionLimitsAnswerSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * directionLimitsAnswerSchema.parse(json).counts;
 * ```
 */
export const directionLimitsAnswerSchema = z.object({
  period: financingPeriodSchema,
  versions: z.array(directionLimitsVersionSchema),
  counts: z.array(directionCountSchema),
});

/** The answer of `GET /api/operator/direction-limits/:period`. @example `declare const a: DirectionLimitsAnswer; a.counts;` */
export type DirectionLimitsAnswer = z.infer<typeof directionLimitsAnswerSchema>;

/**
 * Schema of the body of `PUT /api/operator/direction-limits/:period`.
 *
 * @example
 * ```ts
 * import { directionLimitsChangeSchema } from '@eduset/core/financing';
 * directionLimitsChangeSchema.parse({ basedOn: 0, limits: { technical: 200 } });
 * ```
 */
export const directionLimitsChangeSchema = z.strictObject({
  basedOn: z.number().int().min(0),
  limits: directionLimitsSchema,
  note: z.optional(requestTextSchema(500)),
});

/** The body of `PUT /api/operator/direction-limits/:period`. @example `declare const c: DirectionLimitsChange; c.limits;` */
export type DirectionLimitsChange = z.output<typeof directionLimitsChangeSchema>;
