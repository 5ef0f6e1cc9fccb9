import {
  Money,
  MoneyDecimal,
  parse,
  ValidationError,
  type LocalizedText,
} from '../common/index.js';
import { isoDateSchema } from '../common/iso-date.js';
import { requestTextSchema } from '../common/wire.js';
import { z } from '../common/zod.js';
import { moneySchema } from './amounts.js';
import { advanceEntries, settlementEntries } from './billing.js';
import { dayNumber, endOfMonth, monthOf } from './calendar.js';
import { contractMonthSchema, contractStatusSchema, type Contract } from './contract.js';
import type { LedgerEntry } from './ledger.js';

// The provider's desk (поставщик): incoming applications accepted or declined with a
// reason, attendance per contract and month (which gives the settlement's completeness),
// termination by the provider, and the monthly act per contract. Every amount of an act is
// what core's billing posts for that contract and month — never computed another way.

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Schema of a month `YYYY-MM` (01–12), with a Russian and English message when it is not one.
 *
 * @example
 * ```ts
 * import { deskMonthSchema } from '@eduset/core/financing';
 * deskMonthSchema.parse('2026-09'); // '2026-09'
 * deskMonthSchema.safeParse('2026-13').success; // false
 * ```
 */
export const deskMonthSchema = z.string().refine((value) => monthPattern.test(value), {
  params: {
    text: {
      ru: 'Ожидается месяц в виде ГГГГ-ММ, например 2026-09',
      en: 'Expected a month as YYYY-MM, e.g. 2026-09',
    },
  },
});

/**
 * Why a provider declines an application (отказ в заключении договора). `other` needs a
 * note in the provider's own words.
 *
 * @example
 * ```ts
 * import { declineReasons } from '@eduset/core/financing';
 * declineReasons.includes('no-places'); // true
 * ```
 */
export const declineReasons = [
  'no-places',
  'age-mismatch',
  'health',
  'group-not-formed',
  'documents',
  'family-request',
  'other',
] as const;

/** A reason to decline. @example `const reason: DeclineReason = 'no-places';` */
export type DeclineReason = (typeof declineReasons)[number];

/**
 * The decline reasons as the family and the provider read them, in Russian and English.
 *
 * @example
 * ```ts
 * import { declineReasonLabels } from '@eduset/core/financing';
 * declineReasonLabels['no-places'].ru; // 'В группе нет свободных мест'
 * ```
 */
export const declineReasonLabels: Readonly<Record<DeclineReason, LocalizedText>> = {
  'no-places': { ru: 'В группе нет свободных мест', en: 'The group has no places left' },
  'age-mismatch': {
    ru: 'Возраст ребёнка не подходит для группы',
    en: "The child's age does not suit the group",
  },
  health: {
    ru: 'Медицинские противопоказания к занятиям',
    en: 'Medical reasons against the classes',
  },
  'group-not-formed': {
    ru: 'Группа не набрана и не будет открыта',
    en: 'The group did not fill and will not open',
  },
  documents: {
    ru: 'Не представлены документы для зачисления',
    en: 'The documents for enrolment were not provided',
  },
  'family-request': { ru: 'По просьбе семьи', en: "At the family's request" },
  other: { ru: 'Другая причина', en: 'Another reason' },
};

/**
 * Why a provider terminates a contract (расторжение по инициативе поставщика). `other`
 * needs a note.
 *
 * @example
 * ```ts
 * import { terminationReasons } from '@eduset/core/financing';
 * terminationReasons[0]; // 'absences'
 * ```
 */
export const terminationReasons = [
  'absences',
  'family-request',
  'moved-away',
  'health',
  'group-closed',
  'rules-breach',
  'other',
] as const;

/** A reason to terminate. @example `const reason: TerminationReason = 'moved-away';` */
export type TerminationReason = (typeof terminationReasons)[number];

/**
 * The termination reasons in Russian and English.
 *
 * @example
 * ```ts
 * import { terminationReasonLabels } from '@eduset/core/financing';
 * terminationReasonLabels.absences.en; // 'Long absences without a valid reason'
 * ```
 */
