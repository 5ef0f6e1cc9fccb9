import { isoDateSchema } from '../common/iso-date.js';
import { moneyTextSchema } from '../common/money-text.js';
import { z } from '../common/zod-mini.js';
import {
  certificateKindSchema,
  certificateStatusSchema,
  contractStatusSchema,
  directionSchema,
  fundingKindSchema,
} from './kinds.js';
import type { Contract } from './contract.js';
import type { Programme } from './programme.js';

// What the programme navigator's routes answer (`GET /api/programmes`, the certificate's
// balance, `POST /api/enrolments`), written with `zod/mini`, amounts as decimal text
// (`"4418.00"`, as `Money` writes itself to JSON): the navigator element shows and previews
// them with core's `formatMoneyText` and whole-number preview, and loads neither zod classic
// nor decimal.js. The server computes with `Money` and answers these views (the same JSON as
// before); `programmeViewOf` and `contractViewOf` make them.

const id = z.string().check(z.minLength(1), z.maxLength(120));
const text = z.string().check(z.minLength(1));
const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
const monthText = z.string().check(z.regex(/^\d{4}-\d{2}$/));

/**
 * Schema of a provider as the navigator shows it: its id, name, kind and district.
 *
 * @example
 * ```ts
 * import { providerViewSchema } from '@eduset/core/financing';
 * providerViewSchema.parse({ id: 'cdt', name: 'МБОУ ДО «ЦДТ»', kind: 'municipal' });
 * ```
 */
export const providerViewSchema = z.object({
  id,
  name: text,
  kind: z.enum(['municipal', 'private', 'university', 'culture', 'sport']),
  district: z.optional(text),
});

/** A provider as the navigator shows it. @example `declare const provider: ProviderView; provider.name;` */
export type ProviderView = z.infer<typeof providerViewSchema>;

/**
 * Schema of a programme group as the navigator shows it: dates, capacity, weekdays (ISO
 * 1–7), the lesson time, the site and the room.
 *
 * @example
 * ```ts
 * import { programmeGroupViewSchema } from '@eduset/core/financing';
 * programmeGroupViewSchema.parse({
 *   id: 'g1', name: 'Группа 1', start: '2026-09-01', end: '2027-05-31', capacity: 12, weekdays: [2, 4],
 * });
 * ```
 */
export const programmeGroupViewSchema = z.object({
  id,
  name: text,
  start: isoDateSchema,
  end: isoDateSchema,
  capacity: z.int().check(z.minimum(1)),
  weekdays: z.array(z.int().check(z.minimum(1), z.maximum(7))),
  time: z.optional(z.object({ from: clockTime, to: clockTime })),
  siteId: z.optional(id),
  roomId: z.optional(id),
});

/** A programme group as the navigator shows it. @example `declare const group: ProgrammeGroupView; group.capacity;` */
export type ProgrammeGroupView = z.infer<typeof programmeGroupViewSchema>;

/**
 * Schema of a programme as the navigator receives it: core's `Programme` with its modules'
 * price and normative cost as decimal text (`"4418.00"`).
 *
 * @example
 * ```ts
 * import { programmeViewSchema } from '@eduset/core/financing';
 * programmeViewSchema.parse({
 *   id: 'robotics', name: 'Робототехника', providerId: 'cdt', fundingKind: 'paid',
 *   direction: 'technical', ageFrom: 7, ageTo: 12, hours: 144, groupSize: { min: 8, max: 12 },
 *   certification: 'not-certified',
 *   modules: [{ id: 'm1', name: 'Модуль 1', hours: 144, price: '10000.00', groups: [] }],
 * });
 * ```
 */
export const programmeViewSchema = z.object({
  id,
  name: text,
  description: z.optional(z.string()),
  providerId: id,
  siteId: z.optional(id),
  district: z.optional(text),
  fundingKind: fundingKindSchema,
  direction: directionSchema,
  ageFrom: z.int().check(z.minimum(0), z.maximum(25)),
  ageTo: z.int().check(z.minimum(0), z.maximum(25)),
  hours: z.number().check(z.positive()),
  hoursPerWeek: z.optional(z.number().check(z.positive())),
  groupSize: z.object({
    min: z.int().check(z.minimum(1)),
    max: z.int().check(z.minimum(1)),
  }),
  certification: z.enum(['not-certified', 'pending', 'certified']),
  maxEnrolments: z.optional(z.int().check(z.minimum(0))),
  modules: z.array(
    z.object({
      id,
      name: text,
      hours: z.number().check(z.positive()),
      price: z.optional(moneyTextSchema),
      normativeCost: z.optional(moneyTextSchema),
      groups: z.array(programmeGroupViewSchema),
    }),
  ),
});

/** A programme as the navigator shows it (amounts as decimal text). @example `declare const programme: ProgrammeView; programme.modules[0]?.price;` */
export type ProgrammeView = z.infer<typeof programmeViewSchema>;

/**
 * The navigator's view of a registry programme: the same fields, amounts as decimal text
 * (`Money#toString`, two fraction digits). The server answers it; set it on
 * `<eduset-program-navigator>`'s `programmes` property.
 *
 * @example
 * ```ts
 * import { createProgrammeRegistry, programmeViewOf } from '@eduset/core/financing';
 * declare const json: unknown;
 * const views = createProgrammeRegistry(json).programmes.map(programmeViewOf);
 * ```
 */
