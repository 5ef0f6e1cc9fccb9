import type {
  FinancingReportRequest,
  ProviderView,
  SettlementRegister,
  SettlementStore,
} from '@eduset/adapters';
import {
  can,
  grantsFor,
  type Action,
  type Actor,
  type Contract,
  type FinancingReportAnswer,
  type FinancingReportQuery,
  type Instant,
  type SettlementCorrection,
  type SettlementCorrectionAnswer,
  type SettlementMonthList,
  type SettlementPreview,
  type SettlementStepAnswer,
} from '@eduset/core';
import { forbidden } from '../../plugins/access.js';

/**
 * Where the completeness of each contract's month comes from: the providers' attendance
 * (`contract id → percent`, 100 when a contract is absent). Injected, so the server can wire
 * the attendance the providers keep; none by default (every contract at 100 %).
 *
 * @example
 * ```ts
 * import type { CompletenessSource } from '@eduset/server';
 * const everyoneAttended: CompletenessSource = async () => ({});
 * ```
 */
export type CompletenessSource = (month: string) => Promise<Readonly<Record<string, number>>>;

/**
 * Brings into force (`accepted → active`) the accepted contracts whose start date has come by
 * `today`, of the providers given (`'all'`: every provider); returns the contracts it changed.
 * The server wires the provider desk's store (`storage.providerDesk.activateDue`), so a month
 * is never billed without a contract that began in it.
 *
 * @example
 * ```ts
 * import type { ContractActivation } from '@eduset/server';
 * declare const storage: import('@eduset/adapters').Storage;
 * const activateDue: ContractActivation = (today, providers) =>
 *   storage.providerDesk.activateDue(today, providers);
 * ```
 */
export type ContractActivation = (
  today: string,
  providers: readonly string[] | 'all',
) => Promise<readonly Contract[]>;

/**
 * What the payer's desk and the coverage report need: the settlement store, the clock, the
 * financing network, the zone whose calendar the months follow, the advance percent (80 by
 * default), where completeness comes from and what brings accepted contracts into force.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { SettlementServiceOptions } from '@eduset/server';
 * declare const storage: import('@eduset/adapters').Storage;
 * const options: SettlementServiceOptions = {
 *   settlement: storage.settlement,
 *   now: () => instant(new Date()),
 * };
 * ```
 */
export interface SettlementServiceOptions {
  readonly settlement: SettlementStore;
  readonly now: () => Instant;
  /** The network every financing record lies in (`michurinsk` by default). */
  readonly networkId?: string;
  /** The zone whose civil date is "today" (`Europe/Moscow` by default). */
  readonly timeZone?: string;
  /** The advance percent (80 by default). */
  readonly advancePercent?: number;
  /** The completeness of each contract's month; every contract at 100 % when not given. */
  readonly completenessOf?: CompletenessSource;
  /**
   * Brings the accepted contracts whose start date has come into force before a month is
   * listed, previewed or approved; none by default (contracts are activated elsewhere).
   */
  readonly activateDue?: ContractActivation;
}

/**
 * The use cases of the payer's desk and the coordinator's reports, each asking core's
 * policy for the financing network: the payer (`financing.billing.*`) works on every
 * provider; a provider holding `financing.billing.read` for its own organization sees its
 * own line and contracts only; the coordinator and the payer read the coverage report
 * (`financing.reports.read`). Anyone else: {@link forbidden}.
 *
 * @example
 * ```ts
 * import type { SettlementService } from '@eduset/server';
 * declare const service: SettlementService;
 * declare const actor: import('@eduset/core').Actor;
 * (await service.months(actor)).months.length;
 * ```
 */
export interface SettlementService {
  readonly networkId: string;
  /**
   * Brings into force the accepted contracts (of the providers the asker sees) whose start
   * date has come, so the month's figures include them; returns their ids for the audit log.
   */
  bringIntoForce(actor: Actor): Promise<string[]>;
  months(actor: Actor): Promise<SettlementMonthList>;
  preview(
    actor: Actor,
    month: string,
    provider?: string,
    summary?: boolean,
  ): Promise<SettlementPreview>;
  approve(actor: Actor, month: string): Promise<SettlementStepAnswer>;
  pay(actor: Actor, month: string): Promise<SettlementStepAnswer>;
  close(actor: Actor, month: string): Promise<SettlementStepAnswer>;
  correct(
    actor: Actor,
    month: string,
    correction: SettlementCorrection,
  ): Promise<SettlementCorrectionAnswer>;
  register(actor: Actor, month: string): Promise<SettlementRegister>;
  report(actor: Actor, query: FinancingReportQuery): Promise<FinancingReportAnswer>;
}