export const terminationReasonLabels: Readonly<Record<TerminationReason, LocalizedText>> = {
  absences: {
    ru: 'Длительные пропуски без уважительной причины',
    en: 'Long absences without a valid reason',
  },
  'family-request': {
    ru: 'По заявлению родителей',
    en: "On the parents' application",
  },
  'moved-away': { ru: 'Переезд семьи', en: 'The family moved away' },
  health: { ru: 'По состоянию здоровья ребёнка', en: "For the child's health" },
  'group-closed': { ru: 'Группа расформирована', en: 'The group was closed' },
  'rules-breach': {
    ru: 'Нарушение правил внутреннего распорядка',
    en: 'Breach of the house rules',
  },
  other: { ru: 'Другая причина', en: 'Another reason' },
};

const noteSchema = requestTextSchema(500);

const otherNeedsNote = {
  ru: 'Для причины «Другая причина» опишите её своими словами',
  en: 'For "Another reason", describe it in your own words',
};

/**
 * Schema of the body of `POST /api/provider/applications/:id/decline`: a reason from
 * {@link declineReasons} and an optional note (at most 500 characters; required for
 * `other`). The family sees both.
 *
 * @example
 * ```ts
 * import { providerDeclineBodySchema } from '@eduset/core/financing';
 * providerDeclineBodySchema.parse({ reason: 'no-places' });
 * providerDeclineBodySchema.safeParse({ reason: 'other' }).success; // false: a note is needed
 * ```
 */
export const providerDeclineBodySchema = z
  .strictObject({ reason: z.enum(declineReasons), note: z.optional(noteSchema) })
  .refine((body) => body.reason !== 'other' || body.note !== undefined, {
    params: { text: otherNeedsNote },
    path: ['note'],
  });

/** The body of a decline. @example `const body: ProviderDeclineBody = { reason: 'health' };` */
export type ProviderDeclineBody = z.input<typeof providerDeclineBodySchema>;

/**
 * Schema of the body of `POST /api/provider/contracts/:id/terminate`: the day the provider
 * terminates on (the contract then closes on the last day of that month, paid in full), the
 * reason from {@link terminationReasons} and an optional note (required for `other`).
 *
 * @example
 * ```ts
 * import { providerTerminateBodySchema } from '@eduset/core/financing';
 * providerTerminateBodySchema.parse({ on: '2026-10-12', reason: 'moved-away' });
 * ```
 */
export const providerTerminateBodySchema = z
  .strictObject({
    on: isoDateSchema,
    reason: z.enum(terminationReasons),
    note: z.optional(noteSchema),
  })
  .refine((body) => body.reason !== 'other' || body.note !== undefined, {
    params: { text: otherNeedsNote },
    path: ['note'],
  });

/** The body of a termination. @example `const body: ProviderTerminateBody = { on: '2026-10-12', reason: 'health' };` */
export type ProviderTerminateBody = z.input<typeof providerTerminateBodySchema>;

/**
 * Schema of the body of `POST /api/provider/applications/:id/accept`: nothing to say (the
 * contract's dates and amounts were fixed when the family applied).
 *
 * @example
 * ```ts
 * import { providerAcceptBodySchema } from '@eduset/core/financing';
 * providerAcceptBodySchema.parse({});
 * ```
 */
export const providerAcceptBodySchema = z.strictObject({});

/**
 * Schema of a provider's recorded decision on a contract: a decline (of an application, or
 * of an accepted contract before it started) or a termination, with its reason, note and
 * day. What the family is shown.
 *
 * @example
 * ```ts
 * import { providerDecisionSchema } from '@eduset/core/financing';
 * providerDecisionSchema.parse({ kind: 'declined', reason: 'no-places', on: '2026-08-25' });
 * ```
 */
export const providerDecisionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('declined'),
    reason: z.enum(declineReasons),
    note: z.string().optional(),
    on: isoDateSchema,
  }),
  z.object({
    kind: z.literal('terminated'),
    reason: z.enum(terminationReasons),
    note: z.string().optional(),
    on: isoDateSchema,
  }),
]);

