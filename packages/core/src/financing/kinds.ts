import type { LocalizedText } from '../common/labels.js';
import { z } from '../common/zod-mini.js';

// The kinds and statuses that wire schemas of the public elements name (the family's cabinet,
// the programme navigator), written with `zod/mini` in a module of their own so that an
// element reaching them does not load the modules of programmes, certificates and contracts
// (and zod classic with them). Those modules re-export them.

/**
 * How a programme is paid for: from the municipal budget (free, counted on a record
 * certificate), by families (paid services) or through personalized financing (`funded`:
 * paid from a funded certificate).
 *
 * @example
 * ```ts
 * import { fundingKinds } from '@eduset/core/financing';
 * fundingKinds; // ['budget', 'paid', 'funded']
 * ```
 */
export const fundingKinds = ['budget', 'paid', 'funded'] as const;

/**
 * Schema of a {@link FundingKind}.
 *
 * @example
 * ```ts
 * import { fundingKindSchema } from '@eduset/core/financing';
 * fundingKindSchema.parse('funded');
 * ```
 */
export const fundingKindSchema = z.enum(fundingKinds);

/** A funding kind. @example `const kind: FundingKind = 'paid';` */
export type FundingKind = z.infer<typeof fundingKindSchema>;

/**
 * Names of the funding kinds in Russian and English.
 *
 * @example
 * ```ts
 * import { fundingKindLabels } from '@eduset/core/financing';
 * fundingKindLabels.funded.ru; // 'сертификат ПФ'
 * ```
 */
export const fundingKindLabels: Readonly<Record<FundingKind, LocalizedText>> = {
  budget: { ru: 'бюджетная', en: 'budget' },
  paid: { ru: 'платная', en: 'paid' },
  funded: { ru: 'сертификат ПФ', en: 'certificate-funded' },
};

/**
 * The six directions (направленности) of Russian additional education programmes.
 *
 * @example
 * ```ts
 * import { directions } from '@eduset/core/financing';
 * directions.includes('technical'); // true
 * ```
 */
export const directions = [
  'technical',
  'natural-science',
  'physical-sport',
  'artistic',
  'tourism-local-history',
  'social-humanitarian',
] as const;

/**
 * Schema of a {@link Direction}.
 *
 * @example
 * ```ts
 * import { directionSchema } from '@eduset/core/financing';
 * directionSchema.parse('artistic');
 * ```
 */
export const directionSchema = z.enum(directions);

/** A programme direction. @example `const direction: Direction = 'technical';` */
export type Direction = z.infer<typeof directionSchema>;

/**
 * Names of the directions in Russian and English.
 *
 * @example
 * ```ts
 * import { directionLabels } from '@eduset/core/financing';
 * directionLabels.technical.ru; // 'техническая'
 * ```
 */
export const directionLabels: Readonly<Record<Direction, LocalizedText>> = {
  technical: { ru: 'техническая', en: 'technical' },
  'natural-science': { ru: 'естественнонаучная', en: 'natural science' },
  'physical-sport': { ru: 'физкультурно-спортивная', en: 'physical culture and sport' },
  artistic: { ru: 'художественная', en: 'artistic' },
  'tourism-local-history': { ru: 'туристско-краеведческая', en: 'tourism and local history' },
  'social-humanitarian': { ru: 'социально-гуманитарная', en: 'social and humanitarian' },
};

/**
 * The two kinds of certificate: a `record` certificate (сертификат учёта) counts
 * enrolments in budget and other free programmes; a `funded` certificate (сертификат ПФ)
 * pays for certified programmes.
 *
 * @example
 * ```ts
 * import { certificateKindSchema } from '@eduset/core/financing';
 * certificateKindSchema.parse('funded');
 * ```
 */
export const certificateKindSchema = z.enum(['record', 'funded']);

/** A certificate kind. @example `const kind: CertificateKind = 'record';` */
export type CertificateKind = z.infer<typeof certificateKindSchema>;

/**
 * The states of a certificate: `issued → active ⇄ suspended`, and any of them `→ closed`
 * (the child aged out, moved away, or another reason).
 *
 * @example
 * ```ts
 * import { certificateStatuses } from '@eduset/core/financing';
 * certificateStatuses[0]; // 'issued'
 * ```
 */
export const certificateStatuses = ['issued', 'active', 'suspended', 'closed'] as const;

/**
 * Schema of a certificate status.
 *
 * @example
 * ```ts
 * import { certificateStatusSchema } from '@eduset/core/financing';
 * certificateStatusSchema.parse('active');
 * ```
 */
export const certificateStatusSchema = z.enum(certificateStatuses);

/** A certificate status. @example `const status: CertificateStatus = 'active';` */
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;

/**
 * Names of the certificate statuses in Russian and English.
 *
 * @example
 * ```ts
 * import { certificateStatusLabels } from '@eduset/core/financing';
 * certificateStatusLabels.suspended.ru; // 'приостановлен'
 * ```
 */
export const certificateStatusLabels: Readonly<Record<CertificateStatus, LocalizedText>> = {
  issued: { ru: 'выдан', en: 'issued' },
  active: { ru: 'активирован', en: 'active' },
  suspended: { ru: 'приостановлен', en: 'suspended' },
  closed: { ru: 'закрыт', en: 'closed' },
};

/**
 * The states of an enrolment contract: `requested → accepted → active → closed`, or
 * `requested | accepted → refused`; a request not confirmed in time becomes `lapsed`.
 *
 * @example
 * ```ts
 * import { contractStatuses } from '@eduset/core/financing';
 * contractStatuses[0]; // 'requested'
 * ```
 */
export const contractStatuses = [
  'requested',
  'accepted',
  'active',
  'closed',
  'refused',
  'lapsed',
] as const;

/**
 * Schema of a contract status.
 *
 * @example
 * ```ts
 * import { contractStatusSchema } from '@eduset/core/financing';
 * contractStatusSchema.parse('active');
 * ```
 */
export const contractStatusSchema = z.enum(contractStatuses);

/** A contract status. @example `const status: ContractStatus = 'accepted';` */
export type ContractStatus = z.infer<typeof contractStatusSchema>;

/**
 * Names of the contract statuses in Russian and English.
 *
 * @example
 * ```ts
 * import { contractStatusLabels } from '@eduset/core/financing';
 * contractStatusLabels.requested.ru; // 'заявка'
 * ```
 */
export const contractStatusLabels: Readonly<Record<ContractStatus, LocalizedText>> = {
  requested: { ru: 'заявка', en: 'requested' },
  accepted: { ru: 'принята', en: 'accepted' },
  active: { ru: 'действует', en: 'active' },
  closed: { ru: 'закрыт', en: 'closed' },
  refused: { ru: 'отказ', en: 'refused' },
  lapsed: { ru: 'не подтверждена в срок', en: 'lapsed' },
};
