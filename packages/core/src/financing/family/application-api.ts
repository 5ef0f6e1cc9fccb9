import { isoDateSchema } from '../../common/iso-date.js';
import { requestTextSchema } from '../../common/wire.js';
import { z } from '../../common/zod.js';
import { moneySchema } from '../amounts.js';
import { certificateKindSchema, certificateStatusSchema } from '../certificate.js';
import { certificateApplicationSchema } from './application.js';
import { certificateApplicationStatusSchema } from './application-status.js';

/**
 * Schema of the path of a certificate application route (`…/certificate-applications/:id`).
 *
 * @example
 * ```ts
 * import { certificateApplicationParamsSchema } from '@eduset/core/financing';
 * certificateApplicationParamsSchema.parse({ id: 'K7M2-Q9PX-3TWA' });
 * ```
 */
export const certificateApplicationParamsSchema = z.object({ id: requestTextSchema(64) });

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
 * Schema of the query of `GET /api/operator/certificate-applications`: the status to list
 * (every one by default) and the page (`offset`, `limit` — 50 by default, at most 500).
 *
 * @example
 * ```ts
 * import { certificateApplicationListQuerySchema } from '@eduset/core/financing';
 * certificateApplicationListQuerySchema.parse({ status: 'submitted', limit: '20' });
 * ```
 */
export const certificateApplicationListQuerySchema = z.strictObject({
  status: z.optional(certificateApplicationStatusSchema),
  offset: wholeNumber(100000).optional(),
  limit: wholeNumber(500).optional(),
});

/** The query of the operator's list. @example `declare const query: CertificateApplicationListQuery;` */
export type CertificateApplicationListQuery = z.output<
  typeof certificateApplicationListQuerySchema
>;

/**
 * Schema of the answer of `GET /api/operator/certificate-applications`: a page of
 * applications (oldest waiting first) and how many match in all.
 *
 * @example
 * ```ts
 * import { certificateApplicationListSchema } from '@eduset/core/financing';
 * certificateApplicationListSchema.parse({ total: 0, offset: 0, applications: [] });
 * ```
 */
export const certificateApplicationListSchema = z.object({
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  applications: z.array(certificateApplicationSchema),
});

/** The operator's list. @example `declare const list: CertificateApplicationList; list.total;` */
export type CertificateApplicationList = z.infer<typeof certificateApplicationListSchema>;

/**
 * Schema of the body of `POST /api/operator/certificate-applications/:id/confirm`: the
 * certificate group to issue into (the one open today by default).
 *
 * @example
 * ```ts
 * import { certificateApplicationConfirmSchema } from '@eduset/core/financing';
 * certificateApplicationConfirmSchema.parse({});
 * ```
 */
export const certificateApplicationConfirmSchema = z.strictObject({
  groupId: z.optional(requestTextSchema(128)),
});

/**
 * Schema of the body of `POST /api/operator/certificate-applications/:id/refuse`: the reason,
 * which the family reads.
 *
 * @example
 * ```ts
 * import { certificateApplicationRefuseSchema } from '@eduset/core/financing';
 * certificateApplicationRefuseSchema.parse({ reason: 'Адрес вне Мичуринска' });
 * ```
 */
export const certificateApplicationRefuseSchema = z.strictObject({
  reason: requestTextSchema(500),
});

/**
 * Schema of the answer of the operator's decisions (confirm, refuse, erase): the application
 * after it and, once confirmed, the certificate issued (its number, status and nominal).
 *
 * @example
 * ```ts
 * import { certificateApplicationDecisionSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * certificateApplicationDecisionSchema.parse(json).certificate?.number;
 * ```
 */
export const certificateApplicationDecisionSchema = z.object({
  application: certificateApplicationSchema,
  certificate: z
    .object({
      number: z.string().min(1),
      kind: certificateKindSchema,
      status: certificateStatusSchema,
      issuedOn: isoDateSchema,
      period: z.string().min(1),
      nominal: moneySchema,
    })
    .optional(),
});

/** The answer of an operator's decision. @example `declare const decision: CertificateApplicationDecision;` */
export type CertificateApplicationDecision = z.infer<typeof certificateApplicationDecisionSchema>;
