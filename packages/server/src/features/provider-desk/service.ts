import {
  can,
  childAge,
  contractAct,
  grantsFor,
  isEdusetError,
  plannedSessions,
  completenessPercent,
  providerActTotals,
  type Action,
  type Actor,
  type ContractStatus,
  type DeskAttendanceAnswer,
  type DeskContract,
  type Instant,
  type ProviderActRow,
  type ProviderActsAnswer,
} from '@eduset/core';
import type { DeskAttendanceBody, ProviderDeclineBody, ProviderTerminateBody } from '@eduset/core';
import { excelCsv, type DeskRecord, type Storage } from '@eduset/adapters';
import { HttpError } from '../../errors.js';
import { forbidden } from '../../plugins/access.js';

/**
 * What the provider's desk needs: the storage, the clock, the network every financing record
 * lies in and the zone whose civil date "today" is.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import type { ProviderDeskOptions } from '@eduset/server';
 * const options: ProviderDeskOptions = {
 *   storage: await openStorage({ dataDir: 'memory://' }),
 *   now: () => instant(new Date()),
 *   networkId: 'michurinsk',
 * };
 * ```
 */
export interface ProviderDeskOptions {
  readonly storage: Pick<Storage, 'providerDesk'>;
  readonly now: () => Instant;
  /** The network every financing record lies in (the server's `financingNetworkId`). */
  readonly networkId: string;
  /** The zone whose civil date is "today" (`Europe/Moscow` by default). */
  readonly timeZone?: string;
}

/**
 * Where a contract lies, for the access policy and the audit log: the financing network and
 * the contract's provider.
 *
 * @example
 * ```ts
 * import type { ContractPlace } from '@eduset/server';
 * const place: ContractPlace = { networkId: 'michurinsk', organizationId: 'cdt' };
 * ```
 */
export interface ContractPlace {
  readonly networkId: string;
  readonly organizationId: string;
}

function civilDate(at: Instant, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));
}

/** A storage conflict (a financing limit, a settled month) as a 409 with its reason code. */
function conflictAsHttp(error: unknown): unknown {
  if (isEdusetError(error) && error._tag === 'ConflictError') {
    const reason = (error as { reason?: unknown }).reason;
    return new HttpError(409, typeof reason === 'string' ? reason : 'conflict', error.text);
  }
  return error;
}

/** The contract as the desk shows it: names in words, the child's age, never the birth date. */
function deskContract(record: DeskRecord): DeskContract {
  const { contract, programme } = record;
  const module = programme.modules.find((candidate) => candidate.id === contract.moduleId);
  const group = module?.groups.find((candidate) => candidate.id === contract.groupId);
  return {
    id: contract.id,
    status: contract.status,
    providerId: contract.providerId,
    providerName: record.providerName,
    programmeId: contract.programmeId,
    programmeName: programme.name,
    moduleName: module?.name ?? contract.moduleId,
    groupId: contract.groupId,
    groupName: group?.name ?? contract.groupId,
    groupStart: group?.start ?? contract.start,
    groupEnd: group?.end ?? contract.end,
    weekdays: group?.weekdays ?? [],
    placesLeft: Math.max(0, record.capacity - record.taken),
    capacity: record.capacity,
    certificateNumber: record.certificateNumber,
    childAge: childAge(record.birthDate, contract.start),
    requestedOn: contract.requestedOn,
    start: contract.start,
    end: contract.end,
    all: contract.all,
    certificate: contract.certificate,
    family: contract.family,
    schedule: contract.schedule,
    ...(contract.paidInFull === undefined ? {} : { paidInFull: contract.paidInFull }),
    ...(contract.closedOn === undefined ? {} : { closedOn: contract.closedOn }),
    ...(contract.closedBy === undefined ? {} : { closedBy: contract.closedBy }),
    ...(record.decision === undefined ? {} : { decision: record.decision }),
  };
}