export function programmeViewOf(programme: Programme): ProgrammeView {
  return {
    ...programme,
    modules: programme.modules.map((module) => ({
      id: module.id,
      name: module.name,
      hours: module.hours,
      ...(module.price === undefined ? {} : { price: module.price.toString() }),
      ...(module.normativeCost === undefined
        ? {}
        : { normativeCost: module.normativeCost.toString() }),
      groups: module.groups,
    })),
  };
}

/**
 * Schema of the answer of `GET /api/programmes`: the programmes that match (a page of them,
 * amounts as decimal text) with their total, and the providers they name; `placesLeft` — the
 * places left in each group of the page (group id → capacity − places taken, as the database
 * counts them now), and `districts` — every district of the navigator, for the district
 * filter.
 *
 * @example
 * ```ts
 * import { programmeListSchema } from '@eduset/core/financing';
 * programmeListSchema.parse({ total: 0, offset: 0, programmes: [], providers: [] });
 * ```
 */
export const programmeListSchema = z.object({
  total: z.int().check(z.minimum(0)),
  offset: z.int().check(z.minimum(0)),
  programmes: z.array(programmeViewSchema),
  providers: z.array(providerViewSchema),
  placesLeft: z.optional(z.record(z.string(), z.int().check(z.minimum(0)))),
  districts: z.optional(z.array(z.string())),
});

/** The answer of `GET /api/programmes`. @example `declare const list: ProgrammeList; list.total;` */
export type ProgrammeList = z.infer<typeof programmeListSchema>;

/**
 * Schema of the answer of `GET /api/certificates/:number/balance`: the certificate's kind and
 * status and its balance in the current period (amounts as decimal text, `"15000.00"`).
 *
 * @example
 * ```ts
 * import { certificateBalanceSchema } from '@eduset/core/financing';
 * certificateBalanceSchema.parse({
 *   number: '6800000001', kind: 'funded', status: 'active', period: '2026-2027',
 *   nominal: '15000.00', available: '15000.00', reserved: '0.00', spent: '0.00',
 * }).available; // '15000.00'
 * ```
 */
export const certificateBalanceSchema = z.object({
  number: text,
  kind: certificateKindSchema,
  status: certificateStatusSchema,
  period: text,
  nominal: moneyTextSchema,
  available: moneyTextSchema,
  reserved: moneyTextSchema,
  spent: moneyTextSchema,
});

/** A certificate's balance as the API answers it. @example `declare const b: CertificateBalance; b.available;` */
export type CertificateBalance = z.infer<typeof certificateBalanceSchema>;

/**
 * Schema of a contract as the enrolment answer carries it: core's `Contract` with its
 * amounts and monthly schedule as decimal text. It is the `detail.contract` of the
 * navigator's `eduset-enrolment-created` event.
 *
 * @example
 * ```ts
 * import { contractViewSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * contractViewSchema.parse(json).family; // '1200.00'
 * ```
 */
export const contractViewSchema = z.object({
  id: text,
  certificateId: text,
  period: text,
  programmeId: text,
  moduleId: text,
  groupId: text,
  providerId: text,
  direction: directionSchema,
  status: contractStatusSchema,
  requestedOn: isoDateSchema,
  start: isoDateSchema,
  end: isoDateSchema,
  all: moneyTextSchema,
  normative: moneyTextSchema,
  certificate: moneyTextSchema,
  family: moneyTextSchema,
  schedule: z.array(
    z.object({ month: monthText, certificate: moneyTextSchema, family: moneyTextSchema }),
  ),
  /** The month paid in full whatever the completeness (the month of a termination). */
  paidInFull: z.optional(monthText),
  closedOn: z.optional(isoDateSchema),
  closedBy: z.optional(z.enum(['family', 'provider', 'end'])),
  /** The hours a week the contract takes from a certificate that counts weekly hours. */
  weeklyHours: z.optional(z.number().check(z.minimum(0), z.maximum(168))),
});

/** A contract as the enrolment answer carries it (amounts as decimal text). @example `declare const contract: ContractView; contract.status;` */
export type ContractView = z.infer<typeof contractViewSchema>;

/**
 * The wire view of a contract: the same fields, amounts and schedule as decimal text.
 *
 * @example
 * ```ts
 * import { contractViewOf, type Contract } from '@eduset/core/financing';
 * declare const contract: Contract;
 * contractViewOf(contract).all; // '4418.00'
 * ```
 */
export function contractViewOf(contract: Contract): ContractView {
  return {
    ...contract,
    all: contract.all.toString(),
    normative: contract.normative.toString(),
    certificate: contract.certificate.toString(),
    family: contract.family.toString(),
    schedule: contract.schedule.map((month) => ({
      month: month.month,
      certificate: month.certificate.toString(),
      family: month.family.toString(),
    })),
  };
}

/**
 * Schema of the answer of `POST /api/enrolments` (201): the contract request and the
 * certificate's balance after its reserve, amounts as decimal text.
 *
 * @example
 * ```ts
 * import { enrolmentResponseSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * enrolmentResponseSchema.parse(json).contract.status; // 'requested'
 * ```
 */
export const enrolmentResponseSchema = z.object({
  contract: contractViewSchema,
  balance: certificateBalanceSchema,
});

/** The answer of `POST /api/enrolments`. @example `declare const answer: EnrolmentResponse; answer.contract.id;` */
export type EnrolmentResponse = z.infer<typeof enrolmentResponseSchema>;