/** A provider's decision on a contract. @example `declare const decision: ProviderDecision; decision.reason;` */
export type ProviderDecision = z.infer<typeof providerDecisionSchema>;

/**
 * The reason of a decision in people's words (the label, then the note when there is one).
 *
 * @example
 * ```ts
 * import { decisionText } from '@eduset/core/financing';
 * decisionText({ kind: 'declined', reason: 'health', note: 'справка', on: '2026-08-25' }).ru;
 * // 'Медицинские противопоказания к занятиям: справка'
 * ```
 */
export function decisionText(decision: z.input<typeof providerDecisionSchema>): LocalizedText {
  const label =
    decision.kind === 'declined'
      ? declineReasonLabels[decision.reason]
      : terminationReasonLabels[decision.reason];
  if (decision.note === undefined || decision.note === '') return label;
  return { ru: `${label.ru}: ${decision.note}`, en: `${label.en}: ${decision.note}` };
}

/**
 * What attendance is counted in: sessions (занятия) or academic hours.
 *
 * @example
 * ```ts
 * import { attendanceUnits } from '@eduset/core/financing';
 * attendanceUnits; // ['sessions', 'hours']
 * ```
 */
export const attendanceUnits = ['sessions', 'hours'] as const;

/** An attendance unit. @example `const unit: AttendanceUnit = 'sessions';` */
export type AttendanceUnit = (typeof attendanceUnits)[number];

/**
 * The attendance units in Russian and English.
 *
 * @example
 * ```ts
 * import { attendanceUnitLabels } from '@eduset/core/financing';
 * attendanceUnitLabels.hours.ru; // 'часы'
 * ```
 */
export const attendanceUnitLabels: Readonly<Record<AttendanceUnit, LocalizedText>> = {
  sessions: { ru: 'занятия', en: 'sessions' },
  hours: { ru: 'часы', en: 'hours' },
};

const hundredths = (value: number): boolean =>
  Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;

const amountOfTime = z
  .number()
  .finite()
  .min(0)
  .max(1000)
  .refine(hundredths, {
    params: {
      text: { ru: 'Не больше двух знаков после запятой', en: 'At most two decimals' },
    },
  });

/** The rules of planned and attended: above zero, not more attended than planned, whole sessions. */
function withAttendanceRules<
  S extends z.ZodType<{ unit: AttendanceUnit; planned: number; attended: number }>,
>(schema: S) {
  return schema
    .refine((body) => body.planned > 0, {
      params: {
        text: {
          ru: 'Запланировано должно быть больше нуля (если занятий не было, не вносите месяц)',
          en: 'Planned must be above zero (if there were no sessions, leave the month empty)',
        },
      },
      path: ['planned'],
    })
    .refine((body) => body.attended <= body.planned, {
      params: {
        text: {
          ru: 'Посещено не может быть больше, чем запланировано',
          en: 'Attended cannot be above planned',
        },
      },
      path: ['attended'],
    })
    .refine(
      (body) =>
        body.unit !== 'sessions' ||
        (Number.isInteger(body.planned) && Number.isInteger(body.attended)),
      {
        params: {
          text: { ru: 'Занятия считаются целыми числами', en: 'Sessions are whole numbers' },
        },
        path: ['attended'],
      },
    );
}

/**
 * Schema of the body of `PUT /api/provider/contracts/:id/attendance/:month`: the unit, how
 * many sessions (or hours) were planned for the child that month, and how many the child
 * attended. Sessions are whole numbers; `planned` is above zero; `attended` is not above
 * `planned`.
 *
 * @example
 * ```ts
 * import { deskAttendanceBodySchema } from '@eduset/core/financing';
 * deskAttendanceBodySchema.parse({ unit: 'sessions', planned: 9, attended: 7 });
 * deskAttendanceBodySchema.safeParse({ unit: 'sessions', planned: 8, attended: 9 }).success; // false
 * ```
 */