const csvHeaders = {
  ru: [
    'Месяц',
    'Поставщик',
    'Договор',
    'Сертификат',
    'Программа',
    'Модуль',
    'Группа',
    'Единица',
    'Запланировано',
    'Посещено',
    'Полнота, %',
    'Начислено сертификату на месяц',
    'Аванс',
    'Оплата с сертификата',
    'Возвращено на сертификат',
    'Оплата семьи',
    'Итого поставщику',
    'Окончательный расчёт проведён',
  ],
  en: [
    'Month',
    'Provider',
    'Contract',
    'Certificate',
    'Programme',
    'Module',
    'Group',
    'Unit',
    'Planned',
    'Attended',
    'Completeness, %',
    'Certificate part scheduled',
    'Advance',
    'Paid from the certificate',
    'Returned to the certificate',
    'Paid by the family',
    'Total to the provider',
    'Settled by the payer',
  ],
} as const;

/**
 * The provider's desk as use cases over the storage, each asking core's policy for every
 * record it touches: a provider reaches the contracts of the providers its grants name in
 * the financing network, and nothing else; a contract outside the asker's reach and one that
 * does not exist both answer 403.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { providerDeskService } from '@eduset/server';
 * const desk = providerDeskService({
 *   storage: await openStorage({ dataDir: 'memory://' }),
 *   now: () => instant(new Date()),
 *   networkId: 'michurinsk',
 * });
 * ```
 */
