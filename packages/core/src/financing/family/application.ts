import { parse, type LocalizedText } from '../../common/index.js';
import { isoDateSchema } from '../../common/iso-date.js';
import { requestTextSchema } from '../../common/wire.js';
import { z } from '../../common/zod.js';
import { instantSchema, type Instant } from '../../schedule/instant.js';
import { ageOn, dayNumber } from '../calendar.js';
import {
  issueCertificate,
  scaledNominal,
  type Certificate,
  type CertificateGroup,
} from '../certificate.js';
import { ledgerEntry, type LedgerEntry } from '../ledger.js';
import { FinancingLimitError } from '../limits.js';
import {
  certificateApplicationStatusSchema,
  type CertificateApplicationView,
} from './application-status.js';
import { FamilyRefusal } from './refusals.js';

const consentText: LocalizedText = {
  ru: 'Нужно согласие на обработку персональных данных',
  en: 'Consent to personal-data processing is required',
};

const nameText: LocalizedText = {
  ru: 'Укажите фамилию, имя и отчество ребёнка буквами',
  en: "Give the child's full name in letters",
};

/**
 * Schema of a family's application for a certificate, as the form sends it: the child's
 * full name and birth date, the address in the municipality, the parent's e-mail (for the
 * answer), and the consent to personal-data processing with the version of its text
 * (`GET /api/consent`).
 *
 * @example
 * ```ts
 * import { certificateApplicationInputSchema } from '@eduset/core/financing';
 * certificateApplicationInputSchema.parse({
 *   childName: 'Иванов Пётр Сергеевич', birthDate: '2016-04-12',
 *   address: 'г. Мичуринск, ул. Советская, д. 1, кв. 2', email: 'ivanova@example.ru',
 *   consentVersion: '2026-12-01', personalDataConsent: true,
 * });
 * ```
 */
export const certificateApplicationInputSchema = z.strictObject({
  childName: requestTextSchema(200).check(
    z.refine((value: string) => /\p{L}/u.test(value), { params: { text: nameText } }),
  ),
  birthDate: isoDateSchema,
  address: requestTextSchema(300),
  email: z.string().trim().max(254).pipe(z.email()),
  consentVersion: requestTextSchema(64),
  personalDataConsent: z.custom<true>((value) => value === true, {
    params: { text: consentText },
  }),
});

/** A certificate application as the form sends it. @example `declare const input: CertificateApplicationInput;` */
export type CertificateApplicationInput = z.output<typeof certificateApplicationInputSchema>;

/**
 * Schema of a certificate application as the operator sees it: its status and dates, the
 * child's name and birth date, the address and the parent's e-mail (all absent once erased),
 * the consent version, and the decision — who made it, the refusal's reason or the issued
 * certificate's number.
 *
 * @example
 * ```ts
 * import { certificateApplicationSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * certificateApplicationSchema.parse(json).status;
 * ```
 */
export const certificateApplicationSchema = z.object({
  id: z.string().min(1),
  status: certificateApplicationStatusSchema,
  submittedAt: instantSchema,
  consentVersion: z.string().min(1),
  childName: z.string().min(1).optional(),
  birthDate: z.optional(isoDateSchema),
  address: z.string().min(1).optional(),
  email: z.string().min(1).optional(),
  decidedAt: z.optional(instantSchema),
  decidedBy: z.string().min(1).optional(),
  refusalReason: z.string().min(1).optional(),
  certificateId: z.string().min(1).optional(),
  certificateNumber: z.string().min(1).optional(),
  erasedAt: z.optional(instantSchema),
});

/** A certificate application. @example `declare const application: CertificateApplication; application.status;` */
export type CertificateApplication = z.infer<typeof certificateApplicationSchema>;

/** Youngest age to receive a certificate, and the age it closes at. */
const MIN_AGE = 5;
const AGE_OUT = 18;