function civilDate(at: Instant, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));
}

/**
 * The settlement use cases over a store (see {@link SettlementService}).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { settlementService } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const service = settlementService({ settlement: storage.settlement, now: () => instant(new Date()) });
 * ```
 */
export function settlementService(options: SettlementServiceOptions): SettlementService {
  const { settlement, now } = options;
  const networkId = options.networkId ?? 'michurinsk';
  const timeZone = options.timeZone ?? 'Europe/Moscow';
  const completenessOf: CompletenessSource = options.completenessOf ?? (async () => ({}));
  const runOptions = async (month: string) => ({
    completeness: await completenessOf(month),
    ...(options.advancePercent === undefined ? {} : { advancePercent: options.advancePercent }),
  });

  /** Every provider, or the providers the actor's grants name; forbidden otherwise. */
  const viewOf = (actor: Actor, action: Action): ProviderView => {
    if (can(actor, action, { networkId })) return {};
    const providers = grantsFor(actor, action)
      .map((grant) => grant.organizationId)
      .filter(
        (id): id is string =>
          id !== undefined && can(actor, action, { networkId, organizationId: id }),
      );
    if (providers.length === 0) throw forbidden();
    return { providers: [...new Set(providers)].sort() };
  };
  const mayWrite = (actor: Actor): void => {
    if (!can(actor, 'financing.billing.write', { networkId })) throw forbidden();
  };
  const stampOf = (actor: Actor) => ({
    by: actor.kind === 'staff' ? actor.displayName : '—',
    at: now(),
  });

  return {
    networkId,

    async bringIntoForce(actor) {
      if (options.activateDue === undefined) return [];
      const view = viewOf(actor, 'financing.billing.read');
      const activated = await options.activateDue(
        civilDate(now(), timeZone),
        view.providers ?? 'all',
      );
      return activated.map((contract) => contract.id);
    },

    async months(actor) {
      const view = viewOf(actor, 'financing.billing.read');
      return {
        current: civilDate(now(), timeZone).slice(0, 7),
        months: await settlement.listMonths(view),
      };
    },

    async preview(actor, month, provider, summary) {
      const view = viewOf(actor, 'financing.billing.read');
      if (
        provider !== undefined &&
        view.providers !== undefined &&
        !view.providers.includes(provider)
      )
        throw forbidden();
      return settlement.preview(month, await runOptions(month), {
        ...view,
        ...(provider === undefined ? {} : { provider }),
        ...(summary === true ? { summary } : {}),
      });
    },

    async approve(actor, month) {
      mayWrite(actor);
      return settlement.approve(
        month,
        await runOptions(month),
        stampOf(actor),
        civilDate(now(), timeZone),
      );
    },

    async pay(actor, month) {
      mayWrite(actor);
      return settlement.pay(month, stampOf(actor));
    },

    async close(actor, month) {
      mayWrite(actor);
      return settlement.close(month, stampOf(actor));
    },

    async correct(actor, month, correction) {
      mayWrite(actor);
      return settlement.correct(month, correction, stampOf(actor));
    },

    async register(actor, month) {
      return settlement.register(month, viewOf(actor, 'financing.billing.read'));
    },

    async report(actor, query) {
      if (!can(actor, 'financing.reports.read', { networkId })) throw forbidden();
      const request: FinancingReportRequest = {
        today: civilDate(now(), timeZone),
        ...(query.period === undefined ? {} : { period: query.period }),
        ...(query.on === undefined ? {} : { on: query.on }),
        ...(query.direction === undefined ? {} : { direction: query.direction }),
        ...(query.provider === undefined ? {} : { providerId: query.provider }),
      };
      return settlement.report(request);
    },
  };
}