export const deskAttendanceBodySchema = withAttendanceRules(
  z.strictObject({ unit: z.enum(attendanceUnits), planned: amountOfTime, attended: amountOfTime }),
);

/** The body of an attendance entry. @example `const body: DeskAttendanceBody = { unit: 'hours', planned: 8, attended: 6.5 };` */
export type DeskAttendanceBody = z.infer<typeof deskAttendanceBodySchema>;

/**
 * Schema of one attendance record: a contract's month with its planned and attended
 * sessions (or hours).
 *
 * @example
 * ```ts
 * import { deskAttendanceRecordSchema } from '@eduset/core/financing';
 * deskAttendanceRecordSchema.parse({ contractId: 'k1', month: '2026-09', unit: 'sessions', planned: 9, attended: 7 });
 * ```
 */
export const deskAttendanceRecordSchema = withAttendanceRules(
  z.object({
    contractId: z.string().min(1).max(128),
    month: deskMonthSchema,
    unit: z.enum(attendanceUnits),
    planned: amountOfTime,
    attended: amountOfTime,
  }),
);

/** An attendance record. @example `declare const record: DeskAttendanceRecord; record.attended;` */
export type DeskAttendanceRecord = z.infer<typeof deskAttendanceRecordSchema>;

/**
 * The completeness of a month (полнота оказания услуги, %) from attendance: `attended /
 * planned × 100`, rounded half up to two decimals — the percent the act shows and the
 * settlement uses (core's `settleMonth`, `BillingOptions.completeness`).
 *
 * @example
 * ```ts
 * import { completenessPercent } from '@eduset/core/financing';
 * completenessPercent(9, 7); // 77.78
 * completenessPercent(8, 8); // 100
 * ```
 */
export function completenessPercent(planned: number, attended: number): number {
  const body = parse(deskAttendanceBodySchema, { unit: 'hours', planned, attended });
  return new MoneyDecimal(body.attended)
    .dividedBy(body.planned)
    .times(100)
    .toDecimalPlaces(2, MoneyDecimal.ROUND_HALF_UP)
    .toNumber();
}

/** ISO weekday (1 Monday … 7 Sunday) of a day number (day 0, 1970-01-01, was a Thursday). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * How many sessions a group meets for one contract in a month: the group's weekdays counted
 * in the days of the month that lie within the contract's dates. Holidays are not known
 * here: the provider corrects the figure where the group did not meet. Zero when the group
 * has no weekdays or the month lies outside the contract.
 *
 * @example
 * ```ts
 * import { plannedSessions } from '@eduset/core/financing';
 * // Tuesdays and Thursdays of September 2026 (a contract from 1 September)
 * plannedSessions({ start: '2026-09-01', end: '2027-05-31' }, [2, 4], '2026-09'); // 9
 * ```
 */
export function plannedSessions(
  contract: { readonly start: string; readonly end: string },
  weekdays: readonly number[],
  month: string,
): number {
  const valid = parse(deskMonthSchema, month);
  const first = dayNumber(`${valid}-01`);
  const last = dayNumber(endOfMonth(`${valid}-01`));
  const from = Math.max(first, dayNumber(contract.start));
  const to = Math.min(last, dayNumber(contract.end));
  const days = new Set(weekdays);
  let count = 0;
  for (let day = from; day <= to; day += 1) if (days.has(isoWeekday(day))) count += 1;
  return count;
}

function problem(path: string, text: LocalizedText): ValidationError {
  return new ValidationError([{ path: [path], code: 'custom', message: text }], text);
}

/**
 * Checks that a provider may enter attendance for this contract and month on `today`: the
 * contract is in force or was (active or closed), the month is one of its scheduled months,
 * and the month has begun. Throws a `ValidationError` with a Russian and English message
 * otherwise.
 *
 * @example
 * ```ts
 * import { checkAttendanceMonth, type Contract } from '@eduset/core/financing';
 * declare const contract: Contract;
 * checkAttendanceMonth(contract, '2026-09', '2026-09-30');
 * ```
 */
