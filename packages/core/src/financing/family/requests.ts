import { isoDateSchema } from '../../common/iso-date.js';
import { requestTextSchema } from '../../common/wire.js';
import { z } from '../../common/zod.js';

const certificateNumberSchema = z.string().refine((value) => /^\d{6,12}$/.test(value), {
  params: {
    text: {
      ru: 'Номер сертификата — от 6 до 12 цифр',
      en: 'A certificate number has 6 to 12 digits',
    },
  },
});

/**
 * Schema of the body of `POST /api/family/session`: the certificate's number and the child's
 * birth date — the pair that opens the family's cabinet.
 *
 * @example
 * ```ts
 * import { familySessionRequestSchema } from '@eduset/core/financing';
 * familySessionRequestSchema.parse({ certificateNumber: '6800000001', birthDate: '2016-04-12' });
 * ```
 */
export const familySessionRequestSchema = z.strictObject({
  certificateNumber: certificateNumberSchema,
  birthDate: isoDateSchema,
});

/** The body of `POST /api/family/session`. @example `declare const body: FamilySessionRequest;` */
export type FamilySessionRequest = z.infer<typeof familySessionRequestSchema>;

/**
 * Schema of the path of a contract route of the cabinet (`/api/family/contracts/:id/…`).
 *
 * @example
 * ```ts
 * import { familyContractParamsSchema } from '@eduset/core/financing';
 * familyContractParamsSchema.parse({ id: 'enr-1' });
 * ```
 */
export const familyContractParamsSchema = z.object({ id: requestTextSchema(128) });