/**
 * Makes a submitted application from the form's input (validated: a `ValidationError` lists
 * every problem) on `at`, the civil day `today`. A child outside 5–17 years on that day is
 * refused at once with `FinancingLimitError('age-out-of-range')`, as the operator would.
 *
 * @example
 * ```ts
 * import { submitCertificateApplication } from '@eduset/core/financing';
 * import { instant } from '@eduset/core';
 * const application = submitCertificateApplication(
 *   {
 *     childName: 'Иванов Пётр', birthDate: '2016-04-12', address: 'г. Мичуринск, ул. Советская, 1',
 *     email: 'ivanova@example.ru', consentVersion: '2026-12-01', personalDataConsent: true,
 *   },
 *   { id: 'K7M2-Q9PX-3TWA', at: instant('2026-10-05T07:00:00Z'), today: '2026-10-05' },
 * );
 * application.status; // 'submitted'
 * ```
 */
export function submitCertificateApplication(
  input: unknown,
  context: { readonly id: string; readonly at: Instant; readonly today: string },
): CertificateApplication {
  const form = parse(certificateApplicationInputSchema, input);
  const age = ageOn(form.birthDate, isoDateSchema.parse(context.today));
  if (age < MIN_AGE || age >= AGE_OUT) {
    throw new FinancingLimitError('age-out-of-range', {
      ru: `сертификат выдаётся детям от 5 до 18 лет, возраст ${String(age)}`,
      en: `certificates are issued to children aged 5 to 18, age ${String(age)}`,
    });
  }
  return {
    id: context.id,
    status: 'submitted',
    submittedAt: context.at,
    consentVersion: form.consentVersion,
    childName: form.childName,
    birthDate: form.birthDate,
    address: form.address,
    email: form.email,
  };
}

function decidable(application: CertificateApplication): void {
  if (application.status !== 'submitted') throw new FamilyRefusal('application-decided');
}

/**
 * The operator confirms a submitted application: a record certificate is issued (core's
 * `issueCertificate`, in `group`, on the civil day `on`) with its nominal scaled to the days
 * left in the group's period (`scaledNominal`), as an `issue` movement. Refused with
 * `FamilyRefusal('application-decided')` when already decided, `'no-certificate-group'` when
 * `on` is outside the group's period, and `FinancingLimitError('age-out-of-range')` for a
 * child outside 5–17 on that day.
 *
 * @example
 * ```ts
 * import { confirmCertificateApplication, type CertificateApplication, type CertificateGroup } from '@eduset/core/financing';
 * import { instant } from '@eduset/core';
 * declare const application: CertificateApplication;
 * declare const group: CertificateGroup;
 * const { certificate, issue } = confirmCertificateApplication(application, {
 *   certificateId: 'app-K7M2Q9PX3TWA', number: '6800500001', group, on: '2026-10-06',
 *   at: instant('2026-10-06T08:00:00Z'), by: 'УМИЦ, оператор',
 * });
 * certificate.kind; // 'record'
 * issue.kind; // 'issue'
 * ```
 */
export function confirmCertificateApplication(
  application: CertificateApplication,
  decision: {
    readonly certificateId: string;
    readonly number: string;
    readonly group: CertificateGroup;
    readonly on: string;
    readonly at: Instant;
    readonly by: string;
  },
): {
  readonly application: CertificateApplication;
  readonly certificate: Certificate;
  readonly issue: LedgerEntry;
} {
  decidable(application);
  const { group, on } = decision;
  if (application.birthDate === undefined) throw new FamilyRefusal('application-decided');
  if (
    dayNumber(on) < dayNumber(group.period.start) ||
    dayNumber(on) > dayNumber(group.period.end)
  ) {
    throw new FamilyRefusal('no-certificate-group');
  }
  const certificate = issueCertificate(
    {
      id: decision.certificateId,
      number: decision.number,
      birthDate: application.birthDate,
      groupId: group.id,
    },
    on,
  );
  const issue = ledgerEntry({
    id: `issue:${certificate.id}:${group.period.id}`,
    certificateId: certificate.id,
    period: group.period.id,
    kind: 'issue',
    amount: scaledNominal(group.nominal, group.period, on).toString(),
  });
  return {
    application: {
      ...application,
      status: 'confirmed',
      decidedAt: decision.at,
      decidedBy: decision.by,
      certificateId: certificate.id,
      certificateNumber: certificate.number,
    },
    certificate,
    issue,
  };
}