export function checkAttendanceMonth(contract: Contract, month: string, today: string): void {
  const valid = parse(deskMonthSchema, month);
  const day = parse(isoDateSchema, today);
  if (contract.status !== 'active' && contract.status !== 'closed') {
    throw problem('id', {
      ru: 'Посещаемость вносится только по действующему или закрытому договору',
      en: 'Attendance is entered only for an active or closed contract',
    });
  }
  if (!contract.schedule.some((entry) => entry.month === valid)) {
    throw problem('month', {
      ru: `Месяц ${valid} не входит в срок договора`,
      en: `The month ${valid} is not within the contract`,
    });
  }
  if (valid > monthOf(day)) {
    throw problem('month', {
      ru: `Месяц ${valid} ещё не начался`,
      en: `The month ${valid} has not begun yet`,
    });
  }
}

/**
 * Checks a provider's termination of a contract on `on`, made on `today`: the contract is
 * active, the day lies within its dates and not in a month already past (the months before
 * were billed). Throws a `ValidationError` otherwise; core's `terminateContract` does the
 * rest (the reserve after that month returns to the certificate, the month is paid in full).
 *
 * @example
 * ```ts
 * import { checkTermination, type Contract } from '@eduset/core/financing';
 * declare const contract: Contract;
 * checkTermination(contract, '2026-10-12', '2026-10-10');
 * ```
 */
export function checkTermination(contract: Contract, on: string, today: string): void {
  const day = parse(isoDateSchema, on);
  const now = parse(isoDateSchema, today);
  if (contract.status !== 'active') {
    throw problem('id', {
      ru: 'Расторгнуть можно только действующий договор; заявку или договор до начала обучения отклоните',
      en: 'Only an active contract can be terminated; decline an application or a contract that has not started',
    });
  }
  if (dayNumber(day) < dayNumber(contract.start) || dayNumber(day) > dayNumber(contract.end)) {
    throw problem('on', {
      ru: `Дата расторжения должна быть в сроке договора (${contract.start} — ${contract.end})`,
      en: `The termination date must lie within the contract (${contract.start} — ${contract.end})`,
    });
  }
  if (monthOf(day) < monthOf(now)) {
    throw problem('on', {
      ru: 'Дата расторжения не может быть в прошедшем месяце',
      en: 'The termination date cannot be in a past month',
    });
  }
}

/**
 * The monthly act (акт об оказании услуг) of one contract: what was provided (the attendance
 * entered, if any), the completeness used, and the money — the certificate's part scheduled
 * for the month, the advance, the amount billed to the certificate after settlement, what
 * returns to the certificate, and the family's co-payment.
 *
 * @example
 * ```ts
 * import type { ContractAct } from '@eduset/core/financing';
 * declare const act: ContractAct;
 * act.settled.add(act.returned).equals(act.scheduled); // true
 * ```
 */
export interface ContractAct {
  readonly contractId: string;
  readonly month: string;
  /** The attendance entered for the month; absent when none was (100 % is billed). */
  readonly attendance?: {
    readonly unit: AttendanceUnit;
    readonly planned: number;
    readonly attended: number;
  };
  /** The completeness the settlement uses (100 when none was entered or the month is paid in full). */
  readonly completeness: number;
  /** The month of a termination, paid in full whatever the attendance. */
  readonly paidInFull: boolean;
  /** The certificate's part scheduled for the month. */
  readonly scheduled: Money;
  /** The advance (80 % by default) paid at the month's start. */
  readonly advance: Money;
  /** What the certificate pays for the month after settlement. */
  readonly settled: Money;
  /** What the settlement returns to the certificate. */
  readonly returned: Money;
  /** The family's co-payment for the month. */
  readonly family: Money;
  /** What the provider receives for the month: `settled + family`. */
  readonly total: Money;
}

