import { isoDateSchema } from '../common/iso-date.js';
import { z } from '../common/zod.js';
import { directionSchema, fundingKindSchema } from './kinds.js';
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