export function providerDeskService(options: ProviderDeskOptions) {
  const desk = options.storage.providerDesk;
  const { networkId } = options;
  const timeZone = options.timeZone ?? 'Europe/Moscow';
  const today = (): string => civilDate(options.now(), timeZone);

  const placeOf = (providerId: string): ContractPlace => ({
    networkId,
    organizationId: providerId,
  });
  const reaches = (actor: Actor, action: Action, providerId: string): boolean =>
    can(actor, action, { ...placeOf(providerId), personal: true });

  /** The providers the actor may act for: their ids, or all of them. */
  function scope(actor: Actor, action: Action): readonly string[] | 'all' {
    const ids = new Set<string>();
    for (const grant of grantsFor(actor, action)) {
      if (grant.networkId !== networkId) continue;
      if (grant.organizationId === undefined) return 'all';
      ids.add(grant.organizationId);
    }
    return [...ids];
  }

  async function listed(actor: Actor, action: Action, statuses: readonly ContractStatus[]) {
    const records = await desk.listContracts({ providerIds: scope(actor, action), statuses });
    // Asked again for each record: the query's filter is a speed-up, the policy decides.
    return records.filter((record) => reaches(actor, action, record.contract.providerId));
  }

  async function reachable(actor: Actor, action: Action, id: string): Promise<DeskRecord> {
    let record: DeskRecord;
    try {
      record = await desk.findContract(id);
    } catch (error) {
      if (isEdusetError(error) && error._tag === 'NotFoundError') throw forbidden();
      throw error;
    }
    if (!reaches(actor, action, record.contract.providerId)) throw forbidden();
    return record;
  }

  async function attendanceAnswer(
    record: DeskRecord,
    month: string,
    found?: Awaited<ReturnType<typeof desk.attendance>>,
    settledIds?: ReadonlySet<string>,
  ): Promise<DeskAttendanceAnswer> {
    const { contract } = record;
    const attendance = found ?? (await desk.attendance(contract.id, month));
    const settled =
      settledIds?.has(contract.id) ??
      (await desk.settledContracts([contract.id], month)).has(contract.id);
    const weekdays = deskContract(record).weekdays;
    return {
      contractId: contract.id,
      month,
      entered: attendance !== undefined,
      ...(attendance === undefined
        ? {}
        : {
            attendance: {
              unit: attendance.unit,
              planned: attendance.planned,
              attended: attendance.attended,
            },
          }),
      suggestedPlanned: plannedSessions(contract, weekdays, month),
      completeness:
        attendance === undefined
          ? 100
          : completenessPercent(attendance.planned, attendance.attended),
      settled,
    };
  }

  async function actRows(
    actor: Actor,
    month: string,
  ): Promise<{ rows: ProviderActRow[]; names: Map<string, string> }> {
    const records = (await listed(actor, 'financing.contract.read', ['active', 'closed'])).filter(
      (record) => record.contract.schedule.some((entry) => entry.month === month),
    );
    const ids = records.map((record) => record.contract.id);
    const attendance = await desk.attendanceOf(ids, month);
    const settled = await desk.settledContracts(ids, month);
    const rows: ProviderActRow[] = [];
    const names = new Map<string, string>();
    for (const record of records) {
      names.set(record.contract.providerId, record.providerName);
      const entered = attendance.get(record.contract.id);
      const act = contractAct(record.contract, month, entered);
      if (act === undefined) continue;
      const shown = deskContract(record);
      rows.push({
        contractId: act.contractId,
        providerId: shown.providerId,
        programmeName: shown.programmeName,
        moduleName: shown.moduleName,
        groupName: shown.groupName,
        certificateNumber: shown.certificateNumber,
        start: shown.start,
        end: shown.end,
        ...(act.attendance === undefined ? {} : { attendance: act.attendance }),
        completeness: act.completeness,
        paidInFull: act.paidInFull,
        scheduled: act.scheduled,
        advance: act.advance,
        settled: act.settled,
        returned: act.returned,
        family: act.family,
        total: act.total,
        settledByPayer: settled.has(act.contractId),
      });
    }
    return { rows, names };
  }

  async function acts(actor: Actor, month: string): Promise<ProviderActsAnswer> {
    const { rows, names } = await actRows(actor, month);
    const byProvider = new Map<string, ProviderActRow[]>();
    for (const row of rows)
      byProvider.set(row.providerId, [...(byProvider.get(row.providerId) ?? []), row]);
    return {
      month,
      providers: [...byProvider.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([providerId, list]) => ({
          providerId,
          providerName: names.get(providerId) ?? providerId,
          acts: list,
          totals: providerActTotals(list),
        })),
    };
  }

  return {
    placeOf,

    /**
     * Brings into force the asker's accepted contracts whose start date has come (before its
     * contracts or acts are shown); returns their ids for the audit log.
     */
    async bringIntoForce(actor: Actor): Promise<string[]> {
      const activated = await desk.activateDue(today(), scope(actor, 'financing.contract.read'));
      return activated
        .filter((contract) => reaches(actor, 'financing.contract.read', contract.providerId))
        .map((contract) => contract.id);
    },

    /** Applications (requested contracts) of the asker's programmes, oldest first. */
    async applications(actor: Actor): Promise<DeskContract[]> {
      return (await listed(actor, 'financing.contract.read', ['requested'])).map(deskContract);
    },

    /**
     * The asker's contracts in force, about to start, or closed in the month, with the
     * month's attendance.
     */
    async contracts(actor: Actor, month?: string) {
      const day = today();
      const shownMonth = month ?? day.slice(0, 7);
      const records = (
        await listed(actor, 'financing.contract.read', ['accepted', 'active', 'closed'])
      ).filter(
        (record) =>
          record.contract.status !== 'closed' ||
          record.contract.schedule.some((entry) => entry.month === shownMonth),
      );
      const billed = records.filter((record) =>
        record.contract.schedule.some((entry) => entry.month === shownMonth),
      );
      const ids = billed.map((record) => record.contract.id);
      const attendance = await desk.attendanceOf(ids, shownMonth);
      const settled = await desk.settledContracts(ids, shownMonth);
      const contracts = [];
      for (const record of records) {
        const inMonth = billed.includes(record) && record.contract.status !== 'accepted';
        contracts.push({
          contract: deskContract(record),
          ...(inMonth
            ? {
                attendance: await attendanceAnswer(
                  record,
                  shownMonth,
                  attendance.get(record.contract.id),
                  settled,
                ),
              }
            : {}),
        });
      }
      return { month: shownMonth, contracts };
    },

    /** One contract's attendance in a month. */
    async attendance(actor: Actor, id: string, month: string) {
      const record = await reachable(actor, 'financing.contract.read', id);
      return {
        answer: await attendanceAnswer(record, month),
        place: placeOf(record.contract.providerId),
      };
    },

    /** Enters a month's attendance of one contract. */
    async saveAttendance(actor: Actor, id: string, month: string, body: DeskAttendanceBody) {
      const record = await reachable(actor, 'financing.contract.write', id);
      try {
        await desk.saveAttendance({ contractId: id, month, ...body }, today());
      } catch (error) {
        throw conflictAsHttp(error);
      }
      return {
        answer: await attendanceAnswer(record, month),
        place: placeOf(record.contract.providerId),
      };
    },

    /** Accepts an application (in force at once when its start date has come). */
    async accept(actor: Actor, id: string) {
      const record = await reachable(actor, 'financing.contract.write', id);
      try {
        await desk.accept(id, today());
      } catch (error) {
        throw conflictAsHttp(error);
      }
      return {
        answer: deskContract(await desk.findContract(id)),
        place: placeOf(record.contract.providerId),
      };
    },

    /** Declines an application (or an accepted contract before its start) with a reason. */
    async decline(actor: Actor, id: string, body: ProviderDeclineBody) {
      const record = await reachable(actor, 'financing.contract.write', id);
      try {
        await desk.decline(id, body, today());
      } catch (error) {
        throw conflictAsHttp(error);
      }
      return {
        answer: deskContract(await desk.findContract(id)),
        place: placeOf(record.contract.providerId),
      };
    },

    /** Terminates a contract in force, by the provider, with a reason and a day. */
    async terminate(actor: Actor, id: string, body: ProviderTerminateBody) {
      const record = await reachable(actor, 'financing.contract.write', id);
      try {
        await desk.terminate(id, body, today());
      } catch (error) {
        throw conflictAsHttp(error);
      }
      return {
        answer: deskContract(await desk.findContract(id)),
        place: placeOf(record.contract.providerId),
      };
    },

    /** The month's acts of the asker's contracts, per provider with totals. */
    acts,

    /** The month's acts as CSV for Excel (formula cells neutralised by `excelCsv`). */
    async actsCsv(actor: Actor, month: string, lang: 'ru' | 'en') {
      const answer = await acts(actor, month);
      const amount = (money: { toString(): string }): string =>
        lang === 'ru' ? money.toString().replace('.', ',') : money.toString();
      const number = (value: number | undefined): string =>
        value === undefined ? '' : lang === 'ru' ? String(value).replace('.', ',') : String(value);
      const yes = lang === 'ru' ? 'да' : 'yes';
      const no = lang === 'ru' ? 'нет' : 'no';
      const units = {
        sessions: lang === 'ru' ? 'занятия' : 'sessions',
        hours: lang === 'ru' ? 'часы' : 'hours',
      };
      const rows = answer.providers.flatMap((provider) => [
        ...provider.acts.map((act) => [
          month,
          provider.providerName,
          act.contractId,
          act.certificateNumber,
          act.programmeName,
          act.moduleName,
          act.groupName,
          act.attendance === undefined ? '' : units[act.attendance.unit],
          number(act.attendance?.planned),
          number(act.attendance?.attended),
          number(act.completeness),
          amount(act.scheduled),
          amount(act.advance),
          amount(act.settled),
          amount(act.returned),
          amount(act.family),
          amount(act.total),
          act.settledByPayer ? yes : no,
        ]),
        [
          month,
          provider.providerName,
          lang === 'ru' ? 'Итого' : 'Total',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          amount(provider.totals.scheduled),
          '',
          amount(provider.totals.settled),
          amount(provider.totals.returned),
          amount(provider.totals.family),
          amount(provider.totals.total),
          '',
        ],
      ]);
      return {
        text: excelCsv(rows, csvHeaders[lang]),
        contractIds: answer.providers.flatMap((provider) =>
          provider.acts.map((act) => act.contractId),
        ),
        fileName: `acts-${month}.csv`,
      };
    },
  };
}

/** The provider's desk service. @example `declare const desk: ProviderDeskService; desk.applications;` */
export type ProviderDeskService = ReturnType<typeof providerDeskService>;