/**
 * The act of a contract for a month, or `undefined` when the contract bills nothing that
 * month (not active or closed, no scheduled month, or nothing scheduled). Its amounts are
 * those core's billing posts for the contract: the advance from `advanceEntries`, then the
 * settlement from `settlementEntries` with the completeness of the attendance (100 % when
 * none, and for a month paid in full after a termination). So the act and the payer's
 * settlement agree to the kopeck.
 *
 * @example
 * ```ts
 * import { contractAct, type Contract } from '@eduset/core/financing';
 * declare const contract: Contract;
 * const act = contractAct(contract, '2026-10', { unit: 'sessions', planned: 9, attended: 7 });
 * act?.settled.toString();
 * ```
 */
export function contractAct(
  contract: Contract,
  month: string,
  attendance?: {
    readonly unit: AttendanceUnit;
    readonly planned: number;
    readonly attended: number;
  },
  options: { readonly advancePercent?: number } = {},
): ContractAct | undefined {
  const valid = parse(deskMonthSchema, month);
  if (contract.status !== 'active' && contract.status !== 'closed') return undefined;
  const scheduledMonth = contract.schedule.find((entry) => entry.month === valid);
  if (scheduledMonth === undefined) return undefined;
  if (scheduledMonth.certificate.isZero() && scheduledMonth.family.isZero()) return undefined;
  const entered =
    attendance === undefined
      ? undefined
      : completenessPercent(attendance.planned, attendance.attended);
  const billing = {
    ...(options.advancePercent === undefined ? {} : { advancePercent: options.advancePercent }),
    completeness: entered === undefined ? {} : { [contract.id]: entered },
  };
  const advances = advanceEntries([contract], valid, billing);
  const settlement = settlementEntries(
    { entries: advances, balances: new Map() },
    [contract],
    valid,
    billing,
  );
  const sum = (entries: readonly LedgerEntry[], kind: LedgerEntry['kind']): Money =>
    Money.sum(entries.filter((entry) => entry.kind === kind).map((entry) => entry.amount));
  const advance = sum(advances, 'debit');
  const settled = advance.add(sum(settlement, 'debit')).subtract(sum(settlement, 'refund'));
  const paidInFull = contract.paidInFull === valid;
  return {
    contractId: contract.id,
    month: valid,
    ...(attendance === undefined
      ? {}
      : {
          attendance: {
            unit: attendance.unit,
            planned: attendance.planned,
            attended: attendance.attended,
          },
        }),
    completeness: paidInFull ? 100 : (entered ?? 100),
    paidInFull,
    scheduled: scheduledMonth.certificate,
    advance,
    settled,
    // Released from the reserve, and an advance above the settled amount refunded.
    returned: sum(settlement, 'release').add(sum(settlement, 'refund')),
    family: scheduledMonth.family,
    total: settled.add(scheduledMonth.family),
  };
}

// ——— Wire contracts of the provider's desk ———

const idParam = requestTextSchema(128);

/**
 * Schema of the path of the desk's routes on one contract: `:id`.
 *
 * @example
 * ```ts
 * import { deskContractParamsSchema } from '@eduset/core/financing';
 * deskContractParamsSchema.parse({ id: 'enr-1' });
 * ```
 */
export const deskContractParamsSchema = z.object({ id: idParam });

/**
 * Schema of the path of the attendance routes: `:id` and `:month`.
 *
 * @example
 * ```ts
 * import { deskAttendanceParamsSchema } from '@eduset/core/financing';
 * deskAttendanceParamsSchema.parse({ id: 'enr-1', month: '2026-09' });
 * ```
 */
export const deskAttendanceParamsSchema = z.object({ id: idParam, month: deskMonthSchema });

/**
 * Schema of the query of `GET /api/provider/contracts`: the month whose attendance is shown
 * (the current month by default).
 *
 * @example
 * ```ts
 * import { deskContractsQuerySchema } from '@eduset/core/financing';
 * deskContractsQuerySchema.parse({ month: '2026-10' });
 * ```
 */
export const deskContractsQuerySchema = z.strictObject({ month: deskMonthSchema.optional() });

