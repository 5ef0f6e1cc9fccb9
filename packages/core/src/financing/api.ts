import { isoDateSchema } from '../common/iso-date.js';
import { z } from '../common/zod.js';
import { moneySchema } from './amounts.js';
import { certificateKindSchema, certificateStatusSchema } from './certificate.js';
import { contractSchema } from './contract.js';
import {
  directionSchema,
  fundingKindSchema,
  programmeSchema,
  providerSchema,
} from './programme.js';
import { requestTextSchema } from '../common/wire.js';

/** A comma-separated list (`direction=technical,artistic`), split into its values. */
const commaList = z
  .string()
  .max(4000)
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  );

const wholeNumber = (max: number) =>
  z
    .string()
    .refine((value) => /^\d{1,6}$/.test(value) && Number(value) <= max, {
      params: {
        text: {
          ru: `Ожидается целое число от 0 до ${String(max)}`,
          en: `Expected a whole number from 0 to ${String(max)}`,
        },
      },
    })
    .transform(Number);

/**
 * Schema of the query of `GET /api/programmes`: `q` (words to find), `direction`, `kind`
 * (funding kinds), `district`, `provider`, `weekday` (ISO 1–7) as comma-separated lists,
 * `age` (the child's age), and the page `offset` and `limit` (50 by default, at most 5 000).
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core';
 * import { programmesQuerySchema } from '@eduset/core/financing';
 * parse(programmesQuerySchema, { q: 'робот', age: '9', kind: 'funded,budget' });
 * ```
 */
export const programmesQuerySchema = z.strictObject({
  q: z.optional(requestTextSchema(200, 0)),
  direction: commaList.pipe(z.array(directionSchema)).optional(),
  kind: commaList.pipe(z.array(fundingKindSchema)).optional(),
  district: commaList.pipe(z.array(requestTextSchema(100))).optional(),
  provider: commaList.pipe(z.array(requestTextSchema(120))).optional(),
  weekday: commaList.pipe(z.array(z.enum(['1', '2', '3', '4', '5', '6', '7']))).optional(),
  age: wholeNumber(25).optional(),
  offset: wholeNumber(100000).optional(),
  limit: wholeNumber(5000).optional(),
});

/**
 * The validated query of `GET /api/programmes`.
 *
 * @example
 * ```ts
 * import type { ProgrammesQuery } from '@eduset/core/financing';
 * declare const query: ProgrammesQuery;
 * query.age;
 * ```
 */
export type ProgrammesQuery = z.output<typeof programmesQuerySchema>;

/**
 * Schema of the path of `GET /api/certificates/:number/balance`: the certificate's number.
 *
 * @example
 * ```ts
 * import { certificateNumberParamsSchema } from '@eduset/core/financing';
 * certificateNumberParamsSchema.parse({ number: '6800000001' });
 * ```
 */
export const certificateNumberParamsSchema = z.object({
  number: z.string().refine((value) => /^\d{6,12}$/.test(value), {
    params: {
      text: {
        ru: 'Номер сертификата — от 6 до 12 цифр',
        en: 'A certificate number has 6 to 12 digits',
      },
    },
  }),
});

/**
 * Schema of the query of `GET /api/certificates/:number/balance`: the child's birth date,
 * the second factor.
 *
 * @example
 * ```ts
 * import { certificateBalanceQuerySchema } from '@eduset/core/financing';
 * certificateBalanceQuerySchema.parse({ birthDate: '2016-04-12' });
 * ```
 */
export const certificateBalanceQuerySchema = z.strictObject({ birthDate: isoDateSchema });

/**
 * Schema of the answer of `GET /api/programmes`: the programmes that match (a page of them)
 * with their total, and the providers they name; `placesLeft` — the places left in each
 * group of the page (group id → capacity − places taken, as the database counts them now),
 * and `districts` — every district of the navigator, for the district filter.
 *
 * @example
 * ```ts
 * import { programmeListSchema } from '@eduset/core/financing';
 * programmeListSchema.parse({ total: 0, offset: 0, programmes: [], providers: [] });
 * ```
 */
export const programmeListSchema = z.object({
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  programmes: z.array(programmeSchema),
  providers: z.array(providerSchema),
  placesLeft: z.record(z.string(), z.number().int().min(0)).optional(),
  districts: z.array(z.string()).optional(),
});

/** The answer of `GET /api/programmes`. @example `declare const list: ProgrammeList; list.total;` */
export type ProgrammeList = z.infer<typeof programmeListSchema>;

/**
 * Schema of the answer of `GET /api/certificates/:number/balance`: the certificate's kind and
 * status and its balance in the current period (money as strings with kopecks).
 *
 * @example
 * ```ts
 * import { certificateBalanceSchema } from '@eduset/core/financing';
 * certificateBalanceSchema.parse({
 *   number: '6800000001', kind: 'funded', status: 'active', period: '2026-2027',
 *   nominal: '15000.00', available: '15000.00', reserved: '0.00', spent: '0.00',
 * });
 * ```
 */
export const certificateBalanceSchema = z.object({
  number: z.string().min(1),
  kind: certificateKindSchema,
  status: certificateStatusSchema,
  period: z.string().min(1),
  nominal: moneySchema,
  available: moneySchema,
  reserved: moneySchema,
  spent: moneySchema,
});

/** A certificate's balance as the API answers it. @example `declare const b: CertificateBalance; b.available;` */
export type CertificateBalance = z.infer<typeof certificateBalanceSchema>;

/**
 * Schema of the body of `POST /api/enrolments`: the certificate's number and the child's
 * birth date (the second factor), the programme and optionally its module and group (the
 * first ones by default).
 *
 * @example
 * ```ts
 * import { enrolmentRequestSchema } from '@eduset/core/financing';
 * enrolmentRequestSchema.parse({ certificateNumber: '6800000001', birthDate: '2016-04-12', programmeId: 'mich-353' });
 * ```
 */
export const enrolmentRequestSchema = z.strictObject({
  certificateNumber: z.string().refine((value) => /^\d{6,12}$/.test(value), {
    params: {
      text: {
        ru: 'Номер сертификата — от 6 до 12 цифр',
        en: 'A certificate number has 6 to 12 digits',
      },
    },
  }),
  birthDate: isoDateSchema,
  programmeId: requestTextSchema(120),
  moduleId: z.optional(requestTextSchema(120)),
  groupId: z.optional(requestTextSchema(120)),
});

/** The body of `POST /api/enrolments`. @example `declare const body: EnrolmentRequestBody; body.programmeId;` */
export type EnrolmentRequestBody = z.infer<typeof enrolmentRequestSchema>;

/**
 * Schema of the answer of `POST /api/enrolments` (201): the contract request and the
 * certificate's balance after its reserve.
 *
 * @example
 * ```ts
 * import { enrolmentResponseSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * enrolmentResponseSchema.parse(json).contract.status; // 'requested'
 * ```
 */
export const enrolmentResponseSchema = z.object({
  contract: contractSchema,
  balance: certificateBalanceSchema,
});

/** The answer of `POST /api/enrolments`. @example `declare const answer: EnrolmentResponse; answer.contract.id;` */
export type EnrolmentResponse = z.infer<typeof enrolmentResponseSchema>;
