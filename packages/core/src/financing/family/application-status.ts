import type { LocalizedText } from '../../common/labels.js';
import { z } from '../../common/zod-mini.js';
import { instantSchema } from '../../schedule/instant.js';

/**
 * The states of a family's application for a certificate: `submitted` (waiting for the
 * operator), then `confirmed` (a record certificate was issued), `refused` (with the
 * operator's reason) or `withdrawn` (by the family, its data erased at once).
 *
 * @example
 * ```ts
 * import { certificateApplicationStatuses } from '@eduset/core/financing';
 * certificateApplicationStatuses[0]; // 'submitted'
 * ```
 */
export const certificateApplicationStatuses = [
  'submitted',
  'confirmed',
  'refused',
  'withdrawn',
] as const;

/**
 * Schema of a certificate application's status.
 *
 * @example
 * ```ts
 * import { certificateApplicationStatusSchema } from '@eduset/core/financing';
 * certificateApplicationStatusSchema.parse('submitted');
 * ```
 */
export const certificateApplicationStatusSchema = z.enum(certificateApplicationStatuses);

/** A certificate application's status. @example `const status: CertificateApplicationStatus = 'refused';` */
export type CertificateApplicationStatus = z.infer<typeof certificateApplicationStatusSchema>;

/**
 * Names of the application statuses in Russian and English.
 *
 * @example
 * ```ts
 * import { certificateApplicationStatusLabels } from '@eduset/core/financing';
 * certificateApplicationStatusLabels.confirmed.ru; // 'сертификат выдан'
 * ```
 */
export const certificateApplicationStatusLabels: Readonly<
  Record<CertificateApplicationStatus, LocalizedText>
> = {
  submitted: { ru: 'подано, ждёт решения', en: 'submitted, waiting for a decision' },
  confirmed: { ru: 'сертификат выдан', en: 'certificate issued' },
  refused: { ru: 'отказано', en: 'refused' },
  withdrawn: { ru: 'отозвано', en: 'withdrawn' },
};

/**
 * Schema of what the family sees of its application with the code it was given: the status,
 * the dates, the refusal's reason and, once confirmed, the certificate's number — never the
 * child's name, birth date, address or e-mail.
 *
 * @example
 * ```ts
 * import { certificateApplicationViewSchema } from '@eduset/core/financing';
 * certificateApplicationViewSchema.parse({
 *   id: 'K7M2-Q9PX-3TWA', status: 'submitted', submittedAt: '2026-10-05T07:00:00.000Z',
 * });
 * ```
 */
export const certificateApplicationViewSchema = z.object({
  id: z.string().check(z.minLength(1)),
  status: certificateApplicationStatusSchema,
  submittedAt: instantSchema,
  decidedAt: z.optional(instantSchema),
  refusalReason: z.optional(z.string().check(z.minLength(1))),
  certificateNumber: z.optional(z.string().check(z.minLength(1))),
});

/** What the family sees of its application. @example `declare const view: CertificateApplicationView; view.status;` */
export type CertificateApplicationView = z.infer<typeof certificateApplicationViewSchema>;