/**
 * The operator refuses a submitted application with a reason the family will read.
 *
 * @example
 * ```ts
 * import { refuseCertificateApplication, type CertificateApplication } from '@eduset/core/financing';
 * import { instant } from '@eduset/core';
 * declare const application: CertificateApplication;
 * refuseCertificateApplication(application, {
 *   reason: 'Адрес вне Мичуринска', at: instant('2026-10-06T08:00:00Z'), by: 'УМИЦ',
 * }).status; // 'refused'
 * ```
 */
export function refuseCertificateApplication(
  application: CertificateApplication,
  decision: { readonly reason: string; readonly at: Instant; readonly by: string },
): CertificateApplication {
  decidable(application);
  const reason = requestTextSchema(500).parse(decision.reason);
  return {
    ...application,
    status: 'refused',
    decidedAt: decision.at,
    decidedBy: decision.by,
    refusalReason: reason,
  };
}

function erased(application: CertificateApplication, at: Instant): CertificateApplication {
  const kept: CertificateApplication = {
    id: application.id,
    status: application.status,
    submittedAt: application.submittedAt,
    consentVersion: application.consentVersion,
    erasedAt: at,
  };
  return {
    ...kept,
    ...(application.decidedAt === undefined ? {} : { decidedAt: application.decidedAt }),
    ...(application.decidedBy === undefined ? {} : { decidedBy: application.decidedBy }),
    ...(application.refusalReason === undefined
      ? {}
      : { refusalReason: application.refusalReason }),
    ...(application.certificateId === undefined
      ? {}
      : { certificateId: application.certificateId }),
    ...(application.certificateNumber === undefined
      ? {}
      : { certificateNumber: application.certificateNumber }),
  };
}

/**
 * The family withdraws its application while it waits for a decision: `withdrawn`, and the
 * child's name, birth date, address and e-mail are erased at once.
 *
 * @example
 * ```ts
 * import { withdrawCertificateApplication, type CertificateApplication } from '@eduset/core/financing';
 * import { instant } from '@eduset/core';
 * declare const application: CertificateApplication;
 * withdrawCertificateApplication(application, instant('2026-10-06T08:00:00Z')).childName; // undefined
 * ```
 */
export function withdrawCertificateApplication(
  application: CertificateApplication,
  at: Instant,
): CertificateApplication {
  decidable(application);
  return erased({ ...application, status: 'withdrawn', decidedAt: at }, at);
}

/**
 * Erases the personal data of a decided application (the child's name and birth date, the
 * address, the e-mail), keeping its status, dates and decision. An application still waiting
 * is refused with `FamilyRefusal('application-not-decided')`.
 *
 * @example
 * ```ts
 * import { eraseCertificateApplication, type CertificateApplication } from '@eduset/core/financing';
 * import { instant } from '@eduset/core';
 * declare const refused: CertificateApplication;
 * eraseCertificateApplication(refused, instant('2026-11-01T08:00:00Z')).email; // undefined
 * ```
 */
export function eraseCertificateApplication(
  application: CertificateApplication,
  at: Instant,
): CertificateApplication {
  if (application.status === 'submitted') throw new FamilyRefusal('application-not-decided');
  return erased(application, at);
}

/**
 * What the family sees of its application (see {@link certificateApplicationViewSchema}).
 *
 * @example
 * ```ts
 * import { certificateApplicationView, type CertificateApplication } from '@eduset/core/financing';
 * declare const application: CertificateApplication;
 * certificateApplicationView(application).status;
 * ```
 */
export function certificateApplicationView(
  application: CertificateApplication,
): CertificateApplicationView {
  return {
    id: application.id,
    status: application.status,
    submittedAt: application.submittedAt,
    ...(application.decidedAt === undefined ? {} : { decidedAt: application.decidedAt }),
    ...(application.refusalReason === undefined
      ? {}
      : { refusalReason: application.refusalReason }),
    ...(application.certificateNumber === undefined
      ? {}
      : { certificateNumber: application.certificateNumber }),
  };
}