/**
 * Schema of the query of `GET /api/provider/acts` and `/api/provider/acts.csv`: the month,
 * and for the CSV its language (`ru` by default).
 *
 * @example
 * ```ts
 * import { providerActsQuerySchema } from '@eduset/core/financing';
 * providerActsQuerySchema.parse({ month: '2026-10' });
 * ```
 */
export const providerActsQuerySchema = z.strictObject({
  month: deskMonthSchema,
  lang: z.enum(['ru', 'en']).optional(),
});

const attendanceWireSchema = z.object({
  unit: z.enum(attendanceUnits),
  planned: z.number(),
  attended: z.number(),
});

/**
 * Schema of a contract as the provider's desk shows it: the contract's status, dates and
 * amounts with the programme, module and group in words, the certificate number and the
 * child's age at the start (never the birth date), the places left in the group, and the
 * provider's decision when there is one.
 *
 * @example
 * ```ts
 * import { deskContractSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * deskContractSchema.parse(json).childAge;
 * ```
 */
export const deskContractSchema = z.object({
  id: z.string(),
  status: contractStatusSchema,
  providerId: z.string(),
  providerName: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  moduleName: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  groupStart: isoDateSchema,
  groupEnd: isoDateSchema,
  weekdays: z.array(z.number().int()),
  placesLeft: z.number().int(),
  capacity: z.number().int(),
  certificateNumber: z.string(),
  childAge: z.number().int(),
  requestedOn: isoDateSchema,
  start: isoDateSchema,
  end: isoDateSchema,
  all: moneySchema,
  certificate: moneySchema,
  family: moneySchema,
  schedule: z.array(contractMonthSchema),
  paidInFull: z.string().optional(),
  closedOn: z.optional(isoDateSchema),
  closedBy: z.enum(['family', 'provider', 'end']).optional(),
  decision: providerDecisionSchema.optional(),
});

/** A contract on the provider's desk. @example `declare const row: DeskContract; row.programmeName;` */
export type DeskContract = z.infer<typeof deskContractSchema>;

/**
 * Schema of the answer of `GET /api/provider/applications`: the applications (contracts in
 * status `requested`) of the asker's programmes, oldest first.
 *
 * @example
 * ```ts
 * import { providerApplicationsAnswerSchema } from '@eduset/core/financing';
 * providerApplicationsAnswerSchema.parse({ applications: [] });
 * ```
 */
export const providerApplicationsAnswerSchema = z.object({
  applications: z.array(deskContractSchema),
});

/** The answer of the applications list. @example `declare const answer: ProviderApplicationsAnswer; answer.applications.length;` */
export type ProviderApplicationsAnswer = z.infer<typeof providerApplicationsAnswerSchema>;

/**
 * Schema of the answer of a decision on one contract (accept, decline, terminate).
 *
 * @example
 * ```ts
 * import { deskContractAnswerSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * deskContractAnswerSchema.parse(json).contract.status;
 * ```
 */
export const deskContractAnswerSchema = z.object({ contract: deskContractSchema });

/** The answer of a decision. @example `declare const answer: DeskContractAnswer; answer.contract.id;` */
export type DeskContractAnswer = z.infer<typeof deskContractAnswerSchema>;

/**
 * Schema of one month's attendance as the desk shows it: what was entered (or the planned
 * sessions suggested from the group's weekdays), the completeness, and whether the payer has
 * settled the month already (then it cannot change).
 *
 * @example
 * ```ts
 * import { deskAttendanceAnswerSchema } from '@eduset/core/financing';
 * deskAttendanceAnswerSchema.parse({
 *   contractId: 'k1', month: '2026-09', entered: false, suggestedPlanned: 9,
 *   completeness: 100, settled: false,
 * });
 * ```
 */
export const deskAttendanceAnswerSchema = z.object({
  contractId: z.string(),
  month: z.string(),
  entered: z.boolean(),
  attendance: attendanceWireSchema.optional(),
  suggestedPlanned: z.number().int(),
  completeness: z.number(),
  settled: z.boolean(),
});

/** One month's attendance of a contract. @example `declare const answer: DeskAttendanceAnswer; answer.completeness;` */
export type DeskAttendanceAnswer = z.infer<typeof deskAttendanceAnswerSchema>;

/**
 * Schema of the answer of `GET /api/provider/contracts`: the asker's contracts that were
 * accepted (in force, about to start, or closed) with the attendance of the month asked.
 *
 * @example
 * ```ts
 * import { deskContractsAnswerSchema } from '@eduset/core/financing';
 * deskContractsAnswerSchema.parse({ month: '2026-09', contracts: [] });
 * ```
 */
export const deskContractsAnswerSchema = z.object({
  month: z.string(),
  contracts: z.array(
    z.object({ contract: deskContractSchema, attendance: deskAttendanceAnswerSchema.optional() }),
  ),
});

/** The answer of the contracts list. @example `declare const answer: DeskContractsAnswer; answer.contracts.length;` */
export type DeskContractsAnswer = z.infer<typeof deskContractsAnswerSchema>;

/**
 * Schema of one act as the desk lists it: the contract in words with the act's attendance
 * and amounts (see {@link contractAct}), and whether the payer has settled the month.
 *
 * @example
 * ```ts
 * import { providerActRowSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * providerActRowSchema.parse(json).settled.toString();
 * ```
 */
export const providerActRowSchema = z.object({
  contractId: z.string(),
  providerId: z.string(),
  programmeName: z.string(),
  moduleName: z.string(),
  groupName: z.string(),
  certificateNumber: z.string(),
  start: isoDateSchema,
  end: isoDateSchema,
  attendance: attendanceWireSchema.optional(),
  completeness: z.number(),
  paidInFull: z.boolean(),
  scheduled: moneySchema,
  advance: moneySchema,
  settled: moneySchema,
  returned: moneySchema,
  family: moneySchema,
  total: moneySchema,
  settledByPayer: z.boolean(),
});

/** One act row. @example `declare const act: ProviderActRow; act.total;` */
export type ProviderActRow = z.infer<typeof providerActRowSchema>;

/**
 * Schema of the answer of `GET /api/provider/acts?month=`: the month's acts of the asker's
 * contracts per provider, with each provider's totals.
 *
 * @example
 * ```ts
 * import { providerActsAnswerSchema } from '@eduset/core/financing';
 * providerActsAnswerSchema.parse({ month: '2026-09', providers: [] });
 * ```
 */
export const providerActsAnswerSchema = z.object({
  month: z.string(),
  providers: z.array(
    z.object({
      providerId: z.string(),
      providerName: z.string(),
      acts: z.array(providerActRowSchema),
      totals: z.object({
        contracts: z.number().int(),
        scheduled: moneySchema,
        settled: moneySchema,
        returned: moneySchema,
        family: moneySchema,
        total: moneySchema,
      }),
    }),
  ),
});

/** The answer of the acts list. @example `declare const answer: ProviderActsAnswer; answer.providers[0]?.totals.total;` */
export type ProviderActsAnswer = z.infer<typeof providerActsAnswerSchema>;

/**
 * Sums a provider's acts for the month (the totals row of its acts).
 *
 * @example
 * ```ts
 * import { providerActTotals, type ContractAct } from '@eduset/core/financing';
 * declare const acts: readonly ContractAct[];
 * providerActTotals(acts).total.toString();
 * ```
 */
export function providerActTotals(
  acts: readonly Pick<ContractAct, 'scheduled' | 'settled' | 'returned' | 'family' | 'total'>[],
): {
  readonly contracts: number;
  readonly scheduled: Money;
  readonly settled: Money;
  readonly returned: Money;
  readonly family: Money;
  readonly total: Money;
} {
  const sum = (pick: (act: (typeof acts)[number]) => Money): Money => Money.sum(acts.map(pick));
  return {
    contracts: acts.length,
    scheduled: sum((act) => act.scheduled),
    settled: sum((act) => act.settled),
    returned: sum((act) => act.returned),
    family: sum((act) => act.family),
    total: sum((act) => act.total),
  };
}
